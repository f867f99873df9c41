// UTF-8 one code point at a time: decoding by Unicode Table 3-7, shared by the HTML decoder and the
// crude-text line cleaner so that both repair ill-formed input the same way (one U+FFFD per maximal
// subpart), and encoding, shared by everything that turns escapes into text.
#ifndef DOSSIER_UTIL_UTF8_H_
#define DOSSIER_UTIL_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>

namespace dossier {

// Decodes the UTF-8 sequence at s[i] (i < n) following Unicode Table 3-7. Returns the number of
// bytes consumed; *cp is the code point, or -1 when s[i..] starts an ill-formed sequence, in which
// case the bytes consumed are exactly one "maximal subpart" (Unicode ch. 3, U+FFFD substitution;
// the same rule as the WHATWG decoder), so each call yields one U+FFFD.
inline size_t DecodeUtf8Char(const uint8_t* s, size_t n, size_t i, int32_t* cp) {
  const uint8_t b0 = s[i];
  if (b0 < 0x80) {
    *cp = b0;
    return 1;
  }
  int need;
  int32_t c;
  uint8_t lo = 0x80, hi = 0xBF;  // allowed range of the second byte; later bytes are 80..BF
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    need = 1;
    c = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    need = 2;
    c = b0 & 0x0F;
    if (b0 == 0xE0) lo = 0xA0;       // no overlongs
    else if (b0 == 0xED) hi = 0x9F;  // no surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    need = 3;
    c = b0 & 0x07;
    if (b0 == 0xF0) lo = 0x90;       // no overlongs
    else if (b0 == 0xF4) hi = 0x8F;  // nothing past U+10FFFF
  } else {
    *cp = -1;  // 80..C1, F5..FF can never start a sequence
    return 1;
  }
  size_t j = i + 1;
  for (int k = 0; k < need; ++k, ++j) {
    if (j >= n || s[j] < lo || s[j] > hi) {
      *cp = -1;
      return j - i;
    }
    c = (c << 6) | (s[j] & 0x3F);
    lo = 0x80;
    hi = 0xBF;
  }
  *cp = c;
  return j - i;
}

// Appends the UTF-8 encoding of `cp` (a scalar value: <= 0x10FFFF, not a surrogate) to `out`.
inline void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

}  // namespace dossier

#endif  // DOSSIER_UTIL_UTF8_H_
