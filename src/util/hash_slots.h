// An open-addressing hash table keyed by 64-bit hashes: one array of slots, linear probing, no
// allocation per entry, and Clear() keeps the slots so a table reused for the next document stops
// allocating once it has grown.
//
// The per-word hot paths (term ids, word bags, glue counts, repeated sentences) used
// std::unordered_map, whose every lookup divides and chases a node pointer. Here the caller hashes
// its key once and gives the hash; where two different keys could share a hash and that matters,
// the caller keeps something to compare in the value and passes an equality test (Find with `eq`,
// Append), so equal hashes never merge different keys silently.
#ifndef DOSSIER_UTIL_HASH_SLOTS_H_
#define DOSSIER_UTIL_HASH_SLOTS_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace dossier {

template <typename Value>
class HashSlots {
 public:
  // The value of the first entry with `key` for which eq(value) holds, or null.
  template <typename Eq>
  Value* Find(uint64_t key, Eq eq) {
    if (slots_.empty()) return nullptr;
    for (size_t i = Home(key);; i = (i + 1) & mask_) {
      Slot& s = slots_[i];
      if (!s.used) return nullptr;
      if (s.key == key && eq(s.value)) return &s.value;
    }
  }
  // When the key is the whole identity (a hash that stands for the word, as the callers decided).
  Value* Find(uint64_t key) {
    return Find(key, [](const Value&) { return true; });
  }

  // Adds an entry with `key` and `value`, even if entries with that key exist (for callers whose
  // equality test told a new key from the old ones).
  Value& Append(uint64_t key, const Value& value) {
    if (2 * (size_ + 1) > slots_.size()) Grow();
    size_t i = Home(key);
    while (slots_[i].used) i = (i + 1) & mask_;
    slots_[i] = Slot{key, value, true};
    ++size_;
    return slots_[i].value;
  }

  // The value under `key`, inserted as `fresh` when absent; `*inserted` tells which.
  Value& FindOrInsert(uint64_t key, const Value& fresh, bool* inserted) {
    if (Value* v = Find(key)) {
      *inserted = false;
      return *v;
    }
    *inserted = true;
    return Append(key, fresh);
  }

  size_t size() const { return size_; }
  // Forgets every entry, keeps the memory.
  void Clear() {
    if (size_ == 0) return;
    for (Slot& s : slots_) s.used = false;
    size_ = 0;
  }

 private:
  struct Slot {
    uint64_t key;
    Value value;
    bool used;
  };

  // Fibonacci hashing: the high bits of key * 2^64/phi, so keys that differ only in a few bits
  // (short words, small integers) still spread over the table.
  size_t Home(uint64_t key) const { return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> shift_); }

  void Grow() {
    std::vector<Slot> old;
    old.swap(slots_);
    const size_t cap = old.empty() ? 64 : 2 * old.size();
    slots_.assign(cap, Slot{0, Value{}, false});
    mask_ = cap - 1;
    shift_ = 64;
    for (size_t c = cap; c > 1; c >>= 1) --shift_;
    size_ = 0;
    for (const Slot& s : old)
      if (s.used) Append(s.key, s.value);
  }

  std::vector<Slot> slots_;
  size_t mask_ = 0;
  int shift_ = 64;
  size_t size_ = 0;
};

}  // namespace dossier

#endif  // DOSSIER_UTIL_HASH_SLOTS_H_
