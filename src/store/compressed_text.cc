#include "store/compressed_text.h"

#include <zlib.h>

namespace dossier::store {

void CompressText(std::string_view text, std::string* out) {
  uLongf size = compressBound(static_cast<uLong>(text.size()));
  out->resize(size);
  compress2(reinterpret_cast<Bytef*>(out->data()), &size, reinterpret_cast<const Bytef*>(text.data()),
            static_cast<uLong>(text.size()), 1);
  out->resize(size);
}

bool DecompressText(std::string_view blob, uint64_t size, std::string* out, std::string* error) {
  // A forged size must not make us allocate more than deflate can expand the blob to (1032:1).
  if (size > (blob.size() + 16) * 1032) {
    *error = "compressed text: a size the blob cannot hold";
    return false;
  }
  out->resize(size);
  uLongf got = static_cast<uLongf>(size);
  uLong used = static_cast<uLong>(blob.size());
  // A stream longer than `size` fails with Z_BUF_ERROR; an empty text still needs a buffer.
  Bytef* dst = reinterpret_cast<Bytef*>(out->data());
  Bytef spare;
  if (size == 0) {
    dst = &spare;
    got = 1;
  }
  const int rc = uncompress2(dst, &got, reinterpret_cast<const Bytef*>(blob.data()), &used);
  if (rc != Z_OK || (size == 0 ? got != 0 : got != size) || used != blob.size()) {
    *error = rc == Z_OK ? "compressed text: not the stored size" : "compressed text: corrupt";
    out->clear();
    return false;
  }
  return true;
}

namespace {

void TextFunction(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
    sqlite3_result_null(ctx);
    return;
  }
  const void* p = sqlite3_value_blob(argv[0]);
  const int n = sqlite3_value_bytes(argv[0]);
  const sqlite3_int64 size = sqlite3_value_int64(argv[1]);
  std::string text, error;
  if (size < 0 || !DecompressText(std::string_view(static_cast<const char*>(p), n), static_cast<uint64_t>(size),
                                  &text, &error)) {
    sqlite3_result_error(ctx, error.empty() ? "compressed text: negative size" : error.c_str(), -1);
    return;
  }
  sqlite3_result_text64(ctx, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
}

}  // namespace

int RegisterTextFunction(sqlite3* db) {
  // Deterministic and innocuous: usable in the schema's view whatever trusted_schema says.
  return sqlite3_create_function_v2(db, "dossier_text", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                    nullptr, TextFunction, nullptr, nullptr, nullptr);
}

}  // namespace dossier::store
