// The tagger's weights laid out for tagging: the 16-bit rows of both stages side by side under one
// hashed bucket (a stage-2 model sees every stage-1 feature too, so one probe finds both rows),
// found through one small open-addressing table, and summed as exact 32-bit integers. Built from
// the two trained (or loaded) perceptrons; the file format is theirs and does not change.
#ifndef DOSSIER_NER_EMISSION_TABLES_H_
#define DOSSIER_NER_EMISSION_TABLES_H_

#include <cstdint>
#include <vector>

#include "ner/perceptron.h"
#include "ner/tags.h"

namespace dossier::ner {

class EmissionTables {
 public:
  static constexpr int L = kLabels;
  static constexpr int kWidth = 2 * L;  // stage-1 weights, then stage-2 weights
  static constexpr uint32_t kNoRow = 0xffffffffu;

  // `stage2` may be null (one-stage model). False when the stages hash features differently.
  bool Build(const StructuredPerceptron& stage1, const StructuredPerceptron* stage2);

  // For n tokens whose feature ids are ids[offsets[t] .. offsets[t + 1]): adds each feature's
  // stage-1 weights to em1[t * L ..] and its stage-2 weights to em2[t * L ..]; either may be null.
  // `rows` is scratch. Lookups are resolved in one pass and summed in a second, each prefetching
  // ahead, so the random reads into the tables overlap instead of waiting one after another.
  void Add(const uint32_t* ids, const uint32_t* offsets, size_t n, int32_t* em1, int32_t* em2,
           std::vector<uint32_t>* rows) const;

  // Transition weights of stage 0 or 1: [(prev + 1) * (L + 1) + next], as perceptron.h.
  const int32_t* transitions(int stage) const { return trans_[stage].data(); }
  size_t rows() const { return row_count_; }

 private:
  uint32_t SlotOf(uint32_t bucket) const { return (bucket * 0x9E3779B1u) >> slot_shift_; }
  uint32_t Find(uint32_t id) const {
    const uint32_t bucket = id & mask_;
    const uint64_t key = static_cast<uint64_t>(bucket + 1) << 32;
    for (uint32_t i = SlotOf(bucket);; i = (i + 1) & slot_mask_) {
      const uint64_t slot = slots_[i];
      if ((slot & 0xffffffff00000000ull) == key) return static_cast<uint32_t>(slot);
      if (slot == 0) return kNoRow;
    }
  }

  uint32_t mask_ = 0, slot_mask_ = 0, slot_shift_ = 32;
  size_t row_count_ = 0;
  std::vector<uint64_t> slots_;  // (bucket + 1) << 32 | row, 0 = empty
  std::vector<int16_t> rows_;    // kWidth per row
  std::vector<int32_t> trans_[2];
};

}  // namespace dossier::ner

#endif  // DOSSIER_NER_EMISSION_TABLES_H_
