// The questions asked of the PostgreSQL corpus: the same as sqlite_store_read.cc, in PostgreSQL's
// SQL. Every value is a bound parameter; the SQL text is assembled only from fixed fragments chosen
// by which filters are set. Full-text search uses the tsvector column (ts_rank, ts_headline).
#include <algorithm>

#include "store/enum_names.h"
#include "store/postgres_schema.h"
#include "store/postgres_store.h"
#include "store/search_query.h"
#include "store/store_text.h"

namespace dossier::store {
namespace {

// Filters as fixed SQL fragments over documents `d`; "$?" in a fragment is the next parameter.
struct Filters {
  std::string sql;
  pg::Params* params;
  int next;  // the number of the next parameter
  void Add(std::string_view fragment, std::vector<std::string> values) {
    sql += " AND ";
    size_t k = 0;
    for (size_t i = 0; i < fragment.size(); ++i) {
      if (fragment[i] == '$' && i + 1 < fragment.size() && fragment[i + 1] == '?') {
        sql += "$" + std::to_string(next++);
        params->Text(values[k++]);
        ++i;
      } else {
        sql.push_back(fragment[i]);
      }
    }
  }
};

// Same filters, same meaning as the SQLite store's: NOCASE there is dossier_fold here (ASCII only).
void AddFilters(const SearchRequest& r, Filters* f) {
  if (!r.entity.empty())
    f->Add("d.id IN (SELECT m.doc_id FROM corpus_members m WHERE m.entity IN "
           "(SELECT entity FROM corpus_keys WHERE key = $?))",
           {NameKey(r.entity)});
  if (!r.speaker.empty())
    f->Add("d.id IN (SELECT q.doc_id FROM quotes q WHERE dossier_fold(q.speaker_name) = dossier_fold($?) "
           "UNION SELECT q.doc_id FROM corpus_members m JOIN quotes q ON q.doc_id = m.doc_id "
           "AND q.speaker_entity = m.doc_entity WHERE m.entity IN (SELECT entity FROM corpus_keys WHERE key = $?))",
           {r.speaker, NameKey(r.speaker)});
  if (!r.type.empty()) f->Add("d.format = $?", {r.type});
  if (!r.site.empty()) f->Add("dossier_fold(d.site) = dossier_fold($?)", {r.site});
  // Byte-order comparisons (published is COLLATE "C"): "2025-05-07T10:00Z" sorts after
  // "2025-05-07" and before "2025-05-07~" (the inclusive end of that day).
  if (!r.published_from.empty()) f->Add("d.published >= $?", {r.published_from});
  if (!r.published_to.empty()) f->Add("d.published <= $?", {r.published_to + "~"});
}

// ts_headline marks matches with these (private-use characters, never in a news text), replaced
// afterwards by the caller's marks: the marks never pass through ts_headline's option syntax.
constexpr std::string_view kOpen = "\xee\x80\x80", kClose = "\xee\x80\x81";

std::string ReplaceAll(std::string s, std::string_view from, std::string_view to) {
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
  return s;
}

// No limit is NULL (LIMIT NULL is LIMIT ALL).
void Limit(pg::Params& p, uint32_t limit) {
  if (limit) p.Int(limit);
  else p.Null();
}

void ReadQuote(const pg::Result& r, int row, int c, CorpusDocument::Quote* q) {
  // Columns from c: type, text, source_begin, source_end, speaker_text, speaker_name,
  // speaker_entity, speaker_source_begin, speaker_source_end, cue, cue_begin, cue_end.
  QuoteTypeFromName(r.Text(row, c), &q->type);
  q->text = r.Str(row, c + 1);
  q->source_begin = r.Int(row, c + 2);
  q->source_end = r.Int(row, c + 3);
  q->has_speaker = !r.IsNull(row, c + 4);
  q->speaker_text = r.Str(row, c + 4);
  q->speaker_name = r.Str(row, c + 5);
  q->speaker_entity = r.IsNull(row, c + 6) ? -1 : static_cast<int32_t>(r.Int(row, c + 6));
  q->speaker_source_begin = r.Int(row, c + 7);
  q->speaker_source_end = r.Int(row, c + 8);
  q->cue = r.Str(row, c + 9);
  q->cue_begin = r.Int(row, c + 10);
  q->cue_end = r.Int(row, c + 11);
}

constexpr const char* kQuoteColumns =
    "q.type, q.text, q.source_begin, q.source_end, q.speaker_text, q.speaker_name, q.speaker_entity, "
    "q.speaker_source_begin, q.speaker_source_end, q.cue, q.cue_begin, q.cue_end";

constexpr const char* kEntityColumns = "id, type, name, mentions, documents, by_name, by_surname, by_alias";

void ReadEntity(const pg::Result& r, int row, StoredEntity* e) {
  e->id = r.Int(row, 0);
  EntityTypeFromName(r.Text(row, 1), &e->type);
  e->name = r.Str(row, 2);
  e->mentions = static_cast<uint32_t>(r.Int(row, 3));
  e->documents = static_cast<uint32_t>(r.Int(row, 4));
  e->joined_by_name = static_cast<uint32_t>(r.Int(row, 5));
  e->joined_by_surname = static_cast<uint32_t>(r.Int(row, 6));
  e->joined_by_alias = static_cast<uint32_t>(r.Int(row, 7));
}

}  // namespace

bool PostgresCorpusStore::Search(const SearchRequest& r, std::vector<SearchHit>* hits, std::string* error) {
  error->clear();
  hits->clear();
  for (const std::string* d : {&r.published_from, &r.published_to})
    if (!d->empty() && !IsIsoDate(*d)) {
      *error = "dates must be YYYY-MM-DD, not '" + *d + "'";
      return false;
    }
  if ((!r.entity.empty() || !r.speaker.empty()) && !FreshEntities(error)) return false;
  std::string tsquery;
  const bool full_text = r.query.find_first_not_of(" \t\r\n") != std::string::npos;
  if (full_text && !ToTsQuery(r.query, &tsquery, error)) return false;
  pg::Params p;
  std::string sql;
  if (full_text) {
    // Rank the matches (title weight 'A' over text 'D'), then headline the page of hits only
    // (ts_headline re-parses the whole text, so never for every match).
    const uint32_t words = std::clamp<uint32_t>(r.snippet_words, 1, 64);
    p.Text(tsquery);
    p.Text("StartSel=" + std::string(kOpen) + ", StopSel=" + std::string(kClose) +
           ", MaxWords=" + std::to_string(std::max<uint32_t>(words, 2)) +
           ", MinWords=" + std::to_string(std::max<uint32_t>(words / 2, 1)) + ", ShortWord=0");
    Filters f{"", &p, 3};
    AddFilters(r, &f);
    const std::string lim = "$" + std::to_string(f.next), off = "$" + std::to_string(f.next + 1);
    // The tsquery is written out at each use (not a CTE joined in): a constant the planner can
    // match against the GIN index.
    sql = "WITH hits AS (SELECT d.id, ts_rank(d.fts, to_tsquery('simple', $1)) AS rank FROM documents d "
          "WHERE d.fts @@ to_tsquery('simple', $1)" +
          f.sql + " ORDER BY rank DESC, d.id LIMIT " + lim + " OFFSET " + off +
          ") SELECT d.id, d.path, d.title, d.site, d.published, d.format, hits.rank, "
          "ts_headline('simple', d.text, to_tsquery('simple', $1), $2) FROM hits JOIN documents d ON d.id = hits.id "
          "ORDER BY hits.rank DESC, d.id";
  } else {
    Filters f{"", &p, 1};
    AddFilters(r, &f);
    sql = "SELECT d.id, d.path, d.title, d.site, d.published, d.format, 0, d.text FROM documents d WHERE true" +
          f.sql + " ORDER BY d.published DESC NULLS LAST, d.id DESC LIMIT $" + std::to_string(f.next) + " OFFSET $" +
          std::to_string(f.next + 1);
  }
  p.Int(r.limit).Int(r.offset);
  pg::Result res;
  if (!c_.Query(sql.c_str(), p, &res, error)) return false;
  for (int i = 0; i < res.rows(); ++i) {
    SearchHit h;
    h.doc_id = res.Int(i, 0);
    h.path = res.Str(i, 1);
    h.title = res.Str(i, 2);
    h.site = res.Str(i, 3);
    h.published = res.Str(i, 4);
    h.format = res.Str(i, 5);
    h.score = res.Real(i, 6);
    if (full_text) {
      h.snippet = ReplaceAll(ReplaceAll(res.Str(i, 7), kOpen, r.mark_open), kClose, r.mark_close);
      std::replace(h.snippet.begin(), h.snippet.end(), '\n', ' ');  // blocks run on in one line
    } else {
      h.snippet = Opening(res.Text(i, 7), r.snippet_words);
    }
    hits->push_back(std::move(h));
  }
  return true;
}

bool PostgresCorpusStore::LoadEntity(int64_t id, StoredEntity* e, std::string* error) {
  pg::Result r;
  if (!c_.Query((std::string("SELECT ") + kEntityColumns + " FROM corpus_entities WHERE id = $1").c_str(),
                pg::Params().Int(id), &r, error) ||
      r.rows() == 0)
    return false;
  ReadEntity(r, 0, e);
  if (!c_.Query("SELECT text, mentions FROM corpus_aliases WHERE entity = $1 ORDER BY idx", pg::Params().Int(id), &r,
                error))
    return false;
  for (int i = 0; i < r.rows(); ++i) e->aliases.push_back({r.Str(i, 0), static_cast<uint32_t>(r.Int(i, 1))});
  return true;
}

bool PostgresCorpusStore::ListEntities(const EntityListRequest& r, std::vector<StoredEntity>* out,
                                       std::string* error) {
  error->clear();
  out->clear();
  if (!FreshEntities(error)) return false;
  pg::Params p;
  p.Int(r.min_documents);
  Limit(p, r.limit);
  std::string sql = std::string("SELECT ") + kEntityColumns + " FROM corpus_entities WHERE documents >= $1";
  if (!r.type.empty()) {
    sql += " AND type = $3";
    p.Text(r.type);
  }
  if (r.sort == "mentions") sql += " ORDER BY mentions DESC, id";
  else if (r.sort == "documents") sql += " ORDER BY documents DESC, mentions DESC, id";
  else sql += " ORDER BY id";
  sql += " LIMIT $2";
  pg::Result res;
  if (!c_.Query(sql.c_str(), p, &res, error)) return false;
  out->resize(res.rows());
  for (int i = 0; i < res.rows(); ++i) ReadEntity(res, i, &(*out)[i]);
  if (out->empty()) return true;
  // Every listed entity's aliases in one query (not one per entity).
  pg::ArrayBuilder ids;
  for (const StoredEntity& e : *out) ids.Int(e.id);
  pg::Result al;
  if (!c_.Query("SELECT entity, text, mentions FROM corpus_aliases WHERE entity = ANY($1::bigint[]) "
                "ORDER BY entity, idx",
                pg::Params().Raw(ids.Take()), &al, error))
    return false;
  std::unordered_map<int64_t, StoredEntity*> by_id;
  for (StoredEntity& e : *out) by_id[e.id] = &e;
  for (int i = 0; i < al.rows(); ++i)
    by_id[al.Int(i, 0)]->aliases.push_back({al.Str(i, 1), static_cast<uint32_t>(al.Int(i, 2))});
  return true;
}

bool PostgresCorpusStore::FindEntities(const std::string& alias, std::vector<int64_t>* ids, std::string* error) {
  error->clear();
  ids->clear();
  if (!FreshEntities(error)) return false;
  pg::Result r;
  if (!c_.Query("SELECT entity FROM corpus_keys WHERE key = $1 ORDER BY entity", pg::Params().Text(NameKey(alias)), &r,
                error))
    return false;
  for (int i = 0; i < r.rows(); ++i) ids->push_back(r.Int(i, 0));
  return true;
}

bool PostgresCorpusStore::GetDocument(int64_t doc_id, CorpusDocument* out, std::string* error) {
  error->clear();
  *out = CorpusDocument();
  CorpusDocument& c = *out;
  pg::Result r;
  if (!c_.Query("SELECT path, content_hash, format, size_bytes, encoding, title, site, url, published, language, "
                "description, section, bylines, time_reference, text FROM documents WHERE id = $1",
                pg::Params().Int(doc_id), &r, error) ||
      r.rows() == 0)
    return false;
  c.path = r.Str(0, 0);
  c.content_hash = r.Str(0, 1);
  c.format = r.Str(0, 2);
  c.size_bytes = r.Int(0, 3);
  c.encoding = r.Str(0, 4);
  c.title = r.Str(0, 5);
  c.site = r.Str(0, 6);
  c.url = r.Str(0, 7);
  c.published = r.Str(0, 8);
  c.language = r.Str(0, 9);
  c.description = r.Str(0, 10);
  c.section = r.Str(0, 11);
  for (std::string_view b = r.Text(0, 12); !b.empty();) {
    const size_t nl = b.find('\n');
    c.bylines.emplace_back(b.substr(0, nl));
    b = nl == std::string_view::npos ? std::string_view() : b.substr(nl + 1);
  }
  c.time_reference = r.Str(0, 13);
  c.text = r.Str(0, 14);

  auto rows = [&](const char* sql, auto&& read) {
    pg::Result s;
    if (!c_.Query(sql, pg::Params().Int(doc_id), &s, error)) return false;
    for (int i = 0; i < s.rows(); ++i) read(s, i);
    return true;
  };
  using R = const pg::Result&;
  return rows("SELECT kind, story, line, begin, \"end\", source_begin, source_end FROM blocks WHERE doc_id = $1 "
              "ORDER BY idx",
              [&](R s, int i) {
                CorpusDocument::Block b;
                BlockKindFromName(s.Text(i, 0), &b.kind);
                b.story = s.IsNull(i, 1) ? kNoStory : static_cast<int32_t>(s.Int(i, 1));
                b.line = static_cast<uint32_t>(s.Int(i, 2));
                b.begin = static_cast<uint32_t>(s.Int(i, 3));
                b.end = static_cast<uint32_t>(s.Int(i, 4));
                b.source_begin = s.Int(i, 5);
                b.source_end = s.Int(i, 6);
                c.blocks.push_back(b);
              }) &&
         rows("SELECT title, title_block, first_block, last_block, source_begin, source_end FROM stories "
              "WHERE doc_id = $1 ORDER BY idx",
              [&](R s, int i) {
                c.stories.push_back({s.Str(i, 0), s.IsNull(i, 1) ? -1 : static_cast<int32_t>(s.Int(i, 1)),
                                     static_cast<uint32_t>(s.Int(i, 2)), static_cast<uint32_t>(s.Int(i, 3)),
                                     static_cast<uint64_t>(s.Int(i, 4)), static_cast<uint64_t>(s.Int(i, 5))});
              }) &&
         rows("SELECT type, name FROM entities WHERE doc_id = $1 ORDER BY idx",
              [&](R s, int i) {
                CorpusDocument::Entity e;
                EntityTypeFromName(s.Text(i, 0), &e.type);
                e.name = s.Str(i, 1);
                c.entities.push_back(std::move(e));
              }) &&
         rows("SELECT entity, begin, \"end\", source_begin, source_end, description FROM mentions WHERE doc_id = $1 "
              "ORDER BY idx",
              [&](R s, int i) {
                c.mentions.push_back({static_cast<uint32_t>(s.Int(i, 0)), static_cast<uint32_t>(s.Int(i, 1)),
                                      static_cast<uint32_t>(s.Int(i, 2)), static_cast<uint64_t>(s.Int(i, 3)),
                                      static_cast<uint64_t>(s.Int(i, 4)), s.Bool(i, 5)});
              }) &&
         rows((std::string("SELECT ") + kQuoteColumns + " FROM quotes q WHERE q.doc_id = $1 ORDER BY q.idx").c_str(),
              [&](R s, int i) {
                CorpusDocument::Quote q;
                ReadQuote(s, i, 0, &q);
                c.quotes.push_back(std::move(q));
              }) &&
         rows("SELECT type, text, value, mod, source_begin, source_end FROM timexes WHERE doc_id = $1 ORDER BY idx",
              [&](R s, int i) {
                CorpusDocument::Timex x;
                TimexTypeFromName(s.Text(i, 0), &x.type);
                x.text = s.Str(i, 1);
                x.value = s.Str(i, 2);
                x.mod = s.Str(i, 3);
                x.source_begin = s.Int(i, 4);
                x.source_end = s.Int(i, 5);
                c.timexes.push_back(std::move(x));
              }) &&
         rows("SELECT kind, text, value, high, unit, approximate, modifier, source_begin, source_end FROM amounts "
              "WHERE doc_id = $1 ORDER BY idx",
              [&](R s, int i) {
                CorpusDocument::Amount a;
                AmountKindFromName(s.Text(i, 0), &a.kind);
                a.text = s.Str(i, 1);
                a.value = s.Real(i, 2);
                a.has_high = !s.IsNull(i, 3);
                a.high = a.has_high ? s.Real(i, 3) : 0;
                a.unit = s.Str(i, 4);
                a.approximate = s.Bool(i, 5);
                a.modifier = s.Str(i, 6);
                a.source_begin = s.Int(i, 7);
                a.source_end = s.Int(i, 8);
                c.amounts.push_back(std::move(a));
              });
}

bool PostgresCorpusStore::GetEntity(int64_t id, uint32_t max_items, EntityDetail* out, std::string* error) {
  error->clear();
  *out = EntityDetail();
  if (!FreshEntities(error) || !LoadEntity(id, &out->entity, error)) return false;
  pg::Params p;
  p.Int(id);
  Limit(p, max_items);
  pg::Params pc = p;  // and the number of newest documents co-occurrence is counted over
  pc.Int(kCoOccurrenceDocuments);
  pg::Result docs, co, qs;
  if (!c_.Query("SELECT d.id, d.path, d.title, d.published, (SELECT count(*) FROM mentions x WHERE x.doc_id = d.id "
                "AND x.entity IN (SELECT doc_entity FROM corpus_members WHERE entity = $1 AND doc_id = d.id)) "
                "FROM documents d WHERE d.id IN (SELECT doc_id FROM corpus_members WHERE entity = $1) "
                "ORDER BY d.published IS NULL, d.published DESC, d.id DESC LIMIT $2",
                p, &docs, error) ||
      !c_.Query("SELECT e.id, e.name, e.type, c.n FROM (SELECT m2.entity AS entity, count(DISTINCT m2.doc_id) AS n "
                "FROM (SELECT DISTINCT doc_id FROM corpus_members WHERE entity = $1 ORDER BY doc_id DESC LIMIT $3) m1 "
                "JOIN corpus_members m2 ON m2.doc_id = m1.doc_id AND m2.entity <> $1 "
                "GROUP BY m2.entity) c JOIN corpus_entities e ON e.id = c.entity "
                "ORDER BY c.n DESC, e.id LIMIT $2",
                pc, &co, error) ||
      !c_.Query((std::string("SELECT d.id, d.path, d.title, d.published, ") + kQuoteColumns +
                 " FROM corpus_members m JOIN quotes q ON q.doc_id = m.doc_id AND q.speaker_entity = m.doc_entity "
                 "JOIN documents d ON d.id = q.doc_id WHERE m.entity = $1 "
                 "ORDER BY d.published IS NULL, d.published DESC, d.id DESC, q.idx LIMIT $2")
                    .c_str(),
                p, &qs, error))
    return false;
  for (int i = 0; i < docs.rows(); ++i)
    out->documents.push_back(
        {docs.Int(i, 0), docs.Str(i, 1), docs.Str(i, 2), docs.Str(i, 3), static_cast<uint32_t>(docs.Int(i, 4))});
  out->co_occurring_over = std::min(out->entity.documents, kCoOccurrenceDocuments);
  for (int i = 0; i < co.rows(); ++i) {
    EntityDetail::CoOccurring c{co.Int(i, 0), co.Str(i, 1), EntityType::kMisc, static_cast<uint32_t>(co.Int(i, 3))};
    EntityTypeFromName(co.Text(i, 2), &c.type);
    out->co_occurring.push_back(std::move(c));
  }
  for (int i = 0; i < qs.rows(); ++i) {
    QuoteHit h{qs.Int(i, 0), qs.Str(i, 1), qs.Str(i, 2), qs.Str(i, 3), {}};
    ReadQuote(qs, i, 4, &h.quote);
    out->quotes.push_back(std::move(h));
  }
  return true;
}

bool PostgresCorpusStore::QuotesBySpeaker(const std::string& speaker, uint32_t limit, std::vector<QuoteHit>* out,
                                          std::string* error) {
  error->clear();
  out->clear();
  if (!FreshEntities(error)) return false;
  pg::Params p;
  p.Text(speaker).Text(NameKey(speaker));
  Limit(p, limit);
  pg::Result r;
  if (!c_.Query((std::string("SELECT d.id, d.path, d.title, d.published, ") + kQuoteColumns +
                 " FROM quotes q JOIN documents d ON d.id = q.doc_id WHERE (q.doc_id, q.idx) IN ("
                 "SELECT doc_id, idx FROM quotes WHERE dossier_fold(speaker_name) = dossier_fold($1) UNION "
                 "SELECT q2.doc_id, q2.idx FROM corpus_members m JOIN quotes q2 ON q2.doc_id = m.doc_id "
                 "AND q2.speaker_entity = m.doc_entity WHERE m.entity IN "
                 "(SELECT entity FROM corpus_keys WHERE key = $2)) "
                 "ORDER BY d.published IS NULL, d.published DESC, d.id DESC, q.idx LIMIT $3")
                    .c_str(),
                p, &r, error))
    return false;
  for (int i = 0; i < r.rows(); ++i) {
    QuoteHit h{r.Int(i, 0), r.Str(i, 1), r.Str(i, 2), r.Str(i, 3), {}};
    ReadQuote(r, i, 4, &h.quote);
    out->push_back(std::move(h));
  }
  return true;
}

bool PostgresCorpusStore::Timeline(const TimelineRequest& req, std::vector<CorpusTimelineEvent>* out,
                                   std::string* error) {
  error->clear();
  out->clear();
  if (!req.entity.empty() && !FreshEntities(error)) return false;
  pg::Params p;
  Limit(p, req.limit);
  std::string sql =
      "SELECT t.value, d.id, d.path, d.title, t.type, t.text, t.mod, t.source_begin, t.source_end FROM timexes t "
      "JOIN documents d ON d.id = t.doc_id WHERE t.value ~ '^[0-9]{4}'";
  int n = 1;
  if (!req.entity.empty()) {
    sql += " AND t.doc_id IN (SELECT m.doc_id FROM corpus_members m WHERE m.entity IN "
           "(SELECT entity FROM corpus_keys WHERE key = $" + std::to_string(++n) + "))";
    p.Text(NameKey(req.entity));
  }
  if (req.doc_id >= 0) {
    const std::string doc = "$" + std::to_string(++n);
    sql += " AND t.doc_id = " + doc;
    p.Int(req.doc_id);
    if (req.story >= 0) {
      // A story's range in the input: from its first block to its last.
      const std::string story = "$" + std::to_string(++n);
      sql += " AND t.source_begin >= (SELECT min(source_begin) FROM blocks WHERE doc_id = " + doc +
             " AND story = " + story + ") AND t.source_end <= (SELECT max(source_end) FROM blocks WHERE doc_id = " +
             doc + " AND story = " + story + ")";
      p.Int(req.story);
    }
  }
  sql += " ORDER BY t.value, d.id, t.idx LIMIT $1";
  pg::Result r;
  if (!c_.Query(sql.c_str(), p, &r, error)) return false;
  for (int i = 0; i < r.rows(); ++i) {
    CorpusTimelineEvent e;
    e.date = r.Str(i, 0);
    e.doc_id = r.Int(i, 1);
    e.path = r.Str(i, 2);
    e.title = r.Str(i, 3);
    TimexTypeFromName(r.Text(i, 4), &e.timex.type);
    e.timex.text = r.Str(i, 5);
    e.timex.value = e.date;
    e.timex.mod = r.Str(i, 6);
    e.timex.source_begin = r.Int(i, 7);
    e.timex.source_end = r.Int(i, 8);
    out->push_back(std::move(e));
  }
  return true;
}

bool PostgresCorpusStore::Stats(StoreStats* out, std::string* error) {
  error->clear();
  *out = StoreStats();
  pg::Result r;
  if (!c_.Query("SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM blocks), "
                "(SELECT count(*) FROM entities), (SELECT count(*) FROM mentions), (SELECT count(*) FROM quotes), "
                "(SELECT count(*) FROM timexes), (SELECT count(*) FROM amounts), "
                "(SELECT count(*) FROM corpus_entities), (SELECT coalesce(sum(octet_length(text)), 0) FROM documents), "
                "(SELECT max(version) FROM schema_version)",
                pg::Params(), &r, error))
    return false;
  uint64_t* dst[] = {&out->documents, &out->blocks,  &out->entities,        &out->mentions,  &out->quotes,
                     &out->timexes,   &out->amounts, &out->corpus_entities, &out->text_bytes};
  for (int i = 0; i < 9; ++i) *dst[i] = static_cast<uint64_t>(r.Int(0, i));
  out->schema_version = static_cast<int>(r.Int(0, 9));
  return true;
}

}  // namespace dossier::store
