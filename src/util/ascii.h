// ASCII case folding. Only A-Z change: every other byte, UTF-8 sequences included, is kept as it is,
// so offsets into a folded copy are offsets into the original.
#ifndef DOSSIER_UTIL_ASCII_H_
#define DOSSIER_UTIL_ASCII_H_

#include <string>
#include <string_view>

namespace dossier {

constexpr char AsciiLowerChar(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

inline std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = AsciiLowerChar(c);
  return out;
}

}  // namespace dossier

#endif  // DOSSIER_UTIL_ASCII_H_
