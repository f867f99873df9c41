#include "ner/perceptron.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

#include "ner/viterbi.h"

namespace dossier::ner {

namespace {
template <typename T>
void PutRaw(std::string* out, const T& v) {
  out->append(reinterpret_cast<const char*>(&v), sizeof(T));
}
template <typename T>
bool GetRaw(const std::string& in, size_t* pos, T* v) {
  if (*pos + sizeof(T) > in.size()) return false;
  std::memcpy(v, in.data() + *pos, sizeof(T));
  *pos += sizeof(T);
  return true;
}
}  // namespace

StructuredPerceptron::StructuredPerceptron(uint32_t bits)
    : bits_(bits), mask_((1u << bits) - 1), training_(true),
      trans_((L + 1) * (L + 1), 0.0f),
      weights_(static_cast<size_t>(L) << bits, 0.0f), totals_(weights_.size(), 0.0f),
      stamps_(weights_.size(), 0), trans_totals_(trans_.size(), 0.0f), trans_stamps_(trans_.size(), 0) {}

void StructuredPerceptron::Emissions(const uint32_t* ids, const uint32_t* offsets, size_t n, float* out) const {
  for (size_t t = 0; t < n; ++t) {
    float acc[L] = {};
    for (uint32_t k = offsets[t]; k < offsets[t + 1]; ++k) {
      const float* w = Row(ids[k]);
      if (!w) continue;
      for (int l = 0; l < L; ++l) acc[l] += w[l];
    }
    std::memcpy(out + t * L, acc, sizeof(acc));
  }
}

void StructuredPerceptron::Decode(const uint32_t* ids, const uint32_t* offsets, size_t n, int* labels,
                                  Scratch* s) const {
  if (n == 0) return;
  s->emission.resize(n * L);
  Emissions(ids, offsets, n, s->emission.data());
  ViterbiDecode(s->emission.data(), n, trans_.data(), labels, &s->score, &s->back);
}

void StructuredPerceptron::QuantizedRow(size_t r, int16_t* out) const {
  for (int l = 0; l < L; ++l) out[l] = static_cast<int16_t>(std::lround(rows_[r * L + l] * scale_));
}

void StructuredPerceptron::QuantizedTransitions(int32_t* out) const {
  for (size_t i = 0; i < trans_.size(); ++i) out[i] = static_cast<int32_t>(std::lround(trans_[i] * scale_));
}

void StructuredPerceptron::Update(uint32_t bucket, int label, float delta) {
  const size_t i = static_cast<size_t>(bucket) * L + label;
  totals_[i] += static_cast<float>(step_ - stamps_[i]) * weights_[i];
  stamps_[i] = step_;
  weights_[i] += delta;
}

void StructuredPerceptron::UpdateTransition(int prev, int next, float delta) {
  const size_t i = static_cast<size_t>(prev + 1) * (L + 1) + next;
  trans_totals_[i] += static_cast<float>(step_ - trans_stamps_[i]) * trans_[i];
  trans_stamps_[i] = step_;
  trans_[i] += delta;
}

bool StructuredPerceptron::TrainSentence(const uint32_t* ids, const uint32_t* offsets, size_t n, const int* gold,
                                         Scratch* scratch, std::vector<int>* guess) {
  ++step_;
  guess->resize(n);
  if (n == 0) return true;
  Decode(ids, offsets, n, guess->data(), scratch);
  if (std::equal(gold, gold + n, guess->begin())) return true;
  const int* g = guess->data();
  for (size_t t = 0; t < n; ++t) {
    if (gold[t] != g[t]) {
      for (uint32_t k = offsets[t]; k < offsets[t + 1]; ++k) {
        const uint32_t b = ids[k] & mask_;
        Update(b, gold[t], 1.0f);
        Update(b, g[t], -1.0f);
      }
    }
    const int gp = t ? gold[t - 1] : -1, pp = t ? g[t - 1] : -1;
    if (gp != pp || gold[t] != g[t]) {
      UpdateTransition(gp, gold[t], 1.0f);
      UpdateTransition(pp, g[t], -1.0f);
    }
  }
  if (gold[n - 1] != g[n - 1]) {
    UpdateTransition(gold[n - 1], L, 1.0f);
    UpdateTransition(g[n - 1], L, -1.0f);
  }
  return false;
}

void StructuredPerceptron::Finish() {
  if (!training_) return;
  if (step_ > 0) {
    for (size_t i = 0; i < weights_.size(); ++i) {
      totals_[i] += static_cast<float>(step_ - stamps_[i]) * weights_[i];
      weights_[i] = totals_[i] / static_cast<float>(step_);
    }
    for (size_t i = 0; i < trans_.size(); ++i) {
      trans_totals_[i] += static_cast<float>(step_ - trans_stamps_[i]) * trans_[i];
      trans_[i] = trans_totals_[i] / static_cast<float>(step_);
    }
  }
  // Compact form via the serialised (quantised) weights, so a trained model tags exactly as the
  // same model loaded from its file.
  std::string bytes;
  const size_t buckets = size_t{1} << bits_;
  // Quantisation scale: the largest weight maps to 32767.
  float max_abs = 0.0f;
  for (float w : weights_) max_abs = std::max(max_abs, std::fabs(w));
  for (float w : trans_) max_abs = std::max(max_abs, std::fabs(w));
  const float scale = max_abs > 0 ? 32767.0f / max_abs : 1.0f;
  PutRaw(&bytes, bits_);
  PutRaw(&bytes, scale);
  for (float w : trans_) PutRaw(&bytes, static_cast<int16_t>(std::lround(w * scale)));
  std::string body;
  uint32_t rows = 0, last = 0;
  for (size_t b = 0; b < buckets; ++b) {
    int16_t q[L];
    bool nonzero = false;
    for (int l = 0; l < L; ++l) {
      q[l] = static_cast<int16_t>(std::lround(weights_[b * L + l] * scale));
      nonzero |= q[l] != 0;
    }
    if (!nonzero) continue;
    // Bucket as a delta from the previous row (varint), then the 17 values.
    uint32_t delta = static_cast<uint32_t>(b) - last;
    last = static_cast<uint32_t>(b);
    while (delta >= 0x80) {
      body.push_back(static_cast<char>((delta & 0x7f) | 0x80));
      delta >>= 7;
    }
    body.push_back(static_cast<char>(delta));
    body.append(reinterpret_cast<const char*>(q), sizeof(q));
    ++rows;
  }
  PutRaw(&bytes, rows);
  bytes += body;
  weights_ = {};
  totals_ = {};
  stamps_ = {};
  trans_totals_ = {};
  trans_stamps_ = {};
  size_t pos = 0;
  Deserialize(bytes, &pos);
}

void StructuredPerceptron::Serialize(std::string* out) const {
  // Re-quantise from the float rows (which hold q * (1/scale) exactly enough to round back).
  PutRaw(out, bits_);
  PutRaw(out, scale_);
  for (float w : trans_) PutRaw(out, static_cast<int16_t>(std::lround(w * scale_)));
  // Rows in bucket order.
  std::vector<std::pair<uint32_t, uint32_t>> order;  // bucket, row
  order.reserve(row_buckets_.size());
  for (uint32_t r = 0; r < row_buckets_.size(); ++r) order.push_back({row_buckets_[r], r});
  std::sort(order.begin(), order.end());
  PutRaw(out, static_cast<uint32_t>(order.size()));
  uint32_t last = 0;
  for (const auto& [bucket, row] : order) {
    uint32_t delta = bucket - last;
    last = bucket;
    while (delta >= 0x80) {
      out->push_back(static_cast<char>((delta & 0x7f) | 0x80));
      delta >>= 7;
    }
    out->push_back(static_cast<char>(delta));
    for (int l = 0; l < L; ++l) PutRaw(out, static_cast<int16_t>(std::lround(rows_[static_cast<size_t>(row) * L + l] * scale_)));
  }
}

bool StructuredPerceptron::Deserialize(const std::string& in, size_t* pos) {
  training_ = false;
  if (!GetRaw(in, pos, &bits_) || bits_ > 24 || !GetRaw(in, pos, &scale_) || !(scale_ > 0)) return false;
  mask_ = (1u << bits_) - 1;
  const float inv = 1.0f / scale_;
  trans_.assign((L + 1) * (L + 1), 0.0f);
  for (float& w : trans_) {
    int16_t q;
    if (!GetRaw(in, pos, &q)) return false;
    w = q * inv;
  }
  uint32_t rows = 0;
  if (!GetRaw(in, pos, &rows) || rows > (1u << bits_)) return false;
  uint32_t slot_bits = 4;
  while ((1u << slot_bits) < 2u * rows + 2u) ++slot_bits;
  slots_.assign(size_t{1} << slot_bits, 0);
  slot_mask_ = (1u << slot_bits) - 1;
  slot_shift_ = 32 - slot_bits;
  rows_.assign(static_cast<size_t>(rows) * L, 0.0f);
  row_buckets_.assign(rows, 0);
  uint32_t bucket = 0;
  for (uint32_t r = 0; r < rows; ++r) {
    uint32_t delta = 0;
    for (int shift = 0;; shift += 7) {
      if (*pos >= in.size() || shift > 28) return false;
      const unsigned char c = static_cast<unsigned char>(in[(*pos)++]);
      delta |= static_cast<uint32_t>(c & 0x7f) << shift;
      if (!(c & 0x80)) break;
    }
    bucket += delta;
    if (bucket > mask_) return false;
    for (int l = 0; l < L; ++l) {
      int16_t q;
      if (!GetRaw(in, pos, &q)) return false;
      rows_[static_cast<size_t>(r) * L + l] = q * inv;
    }
    row_buckets_[r] = bucket;
    const uint64_t key = static_cast<uint64_t>(bucket + 1) << 32;
    uint32_t i = (bucket * 0x9E3779B1u) >> slot_shift_;
    while (slots_[i] != 0 && (slots_[i] & 0xffffffff00000000ull) != key) i = (i + 1) & slot_mask_;
    slots_[i] = key | r;
  }
  return true;
}

}  // namespace dossier::ner
