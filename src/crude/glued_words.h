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
};

// Finds glued tokens in `line`. `document` is the whole input text, used to count how often the
// token occurs (pass the line itself when there is no wider context).
std::vector<GlueFix> FindGluedWords(std::string_view line, std::string_view document,
                                    const Lexicon& lexicon);

}  // namespace dossier

#endif  // DOSSIER_CRUDE_GLUED_WORDS_H_
