#include "crude/caption_credit.h"
#include "util/ascii.h"

#include <algorithm>
#include <array>
#include <cstring>

namespace dossier {

namespace {


bool StartsWithNoCase(std::string_view s, size_t at, std::string_view word) {
  if (at + word.size() > s.size()) return false;
  for (size_t i = 0; i < word.size(); ++i)
    if (AsciiLowerChar(s[at + i]) != word[i]) return false;
  return true;
}

bool IsLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Markers that introduce a credit; longest first so "image credit" wins over "image".
constexpr std::array<std::string_view, 12> kCreditMarkers = {
    "image copyright", "image credit",  "photo credit", "picture credit", "photograph",
    "picture",         "courtesy of",   "credit",       "photo",          "image",
    "pic",             "source"};

// The bytes a marker can start with (either case): most letters of a line are none of them and
// need no further test, so the right-to-left scan below costs one table look-up per byte.
constexpr std::array<bool, 256> MarkerInitials() {
  std::array<bool, 256> t{};
  for (std::string_view m : kCreditMarkers) {
    t[static_cast<unsigned char>(m[0])] = true;
    t[static_cast<unsigned char>(m[0] - 'a' + 'A')] = true;
  }
  return t;
}
constexpr std::array<bool, 256> kMarkerInitials = MarkerInitials();

// News agencies and picture libraries that appear as bare credits at the end of a caption.
constexpr std::array<std::string_view, 16> kAgencies = {
    "getty images", "reuters", "afp", "ap", "pa", "epa", "bloomberg", "shutterstock", "alamy",
    "anadolu", "xinhua", "ap photo", "pa media", "pa wire", "rex", "ansa"};

Span Trimmed(std::string_view s, size_t b, size_t e) {
  while (b < e && (s[b] == ' ' || s[b] == '|')) ++b;
  while (e > b && s[e - 1] == ' ') --e;
  return Span{static_cast<uint32_t>(b), static_cast<uint32_t>(e)};
}

// The text after a marker looks like a credit: short, starts with a capital or digit, no sentence
// inside it.
bool LooksLikeCreditBody(std::string_view body) {
  size_t i = 0;
  while (i < body.size() && (body[i] == ' ' || body[i] == ':')) ++i;
  if (i >= body.size()) return false;
  std::string_view rest = body.substr(i);
  if (rest.size() > 80) return false;
  unsigned char c = static_cast<unsigned char>(rest[0]);
  if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80)) return false;
  // A credit has no full stop followed by more words ("Pic: AP" yes; "Photo of the day. More" no).
  size_t dot = rest.find(". ");
  return dot == std::string_view::npos;
}

// Every word starts with a capital, a digit or is a separator ("Lena Fischer, STF / AP").
bool AllWordsCapitalized(std::string_view s) {
  bool at_word_start = true;
  for (char c : s) {
    if (c == ' ' || c == ':' || c == ',' || c == '/' || c == '|') {
      at_word_start = true;
      continue;
    }
    if (at_word_start && c >= 'a' && c <= 'z') return false;
    at_word_start = false;
  }
  return true;
}

enum : uint8_t { kPlainByte = 0, kCreditPunct, kLetterR };
constexpr std::array<uint8_t, 256> CreditBytes() {
  std::array<uint8_t, 256> t{};
  t[':'] = t['|'] = kCreditPunct;
  t['r'] = t['R'] = kLetterR;  // the 'r' of "cRedit" and of "copyRight"
  return t;
}
constexpr std::array<uint8_t, 256> kCreditBytes = CreditBytes();

// True when FindCaptionCreditReference cannot find a credit in `s`: each way it finds one needs a
// byte or a word this checks for in one pass. A parenthesised credit needs the line to end with ')';
// a bare agency, a '|' before it; a marker, a ':' after it, unless the marker is "credit" glued to
// a name ("surface.CreditName") or "image copyright" (so "credit" or "copyright", in any case).
bool CannotHoldCredit(std::string_view s) {
  if (!s.empty() && s.back() == ')') return false;
  const size_t n = s.size();
  for (size_t p = 0; p < n; ++p) {
    const uint8_t k = kCreditBytes[static_cast<unsigned char>(s[p])];
    if (k == kPlainByte) continue;
    if (k == kCreditPunct) return false;
    if (p >= 1 && StartsWithNoCase(s, p - 1, "credit")) return false;
    if (p >= 4 && StartsWithNoCase(s, p - 4, "copyright")) return false;
  }
  return true;
}

}  // namespace

