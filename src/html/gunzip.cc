// Gzip input (.html.gz, and later .warc.gz): multi-member streams, bounded output.
#include <zlib.h>

#include <algorithm>
#include <cstring>

#include "dossier/html.h"

namespace dossier {

bool IsGzip(std::string_view bytes) {
  return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f &&
         static_cast<unsigned char>(bytes[1]) == 0x8b;
}

bool Gunzip(std::string_view bytes, std::string* out, std::string* error, uint64_t max_output) {
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
