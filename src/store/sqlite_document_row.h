// The row of a document: its metadata as columns, its annotations packed (packed_document.h)
// and, like its canonical text, compressed (compressed_text.h; schema 5: zstd, schema 4 stored
// zlib text and uncompressed annotations, both still read). Shared by the writer and the migration
// from schema 3, so that both write exactly the same row.
#ifndef DOSSIER_STORE_SQLITE_DOCUMENT_ROW_H_
#define DOSSIER_STORE_SQLITE_DOCUMENT_ROW_H_

#include <string>

#include "dossier/corpus_store.h"
#include "store/sqlite.h"

namespace dossier::store {

// The INSERT of a row into `table` (a fixed name: "documents", or the migration's new table).
// Parameters: ?1 id (NULL: a new one), ?2.. the columns in table order.
std::string InsertDocumentRowSql(const char* table);

// What the bound values point into: it must outlive the statement's step.
struct DocumentRowBuffers {
  std::string bylines, packed, annotations, text;
};

// Reads a row's annotations back into `doc` (compressed or, as schema 4 wrote them, not);
// `text` is its canonical text. False with a one-line reason for a corrupt blob.
bool ReadRowAnnotations(std::string_view blob, std::string_view text, CorpusDocument* doc, std::string* error);

// Binds every parameter of InsertDocumentRowSql for `doc`; `id` < 0 for a new id.
void BindDocumentRow(Stmt& st, int64_t id, const CorpusDocument& doc, int64_t indexed_at, DocumentRowBuffers* buffers);

}  // namespace dossier::store

#endif  // DOSSIER_STORE_SQLITE_DOCUMENT_ROW_H_
