#include "segment/segment_lattice.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace dossier::segment_internal {
namespace {

constexpr double kNegInf = -std::numeric_limits<double>::infinity();

}  // namespace

SegmentLattice::SegmentLattice(size_t units, size_t max_len)
    : units_(units), max_len_(std::max<size_t>(1, max_len)), score_(units * max_len_, 0.0) {}

SegmentLattice DcmLattice(const UnitTerms& terms, double prior, size_t max_len) {
  const size_t n = terms.units();
  SegmentLattice lattice(n, max_len);
  if (n == 0) return lattice;
  SegmentLikelihood likelihood(terms, prior);
  for (size_t s = 0; s < n; ++s) {
    likelihood.Sweep(s, s + lattice.MaxLenAt(s), [&](size_t t, double ll) { lattice.at(s, t - s) = ll; });
  }
  return lattice;
}

std::vector<uint32_t> BestSegmentation(const SegmentLattice& lattice) {
  const size_t n = lattice.units();
  if (n == 0) return {};
  // best[t] = best score of units [0, t) cut into segments; back[t] = start of its last segment.
  std::vector<double> best(n + 1, kNegInf);
  std::vector<uint32_t> back(n + 1, 0);
  best[0] = 0;
  for (size_t s = 0; s < n; ++s) {
    for (size_t len = 1, m = lattice.MaxLenAt(s); len <= m; ++len) {
      const double v = best[s] + lattice.at(s, len);
      if (v > best[s + len]) {
        best[s + len] = v;
        back[s + len] = static_cast<uint32_t>(s);
      }
    }
  }
  std::vector<uint32_t> starts;
  for (size_t t = n; t > 0; t = back[t]) starts.push_back(back[t]);
  std::reverse(starts.begin(), starts.end());
  return starts;
}

std::vector<double> StartMarginals(const SegmentLattice& lattice) {
  const size_t n = lattice.units();
  if (n == 0) return {};
  const size_t w = lattice.max_len();
  // alpha[t]: log-sum over segmentations of [0, t); beta[s]: log-sum over segmentations of [s, n).
  // Each entry is one log-sum-exp over its (at most max_len) terms, taken relative to their
  // maximum: one exp per lattice cell and one log per unit (pairwise log-adds cost twice that).
  std::vector<double> alpha(n + 1, kNegInf), beta(n + 1, kNegInf), terms(w);
  auto log_sum = [&](size_t count) {
    double top = kNegInf;
    for (size_t k = 0; k < count; ++k) top = std::max(top, terms[k]);
    if (top == kNegInf) return kNegInf;
    double sum = 0;
    for (size_t k = 0; k < count; ++k) sum += std::exp(terms[k] - top);
    return top + std::log(sum);
  };
  alpha[0] = 0;
  for (size_t t = 1; t <= n; ++t) {
    size_t count = 0;
    for (size_t len = 1; len <= std::min(w, t); ++len) terms[count++] = alpha[t - len] + lattice.at(t - len, len);
    alpha[t] = log_sum(count);
  }
  beta[n] = 0;
  for (size_t s = n; s-- > 0;) {
    size_t count = 0;
    for (size_t len = 1, m = lattice.MaxLenAt(s); len <= m; ++len) terms[count++] = lattice.at(s, len) + beta[s + len];
    beta[s] = log_sum(count);
  }
  std::vector<double> p(n);
  for (size_t i = 0; i < n; ++i) p[i] = std::min(1.0, std::exp(alpha[i] + beta[i] - alpha[n]));
  p[0] = 1.0;
  return p;
}

}  // namespace dossier::segment_internal
