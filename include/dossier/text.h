// The text front-end: UTF-8 repair, Unicode normalisation, tokenizer and sentence splitter.
//
// These work on any UTF-8 string and know nothing of blocks or stories, so the crude-text and HTML
// front doors and the later stages all share them.
#ifndef DOSSIER_TEXT_H_
#define DOSSIER_TEXT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dossier/document.h"
#include "dossier/offset_map.h"

namespace dossier {

// A piece of text under construction, with where each byte came from in the input.
// `map` uses the text's own offsets on the canonical side and input offsets on the source side.
struct MappedText {
  std::string text;
  OffsetMap map;
};

struct CleanStats {
  uint32_t invalid_bytes_replaced = 0;  // bad UTF-8 sequences replaced by U+FFFD
  uint32_t normalized_runs = 0;         // runs changed by NFC, whitespace or invisible-char rules
};

// Cleans one line (no '\n' inside) that starts at input offset `source_offset`:
//  - invalid UTF-8 bytes become U+FFFD (each maximal invalid subpart counts once, as WHATWG does);
//  - Unicode NFC (ICU);
//  - every kind of space (NBSP, thin space, tab, ...) becomes ' ', runs are collapsed, both ends
//    trimmed; invisible characters (soft hyphen, zero-width space/joiners, BOM) and C0/C1 controls
//    are removed.
// Typography (curly quotes, dashes, ellipses) is kept as it is. The result maps back to the input.
// A fast path copies lines that need none of this; the slow path is the reference.
MappedText CleanLine(std::string_view line, uint64_t source_offset, CleanStats* stats);

// True when CleanLine would return `line` unchanged, as one copied piece: a caller may then keep a
// view of the input instead of a copy.
bool IsCleanLine(std::string_view line);

// The slow, obviously-correct path of CleanLine, exposed so tests can compare the two.
MappedText CleanLineReference(std::string_view line, uint64_t source_offset, CleanStats* stats);

// True when `s` is valid UTF-8 (no overlongs, surrogates or code points past U+10FFFF).
bool IsValidUtf8(std::string_view s);

// Splits `text` into tokens; spans are byte offsets into `text` plus `base`.
// Knows news text: abbreviations with periods (U.S., Mr., Jan.), initials (J. R. R.), decimals and
// thousands (1,000.5), amounts with currency and scale ($90bn, £66.6bn), percentages, ordinals
// (21st), times (5:57), dates (2025-11-20, 9/11), contractions and possessives kept as one word
// (don't, Trump's, Trump’s), hyphenated words (Kyiv-born), curly and straight quotes, dashes,
// ellipses (… and ...), URLs, e-mail addresses, @handles and #hashtags.
void Tokenize(std::string_view text, uint32_t base, std::vector<Token>* out);

// A sentence as a range of tokens: [first, first + count) of the token array given.
struct TokenRange {
  uint32_t first = 0;
  uint32_t count = 0;
};

// Splits one block's tokens into sentences. `text` is the string the tokens' spans point into
// after subtracting `base` (the same text and base given to Tokenize). Handles abbreviations that
// never end a sentence (Mr, Dr, Sir, St., Jan. 5), ones that may (U.S., Inc.), initials, closing
// quotes and brackets after the final stop, and ellipses.
void SplitSentences(std::string_view text, uint32_t base, const Token* tokens, size_t count,
                    std::vector<TokenRange>* out);

}  // namespace dossier

#endif  // DOSSIER_TEXT_H_
