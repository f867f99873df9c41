// The quote tagger's perceptron: Viterbi over the seven BIO labels, trained block by block (see
// tagger.h). Transition weights live in the same hashed table as the emissions, under one feature
// per previous label, so the model file is one LinearModel.
#include <algorithm>
#include <random>

#include "ml/feature_hash.h"
#include "quotes/tagger.h"

namespace dossier::quotes {

namespace {

constexpr int L = kTagLabels;

// The feature holding the weights of moving from `prev` (-1: block start) to each label.
// `pass` keeps room for a second, stacked pass (tried: it did not help, bench/RESULTS.md).
uint32_t TransitionFeature(int pass, int prev) { return FeatureHash(pass ? "quote-transition-2" : "quote-transition", prev + 1); }

void Emissions(const LinearModel& m, const BlockFeatures& f, std::vector<float>* em) {
  const size_t n = f.size();
  em->assign(n * L, 0.0f);
  for (size_t i = 0; i < n; ++i) {
    float* out = em->data() + i * L;
    for (uint32_t k = f.offsets[i]; k < f.offsets[i + 1]; ++k) __builtin_prefetch(m.Row(f.ids[k]));
    for (uint32_t k = f.offsets[i]; k < f.offsets[i + 1]; ++k) {
      const float* w = m.Row(f.ids[k]);
      for (int l = 0; l < L; ++l) out[l] += w[l];
    }
  }
}

void Viterbi(const LinearModel& m, int pass, const std::vector<float>& em, size_t n, std::vector<int>* labels) {
  labels->assign(n, kTagO);
  if (n == 0) return;
  float trans[L + 1][L];
  for (int p = -1; p < L; ++p) {
    const float* w = m.Row(TransitionFeature(pass, p));
    for (int l = 0; l < L; ++l) trans[p + 1][l] = w[l];
  }
  constexpr float kNeg = -1e30f;
  std::vector<float> score(n * L);
  std::vector<int8_t> back(n * L, 0);
  for (int l = 0; l < L; ++l) score[l] = AllowedTag(-1, l) ? em[l] + trans[0][l] : kNeg;
  for (size_t t = 1; t < n; ++t) {
    for (int l = 0; l < L; ++l) {
      float best = kNeg;
      int arg = 0;
      for (int p = 0; p < L; ++p) {
        if (!AllowedTag(p, l)) continue;
        const float s = score[(t - 1) * L + p] + trans[p + 1][l];
        if (s > best) best = s, arg = p;
      }
      score[t * L + l] = best + em[t * L + l];
      back[t * L + l] = static_cast<int8_t>(arg);
    }
  }
  int best = 0;
  for (int l = 1; l < L; ++l)
    if (score[(n - 1) * L + l] > score[(n - 1) * L + best]) best = l;
  (*labels)[n - 1] = best;
  for (size_t t = n - 1; t > 0; --t) (*labels)[t - 1] = back[t * L + (*labels)[t]];
}

}  // namespace

void SpanTagger::DecodePass(const LinearModel& m, int pass, const BlockFeatures& f, std::vector<int>* labels) {
  std::vector<float> em;
  Emissions(m, f, &em);
  Viterbi(m, pass, em, f.size(), labels);
}

void SpanTagger::Decode(const BlockFeatures& features, std::vector<int>* labels) const {
  DecodePass(model_, 0, features, labels);
}

LinearModel SpanTagger::TrainPass(const std::vector<const BlockFeatures*>& features,
                                  const std::vector<const std::vector<int>*>& gold, int pass, uint32_t seed,
                                  uint32_t epochs, uint32_t bits) {
  LinearModel m(L, bits);
  std::mt19937 rng(seed);
  std::vector<size_t> order(features.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::vector<int> guess;
  std::vector<float> em;
  for (uint32_t epoch = 0; epoch < epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    for (size_t bi : order) {
      const BlockFeatures& f = *features[bi];
      const std::vector<int>& g_labels = *gold[bi];
      const size_t n = f.size();
      m.Tick();
      if (n == 0) continue;
      Emissions(m, f, &em);
      Viterbi(m, pass, em, n, &guess);
      if (guess == g_labels) continue;
      for (size_t t = 0; t < n; ++t) {
        const int g = g_labels[t], p = guess[t];
        const int gp = t ? g_labels[t - 1] : -1, pp = t ? guess[t - 1] : -1;
        if (g != p) {
          m.Update(f.ids.data() + f.offsets[t], f.offsets[t + 1] - f.offsets[t], g, 1.0f);
          m.Update(f.ids.data() + f.offsets[t], f.offsets[t + 1] - f.offsets[t], p, -1.0f);
        }
        if (g != p || gp != pp) {
          const uint32_t tg = TransitionFeature(pass, gp), tp = TransitionFeature(pass, pp);
          m.Update(&tg, 1, g, 1.0f);
          m.Update(&tp, 1, p, -1.0f);
        }
      }
    }
  }
  m.Finish();
  return m;
}

SpanTagger SpanTagger::Train(const std::vector<TrainingBlock>& blocks, uint32_t seed, uint32_t epochs,
                              uint32_t bits) {
  std::vector<const BlockFeatures*> f;
  std::vector<const std::vector<int>*> g;
  for (const auto& b : blocks) f.push_back(&b.features), g.push_back(&b.gold);
  SpanTagger tagger;
  tagger.model_ = TrainPass(f, g, 0, seed, epochs, bits);
  return tagger;
}

std::vector<int> TagDocument(const SpanTagger& tagger, const FeatureContext& ctx) {
  const TokenView& v = *ctx.v;
  std::vector<int> labels(v.doc->tokens.size(), kTagO);
  BlockFeatures f;
  std::vector<int> block_labels;
  for (uint32_t bi = 0; bi < v.blocks.size(); ++bi) {
    ExtractBlockFeatures(ctx, bi, &f);
    tagger.Decode(f, &block_labels);
    std::copy(block_labels.begin(), block_labels.end(), labels.begin() + f.first);
  }
  return labels;
}

}  // namespace dossier::quotes
