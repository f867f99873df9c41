// Internals of the unit segmenter (include/dossier/segment.h), exposed for tests and experiments.
#ifndef DOSSIER_SEGMENT_UNIT_SEGMENTER_INTERNAL_H_
#define DOSSIER_SEGMENT_UNIT_SEGMENTER_INTERNAL_H_

#include <algorithm>
#include <cstdint>
#include <functional>
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

// The content terms of a sequence of units (the same terms ExtractTerms gives) as ids
// 0 .. vocabulary-1, one id per distinct term, all units in one array.
struct UnitTerms {
  std::vector<uint32_t> ids;          // every unit's term ids, unit after unit
  std::vector<uint32_t> offsets{0};   // unit u holds ids[offsets[u] .. offsets[u + 1])
  size_t vocabulary = 0;
  size_t units() const { return offsets.size() - 1; }
  // Number of terms in units [begin, end) (clipped to the units there are).
  size_t Count(size_t begin, size_t end) const;
};
UnitTerms ExtractUnitTerms(const std::vector<std::string_view>& units);

// Log-likelihood of runs of units under the segmenter's model (a DCM with a symmetric prior),
// computed for a growing run [s, t), t = s+1, s+2, ..., one unit's terms at a time. The dynamic
// programme and every other user go through Sweep, so the same run always gets the same number,
// to the last bit.
class SegmentLikelihood {
 public:
  SegmentLikelihood(const UnitTerms& terms, double prior);
  // Calls fn(t, ln P(words of units [s, t))) for t = s+1 .. end (end <= units()), in order.
  template <typename Fn>
  void Sweep(size_t s, size_t end, Fn&& fn) {
    const uint32_t* ids = terms_.ids.data();
    const uint32_t* off = terms_.offsets.data();
    double sum = 0;  // sum_w [lgamma(c_w + prior) - lgamma(prior)] of the run
    for (size_t t = s + 1; t <= end; ++t) {
      // Adding a term seen c times before raises lgamma(c + prior) by ln(c + prior).
      for (uint32_t i = off[t - 1]; i < off[t]; ++i) sum += log_count_[count_[ids[i]]++];
      const size_t words = off[t] - off[s];
      if (words >= lg_words_.size()) GrowLgWords(words);
      fn(t, lg_words_[0] - lg_words_[words] + sum);
    }
    for (uint32_t i = off[s]; i < off[end]; ++i) count_[ids[i]] = 0;
  }

  // Sweep(s, end0, fn0) and Sweep(s + 1, end1, fn1) at once, with end0 >= s + 1 and end1 >= s + 2.
  // Each run's sum is built in the same order as Sweep builds it, so every value is the same to
  // the last bit; but the two chains of additions are independent, so the CPU overlaps them (a
  // single sweep waits on each addition's latency). For every t, fn0(t) is called before fn1(t),
  // and fn0(s + 1) before any fn1: the order in which a dynamic programme sees the runs ending at
  // t is the order of the two Sweeps one after the other.
  template <typename Fn0, typename Fn1>
  void SweepPair(size_t s, size_t end0, size_t end1, Fn0&& fn0, Fn1&& fn1) {
    const uint32_t* ids = terms_.ids.data();
    const uint32_t* off = terms_.offsets.data();
    if (second_count_.size() < count_.size()) second_count_.assign(count_.size(), 0);
    uint32_t* c0 = count_.data();
    uint32_t* c1 = second_count_.data();
    const double* lc = log_count_.data();
    const size_t last = std::max(end0, end1);
    if (off[last] - off[s] >= lg_words_.size()) GrowLgWords(off[last] - off[s]);
    double sum0 = 0, sum1 = 0;
    for (uint32_t i = off[s]; i < off[s + 1]; ++i) sum0 += lc[c0[ids[i]]++];
    fn0(s + 1, lg_words_[0] - lg_words_[off[s + 1] - off[s]] + sum0);
    for (size_t t = s + 2; t <= last; ++t) {
      const bool run0 = t <= end0, run1 = t <= end1;
      if (run0 && run1) {
        for (uint32_t i = off[t - 1]; i < off[t]; ++i) {
          const uint32_t id = ids[i];
          sum0 += lc[c0[id]++];
          sum1 += lc[c1[id]++];
        }
      } else if (run0) {
        for (uint32_t i = off[t - 1]; i < off[t]; ++i) sum0 += lc[c0[ids[i]]++];
      } else {
        for (uint32_t i = off[t - 1]; i < off[t]; ++i) sum1 += lc[c1[ids[i]]++];
      }
      if (run0) fn0(t, lg_words_[0] - lg_words_[off[t] - off[s]] + sum0);
      if (run1) fn1(t, lg_words_[0] - lg_words_[off[t] - off[s + 1]] + sum1);
    }
    for (uint32_t i = off[s]; i < off[end0]; ++i) c0[ids[i]] = 0;
    for (uint32_t i = off[s + 1]; i < off[end1]; ++i) c1[ids[i]] = 0;
  }

