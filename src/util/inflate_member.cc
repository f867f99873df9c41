#include "util/inflate_member.h"

#include <libdeflate.h>

#include <memory>

namespace dossier {
namespace {

struct FreeDecompressor {
  void operator()(libdeflate_decompressor* d) const { libdeflate_free_decompressor(d); }
};

libdeflate_decompressor* ThreadDecompressor() {
  thread_local std::unique_ptr<libdeflate_decompressor, FreeDecompressor> d(libdeflate_alloc_decompressor());
  return d.get();
}

}  // namespace

MemberInflate InflateGzipMember(std::string_view in, char* out, size_t capacity, size_t* in_used, size_t* out_made) {
  constexpr unsigned char kFhcrc = 0x02;
  if (in.size() < 18 || (static_cast<unsigned char>(in[3]) & kFhcrc)) return MemberInflate::kFailed;
  libdeflate_decompressor* d = ThreadDecompressor();
  if (!d) return MemberInflate::kFailed;
  size_t used = 0, made = 0;
  switch (libdeflate_gzip_decompress_ex(d, in.data(), in.size(), out, capacity, &used, &made)) {
    case LIBDEFLATE_SUCCESS:
      *in_used = used;
      *out_made = made;
      return MemberInflate::kOk;
    case LIBDEFLATE_INSUFFICIENT_SPACE:
      return MemberInflate::kNoRoom;
    default:
      return MemberInflate::kFailed;
  }
}

}  // namespace dossier
