// Schema 3 -> 4: each document's blocks, stories, entities, mentions and amounts packed into one
// blob of its row, its entity surfaces dropped (they are the mentions' texts), its canonical text
// compressed, and the full-text index rebuilt over the view that inflates it. Runs inside the
// migration's transaction: the database is converted whole or not at all. Reads schema 3's rows
// with its own queries (the readers of the current schema no longer know those tables).
#include "store/enum_names.h"
#include "store/sqlite_document_row.h"
#include "store/sqlite_migrations.h"

namespace dossier::store {
namespace {

// The small columns come first and the two blobs last, so that reading metadata never walks a
// row's overflow pages.
constexpr const char* kCreatePackedDocuments = R"SQL(
CREATE TABLE documents_v4 (
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL UNIQUE,
  content_hash TEXT NOT NULL,
  format TEXT NOT NULL,
  size_bytes INTEGER NOT NULL,
  encoding TEXT,
  title TEXT, site TEXT, url TEXT, published TEXT, language TEXT, description TEXT, section TEXT,
  bylines TEXT,
  time_reference TEXT,
  indexed_at INTEGER NOT NULL,
  blocks INTEGER NOT NULL, entities INTEGER NOT NULL, mentions INTEGER NOT NULL, amounts INTEGER NOT NULL,
  text_bytes INTEGER NOT NULL,
  annotations BLOB NOT NULL,
  text BLOB NOT NULL
);
)SQL";

// The old tables go, the new one takes the name, and FTS5 is rebuilt over the view that inflates
// the text (its index is dropped with the old table whose text it read).
constexpr const char* kReplaceTables = R"SQL(
DROP TABLE documents_fts;
DROP TABLE documents;
DROP TABLE blocks;
DROP TABLE stories;
DROP TABLE entities;
DROP TABLE entity_surfaces;
DROP TABLE mentions;
DROP TABLE amounts;
ALTER TABLE documents_v4 RENAME TO documents;
CREATE INDEX documents_published ON documents(published);
CREATE INDEX documents_site ON documents(site COLLATE NOCASE);
CREATE INDEX documents_format ON documents(format);
CREATE VIEW document_texts AS SELECT id, title, dossier_text(text, text_bytes) AS text FROM documents;
CREATE VIRTUAL TABLE documents_fts USING fts5(
  title, text, content='document_texts', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
INSERT INTO documents_fts(documents_fts, rank) VALUES('rank', 'bm25(4.0, 1.0)');
INSERT INTO documents_fts(documents_fts) VALUES('rebuild');
)SQL";

// Schema 3's annotation rows of one document, in index order.
bool ReadVersion3Rows(Db& db, int64_t doc_id, CorpusDocument* c, std::string* error) {
  auto rows = [&](const char* sql, auto&& read) {
    Stmt s;
    if (!s.Prepare(db, sql, error)) return false;
    s.Bind(1, doc_id);
    while (s.Step(error)) read(s);
    return error->empty();
  };
  return rows("SELECT kind, story, line, begin, end, source_begin, source_end FROM blocks WHERE doc_id = ?1 "
              "ORDER BY idx",
              [&](Stmt& s) {
                CorpusDocument::Block b;
                BlockKindFromName(s.Text(0), &b.kind);
                b.story = s.IsNull(1) ? kNoStory : static_cast<int32_t>(s.Int(1));
                b.line = static_cast<uint32_t>(s.Int(2));
                b.begin = static_cast<uint32_t>(s.Int(3));
                b.end = static_cast<uint32_t>(s.Int(4));
                b.source_begin = s.Int(5);
                b.source_end = s.Int(6);
                c->blocks.push_back(b);
              }) &&
         rows("SELECT title, title_block, first_block, last_block, source_begin, source_end FROM stories "
              "WHERE doc_id = ?1 ORDER BY idx",
              [&](Stmt& s) {
                c->stories.push_back({std::string(s.Text(0)), s.IsNull(1) ? -1 : static_cast<int32_t>(s.Int(1)),
                                      static_cast<uint32_t>(s.Int(2)), static_cast<uint32_t>(s.Int(3)),
                                      static_cast<uint64_t>(s.Int(4)), static_cast<uint64_t>(s.Int(5))});
              }) &&
         rows("SELECT type, name FROM entities WHERE doc_id = ?1 ORDER BY idx",
              [&](Stmt& s) {
                CorpusDocument::Entity e;
                EntityTypeFromName(s.Text(0), &e.type);
                e.name = std::string(s.Text(1));
                c->entities.push_back(std::move(e));
              }) &&
         rows("SELECT entity, begin, end, source_begin, source_end, description FROM mentions WHERE doc_id = ?1 "
              "ORDER BY idx",
              [&](Stmt& s) {
                c->mentions.push_back({static_cast<uint32_t>(s.Int(0)), static_cast<uint32_t>(s.Int(1)),
                                       static_cast<uint32_t>(s.Int(2)), static_cast<uint64_t>(s.Int(3)),
                                       static_cast<uint64_t>(s.Int(4)), s.Int(5) != 0});
              }) &&
         rows("SELECT kind, text, value, high, unit, approximate, modifier, source_begin, source_end FROM amounts "
              "WHERE doc_id = ?1 ORDER BY idx",
              [&](Stmt& s) {
                CorpusDocument::Amount a;
                AmountKindFromName(s.Text(0), &a.kind);
                a.text = std::string(s.Text(1));
                a.value = s.Double(2);
                a.has_high = !s.IsNull(3);
                a.high = s.Double(3);
                a.unit = std::string(s.Text(4));
                a.approximate = s.Int(5) != 0;
                a.modifier = std::string(s.Text(6));
                a.source_begin = s.Int(7);
                a.source_end = s.Int(8);
                c->amounts.push_back(std::move(a));
              });
}

}  // namespace

