// The canonical text as schema 4 stores it: a zlib stream (RFC 1950) per document, at level 1
// (2.1x on news text for ~90 µs a document; level 6 gains 8% for twice the time). Its length
// before compression is stored beside it (documents.text_bytes), so that reading it back is one
// exact-size inflate. Registered in every connection as the SQL function dossier_text(blob, size),
// through which FTS5 reads the text for snippets (the view document_texts). Any zlib can read it:
// Python's zlib.decompress(blob) gives the UTF-8 bytes.
#ifndef DOSSIER_STORE_COMPRESSED_TEXT_H_
#define DOSSIER_STORE_COMPRESSED_TEXT_H_

#include <sqlite3.h>

#include <string>
#include <string_view>

namespace dossier::store {

// Replaces `out` with the compressed form of `text`.
void CompressText(std::string_view text, std::string* out);

// Inflates `blob` into `out`, which must come to exactly `size` bytes; false (with a one-line
// reason) for a corrupt or truncated stream or a different size.
bool DecompressText(std::string_view blob, uint64_t size, std::string* out, std::string* error);

// Registers dossier_text(blob, size) on the connection: the text, or an SQL error for a corrupt blob.
int RegisterTextFunction(sqlite3* db);

}  // namespace dossier::store

#endif  // DOSSIER_STORE_COMPRESSED_TEXT_H_
