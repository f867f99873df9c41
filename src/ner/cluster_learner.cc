#include "ner/cluster_learner.h"

#include <algorithm>
#include <cmath>
#include <random>

#include "ner/word_shape.h"

namespace dossier::ner {

namespace {
constexpr uint32_t kBoundary = 0xffffffffu;

struct SparseVec {
  std::vector<uint32_t> dims;
  std::vector<float> values;
};

float Dot(const SparseVec& v, const std::vector<float>& dense) {
  float s = 0;
  for (size_t i = 0; i < v.dims.size(); ++i) s += v.values[i] * dense[v.dims[i]];
  return s;
}

void Normalise(std::vector<float>* v) {
  double n = 0;
  for (float x : *v) n += static_cast<double>(x) * x;
  if (n <= 0) return;
  const float inv = static_cast<float>(1.0 / std::sqrt(n));
  for (float& x : *v) x *= inv;
}

// Splits `words` (indices into vecs) recursively, appending '0'/'1' to paths.
void Split(const std::vector<SparseVec>& vecs, std::vector<uint32_t> words, uint32_t dims, uint32_t depth,
           const ClusterOptions& o, std::mt19937* rng, std::vector<std::string>* paths) {
  if (depth >= o.depth || words.size() < 2) return;
  // Two seeds: the first word (the most frequent: words are kept in frequency order) and a random other.
  std::vector<float> c[2] = {std::vector<float>(dims, 0.0f), std::vector<float>(dims, 0.0f)};
  const uint32_t a = words[0];
  const uint32_t b = words[1 + (*rng)() % (words.size() - 1)];
  for (int k = 0; k < 2; ++k) {
    const SparseVec& v = vecs[k == 0 ? a : b];
    for (size_t i = 0; i < v.dims.size(); ++i) c[k][v.dims[i]] = v.values[i];
  }
  std::vector<uint8_t> side(words.size(), 0);
  for (uint32_t it = 0; it < o.iterations; ++it) {
    for (size_t i = 0; i < words.size(); ++i) side[i] = Dot(vecs[words[i]], c[1]) > Dot(vecs[words[i]], c[0]);
    for (int k = 0; k < 2; ++k) std::fill(c[k].begin(), c[k].end(), 0.0f);
    size_t n1 = 0;
    for (size_t i = 0; i < words.size(); ++i) {
      const SparseVec& v = vecs[words[i]];
      n1 += side[i];
      for (size_t j = 0; j < v.dims.size(); ++j) c[side[i]][v.dims[j]] += v.values[j];
    }
    if (n1 == 0 || n1 == words.size()) break;  // degenerate: stop splitting here
    Normalise(&c[0]);
    Normalise(&c[1]);
  }
  std::vector<uint32_t> halves[2];
  for (size_t i = 0; i < words.size(); ++i) halves[side[i]].push_back(words[i]);
  if (halves[0].empty() || halves[1].empty()) {
    // Cannot split by context: split by frequency order so every word still gets a path.
    halves[0].assign(words.begin(), words.begin() + words.size() / 2);
    halves[1].assign(words.begin() + words.size() / 2, words.end());
  }
  words.clear();
  words.shrink_to_fit();
  for (int k = 0; k < 2; ++k) {
    for (uint32_t w : halves[k]) (*paths)[w].push_back(static_cast<char>('0' + k));
    Split(vecs, std::move(halves[k]), dims, depth + 1, o, rng, paths);
  }
}
}  // namespace

void ClusterLearner::AddSentence(const std::vector<std::string_view>& words) {
  std::string lower;
  for (std::string_view w : words) {
    LowerInto(w, &lower);
    auto [it, inserted] = ids_.try_emplace(lower, static_cast<uint32_t>(vocab_.size()));
    if (inserted) {
      vocab_.push_back(lower);
      counts_.push_back(0);
    }
    ++counts_[it->second];
    text_.push_back(it->second);
    ++tokens_;
  }
  text_.push_back(kBoundary);
}

std::vector<std::pair<std::string, std::string>> ClusterLearner::Learn(const ClusterOptions& o) const {
  // Vocabulary in frequency order (ties: alphabetical).
  std::vector<uint32_t> order(vocab_.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    return counts_[a] != counts_[b] ? counts_[a] > counts_[b] : vocab_[a] < vocab_[b];
  });
  std::vector<int32_t> rank(vocab_.size(), -1);
  uint32_t kept = 0;
  for (uint32_t r = 0; r < order.size() && kept < o.max_words; ++r) {
    if (counts_[order[r]] < o.min_count) break;
    rank[order[r]] = static_cast<int32_t>(kept++);
  }
  const uint32_t C = std::min(o.context_words, kept);
  const uint32_t dims = 4 * C + 4;  // 4 positions x context words (+ sentence boundary per position)
  // Co-occurrence counts (word rank, dim) collected as keys, then counted.
  std::vector<uint64_t> pairs;
  pairs.reserve(text_.size() * 4);
  auto context_dim = [&](size_t j) -> int64_t {
    if (j >= text_.size() || text_[j] == kBoundary) return C;  // boundary
    const int32_t r = rank[text_[j]];
    return r >= 0 && static_cast<uint32_t>(r) < C ? r : -1;
  };
  for (size_t i = 0; i < text_.size(); ++i) {
    if (text_[i] == kBoundary) continue;
    const int32_t w = rank[text_[i]];
    if (w < 0) continue;
    const int offsets[4] = {-2, -1, 1, 2};
    for (int p = 0; p < 4; ++p) {
      const long j = static_cast<long>(i) + offsets[p];
      // Do not look across a sentence boundary for distance 2.
      bool crossed = false;
      if (offsets[p] == -2 && i >= 1 && text_[i - 1] == kBoundary) crossed = true;
      if (offsets[p] == 2 && i + 1 < text_.size() && text_[i + 1] == kBoundary) crossed = true;
      const int64_t d = (j < 0 || crossed) ? C : context_dim(static_cast<size_t>(j));
      if (d < 0) continue;
      pairs.push_back((static_cast<uint64_t>(w) << 32) | static_cast<uint64_t>(p * (C + 1) + d));
    }
  }
  std::sort(pairs.begin(), pairs.end());
  std::vector<SparseVec> vecs(kept);
  std::vector<double> dim_total(dims, 0.0), word_total(kept, 0.0);
  double total = 0;
  for (size_t i = 0; i < pairs.size();) {
    size_t j = i;
    while (j < pairs.size() && pairs[j] == pairs[i]) ++j;
    const uint32_t w = static_cast<uint32_t>(pairs[i] >> 32), d = static_cast<uint32_t>(pairs[i]);
    vecs[w].dims.push_back(d);
    vecs[w].values.push_back(static_cast<float>(j - i));
    dim_total[d] += static_cast<double>(j - i);
    word_total[w] += static_cast<double>(j - i);
    total += static_cast<double>(j - i);
    i = j;
  }
  pairs.clear();
  pairs.shrink_to_fit();
  // Positive PMI, then unit length.
  for (uint32_t w = 0; w < kept; ++w) {
    SparseVec& v = vecs[w];
    SparseVec out;
    double norm = 0;
    for (size_t k = 0; k < v.dims.size(); ++k) {
      const double pmi = std::log(v.values[k] * total / (word_total[w] * dim_total[v.dims[k]]));
      if (pmi <= 0) continue;
      out.dims.push_back(v.dims[k]);
      out.values.push_back(static_cast<float>(pmi));
      norm += pmi * pmi;
    }
    if (norm > 0)
      for (float& x : out.values) x = static_cast<float>(x / std::sqrt(norm));
    v = std::move(out);
  }
  std::vector<std::string> paths(kept);
  std::vector<uint32_t> all(kept);
  for (uint32_t i = 0; i < kept; ++i) all[i] = i;
  std::mt19937 rng(o.seed);
  Split(vecs, std::move(all), dims, 0, o, &rng, &paths);
  std::vector<std::pair<std::string, std::string>> out;
  out.reserve(kept);
  for (uint32_t r = 0; r < kept; ++r) out.push_back({paths[r].empty() ? "0" : paths[r], vocab_[order[r]]});
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace dossier::ner
