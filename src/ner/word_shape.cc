#include "ner/word_shape.h"

namespace dossier::ner {

namespace {
bool IsUpper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(unsigned char c) { return (c >= 'a' && c <= 'z') || c >= 0xC0; }  // UTF-8 lead bytes
bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }
}  // namespace

CapClass ClassifyCase(std::string_view word) {
  int upper = 0, lower = 0;
  bool first_upper = false, seen_letter = false;
  for (unsigned char c : word) {
    if ((c & 0xC0) == 0x80) continue;  // UTF-8 continuation byte
    if (IsUpper(c)) {
      if (!seen_letter) first_upper = true;
      ++upper;
      seen_letter = true;
    } else if (IsLower(c)) {
      ++lower;
      seen_letter = true;
    }
  }
  if (!seen_letter) return kCapNone;
  if (lower == 0) return kCapAll;
  if (upper == 0) return kCapLower;
  if (first_upper && upper == 1) return kCapInitial;
  return kCapMixed;
}

bool HasLetter(std::string_view word) {
  for (unsigned char c : word)
    if (IsUpper(c) || IsLower(c)) return true;
  return false;
}

bool HasDigit(std::string_view word) {
  for (unsigned char c : word)
    if (IsDigit(c)) return true;
  return false;
}

void LowerInto(std::string_view word, std::string* out) {
  out->assign(word);
  for (char& c : *out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
}

void ShapeInto(std::string_view word, std::string* out) {
  out->clear();
  char last = 0;
  for (unsigned char c : word) {
    char k;
    if ((c & 0xC0) == 0x80) continue;
    if (IsUpper(c)) k = 'X';
    else if (IsLower(c)) k = 'x';
    else if (IsDigit(c)) k = 'd';
    else k = static_cast<char>(c);
    if (k != last || (k != 'X' && k != 'x' && k != 'd')) out->push_back(k);
    last = k;
    if (out->size() >= 12) break;
  }
}

}  // namespace dossier::ner
