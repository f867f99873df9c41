// A first-order structured perceptron over the 17 BILOU labels: emission weights per hashed
// feature bucket and label, transition weights, Viterbi decoding restricted to well-formed BILOU
// sequences, averaged weights (Collins 2002). Training uses dense bucket arrays; a trained model
// keeps only its non-zero rows (quantised to 16 bits in the file, floats in memory).
#ifndef DOSSIER_NER_PERCEPTRON_H_
#define DOSSIER_NER_PERCEPTRON_H_

#include <cstdint>
#include <string>
#include <vector>

#include "ner/flat_map.h"
#include "ner/tags.h"

namespace dossier::ner {

class StructuredPerceptron {
 public:
  StructuredPerceptron() = default;
  explicit StructuredPerceptron(uint32_t bits);

  // Best label sequence for n tokens whose feature ids are ids[offsets[t]..offsets[t+1]).
  // `scratch` is reused between calls.
  struct Scratch {
    std::vector<float> emission, score;
    std::vector<int16_t> back;
  };
  void Decode(const uint32_t* ids, const uint32_t* offsets, size_t n, int* labels, Scratch* scratch) const;

  // One training sentence: decode, and when wrong, move weights toward gold (averaged lazily).
  // Returns true when the prediction was already right.
  bool TrainSentence(const uint32_t* ids, const uint32_t* offsets, size_t n, const int* gold, Scratch* scratch,
                     std::vector<int>* guess);
  // Averages the weights and turns the model into its compact tagging form.
  void Finish();

  // Serialised weights (after Finish), appended to / read from a byte string.
  void Serialize(std::string* out) const;
  bool Deserialize(const std::string& in, size_t* pos);

  size_t rows() const { return row_buckets_.size(); }
  // The tagging form as the file's integers (for EmissionTables): row r's hashed bucket, its
  // kLabels weights, and the (kLabels + 1)^2 transition weights.
  uint32_t bits() const { return bits_; }
  uint32_t row_bucket(size_t r) const { return row_buckets_[r]; }
  void QuantizedRow(size_t r, int16_t* out) const;
  void QuantizedTransitions(int32_t* out) const;

 private:
  static constexpr int L = kLabels;
  const float* Row(uint32_t id) const {
    if (training_) return &weights_[static_cast<size_t>(id & mask_) * L];
    // Open addressing over (bucket + 1, row) pairs packed in one word: one cache line per probe.
    const uint64_t key = static_cast<uint64_t>((id & mask_) + 1) << 32;
    for (uint32_t i = ((id & mask_) * 0x9E3779B1u) >> slot_shift_;; i = (i + 1) & slot_mask_) {
      const uint64_t slot = slots_[i];
      if ((slot & 0xffffffff00000000ull) == key) return &rows_[static_cast<size_t>(slot & 0xffffffffu) * L];
      if (slot == 0) return nullptr;
    }
  }
  void Update(uint32_t bucket, int label, float delta);
  void UpdateTransition(int prev, int next, float delta);
  void Emissions(const uint32_t* ids, const uint32_t* offsets, size_t n, float* out) const;

  uint32_t bits_ = 0, mask_ = 0;
  bool training_ = false;
  // Transitions: trans_[(prev + 1) * (L + 1) + next], prev = -1 start, next = L end.
  std::vector<float> trans_;
  // Training state.
  std::vector<float> weights_, totals_;
  std::vector<uint32_t> stamps_;
  std::vector<float> trans_totals_;
  std::vector<uint32_t> trans_stamps_;
  uint32_t step_ = 0;
  // Tagging form: rows_ holds the non-zero rows; slots_ maps a bucket to its row (a small hash
  // table, so lookups stay in cache: most buckets have no row).
  float scale_ = 1.0f;
  std::vector<uint32_t> row_buckets_;
  std::vector<uint64_t> slots_;
  uint32_t slot_mask_ = 0, slot_shift_ = 32;
  std::vector<float> rows_;
};

}  // namespace dossier::ner

#endif  // DOSSIER_NER_PERCEPTRON_H_
