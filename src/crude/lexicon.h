// English word lists for glued-word repair, loaded once and shared read-only.
//
// Two tiers, because the two questions differ:
//  - "base" words (Debian's wamerican + wbritish, ~100k each): the parts a glued token may be cut
//    into must be ordinary words, so rare dictionary entries ("ore", "em") do not create splits;
//  - "known" words (the -insane lists, ~650k entries with many names, plus hunspell stems): a token
//    found here is a real word or name and is never split ("airpower", "Mountbatten").
// Words are stored as 64-bit hashes of their ASCII-lowercased form in sorted vectors (8 bytes a
// word, no per-word allocation); lookups are binary searches and happen only for rare candidates.
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
  static Lexicon FromWords(const std::vector<std::string>& base, const std::vector<std::string>& known,
                           const std::vector<std::string>& function_words);

  BaseForm Base(std::string_view word) const;
  // In the base or known tiers (case-insensitive), or an inflection (-s, -es, -ed, -ing, -er, -ers)
  // of such a word.
  bool IsKnown(std::string_view word) const;
  bool IsFunctionWord(std::string_view word) const;
  bool empty() const { return base_.empty() && known_.empty(); }

 private:
  void AddBase(std::string_view word);
  void AddKnown(std::string_view word);
  void AddFunction(std::string_view word);
  void Finish();
  bool InKnownExact(uint64_t h) const;

  // Hash of the lowercased word with the low 2 bits holding the base form (for base_).
  std::vector<uint64_t> base_;
  std::vector<uint64_t> known_;
  std::vector<uint64_t> function_;
};

uint64_t LowerWordHash(std::string_view word);

}  // namespace dossier

#endif  // DOSSIER_CRUDE_LEXICON_H_
