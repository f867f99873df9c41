#include "store/quote_text.h"

namespace dossier::store {
namespace {

void PutVarint(uint64_t v, std::string* out) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>((v & 0x7F) | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

bool GetVarint(std::string_view* in, uint64_t* v) {
  *v = 0;
  for (int shift = 0; shift < 64 && !in->empty(); shift += 7) {
    const uint8_t b = static_cast<uint8_t>(in->front());
    in->remove_prefix(1);
    if (shift == 63 && b > 1) return false;
    *v |= static_cast<uint64_t>(b & 0x7F) << shift;
    if (!(b & 0x80)) return true;
  }
  return false;
}

}  // namespace

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
