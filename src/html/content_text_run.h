// The innermost loop of main-content extraction: one run of a text node's bytes copied into a block
// (up to the next whitespace, or, inside <pre>, to the end), counting its characters (CJK ones
// count two: a CJK character carries about a word) and its sentence punctuation (. , ; : ! ? and
// the CJK 。 、 ， ！ ？ ；).
//
// Two versions, simdjson-style: `ScanTextRunReference` is the plain byte-by-byte statement of the
// rules; `ScanTextRun`, the one the walk uses, settles most bytes (ASCII letters and digits, UTF-8
// continuation bytes, most lead bytes) with one table lookup and hands the rest to the same code.
// tests/html/content_text_run_test.cc checks that both give the same end and counts on random
// bytes and on every text node of the 1,074 extraction pages.
#ifndef DOSSIER_HTML_CONTENT_TEXT_RUN_H_
#define DOSSIER_HTML_CONTENT_TEXT_RUN_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace dossier::html {

struct TextRun {
  size_t end = 0;  // the first byte not in the run (whitespace, or s.size())
  uint32_t chars = 0;
  uint32_t punct = 0;
};

constexpr bool IsRunSpace(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// One byte of the run at s[j] (known not to end it): adds its character and punctuation counts.
inline void CountRunByte(std::string_view s, size_t j, TextRun* run) {
  const unsigned char d = static_cast<unsigned char>(s[j]);
  if ((d & 0xC0) != 0x80) run->chars += (d >= 0xE3 && d <= 0xED) ? 2 : 1;
  if (d == '.' || d == ',' || d == ';' || d == ':' || d == '!' || d == '?') {
    ++run->punct;
  } else if (d == 0xE3 && j + 2 < s.size() && static_cast<unsigned char>(s[j + 1]) == 0x80 &&
             (static_cast<unsigned char>(s[j + 2]) == 0x82 || static_cast<unsigned char>(s[j + 2]) == 0x81)) {
    ++run->punct;  // 。 、
  } else if (d == 0xEF && j + 2 < s.size() && static_cast<unsigned char>(s[j + 1]) == 0xBC &&
             (static_cast<unsigned char>(s[j + 2]) == 0x8C || static_cast<unsigned char>(s[j + 2]) == 0x81 ||
              static_cast<unsigned char>(s[j + 2]) == 0x9F || static_cast<unsigned char>(s[j + 2]) == 0x9B)) {
    ++run->punct;  // ， ！ ？ ；
  }
}

// Does s[j] end a run outside <pre>: ASCII whitespace or a no-break space (C2 A0)?
inline bool EndsRun(std::string_view s, size_t j) {
  const unsigned char d = static_cast<unsigned char>(s[j]);
  return IsRunSpace(d) || (d == 0xC2 && j + 1 < s.size() && static_cast<unsigned char>(s[j + 1]) == 0xA0);
}

// The statement of the rules, byte by byte. `raw` (inside <pre>): whitespace does not end the run.
inline TextRun ScanTextRunReference(std::string_view s, size_t i, bool raw) {
  TextRun run;
  size_t j = i;
  while (j < s.size()) {
    if (!raw && EndsRun(s, j)) break;
    CountRunByte(s, j, &run);
    ++j;
  }
  run.end = j;
  return run;
}

namespace text_run_internal {
// For each byte: the characters it adds when it can neither end the run nor be punctuation
// (0 for a continuation byte, 2 for the lead byte of a CJK character, 1 otherwise), or kSlow.
inline constexpr uint8_t kSlow = 0xFF;
constexpr std::array<uint8_t, 256> MakeRunTable() {
  std::array<uint8_t, 256> t{};
  for (int b = 0; b < 256; ++b) {
    const auto d = static_cast<unsigned char>(b);
    if ((d & 0xC0) == 0x80) t[b] = 0;
    else t[b] = (d >= 0xE3 && d <= 0xED) ? 2 : 1;
    if (IsRunSpace(d) || d == 0xC2 || d == 0xE3 || d == 0xEF || d == '.' || d == ',' || d == ';' || d == ':' ||
        d == '!' || d == '?') {
      t[b] = kSlow;
    }
  }
  return t;
}
inline constexpr std::array<uint8_t, 256> kRunTable = MakeRunTable();
}  // namespace text_run_internal

// Same result as ScanTextRunReference; one table lookup for most bytes.
inline TextRun ScanTextRun(std::string_view s, size_t i, bool raw) {
  using text_run_internal::kRunTable;
  using text_run_internal::kSlow;
  TextRun run;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t j = i;
  uint32_t chars = 0;
  while (j < n) {
    const uint8_t add = kRunTable[p[j]];
    if (add != kSlow) {
      chars += add;
      ++j;
      continue;
    }
    if (!raw && EndsRun(s, j)) break;
    CountRunByte(s, j, &run);
    ++j;
  }
  run.chars += chars;
  run.end = j;
  return run;
}

}  // namespace dossier::html

#endif  // DOSSIER_HTML_CONTENT_TEXT_RUN_H_
