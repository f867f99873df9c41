// The scanning primitive of the HTML parser's hot loops: find the next byte that belongs to a
// small set (markup characters, bytes to replace), eight table lookups per step and no SIMD.
#ifndef DOSSIER_HTML_BYTE_SCAN_H_
#define DOSSIER_HTML_BYTE_SCAN_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

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

}  // namespace dossier::html

#endif  // DOSSIER_HTML_BYTE_SCAN_H_
