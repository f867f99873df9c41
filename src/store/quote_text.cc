#include "store/quote_text.h"

#include "store/varint.h"

namespace dossier::store {
bool EncodeQuoteSlice(std::string_view quote, std::string_view text, std::string* out) {
  if (quote.size() < kShortestSlicedQuote) return false;
  const size_t at = text.find(quote);
  if (at == std::string_view::npos) return false;
  out->clear();
  PutVarint(at, out);
  PutVarint(quote.size(), out);
  return true;
}

bool DecodeQuoteSlice(std::string_view blob, std::string_view text, std::string_view* quote, std::string* error) {
  uint64_t begin = 0, length = 0;
  if (!GetVarint(&blob, &begin) || !GetVarint(&blob, &length) || !blob.empty()) {
    *error = "quote text: a malformed slice";
    return false;
  }
  if (begin > text.size() || length > text.size() - begin) {
    *error = "quote text: a slice outside the document's text";
    return false;
  }
  *quote = text.substr(begin, length);
  return true;
}

}  // namespace dossier::store
