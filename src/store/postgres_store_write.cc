// Writing the PostgreSQL corpus: documents in batches of transactions (one writer at a time, by an
// advisory lock), each document inside its own savepoint (whole or not at all), its rows sent as
// one statement (a column of values per array parameter, taken apart by unnest on the server), and
// the corpus entities recomputed over every document.
#include <ctime>
#include <iterator>
#include <set>

#include "store/enum_names.h"
#include "store/postgres_schema.h"
#include "store/postgres_store.h"
#include "store/store_text.h"

namespace dossier::store {
namespace {

constexpr const char* kChildTables[] = {"blocks", "stories", "entities", "entity_surfaces", "mentions",
                                        "quotes", "timexes", "amounts", "corpus_members"};

// A child table's columns after doc_id (and after idx when `ordinal`: then idx is the row's place
// in the arrays), with the array type each is sent as.
struct ChildTable {
  const char* name;
  bool ordinal;
  std::vector<std::pair<const char*, const char*>> columns;
};

const std::vector<ChildTable>& ChildTables() {
  static const std::vector<ChildTable> tables = {
      {"blocks", true,
       {{"kind", "text"}, {"story", "integer"}, {"line", "integer"}, {"begin", "bigint"}, {"\"end\"", "bigint"},
        {"source_begin", "bigint"}, {"source_end", "bigint"}}},
      {"stories", true,
       {{"title", "text"}, {"title_block", "integer"}, {"first_block", "integer"}, {"last_block", "integer"},
        {"source_begin", "bigint"}, {"source_end", "bigint"}}},
      {"entities", true, {{"type", "text"}, {"name", "text"}}},
      {"entity_surfaces", false, {{"entity", "integer"}, {"idx", "integer"}, {"text", "text"}, {"mentions", "integer"}}},
      {"mentions", true,
       {{"entity", "integer"}, {"begin", "bigint"}, {"\"end\"", "bigint"}, {"source_begin", "bigint"},
        {"source_end", "bigint"}, {"description", "boolean"}}},
      {"quotes", true,
       {{"type", "text"}, {"text", "text"}, {"source_begin", "bigint"}, {"source_end", "bigint"},
        {"speaker_text", "text"}, {"speaker_name", "text"}, {"speaker_entity", "integer"},
        {"speaker_source_begin", "bigint"}, {"speaker_source_end", "bigint"}, {"cue", "text"},
        {"cue_begin", "bigint"}, {"cue_end", "bigint"}}},
      {"timexes", true,
       {{"type", "text"}, {"text", "text"}, {"value", "text"}, {"mod", "text"}, {"source_begin", "bigint"},
        {"source_end", "bigint"}}},
      {"amounts", true,
       {{"kind", "text"}, {"text", "text"}, {"value", "double precision"}, {"high", "double precision"},
        {"unit", "text"}, {"approximate", "boolean"}, {"modifier", "text"}, {"source_begin", "bigint"},
        {"source_end", "bigint"}}},
  };
  return tables;
}

constexpr int kDocumentParams = 17;

// The one statement that writes a document and all its rows: fixed SQL, built once from the table
// list above; every value is a parameter.
const std::string& InsertDocumentSql() {
  static const std::string sql = [] {
    std::string s =
        "WITH d AS (INSERT INTO documents(id, path, content_hash, format, size_bytes, encoding, title, site, url, "
        "published, language, description, section, bylines, time_reference, text, indexed_at) VALUES ($1::bigint, "
        "$2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17))";
    int p = kDocumentParams;
    int k = 0;
    for (const ChildTable& t : ChildTables()) {
      std::string cols = "doc_id", select = "$1::bigint", arrays, names;
      if (t.ordinal) {
        cols += ", idx";
        select += ", u.n - 1";
      }
      for (size_t i = 0; i < t.columns.size(); ++i) {
        const std::string c = "c" + std::to_string(i);
        cols += std::string(", ") + t.columns[i].first;
        select += ", u." + c;
        arrays += (i ? ", $" : "$") + std::to_string(++p) + "::" + t.columns[i].second + "[]";
        names += (i ? ", " : "") + c;
      }
      s += ", t" + std::to_string(k++) + " AS (INSERT INTO " + t.name + "(" + cols + ") SELECT " + select +
           " FROM unnest(" + arrays + ")" + (t.ordinal ? " WITH ORDINALITY" : "") + " AS u(" + names +
           (t.ordinal ? ", n" : "") + "))";
    }
    return s + " SELECT 1";
  }();
  return sql;
}

// The statement that takes a document and every row of it out.
const std::string& DeleteDocumentSql() {
  static const std::string sql = [] {
    std::string s = "WITH ";
    for (int k = 0; k < static_cast<int>(std::size(kChildTables)); ++k)
      s += std::string(k ? ", " : "") + "t" + std::to_string(k) + " AS (DELETE FROM " + kChildTables[k] +
           " WHERE doc_id = $1)";
    return s + " DELETE FROM documents WHERE id = $1";
  }();
  return sql;
}

std::string JoinLines(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) {
    if (!out.empty()) out.push_back('\n');
    out += s;
  }
  return out;
}

const char* Bool(bool b) { return b ? "t" : "f"; }

}  // namespace

