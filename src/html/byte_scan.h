// The scanning primitive of the HTML parser's hot loops: find the next byte that belongs to a
// small set (markup characters, bytes to replace): eight table lookups per step, or, for sets of
// up to three bytes, SSE2 compares sixteen bytes at a time.
#ifndef DOSSIER_HTML_BYTE_SCAN_H_
#define DOSSIER_HTML_BYTE_SCAN_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace dossier::html {

using ByteSet = std::array<uint8_t, 256>;

constexpr ByteSet MakeByteSet(std::string_view bytes) {
  ByteSet set{};
  for (char c : bytes) set[static_cast<uint8_t>(c)] = 1;
  return set;
}

// Index of the first byte of s[i, end) in `set`, or s.size().
inline size_t FindFirstOf(std::string_view s, size_t i, const ByteSet& set) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const size_t n = s.size();
  while (i + 8 <= n) {
    const uint8_t* q = p + i;
    if ((set[q[0]] | set[q[1]] | set[q[2]] | set[q[3]] | set[q[4]] | set[q[5]] | set[q[6]] |
         set[q[7]]) != 0) {
      break;
    }
    i += 8;
  }
  while (i < n && set[p[i]] == 0) ++i;
  return i;
}

// Index of the first of the bytes a, b, c in s[i, end), or s.size() (i itself when i > s.size()):
// what FindFirstOf gives for the set of those three bytes, sixteen bytes at a time with SSE2 (part
// of x86-64). The tokenizer's text and attribute-value scans stop at three bytes or fewer
// ("<&\0", "\"&\0"); tests/html/byte_scan_test.cc checks both against each other.
inline size_t FindFirstOf3(std::string_view s, size_t i, char a, char b, char c) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const size_t n = s.size();
#ifdef __SSE2__
  const __m128i va = _mm_set1_epi8(a), vb = _mm_set1_epi8(b), vc = _mm_set1_epi8(c);
  while (i + 16 <= n) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    const int mask = _mm_movemask_epi8(
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, va), _mm_cmpeq_epi8(x, vb)), _mm_cmpeq_epi8(x, vc)));
    if (mask != 0) return i + static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
    i += 16;
  }
#endif
  const auto ua = static_cast<uint8_t>(a), ub = static_cast<uint8_t>(b), uc = static_cast<uint8_t>(c);
  while (i < n && p[i] != ua && p[i] != ub && p[i] != uc) ++i;
  return i;
}

// A set of stop bytes for the tokenizer's scans: the table, and, for sets of one to three bytes,
// the bytes themselves (repeated to fill three), which FindStop then looks for with FindFirstOf3.
struct StopBytes {
  ByteSet set{};
  uint8_t count = 0;
  char bytes[3] = {};
};

constexpr StopBytes MakeStopBytes(std::string_view bytes) {
  StopBytes stops;
  stops.set = MakeByteSet(bytes);
  for (int b = 0; b < 256; ++b) {
    if (stops.set[b] == 0) continue;
    if (stops.count < 3) stops.bytes[stops.count] = static_cast<char>(b);
    ++stops.count;
  }
  for (uint8_t k = stops.count; k > 0 && k < 3; ++k) stops.bytes[k] = stops.bytes[0];
  return stops;
}

inline size_t FindStop(std::string_view s, size_t i, const StopBytes& stops) {
  if (stops.count >= 1 && stops.count <= 3) return FindFirstOf3(s, i, stops.bytes[0], stops.bytes[1], stops.bytes[2]);
  return FindFirstOf(s, i, stops.set);
}

}  // namespace dossier::html

#endif  // DOSSIER_HTML_BYTE_SCAN_H_
