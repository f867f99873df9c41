// The corpus API (CorpusApi) on a small corpus written by hand, on both backends (SQLite, and
// PostgreSQL when $DOSSIER_TEST_POSTGRES_URL names a server): every endpoint's answer,
// the 400/404/405 errors with JSON bodies, hostile text kept as data, hostile queries that must not
// reach SQL as code, and the web UI's files.
#include <gtest/gtest.h>
#include <unistd.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "dossier/corpus_api.h"
#include "serve/api_json.h"
#include "serve/json_builder.h"
#include "../store/corpus_test_support.h"
#include "../store/test_corpus.h"

namespace dossier {
namespace {

using Doc = CorpusDocument;
using nlohmann::json;
using testing_support::AddEntity;
using testing_support::Backend;
using testing_support::TestCorpus;

// A one-story crude-text document; input offsets are shifted by `shift` bytes from the canonical
// ones, as when the input had a leading line the cleaning dropped.
Doc MakeDoc(const std::string& path, const std::vector<std::string>& lines, uint64_t shift = 0) {
  Doc d;
  d.path = path;
  d.format = "text";
  d.encoding = "UTF-8";
  for (const auto& l : lines) {
    if (!d.text.empty()) d.text.push_back('\n');
    Doc::Block b;
    b.story = 0;
    b.line = static_cast<uint32_t>(d.blocks.size() + 1);
    b.begin = static_cast<uint32_t>(d.text.size());
    d.text += l;
    b.end = static_cast<uint32_t>(d.text.size());
    b.source_begin = b.begin + shift;
    b.source_end = b.end + shift;
    d.blocks.push_back(b);
  }
  d.blocks[0].kind = BlockKind::kHeading;
  d.size_bytes = d.text.size() + shift;
  d.stories.push_back({lines[0], 0, 0, static_cast<uint32_t>(lines.size() - 1), shift, d.text.size() + shift});
  d.title = lines[0];
  d.content_hash = ContentHash(d.text + path);
  return d;
}

class CorpusApiTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    DOSSIER_REQUIRE_CORPUS(corpus_);
    std::string error;
    store_ = OpenCorpusStore(corpus_.db(), {}, &error);
    ASSERT_NE(store_, nullptr) << error;
    // A: Ola Brekke quoted, a date; input offsets 10 bytes after the canonical ones.
    Doc a = MakeDoc("a.txt", {"Harbour ceasefire talks", "Ola Brekke said the ceasefire “will hold until spring”.",
                              "Mr Brekke met envoys on 20 November 2025."}, 10);
    AddEntity(&a, EntityType::kPerson, "Ola Brekke", {"Ola Brekke", "Mr Brekke"}, 10);
    Doc::Quote q;
    q.type = QuoteType::kDirect;
    q.text = "will hold until spring";
    const size_t at = a.text.find(q.text);
    q.source_begin = at + 10;
    q.source_end = at + q.text.size() + 10;
    q.has_speaker = true;
    q.speaker_text = "Ola Brekke";
    q.speaker_name = "Ola Brekke";
    q.speaker_entity = 0;
    q.cue = "said";
    a.quotes.push_back(q);
    Doc::Timex t;
    t.type = TimexType::kDate;
    t.text = "20 November 2025";
    t.value = "2025-11-20";
    t.source_begin = a.text.find(t.text) + 10;
    t.source_end = t.source_begin + t.text.size();
    a.timexes.push_back(t);
    a.published = "2025-11-20";
    // B: hostile text that must stay text, and the same person by full name.
    Doc b = MakeDoc("b.html", {"<script>alert(1)</script> headline",
                               "Ola Brekke wrote \"><img src=x onerror=alert(2)> in a ceasefire note."});
    b.format = "html";
    b.site = "Example News";
    AddEntity(&b, EntityType::kPerson, "Ola Brekke", {"Ola Brekke"});
    for (const Doc* d : {&a, &b}) {
      PutResult r;
      ASSERT_TRUE(store_->Put(*d, &r, &error)) << error;
    }
    ASSERT_TRUE(store_->Commit(&error)) << error;
    ASSERT_TRUE(store_->RelinkEntities(&error)) << error;
    api_ = std::make_unique<CorpusApi>(store_.get());
  }

  ApiResponse Get(const std::string& path, ApiParams params = {}) { return api_->Handle("GET", path, params); }
  json GetJson(const std::string& path, ApiParams params = {}, int status = 200) {
    ApiResponse r = Get(path, std::move(params));
    EXPECT_EQ(r.status, status) << path << ": " << r.body;
    EXPECT_EQ(r.content_type, "application/json");
    return json::parse(r.body);
  }

  TestCorpus corpus_{GetParam()};
  std::unique_ptr<CorpusStore> store_;
  std::unique_ptr<CorpusApi> api_;
};

TEST_P(CorpusApiTest, StatsCountTheCorpus) {
  json s = GetJson("/api/stats");
  EXPECT_EQ(s["documents"], 2);
  EXPECT_EQ(s["quotes"], 1);
  EXPECT_EQ(s["timexes"], 1);
}

