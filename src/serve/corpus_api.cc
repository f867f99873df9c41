// CorpusApi: parameter checking and routing; the JSON of each answer is in api_json.cc.
#include "dossier/corpus_api.h"

#include <charconv>
#include <set>
#include <vector>

#include "serve/api_json.h"

namespace dossier {
namespace {

ApiResponse Error(int status, std::string_view message) {
  serve::JsonBuilder j;
  j.BeginObject().Key("error").String(message).EndObject();
  return {status, "application/json", j.Take()};
}

ApiResponse Json(std::string body) { return {200, "application/json", std::move(body)}; }

// The request's parameters, each given at most once and each one the endpoint knows.
class Params {
 public:
  Params(const ApiParams& params, std::initializer_list<std::string_view> known) : params_(&params) {
    std::set<std::string_view> allowed(known.begin(), known.end());
    for (const auto& [key, value] : params) {
      if (!allowed.count(key)) error_ = "unknown parameter '" + key + "'";
      else if (params.count(key) > 1) error_ = "parameter '" + key + "' given more than once";
      if (!error_.empty()) return;
    }
  }
  const std::string& error() const { return error_; }

  std::string Text(const std::string& key, size_t max_bytes = 1000) {
    auto it = params_->find(key);
    if (it == params_->end()) return "";
    if (it->second.size() > max_bytes) Fail("parameter '" + key + "' is too long");
    return it->second;
  }
  // An integer in [lo, hi]; `fallback` when absent.
  uint32_t Number(const std::string& key, uint32_t fallback, uint32_t lo, uint32_t hi) {
    auto it = params_->find(key);
    if (it == params_->end()) return fallback;
    uint32_t v = 0;
    const std::string& s = it->second;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || ec != std::errc() || end != s.data() + s.size() || v < lo || v > hi) {
      Fail("parameter '" + key + "' must be a whole number from " + std::to_string(lo) + " to " + std::to_string(hi));
      return fallback;
    }
    return v;
  }
  std::string OneOf(const std::string& key, std::initializer_list<std::string_view> values) {
    std::string v = Text(key);
    if (v.empty()) return v;
    for (std::string_view allowed : values)
      if (v == allowed) return v;
    std::string list;
    for (std::string_view allowed : values) list.append(list.empty() ? "" : ", ").append(allowed);
    Fail("parameter '" + key + "' must be one of " + list);
    return "";
  }
  std::string Date(const std::string& key) {
    std::string v = Text(key);
    if (v.empty()) return v;
    bool ok = v.size() == 10 && v[4] == '-' && v[7] == '-';
    for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) ok = ok && v[i] >= '0' && v[i] <= '9';
    if (!ok) Fail("parameter '" + key + "' must be a date YYYY-MM-DD");
    return ok ? v : "";
  }

 private:
  void Fail(std::string message) {
    if (error_.empty()) error_ = std::move(message);
  }
  const ApiParams* params_;
  std::string error_;
};

// "/api/documents/17" -> 17 under `prefix` "/api/documents/"; -1 when the rest is not a number.
int64_t IdAfter(std::string_view path, std::string_view prefix) {
  std::string_view rest = path.substr(prefix.size());
  int64_t id = -1;
  auto [end, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), id);
  if (rest.empty() || ec != std::errc() || end != rest.data() + rest.size() || id < 0) return -1;
  return id;
}

}  // namespace

