#include "time/tokens.h"

namespace dossier::time {

namespace {

inline bool IsAsciiAlpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
inline bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }
inline bool IsSpace(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Length of the UTF-8 sequence at s[i] (1 for invalid bytes) and its code point.
inline size_t Utf8At(std::string_view s, size_t i, uint32_t* cp) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  if (n == 1 || i + n > s.size()) {
    *cp = 0xFFFD;
    return 1;
  }
  uint32_t v = c & (0xFF >> (n + 1));
  for (size_t k = 1; k < n; ++k) {
    unsigned char d = static_cast<unsigned char>(s[i + k]);
    if ((d & 0xC0) != 0x80) {
      *cp = 0xFFFD;
      return 1;
    }
    v = (v << 6) | (d & 0x3F);
  }
  *cp = v;
  return n;
}

// Non-ASCII code points that are not letters for our purposes.
inline bool IsSpaceCp(uint32_t cp) { return cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F || cp == 0x3000; }
inline bool IsPunctCp(uint32_t cp) {
  return (cp >= 0xA1 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 || (cp >= 0x2010 && cp <= 0x206F) ||
         (cp >= 0x20A0 && cp <= 0x20CF) || (cp >= 0x2190 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F) ||
         cp == 0xFFFD || cp >= 0x1F000;
}
inline bool IsApostrophe(std::string_view s, size_t i, size_t* len) {
  if (s[i] == '\'') {
    *len = 1;
    return true;
  }
  if (i + 2 < s.size() + 0 && s.compare(i, 3, "\xE2\x80\x99") == 0) {
    *len = 3;
    return true;
  }
  return false;
}
inline bool IsWordByte(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return IsAsciiAlpha(c);
  uint32_t cp;
  Utf8At(s, i, &cp);
  return !IsSpaceCp(cp) && !IsPunctCp(cp);
}

}  // namespace

std::string_view LowerKey(std::string_view word, char* buf, size_t cap) {
  size_t n = 0;
  for (size_t i = 0; i < word.size() && n < cap; ++i) {
    unsigned char c = static_cast<unsigned char>(word[i]);
    if (c == 0xE2 && i + 2 < word.size() && static_cast<unsigned char>(word[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(word[i + 2]) == 0x99 || static_cast<unsigned char>(word[i + 2]) == 0x98)) {
      buf[n++] = '\'';
      i += 2;
      continue;
    }
    buf[n++] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
  }
  return std::string_view(buf, n);
}

void TokenizeForTime(std::string_view text, uint32_t begin, uint32_t end, const RuleSet& rules,
                     std::vector<TToken>* out) {
  char buf[64];
  size_t i = begin;
  uint16_t pending = 0;  // flags for the next token
  bool prev_alnum_end = false;  // the previous token ended with a letter or digit at i
  auto lookup = [&](TToken& t) {
    if (t.end - t.begin > sizeof buf) return;
    std::string_view key = LowerKey(text.substr(t.begin, t.end - t.begin), buf, sizeof buf);
    t.lex = rules.FindHashed(key, RuleSet::HashWord(key));
  };
  while (i < end) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    uint32_t cp = c;
    size_t clen = 1;
    if (c >= 0x80) clen = Utf8At(text, i, &cp);
    if (IsSpace(c) || (c >= 0x80 && IsSpaceCp(cp))) {
      pending |= kTSpaceBefore;
      if (c == '\n') pending |= kTNewlineBefore;
      i += clen;
      prev_alnum_end = false;
      continue;
    }
    // A hyphen between two letters/digits joins them.
    if (c == '-' && prev_alnum_end && !(pending & kTSpaceBefore) && i + 1 < end &&
        (IsWordByte(text, i + 1) || IsDigit(static_cast<unsigned char>(text[i + 1])))) {
      pending |= kTHyphenBefore;
      ++i;
      continue;
    }
    TToken t;
    t.begin = static_cast<uint32_t>(i);
    t.flags = pending;
    if (!(pending & (kTSpaceBefore | kTHyphenBefore)) && !out->empty()) t.flags |= kTAttached;
    pending = 0;
    size_t apos_len = 0;
    if (IsDigit(c) || (IsApostrophe(text, i, &apos_len) && i + apos_len + 1 < end &&
                       IsDigit(static_cast<unsigned char>(text[i + apos_len])) &&
                       IsDigit(static_cast<unsigned char>(text[i + apos_len + 1])) &&
                       (i + apos_len + 2 >= end || !IsDigit(static_cast<unsigned char>(text[i + apos_len + 2]))) &&
                       (out->empty() || (t.flags & kTSpaceBefore)))) {
      // A number: 1,000  3.5  7:15  1/2  '98
      t.kind = TKind::kNumber;
      size_t j = i;
      if (!IsDigit(c)) {
        t.flags |= kTApostropheBefore;
        j += apos_len;
        t.begin = static_cast<uint32_t>(i);
      }
      double v = 0;
      int digits = 0;
      while (j < end && IsDigit(static_cast<unsigned char>(text[j]))) {
        v = v * 10 + (text[j] - '0');
        ++digits;
        ++j;
      }
      if (t.flags & kTApostropheBefore) t.aux = digits;
      // Thousands groups: ,ddd (exactly three digits each).
      while (j + 3 < end + 0 && text[j] == ',' && j + 3 <= end - 0 && IsDigit(static_cast<unsigned char>(text[j + 1])) &&
             IsDigit(static_cast<unsigned char>(text[j + 2])) && IsDigit(static_cast<unsigned char>(text[j + 3])) &&
             (j + 4 >= end || !IsDigit(static_cast<unsigned char>(text[j + 4])))) {
        v = v * 1000 + (text[j + 1] - '0') * 100 + (text[j + 2] - '0') * 10 + (text[j + 3] - '0');
        t.flags |= kTThousands;
        j += 4;
      }
      if (j + 1 < end && text[j] == '.' && IsDigit(static_cast<unsigned char>(text[j + 1])) &&
          !(t.flags & kTApostropheBefore)) {
        double scale = 0.1;
        ++j;
        while (j < end && IsDigit(static_cast<unsigned char>(text[j]))) {
          v += (text[j] - '0') * scale;
          scale /= 10;
          ++j;
        }
        t.flags |= kTDecimal;
      } else if (j + 2 < end && text[j] == ':' && IsDigit(static_cast<unsigned char>(text[j + 1])) &&
                 IsDigit(static_cast<unsigned char>(text[j + 2])) && !(t.flags & (kTThousands | kTApostropheBefore)) &&
                 (j + 3 >= end || !IsDigit(static_cast<unsigned char>(text[j + 3])))) {
        t.aux = (text[j + 1] - '0') * 10 + (text[j + 2] - '0');
        t.flags |= kTColon;
        j += 3;
      } else if (j + 1 < end && text[j] == '/' && IsDigit(static_cast<unsigned char>(text[j + 1])) &&
                 !(t.flags & (kTThousands | kTApostropheBefore))) {
        size_t k = j + 1;
        int den = 0;
        while (k < end && IsDigit(static_cast<unsigned char>(text[k])) && den < 100000) den = den * 10 + (text[k++] - '0');
        if (den > 0 && !(k < end && text[k] == '/')) {
          t.numer = static_cast<int32_t>(v);
          t.aux = den;
          v = v / den;
          t.flags |= kTSlash;
          j = k;
        }
      }
      t.num = v;
      t.digits = static_cast<uint8_t>(digits > 255 ? 255 : digits);
      t.end = static_cast<uint32_t>(j);
      out->push_back(t);
      i = j;
      prev_alnum_end = true;
      continue;
    }
    if (IsWordByte(text, i)) {
      // A word: letters; "U.S." and "p.m." keep their inner and final periods; "n't"/"'s" split.
      // Lower-cased into `buf` and hashed on the way, for the lexicon lookup.
      size_t j = i;
      size_t seg = 0;  // letters since the last period
      bool inner_period = false;
      size_t n = 0;
      uint32_t h = 2166136261u;
      int letters = 0, upper = 0;
      auto put = [&](unsigned char ch) {
        if (n < sizeof buf) buf[n] = static_cast<char>(ch);
        ++n;
        h = (h ^ ch) * 16777619u;
      };
      while (j < end) {
        unsigned char d = static_cast<unsigned char>(text[j]);
        if (d < 0x80) {
          if (IsAsciiAlpha(d)) {
            ++letters;
            if (d <= 'Z') ++upper;
            put(d | 0x20);
            ++j;
            ++seg;
            continue;
          }
          if (d == '.' && seg <= 2 && j + 1 < end && IsAsciiAlpha(static_cast<unsigned char>(text[j + 1])) &&
              (j + 2 >= end || !IsAsciiAlpha(static_cast<unsigned char>(text[j + 2])) || text[j + 2] == '.')) {
            inner_period = true;
            put('.');
            ++j;
            seg = 0;
            continue;
          }
          break;
        }
        if (!IsWordByte(text, j)) break;
        uint32_t dcp;
        size_t dl = Utf8At(text, j, &dcp);
        for (size_t k = 0; k < dl; ++k) put(static_cast<unsigned char>(text[j + k]));
        j += dl;
        ++seg;
      }
      const LexEntry* lex = nullptr;
      if (j < end && text[j] == '.') {
        if (inner_period) {
          put('.');
          ++j;
        } else if (n + 1 <= sizeof buf) {
          uint32_t h2 = (h ^ '.') * 16777619u;
          buf[n] = '.';
          if (const LexEntry* e = rules.FindHashed(std::string_view(buf, n + 1), h2); e && e->abbreviation) {
            ++j;
            ++n;
            h = h2;
            lex = e;
          }
        }
      }
      t.kind = TKind::kWord;
      t.end = static_cast<uint32_t>(j);
      unsigned char f = static_cast<unsigned char>(text[i]);
      if (f >= 'A' && f <= 'Z') t.flags |= kTCap;
      if (letters >= 2 && upper == letters) t.flags |= kTAllCaps;
      t.lex = lex ? lex : (n <= sizeof buf ? rules.FindHashed(std::string_view(buf, n), h) : nullptr);
      out->push_back(t);
      i = j;
      prev_alnum_end = text[j - 1] != '.';
      // An apostrophe suffix: 's, 't, 'll ... as its own attached token.
      size_t al = 0;
      if (i < end && IsApostrophe(text, i, &al) && i + al < end && IsAsciiAlpha(static_cast<unsigned char>(text[i + al]))) {
        size_t k = i + al;
        while (k < end && IsAsciiAlpha(static_cast<unsigned char>(text[k]))) ++k;
        if (k - (i + al) <= 3) {
          TToken s;
          s.begin = static_cast<uint32_t>(i);
          s.end = static_cast<uint32_t>(k);
          s.kind = TKind::kWord;
          s.flags = kTAttached;
          lookup(s);
          out->push_back(s);
          i = k;
          prev_alnum_end = true;
        }
      }
      continue;
    }
    // Anything else: one punctuation or symbol character (a whole UTF-8 sequence).
    t.kind = TKind::kPunct;
    t.end = static_cast<uint32_t>(i + clen);
    lookup(t);
    out->push_back(t);
    i += clen;
    prev_alnum_end = false;
  }
}

}  // namespace dossier::time
