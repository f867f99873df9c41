// Cheap per-word properties the tagger's features are made of: lower-casing, the word's shape
// (Xxxx -> "Xx", USA -> "X", 1996-08-30 -> "d-d-d", U.S. -> "X.X."), its capitalisation class.
// ASCII letters are cased; any other UTF-8 letter counts as lower case (so "Ćosić" is Xx).
#ifndef DOSSIER_NER_WORD_SHAPE_H_
#define DOSSIER_NER_WORD_SHAPE_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace dossier::ner {

enum CapClass : uint8_t {
  kCapNone = 0,    // no letter (numbers, punctuation)
  kCapLower = 1,   // john
  kCapInitial = 2, // John
  kCapAll = 3,     // JOHN (or a single capital: "A")
  kCapMixed = 4,   // McDonald, iPhone
};

CapClass ClassifyCase(std::string_view word);
bool HasLetter(std::string_view word);
bool HasDigit(std::string_view word);
// ASCII lower-casing into `out` (cleared first).
void LowerInto(std::string_view word, std::string* out);
// Collapsed shape (runs of one class become one character) into `out`.
void ShapeInto(std::string_view word, std::string* out);

// FNV-1a 64 of bytes (the value half of every hashed feature).
inline uint64_t Hash64(std::string_view s, uint64_t h = 14695981039346656037ull) {
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}

// Feature id of a template number and a value hash (a 64 -> 32 bit mix).
inline uint32_t FeatureId(uint32_t tmpl, uint64_t value) {
  uint64_t x = value ^ (static_cast<uint64_t>(tmpl) * 0x9E3779B97F4A7C15ull);
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdull;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ull;
  x ^= x >> 33;
  return static_cast<uint32_t>(x);
}
inline uint64_t Combine(uint64_t a, uint64_t b) {
  return (a ^ (b + 0x9E3779B97F4A7C15ull + (a << 6) + (a >> 2))) * 0x100000001b3ull;
}

}  // namespace dossier::ner

#endif  // DOSSIER_NER_WORD_SHAPE_H_
