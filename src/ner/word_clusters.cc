#include "ner/word_clusters.h"

#include <filesystem>
#include <fstream>

#include "ner/word_shape.h"

namespace dossier::ner {

void WordClusters::Add(std::string_view word, std::string_view path) {
  uint32_t code = 1;
  for (char c : path.substr(0, 30)) code = (code << 1) | (c == '1' ? 1u : 0u);
  std::string lower;
  LowerInto(word, &lower);
  map_[Hash64(lower)] = code;
  fingerprint_ = Hash64(path, Hash64(word, fingerprint_));
}

bool WordClusters::Load(const std::string& path, std::string* error) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return true;
  std::ifstream in(path);
  if (!in) {
    *error = "cannot read clusters " + path;
    return false;
  }
  std::string line;
  while (std::getline(in, line)) {
    const size_t tab = line.find('\t');
    if (tab == std::string::npos) continue;
    std::string_view view(line);
    Add(view.substr(tab + 1), view.substr(0, tab));
  }
  return true;
}

}  // namespace dossier::ner
