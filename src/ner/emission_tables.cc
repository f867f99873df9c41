#include "ner/emission_tables.h"

#include <algorithm>

#include "ner/flat_map.h"

namespace dossier::ner {

bool EmissionTables::Build(const StructuredPerceptron& stage1, const StructuredPerceptron* stage2) {
  if (stage2 && stage2->bits() != stage1.bits()) return false;
  mask_ = (1u << stage1.bits()) - 1;
  // Union of the two stages' buckets, each with one row of both stages' weights.
  FlatMap row_of;  // bucket + 1 -> row + 1
  std::vector<uint32_t> buckets;
  rows_.clear();
  const StructuredPerceptron* stages[2] = {&stage1, stage2};
  for (int s = 0; s < 2; ++s) {
    if (!stages[s]) continue;
    for (size_t r = 0; r < stages[s]->rows(); ++r) {
      const uint32_t bucket = stages[s]->row_bucket(r);
      uint32_t& row = row_of[static_cast<uint64_t>(bucket) + 1];
      if (row == 0) {
        buckets.push_back(bucket);
        rows_.resize(rows_.size() + kWidth, 0);
        row = static_cast<uint32_t>(buckets.size());
      }
      stages[s]->QuantizedRow(r, &rows_[static_cast<size_t>(row - 1) * kWidth + s * L]);
    }
  }
  row_count_ = buckets.size();
  uint32_t slot_bits = 4;
  while ((size_t{1} << slot_bits) < 2 * row_count_ + 2) ++slot_bits;
  slots_.assign(size_t{1} << slot_bits, 0);
  slot_mask_ = (1u << slot_bits) - 1;
  slot_shift_ = 32 - slot_bits;
  for (uint32_t r = 0; r < row_count_; ++r) {
    const uint64_t key = static_cast<uint64_t>(buckets[r] + 1) << 32;
    uint32_t i = SlotOf(buckets[r]);
    while (slots_[i] != 0) i = (i + 1) & slot_mask_;
    slots_[i] = key | r;
  }
  for (int s = 0; s < 2; ++s) {
    trans_[s].assign((L + 1) * (L + 1), 0);
    if (stages[s]) stages[s]->QuantizedTransitions(trans_[s].data());
  }
  return true;
}

namespace {
template <bool kStage1, bool kStage2>
void AddRows(const int16_t* table, const uint32_t* rows, const uint32_t* offsets, size_t n, int32_t* em1,
             int32_t* em2) {
  constexpr int L = EmissionTables::L, W = EmissionTables::kWidth;
  constexpr size_t kAhead = 8;
  const uint32_t first = offsets[0], total = offsets[n] - first;
  for (size_t t = 0; t < n; ++t) {
    int32_t a1[L], a2[L];
    if (kStage1) std::copy(em1 + t * L, em1 + t * L + L, a1);
    if (kStage2) std::copy(em2 + t * L, em2 + t * L + L, a2);
    for (uint32_t k = offsets[t] - first; k < offsets[t + 1] - first; ++k) {
      if (k + kAhead < total && rows[k + kAhead] != EmissionTables::kNoRow) {
        const int16_t* ahead = table + static_cast<size_t>(rows[k + kAhead]) * W;
        __builtin_prefetch(ahead);
        __builtin_prefetch(ahead + W - 1);
      }
      if (rows[k] == EmissionTables::kNoRow) continue;
      const int16_t* w = table + static_cast<size_t>(rows[k]) * W;
      if (kStage1)
        for (int l = 0; l < L; ++l) a1[l] += w[l];
      if (kStage2)
        for (int l = 0; l < L; ++l) a2[l] += w[L + l];
    }
    if (kStage1) std::copy(a1, a1 + L, em1 + t * L);
    if (kStage2) std::copy(a2, a2 + L, em2 + t * L);
  }
}
}  // namespace

void EmissionTables::Add(const uint32_t* ids, const uint32_t* offsets, size_t n, int32_t* em1, int32_t* em2,
                         std::vector<uint32_t>* rows) const {
  if (n == 0 || slots_.empty()) return;
  const uint32_t* base = ids + offsets[0];
  const size_t total = offsets[n] - offsets[0];
  rows->resize(total);
  constexpr size_t kAhead = 16;
  for (size_t k = 0; k < total; ++k) {
    if (k + kAhead < total) __builtin_prefetch(&slots_[SlotOf(base[k + kAhead] & mask_)]);
    (*rows)[k] = Find(base[k]);
  }
  if (em1 && em2) AddRows<true, true>(rows_.data(), rows->data(), offsets, n, em1, em2);
  else if (em1) AddRows<true, false>(rows_.data(), rows->data(), offsets, n, em1, em2);
  else if (em2) AddRows<false, true>(rows_.data(), rows->data(), offsets, n, em1, em2);
}

}  // namespace dossier::ner
