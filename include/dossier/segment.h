// Linear text segmentation by lexical cohesion.
//
// SegmentUnits serves `dossier segment` (one unit, usually a sentence, per line; Choi's benchmark and
// news concatenations) and is the lexical-cohesion evidence for story segmentation of crude text.
#ifndef DOSSIER_SEGMENT_H_
#define DOSSIER_SEGMENT_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace dossier {

struct UnitSegmenterOptions {
  // Hyperparameters are set to the values chosen on development data; see src/segment/.
  double boundary_penalty = -1.0;  // < 0: use the built-in default
};

// Returns the 0-based indices of the units that start a segment, ascending; always starts with 0
// when `units` is not empty.
std::vector<uint32_t> SegmentUnits(const std::vector<std::string_view>& units,
                                   const UnitSegmenterOptions& options = {});

// Segmentations of the same units at several boundary penalties (multiples of ln(units)), sharing
// the work; used where coarse and fine segmentations are both evidence (story segmentation).
// `no_start` (optional, one flag per unit) marks units that may not begin a segment, e.g. the
// second paragraph of a quotation that runs over two paragraphs.
std::vector<std::vector<uint32_t>> SegmentUnitsAtPenalties(const std::vector<std::string_view>& units,
                                                           const std::vector<double>& penalties,
                                                           const std::vector<uint8_t>* no_start = nullptr);

}  // namespace dossier

#endif  // DOSSIER_SEGMENT_H_
