// One gzip member inflated whole with libdeflate: two to three times faster than zlib's streaming
// inflate, but all or nothing: it needs the member's compressed bytes at once and room for all its
// output, and says nothing useful about why a member failed. So it is only the fast path; the
// callers keep zlib as the correct fallback (any member this rejects, for any reason, goes to zlib,
// which then reports what is wrong exactly as before), and tests compare the two paths.
#ifndef DOSSIER_UTIL_INFLATE_MEMBER_H_
#define DOSSIER_UTIL_INFLATE_MEMBER_H_

#include <cstddef>
#include <string_view>

namespace dossier {

enum class MemberInflate {
  kOk,       // one whole member inflated; *in_used and *out_made say how many bytes
  kNoRoom,   // the output did not fit in `capacity` (try again with more)
  kFailed,   // corrupt, truncated (the input ends inside the member), or not a member libdeflate
             // takes: leave it to zlib
};

// Inflates the gzip member at the start of `in` (which may go on past it) into out[0, capacity).
// A member with a header CRC (FHCRC) is kFailed, since libdeflate skips that check and zlib does it.
// One decompressor per thread, made on first use.
MemberInflate InflateGzipMember(std::string_view in, char* out, size_t capacity, size_t* in_used, size_t* out_made);

}  // namespace dossier

#endif  // DOSSIER_UTIL_INFLATE_MEMBER_H_
