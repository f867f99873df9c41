// The small tokenizer of the time and amount stages. Finer than the document tokenizer where
// time and number patterns need it: a hyphen inside a word splits it ("third-quarter" is "third"
// "quarter", the second marked kHyphenBefore), letters glued to a number are a token of their own
// ("90bn" is "90" "bn", "1990s" is "1990" "s"), "'s" is a token, and words ending in a known
// abbreviation period keep it ("Sept."). Each word is looked up once in the rule set's lexicon.
#ifndef DOSSIER_TIME_TOKENS_H_
#define DOSSIER_TIME_TOKENS_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "time/rules.h"

namespace dossier::time {

enum class TKind : uint8_t { kWord, kNumber, kPunct };

enum TFlag : uint16_t {
  kTSpaceBefore = 1,       // whitespace before the token
  kTHyphenBefore = 2,      // joined to the previous token by a hyphen ("third-quarter")
  kTAttached = 4,          // directly after the previous token (no space, no hyphen)
  kTCap = 8,               // first letter upper case
  kTAllCaps = 16,          // two or more letters, all upper case
  kTApostropheBefore = 32, // a number written '80 or ’98
  kTThousands = 64,        // a number with thousands separators (1,000)
  kTDecimal = 128,         // a number with a decimal point
  kTColon = 256,           // h:mm (num = hours, aux = minutes)
  kTSlash = 512,           // a/b (num = a / b, aux = b)
  kTNewlineBefore = 1024,  // a line break before the token
};

struct TToken {
  uint32_t begin = 0;  // byte offsets into the text given to Tokenize
  uint32_t end = 0;
  TKind kind = TKind::kWord;
  uint16_t flags = 0;
  uint8_t digits = 0;  // numbers: digits before any decimal point or separator
  const LexEntry* lex = nullptr;
  double num = 0;      // numbers: the value
  int32_t aux = 0;     // kTColon: minutes; kTSlash: denominator; kTApostropheBefore numbers: digits
  int32_t numer = 0;   // kTSlash: numerator
};

// Tokenizes text[begin, end). Offsets are into `text`. `rules` supplies the lexicon (and which
// words keep a final period). Appends to `out`.
void TokenizeForTime(std::string_view text, uint32_t begin, uint32_t end, const RuleSet& rules,
                     std::vector<TToken>* out);

// Lower-cases an ASCII word into `buf` (curly apostrophes become '\''), for lexicon lookups.
std::string_view LowerKey(std::string_view word, char* buf, size_t cap);

}  // namespace dossier::time

#endif  // DOSSIER_TIME_TOKENS_H_
