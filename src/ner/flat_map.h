// An open-addressing hash map from non-zero 64-bit keys to 32-bit values: one probe sequence in
// two flat arrays, no allocation per entry. Used for gazetteer n-grams and word lookups.
#ifndef DOSSIER_NER_FLAT_MAP_H_
#define DOSSIER_NER_FLAT_MAP_H_

#include <cstdint>
#include <vector>

namespace dossier::ner {

class FlatMap {
 public:
  // Value at `key`, or nullptr. Key 0 is mapped to 1 (0 marks an empty slot).
  const uint32_t* Find(uint64_t key) const {
    if (keys_.empty()) return nullptr;
    key = key ? key : 1;
    for (size_t i = Slot(key);; i = (i + 1) & mask_) {
      if (keys_[i] == key) return &values_[i];
      if (keys_[i] == 0) return nullptr;
    }
  }
  // The value slot for `key`, inserted as 0 when absent.
  uint32_t& operator[](uint64_t key) {
    key = key ? key : 1;
    if ((size_ + 1) * 2 > keys_.size()) Grow();
    for (size_t i = Slot(key);; i = (i + 1) & mask_) {
      if (keys_[i] == key) return values_[i];
      if (keys_[i] == 0) {
        keys_[i] = key;
        ++size_;
        return values_[i];
      }
    }
  }
  size_t size() const { return size_; }

 private:
  size_t Slot(uint64_t key) const { return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> 20) & mask_; }
  void Grow() {
    std::vector<uint64_t> old_keys = std::move(keys_);
    std::vector<uint32_t> old_values = std::move(values_);
    const size_t cap = old_keys.empty() ? 1024 : old_keys.size() * 2;
    keys_.assign(cap, 0);
    values_.assign(cap, 0);
    mask_ = cap - 1;
    size_ = 0;
    for (size_t i = 0; i < old_keys.size(); ++i)
      if (old_keys[i]) (*this)[old_keys[i]] = old_values[i];
  }

  std::vector<uint64_t> keys_;
  std::vector<uint32_t> values_;
  size_t mask_ = 0;
  size_t size_ = 0;
};

}  // namespace dossier::ner

#endif  // DOSSIER_NER_FLAT_MAP_H_
