// A user's search words turned into an FTS5 query that cannot be a syntax error nor reach any
// FTS5 feature the user did not ask for: every word and phrase becomes a double-quoted FTS5 string
// (quotes inside doubled), joined by operators we write ourselves.
#ifndef DOSSIER_STORE_SEARCH_QUERY_H_
#define DOSSIER_STORE_SEARCH_QUERY_H_

#include <string>
#include <string_view>

namespace dossier::store {

// Syntax: words (all must occur), "a phrase", word* (prefix), a OR b (either), -word or -"a phrase"
// (must not occur). Anything else is a word. Returns false with a one-line reason when nothing is
// left to look for (only punctuation, only exclusions). The result is bound as a parameter.
bool ToFtsQuery(std::string_view user, std::string* fts, std::string* error);

}  // namespace dossier::store

#endif  // DOSSIER_STORE_SEARCH_QUERY_H_
