// The JSON bodies of the corpus API. Field names follow `dossier analyze` and `dossier search`
// where the same thing is shown; empty strings are null ("unknown").
#include "serve/api_json.h"

#include <algorithm>
#include <map>

namespace dossier::serve {
namespace {

void HitFields(const SearchHit& h, JsonBuilder* j) {
  j->Key("doc_id").Int(h.doc_id).Key("path").String(h.path).Key("title").StringOrNull(h.title);
  j->Key("site").StringOrNull(h.site).Key("published").StringOrNull(h.published).Key("type").StringOrNull(h.format);
  j->Key("score").Double(h.score).Key("snippet").String(h.snippet);
}

void EntityFields(const StoredEntity& e, JsonBuilder* j) {
  j->Key("id").Int(e.id).Key("type").String(EntityTypeName(e.type)).Key("name").String(e.name);
  j->Key("aliases").BeginArray();
  for (const auto& a : e.aliases) j->BeginObject().Key("text").String(a.text).Key("mentions").Int(a.mentions).EndObject();
  j->EndArray();
  j->Key("mentions").Int(e.mentions).Key("documents").Int(e.documents);
  j->Key("evidence").BeginObject().Key("same_name").Int(e.joined_by_name).Key("surname").Int(e.joined_by_surname);
  j->Key("alias").Int(e.joined_by_alias).EndObject();
}

void QuoteFields(const CorpusDocument::Quote& q, JsonBuilder* j) {
  j->Key("type").String(QuoteTypeName(q.type)).Key("text").String(q.text);
  j->Key("speaker");
  if (q.has_speaker) {
    j->BeginObject().Key("text").String(q.speaker_text).Key("name").StringOrNull(q.speaker_name);
    j->Key("entity");
    if (q.speaker_entity >= 0) j->Int(q.speaker_entity);
    else j->Null();
    j->EndObject();
  } else {
    j->Null();
  }
  j->Key("cue").StringOrNull(q.cue).Key("source_begin").Int(static_cast<int64_t>(q.source_begin));
  j->Key("source_end").Int(static_cast<int64_t>(q.source_end));
}

void QuoteHitFields(const QuoteHit& h, JsonBuilder* j) {
  j->Key("doc_id").Int(h.doc_id).Key("path").String(h.path).Key("title").StringOrNull(h.title);
  j->Key("published").StringOrNull(h.published);
  QuoteFields(h.quote, j);
}

// The canonical offset an input offset falls at: inside the block that holds it, the same distance
// from the block's start (exact for lines kept as they were, near for repaired ones).
size_t CanonicalNear(const CorpusDocument& doc, uint64_t source) {
  for (const auto& b : doc.blocks) {
    if (source >= b.source_begin && source < b.source_end) {
      return b.begin + std::min<uint64_t>(source - b.source_begin, b.end - b.begin);
    }
  }
  return 0;
}

// "begin"/"end" of `needle` located near the input offset `source`, or nulls.
void LocatedSpan(const CorpusDocument& doc, std::string_view needle, uint64_t source, JsonBuilder* j) {
  size_t at = FindNear(doc.text, needle, CanonicalNear(doc, source));
  // A split quotation's parts are joined by a space: locate its first part.
  if (at == std::string_view::npos && needle.size() > 40) {
    needle = needle.substr(0, 40);
    at = FindNear(doc.text, needle, CanonicalNear(doc, source));
  }
  if (at == std::string_view::npos) {
    j->Key("begin").Null().Key("end").Null();
  } else {
    j->Key("begin").Int(static_cast<int64_t>(at)).Key("end").Int(static_cast<int64_t>(at + needle.size()));
  }
}

void Facet(std::string_view name, const std::map<std::string, int>& counts, JsonBuilder* j) {
  std::vector<std::pair<std::string, int>> sorted(counts.begin(), counts.end());
  std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  j->Key(name).BeginArray();
  for (const auto& [value, count] : sorted) j->BeginObject().Key("value").String(value).Key("count").Int(count).EndObject();
  j->EndArray();
}

}  // namespace

size_t FindNear(std::string_view text, std::string_view needle, size_t near) {
  if (needle.empty()) return std::string_view::npos;
  size_t best = std::string_view::npos, best_distance = 0;
  for (size_t at = text.find(needle); at != std::string_view::npos; at = text.find(needle, at + 1)) {
    const size_t distance = at > near ? at - near : near - at;
    if (best == std::string_view::npos || distance < best_distance) {
      best = at;
      best_distance = distance;
    }
    if (at > near) break;  // later ones are only farther
  }
  return best;
}

std::string StatsJson(const StoreStats& s) {
  JsonBuilder j;
  j.BeginObject().Key("documents").Int(static_cast<int64_t>(s.documents)).Key("blocks").Int(static_cast<int64_t>(s.blocks));
  j.Key("entities").Int(static_cast<int64_t>(s.entities)).Key("mentions").Int(static_cast<int64_t>(s.mentions));
  j.Key("corpus_entities").Int(static_cast<int64_t>(s.corpus_entities)).Key("quotes").Int(static_cast<int64_t>(s.quotes));
  j.Key("timexes").Int(static_cast<int64_t>(s.timexes)).Key("amounts").Int(static_cast<int64_t>(s.amounts));
  j.Key("text_bytes").Int(static_cast<int64_t>(s.text_bytes)).Key("schema_version").Int(s.schema_version).EndObject();
  return j.Take();
}

std::string SearchJson(const SearchRequest& r, const std::vector<SearchHit>& hits, const std::vector<SearchHit>& top) {
  JsonBuilder j;
  j.BeginObject().Key("query").String(r.query).Key("limit").Int(r.limit).Key("offset").Int(r.offset);
  j.Key("hits").BeginArray();
  for (const auto& h : hits) {
    j.BeginObject();
    HitFields(h, &j);
    j.EndObject();
  }
  j.EndArray();
  std::map<std::string, int> sites, types, years;
  for (const auto& h : top) {
    if (!h.site.empty()) ++sites[h.site];
    if (!h.format.empty()) ++types[h.format];
    if (h.published.size() >= 4) ++years[h.published.substr(0, 4)];
  }
  j.Key("matched_at_least").Int(static_cast<int64_t>(top.size()));
  j.Key("facets").BeginObject();
  Facet("site", sites, &j);
  Facet("type", types, &j);
  Facet("year", years, &j);
  j.EndObject().EndObject();
  return j.Take();
}

std::string DocumentJson(int64_t id, const CorpusDocument& d, const std::vector<int64_t>& corpus_ids) {
  JsonBuilder j;
  j.BeginObject().Key("id").Int(id).Key("path").String(d.path).Key("type").String(d.format);
  j.Key("title").StringOrNull(d.title).Key("site").StringOrNull(d.site).Key("url").StringOrNull(d.url);
  j.Key("published").StringOrNull(d.published).Key("language").StringOrNull(d.language);
  j.Key("description").StringOrNull(d.description).Key("section").StringOrNull(d.section);
  j.Key("bylines").BeginArray();
  for (const auto& b : d.bylines) j.String(b);
  j.EndArray();
  j.Key("text").String(d.text);
  j.Key("blocks").BeginArray();
  for (const auto& b : d.blocks) {
    j.BeginObject().Key("kind").String(BlockKindName(b.kind)).Key("story");
    if (b.story >= 0) j.Int(b.story);
    else j.Null();
    j.Key("begin").Int(b.begin).Key("end").Int(b.end).EndObject();
  }
  j.EndArray();
  j.Key("stories").BeginArray();
  for (const auto& s : d.stories) {
    j.BeginObject().Key("title").StringOrNull(s.title).Key("first_block").Int(s.first_block);
    j.Key("last_block").Int(s.last_block).EndObject();
  }
  j.EndArray();
  j.Key("entities").BeginArray();
  for (size_t e = 0; e < d.entities.size(); ++e) {
    j.BeginObject().Key("id").Int(static_cast<int64_t>(e)).Key("type").String(EntityTypeName(d.entities[e].type));
    j.Key("name").String(d.entities[e].name).Key("corpus_entity");
    if (e < corpus_ids.size() && corpus_ids[e] >= 0) j.Int(corpus_ids[e]);
    else j.Null();
    j.EndObject();
  }
  j.EndArray();
  j.Key("mentions").BeginArray();
  for (const auto& m : d.mentions) {
    j.BeginObject().Key("entity").Int(m.entity).Key("begin").Int(m.begin).Key("end").Int(m.end);
    j.Key("description").Bool(m.description).EndObject();
  }
  j.EndArray();
  j.Key("quotes").BeginArray();
  for (const auto& q : d.quotes) {
    j.BeginObject();
    QuoteFields(q, &j);
    LocatedSpan(d, q.text, q.source_begin, &j);
    j.EndObject();
  }
  j.EndArray();
  j.Key("timexes").BeginArray();
  for (const auto& t : d.timexes) {
    j.BeginObject().Key("type").String(TimexTypeName(t.type)).Key("text").String(t.text);
    j.Key("value").StringOrNull(t.value);
    LocatedSpan(d, t.text, t.source_begin, &j);
    j.EndObject();
  }
  j.EndArray();
  j.Key("amounts").BeginArray();
  for (const auto& a : d.amounts) {
    j.BeginObject().Key("kind").String(AmountKindName(a.kind)).Key("text").String(a.text);
    j.Key("value").Double(a.value).Key("unit").StringOrNull(a.unit).Key("approximate").Bool(a.approximate);
    LocatedSpan(d, a.text, a.source_begin, &j);
    j.EndObject();
  }
  j.EndArray().EndObject();
  return j.Take();
}

std::string StoredEntityJson(const StoredEntity& entity) {
  JsonBuilder j;
  j.BeginObject();
  EntityFields(entity, &j);
  j.EndObject();
  return j.Take();
}

std::string EntitiesJson(const std::vector<StoredEntity>& entities) {
  JsonBuilder j;
  j.BeginObject().Key("entities").BeginArray();
  for (const auto& e : entities) {
    j.BeginObject();
    EntityFields(e, &j);
    j.EndObject();
  }
  j.EndArray().EndObject();
  return j.Take();
}

std::string EntityDetailJson(const EntityDetail& d) {
  JsonBuilder j;
  j.BeginObject().Key("entity").BeginObject();
  EntityFields(d.entity, &j);
  j.EndObject().Key("documents").BeginArray();
  for (const auto& doc : d.documents) {
    j.BeginObject().Key("doc_id").Int(doc.doc_id).Key("path").String(doc.path).Key("title").StringOrNull(doc.title);
    j.Key("published").StringOrNull(doc.published).Key("mentions").Int(doc.mentions).EndObject();
  }
  j.EndArray().Key("co_occurring").BeginArray();
  for (const auto& c : d.co_occurring) {
    j.BeginObject().Key("id").Int(c.id).Key("name").String(c.name).Key("type").String(EntityTypeName(c.type));
    j.Key("documents").Int(c.documents).EndObject();
  }
  j.EndArray().Key("co_occurring_over").Int(d.co_occurring_over).Key("quotes").BeginArray();
  for (const auto& q : d.quotes) {
    j.BeginObject();
    QuoteHitFields(q, &j);
    j.EndObject();
  }
  j.EndArray().EndObject();
  return j.Take();
}

std::string QuotesJson(const std::string& speaker, const std::vector<QuoteHit>& quotes) {
  JsonBuilder j;
  j.BeginObject().Key("speaker").String(speaker).Key("quotes").BeginArray();
  for (const auto& q : quotes) {
    j.BeginObject();
    QuoteHitFields(q, &j);
    j.EndObject();
  }
  j.EndArray().EndObject();
  return j.Take();
}

std::string TimelineJson(const std::string& entity, const std::vector<CorpusTimelineEvent>& events) {
  JsonBuilder j;
  j.BeginObject().Key("entity").StringOrNull(entity).Key("events").BeginArray();
  for (const auto& e : events) {
    j.BeginObject().Key("date").String(e.date).Key("doc_id").Int(e.doc_id).Key("path").String(e.path);
    j.Key("title").StringOrNull(e.title).Key("type").String(TimexTypeName(e.timex.type));
    j.Key("text").String(e.timex.text).EndObject();
  }
  j.EndArray().EndObject();
  return j.Take();
}

}  // namespace dossier::serve