PostgresCorpusStore::~PostgresCorpusStore() {
  std::string ignored;
  if (in_batch_) Commit(&ignored);  // every Put was whole: what was put is kept
}

bool PostgresCorpusStore::Open(const std::string& url, std::string* error) {
  if (!c_.Open(url, error)) return false;
  // A read-only store cannot write even by mistake; the server refuses for it.
  if (options_.read_only && !c_.Exec("SET default_transaction_read_only = on", error)) return false;
  return PreparePostgresSchema(c_, options_.read_only, options_.create, &schema_version_, error);
}

bool PostgresCorpusStore::ContentHashes(std::unordered_map<std::string, std::string>* out, std::string* error) {
  error->clear();
  pg::Result r;
  if (!c_.Query("SELECT path, content_hash FROM documents", pg::Params(), &r, error)) return false;
  for (int i = 0; i < r.rows(); ++i) out->emplace(r.Str(i, 0), r.Str(i, 1));
  return true;
}

bool PostgresCorpusStore::BeginBatch(std::string* error) {
  if (in_batch_) return true;
  // One writer at a time (another `dossier index` waits here), as SQLite's BEGIN IMMEDIATE does.
  if (!c_.Exec("BEGIN", error)) return false;
  if (!c_.Run("SELECT pg_advisory_xact_lock($1)", pg::Params().Int(kWriterLock), error)) {
    std::string ignored;
    c_.Exec("ROLLBACK", &ignored);
    return false;
  }
  in_batch_ = true;
  batch_count_ = 0;
  stale_marked_ = false;
  return true;
}

bool PostgresCorpusStore::Commit(std::string* error) {
  error->clear();
  if (!in_batch_) return true;
  in_batch_ = false;
  return c_.Exec("COMMIT", error);
}

bool PostgresCorpusStore::DeleteRows(int64_t doc_id, std::string* error) {
  pg::Result r;
  return c_.QueryPrepared("delete_document", DeleteDocumentSql().c_str(), pg::Params().Int(doc_id), &r, error);
}

