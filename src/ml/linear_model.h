// A multi-class linear model over hashed features, trained as an averaged perceptron.
//
// Shared by every learned stage (line classifier now; taggers later). Weights live in one flat
// array [bucket * labels + label]; features are 32-bit hashes folded into 2^bits buckets.
// The file format carries a magic number, a format version, the model's kind, a fingerprint of the
// training data and the training settings, so a model can always be traced to what made it.
#ifndef DOSSIER_ML_LINEAR_MODEL_H_
#define DOSSIER_ML_LINEAR_MODEL_H_

#include <cstdint>
#include <string>
#include <vector>

namespace dossier {

class LinearModel {
 public:
  LinearModel() = default;
  LinearModel(uint32_t labels, uint32_t bits);

  uint32_t labels() const { return labels_; }
  // Scores of every label for a feature set, written to `scores` (size labels()).
  void Score(const std::vector<uint32_t>& features, std::vector<float>* scores) const;
  int Predict(const std::vector<uint32_t>& features) const;

  // Averaged-perceptron training: one example at a time, then Finish() to average.
  void TrainExample(const std::vector<uint32_t>& features, int gold);
  void Finish();

  // Structured training (a sequence decoded as a whole, then corrected): Tick() counts one
  // training step for the averaging, Update() adds `delta` to the weights of `features` for
  // `label`. TrainExample is Tick() plus the two updates of a wrong guess.
  void Tick() { ++step_; }
  void Update(const std::vector<uint32_t>& features, int label, float delta);
  void Update(const uint32_t* features, size_t count, int label, float delta);

  // The labels() weights of one feature (for decoders that add rows themselves). Null when the
  // model holds no weights.
  const float* Row(uint32_t feature) const { return weights_.empty() ? nullptr : &weights_[Index(feature, 0)]; }
  bool empty() const { return weights_.empty(); }

  struct Example {
    std::vector<uint32_t> features;
    int label;
  };
  // The whole training run: `epochs` passes over `examples` in an order shuffled by `seed`
  // (deterministic), then Finish().
  void Train(const std::vector<Example>& examples, uint32_t epochs, uint32_t seed);

  // Binary file I/O. `kind` names what the model is for ("lines"); Load checks it.
  bool Save(const std::string& path, const std::string& kind, uint64_t data_fingerprint,
            const std::string& settings, std::string* error) const;
  bool Load(const std::string& path, const std::string& kind, std::string* error);

  // What the model was trained on and how; written into the model file by Save().
  void SetProvenance(uint64_t data_fingerprint, std::string settings) {
    fingerprint_ = data_fingerprint;
    settings_ = std::move(settings);
  }
  uint64_t data_fingerprint() const { return fingerprint_; }
  const std::string& settings() const { return settings_; }

 private:
  size_t Index(uint32_t feature, int label) const {
    return static_cast<size_t>(feature & mask_) * labels_ + static_cast<size_t>(label);
  }

  uint32_t labels_ = 0;
  uint32_t bits_ = 0;
  uint32_t mask_ = 0;
  std::vector<float> weights_;
  // Training state for averaging (empty after Finish()).
  std::vector<float> totals_;
  std::vector<uint32_t> stamps_;
  uint32_t step_ = 0;
  uint64_t fingerprint_ = 0;
  std::string settings_;
};

// FNV-1a 64 over bytes; used to fingerprint training data.
uint64_t Fingerprint64(const void* data, size_t size, uint64_t seed = 14695981039346656037ull);

}  // namespace dossier

#endif  // DOSSIER_ML_LINEAR_MODEL_H_
