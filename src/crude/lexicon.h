// English word lists for glued-word repair, loaded once and shared read-only.
//
// Two tiers, because the two questions differ:
//  - "base" words (Debian's wamerican + wbritish, ~100k each): the parts a glued token may be cut
//    into must be ordinary words, so rare dictionary entries ("ore", "em") do not create splits;
//  - "known" words (the -insane lists, ~650k entries with many names, plus hunspell stems): a token
//    found here is a real word or name and is never split ("airpower", "Mountbatten").
// Words are stored as 64-bit hashes of their ASCII-lowercased form in open-addressing tables
// (16 bytes a word at half load, no per-word allocation, no sorting at start-up).
#ifndef DOSSIER_CRUDE_LEXICON_H_
#define DOSSIER_CRUDE_LEXICON_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dossier {

struct LexiconPaths {
  std::vector<std::string> base;      // one word per line
  std::vector<std::string> known;     // one word per line, or hunspell .dic ("word/FLAGS")
  // Optional: the known tier precomputed by `dossier_lexicon_cache` at build time (sorted hashes,
  // memory-mapped, so start-up does not parse 15 MB of word lists). Used when it exists.
  std::string known_cache;
  std::string function_words;         // our own list (data/lexicon/function-words.txt)
  static LexiconPaths Defaults(const std::string& data_dir);
};

class Lexicon {
 public:
  // How a word appears in the base lists.
  enum class BaseForm : uint8_t { kAbsent, kLower, kCapitalizedOnly };

  // Loads the lists; missing files are skipped and reported through `missing` (may be null).
  static Lexicon Load(const LexiconPaths& paths, std::vector<std::string>* missing);
  // For tests: builds a lexicon from in-memory lists.
  Lexicon();
  ~Lexicon();
  Lexicon(Lexicon&&) noexcept;
  Lexicon& operator=(Lexicon&&) noexcept;

  static Lexicon FromWords(const std::vector<std::string>& base, const std::vector<std::string>& known,
                           const std::vector<std::string>& function_words);

  // Through a small per-thread memo of recent answers (the base table is megabytes, and the same
  // words come back line after line); BaseUncached is the plain look-up it must agree with.
  BaseForm Base(std::string_view word) const;
  BaseForm BaseUncached(std::string_view word) const;
  // In the base or known tiers (case-insensitive), or an inflection (-s, -es, -ed, -ing, -er, -ers)
  // of such a word.
  bool IsKnown(std::string_view word) const;
  bool IsFunctionWord(std::string_view word) const;
  bool empty() const { return base_.empty() && known_.empty(); }

 private:
  void AddBase(std::string_view word);
  void AddKnown(std::string_view word);
  void AddFunction(std::string_view word);
  bool InKnownExact(uint64_t h) const;

  // A set of non-zero 64-bit keys with linear probing; the low 2 bits of a base_ entry hold the
  // word's BaseForm (the hash itself has them cleared).
  class HashTable {
   public:
    void Reserve(size_t n);
    // Inserts `key` (low 2 bits = payload); an existing key keeps the smaller payload.
    void Insert(uint64_t key);
    // The stored entry for `hash` (payload bits included), or 0.
    uint64_t Find(uint64_t hash) const;
    bool empty() const { return size_ == 0; }

   private:
    std::vector<uint64_t> slots_;
    size_t size_ = 0;
  };
  HashTable base_;
  HashTable known_;
  HashTable function_;
  // Names this lexicon's contents in the per-thread memo of Base (never reused, so a memo filled
  // from a lexicon that is gone is never read for another).
  uint64_t id_;
  // The memory-mapped known-word cache, when loaded: sorted hashes.
  const uint64_t* known_sorted_ = nullptr;
  size_t known_sorted_count_ = 0;
  void* mapping_ = nullptr;
  size_t mapping_size_ = 0;
};

uint64_t LowerWordHash(std::string_view word);

// Writes the known-word cache for `paths.known` to `out_path` (used by the build).
bool WriteKnownWordCache(const LexiconPaths& paths, const std::string& out_path, std::string* error);

}  // namespace dossier

#endif  // DOSSIER_CRUDE_LEXICON_H_