bool PostgresCorpusStore::Put(const CorpusDocument& doc, PutResult* result, std::string* error) {
  error->clear();
  if (options_.read_only) {
    *error = "the corpus is open read-only";
    return false;
  }
  if (!BeginBatch(error)) return false;
  int64_t id = -1;
  {
    pg::Result r;
    if (!c_.QueryPrepared("find_document", "SELECT id, content_hash FROM documents WHERE path = $1",
                          pg::Params().Text(doc.path), &r, error))
      return false;
    if (r.rows() > 0) {
      id = r.Int(0, 0);
      if (r.Text(0, 1) == doc.content_hash) {
        *result = PutResult::kUnchanged;
        return true;
      }
    }
  }
  const bool replaced = id >= 0;
  {
    pg::Transaction doc_tx(c_, error);  // a savepoint inside the batch: this document whole, or nothing
    if (!doc_tx.ok()) return false;
    if (replaced) {
      if (!DeleteRows(id, error)) return false;  // a changed file keeps its id
    } else {
      pg::Result r;
      if (!c_.QueryPrepared("next_id", "SELECT nextval(pg_get_serial_sequence('documents', 'id'))", pg::Params(), &r,
                            error))
        return false;
      id = r.Int(0, 0);
    }
    if (!InsertRows(id, doc, error)) return false;
    // The crash test kills the process here: this document's rows written, none committed.
    if (options_.mid_document_hook) options_.mid_document_hook(++puts_);
    if (!stale_marked_ &&
        !c_.Exec("UPDATE meta SET value = '1' WHERE key = 'entities_stale' AND value <> '1'", error))
      return false;
    if (!doc_tx.Commit(error)) return false;
  }
  stale_marked_ = true;
  *result = replaced ? PutResult::kReplaced : PutResult::kAdded;
  if (++batch_count_ >= options_.batch_documents) return Commit(error);
  return true;
}

bool PostgresCorpusStore::InsertRows(int64_t id, const CorpusDocument& doc, std::string* error) {
  pg::Params p;
  p.Int(id)
      .Text(doc.path)
      .Text(doc.content_hash)
      .Text(doc.format)
      .Int(static_cast<int64_t>(doc.size_bytes))
      .TextOrNull(doc.encoding)
      .TextOrNull(doc.title)
      .TextOrNull(doc.site)
      .TextOrNull(doc.url)
      .TextOrNull(doc.published)
      .TextOrNull(doc.language)
      .TextOrNull(doc.description)
      .TextOrNull(doc.section)
      .TextOrNull(JoinLines(doc.bylines))
      .TextOrNull(doc.time_reference)
      .Text(doc.text)
      .Int(static_cast<int64_t>(std::time(nullptr)));
  // One array per column, in ChildTables() order.
  std::vector<pg::ArrayBuilder> a(12);
  auto flush = [&](size_t n) {
    for (size_t i = 0; i < n; ++i) p.Raw(a[i].Take());
  };
  auto u = [](uint64_t v) { return static_cast<int64_t>(v); };
  for (const auto& b : doc.blocks) {
    a[0].Text(BlockKindName(b.kind));
    if (b.story == kNoStory) a[1].Null();
    else a[1].Int(b.story);
    a[2].Int(b.line);
    a[3].Int(b.begin);
    a[4].Int(b.end);
    a[5].Int(u(b.source_begin));
    a[6].Int(u(b.source_end));
  }
  flush(7);
  for (const auto& st : doc.stories) {
    a[0].Text(st.title);
    if (st.title_block < 0) a[1].Null();
    else a[1].Int(st.title_block);
    a[2].Int(st.first_block);
    a[3].Int(st.last_block);
    a[4].Int(u(st.source_begin));
    a[5].Int(u(st.source_end));
  }
  flush(6);
  for (const auto& e : doc.entities) {
    a[0].Text(EntityTypeName(e.type));
    a[1].Text(e.name);
  }
  flush(2);
  // The surfaces the corpus linker reads (so relinking never needs the documents' texts).
  for (const EntitySummary& e : SummariseEntities(doc)) {
    for (size_t k = 0; k < e.surfaces.size(); ++k) {
      a[0].Int(e.entity);
      a[1].Int(static_cast<int64_t>(k));
      a[2].Text(e.surfaces[k].text);
      a[3].Int(e.surfaces[k].mentions);
    }
  }
  flush(4);
  for (const auto& m : doc.mentions) {
    a[0].Int(m.entity);
    a[1].Int(m.begin);
    a[2].Int(m.end);
    a[3].Int(u(m.source_begin));
    a[4].Int(u(m.source_end));
    a[5].Text(Bool(m.description));
  }
  flush(6);
  for (const auto& q : doc.quotes) {
    a[0].Text(QuoteTypeName(q.type));
    a[1].Text(q.text);
    a[2].Int(u(q.source_begin));
    a[3].Int(u(q.source_end));
    if (q.has_speaker) {
      a[4].Text(q.speaker_text);
      a[5].TextOrNull(q.speaker_name);
      if (q.speaker_entity < 0) a[6].Null();
      else a[6].Int(q.speaker_entity);
      a[7].Int(u(q.speaker_source_begin));
      a[8].Int(u(q.speaker_source_end));
    } else {
      for (int k = 4; k <= 8; ++k) a[k].Null();
    }
    if (q.cue.empty()) {
      for (int k = 9; k <= 11; ++k) a[k].Null();
    } else {
      a[9].Text(q.cue);
      a[10].Int(u(q.cue_begin));
      a[11].Int(u(q.cue_end));
    }
  }
  flush(12);
  for (const auto& x : doc.timexes) {
    a[0].Text(TimexTypeName(x.type));
    a[1].Text(x.text);
    a[2].Text(x.value);
    a[3].TextOrNull(x.mod);
    a[4].Int(u(x.source_begin));
    a[5].Int(u(x.source_end));
  }
  flush(6);
  for (const auto& am : doc.amounts) {
    a[0].Text(AmountKindName(am.kind));
    a[1].Text(am.text);
    a[2].Real(am.value);
    if (am.has_high) a[3].Real(am.high);
    else a[3].Null();
    a[4].TextOrNull(am.unit);
    a[5].Text(Bool(am.approximate));
    a[6].TextOrNull(am.modifier);
    a[7].Int(u(am.source_begin));
    a[8].Int(u(am.source_end));
  }
  flush(9);
  pg::Result r;
  return c_.QueryPrepared("insert_document", InsertDocumentSql().c_str(), p, &r, error);
}

