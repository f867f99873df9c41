// Repairs words a scraper glued together when it lost the space at an element boundary
// ("Ukrainewar" -> "Ukraine war", "thefeathers" -> "the feathers", "NASAannounced").
//
// A token is only split when it is not a word or name in the known lists, occurs once in the
// document (glue is an accident; a real name recurs), is not a quoted coinage (“frontload”), a
// hashtag, handle, URL or part of a number, and cuts into two ordinary words in a way that is
// unlikely for a genuine compound (see the .cc for the exact rules and why).
#ifndef DOSSIER_CRUDE_GLUED_WORDS_H_
#define DOSSIER_CRUDE_GLUED_WORDS_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "crude/lexicon.h"

namespace dossier {

struct GlueFix {
  uint32_t word_begin;  // byte offset in the line of the glued token
  uint32_t split;       // byte offset in the line where the second word begins (a space goes here)
  uint32_t word_end;
  friend bool operator==(const GlueFix&, const GlueFix&) = default;
};

// Finds glued tokens in `line` by their spelling alone (no document context).
std::vector<GlueFix> FindGluedWordCandidates(std::string_view line, const Lexicon& lexicon);

// Drops the candidates whose token occurs more than once in `document` (a real name or word recurs;
// glue is an accident). `lines[i]` holds the candidates found in line i; `line_texts[i]` its text.
// One pass over the document, whatever the number of candidates.
void DropRecurringTokens(std::string_view document, const std::vector<std::string_view>& line_texts,
                         std::vector<std::vector<GlueFix>>* lines);

// Both steps for one line, with `document` as the context (tests and tools).
std::vector<GlueFix> FindGluedWords(std::string_view line, std::string_view document,
                                    const Lexicon& lexicon);

}  // namespace dossier

#endif  // DOSSIER_CRUDE_GLUED_WORDS_H_
