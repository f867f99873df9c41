#include "store/compressed_text.h"

#include <zlib.h>
#include <zstd.h>

#include <memory>

namespace dossier::store {
namespace {

// zstd frames start with these four bytes; a zlib stream's first byte is 0x?8 (deflate), so the
// two are never confused.
bool IsZstdFrame(std::string_view blob) {
  return blob.size() >= 4 && static_cast<uint8_t>(blob[0]) == 0x28 && static_cast<uint8_t>(blob[1]) == 0xB5 &&
         static_cast<uint8_t>(blob[2]) == 0x2F && static_cast<uint8_t>(blob[3]) == 0xFD;
}

struct FreeCCtx {
  void operator()(ZSTD_CCtx* c) const { ZSTD_freeCCtx(c); }
};
struct FreeDCtx {
  void operator()(ZSTD_DCtx* c) const { ZSTD_freeDCtx(c); }
};

bool DecompressZstd(std::string_view blob, uint64_t size, std::string* out, std::string* error) {
  // A forged size must not make us allocate more than zstd can expand the blob to (an RLE block
  // of 128 KB takes 4 bytes).
  if (size > (blob.size() + 16) * 32768) {
    *error = "compressed text: a size the blob cannot hold";
    return false;
  }
  // The frame must be exactly one frame, announcing exactly `size` bytes.
  if (ZSTD_findFrameCompressedSize(blob.data(), blob.size()) != blob.size() ||
      ZSTD_getFrameContentSize(blob.data(), blob.size()) != size) {
    *error = ZSTD_isError(ZSTD_findFrameCompressedSize(blob.data(), blob.size()))
                 ? "compressed text: corrupt"
                 : "compressed text: not the stored size";
    out->clear();
    return false;
  }
  thread_local std::unique_ptr<ZSTD_DCtx, FreeDCtx> ctx(ZSTD_createDCtx());
  out->resize(size);
  const size_t got = ZSTD_decompressDCtx(ctx.get(), out->data(), size, blob.data(), blob.size());
  if (ZSTD_isError(got) || got != size) {
    *error = ZSTD_isError(got) ? "compressed text: corrupt" : "compressed text: not the stored size";
    out->clear();
    return false;
  }
  return true;
}

}  // namespace

void CompressText(std::string_view text, std::string* out) {
  thread_local std::unique_ptr<ZSTD_CCtx, FreeCCtx> ctx([] {
    ZSTD_CCtx* c = ZSTD_createCCtx();
    ZSTD_CCtx_setParameter(c, ZSTD_c_compressionLevel, kTextCompressionLevel);
    ZSTD_CCtx_setParameter(c, ZSTD_c_checksumFlag, 1);  // as zlib's Adler-32: a flipped byte is caught
    ZSTD_CCtx_setParameter(c, ZSTD_c_contentSizeFlag, 1);
    return c;
  }());
  out->resize(ZSTD_compressBound(text.size()));
  const size_t n = ZSTD_compress2(ctx.get(), out->data(), out->size(), text.data(), text.size());
  out->resize(ZSTD_isError(n) ? 0 : n);  // cannot fail with a buffer of compressBound
}

bool IsCompressed(std::string_view blob) { return IsZstdFrame(blob); }

bool DecompressBlob(std::string_view blob, std::string* out, std::string* error) {
  const unsigned long long size = IsZstdFrame(blob) ? ZSTD_getFrameContentSize(blob.data(), blob.size())
                                                    : ZSTD_CONTENTSIZE_ERROR;
  if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN) {
    *error = "compressed blob: corrupt";
    out->clear();
    return false;
  }
  return DecompressZstd(blob, size, out, error);
}

bool DecompressText(std::string_view blob, uint64_t size, std::string* out, std::string* error) {
  if (IsZstdFrame(blob)) return DecompressZstd(blob, size, out, error);
  // Schema 4's zlib stream. A forged size must not make us allocate more than deflate can expand
  // the blob to (1032:1).
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
