// The canonical text as the store keeps it: since schema 5 a zstd frame per document (level 3,
// with its content size and a checksum: 2.2x on news text, several times faster than zlib);
// schema 4 wrote a zlib stream (RFC 1950, level 1), which is still read, the two being told apart
// by their first bytes (a migrated database keeps its older rows as they were). Its length before
// compression is stored beside it (documents.text_bytes), so that reading it back is one
// exact-size decompression. Registered in every connection as the SQL function
// dossier_text(blob, size), through which FTS5 reads the text for snippets (the view
// document_texts). Any zstd (or zlib) can read it: in Python, zstandard.decompress(blob) (or
// zlib.decompress(blob)) gives the UTF-8 bytes.
#ifndef DOSSIER_STORE_COMPRESSED_TEXT_H_
#define DOSSIER_STORE_COMPRESSED_TEXT_H_

#include <sqlite3.h>

#include <string>
#include <string_view>

namespace dossier::store {

inline constexpr int kTextCompressionLevel = 3;

// Replaces `out` with the compressed form of `text`.
void CompressText(std::string_view text, std::string* out);

// Inflates `blob` into `out`, which must come to exactly `size` bytes; false (with a one-line
// reason) for a corrupt or truncated stream or a different size.
bool DecompressText(std::string_view blob, uint64_t size, std::string* out, std::string* error);

// Schema 5's packed annotations (packed_document.h) go through the same compressor (zstd level 3:
// 0.8x of their packed size); schema 4 stored them packed only. A compressed blob is told by its
// first bytes (a zstd frame), its size by the frame's header.
bool IsCompressed(std::string_view blob);
// Replaces `out` with `bytes` decompressed; false (with a one-line reason) for a corrupt frame or
// one announcing more than it can hold.
bool DecompressBlob(std::string_view blob, std::string* out, std::string* error);

// Registers dossier_text(blob, size) on the connection: the text, or an SQL error for a corrupt blob.
int RegisterTextFunction(sqlite3* db);

}  // namespace dossier::store

#endif  // DOSSIER_STORE_COMPRESSED_TEXT_H_
