// Dates: ISO 8601 normalisation of metadata values (kept as written: no time-zone conversion),
// dates in running text (English, German, French, Spanish, Italian, Portuguese and Dutch month
// names; numeric forms; CJK), dates in URL paths, and date/time phrases for byline cleanup.
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "html/metadata_internal.h"

namespace dossier::html::meta {
namespace {

struct DateParts {
  int year = 0, month = 0, day = 0;
  int hour = -1, minute = -1, second = -1;
  std::string fraction;  // ".096" as written
  std::string zone;      // "Z", "+01:00" or ""
};

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}
bool ValidDate(int y, int m, int d, int min_year = 1900) {
  return y >= min_year && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= DaysInMonth(y, m);
}

std::string Format(const DateParts& p) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", p.year, p.month, p.day);
  std::string out = buf;
  if (p.hour >= 0 && p.minute >= 0) {
    std::snprintf(buf, sizeof buf, "T%02d:%02d", p.hour, p.minute);
    out += buf;
    if (p.second >= 0) {
      std::snprintf(buf, sizeof buf, ":%02d", p.second);
      out += buf;
      out += p.fraction;
    }
    out += p.zone;
  }
  return out;
}

// Days since 1970-01-01 -> civil date (H. Hinnant's algorithm).
void CivilFromDays(int64_t z, int* y, int* m, int* d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  *d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  *m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  *y = static_cast<int>(yoe + era * 400 + (*m <= 2));
}

// ---- tokens -------------------------------------------------------------------------------------

enum class Kind : uint8_t { kNum, kWord, kPunct };
struct Token {
  Kind kind;
  std::string text;  // numbers as written, words case-folded, punctuation as written
  int value = 0;     // numbers (capped)
  size_t digits = 0; // numbers: length
};

std::vector<Token> Tokenize(std::string_view s, size_t max_tokens = 400) {
  std::vector<Token> tokens;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const auto n = static_cast<int32_t>(s.size());
  int32_t i = 0;
  while (i < n && tokens.size() < max_tokens) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0 || u_isspace(c) || c == 0xA0) continue;
    if (c >= '0' && c <= '9') {
      int32_t j = start;
      while (j < n && s[static_cast<size_t>(j)] >= '0' && s[static_cast<size_t>(j)] <= '9') ++j;
      Token t{Kind::kNum, std::string(s.substr(static_cast<size_t>(start), static_cast<size_t>(j - start)))};
      t.digits = t.text.size();
      for (char d : t.text) t.value = t.value > 100000000 ? t.value : t.value * 10 + (d - '0');
      tokens.push_back(std::move(t));
      i = j;
    } else if (u_isalpha(c)) {
      int32_t j = i;
      while (j < n) {
        int32_t k = j;
        UChar32 d;
        U8_NEXT(p, k, n, d);
        if (d < 0 || !u_isalpha(d) || (d >= '0' && d <= '9')) break;
        j = k;
      }
      tokens.push_back({Kind::kWord, Fold(s.substr(static_cast<size_t>(start), static_cast<size_t>(j - start)))});
      i = j;
    } else {
      tokens.push_back({Kind::kPunct, std::string(s.substr(static_cast<size_t>(start), static_cast<size_t>(i - start)))});
    }
  }
  return tokens;
}

