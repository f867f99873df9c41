// UTF-8 input: validation with an ASCII fast path, and decoding that copies valid runs (one offset
// piece each) and writes U+FFFD for each maximal subpart of an ill-formed sequence.
#include <bit>
#include <cstring>

#include "html/decode_internal.h"
#include "util/utf8.h"

namespace dossier::html {
namespace {

constexpr uint64_t kHigh = 0x8080808080808080ULL;

inline uint64_t Load64(const uint8_t* p) {
  uint64_t w;
  std::memcpy(&w, p, 8);
  return w;
}

}  // namespace

Utf8Scan ScanUtf8(std::string_view bytes) {
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  const size_t n = bytes.size();
  Utf8Scan scan;
  size_t i = 0;
  for (;;) {
    // ASCII: 32 bytes, then 8 bytes at a time; the first non-ASCII byte found exactly.
    while (i + 32 <= n && ((Load64(s + i) | Load64(s + i + 8) | Load64(s + i + 16) |
                            Load64(s + i + 24)) & kHigh) == 0) {
      i += 32;
    }
    while (i + 8 <= n) {
      const uint64_t high = Load64(s + i) & kHigh;
      if (high != 0) {
        i += static_cast<size_t>(std::countr_zero(high)) / 8;  // little endian: first byte lowest
        break;
      }
      i += 8;
    }
    while (i < n && s[i] < 0x80) ++i;  // the last < 8 bytes (a no-op after a break above)
    if (i >= n) break;
    // A run of multi-byte characters. Two- and three-byte forms (nearly all non-ASCII text) are
    // checked four bytes at a time; four-byte forms, errors and the last bytes go to DecodeChar.
    for (;;) {
      while (i + 4 <= n) {
        uint32_t w;
        std::memcpy(&w, s + i, 4);  // little endian: s[i] is the low byte
        if ((w & 0xC0C0F0) == 0x8080E0) {  // 1110xxxx 10xxxxxx 10xxxxxx
          const uint32_t b0 = w & 0xFF, b1 = (w >> 8) & 0xFF;
          if ((b0 == 0xE0 && b1 < 0xA0) || (b0 == 0xED && b1 > 0x9F)) break;  // overlong, surrogate
          ++scan.multibyte;
          i += 3;
        } else if ((w & 0xC0E0) == 0x80C0 && (w & 0x1E) != 0) {  // 110xxxxx 10xxxxxx, not C0/C1
          ++scan.multibyte;
          i += 2;
        } else {
          break;
        }
      }
      if (i >= n || s[i] < 0x80) break;
      int32_t cp;
      const size_t len = DecodeUtf8Char(s, n, i, &cp);
      if (cp < 0) {
        scan.valid_prefix = i;
        return scan;
      }
      ++scan.multibyte;
      i += len;
      if (i >= n || s[i] < 0x80) break;
    }
  }
  scan.valid_prefix = n;
  return scan;
}

Utf8Stats CountUtf8(std::string_view bytes) {
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  Utf8Stats stats;
  size_t i = 0;
  while (i < bytes.size()) {
    const Utf8Scan scan = ScanUtf8(bytes.substr(i));
    stats.multibyte += scan.multibyte;
    i += scan.valid_prefix;
    if (i >= bytes.size()) break;
    int32_t cp;
    i += DecodeUtf8Char(s, bytes.size(), i, &cp);
    ++stats.invalid;
  }
  return stats;
}

void CopyValidUtf8(std::string_view bytes, size_t begin, DecodedHtml* out) {
  if (begin >= bytes.size()) return;
  out->offsets.AddCopy(static_cast<uint32_t>(out->text.size()), begin,
                       static_cast<uint32_t>(bytes.size() - begin));
  out->text.reserve(out->text.size() + (bytes.size() - begin));  // one allocation, not doubling
  out->text.append(bytes.data() + begin, bytes.size() - begin);
}

void DecodeUtf8Into(std::string_view bytes, size_t begin, DecodedHtml* out) {
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  const size_t n = bytes.size();
  std::string& text = out->text;
  if (begin < n) text.reserve(text.size() + (n - begin));
  size_t i = begin;
  while (i < n) {
    const size_t run = ScanUtf8(bytes.substr(i)).valid_prefix;
    if (run > 0) {
      out->offsets.AddCopy(static_cast<uint32_t>(text.size()), i, static_cast<uint32_t>(run));
      text.append(bytes.data() + i, run);
      i += run;
    }
    if (i >= n) break;
    int32_t cp;
    const size_t len = DecodeUtf8Char(s, n, i, &cp);
    out->offsets.AddReplacement(static_cast<uint32_t>(text.size()), 3, i, len);
    text.append("\xEF\xBF\xBD");
    ++out->invalid_bytes_replaced;
    i += len;
  }
}

}  // namespace dossier::html
