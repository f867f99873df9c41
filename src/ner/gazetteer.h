// Gazetteers: lists of names (one entry per line, words separated by spaces, matched without
// regard to ASCII case) looked up as token n-grams of a sentence. Each token gets, per list, its
// position in the longest entry of that list covering it (B, I, L or U), which the tagger turns
// into features. The lists are versioned files under data/gazetteers/ (README there).
#ifndef DOSSIER_NER_GAZETTEER_H_
#define DOSSIER_NER_GAZETTEER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "ner/flat_map.h"

namespace dossier::ner {

class Gazetteers {
 public:
  static constexpr int kMaxLists = 30;
  static constexpr int kMaxWords = 6;  // longer entries are skipped

  // Loads every *.txt file of `dir` (sorted by name; the list's name is the file name without
  // .txt). A missing directory loads nothing and is not an error (the tagger then runs without).
  bool LoadDir(const std::string& dir, std::string* error);
  // Adds one list from memory (tests).
  void AddList(const std::string& name, const std::vector<std::string>& entries);

  const std::vector<std::string>& names() const { return names_; }
  // FNV-1a of every list's name and bytes, in order: goes into the model's fingerprint.
  uint64_t fingerprint() const { return fingerprint_; }

  // For a sentence given as the 64-bit hashes of its lower-cased words (Hash64 of LowerInto),
  // appends to `out` one code per (token, list, position): out[t] gets list * 4 + position.
  void Match(const uint64_t* lower_hashes, size_t n, std::vector<std::vector<uint16_t>>* out) const;

 private:
  static constexpr uint32_t kPrefixBit = 1u << 31;
  void AddEntry(const std::string& entry, int list);

  std::vector<std::string> names_;
  FlatMap map_;  // n-gram key -> bitmask of lists (+ kPrefixBit when a longer entry continues it)
  uint64_t fingerprint_ = 14695981039346656037ull;
};

// Hash key of a word sequence from its lower-cased word hashes.
inline uint64_t NgramKey(uint64_t key, uint64_t word_hash) {
  return (key ^ word_hash) * 0x100000001b3ull + 0x632BE59BD9B4E019ull;
}

}  // namespace dossier::ner

#endif  // DOSSIER_NER_GAZETTEER_H_