struct MonthName {
  const char* name;
  int month;
};
// Case-folded month names and abbreviations (en, de, fr, es, it, pt, nl).
constexpr MonthName kMonths[] = {
    {"january", 1},   {"jan", 1},     {"januar", 1},    {"jänner", 1},   {"janvier", 1},  {"janv", 1},
    {"enero", 1},     {"ene", 1},     {"gennaio", 1},   {"gen", 1},      {"janeiro", 1},  {"januari", 1},
    {"february", 2},  {"feb", 2},     {"februar", 2},   {"février", 2},  {"fevrier", 2},  {"févr", 2},
    {"fevr", 2},      {"febrero", 2}, {"febbraio", 2},  {"fevereiro", 2}, {"fev", 2},     {"februari", 2},
    {"march", 3},     {"mar", 3},     {"märz", 3},      {"maerz", 3},    {"mär", 3},      {"mars", 3},
    {"marzo", 3},     {"março", 3},   {"marco", 3},     {"maart", 3},    {"mrt", 3},
    {"april", 4},     {"apr", 4},     {"avril", 4},     {"avr", 4},      {"abril", 4},    {"abr", 4},
    {"aprile", 4},    {"may", 5},     {"mai", 5},       {"mayo", 5},     {"maggio", 5},   {"mag", 5},
    {"maio", 5},      {"mei", 5},     {"june", 6},      {"jun", 6},      {"juni", 6},     {"juin", 6},
    {"junio", 6},     {"giugno", 6},  {"giu", 6},       {"junho", 6},    {"july", 7},     {"jul", 7},
    {"juli", 7},      {"juillet", 7}, {"juil", 7},      {"julio", 7},    {"luglio", 7},   {"lug", 7},
    {"julho", 7},     {"august", 8},  {"aug", 8},       {"août", 8},     {"aout", 8},     {"agosto", 8},
    {"ago", 8},       {"augustus", 8}, {"september", 9}, {"sep", 9},     {"sept", 9},     {"septembre", 9},
    {"septiembre", 9}, {"setiembre", 9}, {"settembre", 9}, {"set", 9},   {"setembro", 9}, {"october", 10},
    {"oct", 10},      {"oktober", 10}, {"okt", 10},     {"octobre", 10}, {"octubre", 10}, {"ottobre", 10},
    {"ott", 10},      {"outubro", 10}, {"november", 11}, {"nov", 11},    {"novembre", 11}, {"noviembre", 11},
    {"novembro", 11}, {"december", 12}, {"dec", 12},    {"dezember", 12}, {"dez", 12},    {"décembre", 12},
    {"decembre", 12}, {"déc", 12},    {"dic", 12},      {"diciembre", 12}, {"dicembre", 12}, {"dezembro", 12},
};

int MonthOf(const Token& t) {
  if (t.kind != Kind::kWord || t.text.size() < 3 || t.text.size() > 11) return 0;
  static const std::unordered_map<std::string_view, int> kByName = [] {
    std::unordered_map<std::string_view, int> m;
    for (const MonthName& name : kMonths) m.emplace(name.name, name.month);
    return m;
  }();
  const auto it = kByName.find(t.text);
  return it == kByName.end() ? 0 : it->second;
}

bool IsPunct(const std::vector<Token>& t, size_t i, std::string_view p) {
  return i < t.size() && t[i].kind == Kind::kPunct && t[i].text == p;
}
bool IsWord(const std::vector<Token>& t, size_t i, std::string_view w) {
  return i < t.size() && t[i].kind == Kind::kWord && t[i].text == w;
}
bool IsNum(const std::vector<Token>& t, size_t i, size_t min_digits, size_t max_digits) {
  return i < t.size() && t[i].kind == Kind::kNum && t[i].digits >= min_digits && t[i].digits <= max_digits;
}
// Skips an ordinal suffix ("11th", "1er", "1º") and a following '.'.
size_t SkipOrdinal(const std::vector<Token>& t, size_t i) {
  if (i < t.size() && t[i].kind == Kind::kWord &&
      (t[i].text == "st" || t[i].text == "nd" || t[i].text == "rd" || t[i].text == "th" || t[i].text == "er" ||
       t[i].text == "º" || t[i].text == "ª")) {
    ++i;
  }
  if (IsPunct(t, i, "º") || IsPunct(t, i, "°")) ++i;
  return i;
}

