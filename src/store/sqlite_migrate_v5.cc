// Schema 4 -> 5, inside the migration's transaction:
// * the index of corpus_members by document replaced by one blob of links a document
//   (member_links.h), filled from corpus_members; corpus members that are stale
//   (entities_stale = 1) are carried over as they are (the next writer relinks both);
// * quote texts that are slices of their document's text stored as their place (quote_text.h).
// The text and annotations of schema 4 (zlib, uncompressed) are left as they are: readers take
// both forms, and a replaced document is written in the new one.
#include <vector>

#include "store/compressed_text.h"
#include "store/member_links.h"
#include "store/quote_text.h"
#include "store/sqlite_migrations.h"

namespace dossier::store {
namespace {

bool FillMemberLinks(Db& db, std::string* error) {
  if (!db.Exec("CREATE TABLE document_members (doc_id INTEGER PRIMARY KEY, links BLOB NOT NULL);", error))
    return false;
  Stmt members, insert;
  // In document order, by the index dropped below.
  if (!members.Prepare(db, "SELECT doc_id, doc_entity, entity FROM corpus_members ORDER BY doc_id, doc_entity, entity",
                       error) ||
      !insert.Prepare(db, "INSERT INTO document_members(doc_id, links) VALUES (?1, ?2)", error))
    return false;
  std::vector<MemberLink> links;
  std::string blob;
  int64_t doc = -1;
  auto flush = [&]() {
    if (links.empty()) return true;
    PackMemberLinks(std::move(links), &blob);
    links.clear();
    insert.Bind(1, doc);
    insert.BindBlobStatic(2, blob);
    return insert.Run(error);
  };
  while (members.Step(error)) {
    if (members.Int(0) != doc && !flush()) return false;
    doc = members.Int(0);
    links.push_back({static_cast<uint32_t>(members.Int(1)), members.Int(2)});
  }
  if (!error->empty() || !flush()) return false;
  return db.Exec("DROP INDEX corpus_members_doc;", error);
}

bool SliceQuoteTexts(Db& db, std::string* error) {
  Stmt docs, quotes, update;
  if (!docs.Prepare(db,
                    "SELECT d.id, d.text_bytes, d.text FROM documents d "
                    "WHERE EXISTS (SELECT 1 FROM quotes q WHERE q.doc_id = d.id) ORDER BY d.id",
                    error) ||
      !quotes.Prepare(db, "SELECT idx, text FROM quotes WHERE doc_id = ?1 AND typeof(text) = 'text'", error) ||
      !update.Prepare(db, "UPDATE quotes SET text = ?3 WHERE doc_id = ?1 AND idx = ?2", error))
    return false;
  std::string text, slice;
  std::vector<std::pair<int64_t, std::string>> slices;  // of one document: idx, slice
  while (docs.Step(error)) {
    const int64_t id = docs.Int(0);
    if (!DecompressText(docs.Blob(2), static_cast<uint64_t>(docs.Int(1)), &text, error)) {
      *error = "document " + std::to_string(id) + ": " + *error;
      return false;
    }
    slices.clear();
    quotes.Bind(1, id);
    while (quotes.Step(error))
      if (EncodeQuoteSlice(quotes.Text(1), text, &slice)) slices.emplace_back(quotes.Int(0), slice);
    quotes.Reset();
    if (!error->empty()) return false;
    for (const auto& [idx, blob] : slices) {
      update.Bind(1, id);
      update.Bind(2, idx);
      update.BindBlobStatic(3, blob);
      if (!update.Run(error)) return false;
    }
  }
  return error->empty();
}

}  // namespace

bool MigrateToVersion5(Db& db, std::string* error) {
  return FillMemberLinks(db, error) && SliceQuoteTexts(db, error);
}

}  // namespace dossier::store
