// The questions asked of the SQLite corpus: full-text search with filters, corpus entities, one
// document, one entity, quotes by speaker, a timeline. Every value reaches SQLite as a bound
// parameter; the SQL text is assembled only from fixed fragments chosen by which filters are set.
#include <algorithm>
#include <unordered_map>

#include "store/compressed_text.h"
#include "store/enum_names.h"
#include "store/member_links.h"
#include "store/packed_document.h"
#include "store/quote_text.h"
#include "store/search_query.h"
#include "store/sqlite_document_row.h"
#include "store/sqlite_store.h"
#include "store/store_text.h"

namespace dossier::store {
namespace {

// The corpus entity ids a name finds: any alias, the corpus name, a member's own name (any case).
constexpr const char* kEntityIdsByKey = "SELECT entity FROM corpus_keys WHERE key = ";

// A set of document ids as a fixed SQL subquery with its bound values in order.
struct IdSet {
  std::string sql;
  std::vector<std::string> values;
  bool small = false;  // at most kSmallSet documents: drive the query from it
};

// Up to this many documents, a filter set drives the query (FTS5 seeks each of its documents,
// ~0.5 ms each on 100k documents); above it, the ranking or the date order drives and the set is
// only checked. Asking FTS5 to seek 7,000 documents took 5 s where checking them took 50 ms.
constexpr int64_t kSmallSet = 64;


// Listed newest first, a set of up to this many documents is read row by row and sorted (a few µs
// a document); a larger one walks the index on published backwards and checks membership, which
// reads ~50 × corpus / set index entries to fill a page (100 documents of 100k: 16 ms; 6,000
// documents row by row: 120 ms).
constexpr int64_t kSmallSetByDate = 400;

// Whether the ids `sql` selects (with `values` bound in order) are at most `most`.
bool IsSmall(Db& db, const std::string& sql, const std::vector<std::string>& values, int64_t most, bool* small,
             std::string* error) {
  Stmt count;
  if (!count.Prepare(db, "SELECT count(*) FROM (" + sql + " LIMIT " + std::to_string(most + 1) + ")", error))
    return false;
  for (size_t i = 0; i < values.size(); ++i) count.Bind(static_cast<int>(i + 1), std::string_view(values[i]));
  if (!count.Step(error)) return false;
  *small = count.Int(0) <= most;
  return true;
}

// The entity and speaker filters (corpus entities, any alias), as id sets.
std::vector<IdSet> EntitySets(const SearchRequest& r) {
  std::vector<IdSet> sets;
  if (!r.entity.empty())
    sets.push_back({"SELECT m.doc_id FROM corpus_members m WHERE m.entity IN "
                    "(SELECT entity FROM corpus_keys WHERE key = ?)",
                    {NameKey(r.entity)}});
  if (!r.speaker.empty())
    sets.push_back({"SELECT q.doc_id FROM quotes q WHERE q.speaker_name = ? COLLATE NOCASE "
                    "UNION SELECT s.doc_id FROM corpus_speakers s WHERE s.entity IN "
                    "(SELECT entity FROM corpus_keys WHERE key = ?)",
                    {r.speaker, NameKey(r.speaker)}});
  return sets;
}

// The filters on the documents' own columns, as " AND ..." over documents (no alias), each served
// by an index: site, format, published.
void DocumentFilters(const SearchRequest& r, std::string* sql, std::vector<std::string>* values) {
  auto add = [&](const char* fragment, std::string v) {
    *sql += fragment;
    values->push_back(std::move(v));
  };
  if (!r.type.empty()) add(" AND format = ?", r.type);
  if (!r.site.empty()) add(" AND site = ? COLLATE NOCASE", r.site);
  // Plain comparisons, so that the index on published serves them: "2025-05-07T10:00Z" sorts
  // after "2025-05-07" and before "2025-05-07~" (the inclusive end of that day).
  if (!r.published_from.empty()) add(" AND published >= ?", r.published_from);
  if (!r.published_to.empty()) add(" AND published <= ?", r.published_to + "~");
}

// The canonical texts of the documents whose quotes are read, for the quotes stored as slices of
// it (quote_text.h): inflated once a document (the queries list a document's quotes together).
class QuoteTexts {
 public:
  explicit QuoteTexts(Db& db) : db_(db) {}
  // A document whose text is already at hand.
  void Know(int64_t doc_id, std::string_view text) {
    doc_id_ = doc_id;
    text_ = std::string(text);
  }
  bool Text(int64_t doc_id, std::string_view* text, std::string* error) {
    if (doc_id != doc_id_) {
      if (!st_.prepared() && !st_.Prepare(db_, "SELECT text_bytes, text FROM documents WHERE id = ?1", error)) return false;
      st_.Bind(1, doc_id);
      const bool found = st_.Step(error);
      const bool ok = found && DecompressText(st_.Blob(1), static_cast<uint64_t>(st_.Int(0)), &text_, error);
      st_.Reset();
      if (!ok) {
        if (!found && error->empty()) *error = "no document " + std::to_string(doc_id);
        doc_id_ = -1;
        return false;
      }
      doc_id_ = doc_id;
    }
    *text = text_;
    return true;
  }

