#include "crude/glued_words.h"

#include <algorithm>
#include <string>
#include <unordered_map>

namespace dossier {

namespace {

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsAsciiLetter(char c) { return IsUpper(c) || IsLower(c); }

bool AllLower(std::string_view s) {
  for (char c : s)
    if (!IsLower(c)) return false;
  return !s.empty();
}
// "Ukraine": one capital then lower case.
bool IsCapitalized(std::string_view s) { return s.size() >= 2 && IsUpper(s[0]) && AllLower(s.substr(1)); }

// Opening/closing quotation marks as UTF-8 sequences or ASCII.
bool EndsWithOpeningQuote(std::string_view before) {
  if (before.empty()) return false;
  char c = before.back();
  if (c == '"' || c == '\'') return true;
  // “ = E2 80 9C, ‘ = E2 80 98
  return before.size() >= 3 && static_cast<unsigned char>(before[before.size() - 3]) == 0xE2 &&
         static_cast<unsigned char>(before[before.size() - 2]) == 0x80 &&
         (static_cast<unsigned char>(c) == 0x9C || static_cast<unsigned char>(c) == 0x98);
}
bool StartsWithClosingQuote(std::string_view after) {
  if (after.empty()) return false;
  char c = after[0];
  if (c == '"' || c == '\'') return true;
  // ” = E2 80 9D, ’ = E2 80 99
  return after.size() >= 3 && static_cast<unsigned char>(after[0]) == 0xE2 &&
         static_cast<unsigned char>(after[1]) == 0x80 &&
         (static_cast<unsigned char>(after[2]) == 0x9D || static_cast<unsigned char>(after[2]) == 0x99);
}

// True when the token starts a sentence: at the start of the line, or after . ! ? : and spaces
// (possibly with an opening quote). A capital there says nothing about the word being a name.
bool AtSentenceStart(std::string_view line, size_t begin) {
  size_t i = begin;
  while (i > 0 && (line[i - 1] == ' ' || line[i - 1] == '"' || line[i - 1] == '\'' ||
                   static_cast<unsigned char>(line[i - 1]) >= 0x80)) {
    // Step back over spaces and quote characters (multi-byte quotes are 3 bytes of >= 0x80).
    --i;
  }
  if (i == 0) return true;
  char c = line[i - 1];
  return c == '.' || c == '!' || c == '?' || c == ':';
}

// True when a capitalised word stands right after the token, or right before it in mid-sentence:
// the token is then part of a multi-word name ("Dino Melaye", "Canfora Reports").
bool NextToCapitalizedWord(std::string_view line, size_t b, size_t e) {
  size_t j = e;
  while (j < line.size() && line[j] == ' ') ++j;
  if (j > e && j < line.size() && IsUpper(line[j])) return true;
  size_t i = b;
  while (i > 0 && line[i - 1] == ' ') --i;
  if (i < b && i > 0 && IsAsciiLetter(line[i - 1])) {
    size_t k = i;
    while (k > 0 && IsAsciiLetter(line[k - 1])) --k;
    if (IsUpper(line[k]) && !AtSentenceStart(line, k)) return true;
  }
  return false;
}


// A part a glued token may be cut into: an ordinary word of 3+ letters, or a function word.
bool IsPart(const Lexicon& lex, std::string_view part) {
  if (part.size() >= 3 && lex.Base(part) != Lexicon::BaseForm::kAbsent) return true;
  return part.size() >= 2 && lex.IsFunctionWord(part);
}

// Splits at a case change inside the token: "theRukban", "DisneyWorld", "NASAannounced".
// Returns the split offset within the token, or 0 for none.
size_t CamelSplit(const Lexicon& lex, std::string_view w) {
  size_t boundaries = 0, at = 0;
  for (size_t i = 1; i < w.size(); ++i) {
    if (IsLower(w[i - 1]) && IsUpper(w[i])) {
      ++boundaries;
      at = i;
    }
  }
  if (boundaries == 1) {
    std::string_view left = w.substr(0, at), right = w.substr(at);
    if (!IsCapitalized(right)) return 0;  // "macOS", "iPhone" style brand spellings
    if (AllLower(left)) {
      // A lower-case word glued to a name: "theRukban", "includingEngland".
      return IsPart(lex, left) ? at : 0;
    }
    // Two capitalised words ("SoftBank", "GlobalPost", but also a glued "DisneyWorld") are left
    // alone: brands are spelt that way on purpose far more often than a scraper glues two names.
    return 0;
  }
  if (boundaries == 0) {
    // An acronym glued to a lower-case word: "NASAannounced".
    size_t caps = 0;
    while (caps < w.size() && IsUpper(w[caps])) ++caps;
    if (caps >= 2 && caps < w.size() && AllLower(w.substr(caps))) {
      std::string_view right = w.substr(caps);
      if (right.size() >= 3 && lex.Base(right) == Lexicon::BaseForm::kLower) return caps;
    }
  }
  return 0;
}

// Word-forming prefixes and suffixes: "multiplanetary" or "cashierless" are new words, not glue.
bool IsProductivePrefix(std::string_view s) {
  static constexpr std::string_view kPrefixes[] = {
      "anti", "auto", "bio", "co", "counter", "cross", "cyber", "de", "down", "eco", "geo", "hyper",
      "inter", "mega", "micro", "mid", "mini", "mis", "multi", "non", "out", "over", "post", "pre",
      "pro", "re", "self", "semi", "sub", "super", "tele", "trans", "ultra", "un", "under", "up"};
  for (auto p : kPrefixes)
    if (s.size() == p.size() && std::equal(p.begin(), p.end(), s.begin(), [](char a, char b) {
          return a == (IsUpper(b) ? static_cast<char>(b + 32) : b);
        }))
      return true;
  return false;
}
bool IsProductiveSuffix(std::string_view s) {
  static constexpr std::string_view kSuffixes[] = {"able", "dom", "ful", "hood", "ish", "ism", "ist",
                                                   "less", "like", "ness", "ship", "ware", "wise"};
  for (auto p : kSuffixes)
    if (s == p) return true;
  return false;
}

// Splits a lower-case or capitalised token into two words: "thefeathers", "Ukrainewar".
size_t PlainSplit(const Lexicon& lex, std::string_view w, bool sentence_start) {
  bool capitalized = IsUpper(w[0]);
  size_t best = 0;
  int best_score = -1;
  for (size_t i = 1; i < w.size(); ++i) {
    std::string_view left = w.substr(0, i), right = w.substr(i);
    bool left_fn = lex.IsFunctionWord(left), right_fn = lex.IsFunctionWord(right);
    if (!IsPart(lex, left) && !(left.size() == 1 && (left[0] == 'a' || left[0] == 'A'))) continue;
    if (!IsPart(lex, right)) continue;
    // The second part must be a common word: a name after a lower-case glue point would have kept
    // its capital ("the Rukban"), and the camel-case rule handles that.
    if (!right_fn && lex.Base(right) != Lexicon::BaseForm::kLower) continue;
    Lexicon::BaseForm left_form = lex.Base(left);
    if (capitalized && w.size() < 6 && left_form != Lexicon::BaseForm::kCapitalizedOnly) continue;
    if (capitalized && !sentence_start && left_form != Lexicon::BaseForm::kCapitalizedOnly) {
      // Mid-sentence capitalised token whose first part is not a proper noun: more likely an
      // unlisted name ("Newsnight", "Canfora", "Juston") than glue.
      continue;
    }
    if (IsProductivePrefix(left) || IsProductiveSuffix(right)) continue;  // "multilink", "cashierless"
    if (!left_fn && !right_fn && (left.size() < 4 || right.size() < 4) &&
        left_form != Lexicon::BaseForm::kCapitalizedOnly) {
      // Two short content words ("airbus", "sunbed") are the stuff of real compounds.
      continue;
    }
    int score = static_cast<int>(std::min(left.size(), right.size())) + 3 * (left_fn + right_fn);
    if (score > best_score) {
      best_score = score;
      best = i;
    }
  }
  return best;
}

}  // namespace

std::vector<GlueFix> FindGluedWordCandidates(std::string_view line, const Lexicon& lexicon) {
  std::vector<GlueFix> fixes;
  size_t i = 0;
  while (i < line.size()) {
    if (!IsAsciiLetter(line[i])) {
      ++i;
      continue;
    }
    size_t b = i;
    while (i < line.size() && IsAsciiLetter(line[i])) ++i;
    size_t e = i;
    std::string_view word = line.substr(b, e - b);
    // Two glued words are rarely longer than 40 letters; longer runs are not words at all (and
    // trying every cut of them would cost time quadratic in their length).
    if (word.size() < 5 || word.size() > 40) continue;
    // Part of a larger token: digits, handles, hashtags, URLs, e-mail, file names, non-ASCII letters.
    char prev = b > 0 ? line[b - 1] : ' ';
    char next = e < line.size() ? line[e] : ' ';
    if (prev == '@' || prev == '#' || prev == '_' || prev == '/' || prev == '.' || prev == '-' ||
        (prev >= '0' && prev <= '9'))
      continue;
    if (next == '_' || next == '/' || next == '@' || (next >= '0' && next <= '9')) continue;
    if (next == '.' && e + 1 < line.size() && IsAsciiLetter(line[e + 1])) continue;  // domain
    if (static_cast<unsigned char>(prev) >= 0x80 && !EndsWithOpeningQuote(line.substr(0, b)) &&
        !(b >= 3 && static_cast<unsigned char>(line[b - 3]) == 0xE2))
      continue;  // glued to a non-ASCII letter: not a word we can judge
    if (static_cast<unsigned char>(next) >= 0x80 && !StartsWithClosingQuote(line.substr(e)) &&
        static_cast<unsigned char>(next) != 0xE2)
      continue;
    // A single quoted word is a coinage or a name for something ("frontload"), not glue.
    if (EndsWithOpeningQuote(line.substr(0, b)) && StartsWithClosingQuote(line.substr(e))) continue;
    // Most words are ordinary dictionary words: one hash probe settles them.
    if (lexicon.Base(word) != Lexicon::BaseForm::kAbsent) continue;
    size_t split = CamelSplit(lexicon, word);
    if (split == 0) {
      bool has_inner_capital = false;
      for (size_t k = 1; k < word.size(); ++k) has_inner_capital |= IsUpper(word[k]);
      if (!has_inner_capital) split = PlainSplit(lexicon, word, AtSentenceStart(line, b));
    }
    if (split == 0) continue;
    if (IsUpper(word[0]) && NextToCapitalizedWord(line, b, e)) continue;  // "Jason La Canfora"
    if (lexicon.IsKnown(word)) continue;  // a listed word or name ("airpower", "Mountbatten")
    fixes.push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(b + split), static_cast<uint32_t>(e)});
  }
  return fixes;
}

