#include "store/sqlite_schema.h"

#include "store/compressed_text.h"
#include "store/sqlite_migrations.h"

namespace dossier::store {
namespace {

// Migration i takes a database from user_version i to i + 1. Never edit a released step: add one.
// Tables keyed by (doc_id, idx) are WITHOUT ROWID: a document's rows sit together, so replacing
// or reading a document is a range operation, and no separate rowid is stored.
struct Migration {
  const char* sql;                            // run first (may be null)
  bool (*convert)(Db&, std::string* error);   // then this (may be null): steps SQL cannot do
};

constexpr Migration kMigrations[] = {
    // 0 -> 1: the first schema.
    {R"SQL(
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL UNIQUE,
  content_hash TEXT NOT NULL,
  format TEXT NOT NULL,
  size_bytes INTEGER NOT NULL,
  encoding TEXT,
  title TEXT, site TEXT, url TEXT, published TEXT, language TEXT, description TEXT, section TEXT,
  bylines TEXT,
  time_reference TEXT,
  text TEXT NOT NULL,
  indexed_at INTEGER NOT NULL
);
CREATE INDEX documents_published ON documents(published);
CREATE INDEX documents_site ON documents(site COLLATE NOCASE);
CREATE VIRTUAL TABLE documents_fts USING fts5(
  title, text, content='documents', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
INSERT INTO documents_fts(documents_fts, rank) VALUES('rank', 'bm25(4.0, 1.0)');
CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
  INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
  INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER documents_au AFTER UPDATE OF title, text ON documents BEGIN
  INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
  INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TABLE blocks (
  doc_id INTEGER NOT NULL, idx INTEGER NOT NULL, kind TEXT NOT NULL, story INTEGER, line INTEGER,
  begin INTEGER NOT NULL, end INTEGER NOT NULL, source_begin INTEGER NOT NULL, source_end INTEGER NOT NULL,
  PRIMARY KEY (doc_id, idx)) WITHOUT ROWID;
CREATE TABLE stories (
  doc_id INTEGER NOT NULL, idx INTEGER NOT NULL, title TEXT, title_block INTEGER,
  first_block INTEGER NOT NULL, last_block INTEGER NOT NULL, source_begin INTEGER, source_end INTEGER,
  PRIMARY KEY (doc_id, idx)) WITHOUT ROWID;
CREATE TABLE entities (
  doc_id INTEGER NOT NULL, idx INTEGER NOT NULL, type TEXT NOT NULL, name TEXT NOT NULL,
  PRIMARY KEY (doc_id, idx)) WITHOUT ROWID;
CREATE TABLE entity_surfaces (
  doc_id INTEGER NOT NULL, entity INTEGER NOT NULL, idx INTEGER NOT NULL, text TEXT NOT NULL,
  mentions INTEGER NOT NULL,
  PRIMARY KEY (doc_id, entity, idx)) WITHOUT ROWID;
CREATE TABLE mentions (
  doc_id INTEGER NOT NULL, idx INTEGER NOT NULL, entity INTEGER NOT NULL,
  begin INTEGER NOT NULL, end INTEGER NOT NULL, source_begin INTEGER NOT NULL, source_end INTEGER NOT NULL,
  description INTEGER NOT NULL,
  PRIMARY KEY (doc_id, idx)) WITHOUT ROWID;
CREATE TABLE quotes (
  doc_id INTEGER NOT NULL, idx INTEGER NOT NULL, type TEXT NOT NULL, text TEXT NOT NULL,
  source_begin INTEGER NOT NULL, source_end INTEGER NOT NULL,
  speaker_text TEXT, speaker_name TEXT, speaker_entity INTEGER,
  speaker_source_begin INTEGER, speaker_source_end INTEGER,
  cue TEXT, cue_begin INTEGER, cue_end INTEGER,
  PRIMARY KEY (doc_id, idx)) WITHOUT ROWID;
CREATE INDEX quotes_speaker_name ON quotes(speaker_name COLLATE NOCASE);
CREATE TABLE timexes (
  doc_id INTEGER NOT NULL, idx INTEGER NOT NULL, type TEXT NOT NULL, text TEXT NOT NULL,
  value TEXT NOT NULL, mod TEXT, source_begin INTEGER NOT NULL, source_end INTEGER NOT NULL,
  PRIMARY KEY (doc_id, idx)) WITHOUT ROWID;
CREATE TABLE amounts (
  doc_id INTEGER NOT NULL, idx INTEGER NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL,
  value REAL NOT NULL, high REAL, unit TEXT, approximate INTEGER NOT NULL, modifier TEXT,
  source_begin INTEGER NOT NULL, source_end INTEGER NOT NULL,
  PRIMARY KEY (doc_id, idx)) WITHOUT ROWID;
CREATE TABLE corpus_entities (
  id INTEGER PRIMARY KEY, type TEXT NOT NULL, name TEXT NOT NULL, mentions INTEGER NOT NULL,
  documents INTEGER NOT NULL, by_name INTEGER NOT NULL, by_surname INTEGER NOT NULL,
  by_alias INTEGER NOT NULL);
CREATE TABLE corpus_aliases (
  entity INTEGER NOT NULL, idx INTEGER NOT NULL, text TEXT NOT NULL, mentions INTEGER NOT NULL,
  PRIMARY KEY (entity, idx)) WITHOUT ROWID;
CREATE TABLE corpus_keys (
  key TEXT NOT NULL, entity INTEGER NOT NULL,
  PRIMARY KEY (key, entity)) WITHOUT ROWID;
CREATE TABLE corpus_members (
  entity INTEGER NOT NULL, doc_id INTEGER NOT NULL, doc_entity INTEGER NOT NULL,
  PRIMARY KEY (entity, doc_id, doc_entity)) WITHOUT ROWID;
CREATE INDEX corpus_members_doc ON corpus_members(doc_id, doc_entity);
INSERT INTO meta(key, value) VALUES ('entities_stale', '0');
)SQL", nullptr},
    // 1 -> 2: the documents in which each corpus entity is quoted, written at relinking, so that a
    // speaker filter is one index range instead of a join of every member document with its
    // quotes (300+ ms for a name in tens of thousands of documents). Marked stale so that the
    // next writer fills it. An index on format, so that a type filter never scans the documents.
    {R"SQL(
CREATE TABLE corpus_speakers (
  entity INTEGER NOT NULL, doc_id INTEGER NOT NULL,
  PRIMARY KEY (entity, doc_id)) WITHOUT ROWID;
CREATE INDEX corpus_speakers_doc ON corpus_speakers(doc_id);
CREATE INDEX documents_format ON documents(format);
UPDATE meta SET value = '1' WHERE key = 'entities_stale';
)SQL", nullptr},
    // 2 -> 3: time expressions by value, so that a timeline walks them in date order.
    {R"SQL(
CREATE INDEX timexes_value ON timexes(value);
)SQL", nullptr},
    // 3 -> 4: a document's blocks, stories, entities, mentions and amounts packed into one blob of
    // its row (~250 rows a document became one), the entity surfaces dropped (they are the
    // mentions' texts), the canonical text compressed, and FTS5 reading it through a view
    // (sqlite_migrate_packed.cc).
    {nullptr, MigrateToPackedDocuments},
    // 4 -> 5: the index of corpus_members by document (100 MB on 100,000 documents, read only a
    // document at a time) replaced by document_members, one blob of links a document, written at
    // relinking; quote texts that are slices of the document's text stored as their place
    // (sqlite_migrate_v5.cc). New rows compress their text and annotations with zstd (told from
    // schema 4's zlib text and plain annotations by their first bytes: older rows are read as
    // they are).
    {nullptr, MigrateToVersion5},
};
constexpr int kStepCount = sizeof(kMigrations) / sizeof(kMigrations[0]);
static_assert(kStepCount == kCorpusSchemaVersion, "one migration per schema version");

}  // namespace

bool MigrateSchema(Db& db, int target, std::string* error) {
  Transaction tx(db, error);
  if (!tx.ok()) return false;
  // Re-read inside the write lock: another process may have migrated meanwhile.
  const int64_t version = QueryInt(db, "PRAGMA user_version", error);
  if (version < 0) return false;
  for (int64_t v = version; v < target; ++v) {
    const Migration& m = kMigrations[v];
    if ((m.sql && !db.Exec(m.sql, error)) || (m.convert && !m.convert(db, error))) {
      *error = "migration to schema version " + std::to_string(v + 1) + ": " + *error;
      return false;
    }
  }
  // user_version cannot take a bound parameter; the value is our own constant, not data.
  if (version < target && !db.Exec("PRAGMA user_version=" + std::to_string(target), error)) return false;
  return tx.Commit(error);
}

bool PrepareSchema(Db& db, bool read_only, std::string* error) {
  // The function through which the schema's view reads the compressed text (FTS5 snippets).
  if (RegisterTextFunction(db.get()) != SQLITE_OK) {
    *error = "cannot register dossier_text: " + db.LastError();
    return false;
  }
  if (!read_only) {
    // WAL: readers never block the writer; synchronous=NORMAL keeps every committed transaction
    // through a crash of the process (only a power cut may lose the last ones).
    if (!db.Exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;", error)) return false;
  }
  if (!db.Exec("PRAGMA foreign_keys=OFF; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-65536;", error))
    return false;
  std::string e;
  int64_t version = QueryInt(db, "PRAGMA user_version", &e);
  if (version < 0) {
    *error = e;
    return false;
  }
  if (version > kCorpusSchemaVersion) {
    *error = "the database has schema version " + std::to_string(version) + ", newer than this dossier's " +
             std::to_string(kCorpusSchemaVersion);
    return false;
  }
  if (version == kCorpusSchemaVersion) return true;
  if (read_only) {
    *error = "the database has schema version " + std::to_string(version) + " and is read-only (needs " +
             std::to_string(kCorpusSchemaVersion) + ")";
    return false;
  }
  return MigrateSchema(db, kCorpusSchemaVersion, error);
}

}  // namespace dossier::store