ApiResponse CorpusApi::Handle(std::string_view method, std::string_view path, const ApiParams& params) {
  if (method != "GET" && method != "HEAD") return Error(405, "only GET is served");
  if (!path.starts_with("/api/")) {
    ApiResponse asset;
    if (WebAsset(path, &asset)) return asset;
    return Error(404, "no such page");
  }
  std::string error;
  if (path == "/api/stats") {
    Params p(params, {});
    if (!p.error().empty()) return Error(400, p.error());
    StoreStats stats;
    if (!store_->Stats(&stats, &error)) return Error(500, error);
    return Json(serve::StatsJson(stats));
  }
  if (path == "/api/search") {
    Params p(params, {"q", "entity", "speaker", "type", "site", "from", "to", "limit", "offset"});
    SearchRequest r;
    r.query = p.Text("q");
    r.entity = p.Text("entity", 200);
    r.speaker = p.Text("speaker", 200);
    r.type = p.OneOf("type", {"html", "text"});
    r.site = p.Text("site", 200);
    r.published_from = p.Date("from");
    r.published_to = p.Date("to");
    r.limit = p.Number("limit", 20, 1, 200);
    r.offset = p.Number("offset", 0, 0, 100000);
    if (!p.error().empty()) return Error(400, p.error());
    // Marks the UI turns into <mark> elements; control characters never occur in stored text.
    r.mark_open = "\x01";
    r.mark_close = "\x02";
    std::vector<SearchHit> hits;
    if (!store_->Search(r, &hits, &error)) return Error(400, "search failed: " + error);
    // Facets over the best hits (at most 200): sites, types and years to narrow the search by.
    SearchRequest wide = r;
    wide.limit = 200;
    wide.offset = 0;
    wide.snippet_words = 1;
    std::vector<SearchHit> top;
    if (!store_->Search(wide, &top, &error)) return Error(400, "search failed: " + error);
    return Json(serve::SearchJson(r, hits, top));
  }
  if (path.starts_with("/api/documents/")) {
    const int64_t id = IdAfter(path, "/api/documents/");
    if (id < 0) return Error(400, "a document id is a whole number");
    Params p(params, {});
    if (!p.error().empty()) return Error(400, p.error());
    CorpusDocument doc;
    if (!store_->GetDocument(id, &doc, &error)) return error.empty() ? Error(404, "no such document") : Error(500, error);
    // Each document entity with the corpus entity of its name, for the links.
    std::vector<int64_t> corpus_ids;
    for (const auto& e : doc.entities) {
      std::vector<int64_t> ids;
      if (!store_->FindEntities(e.name, &ids, &error)) return Error(500, error);
      corpus_ids.push_back(ids.size() == 1 ? ids[0] : -1);
    }
    return Json(serve::DocumentJson(id, doc, corpus_ids));
  }
  if (path == "/api/entities") {
    Params p(params, {"type", "sort", "limit", "min_documents"});
    EntityListRequest r;
    r.type = p.OneOf("type", {"PER", "ORG", "LOC", "MISC"});
    r.sort = p.OneOf("sort", {"id", "mentions", "documents"});
    if (r.sort.empty()) r.sort = "documents";
    r.limit = p.Number("limit", 100, 1, 1000);
    r.min_documents = p.Number("min_documents", 0, 0, 1000000);
    if (!p.error().empty()) return Error(400, p.error());
    std::vector<StoredEntity> entities;
    if (!store_->ListEntities(r, &entities, &error)) return Error(500, error);
    return Json(serve::EntitiesJson(entities));
  }
  if (path.starts_with("/api/entities/")) {
    const int64_t id = IdAfter(path, "/api/entities/");
    if (id < 0) return Error(400, "an entity id is a whole number");
    Params p(params, {"limit"});
    const uint32_t limit = p.Number("limit", 50, 1, 500);
    if (!p.error().empty()) return Error(400, p.error());
    EntityDetail detail;
    if (!store_->GetEntity(id, limit, &detail, &error)) return error.empty() ? Error(404, "no such entity") : Error(500, error);
    return Json(serve::EntityDetailJson(detail));
  }
  if (path == "/api/quotes") {
    Params p(params, {"speaker", "limit"});
    const std::string speaker = p.Text("speaker", 200);
    const uint32_t limit = p.Number("limit", 50, 1, 500);
    if (!p.error().empty()) return Error(400, p.error());
    if (speaker.empty()) return Error(400, "parameter 'speaker' is required");
    std::vector<QuoteHit> quotes;
    if (!store_->QuotesBySpeaker(speaker, limit, &quotes, &error)) return Error(500, error);
    return Json(serve::QuotesJson(speaker, quotes));
  }
  if (path == "/api/timeline") {
    Params p(params, {"entity", "doc", "story", "limit"});
    constexpr uint32_t kAbsent = 0xFFFFFFFFu;
    TimelineRequest r;
    r.entity = p.Text("entity", 200);
    const uint32_t doc = p.Number("doc", kAbsent, 0, kAbsent - 1);
    const uint32_t story = p.Number("story", kAbsent, 0, 1000000);
    r.limit = p.Number("limit", 200, 1, 2000);
    if (!p.error().empty()) return Error(400, p.error());
    if (story != kAbsent && doc == kAbsent) return Error(400, "parameter 'story' needs 'doc'");
    if (doc != kAbsent) r.doc_id = doc;
    if (story != kAbsent) r.story = static_cast<int32_t>(story);
    std::vector<CorpusTimelineEvent> events;
    if (!store_->Timeline(r, &events, &error)) return Error(500, error);
    return Json(serve::TimelineJson(r.entity, events));
  }
  return Error(404, "no such endpoint");
}

}  // namespace dossier
