// Small text rules every corpus backend shares, so that SQLite and PostgreSQL answer alike: how
// names are matched, what a date filter accepts, the opening shown for hits without a query.
#ifndef DOSSIER_STORE_STORE_TEXT_H_
#define DOSSIER_STORE_STORE_TEXT_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace dossier::store {

// Lower-case (ASCII), single-spaced form of a name, for matching aliases in any case.
std::string NameKey(std::string_view name);

// YYYY-MM-DD (digits and dashes only; the calendar is not checked).
bool IsIsoDate(const std::string& s);

// The first `words` words of the text on one line, with "…" when cut: the snippet of a hit found
// by filters alone.
std::string Opening(std::string_view text, uint32_t words);

}  // namespace dossier::store

#endif  // DOSSIER_STORE_STORE_TEXT_H_
