// Internals of the unit segmenter (include/dossier/segment.h), exposed for tests and experiments.
#ifndef DOSSIER_SEGMENT_UNIT_SEGMENTER_INTERNAL_H_
#define DOSSIER_SEGMENT_UNIT_SEGMENTER_INTERNAL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::segment_internal {

// The hyperparameters of the segmenter (see unit_segmenter.cc for the model). Defaults were chosen
// on the development sets (Choi dev and news dev) by a small grid search.
struct UnitSegmenterParams {
  // Symmetric Dirichlet pseudo-count per term of each segment's word distribution. Smaller values
  // reward a segment more for repeating its own words (and so favour shorter, tighter segments).
  double prior = 0.5;
  // Cost of a segment in nats, times ln(number of units) (the description length of a boundary
  // position, as in Utiyama & Isahara 2001).
  double penalty_per_segment = 1.0;
  // Longest segment considered, in units: bounds the work at O(units * max_segment_units).
  uint32_t max_segment_units = 100;
};

// Lower-cased, Porter-stemmed content words of a unit (stopwords, tokens without a letter and
// one-letter tokens dropped).
std::vector<std::string> ExtractTerms(std::string_view unit);

std::vector<uint32_t> SegmentUnitsWithParams(const std::vector<std::string_view>& units,
                                             const UnitSegmenterParams& params);

// The same with several segment penalties at once (params.penalty_per_segment is ignored): the
// segment likelihoods are computed once and shared by one dynamic programme per penalty.
std::vector<std::vector<uint32_t>> SegmentUnitsAtPenalties(const std::vector<std::string_view>& units,
                                                           const UnitSegmenterParams& params,
                                                           const std::vector<double>& penalties,
                                                           const std::vector<uint8_t>* no_start);

// The dynamic programme on units already reduced to term ids (0 .. vocabulary-1), so a caller that
// has them (DcmScorer) does not extract them twice.
std::vector<std::vector<uint32_t>> SegmentTermsAtPenalties(const std::vector<std::vector<uint32_t>>& terms,
                                                           size_t vocabulary, const UnitSegmenterParams& params,
                                                           const std::vector<double>& penalties,
                                                           const std::vector<uint8_t>* no_start);

// Log-likelihood of any run of units under the segmenter's model (a DCM with a symmetric prior),
// for use as evidence elsewhere: how much better do two halves explain their words than one?
class DcmScorer {
 public:
  DcmScorer(const std::vector<std::string_view>& units, double prior = 0.5);
  ~DcmScorer();
  // ln P(words of units [begin, end)) with the segment's distribution integrated out.
  double LogLikelihood(size_t begin, size_t end);
  // Number of terms in units [begin, end).
  size_t Terms(size_t begin, size_t end) const;
  const std::vector<std::vector<uint32_t>>& terms() const { return terms_; }
  size_t vocabulary() const { return vocabulary_; }

 private:
  std::vector<std::vector<uint32_t>> terms_;
  std::vector<uint32_t> count_;
  std::vector<uint32_t> touched_;
  std::vector<double> lg_words_;
  std::vector<double> log_count_;  // ln(c + prior) for small counts
  size_t vocabulary_ = 0;
  double prior_, concentration_;
};

}  // namespace dossier::segment_internal

#endif  // DOSSIER_SEGMENT_UNIT_SEGMENTER_INTERNAL_H_
