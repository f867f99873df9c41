#include "ml/linear_model.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <cstring>
#include <fstream>

namespace dossier {

namespace {
constexpr char kMagic[4] = {'D', 'S', 'L', 'M'};
constexpr uint32_t kFormatVersion = 1;

template <typename T>
void Put(std::ofstream& out, const T& v) {
  out.write(reinterpret_cast<const char*>(&v), sizeof(T));
}
template <typename T>
bool Get(std::ifstream& in, T* v) {
  return static_cast<bool>(in.read(reinterpret_cast<char*>(v), sizeof(T)));
}
void PutString(std::ofstream& out, const std::string& s) {
  Put<uint32_t>(out, static_cast<uint32_t>(s.size()));
  out.write(s.data(), static_cast<std::streamsize>(s.size()));
}
bool GetString(std::ifstream& in, std::string* s) {
  uint32_t n = 0;
  if (!Get(in, &n) || n > (1u << 20)) return false;
  s->resize(n);
  return static_cast<bool>(in.read(s->data(), n));
}
}  // namespace

uint64_t Fingerprint64(const void* data, size_t size, uint64_t seed) {
  const unsigned char* p = static_cast<const unsigned char*>(data);
  uint64_t h = seed;
  for (size_t i = 0; i < size; ++i) {
    h ^= p[i];
    h *= 1099511628211ull;
  }
  return h;
}

LinearModel::LinearModel(uint32_t labels, uint32_t bits)
    : labels_(labels), bits_(bits), mask_((1u << bits) - 1),
      weights_(static_cast<size_t>(labels) << bits, 0.0f),
      totals_(weights_.size(), 0.0f), stamps_(weights_.size(), 0) {}

void LinearModel::Score(const std::vector<uint32_t>& features, std::vector<float>* scores) const {
  scores->assign(labels_, 0.0f);
  if (weights_.empty()) return;
  // The rows are scattered over a table of megabytes: ask for all of them before adding any.
  for (uint32_t f : features) __builtin_prefetch(&weights_[Index(f, 0)]);
  for (uint32_t f : features) {
    const float* w = &weights_[Index(f, 0)];
    for (uint32_t l = 0; l < labels_; ++l) (*scores)[l] += w[l];
  }
}

int LinearModel::Predict(const std::vector<uint32_t>& features) const {
  std::vector<float> s;
  Score(features, &s);
  int best = 0;
  for (uint32_t l = 1; l < labels_; ++l)
    if (s[l] > s[best]) best = static_cast<int>(l);
  return best;
}

void LinearModel::TrainExample(const std::vector<uint32_t>& features, int gold) {
  ++step_;
  int guess = Predict(features);
  if (guess == gold) return;
  for (uint32_t f : features) {
    for (int l : {gold, guess}) {
      size_t i = Index(f, l);
      // Lazy averaging: bring the running total up to date before changing the weight.
      totals_[i] += static_cast<float>(step_ - stamps_[i]) * weights_[i];
      stamps_[i] = step_;
      weights_[i] += (l == gold) ? 1.0f : -1.0f;
    }
  }
}

void LinearModel::Update(const std::vector<uint32_t>& features, int label, float delta) {
  Update(features.data(), features.size(), label, delta);
}

void LinearModel::Update(const uint32_t* features, size_t count, int label, float delta) {
  for (size_t k = 0; k < count; ++k) {
    const uint32_t f = features[k];
    size_t i = Index(f, label);
    totals_[i] += static_cast<float>(step_ - stamps_[i]) * weights_[i];
    stamps_[i] = step_;
    weights_[i] += delta;
  }
}

void LinearModel::Train(const std::vector<Example>& examples, uint32_t epochs, uint32_t seed) {
  std::mt19937 rng(seed);
  std::vector<size_t> order(examples.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  for (uint32_t e = 0; e < epochs; ++e) {
    std::shuffle(order.begin(), order.end(), rng);
    for (size_t i : order) TrainExample(examples[i].features, examples[i].label);
  }
  Finish();
}

void LinearModel::Finish() {
  if (step_ == 0) return;
  for (size_t i = 0; i < weights_.size(); ++i) {
    totals_[i] += static_cast<float>(step_ - stamps_[i]) * weights_[i];
    weights_[i] = totals_[i] / static_cast<float>(step_);
  }
  totals_.clear();
  totals_.shrink_to_fit();
  stamps_.clear();
  stamps_.shrink_to_fit();
}

bool LinearModel::Save(const std::string& path, const std::string& kind, uint64_t data_fingerprint,
                       const std::string& settings, std::string* error) const {
  std::ofstream out(path, std::ios::binary);
  if (!out) {
    *error = "cannot write " + path;
    return false;
  }
  out.write(kMagic, 4);
  Put(out, kFormatVersion);
  PutString(out, kind);
  Put(out, data_fingerprint);
  PutString(out, settings);
  Put(out, labels_);
  Put(out, bits_);
  // Sparse: most buckets are never touched, so only non-zero rows are written.
  uint32_t rows = 0;
  for (size_t b = 0; b < (size_t{1} << bits_); ++b) {
    for (uint32_t l = 0; l < labels_; ++l)
      if (weights_[b * labels_ + l] != 0.0f) {
        ++rows;
        break;
      }
  }
  Put(out, rows);
  for (uint32_t b = 0; b < (1u << bits_); ++b) {
    bool nonzero = false;
    for (uint32_t l = 0; l < labels_; ++l) nonzero |= weights_[b * labels_ + l] != 0.0f;
    if (!nonzero) continue;
    Put(out, b);
    out.write(reinterpret_cast<const char*>(&weights_[static_cast<size_t>(b) * labels_]),
              static_cast<std::streamsize>(sizeof(float) * labels_));
  }
  if (!out) {
    *error = "write failed: " + path;
    return false;
  }
  return true;
}

bool LinearModel::Load(const std::string& path, const std::string& kind, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = "cannot open model " + path;
    return false;
  }
  char magic[4];
  uint32_t version = 0;
  std::string file_kind;
  if (!in.read(magic, 4) || std::memcmp(magic, kMagic, 4) != 0) {
    *error = path + ": not a Dossier model (bad magic number)";
    return false;
  }
  if (!Get(in, &version) || version != kFormatVersion) {
    *error = path + ": unsupported model format version " + std::to_string(version);
    return false;
  }
  if (!GetString(in, &file_kind) || file_kind != kind) {
    *error = path + ": model is for '" + file_kind + "', expected '" + kind + "'";
    return false;
  }
  uint32_t rows = 0;
  if (!Get(in, &fingerprint_) || !GetString(in, &settings_) || !Get(in, &labels_) || !Get(in, &bits_) ||
      labels_ == 0 || labels_ > 64 || bits_ > 24 || !Get(in, &rows)) {
    *error = path + ": truncated or corrupt model header";
    return false;
  }
  mask_ = (1u << bits_) - 1;
  weights_.assign(static_cast<size_t>(labels_) << bits_, 0.0f);
  for (uint32_t r = 0; r < rows; ++r) {
    uint32_t b = 0;
    if (!Get(in, &b) || b > mask_ ||
        !in.read(reinterpret_cast<char*>(&weights_[static_cast<size_t>(b) * labels_]),
                 static_cast<std::streamsize>(sizeof(float) * labels_))) {
      *error = path + ": truncated model weights";
      return false;
    }
  }
  return true;
}

}  // namespace dossier
