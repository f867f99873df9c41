#include "store/postgres_schema.h"

namespace dossier::store {
namespace {

// Migration i takes a database from version i to i + 1. Never edit a released step: add one.
// The same tables as the SQLite schema (sqlite_schema.cc); the differences:
// - the full-text index is a generated tsvector column (title weight 'A', text weight 'D', the
//   'simple' configuration: no stemming and no stop words, like FTS5's unicode61) with a GIN index;
// - columns compared or sorted as strings (path, published, a time expression's value) use the "C"
//   collation, i.e. byte order, as SQLite does;
// - case-insensitive comparisons use dossier_fold (ASCII only, like SQLite's NOCASE), so that both
//   backends find the same rows whatever the database's locale.
constexpr const char* kMigrations[] = {
    // 0 -> 1: the first schema.
    R"SQL(
CREATE TABLE meta (key text PRIMARY KEY, value text);
CREATE FUNCTION dossier_fold(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN translate(t, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz');
CREATE TABLE documents (
  id bigserial PRIMARY KEY,
  path text COLLATE "C" NOT NULL UNIQUE,
  content_hash text NOT NULL,
  format text NOT NULL,
  size_bytes bigint NOT NULL,
  encoding text,
  title text, site text, url text, published text COLLATE "C", language text, description text, section text,
  bylines text,
  time_reference text,
  text text NOT NULL,
  indexed_at bigint NOT NULL,
  fts tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple'::regconfig, coalesce(title, '')), 'A') ||
    setweight(to_tsvector('simple'::regconfig, text), 'D')) STORED
);
CREATE INDEX documents_published ON documents(published);
CREATE INDEX documents_site ON documents(dossier_fold(site));
CREATE INDEX documents_fts ON documents USING gin(fts);
CREATE TABLE blocks (
  doc_id bigint NOT NULL, idx integer NOT NULL, kind text NOT NULL, story integer, line integer,
  begin bigint NOT NULL, "end" bigint NOT NULL, source_begin bigint NOT NULL, source_end bigint NOT NULL,
  PRIMARY KEY (doc_id, idx));
CREATE TABLE stories (
  doc_id bigint NOT NULL, idx integer NOT NULL, title text, title_block integer,
  first_block integer NOT NULL, last_block integer NOT NULL, source_begin bigint, source_end bigint,
  PRIMARY KEY (doc_id, idx));
CREATE TABLE entities (
  doc_id bigint NOT NULL, idx integer NOT NULL, type text NOT NULL, name text NOT NULL,
  PRIMARY KEY (doc_id, idx));
CREATE TABLE entity_surfaces (
  doc_id bigint NOT NULL, entity integer NOT NULL, idx integer NOT NULL, text text NOT NULL,
  mentions integer NOT NULL,
  PRIMARY KEY (doc_id, entity, idx));
CREATE TABLE mentions (
  doc_id bigint NOT NULL, idx integer NOT NULL, entity integer NOT NULL,
  begin bigint NOT NULL, "end" bigint NOT NULL, source_begin bigint NOT NULL, source_end bigint NOT NULL,
  description boolean NOT NULL,
  PRIMARY KEY (doc_id, idx));
CREATE TABLE quotes (
  doc_id bigint NOT NULL, idx integer NOT NULL, type text NOT NULL, text text NOT NULL,
  source_begin bigint NOT NULL, source_end bigint NOT NULL,
  speaker_text text, speaker_name text, speaker_entity integer,
  speaker_source_begin bigint, speaker_source_end bigint,
  cue text, cue_begin bigint, cue_end bigint,
  PRIMARY KEY (doc_id, idx));
CREATE INDEX quotes_speaker_name ON quotes(dossier_fold(speaker_name));
CREATE TABLE timexes (
  doc_id bigint NOT NULL, idx integer NOT NULL, type text NOT NULL, text text NOT NULL,
  value text COLLATE "C" NOT NULL, mod text, source_begin bigint NOT NULL, source_end bigint NOT NULL,
  PRIMARY KEY (doc_id, idx));
CREATE TABLE amounts (
  doc_id bigint NOT NULL, idx integer NOT NULL, kind text NOT NULL, text text NOT NULL,
  value double precision NOT NULL, high double precision, unit text, approximate boolean NOT NULL, modifier text,
  source_begin bigint NOT NULL, source_end bigint NOT NULL,
  PRIMARY KEY (doc_id, idx));
CREATE TABLE corpus_entities (
  id bigint PRIMARY KEY, type text NOT NULL, name text NOT NULL, mentions integer NOT NULL,
  documents integer NOT NULL, by_name integer NOT NULL, by_surname integer NOT NULL,
  by_alias integer NOT NULL);
CREATE TABLE corpus_aliases (
  entity bigint NOT NULL, idx integer NOT NULL, text text NOT NULL, mentions integer NOT NULL,
  PRIMARY KEY (entity, idx));
CREATE TABLE corpus_keys (
  key text COLLATE "C" NOT NULL, entity bigint NOT NULL,
  PRIMARY KEY (key, entity));
CREATE TABLE corpus_members (
  entity bigint NOT NULL, doc_id bigint NOT NULL, doc_entity integer NOT NULL,
  PRIMARY KEY (entity, doc_id, doc_entity));
CREATE INDEX corpus_members_doc ON corpus_members(doc_id, doc_entity);
INSERT INTO meta(key, value) VALUES ('entities_stale', '0');
)SQL",
};
constexpr int kStepCount = sizeof(kMigrations) / sizeof(kMigrations[0]);
static_assert(kStepCount == kPostgresSchemaVersion, "one migration per schema version");

// The schema's version: 0 when there are no corpus tables yet, -1 on error.
int ReadVersion(pg::Conn& c, std::string* error) {
  pg::Result r;
  if (!c.Query("SELECT to_regclass('schema_version') IS NOT NULL", pg::Params(), &r, error)) return -1;
  if (!r.Bool(0, 0)) return 0;
  if (!c.Query("SELECT coalesce(max(version), 0) FROM schema_version", pg::Params(), &r, error)) return -1;
  return static_cast<int>(r.Int(0, 0));
}

}  // namespace

bool PreparePostgresSchema(pg::Conn& c, bool read_only, bool create, int* version, std::string* error) {
  int v = ReadVersion(c, error);
  if (v < 0) return false;
  if (v > kPostgresSchemaVersion) {
    *error = "the database has schema version " + std::to_string(v) + ", newer than this dossier's " +
             std::to_string(kPostgresSchemaVersion);
    return false;
  }
  *version = v;
  if (v == kPostgresSchemaVersion) return true;
  if (v == 0 && !create) {
    *error = "no corpus in this database (create it with `dossier index --db URL FILES`)";
    return false;
  }
  if (read_only) {
    *error = "the database has schema version " + std::to_string(v) + " and is opened read-only (needs " +
             std::to_string(kPostgresSchemaVersion) + ")";
    return false;
  }
  pg::Transaction tx(c, error);
  if (!tx.ok()) return false;
  // Inside the lock, read again: another process may have migrated meanwhile.
  if (!c.Run("SELECT pg_advisory_xact_lock($1)", pg::Params().Int(kWriterLock), error)) return false;
  v = ReadVersion(c, error);
  if (v < 0) return false;
  if (v == 0 && !c.Exec("CREATE TABLE schema_version (version integer NOT NULL)", error)) return false;
  for (int step = v; step < kPostgresSchemaVersion; ++step) {
    if (!c.Exec(kMigrations[step], error)) {
      *error = "migration to schema version " + std::to_string(step + 1) + ": " + *error;
      return false;
    }
  }
  if (!c.Run("DELETE FROM schema_version", pg::Params(), error) ||
      !c.Run("INSERT INTO schema_version(version) VALUES ($1)", pg::Params().Int(kPostgresSchemaVersion), error))
    return false;
  *version = kPostgresSchemaVersion;
  return tx.Commit(error);
}

}  // namespace dossier::store