// A time right after a date: [,|at|um|à|-] hh:mm[:ss[.fff]] [am|pm] [zone]. Returns the index after it.
size_t ParseTime(const std::vector<Token>& t, size_t i, DateParts* p) {
  size_t k = i;
  if (IsPunct(t, k, ",") || IsPunct(t, k, "-") || IsPunct(t, k, "|") || IsWord(t, k, "at") || IsWord(t, k, "um") ||
      IsWord(t, k, "à") || IsWord(t, k, "a") || IsWord(t, k, "às") || IsWord(t, k, "t")) {
    ++k;
  }
  if (!IsNum(t, k, 1, 2) || !IsPunct(t, k + 1, ":") || !IsNum(t, k + 2, 2, 2)) return i;
  int hour = t[k].value, minute = t[k + 2].value, second = -1;
  std::string fraction;
  k += 3;
  if (IsPunct(t, k, ":") && IsNum(t, k + 1, 2, 2)) {
    second = t[k + 1].value;
    k += 2;
    if ((IsPunct(t, k, ".") || IsPunct(t, k, ",")) && IsNum(t, k + 1, 1, 9)) {
      fraction = "." + t[k + 1].text;
      k += 2;
    }
  }
  if (IsWord(t, k, "pm") || (IsWord(t, k, "p") && IsPunct(t, k + 1, "."))) {
    if (hour < 12) hour += 12;
    k += IsWord(t, k, "pm") ? 1 : 2;
  } else if (IsWord(t, k, "am") || (IsWord(t, k, "a") && IsPunct(t, k + 1, "."))) {
    if (hour == 12) hour = 0;
    k += IsWord(t, k, "am") ? 1 : 2;
  }
  if (IsPunct(t, k, ".") || (IsWord(t, k, "m") && IsPunct(t, k + 1, "."))) {
    // the rest of "p.m."
    while (k < t.size() && (IsPunct(t, k, ".") || IsWord(t, k, "m"))) ++k;
  }
  if (hour > 23 || minute > 59 || second > 59) return i;
  p->hour = hour;
  p->minute = minute;
  p->second = second;
  p->fraction = fraction;
  // Zone: Z, UTC/GMT[+hh[:mm]], +hh:mm, +hhmm.
  std::string zone;
  size_t z = k;
  bool utc_word = false;
  if (IsWord(t, z, "z") || IsWord(t, z, "utc") || IsWord(t, z, "gmt")) {
    utc_word = true;
    ++z;
  }
  if ((IsPunct(t, z, "+") || IsPunct(t, z, "-")) && IsNum(t, z + 1, 1, 4)) {
    int hh = 0, mm = 0;
    size_t end = z + 2;
    if (t[z + 1].digits == 4) {
      hh = t[z + 1].value / 100;
      mm = t[z + 1].value % 100;
    } else {
      hh = t[z + 1].value;
      if (IsPunct(t, end, ":") && IsNum(t, end + 1, 2, 2)) {
        mm = t[end + 1].value;
        end += 2;
      }
    }
    if (hh <= 14 && mm < 60) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "%c%02d:%02d", t[z].text[0], hh, mm);
      zone = (hh == 0 && mm == 0 && utc_word) ? "Z" : buf;
      k = end;
    }
  } else if (utc_word) {
    zone = "Z";
    k = z;
  }
  p->zone = zone;
  return k;
}

