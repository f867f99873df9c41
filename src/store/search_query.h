// A user's search words turned into an FTS5 query (SQLite) or a tsquery (PostgreSQL) that cannot be
// a syntax error nor reach any feature the user did not ask for: every word and phrase becomes a
// quoted string of that language (quotes inside escaped), joined by operators we write ourselves.
#ifndef DOSSIER_STORE_SEARCH_QUERY_H_
#define DOSSIER_STORE_SEARCH_QUERY_H_

#include <string>
#include <string_view>

namespace dossier::store {

// Syntax: words (all must occur), "a phrase", word* (prefix), a OR b (either), -word or -"a phrase"
// (must not occur). Anything else is a word. Returns false with a one-line reason when nothing is
// left to look for (only punctuation, only exclusions). The result is bound as a parameter.
bool ToFtsQuery(std::string_view user, std::string* fts, std::string* error);
// The same syntax as a tsquery, for to_tsquery('simple', $n): 'word', 'a phrase' (to_tsquery makes
// it a <-> b), 'word':* (prefix), | (either), & (all), & ! (must not occur).
bool ToTsQuery(std::string_view user, std::string* tsquery, std::string* error);

}  // namespace dossier::store

#endif  // DOSSIER_STORE_SEARCH_QUERY_H_