bool PostgresCorpusStore::Remove(const std::string& path, std::string* error) {
  error->clear();
  if (options_.read_only) {
    *error = "the corpus is open read-only";
    return false;
  }
  if (!BeginBatch(error)) return false;
  pg::Result r;
  if (!c_.QueryPrepared("find_document", "SELECT id, content_hash FROM documents WHERE path = $1",
                        pg::Params().Text(path), &r, error))
    return false;
  if (r.rows() == 0) return false;
  pg::Transaction tx(c_, error);
  if (!tx.ok() || !DeleteRows(r.Int(0, 0), error)) return false;
  if (!c_.Exec("UPDATE meta SET value = '1' WHERE key = 'entities_stale'", error)) return false;
  return tx.Commit(error);
}

bool PostgresCorpusStore::EntitiesStale() {
  std::string error;
  pg::Result r;
  if (!c_.Query("SELECT value FROM meta WHERE key = 'entities_stale'", pg::Params(), &r, &error) || r.rows() == 0)
    return false;
  return r.Text(0, 0) == "1";
}

bool PostgresCorpusStore::FreshEntities(std::string* error) {
  if (options_.read_only || !EntitiesStale()) return true;
  return RelinkEntities(error);
}

namespace {

// Rows of a query read a few thousand at a time through a cursor (a corpus's entities need not fit
// in one result). Only inside a transaction.
class CursorReader {
 public:
  CursorReader(pg::Conn& c, std::string name) : c_(c), name_(std::move(name)) {}
  bool Open(const std::string& sql, std::string* error) {
    return c_.Exec(("DECLARE " + name_ + " NO SCROLL CURSOR FOR " + sql).c_str(), error);
  }
  // Moves to the next row; false at the end (with `error` empty) or on failure.
  bool Next(std::string* error) {
    if (++row_ < r_.rows()) return true;
    if (done_) return false;
    if (!c_.Query(("FETCH 5000 FROM " + name_).c_str(), pg::Params(), &r_, error)) return false;
    row_ = 0;
    done_ = r_.rows() < 5000;
    return r_.rows() > 0;
  }
  int64_t Int(int col) const { return r_.Int(row_, col); }
  std::string Str(int col) const { return r_.Str(row_, col); }
  std::string_view Text(int col) const { return r_.Text(row_, col); }