TEST_P(CorpusApiTest, SearchRanksMarksAndCountsFacets) {
  json r = GetJson("/api/search", {{"q", "ceasefire"}});
  ASSERT_EQ(r["hits"].size(), 2u);
  for (const auto& h : r["hits"]) {
    const std::string snippet = h["snippet"];
    EXPECT_NE(snippet.find("\x01" "ceasefire\x02"), std::string::npos) << snippet;
  }
  EXPECT_EQ(r["facets"]["type"].size(), 2u);
  EXPECT_EQ(r["facets"]["site"][0]["value"], "Example News");
  EXPECT_EQ(r["facets"]["site"][0]["count"], 1);
  // Filters: by type, and by an alias of the corpus entity.
  r = GetJson("/api/search", {{"q", "ceasefire"}, {"type", "html"}});
  ASSERT_EQ(r["hits"].size(), 1u);
  EXPECT_EQ(r["hits"][0]["path"], "b.html");
  r = GetJson("/api/search", {{"entity", "mr brekke"}});
  EXPECT_EQ(r["hits"].size(), 2u);
  r = GetJson("/api/search", {{"q", "envoys"}, {"limit", "1"}, {"offset", "1"}});
  EXPECT_EQ(r["hits"].size(), 0u);
}

TEST_P(CorpusApiTest, DocumentPlacesQuotesAndDatesInTheCanonicalText) {
  json s = GetJson("/api/search", {{"q", "envoys"}});
  ASSERT_EQ(s["hits"].size(), 1u);
  const int64_t id = s["hits"][0]["doc_id"];
  json d = GetJson("/api/documents/" + std::to_string(id));
  const std::string text = d["text"];
  EXPECT_EQ(d["blocks"][0]["kind"], "heading");
  ASSERT_EQ(d["quotes"].size(), 1u);
  const size_t qb = d["quotes"][0]["begin"], qe = d["quotes"][0]["end"];
  EXPECT_EQ(text.substr(qb, qe - qb), "will hold until spring");
  EXPECT_EQ(d["quotes"][0]["speaker"]["name"], "Ola Brekke");
  const size_t tb = d["timexes"][0]["begin"], te = d["timexes"][0]["end"];
  EXPECT_EQ(text.substr(tb, te - tb), "20 November 2025");
  EXPECT_EQ(d["timexes"][0]["value"], "2025-11-20");
  ASSERT_EQ(d["mentions"].size(), 2u);
  const size_t mb = d["mentions"][1]["begin"], me = d["mentions"][1]["end"];
  EXPECT_EQ(text.substr(mb, me - mb), "Mr Brekke");
  EXPECT_TRUE(d["entities"][0]["corpus_entity"].is_number());
}

TEST_P(CorpusApiTest, EntityPageHasAliasesDocumentsAndQuotes) {
  json list = GetJson("/api/entities", {{"type", "PER"}});
  ASSERT_EQ(list["entities"].size(), 1u);
  const json& e = list["entities"][0];
  EXPECT_EQ(e["name"], "Ola Brekke");
  EXPECT_EQ(e["documents"], 2);
  json detail = GetJson("/api/entities/" + std::to_string(e["id"].get<int64_t>()));
  std::vector<std::string> aliases;
  for (const auto& a : detail["entity"]["aliases"]) aliases.push_back(a["text"]);
  EXPECT_NE(std::find(aliases.begin(), aliases.end(), "Mr Brekke"), aliases.end());
  EXPECT_EQ(detail["documents"].size(), 2u);
  ASSERT_EQ(detail["quotes"].size(), 1u);
  EXPECT_EQ(detail["quotes"][0]["text"], "will hold until spring");
  json quotes = GetJson("/api/quotes", {{"speaker", "Mr Brekke"}});
  EXPECT_EQ(quotes["quotes"].size(), 1u);
  json timeline = GetJson("/api/timeline", {{"entity", "Ola Brekke"}});
  ASSERT_EQ(timeline["events"].size(), 1u);
  EXPECT_EQ(timeline["events"][0]["date"], "2025-11-20");
  // The same event through its document and its story; another story of it has none.
  const std::string doc = std::to_string(timeline["events"][0]["doc_id"].get<int64_t>());
  EXPECT_EQ(GetJson("/api/timeline", {{"doc", doc}, {"story", "0"}})["events"].size(), 1u);
  EXPECT_EQ(GetJson("/api/timeline", {{"doc", doc}, {"story", "1"}})["events"].size(), 0u);
}

TEST_P(CorpusApiTest, HostileTextStaysData) {
  json r = GetJson("/api/search", {{"q", "headline"}});
  ASSERT_EQ(r["hits"].size(), 1u);
  EXPECT_EQ(r["hits"][0]["title"], "<script>alert(1)</script> headline");
  json d = GetJson("/api/documents/" + std::to_string(r["hits"][0]["doc_id"].get<int64_t>()));
  EXPECT_NE(d["text"].get<std::string>().find("\"><img src=x onerror=alert(2)>"), std::string::npos);
  // The raw body never carries an unescaped quote that could end the JSON string early.
  const std::string body = Get("/api/documents/" + std::to_string(r["hits"][0]["doc_id"].get<int64_t>())).body;
  EXPECT_NE(body.find("\\\"><img"), std::string::npos);
}