bool StartsWithCaptionMarker(std::string_view line) {
  for (std::string_view m : {"image:", "picture:", "photo:", "caption:", "pictured:", "photograph:"})
    if (StartsWithNoCase(line, 0, m)) return true;
  return false;
}

Span FindCaptionCredit(std::string_view s) {
  if (CannotHoldCredit(s)) return Span{};
  return FindCaptionCreditReference(s);
}

Span FindCaptionCreditReference(std::string_view s) {
  // 1. A parenthesised credit at the end: "(AP Photo/Name)", "(Getty Images)", "(Photo: X)".
  if (!s.empty() && s.back() == ')') {
    size_t open = s.rfind('(');
    if (open != std::string_view::npos) {
      std::string_view inner = s.substr(open + 1, s.size() - open - 2);
      bool credit = inner.find('/') != std::string_view::npos && inner.size() < 60 &&
                    inner.find(' ') != std::string_view::npos;
      for (auto m : kCreditMarkers) credit |= StartsWithNoCase(inner, 0, m);
      for (auto a : kAgencies) credit |= inner.size() == a.size() && StartsWithNoCase(inner, 0, a);
      if (credit) return Trimmed(s, open, s.size());
    }
  }
  // 2. The last credit marker followed by a colon or a capitalised name: "Pic: AP",
  //    "Photograph: Mei Tanaka/PA", "Image credit: X", "Image copyright EPA", "surface.CreditName".
  for (size_t at = s.size(); at-- > 0;) {
    if (!kMarkerInitials[static_cast<unsigned char>(s[at])]) continue;
    if (at > 0 && IsLetter(s[at - 1]) && !(s[at] >= 'A' && s[at] <= 'Z')) continue;
    for (auto m : kCreditMarkers) {
      if (!StartsWithNoCase(s, at, m)) continue;
      size_t after = at + m.size();
      if (after < s.size() && IsLetter(s[after]) && !(s[after] >= 'A' && s[after] <= 'Z')) continue;
      bool colon = after < s.size() && s[after] == ':';
      bool glued = after < s.size() && s[after] >= 'A' && s[after] <= 'Z' && m == "credit";
      bool copyright = m == "image copyright";
      if (!(colon || glued || copyright)) continue;
      // At the very start, "Image:" usually opens a caption ("Image: A map of the border"); the
      // whole line is a credit only when what follows is names alone ("Photograph: EPA").
      if (at == 0 && !AllWordsCapitalized(s.substr(after))) continue;
      if (!LooksLikeCreditBody(s.substr(after + (colon ? 1 : 0)))) continue;
      // Scanning right to left finds "credit" inside "Image credit:" first; take the whole marker.
      size_t start = at;
      for (auto longer : kCreditMarkers) {
        if (longer.size() <= m.size() || longer.substr(longer.size() - m.size()) != m) continue;
        size_t extra = longer.size() - m.size();
        if (at >= extra && StartsWithNoCase(s, at - extra, longer) &&
            (at - extra == 0 || !IsLetter(s[at - extra - 1])))
          start = std::min(start, at - extra);
      }
      return Trimmed(s, start, s.size());
    }
  }
  // 3. A bare agency at the very end after a separator: "... | Getty Images", "... Photo AFP".
  for (auto a : kAgencies) {
    if (s.size() > a.size() + 2 && StartsWithNoCase(s, s.size() - a.size(), a) &&
        (s[s.size() - a.size() - 1] == '|' ||
         (s.size() > a.size() + 3 && s[s.size() - a.size() - 2] == '|'))) {
      return Trimmed(s, s.size() - a.size(), s.size());
    }
  }
  return Span{};
}

}  // namespace dossier