 private:
  void GrowLgWords(size_t words);

  const UnitTerms& terms_;
  std::vector<uint32_t> count_;     // per term id; all zero between sweeps
  std::vector<uint32_t> second_count_;  // the same for the second run of SweepPair
  std::vector<double> log_count_;   // ln(c + prior) for every count a term reaches in the document
  std::vector<double> lg_words_;    // lgamma(w + V*prior), grown by lgamma(x + 1) = lgamma(x) + ln(x)
  double concentration_;
};

std::vector<uint32_t> SegmentUnitsWithParams(const std::vector<std::string_view>& units,
                                             const UnitSegmenterParams& params);

// The same with several segment penalties at once (params.penalty_per_segment is ignored): the
// segment likelihoods are computed once and shared by one dynamic programme per penalty.
std::vector<std::vector<uint32_t>> SegmentUnitsAtPenalties(const std::vector<std::string_view>& units,
                                                           const UnitSegmenterParams& params,
                                                           const std::vector<double>& penalties,
                                                           const std::vector<uint8_t>* no_start);

// What a caller of the dynamic programme may also want from its sweeps: the log-likelihoods of the
// runs [s, s+1) .. [s, s+width) for every start s, including starts that may not open a segment,
// handed to `fn(s, ll, count)` once per start in increasing s (ll[i] is the run [s, s+i+1);
// count = min(width, units - s)). The story segmenter takes its likelihood ratios from here
// instead of computing the same runs again.
struct LikelihoodBand {
  size_t width = 0;
  std::function<void(size_t s, const double* ll, size_t count)> fn;
};

// The dynamic programme on units already reduced to term ids, so a caller that has them does not
// extract them twice.
std::vector<std::vector<uint32_t>> SegmentTermsAtPenalties(const UnitTerms& terms, const UnitSegmenterParams& params,
                                                           const std::vector<double>& penalties,
                                                           const std::vector<uint8_t>* no_start,
                                                           const LikelihoodBand* band = nullptr);

// Log-likelihood of any run of units, for use as evidence and in tests: how much better do two
// halves explain their words than one?
class DcmScorer {
 public:
  DcmScorer(const std::vector<std::string_view>& units, double prior = 0.5);
  DcmScorer(const DcmScorer&) = delete;  // likelihood_ points into terms_
  DcmScorer& operator=(const DcmScorer&) = delete;
  // ln P(words of units [begin, end)) with the segment's distribution integrated out.
  double LogLikelihood(size_t begin, size_t end);
  // Number of terms in units [begin, end).
  size_t Terms(size_t begin, size_t end) const { return terms_.Count(begin, end); }
  const UnitTerms& terms() const { return terms_; }

 private:
  UnitTerms terms_;
  SegmentLikelihood likelihood_;
};

}  // namespace dossier::segment_internal

#endif  // DOSSIER_SEGMENT_UNIT_SEGMENTER_INTERNAL_H_