// A date starting at token i; on success fills `p` and returns the index after it (0 on failure).
size_t ParseDateAt(const std::vector<Token>& t, size_t i, bool month_first, int min_year, DateParts* p) {
  // 2019-03-12, 2019/03/12, 2019.03.12
  if (IsNum(t, i, 4, 4) && i + 4 < t.size() + 0 && IsNum(t, i + 2, 1, 2) && IsNum(t, i + 4, 1, 2) &&
      t[i + 1].kind == Kind::kPunct && t[i + 3].kind == Kind::kPunct && t[i + 1].text == t[i + 3].text &&
      (t[i + 1].text == "-" || t[i + 1].text == "/" || t[i + 1].text == ".")) {
    if (ValidDate(t[i].value, t[i + 2].value, t[i + 4].value, min_year)) {
      *p = {};
      p->year = t[i].value, p->month = t[i + 2].value, p->day = t[i + 4].value;
      return i + 5;
    }
  }
  // 2019年3月10日 / 2019년 3월 10일
  if (IsNum(t, i, 4, 4) && (IsWord(t, i + 1, "年") || IsWord(t, i + 1, "년")) && IsNum(t, i + 2, 1, 2) &&
      (IsWord(t, i + 3, "月") || IsWord(t, i + 3, "월")) && IsNum(t, i + 4, 1, 2)) {
    if (ValidDate(t[i].value, t[i + 2].value, t[i + 4].value, min_year)) {
      *p = {};
      p->year = t[i].value, p->month = t[i + 2].value, p->day = t[i + 4].value;
      return i + 5 + ((IsWord(t, i + 5, "日") || IsWord(t, i + 5, "일")) ? 1 : 0);
    }
  }
  // 12.03.2019, 12-03-2019, 03/12/2019
  if (IsNum(t, i, 1, 2) && IsNum(t, i + 2, 1, 2) && IsNum(t, i + 4, 4, 4) && t[i + 1].kind == Kind::kPunct &&
      t[i + 3].kind == Kind::kPunct && t[i + 1].text == t[i + 3].text &&
      (t[i + 1].text == "." || t[i + 1].text == "/" || t[i + 1].text == "-")) {
    int a = t[i].value, b = t[i + 2].value;
    const int y = t[i + 4].value;
    int day = a, month = b;
    if (t[i + 1].text == "/" && month_first) std::swap(day, month);
    if (!ValidDate(y, month, day, min_year)) std::swap(day, month);
    if (ValidDate(y, month, day, min_year)) {
      *p = {};
      p->year = y, p->month = month, p->day = day;
      return i + 5;
    }
  }
  // March 11, 2015 / Mar. 11 2015 / Mar 13 21:30:09 EST 2015 (ctime)
  if (const int m = MonthOf(i < t.size() ? t[i] : Token{Kind::kPunct, ""}); m) {
    size_t k = i + 1;
    if (IsPunct(t, k, ".")) ++k;
    if (IsNum(t, k, 1, 2)) {
      const int d = t[k].value;
      k = SkipOrdinal(t, k + 1);
      if (IsPunct(t, k, ",")) ++k;
      if (IsNum(t, k, 4, 4) && ValidDate(t[k].value, m, d, min_year)) {
        *p = {};
        p->year = t[k].value, p->month = m, p->day = d;
        return k + 1;
      }
      // ctime: Mar 13 21:30:09 EST 2015
      DateParts timed;
      size_t after = ParseTime(t, k, &timed);
      if (after != k) {
        if (after < t.size() && t[after].kind == Kind::kWord && t[after].text.size() <= 4) ++after;
        if (IsNum(t, after, 4, 4) && ValidDate(t[after].value, m, d, min_year)) {
          *p = timed;
          p->zone.clear();
          p->year = t[after].value, p->month = m, p->day = d;
          return after + 1;
        }
      }
    }
  }
  // 11 March 2015 / 11. März 2015 / 11 de marzo de 2015 / 11th March, 2015
  if (IsNum(t, i, 1, 2)) {
    const int d = t[i].value;
    size_t k = SkipOrdinal(t, i + 1);
    if (IsPunct(t, k, ".")) ++k;
    if (IsWord(t, k, "de") || IsWord(t, k, "of")) ++k;
    if (const int m = k < t.size() ? MonthOf(t[k]) : 0; m) {
      ++k;
      if (IsPunct(t, k, ".")) ++k;
      if (IsPunct(t, k, ",")) ++k;
      if (IsWord(t, k, "de") || IsWord(t, k, "del")) ++k;
      if (IsNum(t, k, 4, 4) && ValidDate(t[k].value, m, d, min_year)) {
        *p = {};
        p->year = t[k].value, p->month = m, p->day = d;
        return k + 1;
      }
    }
  }
  return 0;
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int ToInt(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

// The pieces of a byline between line breaks and bars ("By Jane Doe | Updated March 3, 2020").
std::vector<std::string_view> BylinePieces(std::string_view text) {
  std::vector<std::string_view> pieces;
  size_t i = 0;
  while (i <= text.size()) {
    size_t j = text.find_first_of("\n|", i);
    if (j == std::string_view::npos) j = text.size();
    if (j > i) pieces.push_back(text.substr(i, j - i));
    i = j + 1;
  }
  return pieces;
}

bool SaysUpdatedDate(std::string_view folded) {
  for (std::string_view w : {"updat", "aktualisiert", "modifi", "geändert", "mis à jour", "actualizado", "aggiornato"}) {
    if (folded.find(w) != std::string_view::npos) return true;
  }
  return false;
}

}  // namespace

std::string NormalizeDate(std::string_view value) {
  const std::string v = CollapseWhitespace(value);
  if (v.empty() || v.size() > 200) return {};
  DateParts p;
  if (AllDigits(v)) {
    // Compact forms: 20160729, 201607291642, 20160729164234; Unix time in seconds or milliseconds.
    if (v.size() == 8 || v.size() == 12 || v.size() == 14) {
      p.year = ToInt(v.substr(0, 4)), p.month = ToInt(v.substr(4, 2)), p.day = ToInt(v.substr(6, 2));
      if (!ValidDate(p.year, p.month, p.day)) return {};
      if (v.size() >= 12) {
        p.hour = ToInt(v.substr(8, 2)), p.minute = ToInt(v.substr(10, 2));
        if (v.size() == 14) p.second = ToInt(v.substr(12, 2));
        if (p.hour > 23 || p.minute > 59 || p.second > 59) p.hour = p.minute = p.second = -1;
      }
      return Format(p);
    }
    if (v.size() == 10 || v.size() == 13) {
      const int64_t seconds = std::stoll(v.substr(0, 10));
      int y, m, d;
      CivilFromDays(seconds / 86400, &y, &m, &d);
      if (y < 1995 || y > 2100) return {};
      p.year = y, p.month = m, p.day = d;
      p.hour = static_cast<int>(seconds % 86400 / 3600), p.minute = static_cast<int>(seconds % 3600 / 60);
      p.second = static_cast<int>(seconds % 60);
      p.zone = "Z";
      return Format(p);
    }
    return {};
  }
  const std::vector<Token> t = Tokenize(v, 200);
  // ISO 8601 and its relatives at the start: date, then a time after 'T' or a space.
  if (const size_t end = ParseDateAt(t, 0, true, 1900, &p); end && t[0].digits == 4) {
    ParseTime(t, end, &p);
    return Format(p);
  }
  // Anything else: the first date written in the value (RFC 822, ctime, "March 11, 2015 3:46 PM").
  for (size_t i = 0; i < t.size(); ++i) {
    if (const size_t end = ParseDateAt(t, i, true, 1900, &p)) {
      if (p.hour < 0) ParseTime(t, end, &p);
      return Format(p);
    }
  }
  return {};
}

std::string FindDateInText(std::string_view text, bool month_first) {
  const std::vector<Token> t = Tokenize(text);
  DateParts p;
  for (size_t i = 0; i < t.size(); ++i) {
    if (ParseDateAt(t, i, month_first, 1990, &p)) {
      p.hour = p.minute = p.second = -1;
      return Format(p);
    }
  }
  return {};
}

std::string DateFromUrl(std::string_view url) {
  const std::string_view path = PathOf(url);
  if (path.empty()) return {};
  std::vector<std::string_view> segments;
  size_t i = 0;
  while (i <= path.size()) {
    size_t j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    if (j > i) segments.push_back(path.substr(i, j - i));
    i = j + 1;
  }
  DateParts p;
  // /2019/03/12/ and /2019/jan/03/
  for (size_t k = 0; k + 2 < segments.size(); ++k) {
    if (segments[k].size() != 4 || !AllDigits(segments[k])) continue;
    const int y = ToInt(segments[k]);
    int m = 0;
    if (segments[k + 1].size() <= 2 && AllDigits(segments[k + 1])) {
      m = ToInt(segments[k + 1]);
    } else {
      const std::vector<Token> word = Tokenize(segments[k + 1], 3);
      if (word.size() == 1) m = MonthOf(word[0]);
    }
    if (!m || segments[k + 2].size() > 2 || !AllDigits(segments[k + 2])) continue;
    const int d = ToInt(segments[k + 2]);
    if (ValidDate(y, m, d, 1990)) {
      p.year = y, p.month = m, p.day = d;
      return Format(p);
    }
  }
  // 2019-03-12 / 2019_03_12 / 20190312 inside a segment, bounded by non-digits.
  for (std::string_view seg : segments) {
    for (size_t k = 0; k < seg.size(); ++k) {
      if (k > 0 && seg[k - 1] >= '0' && seg[k - 1] <= '9') continue;
      size_t run = 0;
      while (k + run < seg.size() && seg[k + run] >= '0' && seg[k + run] <= '9') ++run;
      if (run == 4 && k + 10 <= seg.size() && (seg[k + 4] == '-' || seg[k + 4] == '_') && seg[k + 7] == seg[k + 4] &&
          AllDigits(seg.substr(k + 5, 2)) && AllDigits(seg.substr(k + 8, 2)) &&
          (k + 10 == seg.size() || seg[k + 10] < '0' || seg[k + 10] > '9')) {
        const int y = ToInt(seg.substr(k, 4)), m = ToInt(seg.substr(k + 5, 2)), d = ToInt(seg.substr(k + 8, 2));
        if (ValidDate(y, m, d, 1990)) {
          p.year = y, p.month = m, p.day = d;
          return Format(p);
        }
      }
      if (run == 8) {
        // 20190312, else 12032019 (day first, as in many European URLs).
        int y = ToInt(seg.substr(k, 4)), m = ToInt(seg.substr(k + 4, 2)), d = ToInt(seg.substr(k + 6, 2));
        if (!ValidDate(y, m, d, 1990)) {
          d = ToInt(seg.substr(k, 2)), m = ToInt(seg.substr(k + 2, 2)), y = ToInt(seg.substr(k + 4, 4));
        }
        if (ValidDate(y, m, d, 1990)) {
          p.year = y, p.month = m, p.day = d;
          return Format(p);
        }
      }
      // 12-03-2019 / 12_03_2019 / 12.03.2019
      if (run == 2 && k + 10 <= seg.size() && (seg[k + 2] == '-' || seg[k + 2] == '_' || seg[k + 2] == '.') &&
          seg[k + 5] == seg[k + 2] && AllDigits(seg.substr(k + 3, 2)) && AllDigits(seg.substr(k + 6, 4)) &&
          (k + 10 == seg.size() || seg[k + 10] < '0' || seg[k + 10] > '9')) {
        const int d = ToInt(seg.substr(k, 2)), m = ToInt(seg.substr(k + 3, 2)), y = ToInt(seg.substr(k + 6, 4));
        if (ValidDate(y, m, d, 1990)) {
          p.year = y, p.month = m, p.day = d;
          return Format(p);
        }
      }
      k += run;
    }
  }
  return {};
}

bool IsDateOrTimePhrase(std::string_view text) {
  static constexpr std::string_view kDateWords[] = {
      "updated", "update", "published", "publish", "posted", "last", "modified", "on", "at", "am", "pm",
      "a", "p", "m", "ago", "hour", "hours", "hr", "hrs", "minute", "minutes", "min", "mins", "second",
      "seconds", "sec", "day", "days", "week", "weeks", "month", "months", "year", "years", "yesterday",
      "today", "read", "reading", "time", "est", "edt", "pst", "pdt", "cst", "cdt", "mst", "mdt", "cet",
      "cest", "bst", "gmt", "utc", "et", "pt", "ct", "mt", "ist", "aest", "aedt", "z", "de", "del", "um",
      "uhr", "le", "el", "à", "às", "aktualisiert", "veröffentlicht", "stand", "lesezeit", "publié",
      "mis", "jour", "publicado", "actualizado", "pubblicato", "aggiornato", "gepubliceerd", "and", "th",
      "st", "nd", "rd", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
      "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "date", "created", "now",
      "just", "an", "one", "two", "few", "von", "vor", "il", "the", "of", "by"};
  const std::vector<Token> t = Tokenize(text);
  bool any_date = false;
  for (const Token& tok : t) {
    if (tok.kind == Kind::kPunct) continue;
    if (tok.kind == Kind::kNum) {
      any_date = true;
      continue;
    }
    if (MonthOf(tok)) {
      any_date = true;
      continue;
    }
    bool known = false;
    for (std::string_view w : kDateWords) {
      if (tok.text == w) {
        known = true;
        break;
      }
    }
    if (!known) return false;
    if (tok.text == "ago" || tok.text == "yesterday" || tok.text == "today" || tok.text == "updated" ||
        tok.text == "published" || tok.text == "posted" || tok.text == "read") {
      any_date = true;
    }
  }
  return any_date;
}

void ChooseDates(const PageSources& sources, const JsonLd& jsonld, std::string_view url,
                 std::string_view language, PageMetadata* md) {
  auto set = [](MetaValue* field, std::string_view raw, const char* evidence) {
    if (field->known() || raw.empty()) return;
    std::string iso = NormalizeDate(raw);
    if (!iso.empty()) *field = {std::move(iso), evidence};
  };
  const std::string lang = AsciiLower(language);
  const bool month_first = lang.empty() || lang == "en" || StartsWith(lang, "en-us");

  // ---- published
  MetaValue& published = md->published;
  set(&published, jsonld.date_published, "json-ld");
  for (std::string_view key :
       {"article:published_time", "og:article:published_time", "article:published", "published_time",
        "og:published_time", "datepublished", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date",
        "dcterms.created", "dc.date.created", "citation_publication_date", "citation_date",
        "citation_online_date", "parsely-pub-date", "pubdate", "publishdate", "publish-date", "publish_date",
        "publication_date", "date", "displaydate", "ptime", "pdate", "article.published",
        "article_date_original", "original-publish-date", "cxenseparse:recs:publishtime",
        "rnews:datepublished", "bt:pubdate", "article:publicationdate", "datecreated", "release_date"}) {
    if (published.known()) break;
    if (const std::string* v = FindMeta(sources, {key})) set(&published, *v, "meta");
    if (published.known() && (StartsWith(key, "article:") || StartsWith(key, "og:"))) published.evidence = "opengraph";
  }
  // Other meta names that say "published" (shareaholic:article_published_time, sw-pubdate, ...).
  for (const MetaEntry& m : sources.metas) {
    if (published.known()) break;
    const std::string& k = m.key;
    const bool publish = k.find("publish") != std::string::npos || k.find("pubdate") != std::string::npos ||
                         k.find("datecreated") != std::string::npos;
    const bool other = k.find("modif") != std::string::npos || k.find("updat") != std::string::npos ||
                       k.find("expir") != std::string::npos || k.find("end") != std::string::npos ||
                       k.find("publisher") != std::string::npos;
    if (publish && !other) set(&published, m.value, "meta");
  }
  set(&published, jsonld.date_created, "json-ld");
  set(&published, jsonld.page_date_published, "json-ld");
  // Dates on the page: machine-readable ones in the article first; then, after the URL, dates written
  // as text, the nearest to the headline first.
  std::vector<const DomDate*> dom_dates;
  for (const DomDate& d : sources.published_dates) dom_dates.push_back(&d);
  const int64_t h1 = sources.h1_position;
  auto distance = [h1](const DomDate* d) {
    const int64_t delta = static_cast<int64_t>(d->position) - h1;
    return h1 == 0 ? static_cast<int64_t>(d->position) : (delta < 0 ? -delta * 2 : delta);  // before h1 counts double
  };
  std::stable_sort(dom_dates.begin(), dom_dates.end(), [&](const DomDate* a, const DomDate* b) {
    if (a->rank != b->rank) return a->rank > b->rank;
    return a->rank < 3 && distance(a) < distance(b);
  });
  for (const DomDate* d : dom_dates) {
    if (d->rank >= 3) set(&published, d->value, d->evidence);
  }
  if (!published.known() && !url.empty()) {
    std::string from_url = DateFromUrl(url);
    if (!from_url.empty()) published = {std::move(from_url), "url"};
  }
  for (const DomDate* d : dom_dates) {
    if (published.known()) break;
    if (d->rank >= 3) continue;
    std::string found = FindDateInText(d->value, month_first);
    if (std::string iso = NormalizeDate(d->value); !iso.empty() && (found.empty() || StartsWith(iso, found))) {
      found = iso;
    }
    if (!found.empty()) published = {std::move(found), d->evidence};
  }
  // A date in the byline ("By Jane Doe | March 3, 2020"); one after "Updated" is the modified date.
  for (const std::string& text : sources.byline_texts) {
    for (std::string_view piece : BylinePieces(text)) {
      std::string found = FindDateInText(piece, month_first);
      if (found.empty()) continue;
      const bool updated = SaysUpdatedDate(Fold(piece));
      MetaValue& field = updated ? md->modified : published;
      if (!field.known()) field = {std::move(found), "byline"};
    }
    if (published.known()) break;
  }
  if (const std::string* v = FindMeta(sources, {"sailthru.date"})) set(&published, *v, "meta");

  // ---- modified
  MetaValue& modified = md->modified;
  set(&modified, jsonld.date_modified, "json-ld");
  for (std::string_view key : {"article:modified_time", "og:updated_time", "og:article:modified_time",
                               "article:modified", "modified_time", "datemodified", "dcterms.modified",
                               "dc.date.modified", "last-modified", "lastmod", "utime", "revised"}) {
    if (modified.known()) break;
    if (const std::string* v = FindMeta(sources, {key})) {
      set(&modified, *v, (StartsWith(key, "article:") || StartsWith(key, "og:")) ? "opengraph" : "meta");
    }
  }
  set(&modified, jsonld.page_date_modified, "json-ld");
  for (const std::string& v : sources.modified_dates) set(&modified, v, "microdata");
}

}  // namespace dossier::html::meta
