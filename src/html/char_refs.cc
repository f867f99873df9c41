#include "html/char_refs.h"

#include <array>
#include <cstdint>

namespace dossier::html {
namespace {

struct NamedRef {
  std::string_view name;   // without the '&'; with the ';' when the entry has one
  std::string_view value;  // UTF-8
};

constexpr NamedRef kNamedRefs[] = {
#include "html/named_char_refs.inc"
};
constexpr size_t kNamedRefCount = std::size(kNamedRefs);
constexpr size_t kLongestName = 32;  // "CounterClockwiseContourIntegral;"

// [first, last) range of kNamedRefs per first byte, so a lookup starts on a few dozen names.
struct Range {
  uint16_t first = 0;
  uint16_t last = 0;
};
constexpr std::array<Range, 128> BuildFirstByteIndex() {
  std::array<Range, 128> index{};
  for (size_t i = 0; i < kNamedRefCount; ++i) {
    const auto c = static_cast<unsigned char>(kNamedRefs[i].name[0]);
    if (index[c].last == 0) index[c].first = static_cast<uint16_t>(i);
    index[c].last = static_cast<uint16_t>(i + 1);
  }
  return index;
}
constexpr std::array<Range, 128> kFirstByte = BuildFirstByteIndex();

bool IsAsciiAlnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Longest entry of kNamedRefs that prefixes `s`; returns its index or -1.
int LongestNamedRef(std::string_view s) {
  if (s.empty() || static_cast<unsigned char>(s[0]) >= 128) return -1;
  size_t lo = kFirstByte[static_cast<unsigned char>(s[0])].first;
  size_t hi = kFirstByte[static_cast<unsigned char>(s[0])].last;
  int best = -1;
  // Invariant: every name in [lo, hi) starts with s[0, k).
  for (size_t k = 1; lo < hi; ++k) {
    if (kNamedRefs[lo].name.size() == k) best = static_cast<int>(lo++);  // sorts first
    if (k >= s.size() || k >= kLongestName) break;
    const char c = s[k];
    // Names left in range are longer than k and sorted by their byte at k.
    size_t a = lo, b = hi;
    while (a < b) {  // first name with name[k] >= c
      const size_t mid = (a + b) / 2;
      if (kNamedRefs[mid].name[k] < c) a = mid + 1; else b = mid;
    }
    size_t e = a, f = hi;
    while (e < f) {  // first name with name[k] > c
      const size_t mid = (e + f) / 2;
      if (kNamedRefs[mid].name[k] <= c) e = mid + 1; else f = mid;
    }
    lo = a;
    hi = e;
  }
  return best;
}

// Numeric references 0x80-0x9F are read as windows-1252 (those it leaves undefined stay as
// they are), 0 becomes U+FFFD; the table gumbo uses.
char32_t ReplaceNumeric(uint32_t cp) {
  static constexpr char16_t kC1[32] = {
      0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};
  if (cp == 0) return 0xFFFD;
  if (cp >= 0x80 && cp <= 0x9F) return kC1[cp - 0x80];
  if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return 0xFFFD;
  return cp;
}

int HexDigit(char c, bool hex) {
  if (c >= '0' && c <= '9') return c - '0';
  if (!hex) return -1;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

size_t DecodeNumeric(std::string_view text, std::string* out) {
  // text = "&#..."
  size_t i = 2;
  const bool hex = i < text.size() && (text[i] == 'x' || text[i] == 'X');
  if (hex) ++i;
  if (i >= text.size() || HexDigit(text[i], hex) < 0) return 0;  // "&#" without digits
  // gumbo accumulates in a 32-bit int and lets it wrap; so do we (see the header).
  uint32_t value = 0;
  for (int d; i < text.size() && (d = HexDigit(text[i], hex)) >= 0; ++i) {
    value = value * (hex ? 16u : 10u) + static_cast<uint32_t>(d);
  }
  if (i < text.size() && text[i] == ';') ++i;
  if (static_cast<int32_t>(value) < 0) {
    const char low = static_cast<char>(value & 0xFF);
    if (low >= 0x20 && low < 0x7F) {
      out->push_back(low);
    } else {
      AppendUtf8(0xFFFD, out);
    }
    return i;
  }
  AppendUtf8(ReplaceNumeric(value), out);
  return i;
}

}  // namespace


size_t DecodeCharRef(std::string_view text, bool in_attribute, std::string* out) {
  if (text.size() < 2) return 0;
  switch (text[1]) {
    case '\t': case '\n': case '\f': case ' ': case '<': case '&':
      return 0;
    case '#':
      return DecodeNumeric(text, out);
    default:
      break;
  }
  const int ref = LongestNamedRef(text.substr(1));
  if (ref < 0) return 0;
  const NamedRef& r = kNamedRefs[ref];
  const size_t end = 1 + r.name.size();
  if (r.name.back() != ';' && in_attribute && end < text.size() &&
      (text[end] == '=' || IsAsciiAlnum(text[end]))) {
    return 0;  // "historical reasons": &amp=... and &copyright stay as written in attributes
  }
  out->append(r.value);
  return end;
}

}  // namespace dossier::html
