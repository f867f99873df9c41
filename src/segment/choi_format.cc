#include "segment/choi_format.h"

namespace dossier::segment_internal {

ChoiDocument ParseChoi(std::string_view text) {
  ChoiDocument doc;
  bool after_separator = true;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    std::string_view trimmed = line;
    while (!trimmed.empty() && (trimmed.back() == ' ' || trimmed.back() == '\t')) trimmed.remove_suffix(1);
    if (trimmed == "==========") {
      after_separator = true;
      continue;
    }
    if (trimmed.empty()) continue;
    if (after_separator || doc.units.empty()) doc.starts.push_back(static_cast<uint32_t>(doc.units.size()));
    after_separator = false;
    doc.units.push_back(line);
  }
  return doc;
}

}  // namespace dossier::segment_internal
