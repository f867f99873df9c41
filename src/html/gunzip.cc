// Gzip input (.html.gz, gzip-coded HTTP bodies): multi-member streams, bounded output. Members are
// inflated whole with libdeflate when they can be (the fast path); any stream it cannot do all of is
// done again from the start by zlib (the correct path, which says what is wrong).
#include <zlib.h>

#include <algorithm>
#include <cstring>

#include "dossier/html.h"
#include "html/gunzip.h"
#include "util/inflate_member.h"

namespace dossier {
namespace {

// All members with libdeflate, or false (and `out` undefined) if any member is not a clean
// libdeflate member within `max_output`: the caller then uses zlib, which gives the same bytes or
// the error.
bool GunzipFast(std::string_view bytes, std::string* out, uint64_t max_output) {
  out->clear();
  if (bytes.empty()) return false;  // not even one member: zlib's path says so
  // The last member's ISIZE (its size mod 2^32) is the whole output of a one-member stream, the
  // usual case: room for exactly that first (unless it claims an unlikely ratio: it may lie), then
  // doubling.
  size_t room = bytes.size() * 4;
  if (bytes.size() >= 18) {
    const auto* t = reinterpret_cast<const unsigned char*>(bytes.data() + bytes.size() - 4);
    const size_t isize = static_cast<size_t>(t[0]) | static_cast<size_t>(t[1]) << 8 |
                         static_cast<size_t>(t[2]) << 16 | static_cast<size_t>(t[3]) << 24;
    if (isize <= bytes.size() * 16 + (size_t{1} << 20)) room = std::max<size_t>(isize, 64);
  }
  size_t pos = 0;
  while (pos < bytes.size()) {
    const std::string_view rest = bytes.substr(pos);
    if (pos > 0 && (rest.size() < 2 || !IsGzip(rest))) break;  // trailing padding/junk, as zlib's path
    const size_t done = out->size();
    for (;;) {
      const size_t cap = static_cast<size_t>(std::min<uint64_t>(room, max_output - done));
      out->resize(done + cap);
      size_t used = 0, made = 0;
      const MemberInflate r = InflateGzipMember(rest, out->data() + done, cap, &used, &made);
      if (r == MemberInflate::kOk) {
        out->resize(done + made);
        pos += used;
        break;
      }
      if (r == MemberInflate::kFailed || done + cap >= max_output) return false;
      room *= 2;
    }
  }
  return true;
}

}  // namespace

bool IsGzip(std::string_view bytes) {
  return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f &&
         static_cast<unsigned char>(bytes[1]) == 0x8b;
}

bool Gunzip(std::string_view bytes, std::string* out, std::string* error, uint64_t max_output) {
  if (GunzipFast(bytes, out, max_output)) return true;
  return GunzipWithZlib(bytes, out, error, max_output);
}

bool GunzipWithZlib(std::string_view bytes, std::string* out, std::string* error, uint64_t max_output) {
  out->clear();
  z_stream zs;
  std::memset(&zs, 0, sizeof zs);
  // 16 + MAX_WBITS: gzip wrapper only (a zlib or raw stream is not what we were given).
  if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK) {
    *error = "gzip: cannot initialise zlib";
    return false;
  }
  // avail_in is 32 bits: the input is fed in slices so that any size works.
  constexpr size_t kMaxSlice = size_t{1} << 30;
  size_t fed = 0;
  auto feed = [&] {
    const size_t slice = std::min(kMaxSlice, bytes.size() - fed);
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data() + fed));
    zs.avail_in = static_cast<uInt>(slice);
    fed += slice;
  };
  feed();
  char buf[1 << 16];
  bool ok = true;
  for (;;) {
    if (zs.avail_in == 0 && fed < bytes.size()) feed();
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof buf;
    const int rc = inflate(&zs, Z_NO_FLUSH);
    const size_t produced = sizeof buf - zs.avail_out;
    if (out->size() + produced > max_output) {
      *error = "gzip: decompressed size exceeds the limit";
      ok = false;
      break;
    }
    out->append(buf, produced);
    if (rc == Z_STREAM_END) {
      // Another member may follow (concatenated gzip files are one valid stream). Anything else
      // after a complete member (zero padding, junk) is ignored, as gzip(1) does.
      if (zs.avail_in < 2 && fed < bytes.size()) {  // the next member's magic may straddle slices
        const size_t rest = static_cast<size_t>(reinterpret_cast<const char*>(zs.next_in) - bytes.data());
        fed = rest;
        feed();
      }
      if (zs.avail_in == 0) break;
      if (!IsGzip(std::string_view(reinterpret_cast<const char*>(zs.next_in), zs.avail_in))) break;
      if (inflateReset(&zs) != Z_OK) {
        *error = "gzip: cannot reset zlib";
        ok = false;
        break;
      }
      continue;
    }
    if (rc == Z_BUF_ERROR && zs.avail_in == 0 && fed == bytes.size()) {
      *error = "gzip: truncated stream";
      ok = false;
      break;
    }
    if (rc != Z_OK && rc != Z_BUF_ERROR) {
      *error = std::string("gzip: corrupt stream (") + (zs.msg ? zs.msg : "inflate failed") + ")";
      ok = false;
      break;
    }
  }
  inflateEnd(&zs);
  return ok;
}

}  // namespace dossier