 private:
  Db& db_;
  Stmt st_;
  int64_t doc_id_ = -1;
  std::string text_;
};

// Reads the quote columns (kQuoteColumns) from column c of a row of document `doc_id`.
bool ReadQuote(const Stmt& s, int c, int64_t doc_id, QuoteTexts* texts, CorpusDocument::Quote* q,
               std::string* error) {
  // Columns from c: type, text, source_begin, source_end, speaker_text, speaker_name,
  // speaker_entity, speaker_source_begin, speaker_source_end, cue, cue_begin, cue_end.
  QuoteTypeFromName(s.Text(c), &q->type);
  if (s.IsBlob(c + 1)) {
    std::string_view text, quote;
    if (!texts->Text(doc_id, &text, error) || !DecodeQuoteSlice(s.Blob(c + 1), text, &quote, error)) {
      *error = "document " + std::to_string(doc_id) + ": " + *error;
      return false;
    }
    q->text = std::string(quote);
  } else {
    q->text = std::string(s.Text(c + 1));
  }
  q->source_begin = s.Int(c + 2);
  q->source_end = s.Int(c + 3);
  q->has_speaker = !s.IsNull(c + 4);
  q->speaker_text = std::string(s.Text(c + 4));
  q->speaker_name = std::string(s.Text(c + 5));
  q->speaker_entity = s.IsNull(c + 6) ? -1 : static_cast<int32_t>(s.Int(c + 6));
  q->speaker_source_begin = s.Int(c + 7);
  q->speaker_source_end = s.Int(c + 8);
  q->cue = std::string(s.Text(c + 9));
  q->cue_begin = s.Int(c + 10);
  q->cue_end = s.Int(c + 11);
  return true;
}

constexpr const char* kQuoteColumns =
    "q.type, q.text, q.source_begin, q.source_end, q.speaker_text, q.speaker_name, q.speaker_entity, "
    "q.speaker_source_begin, q.speaker_source_end, q.cue, q.cue_begin, q.cue_end";

}  // namespace

bool SqliteCorpusStore::Search(const SearchRequest& r, std::vector<SearchHit>* hits, std::string* error) {
  error->clear();
  hits->clear();
  for (const std::string* d : {&r.published_from, &r.published_to})
    if (!d->empty() && !IsIsoDate(*d)) {
      *error = "dates must be YYYY-MM-DD, not '" + *d + "'";
      return false;
    }
  if ((!r.entity.empty() || !r.speaker.empty()) && !FreshEntities(error)) return false;
  std::string fts;
  const bool full_text = r.query.find_first_not_of(" \t\r\n") != std::string::npos;
  if (full_text && !ToFtsQuery(r.query, &fts, error)) return false;

  // The page of document ids is chosen by an inner query that never reads a document's row (its
  // text makes each row kilobytes, mostly in overflow pages: reading 16,000 of them for "said" took
  // 150 ms); the outer query reads the rows of that page only.
  std::vector<IdSet> sets = EntitySets(r);
  for (IdSet& set : sets)
    if (!IsSmall(db_, set.sql, set.values, full_text ? kSmallSet : kSmallSetByDate, &set.small, error)) return false;
  // The first small set drives; the others are checked ("+" keeps SQLite from driving by them).
  int driver = -1;
  for (size_t i = 0; i < sets.size() && driver < 0; ++i)
    if (sets[i].small) driver = static_cast<int>(i);
  std::string doc_filters;
  std::vector<std::string> doc_values;
  DocumentFilters(r, &doc_filters, &doc_values);

  std::string inner;
  std::vector<std::string> values;
  auto add_sets = [&](const char* column) {
    for (size_t i = 0; i < sets.size(); ++i) {
      inner += std::string(" AND ") + (static_cast<int>(i) == driver ? "" : "+") + column + " IN (" + sets[i].sql + ")";
      values.insert(values.end(), sets[i].values.begin(), sets[i].values.end());
    }
  };
  if (full_text) {
    // FTS5 ranks (bm25, title weighted 4:1) and sorts itself.
    inner = "SELECT rowid AS id, rank FROM documents_fts WHERE documents_fts MATCH ?";
    values.push_back(fts);
    add_sets("rowid");
    if (!doc_filters.empty()) {
      inner += " AND +rowid IN (SELECT id FROM documents WHERE 1" + doc_filters + ")";
      values.insert(values.end(), doc_values.begin(), doc_values.end());
    }
    // Ties go to the older document, whichever plan runs (and "rank, rowid" is no slower than
    // FTS5's own ordering by rank).
    inner += " ORDER BY rank, rowid LIMIT ? OFFSET ?";
  } else {
    // Newest first (NULLs last), walking the index on published backwards unless a small set drives.
    inner = std::string("SELECT id, 0 AS rank FROM documents ") +
            (driver < 0 ? "INDEXED BY documents_published " : "") + "WHERE 1";
    add_sets("id");
    inner += doc_filters;
    values.insert(values.end(), doc_values.begin(), doc_values.end());
    inner += " ORDER BY published DESC, id DESC LIMIT ? OFFSET ?";
  }
  const std::string sql = "SELECT d.id, d.path, d.title, d.site, d.published, d.format, r.rank, " +
                          std::string(full_text ? "NULL" : "dossier_text(d.text, d.text_bytes)") + " FROM (" + inner +
                          ") r JOIN documents d ON d.id = r.id ORDER BY " +
                          (full_text ? "r.rank, r.id" : "d.published DESC, d.id DESC");
  Stmt st;
  if (!st.Prepare(db_, sql, error)) return false;
  int p = 1;
  for (const std::string& v : values) st.Bind(p++, std::string_view(v));
  st.Bind(p++, static_cast<int64_t>(r.limit));
  st.Bind(p++, static_cast<int64_t>(r.offset));
  while (st.Step(error)) {
    SearchHit h;
    h.doc_id = st.Int(0);
    h.path = std::string(st.Text(1));
    h.title = std::string(st.Text(2));
    h.site = std::string(st.Text(3));
    h.published = std::string(st.Text(4));
    h.format = std::string(st.Text(5));
    h.score = -st.Double(6);  // FTS5's bm25 is negative, smaller is better
    if (!full_text) h.snippet = Opening(st.Text(7), r.snippet_words);
    hits->push_back(std::move(h));
  }
  if (!error->empty()) return false;
  if (full_text && !hits->empty()) {
    // Snippets for the page of hits only (computing them in the ranking query would do it for
    // every match).
    Stmt sn;
    if (!sn.Prepare(db_,
                    "SELECT snippet(documents_fts, -1, ?1, ?2, '…', ?3) FROM documents_fts "
                    "WHERE documents_fts MATCH ?4 AND rowid = ?5",
                    error))
      return false;
    for (SearchHit& h : *hits) {
      sn.Bind(1, std::string_view(r.mark_open));
      sn.Bind(2, std::string_view(r.mark_close));
      sn.Bind(3, static_cast<int64_t>(std::clamp<uint32_t>(r.snippet_words, 1, 64)));
      sn.Bind(4, std::string_view(fts));
      sn.Bind(5, h.doc_id);
      if (sn.Step(error)) {
        h.snippet = std::string(sn.Text(0));
        std::replace(h.snippet.begin(), h.snippet.end(), '\n', ' ');  // blocks run on in one line
      }
      sn.Reset();
      if (!error->empty()) return false;
    }
  }
  return true;
}

bool SqliteCorpusStore::LoadEntity(int64_t id, StoredEntity* e, std::string* error) {
  Stmt st;
  if (!st.Prepare(db_,
                  "SELECT id, type, name, mentions, documents, by_name, by_surname, by_alias FROM corpus_entities "
                  "WHERE id = ?1",
                  error))
    return false;
  st.Bind(1, id);
  if (!st.Step(error)) return false;
  e->id = st.Int(0);
  EntityTypeFromName(st.Text(1), &e->type);
  e->name = std::string(st.Text(2));
  e->mentions = static_cast<uint32_t>(st.Int(3));
  e->documents = static_cast<uint32_t>(st.Int(4));
  e->joined_by_name = static_cast<uint32_t>(st.Int(5));
  e->joined_by_surname = static_cast<uint32_t>(st.Int(6));
  e->joined_by_alias = static_cast<uint32_t>(st.Int(7));
  Stmt al;
  if (!al.Prepare(db_, "SELECT text, mentions FROM corpus_aliases WHERE entity = ?1 ORDER BY idx", error)) return false;
  al.Bind(1, id);
  while (al.Step(error)) e->aliases.push_back({std::string(al.Text(0)), static_cast<uint32_t>(al.Int(1))});
  return error->empty();
}

bool SqliteCorpusStore::ListEntities(const EntityListRequest& r, std::vector<StoredEntity>* out, std::string* error) {
  error->clear();
  out->clear();
  if (!FreshEntities(error)) return false;
  std::string sql = "SELECT id, type, name, mentions, documents, by_name, by_surname, by_alias FROM corpus_entities "
                    "WHERE documents >= ?1";
  if (!r.type.empty()) sql += " AND type = ?2";
  if (r.sort == "mentions") sql += " ORDER BY mentions DESC, id";
  else if (r.sort == "documents") sql += " ORDER BY documents DESC, mentions DESC, id";
  else sql += " ORDER BY id";
  sql += " LIMIT ?3";
  Stmt st, al;
  if (!st.Prepare(db_, sql, error) ||
      !al.Prepare(db_, "SELECT text, mentions FROM corpus_aliases WHERE entity = ?1 ORDER BY idx", error))
    return false;
  st.Bind(1, static_cast<int64_t>(r.min_documents));
  if (!r.type.empty()) st.Bind(2, std::string_view(r.type));
  st.Bind(3, r.limit ? static_cast<int64_t>(r.limit) : int64_t{-1});
  while (st.Step(error)) {
    StoredEntity e;
    e.id = st.Int(0);
    EntityTypeFromName(st.Text(1), &e.type);
    e.name = std::string(st.Text(2));
    e.mentions = static_cast<uint32_t>(st.Int(3));
    e.documents = static_cast<uint32_t>(st.Int(4));
    e.joined_by_name = static_cast<uint32_t>(st.Int(5));
    e.joined_by_surname = static_cast<uint32_t>(st.Int(6));
    e.joined_by_alias = static_cast<uint32_t>(st.Int(7));
    al.Bind(1, e.id);
    while (al.Step(error)) e.aliases.push_back({std::string(al.Text(0)), static_cast<uint32_t>(al.Int(1))});
    al.Reset();
    if (!error->empty()) return false;
    out->push_back(std::move(e));
  }
  return error->empty();
}

bool SqliteCorpusStore::FindEntities(const std::string& alias, std::vector<int64_t>* ids, std::string* error) {
  error->clear();
  ids->clear();
  if (!FreshEntities(error)) return false;
  Stmt st;
  if (!st.Prepare(db_, std::string(kEntityIdsByKey) + "?1 ORDER BY entity", error)) return false;
  st.Bind(1, std::string_view(NameKey(alias)));
  while (st.Step(error)) ids->push_back(st.Int(0));
  return error->empty();
}

bool SqliteCorpusStore::GetDocument(int64_t doc_id, CorpusDocument* out, std::string* error) {
  error->clear();
  *out = CorpusDocument();
  CorpusDocument& c = *out;
  Stmt st;
  if (!st.Prepare(db_,
                  "SELECT path, content_hash, format, size_bytes, encoding, title, site, url, published, language, "
                  "description, section, bylines, time_reference, text_bytes, annotations, text FROM documents "
                  "WHERE id = ?1",
                  error))
    return false;
  st.Bind(1, doc_id);
  if (!st.Step(error)) return false;
  c.path = std::string(st.Text(0));
  c.content_hash = std::string(st.Text(1));
  c.format = std::string(st.Text(2));
  c.size_bytes = st.Int(3);
  c.encoding = std::string(st.Text(4));
  c.title = std::string(st.Text(5));
  c.site = std::string(st.Text(6));
  c.url = std::string(st.Text(7));
  c.published = std::string(st.Text(8));
  c.language = std::string(st.Text(9));
  c.description = std::string(st.Text(10));
  c.section = std::string(st.Text(11));
  for (std::string_view b = st.Text(12); !b.empty();) {
    const size_t nl = b.find('\n');
    c.bylines.emplace_back(b.substr(0, nl));
    b = nl == std::string_view::npos ? std::string_view() : b.substr(nl + 1);
  }
  c.time_reference = std::string(st.Text(13));
  if (!DecompressText(st.Blob(16), static_cast<uint64_t>(st.Int(14)), &c.text, error) ||
      !ReadRowAnnotations(st.Blob(15), c.text, &c, error)) {
    *error = "document " + std::to_string(doc_id) + ": " + *error;
    return false;
  }

  auto rows = [&](const char* sql, auto&& read) {
    Stmt s;
    if (!s.Prepare(db_, sql, error)) return false;
    s.Bind(1, doc_id);
    while (s.Step(error)) read(s);
    return error->empty();
  };
  QuoteTexts texts(db_);
  texts.Know(doc_id, c.text);
  bool quotes_ok = true;
  return rows((std::string("SELECT ") + kQuoteColumns + " FROM quotes q WHERE q.doc_id = ?1 ORDER BY q.idx").c_str(),
              [&](Stmt& s) {
                CorpusDocument::Quote q;
                if (quotes_ok && !(quotes_ok = ReadQuote(s, 0, doc_id, &texts, &q, error))) return;
                c.quotes.push_back(std::move(q));
              }) &&
         quotes_ok &&
         rows("SELECT type, text, value, mod, source_begin, source_end FROM timexes WHERE doc_id = ?1 ORDER BY idx",
              [&](Stmt& s) {
                CorpusDocument::Timex x;
                TimexTypeFromName(s.Text(0), &x.type);
                x.text = std::string(s.Text(1));
                x.value = std::string(s.Text(2));
                x.mod = std::string(s.Text(3));
                x.source_begin = s.Int(4);
                x.source_end = s.Int(5);
                c.timexes.push_back(std::move(x));
              });
}

bool SqliteCorpusStore::GetEntity(int64_t id, uint32_t max_items, EntityDetail* out, std::string* error) {
  error->clear();
  *out = EntityDetail();
  if (!FreshEntities(error) || !LoadEntity(id, &out->entity, error)) return false;
  const int64_t limit = max_items ? max_items : -1;
  // The newest documents: an entity in many documents walks the index on published backwards and
  // checks membership, so that no document row is read outside the page (NULLs sort last).
  bool small = false;
  if (!IsSmall(db_, "SELECT doc_id FROM corpus_members WHERE entity = ?", {std::to_string(id)}, kSmallSetByDate, &small,
               error))
    return false;
  Stmt docs, co, qs;
  if (!docs.Prepare(db_,
                    // Mentions are counted for the page of documents only (below, from their packed
                    // annotations; next to the sort key they would be counted in every document).
                    std::string("SELECT d.id, d.path, d.title, d.published, d.annotations, d.text_bytes, d.text FROM "
                                "(SELECT id FROM documents ") +
                        (small ? "WHERE id IN" : "INDEXED BY documents_published WHERE +id IN") +
                        " (SELECT doc_id FROM corpus_members WHERE entity = ?1) "
                        "ORDER BY published DESC, id DESC LIMIT ?2) r JOIN documents d ON d.id = r.id "
                        "ORDER BY d.published DESC, d.id DESC",
                    error) ||
      // The entities of its newest (highest id) documents, from their links (member_links.h).
      !co.Prepare(db_,
                  "SELECT l.doc_id, l.links FROM (SELECT DISTINCT doc_id FROM corpus_members WHERE entity = ?1 "
                  "ORDER BY doc_id DESC LIMIT ?2) m JOIN document_members l ON l.doc_id = m.doc_id",
                  error) ||
      !qs.Prepare(db_,
                  std::string("SELECT d.id, d.path, d.title, d.published, ") + kQuoteColumns +
                      " FROM corpus_speakers s JOIN corpus_members m ON m.entity = s.entity AND m.doc_id = s.doc_id "
                      "JOIN quotes q ON q.doc_id = m.doc_id AND q.speaker_entity = m.doc_entity "
                      "JOIN documents d ON d.id = q.doc_id WHERE s.entity = ?1 "
                      "ORDER BY d.published IS NULL, d.published DESC, d.id DESC, q.idx LIMIT ?2",
                  error))
    return false;
  Stmt members;
  if (!members.Prepare(db_, "SELECT doc_entity FROM corpus_members WHERE entity = ?1 AND doc_id = ?2", error))
    return false;
  docs.Bind(1, id);
  docs.Bind(2, limit);
  CorpusDocument packed;
  std::vector<uint32_t> doc_entities;
  while (docs.Step(error)) {
    const int64_t doc_id = docs.Int(0);
    doc_entities.clear();
    members.Bind(1, id);
    members.Bind(2, doc_id);
    while (members.Step(error)) doc_entities.push_back(static_cast<uint32_t>(members.Int(0)));
    members.Reset();
    if (!error->empty()) return false;
    if (!DecompressText(docs.Blob(6), static_cast<uint64_t>(docs.Int(5)), &packed.text, error) ||
        !ReadRowAnnotations(docs.Blob(4), packed.text, &packed, error)) {
      *error = "document " + std::to_string(doc_id) + ": " + *error;
      return false;
    }
    uint32_t mentions = 0;
    for (const CorpusDocument::Mention& m : packed.mentions)
      mentions += std::find(doc_entities.begin(), doc_entities.end(), m.entity) != doc_entities.end();
    out->documents.push_back({doc_id, std::string(docs.Text(1)), std::string(docs.Text(2)), std::string(docs.Text(3)),
                              mentions});
  }
  if (!error->empty()) return false;
  // Co-occurring entities: in how many of those documents each other corpus entity is named.
  co.Bind(1, id);
  co.Bind(2, static_cast<int64_t>(kCoOccurrenceDocuments));
  out->co_occurring_over = std::min(out->entity.documents, kCoOccurrenceDocuments);
  std::unordered_map<int64_t, uint32_t> shared;  // corpus entity -> documents
  std::vector<MemberLink> links;
  std::vector<int64_t> named;  // of one document, once each
  while (co.Step(error)) {
    if (!UnpackMemberLinks(co.Blob(1), &links, error)) {
      *error = "document " + std::to_string(co.Int(0)) + ": " + *error;
      return false;
    }
    named.clear();
    for (const MemberLink& l : links)
      if (l.entity != id) named.push_back(l.entity);
    std::sort(named.begin(), named.end());
    named.erase(std::unique(named.begin(), named.end()), named.end());
    for (int64_t e : named) ++shared[e];
  }
  if (!error->empty()) return false;
  std::vector<std::pair<int64_t, uint32_t>> ranked(shared.begin(), shared.end());
  std::sort(ranked.begin(), ranked.end(),
            [](const auto& a, const auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; });
  if (limit >= 0 && ranked.size() > static_cast<size_t>(limit)) ranked.resize(static_cast<size_t>(limit));
  Stmt named_entity;
  if (!named_entity.Prepare(db_, "SELECT name, type FROM corpus_entities WHERE id = ?1", error)) return false;
  for (const auto& [entity, documents] : ranked) {
    named_entity.Bind(1, entity);
    if (named_entity.Step(error)) {
      EntityDetail::CoOccurring c{entity, std::string(named_entity.Text(0)), EntityType::kMisc, documents};
      EntityTypeFromName(named_entity.Text(1), &c.type);
      out->co_occurring.push_back(std::move(c));
    }
    named_entity.Reset();
    if (!error->empty()) return false;
  }
  qs.Bind(1, id);
  qs.Bind(2, limit);
  QuoteTexts texts(db_);
  while (error->empty() && qs.Step(error)) {
    QuoteHit h{qs.Int(0), std::string(qs.Text(1)), std::string(qs.Text(2)), std::string(qs.Text(3)), {}};
    if (!ReadQuote(qs, 4, h.doc_id, &texts, &h.quote, error)) return false;
    out->quotes.push_back(std::move(h));
  }
  return error->empty();
}

bool SqliteCorpusStore::QuotesBySpeaker(const std::string& speaker, uint32_t limit, std::vector<QuoteHit>* out,
                                        std::string* error) {
  error->clear();
  out->clear();
  if (!FreshEntities(error)) return false;
  Stmt st;
  if (!st.Prepare(db_,
                  std::string("SELECT d.id, d.path, d.title, d.published, ") + kQuoteColumns +
                      " FROM quotes q JOIN documents d ON d.id = q.doc_id WHERE (q.doc_id, q.idx) IN ("
                      "SELECT doc_id, idx FROM quotes WHERE speaker_name = ?1 COLLATE NOCASE UNION "
                      "SELECT q2.doc_id, q2.idx FROM corpus_speakers s JOIN corpus_members m ON m.entity = s.entity "
                      "AND m.doc_id = s.doc_id JOIN quotes q2 ON q2.doc_id = m.doc_id "
                      "AND q2.speaker_entity = m.doc_entity WHERE s.entity IN "
                      "(SELECT entity FROM corpus_keys WHERE key = ?2)) "
                      "ORDER BY d.published IS NULL, d.published DESC, d.id DESC, q.idx LIMIT ?3",
                  error))
    return false;
  st.Bind(1, std::string_view(speaker));
  st.Bind(2, std::string_view(NameKey(speaker)));
  st.Bind(3, limit ? static_cast<int64_t>(limit) : int64_t{-1});
  QuoteTexts texts(db_);
  while (st.Step(error)) {
    QuoteHit h{st.Int(0), std::string(st.Text(1)), std::string(st.Text(2)), std::string(st.Text(3)), {}};
    if (!ReadQuote(st, 4, h.doc_id, &texts, &h.quote, error)) return false;
    out->push_back(std::move(h));
  }
  return error->empty();
}

bool SqliteCorpusStore::StoryRange(int64_t doc_id, int32_t story, uint64_t* begin, uint64_t* end, bool* found,
                                   std::string* error) {
  *found = false;
  Stmt st;
  if (!st.Prepare(db_, "SELECT annotations, text_bytes, text FROM documents WHERE id = ?1", error)) return false;
  st.Bind(1, doc_id);
  if (!st.Step(error)) return error->empty();
  CorpusDocument packed;
  if (!DecompressText(st.Blob(2), static_cast<uint64_t>(st.Int(1)), &packed.text, error) ||
      !ReadRowAnnotations(st.Blob(0), packed.text, &packed, error))
    return false;
  for (const CorpusDocument::Block& b : packed.blocks) {
    if (b.story != story) continue;
    *begin = *found ? std::min(*begin, b.source_begin) : b.source_begin;
    *end = *found ? std::max(*end, b.source_end) : b.source_end;
    *found = true;
  }
  return true;
}

bool SqliteCorpusStore::Timeline(const TimelineRequest& r, std::vector<CorpusTimelineEvent>* out,
                                 std::string* error) {
  error->clear();
  out->clear();
  if (!r.entity.empty() && !FreshEntities(error)) return false;
  // The page of events is chosen from timexes alone (keys only), then joined to the documents: a
  // join before the sort read the row of every document with a dated expression (21 s on 100k).
  // Without a document, the index on value is walked in date order; a small entity set (or one
  // document) drives instead.
  const std::string entity_set =
      "SELECT m.doc_id FROM corpus_members m WHERE m.entity IN (SELECT entity FROM corpus_keys WHERE key = ?)";
  std::vector<std::string> values;
  bool small = false;
  if (!r.entity.empty()) {
    values.push_back(NameKey(r.entity));
    if (!IsSmall(db_, entity_set, values, kSmallSetByDate, &small, error)) return false;
  }
  const bool walk_dates = r.doc_id < 0 && !small;
  std::string inner = std::string("SELECT t.doc_id, t.idx FROM timexes t ") +
                      (walk_dates ? "INDEXED BY timexes_value " : "") +
                      "WHERE t.value GLOB '[0-9][0-9][0-9][0-9]*'";
  if (!r.entity.empty()) inner += std::string(" AND ") + (walk_dates ? "+" : "") + "t.doc_id IN (" + entity_set + ")";
  if (r.doc_id >= 0) {
    inner += " AND t.doc_id = ?";
    values.push_back(std::to_string(r.doc_id));
    if (r.story >= 0) {
      // A story's range in the input: from its first block to its last (the blocks are packed in
      // the document's row). A story without blocks has no range, hence no events.
      uint64_t begin = 0, end = 0;
      bool found = false;
      if (!StoryRange(r.doc_id, r.story, &begin, &end, &found, error)) return false;
      if (!found) return true;
      inner += " AND t.source_begin >= ? AND t.source_end <= ?";
      values.push_back(std::to_string(begin));
      values.push_back(std::to_string(end));
    }
  }
  inner += " ORDER BY t.value, t.doc_id, t.idx LIMIT ?";
  Stmt st;
  if (!st.Prepare(db_,
                  "SELECT t.value, d.id, d.path, d.title, t.type, t.text, t.mod, t.source_begin, t.source_end FROM (" +
                      inner +
                      ") k JOIN timexes t ON t.doc_id = k.doc_id AND t.idx = k.idx JOIN documents d ON d.id = t.doc_id "
                      "ORDER BY t.value, t.doc_id, t.idx",
                  error))
    return false;
  int p = 1;
  for (const std::string& v : values) st.Bind(p++, std::string_view(v));
  st.Bind(p, r.limit ? static_cast<int64_t>(r.limit) : int64_t{-1});
  while (st.Step(error)) {
    CorpusTimelineEvent e;
    e.date = std::string(st.Text(0));
    e.doc_id = st.Int(1);
    e.path = std::string(st.Text(2));
    e.title = std::string(st.Text(3));
    TimexTypeFromName(st.Text(4), &e.timex.type);
    e.timex.text = std::string(st.Text(5));
    e.timex.value = e.date;
    e.timex.mod = std::string(st.Text(6));
    e.timex.source_begin = st.Int(7);
    e.timex.source_end = st.Int(8);
    out->push_back(std::move(e));
  }
  return error->empty();
}

bool SqliteCorpusStore::Stats(StoreStats* out, std::string* error) {
  error->clear();
  *out = StoreStats();
  const std::pair<const char*, uint64_t*> counts[] = {
      {"SELECT count(*) FROM documents", &out->documents},
      {"SELECT coalesce(sum(blocks), 0) FROM documents", &out->blocks},
      {"SELECT coalesce(sum(entities), 0) FROM documents", &out->entities},
      {"SELECT coalesce(sum(mentions), 0) FROM documents", &out->mentions},
      {"SELECT count(*) FROM quotes", &out->quotes},
      {"SELECT count(*) FROM timexes", &out->timexes},
      {"SELECT coalesce(sum(amounts), 0) FROM documents", &out->amounts},
      {"SELECT count(*) FROM corpus_entities", &out->corpus_entities},
      {"SELECT coalesce(sum(text_bytes), 0) FROM documents", &out->text_bytes}};
  for (const auto& [sql, dst] : counts) {
    const int64_t v = QueryInt(db_, sql, error);
    if (v < 0) return false;
    *dst = static_cast<uint64_t>(v);
  }
  out->schema_version = static_cast<int>(QueryInt(db_, "PRAGMA user_version", error));
  return error->empty();
}

}  // namespace dossier::store
