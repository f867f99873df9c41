// Choi's benchmark format (PROTOCOLS.md section 3): one unit per line, segments delimited by lines
// that are exactly "==========". Used by `dossier train segment` and `dossier segment`.
#ifndef DOSSIER_SEGMENT_CHOI_FORMAT_H_
#define DOSSIER_SEGMENT_CHOI_FORMAT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::segment_internal {

// The units of a text (its lines without a trailing CR; separator lines and blank lines are not
// units) and, for a gold file, the 0-based units that directly follow a separator (unit 0
// included when the text has any unit).
struct ChoiDocument {
  std::vector<std::string_view> units;  // views into the text given to ParseChoi
  std::vector<uint32_t> starts;
};
ChoiDocument ParseChoi(std::string_view text);

}  // namespace dossier::segment_internal

#endif  // DOSSIER_SEGMENT_CHOI_FORMAT_H_
