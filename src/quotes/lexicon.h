// The word lists of the quote stage (data/quotes/en.cues): speech cues, the words that join a cue,
// speaker pronouns, gendered titles and given names, role nouns and the words that end a speaker's
// noun phrase. Lookups take lower-case words with ASCII apostrophes.
#ifndef DOSSIER_QUOTES_LEXICON_H_
#define DOSSIER_QUOTES_LEXICON_H_

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace dossier::quotes {

enum class Gender : uint8_t { kUnknown, kMale, kFemale };

// What a word is to the quote stage, as bits (one lookup per token on the hot path).
enum WordFlag : uint32_t {
  kCueVerb = 1, kObjectVerb = 2, kAuxWord = 4, kStopWord = 8, kRoleWord = 16, kPhraseStart = 32,
  kPronounHe = 64, kPronounShe = 128, kPronounIt = 256, kPronounThey = 512, kPronounWho = 1024,
  kSpeakerPronoun = kPronounHe | kPronounShe | kPronounIt | kPronounThey | kPronounWho,
};

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
};

class Lexicon {
 public:
  // Parses the file's text; false with a reason (and the line) on a malformed file.
  bool Parse(std::string_view text, std::string* error);

  // The WordFlag bits of a lower-case word (0 for a word the lists do not hold).
  uint32_t Flags(std::string_view w) const {
    auto it = flags_.find(w);
    return it == flags_.end() ? 0 : it->second;
  }
  bool IsCueVerb(std::string_view w) const { return Has(verbs_, w); }
  bool TakesObject(std::string_view w) const { return Has(object_verbs_, w); }
  bool IsAux(std::string_view w) const { return Has(aux_, w); }
  bool IsStop(std::string_view w) const { return Has(stop_, w); }
  bool IsRole(std::string_view w) const { return Has(roles_, w); }
  // Multi-word cues starting with `w`: each as its words after the first.
  const std::vector<std::vector<std::string>>* PhrasesFrom(std::string_view w) const;
  Gender TitleGender(std::string_view w) const;
  Gender NameGender(std::string_view w) const;
  // "he" / "she" / "it" / "they" / "who" and their kind, or "" when `w` is no speaker pronoun.
  std::string_view PronounKind(std::string_view w) const;

 private:
  using Set = std::unordered_set<std::string>;
  static bool Has(const Set& s, std::string_view w) { return s.find(std::string(w)) != s.end(); }
  Set verbs_, object_verbs_, aux_, stop_, roles_, male_title_, female_title_, male_, female_;
  std::unordered_map<std::string, std::string> pronouns_;
  std::unordered_map<std::string, std::vector<std::vector<std::string>>> phrases_;
  std::unordered_map<std::string, uint32_t, StringHash, std::equal_to<>> flags_;
};

// Lower case (ASCII letters) with ’ and ‘ as ', for lexicon lookups.
std::string LowerWord(std::string_view w);

}  // namespace dossier::quotes

#endif  // DOSSIER_QUOTES_LEXICON_H_
