// The lattice of all candidate segments of a document and the two semi-Markov computations over it:
// the best segmentation (Viterbi) and the marginal probability that a segment starts at each unit
// (forward-backward). Scores are log-domain; a segmentation's score is the sum of its segments'.
#ifndef DOSSIER_SEGMENT_SEGMENT_LATTICE_H_
#define DOSSIER_SEGMENT_SEGMENT_LATTICE_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "segment/unit_segmenter_internal.h"

namespace dossier::segment_internal {

// score(s, len) for every segment [s, s+len) with 1 <= len <= max_len inside the document;
// entries past the end of the document are never read.
class SegmentLattice {
 public:
  SegmentLattice(size_t units, size_t max_len);
  size_t units() const { return units_; }
  size_t max_len() const { return max_len_; }
  double& at(size_t s, size_t len) { return score_[s * max_len_ + len - 1]; }
  double at(size_t s, size_t len) const { return score_[s * max_len_ + len - 1]; }
  // Longest segment that may start at s.
  size_t MaxLenAt(size_t s) const { return s + max_len_ <= units_ ? max_len_ : units_ - s; }

 private:
  size_t units_, max_len_;
  std::vector<double> score_;
};

// ln P(words of [s, s+len)) under the DCM of the unit segmenter (SegmentLikelihood) with `prior`,
// for every cell of a lattice of the given width.
SegmentLattice DcmLattice(const UnitTerms& terms, double prior, size_t max_len);

// 0-based starts of the segmentation of highest total score (always begins with 0; empty for an
// empty lattice).
std::vector<uint32_t> BestSegmentation(const SegmentLattice& lattice);

// P(a segment starts at unit i) for i = 0..units-1 under the distribution
// P(segmentation) ∝ exp(sum of its segments' scores); entry 0 is 1.
std::vector<double> StartMarginals(const SegmentLattice& lattice);

}  // namespace dossier::segment_internal

#endif  // DOSSIER_SEGMENT_SEGMENT_LATTICE_H_
