// Viterbi decoding over the 17 BILOU labels, restricted to well-formed sequences. One template for
// the float scores of training (perceptron.cc) and the exact integer scores of tagging
// (emission_tables.h): integer sums of the 16-bit weights do not depend on the order they are
// added in, which lets the tagger add cached per-word partial sums without changing a single tag.
#ifndef DOSSIER_NER_VITERBI_H_
#define DOSSIER_NER_VITERBI_H_

#include <cstdint>
#include <limits>
#include <vector>

#include "ner/tags.h"

namespace dossier::ner {

// Allowed previous labels of each label (BILOU well-formedness), -1 = sentence start.
struct TransitionTable {
  int prevs[kLabels][kLabels];
  int prev_count[kLabels];
  bool can_start[kLabels];
  bool can_end[kLabels];
  TransitionTable() {
    for (int n = 0; n < kLabels; ++n) {
      prev_count[n] = 0;
      for (int p = 0; p < kLabels; ++p)
        if (AllowedTransition(p, n)) prevs[n][prev_count[n]++] = p;
      can_start[n] = AllowedTransition(-1, n);
      can_end[n] = AllowedTransition(n, -1);
    }
  }
};
const TransitionTable& Transitions();

template <typename S>
constexpr S ViterbiNegInf() {
  if constexpr (std::numeric_limits<S>::has_infinity) return -std::numeric_limits<S>::infinity();
  else return std::numeric_limits<S>::lowest() / 4;  // room to add scores without overflow
}

// Best labels for n tokens with emission scores em[t * kLabels + l] and transition scores
// trans[(prev + 1) * (kLabels + 1) + next] (prev -1 = start, next kLabels = end). Ties go to the
// lowest previous label and the lowest final label.
template <typename E, typename S, typename T>
void ViterbiDecode(const E* em, size_t n, const T* trans, int* labels, std::vector<S>* score_buf,
                   std::vector<int16_t>* back_buf) {
  constexpr int L = kLabels;
  if (n == 0) return;
  const TransitionTable& tt = Transitions();
  score_buf->resize(n * L);
  back_buf->resize(n * L);
  S* score = score_buf->data();
  const S neg_inf = ViterbiNegInf<S>();
  for (int l = 0; l < L; ++l) score[l] = tt.can_start[l] ? static_cast<S>(em[l]) + static_cast<S>(trans[l]) : neg_inf;
  for (size_t t = 1; t < n; ++t) {
    const S* prev = score + (t - 1) * L;
    S* cur = score + t * L;
    int16_t* back = back_buf->data() + t * L;
    for (int l = 0; l < L; ++l) {
      S best = neg_inf;
      int arg = 0;
      for (int i = 0; i < tt.prev_count[l]; ++i) {
        const int p = tt.prevs[l][i];
        const S v = prev[p] + static_cast<S>(trans[(p + 1) * (L + 1) + l]);
        if (v > best) {
          best = v;
          arg = p;
        }
      }
      cur[l] = best + static_cast<S>(em[t * L + l]);
      back[l] = static_cast<int16_t>(arg);
    }
  }
  int best_label = 0;
  S best = neg_inf;
  const S* last = score + (n - 1) * L;
  for (int l = 0; l < L; ++l) {
    if (!tt.can_end[l]) continue;
    const S v = last[l] + static_cast<S>(trans[(l + 1) * (L + 1) + L]);
    if (v > best) {
      best = v;
      best_label = l;
    }
  }
  labels[n - 1] = best_label;
  for (size_t t = n - 1; t > 0; --t) labels[t - 1] = (*back_buf)[t * L + labels[t]];
}

}  // namespace dossier::ner

#endif  // DOSSIER_NER_VITERBI_H_
