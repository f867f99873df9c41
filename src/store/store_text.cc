#include "store/store_text.h"

#include <algorithm>

namespace dossier::store {

std::string NameKey(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  for (char c : name) {
    if (c == ' ' || c == '\t' || c == '\n') {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
      continue;
    }
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

bool IsIsoDate(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

std::string Opening(std::string_view text, uint32_t words) {
  size_t i = 0, n = 0;
  while (i < text.size() && n < words) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\n')) ++i;
    while (i < text.size() && text[i] != ' ' && text[i] != '\n') ++i;
    ++n;
  }
  std::string out(text.substr(0, i));
  std::replace(out.begin(), out.end(), '\n', ' ');
  if (i < text.size()) out += "…";
  return out;
}

}  // namespace dossier::store