 private:
  pg::Conn& c_;
  std::string name_;
  pg::Result r_;
  int row_ = -1;
  bool done_ = false;
};

// Rows for one table, sent as arrays every few thousand rows.
class ArrayInserter {
 public:
  ArrayInserter(pg::Conn& c, std::string sql, size_t columns) : c_(c), sql_(std::move(sql)), a_(columns) {}
  pg::ArrayBuilder& operator[](size_t i) { return a_[i]; }
  bool RowDone(std::string* error) { return ++rows_ < 5000 || Flush(error); }
  bool Flush(std::string* error) {
    if (rows_ == 0) return true;
    pg::Params p;
    for (auto& col : a_) p.Raw(col.Take());
    rows_ = 0;
    return c_.Run(sql_.c_str(), p, error);
  }

 private:
  pg::Conn& c_;
  std::string sql_;
  std::vector<pg::ArrayBuilder> a_;
  size_t rows_ = 0;
};

}  // namespace

bool PostgresCorpusStore::RelinkEntities(std::string* error) {
  error->clear();
  if (options_.read_only) {
    *error = "the corpus is open read-only";
    return false;
  }
  if (!Commit(error)) return false;
  pg::Transaction tx(c_, error);  // reads and rewrites under the writers' lock: a consistent snapshot
  if (!tx.ok()) return false;
  if (!c_.Run("SELECT pg_advisory_xact_lock($1)", pg::Params().Int(kWriterLock), error)) return false;
  // Every document's entity summaries, in document id order (the linker is order-independent, and
  // id order makes corpus ids follow first appearance).
  CorpusEntityLinker linker;
  std::vector<int64_t> doc_ids;
  std::vector<std::vector<std::string>> doc_names;  // [linker document][entity]: its own name
  {
    CursorReader ents(c_, "relink_entities"), surf(c_, "relink_surfaces");
    if (!ents.Open("SELECT doc_id, idx, type, name FROM entities ORDER BY doc_id, idx", error) ||
        !surf.Open("SELECT doc_id, entity, text, mentions FROM entity_surfaces ORDER BY doc_id, entity, idx", error))
      return false;
    bool surf_row = surf.Next(error);
    std::vector<EntitySummary> current;
    int64_t current_doc = -1;
    auto flush = [&]() {
      if (current_doc >= 0) {
        std::vector<std::string> names;
        for (const EntitySummary& e : current) {
          if (names.size() <= e.entity) names.resize(e.entity + 1);
          names[e.entity] = e.name;
        }
        doc_names.push_back(std::move(names));
        linker.Add(std::move(current));
        doc_ids.push_back(current_doc);
      }
      current.clear();
    };
    while (error->empty() && ents.Next(error)) {
      const int64_t doc = ents.Int(0);
      if (doc != current_doc) {
        flush();
        current_doc = doc;
      }
      EntitySummary s;
      s.entity = static_cast<uint32_t>(ents.Int(1));
      EntityTypeFromName(ents.Text(2), &s.type);
      s.name = ents.Str(3);
      const int64_t ent = s.entity;
      while (surf_row && (surf.Int(0) < doc || (surf.Int(0) == doc && surf.Int(1) < ent))) surf_row = surf.Next(error);
      while (surf_row && surf.Int(0) == doc && surf.Int(1) == ent) {
        s.surfaces.push_back({surf.Str(2), static_cast<uint32_t>(surf.Int(3))});
        surf_row = surf.Next(error);
      }
      current.push_back(std::move(s));
    }
    if (!error->empty()) return false;
    flush();
    if (!c_.Exec("CLOSE relink_entities; CLOSE relink_surfaces", error)) return false;
  }
  const std::vector<CorpusEntity> corpus = linker.Link();
  if (!c_.Exec("DELETE FROM corpus_entities; DELETE FROM corpus_aliases; DELETE FROM corpus_keys; "
               "DELETE FROM corpus_members;",
               error))
    return false;
  ArrayInserter ent(c_,
                    "INSERT INTO corpus_entities SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], "
                    "$4::integer[], $5::integer[], $6::integer[], $7::integer[], $8::integer[])",
                    8),
      alias(c_, "INSERT INTO corpus_aliases SELECT * FROM unnest($1::bigint[], $2::integer[], $3::text[], $4::integer[])",
            4),
      key(c_, "INSERT INTO corpus_keys SELECT * FROM unnest($1::text[], $2::bigint[]) ON CONFLICT DO NOTHING", 2),
      member(c_,
             "INSERT INTO corpus_members SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::integer[]) "
             "ON CONFLICT DO NOTHING",
             3);
  std::set<std::string> keys;  // of one entity: every name that finds it, once
  for (const CorpusEntity& e : corpus) {
    const int64_t id = e.id;
    ent[0].Int(id);
    ent[1].Text(EntityTypeName(e.type));
    ent[2].Text(e.name);
    ent[3].Int(e.mentions);
    ent[4].Int(e.documents());
    ent[5].Int(e.joined_by_name);
    ent[6].Int(e.joined_by_surname);
    ent[7].Int(e.joined_by_alias);
    if (!ent.RowDone(error)) return false;
    keys.clear();
    keys.insert(NameKey(e.name));
    for (size_t k = 0; k < e.aliases.size(); ++k) {
      alias[0].Int(id);
      alias[1].Int(static_cast<int64_t>(k));
      alias[2].Text(e.aliases[k].text);
      alias[3].Int(e.aliases[k].mentions);
      if (!alias.RowDone(error)) return false;
      keys.insert(NameKey(e.aliases[k].text));
    }
    for (const CorpusEntity::Member& m : e.members) {
      member[0].Int(id);
      member[1].Int(doc_ids[m.document]);
      member[2].Int(m.entity);
      if (!member.RowDone(error)) return false;
      // A member's own canonical name ("Keir Starmer" for "Sir Keir") also finds the entity.
      const auto& names = doc_names[m.document];
      if (m.entity < names.size()) keys.insert(NameKey(names[m.entity]));
    }
    for (const std::string& k : keys) {
      if (k.empty()) continue;
      key[0].Text(k);
      key[1].Int(id);
      if (!key.RowDone(error)) return false;
    }
  }
  if (!ent.Flush(error) || !alias.Flush(error) || !key.Flush(error) || !member.Flush(error)) return false;
  if (!c_.Exec("UPDATE meta SET value = '0' WHERE key = 'entities_stale'", error)) return false;
  if (!tx.Commit(error)) return false;
  // The corpus tables were just rewritten (and the documents' usually grown): fresh statistics
  // keep the planner on the indexes for the entity and speaker filters, without waiting for
  // autovacuum. Sampled, so cheap on any corpus; a role that may not analyse only loses that.
  std::string ignored;
  c_.Exec("ANALYZE documents, quotes, mentions, corpus_entities, corpus_aliases, corpus_keys, corpus_members",
          &ignored);
  return true;
}

}  // namespace dossier::store

namespace dossier {

std::unique_ptr<CorpusStore> OpenPostgresCorpusStore(const std::string& url, const StoreOptions& options,
                                                     std::string* error) {
  auto store = std::make_unique<store::PostgresCorpusStore>(options);
  if (!store->Open(url, error)) return nullptr;
  return store;
}

}  // namespace dossier
