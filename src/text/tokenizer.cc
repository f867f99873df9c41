// Tokenize: a hand-written, allocation-free scanner over UTF-8 tuned for English news text.
//
// One forward pass. At each token start the first code point picks a scanner: words and numbers
// (with the connectors news text glues into them: 1,000.5  5:57  9/11  Kyiv-born  Trump’s  AT&T),
// URLs, e-mail addresses, handles, hashtags, emoji, and one-character punctuation and symbols.
// ASCII goes through a byte table; other code points through ICU properties.
#include <algorithm>
#include <array>
#include <string_view>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "dossier/text.h"

namespace dossier {
namespace {

using std::string_view;

// ---- character classes --------------------------------------------------------------------------

enum : uint8_t { kAOther = 0, kASpace, kAUpper, kALower, kADigit };

constexpr std::array<uint8_t, 128> MakeAsciiTable() {
  std::array<uint8_t, 128> t{};
  for (int c = 0; c < 128; ++c) {
    if (c == ' ' || (c >= 0x09 && c <= 0x0D)) t[c] = kASpace;
    else if (c >= 'A' && c <= 'Z') t[c] = kAUpper;
    else if (c >= 'a' && c <= 'z') t[c] = kALower;
    else if (c >= '0' && c <= '9') t[c] = kADigit;
  }
  return t;
}
constexpr std::array<uint8_t, 128> kAscii = MakeAsciiTable();

struct Cp {
  int32_t c;    // code point, or negative for an ill-formed byte sequence
  uint32_t len; // bytes
};

// The code point at text[i]; {-1, 0} at the end of the text.
inline Cp At(string_view t, size_t i) {
  if (i >= t.size()) return {-1, 0};
  const uint8_t b = static_cast<uint8_t>(t[i]);
  if (b < 0x80) return {b, 1};
  int32_t c;
  size_t j = i;
  U8_NEXT(t.data(), j, t.size(), c);
  return {c, static_cast<uint32_t>(j - i)};
}

inline bool IsSpace(int32_t c) {
  if (c < 0) return false;
  return c < 0x80 ? kAscii[c] == kASpace : u_isUWhiteSpace(c);
}
inline bool IsLetter(int32_t c) {
  if (c < 0) return false;
  if (c < 0x80) return kAscii[c] == kAUpper || kAscii[c] == kALower;
  return (U_GET_GC_MASK(c) & U_GC_L_MASK) != 0;
}
inline bool IsDigit(int32_t c) {  // any Unicode number (N*), so ½ and ² sit inside numbers
  if (c < 0) return false;
  if (c < 0x80) return kAscii[c] == kADigit;
  return (U_GET_GC_MASK(c) & U_GC_N_MASK) != 0;
}
inline bool IsAsciiDigit(int32_t c) { return c >= '0' && c <= '9'; }
// Letters, numbers and combining marks: what a word is made of.
inline bool IsWordChar(int32_t c) {
  if (c < 0) return false;
  if (c < 0x80) return kAscii[c] >= kAUpper;
  return (U_GET_GC_MASK(c) & (U_GC_L_MASK | U_GC_N_MASK | U_GC_M_MASK)) != 0;
}
inline bool IsMark(int32_t c) { return c >= 0x300 && (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0; }
inline bool IsUpper(int32_t c) {
  if (c < 0x80) return kAscii[c < 0 ? 0 : c] == kAUpper;
  return u_isupper(c);
}

// ---- word lists ---------------------------------------------------------------------------------

// Words that take an abbreviation period ("Mr." is one token). Compiled in so nothing is loaded at
// run time. Assembled by hand from the AP Stylebook's titles, months and company abbreviations plus
// the common Latin ones; case-sensitive, sorted for binary search. Deliberately absent: words that
// are also ordinary words at a sentence end ("Sat", "Sun", "no", "fig"...).
constexpr string_view kAbbreviations[] = {
    "Adm",   "Apr",   "Assn",  "Atty", "Aug",   "Ave",   "Blvd",  "Brig",  "Bros",   "Capt",
    "Cmdr",  "Co",    "Col",   "Corp", "Cpl",   "Dec",   "Dept",  "Det",   "Dr",     "Esq",
    "Feb",   "Fig",   "Fr",    "Fri",  "Ft",    "Gen",   "Gov",   "Hon",   "Inc",    "Insp",
    "Jan",   "Jr",    "Jul",   "Jun",  "Lieut", "Lt",    "Ltd",   "Maj",   "Mar",    "Messrs",
    "Mon",   "Mr",    "Mrs",   "Ms",   "Mt",    "Mx",    "No",    "Nos",   "Nov",    "Oct",
    "Plc",   "Pres",  "Prof",  "Pte",  "Rd",    "Rep",   "Rev",   "Sen",   "Sep",    "Sept",
    "Sgt",   "Sr",    "St",    "Supt", "Thu",   "Thur",  "Thurs", "Tue",   "Tues",   "Univ",
    "Vol",   "Wed",   "al",    "approx", "cf",  "etc",   "plc",   "v",     "vol",    "vs",
};

// Top-level domains accepted for bare domains ("news.sky.com"). Two-letter ones that are common
// English words (in, it, is, me, be, to, no, so, at...) are left out so "end.it" stays text.
constexpr string_view kTlds[] = {
    "ai",  "app", "au",  "biz", "ca",   "cn",  "co",  "com", "de",   "dev", "edu", "eu",
    "fm",  "fr",  "gov", "ie",  "info", "int", "io",  "jp",  "ly",   "mil", "net", "news",
    "nz",  "org", "ru",  "tv",  "ua",   "uk",  "us",  "za",
};

static_assert(std::is_sorted(std::begin(kAbbreviations), std::end(kAbbreviations)));
static_assert(std::is_sorted(std::begin(kTlds), std::end(kTlds)));

template <size_t N>
bool InSorted(const string_view (&list)[N], string_view w) {
  return std::binary_search(std::begin(list), std::end(list), w);
}

// ---- scanners -----------------------------------------------------------------------------------

struct Scan {
  size_t end;
  TokenKind kind;
  int case_flags = -1;  // kCapitalized|kAllCaps when the scanner counted them, else -1
};

inline bool StartsWithCi(string_view t, size_t i, string_view prefix) {
  if (t.size() - i < prefix.size()) return false;
  for (size_t k = 0; k < prefix.size(); ++k) {
    char a = t[i + k];
    if (a >= 'A' && a <= 'Z') a = static_cast<char>(a - 'A' + 'a');
    if (a != prefix[k]) return false;
  }
  return true;
}

// A URL runs to the next space or quote; trailing sentence punctuation and unbalanced closing
// brackets are given back ("(see bbc.co.uk/news)." -> bbc.co.uk/news).
size_t ScanUrl(string_view t, size_t i) {
  size_t q = i;
  int parens = 0, brackets = 0;
  while (q < t.size()) {
    const Cp c = At(t, q);
    if (c.c < 0 || IsSpace(c.c) || c.c == '"' || c.c == '<' || c.c == '>' || c.c == '`') break;
    if (c.c >= 0x80 && !IsWordChar(c.c)) break;  // “ ” ’ — … end it; non-ASCII letters do not
    if (c.c == '(') ++parens;
    if (c.c == ')') --parens;
    if (c.c == '[') ++brackets;
    if (c.c == ']') --brackets;
    q += c.len;
  }
  while (q > i) {
    const char last = t[q - 1];
    if (last == ')' && parens < 0) {
      ++parens;
    } else if (last == ']' && brackets < 0) {
      ++brackets;
    } else if (std::string_view(".,;:!?'*").find(last) == string_view::npos) {
      break;
    }
    --q;
  }
  return q;
}

inline bool IsEmailLocal(char c) {
  return (c >= 0 && kAscii[static_cast<uint8_t>(c)] >= kAUpper) || c == '.' || c == '_' ||
         c == '%' || c == '+' || c == '-';
}
inline bool IsAsciiAlnum(char c) { return c >= 0 && kAscii[static_cast<uint8_t>(c)] >= kAUpper; }

// "name@example.co.uk" from i, or 0. Cheap to reject: it stops at the first character that cannot
// be in a local part, which for ordinary words is where the word ends.
size_t ScanEmail(string_view t, size_t i) {
  size_t q = i;
  while (q < t.size() && IsEmailLocal(t[q])) ++q;
  if (q >= t.size() || t[q] != '@' || q == i) return 0;
  ++q;
  size_t end = 0;
  int labels = 0;
  while (q < t.size() && IsAsciiAlnum(t[q])) {
    while (q < t.size() && (IsAsciiAlnum(t[q]) || t[q] == '-')) ++q;
    ++labels;
    end = q;
    if (q + 1 < t.size() && t[q] == '.' && IsAsciiAlnum(t[q + 1])) ++q;
    else break;
  }
  return labels >= 2 ? end : 0;
}

// After a word [i, p) that stops at a '.', decides what the period belongs to:
//  - single letters joined by periods are one abbreviation with its final period (U.S. a.m. e.g.);
//  - labels ending in a known lower-case TLD are a domain (news.sky.com), maybe with a path;
//  - a known abbreviation or a single capital (an initial) takes the period (Mr. Jan. J.);
//  - otherwise the period is not part of the word.
// Returns the new end and sets *kind; `plain` is false when the word already has connectors.
size_t ScanAfterPeriod(string_view t, size_t i, size_t p, bool plain, TokenKind* kind) {
  // Walk the chain of labels: label ('.' label)*, each label word characters and inner hyphens.
  bool all_single_letters = true;
  int labels = 0;
  size_t label_begin = i, label_end = p, q = i;
  while (true) {
    // Measure the label starting at q. (For the first label this re-reads the word, which is
    // one run of word characters whenever `plain` holds.)
    size_t letters = 0, r = q;
    bool only_letter = true;
    while (r < t.size()) {
      const Cp c = At(t, r);
      if (IsWordChar(c.c)) {
        if (!IsMark(c.c)) ++letters;
        if (!IsLetter(c.c) && !IsMark(c.c)) only_letter = false;
        r += c.len;
      } else if (c.c == '-' && IsWordChar(At(t, r + 1).c)) {
        only_letter = false;
        r += 1;
      } else {
        break;
      }
    }
    if (labels == 0) r = p;  // the first label is the word already scanned
    ++labels;
    if (letters != 1 || !only_letter) all_single_letters = false;
    label_begin = q;
    label_end = r;
    if (r + 1 < t.size() && t[r] == '.' && IsWordChar(At(t, r + 1).c)) {
      q = r + 1;
    } else {
      break;
    }
  }
  if (labels >= 2 && all_single_letters && plain) {
    *kind = TokenKind::kWord;
    return (label_end < t.size() && t[label_end] == '.') ? label_end + 1 : label_end;
  }
  if (labels >= 2 && InSorted(kTlds, t.substr(label_begin, label_end - label_begin))) {
    *kind = TokenKind::kUrl;
    if (label_end < t.size() && (t[label_end] == '/' || t[label_end] == ':')) {
      return std::max(label_end, ScanUrl(t, i));
    }
    return label_end;
  }
  *kind = TokenKind::kWord;  // the caller decides number vs word for the un-extended token
  if (plain) {
    const string_view word = t.substr(i, p - i);
    const Cp first = At(t, i);
    const bool initial = first.len == p - i && IsUpper(first.c);
    if (initial || (word.size() <= 6 && InSorted(kAbbreviations, word))) return p + 1;
  }
  return p;
}

// A word or number starting at i (a word character).
Scan ScanWord(string_view t, size_t i) {
  const size_t n = t.size();
  size_t p = i;
  const bool starts_digit = IsDigit(At(t, i).c);
  size_t first_letter = string_view::npos;  // where the first letter is
  size_t last_connector = string_view::npos;
  bool last_digit = false, last_letter = false, last_upper = false;
  bool plain = true;  // no connectors yet
  bool letter_after_digit = false;  // the first letter directly follows a digit (90bn, not 5-like)
  // Case flags counted on the fly (the word scan is the hot loop; no second pass over words).
  uint32_t letters = 0, uppers = 0;
  bool first_upper = false, counted_all = true;
  while (true) {
    // The run of word characters.
    while (p < n) {
      const uint8_t b = static_cast<uint8_t>(t[p]);
      if (b < 0x80) {
        const uint8_t k = kAscii[b];
        if (k < kAUpper) break;
        if (k == kALower) {
          // A run of lower-case ASCII letters, most of news text: what the per-character steps
          // below would record, once for the run.
          size_t q = p + 1;
          while (q < n && static_cast<uint8_t>(t[q]) < 0x80 && kAscii[static_cast<uint8_t>(t[q])] == kALower) ++q;
          if (first_letter == string_view::npos) {
            first_letter = p;
            letter_after_digit = last_digit;
            first_upper = false;
          }
          letters += static_cast<uint32_t>(q - p);
          last_digit = false;
          last_letter = true;
          last_upper = false;
          p = q;
          continue;
        }
        const bool prev_digit = last_digit;
        last_digit = k == kADigit;
        last_letter = !last_digit;
        last_upper = k == kAUpper;
        if (last_letter) {
          if (first_letter == string_view::npos) {
            first_letter = p;
            letter_after_digit = prev_digit;
            first_upper = last_upper;
          }
          ++letters;
          uppers += last_upper;
        }
        ++p;
        continue;
      }
      const Cp c = At(t, p);
      if (!IsWordChar(c.c)) break;
      if (!IsMark(c.c)) {  // marks keep the class of the character they sit on
        const bool prev_digit = last_digit;
        last_digit = IsDigit(c.c);
        last_letter = !last_digit;
        last_upper = last_letter && u_isupper(c.c);
        if (last_letter) {
          if (first_letter == string_view::npos) {
            first_letter = p;
            letter_after_digit = prev_digit;
            first_upper = last_upper;
          }
          ++letters;
          uppers += last_upper;
        }
      }
      p += c.len;
    }
    if (p >= n) break;
    // A connector joins the run to the next one only between the right kinds of characters.
    const Cp c = At(t, p);
    const Cp next = At(t, p + c.len);
    const bool numeric = first_letter == string_view::npos;
    bool join = false;
    switch (c.c) {
      case '.':
        if (last_digit && numeric && IsDigit(next.c)) {
          join = true;  // 3.5
        } else {
          TokenKind kind;
          const size_t e = ScanAfterPeriod(t, i, p, plain, &kind);
          if (kind == TokenKind::kUrl) return {e, kind};
          if (e > p + 1 && e < n && t[e] == '-' && IsWordChar(At(t, e + 1).c)) {
            p = e + 1;  // U.S.-led: the abbreviation is the first part of a hyphenated word
            plain = false;
            counted_all = false;
            last_connector = e;
            continue;
          }
          if (e != p) {
            if (first_letter == string_view::npos) first_letter = i;
            return {e, TokenKind::kWord};
          }
        }
        break;
      case ',':  // 1,000 (exactly three digits follow)
        join = last_digit && numeric && p + 3 < n && IsAsciiDigit(t[p + 1]) &&
               IsAsciiDigit(t[p + 2]) && IsAsciiDigit(t[p + 3]) &&
               (p + 4 >= n || !IsAsciiDigit(t[p + 4]));
        break;
      case ':':  // 5:57
      case '/':  // 9/11
        join = last_digit && numeric && IsDigit(next.c);
        break;
      case '-': case 0x2010: case 0x2011:  // Kyiv-born, 2025-11-20
        join = IsWordChar(next.c);
        break;
      case '\'': case 0x2019: case 0x2018:  // don't, Trump’s (and the mistyped Trump‘s)
        join = (last_letter || last_digit) && IsLetter(next.c);
        break;
      case '&':  // AT&T, M&S
        join = last_upper && IsUpper(next.c);
        break;
      case '_':
        join = IsWordChar(next.c);
        break;
      default:
        break;
    }
    if (!join) break;
    plain = false;
    last_connector = p;
    last_digit = last_letter = last_upper = false;  // the next run starts afresh
    p += c.len;
  }
  // A number is digits with numeric connectors, optionally followed by one short run of letters
  // (90bn, 21st, 1990s, 5km): no letter before the last digit and no connector after the letters.
  TokenKind kind = TokenKind::kWord;
  if (starts_digit) {
    if (first_letter == string_view::npos) {
      kind = TokenKind::kNumber;
    } else if (letter_after_digit &&
               (last_connector == string_view::npos || last_connector < first_letter)) {
      size_t letters = 0;
      bool digit_after = false;
      for (size_t q = first_letter; q < p;) {
        const Cp c = At(t, q);
        if (IsDigit(c.c)) digit_after = true;
        if (IsLetter(c.c)) ++letters;
        q += c.len;
      }
      if (!digit_after && letters <= 5) kind = TokenKind::kNumber;
    }
  }
  int flags = -1;
  if (counted_all) {
    flags = (first_upper ? kCapitalized : 0) | (letters >= 2 && uppers == letters ? kAllCaps : 0);
  }
  return {p, kind, flags};
}

// Emoji: an Extended_Pictographic code point (or a pair of regional indicators, a flag) with its
// modifiers, variation selectors, keycap, tags and ZWJ-joined followers.
bool IsEmojiStart(string_view t, size_t i, const Cp& c) {
  if (c.c >= 0x1F1E6 && c.c <= 0x1F1FF) return true;  // regional indicator
  // General Punctuation (quotes, dashes) is the common non-ASCII case: only ‼ and ⁉ qualify there.
  if (c.c >= 0x2000 && c.c < 0x2070 && c.c != 0x203C && c.c != 0x2049) return false;
  if (c.c < 0xA9 || !u_hasBinaryProperty(c.c, UCHAR_EXTENDED_PICTOGRAPHIC)) return false;
  // © ® ™ ‼ ⁉ and friends are Extended_Pictographic but read as symbols unless forced to emoji.
  return c.c >= 0x2190 || At(t, i + c.len).c == 0xFE0F;
}

size_t ScanEmoji(string_view t, size_t i, const Cp& first) {
  size_t q = i + first.len;
  if (first.c >= 0x1F1E6 && first.c <= 0x1F1FF) {
    const Cp c = At(t, q);
    if (c.c >= 0x1F1E6 && c.c <= 0x1F1FF) q += c.len;
    return q;
  }
  while (q < t.size()) {
    const Cp c = At(t, q);
    if (c.c == 0xFE0F || c.c == 0xFE0E || c.c == 0x20E3 || (c.c >= 0x1F3FB && c.c <= 0x1F3FF) ||
        (c.c >= 0xE0020 && c.c <= 0xE007F) || IsMark(c.c)) {
      q += c.len;
    } else if (c.c == 0x200D && u_hasBinaryProperty(At(t, q + c.len).c,
                                                    UCHAR_EXTENDED_PICTOGRAPHIC)) {
      q += c.len + At(t, q + c.len).len;
    } else {
      break;
    }
  }
  return q;
}

TokenKind ClassifyOther(int32_t c) {
  if (c < 0) return TokenKind::kSymbol;
  if (c < 0x80) {
    switch (c) {
      case '"': case '\'': return TokenKind::kQuote;
      case '-': return TokenKind::kDash;
      case '$': case '%': case '&': case '+': case '<': case '=': case '>': case '/': case '*':
      case '#': case '@': case '\\': case '^': case '|': case '~': case '`':
        return TokenKind::kSymbol;
      default: return TokenKind::kPunct;
    }
  }
  if (c == 0x2026) return TokenKind::kEllipsis;
  if (c == 0x201A || c == 0x201E) return TokenKind::kQuote;  // low-9 quotes are "open" (Ps)
  switch (u_charType(c)) {
    case U_DASH_PUNCTUATION: return TokenKind::kDash;
    case U_INITIAL_PUNCTUATION: case U_FINAL_PUNCTUATION: return TokenKind::kQuote;
    case U_START_PUNCTUATION: case U_END_PUNCTUATION: case U_CONNECTOR_PUNCTUATION:
    case U_OTHER_PUNCTUATION:
      return TokenKind::kPunct;
    default: return TokenKind::kSymbol;
  }
}

// Any token that does not start with a word character.
Scan ScanOther(string_view t, size_t i, const Cp& c) {
  const size_t n = t.size();
  switch (c.c) {
    case '@':  // @POTUS
      if (i + 1 < n && (IsAsciiAlnum(t[i + 1]) || t[i + 1] == '_')) {
        size_t q = i + 1;
        while (q < n && (IsAsciiAlnum(t[q]) || t[q] == '_')) ++q;
        return {q, TokenKind::kHandle};
      }
      break;
    case '#': {  // #Ukraine (but "#1" is a symbol and a number)
      size_t q = i + 1;
      bool letter = false;
      while (q < n) {
        const Cp d = At(t, q);
        if (!IsWordChar(d.c) && d.c != '_') break;
        letter = letter || IsLetter(d.c);
        q += d.len;
      }
      if (letter) return {q, TokenKind::kHashtag};
      break;
    }
    case '.': {  // "..." (two or more periods) is an ellipsis
      size_t q = i;
      while (q < n && t[q] == '.') ++q;
      return {q, q - i >= 2 ? TokenKind::kEllipsis : TokenKind::kPunct};
    }
    case '!': case '?': {  // "?!" and "!!!" stay one token
      size_t q = i;
      while (q < n && (t[q] == '!' || t[q] == '?')) ++q;
      return {q, TokenKind::kPunct};
    }
    default:
      break;
  }
  if (IsEmojiStart(t, i, c)) return {ScanEmoji(t, i, c), TokenKind::kEmoji};
  const TokenKind kind = ClassifyOther(c.c);
  size_t q = i + (c.len == 0 ? 1 : c.len);
  if (kind == TokenKind::kDash) {  // "--" and "——" are one dash
    while (true) {
      const Cp d = At(t, q);
      if (d.c != c.c) break;
      q += d.len;
    }
  }
  while (q < n) {  // combining marks stay on their base
    const Cp d = At(t, q);
    if (!IsMark(d.c)) break;
    q += d.len;
  }
  return {q, kind};
}

// kCapitalized / kAllCaps from the letters of the token.
uint8_t CaseFlags(string_view t, size_t begin, size_t end) {
  uint32_t letters = 0, uppers = 0;
  bool first_upper = false;
  for (size_t q = begin; q < end;) {
    const uint8_t b = static_cast<uint8_t>(t[q]);
    int32_t c;
    if (b < 0x80) {
      c = b;
      ++q;
      if (kAscii[b] != kAUpper && kAscii[b] != kALower) continue;
    } else {
      const Cp cp = At(t, q);
      c = cp.c;
      q += cp.len;
      if (!IsLetter(c)) continue;
    }
    const bool upper = IsUpper(c);
    if (letters == 0) first_upper = upper;
    ++letters;
    uppers += upper;
  }
  uint8_t flags = 0;
  if (first_upper) flags |= kCapitalized;
  if (letters >= 2 && uppers == letters) flags |= kAllCaps;
  return flags;
}

}  // namespace

void Tokenize(string_view text, uint32_t base, std::vector<Token>* out) {
  const size_t n = text.size();
  size_t i = 0;
  bool space = true;  // the first token counts as preceded by space
  while (i < n) {
    const uint8_t b = static_cast<uint8_t>(text[i]);
    Cp c;
    if (b < 0x80) {
      if (kAscii[b] == kASpace) {
        space = true;
        ++i;
        continue;
      }
      c = {b, 1};
    } else {
      c = At(text, i);
      if (IsSpace(c.c)) {
        space = true;
        i += c.len;
        continue;
      }
    }
    Scan s;
    if (IsWordChar(c.c)) {
      if ((b == 'h' || b == 'H') && (StartsWithCi(text, i, "http://") ||
                                     StartsWithCi(text, i, "https://"))) {
        s = {ScanUrl(text, i), TokenKind::kUrl};
      } else if ((b == 'w' || b == 'W') && StartsWithCi(text, i, "www.")) {
        s = {ScanUrl(text, i), TokenKind::kUrl};
      } else {
        s = ScanWord(text, i);
        // Only a word that stops at a character of an e-mail local part can be one.
        if (b < 0x80 && s.end < n && (text[s.end] == '@' || IsEmailLocal(text[s.end]))) {
          if (const size_t e = ScanEmail(text, i); e > s.end) s = {e, TokenKind::kEmail};
        }
      }
    } else {
      s = ScanOther(text, i, c);
    }
    if (s.end <= i) s.end = i + (c.len == 0 ? 1 : c.len);  // never stall
    uint8_t flags = space ? kSpaceBefore : 0;
    if (s.kind != TokenKind::kPunct && s.kind != TokenKind::kQuote &&
        s.kind != TokenKind::kDash && s.kind != TokenKind::kEllipsis) {
      flags |= s.case_flags >= 0 ? s.case_flags : CaseFlags(text, i, s.end);
    }
    out->push_back(Token{Span{static_cast<uint32_t>(i) + base, static_cast<uint32_t>(s.end) + base},
                         s.kind, flags});
    i = s.end;
    space = false;
  }
}

}  // namespace dossier
