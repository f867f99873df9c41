// Linear text segmentation by lexical cohesion.
//
// SegmentUnits (unsupervised) is the lexical-cohesion evidence for story segmentation of crude text
// and `dossier segment --unsupervised`; TrainedUnitSegmenter, built on it, serves `dossier segment`
// (one unit, usually a sentence, per line; Choi's benchmark and news concatenations).
#ifndef DOSSIER_SEGMENT_H_
#define DOSSIER_SEGMENT_H_

#include <cstdint>
#include <memory>
#include <string>
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

namespace segment_internal {
class TopicSegmenter;
}

// The trained segmenter behind `dossier segment` (models/segment.model, made by `dossier train
// segment`): a boundary classifier over the unsupervised model's posteriors, local cohesion and how
// each unit opens, decoded with a learned segment-length prior. Clearly better than SegmentUnits on
// sentence-per-line benchmarks (Choi's, news concatenations); about 3x its cost.
class TrainedUnitSegmenter {
 public:
  TrainedUnitSegmenter();
  ~TrainedUnitSegmenter();
  TrainedUnitSegmenter(TrainedUnitSegmenter&&) noexcept;
  TrainedUnitSegmenter& operator=(TrainedUnitSegmenter&&) noexcept;

  bool Load(const std::string& path, std::string* error);
  bool loaded() const { return impl_ != nullptr; }
  // Same contract as SegmentUnits (0-based starts, 0 first); SegmentUnits itself when no model is
  // loaded.
  std::vector<uint32_t> Segment(const std::vector<std::string_view>& units) const;

 private:
  std::unique_ptr<segment_internal::TopicSegmenter> impl_;
};

}  // namespace dossier

#endif  // DOSSIER_SEGMENT_H_