bool MigrateToPackedDocuments(Db& db, std::string* error) {
  if (!db.Exec(kCreatePackedDocuments, error)) return false;
  Stmt docs, insert;
  if (!docs.Prepare(db,
                    "SELECT id, path, content_hash, format, size_bytes, encoding, title, site, url, published, "
                    "language, description, section, bylines, time_reference, text, indexed_at FROM documents "
                    "ORDER BY id",
                    error) ||
      !insert.Prepare(db, InsertDocumentRowSql("documents_v4"), error))
    return false;
  DocumentRowBuffers buffers;
  while (docs.Step(error)) {
    CorpusDocument c;
    const int64_t id = docs.Int(0);
    c.path = std::string(docs.Text(1));
    c.content_hash = std::string(docs.Text(2));
    c.format = std::string(docs.Text(3));
    c.size_bytes = docs.Int(4);
    c.encoding = std::string(docs.Text(5));
    c.title = std::string(docs.Text(6));
    c.site = std::string(docs.Text(7));
    c.url = std::string(docs.Text(8));
    c.published = std::string(docs.Text(9));
    c.language = std::string(docs.Text(10));
    c.description = std::string(docs.Text(11));
    c.section = std::string(docs.Text(12));
    // Bylines are kept as they were stored (one per line): split and joined again by the row.
    for (std::string_view b = docs.Text(13); !b.empty();) {
      const size_t nl = b.find('\n');
      c.bylines.emplace_back(b.substr(0, nl));
      b = nl == std::string_view::npos ? std::string_view() : b.substr(nl + 1);
    }
    c.time_reference = std::string(docs.Text(14));
    c.text = std::string(docs.Text(15));
    if (!ReadVersion3Rows(db, id, &c, error)) return false;
    BindDocumentRow(insert, id, c, docs.Int(16), &buffers);
    if (!insert.Run(error)) return false;
  }
  if (!error->empty()) return false;
  return db.Exec(kReplaceTables, error);
}

}  // namespace dossier::store