void DropRecurringTokens(std::string_view document, const std::vector<std::string_view>& line_texts,
                         std::vector<std::vector<GlueFix>>* lines) {
  std::unordered_map<std::string_view, int> counts;
  for (size_t i = 0; i < lines->size(); ++i)
    for (const auto& f : (*lines)[i]) counts.emplace(line_texts[i].substr(f.word_begin, f.word_end - f.word_begin), 0);
  if (counts.empty()) return;
  // Count whole-word occurrences of the candidates: every maximal run of ASCII letters.
  size_t i = 0;
  while (i < document.size()) {
    if (!IsAsciiLetter(document[i])) {
      ++i;
      continue;
    }
    size_t b = i;
    while (i < document.size() && IsAsciiLetter(document[i])) ++i;
    if (i - b < 5) continue;
    auto it = counts.find(document.substr(b, i - b));
    if (it != counts.end()) ++it->second;
  }
  for (size_t l = 0; l < lines->size(); ++l) {
    auto& v = (*lines)[l];
    v.erase(std::remove_if(v.begin(), v.end(),
                           [&](const GlueFix& f) {
                             return counts[line_texts[l].substr(f.word_begin, f.word_end - f.word_begin)] > 1;
                           }),
            v.end());
  }
}

std::vector<GlueFix> FindGluedWords(std::string_view line, std::string_view document,
                                    const Lexicon& lexicon) {
  std::vector<std::vector<GlueFix>> one{FindGluedWordCandidates(line, lexicon)};
  DropRecurringTokens(document, {line}, &one);
  return one[0];
}

}  // namespace dossier