TEST_P(CorpusApiTest, BadParametersAre400WithAJsonError) {
  const std::vector<std::pair<std::string, ApiParams>> bad = {
      {"/api/search", {{"limit", "abc"}}},        {"/api/search", {{"limit", "0"}}},
      {"/api/search", {{"limit", "5000"}}},       {"/api/search", {{"from", "2020-13"}}},
      {"/api/search", {{"type", "pdf"}}},         {"/api/search", {{"colour", "red"}}},
      {"/api/search", {{"q", "a"}, {"q", "b"}}},  {"/api/search", {{"q", std::string(2000, 'x')}}},
      {"/api/documents/abc", {}},                 {"/api/documents/-3", {}},
      {"/api/documents/1x", {}},                  {"/api/entities/", {}},
      {"/api/entities", {{"sort", "name"}}},      {"/api/quotes", {}},
      {"/api/timeline", {{"limit", "1e3"}}},      {"/api/timeline", {{"story", "0"}}},
      {"/api/timeline", {{"doc", "-1"}}},
  };
  for (const auto& [path, params] : bad) {
    json e = GetJson(path, params, 400);
    EXPECT_TRUE(e["error"].is_string()) << path;
  }
  EXPECT_EQ(GetJson("/api/documents/999", {}, 404)["error"], "no such document");
  EXPECT_EQ(GetJson("/api/entities/999", {}, 404)["error"], "no such entity");
  EXPECT_EQ(GetJson("/api/nothing", {}, 404)["error"], "no such endpoint");
  EXPECT_EQ(api_->Handle("POST", "/api/stats", {}).status, 405);
}

TEST_P(CorpusApiTest, HostileQueriesNeverRunAsSql) {
  const std::vector<std::string> queries = {
      "'; DROP TABLE documents; --", "\"unbalanced", "a OR", "NEAR(", "*", "-", "ceasefire) OR (1=1",
      "x\" OR \"1\"=\"1", "\\", "%", "_", "title:ceasefire", "^ceasefire", "{a b}: c"};
  for (const std::string& q : queries) {
    for (const char* field : {"q", "entity", "speaker", "site"}) {
      ApiResponse r = Get("/api/search", {{field, q}});
      EXPECT_TRUE(r.status == 200 || r.status == 400) << field << "=" << q << ": " << r.status << " " << r.body;
      EXPECT_NO_THROW(json::parse(r.body));
    }
  }
  EXPECT_EQ(GetJson("/api/stats")["documents"], 2);
  EXPECT_EQ(GetJson("/api/search", {{"q", "ceasefire"}})["hits"].size(), 2u);
}

INSTANTIATE_TEST_SUITE_P(Backends, CorpusApiTest, ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         testing_support::BackendName);

TEST(WebAssets, ThePageAndItsFilesAreServedAndNothingElse) {
  ApiResponse page;
  ASSERT_TRUE(WebAsset("/", &page));
  EXPECT_EQ(page.content_type, "text/html; charset=utf-8");
  EXPECT_NE(page.body.find("<main id=\"main\""), std::string::npos);
  ApiResponse js;
  ASSERT_TRUE(WebAsset("/app.js", &js));
  // The page writes corpus text through the DOM only: no API that parses a string as HTML.
  for (const char* html_sink : {"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("})
    EXPECT_EQ(js.body.find(html_sink), std::string::npos) << html_sink;
  ApiResponse css;
  EXPECT_TRUE(WebAsset("/style.css", &css));
  ApiResponse none;
  EXPECT_FALSE(WebAsset("/../etc/passwd", &none));
  EXPECT_FALSE(WebAsset("/index.html.bak", &none));
}

TEST(JsonBuilder, CommasKeysAndNullsAreWhereTheyBelong) {
  serve::JsonBuilder j;
  j.BeginObject().Key("a").Int(1).Key("b").BeginArray().String("x\"y").Null().BeginObject().EndObject().EndArray();
  j.Key("c").StringOrNull("").Key("d").Bool(true).EndObject();
  EXPECT_EQ(j.Take(), R"({"a":1,"b":["x\"y",null,{}],"c":null,"d":true})");
}

TEST(FindNear, TheOccurrenceClosestToTheEstimate) {
  const std::string text = "said no. He said yes. They said maybe.";
  EXPECT_EQ(serve::FindNear(text, "said", 0), 0u);
  EXPECT_EQ(serve::FindNear(text, "said", 14), 12u);
  EXPECT_EQ(serve::FindNear(text, "said", 30), 27u);
  EXPECT_EQ(serve::FindNear(text, "absent", 3), std::string::npos);
  EXPECT_EQ(serve::FindNear(text, "", 3), std::string::npos);
}

}  // namespace
}  // namespace dossier
