// Stage lists for `dossier analyze --stages` (include/dossier/pipeline.h).
#include <string>
#include <string_view>

#include "dossier/pipeline.h"

namespace dossier {

bool ParseStages(std::string_view list, uint32_t* stages, std::string* error) {
  if (list.find_first_not_of(' ') == std::string_view::npos) {
    *error = "no stage given (stages: " + std::string(kStageNames) + ")";
    return false;
  }
  uint32_t bits = kFoundationOnly;
  size_t pos = 0;
  while (pos <= list.size()) {
    size_t comma = list.find(',', pos);
    if (comma == std::string_view::npos) comma = list.size();
    std::string_view name = list.substr(pos, comma - pos);
    while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
    while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    if (name == "foundation") {
      // Always runs; naming it is allowed so that "--stages foundation" says what it means.
    } else if (name == "entities") {
      bits |= kStageEntities;
    } else if (name == "quotes") {
      bits |= kStageQuotes;
    } else if (name == "time") {
      bits |= kStageTime;
    } else if (name == "all") {
      bits |= kAllStages;
    } else {
      *error = name.empty() ? "empty stage name in '" + std::string(list) + "'"
                            : "unknown stage '" + std::string(name) + "'";
      *error += " (stages: " + std::string(kStageNames) + ")";
      return false;
    }
    pos = comma + 1;
  }
  // Quotes name their speakers through the entities.
  if (bits & kStageQuotes) bits |= kStageEntities;
  *stages = bits;
  return true;
}

}  // namespace dossier
