// Quote texts as schema 5 stores them (quotes.text): most quotes are a slice of their document's
// canonical text (three quarters of them on news), and such a quote stores its place there
// instead of its bytes, as a BLOB of two varints (begin, length), 3-5 bytes against ~90; any
// other quote keeps its text as TEXT, as before. Reading a slice needs the document's text.
#ifndef DOSSIER_STORE_QUOTE_TEXT_H_
#define DOSSIER_STORE_QUOTE_TEXT_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace dossier::store {

// Below this length a quote keeps its bytes (a slice would save nothing).
inline constexpr size_t kShortestSlicedQuote = 8;

// Sets `out` to the slice of `text` that `quote` is and returns true, or returns false (the
// quote is short, or not in the text as it is).
bool EncodeQuoteSlice(std::string_view quote, std::string_view text, std::string* out);

// The quote a slice blob stands for in `text`; false with a one-line reason for a blob that is
// malformed or points outside `text`.
bool DecodeQuoteSlice(std::string_view blob, std::string_view text, std::string_view* quote, std::string* error);

}  // namespace dossier::store

#endif  // DOSSIER_STORE_QUOTE_TEXT_H_
