#include "time/normalize.h"

#include <cmath>
#include <cstdio>
#include <cstring>
#include <algorithm>

namespace dossier::time {

namespace {

std::string Str(const RuleSet& rules, const Bindings& b, Slot s) {
  const SlotValue& v = b.slots[s];
  if (!v.set) return {};
  if (v.value >= 0) return rules.value(v.value).str;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v.num);
  return buf;
}

int QuarterOf(int month) { return (month - 1) / 3 + 1; }

// Seasons: spring 1 (Mar-May), summer 2 (Jun-Aug), fall 3 (Sep-Nov), winter 4 (Dec-Feb, named by
// the year of its December).
int SeasonIndex(const std::string& s) {
  if (s == "SP") return 1;
  if (s == "SU") return 2;
  if (s == "FA") return 3;
  if (s == "WI") return 4;
  return 0;
}
const char* SeasonName(int i) {
  static const char* kNames[] = {"", "SP", "SU", "FA", "WI"};
  return kNames[i >= 1 && i <= 4 ? i : 0];
}
// The season a date falls in, with the year it is named by.
void SeasonOfDate(CivilDate d, int* season, int* year) {
  *year = d.year;
  if (d.month >= 3 && d.month <= 5) *season = 1;
  else if (d.month >= 6 && d.month <= 8) *season = 2;
  else if (d.month >= 9 && d.month <= 11) *season = 3;
  else {
    *season = 4;
    if (d.month <= 2) *year = d.year - 1;
  }
}

CalValue DayValue(CivilDate d) {
  CalValue v;
  v.gran = Gran::kDay;
  v.year = d.year;
  v.month = d.month;
  v.day = d.day;
  return v;
}

CalValue WeekValue(CivilDate d, Gran g) {
  IsoWeek w = IsoWeekOf(d);
  CalValue v;
  v.gran = g;
  v.year = w.year;
  v.week = w.week;
  return v;
}

void SetStr(char* dst, const std::string& s) {
  dst[0] = s.size() > 0 ? s[0] : 0;
  dst[1] = s.size() > 1 ? s[1] : 0;
  dst[2] = 0;
}

// Most recent `weekday` on or before `d` (strictly before when `strict`), or on/after.
CivilDate WeekdayBefore(CivilDate d, int weekday, bool strict) {
  int delta = (IsoWeekday(d) - weekday + 7) % 7;
  if (delta == 0 && strict) delta = 7;
  return AddDays(d, -delta);
}
CivilDate WeekdayAfter(CivilDate d, int weekday, bool strict) {
  int delta = (weekday - IsoWeekday(d) + 7) % 7;
  if (delta == 0 && strict) delta = 7;
  return AddDays(d, delta);
}

// Shifts a value by n units of `unit`, returning a value at the unit's granularity.
CalValue ShiftBy(const CalValue& from, const std::string& unit, int n) {
  CivilDate d = FirstDay(from);
  CalValue v;
  if (unit == "Y") {
    v.gran = Gran::kYear;
    v.year = (from.gran == Gran::kWeek || from.gran == Gran::kWeekend ? d.year : from.year) + n;
  } else if (unit == "Q") {
    int q = from.gran == Gran::kQuarter ? from.quarter : QuarterOf(d.month);
    int y = from.gran == Gran::kQuarter ? from.year : d.year;
    int idx = y * 4 + (q - 1) + n;
    v.gran = Gran::kQuarter;
    v.year = idx >= 0 ? idx / 4 : (idx - 3) / 4;
    v.quarter = idx - v.year * 4 + 1;
  } else if (unit == "H") {
    int h = from.gran == Gran::kHalf ? from.half : (d.month <= 6 ? 1 : 2);
    int idx = from.year * 2 + (h - 1) + n;
    v.gran = Gran::kHalf;
    v.year = idx >= 0 ? idx / 2 : (idx - 1) / 2;
    v.half = idx - v.year * 2 + 1;
  } else if (unit == "M") {
    CivilDate m = AddMonths({d.year, d.month, 1}, n);
    v.gran = Gran::kMonth;
    v.year = m.year;
    v.month = m.month;
  } else if (unit == "W" || unit == "FN") {
    v = WeekValue(AddDays(d, 7LL * n * (unit == "FN" ? 2 : 1)), Gran::kWeek);
  } else if (unit == "WE") {
    v = WeekValue(AddDays(d, 7LL * n), Gran::kWeekend);
  } else if (unit == "D") {
    v = DayValue(AddDays(d, n));
  } else if (unit == "E") {
    v.gran = Gran::kDecade;
    v.prefix = (from.gran == Gran::kDecade ? from.prefix : d.year / 10) + n;
  } else if (unit == "C") {
    v.gran = Gran::kCentury;
    v.prefix = (from.gran == Gran::kCentury ? from.prefix : d.year / 100) + n;
  } else if (unit == "TH" || unit == "TM" || unit == "TS") {
    v = DayValue(d);  // no clock time known: the day
  } else {
    v = from;
  }
  return v;
}

// Granularity of a unit code.
Gran UnitGran(const std::string& unit) {
  if (unit == "Y") return Gran::kYear;
  if (unit == "Q") return Gran::kQuarter;
  if (unit == "M") return Gran::kMonth;
  if (unit == "W" || unit == "FN") return Gran::kWeek;
  if (unit == "WE") return Gran::kWeekend;
  if (unit == "D") return Gran::kDay;
  if (unit == "E") return Gran::kDecade;
  if (unit == "C") return Gran::kCentury;
  return Gran::kDay;
}

// Year for a month (and day) given without one: the occurrence nearest the creation time, where
// one on the wrong side of it for the tense ("met on Dec. 15" before, "will meet" after) counts
// as kWrongSideDays further away.
constexpr int64_t kWrongSideDays = 200;
int YearFor(int month, int day, CivilDate dct, Tense tense) {
  int best_year = dct.year;
  int64_t best = -1;
  const int64_t now = DaysFromCivil(dct);
  for (int y = dct.year - 1; y <= dct.year + 1; ++y) {
    int d = day ? std::min(day, DaysInMonth(y, month)) : 15;
    int64_t at = DaysFromCivil({y, month, d});
    if (!day && y == dct.year && month == dct.month) at = now;
    int64_t dist = at > now ? at - now : now - at;
    if (tense == Tense::kPast && at > now) dist += kWrongSideDays;
    if (tense == Tense::kFuture && at < now) dist += kWrongSideDays;
    if (best < 0 || dist < best) {
      best = dist;
      best_year = y;
    }
  }
  return best_year;
}

std::string DurationValue(double n, std::string unit, bool vague) {
  if (unit == "FN") {
    unit = "W";
    n *= 2;
  }
  bool time = unit.size() == 2 && unit[0] == 'T';
  std::string u = time ? unit.substr(1) : unit;
  if (vague) return std::string(time ? "PT" : "P") + "X" + u;
  // Fractions go down a unit: 1.5 years is P18M, 2.5 hours PT2H30M.
  if (std::fabs(n - std::round(n)) > 1e-9) {
    double whole = std::floor(n), frac = n - whole;
    auto part = [](double x) {
      char b[32];
      std::snprintf(b, sizeof b, "%lld", static_cast<long long>(std::llround(x)));
      return std::string(b);
    };
    if (unit == "Y") return whole > 0 && std::fabs(frac * 12 - std::round(frac * 12)) < 1e-6
                                ? "P" + part(whole) + "Y" + part(frac * 12) + "M"
                                : "P" + part(n * 12) + "M";
    if (unit == "M") return "P" + part(n * 30) + "D";
    if (unit == "W") return "P" + part(n * 7) + "D";
    if (unit == "D") return "PT" + part(n * 24) + "H";
    if (unit == "TH") return whole > 0 ? "PT" + part(whole) + "H" + part(frac * 60) + "M" : "PT" + part(n * 60) + "M";
    if (unit == "TM") return whole > 0 ? "PT" + part(whole) + "M" + part(frac * 60) + "S" : "PT" + part(n * 60) + "S";
    if (unit == "E") return "P" + part(n * 10) + "Y";
    if (unit == "C") return "P" + part(n * 100) + "Y";
  }
  char buf[48];
  long long k = std::llround(n);
  if (unit == "E" && k > 1) {
    std::snprintf(buf, sizeof buf, "P%lldY", k * 10);
    return buf;
  }
  std::snprintf(buf, sizeof buf, "%s%lld%s", time ? "PT" : "P", k, u.c_str());
  return buf;
}

std::string Two(int v) {
  char b[8];
  std::snprintf(b, sizeof b, "%02d", v);
  return b;
}

}  // namespace

CivilDate FirstDay(const CalValue& v) {
  switch (v.gran) {
    case Gran::kMillennium: return {v.prefix * 1000, 1, 1};
    case Gran::kCentury: return {v.prefix * 100, 1, 1};
    case Gran::kDecade: return {v.prefix * 10, 1, 1};
    case Gran::kYear: return {v.year, 1, 1};
    case Gran::kHalf: return {v.year, v.half == 2 ? 7 : 1, 1};
    case Gran::kQuarter: return {v.year, v.quarter ? (v.quarter - 1) * 3 + 1 : 1, 1};
    case Gran::kSeason: {
      int s = SeasonIndex(std::string(v.season));
      return {v.year, s == 1 ? 3 : s == 2 ? 6 : s == 3 ? 9 : 12, 1};
    }
    case Gran::kMonth: return {v.year, v.month ? v.month : 1, 1};
    case Gran::kWeek:
    case Gran::kWeekend: return MondayOfIsoWeek(v.year, v.week ? v.week : 1);
    default: return {v.year, v.month ? v.month : 1, v.day ? v.day : 1};
  }
}

std::string FormatCal(const CalValue& v) {
  char b[64];
  std::string y;
  if (v.year_known) {
    std::snprintf(b, sizeof b, "%04d", v.year < 0 ? 0 : v.year > 9999 ? 9999 : v.year);
    y = b;
  } else {
    y = "XXXX";
  }
  switch (v.gran) {
    case Gran::kMillennium: std::snprintf(b, sizeof b, "%d", v.prefix); return b;
    case Gran::kCentury: std::snprintf(b, sizeof b, "%02d", v.prefix); return b;
    case Gran::kDecade: std::snprintf(b, sizeof b, "%03d", v.prefix); return b;
    case Gran::kYear: return y;
    case Gran::kHalf: return y + "-H" + std::to_string(v.half);
    case Gran::kQuarter: return y + (v.quarter ? "-Q" + std::to_string(v.quarter) : std::string("-QX"));
    case Gran::kSeason: return y + "-" + v.season;
    case Gran::kMonth: return y + "-" + (v.month ? Two(v.month) : "XX");
    case Gran::kWeek: return y + "-W" + (v.week ? Two(v.week) : "XX");
    case Gran::kWeekend: return y + "-W" + (v.week ? Two(v.week) : "XX") + "-WE";
    case Gran::kDay: return y + "-" + (v.month ? Two(v.month) : "XX") + "-" + (v.day ? Two(v.day) : "XX");
    case Gran::kPod:
      return y + "-" + (v.month ? Two(v.month) : "XX") + "-" + (v.day ? Two(v.day) : "XX") + "T" + v.pod;
    case Gran::kTime: {
      std::string s = y + "-" + (v.month ? Two(v.month) : "XX") + "-" + (v.day ? Two(v.day) : "XX") + "T" + Two(v.hour);
      if (v.minute >= 0) s += ":" + Two(v.minute);
      return s;
    }
  }
  return y;
}

Normalized Normalize(const RuleSet& rules, const Rule& rule, const Bindings& bound, const NormContext& ctx) {
  Normalized out;
  out.type = rule.type;
  // Presets fill what the match did not bind.
  Bindings b = bound;
  for (const auto& [slot, vi] : rule.presets) {
    if (b.slots[slot].set) continue;
    b.slots[slot].set = true;
    b.slots[slot].value = vi;
    b.slots[slot].num = rules.value(vi).is_num ? rules.value(vi).num : 0;
  }
  out.mod = Str(rules, b, kSlotMod);
  const bool vague = b.Has(kSlotVague);
  const std::string unit = Str(rules, b, kSlotUnit);
  CalValue dct_day;
  dct_day = DayValue(ctx.dct);
  dct_day.year_known = ctx.has_dct;

  switch (rule.action) {
    case Action::kRef: {
      if (rule.value >= 0) out.value = rules.value(rule.value).str;
      else out.value = Str(rules, b, kSlotValue);
      out.ok = !out.value.empty();
      return out;
    }
    case Action::kSet: {
      if (b.Has(kSlotValue)) out.value = Str(rules, b, kSlotValue);
      else if (rule.value >= 0) out.value = rules.value(rule.value).str;
      else if (b.Has(kSlotWeekday)) {
        out.value = "XXXX-WXX-" + std::to_string(static_cast<int>(b.Num(kSlotWeekday)));
        if (b.Has(kSlotPod)) out.value += "T" + Str(rules, b, kSlotPod);
      } else if (b.Has(kSlotMonth)) {
        out.value = "XXXX-" + Two(static_cast<int>(b.Num(kSlotMonth)));
      } else if (!unit.empty()) {
        out.value = DurationValue(b.Num(kSlotNum, 1), unit, false);
      }
      out.ok = !out.value.empty();
      return out;
    }
    case Action::kDur: {
      if (unit.empty()) return out;
      double n = b.Num(kSlotNum, 1);
      if (b.Has(kSlotHalf)) n += 0.5;
      if (unit == "X") {
        out.value = "PXX";
      } else if (unit == "WE") {
        out.value = vague ? "PXWE" : "P" + std::to_string(static_cast<long long>(std::llround(n))) + "WE";
      } else {
        out.value = DurationValue(n, unit, vague);
      }
      out.ok = n > 0 || vague;
      return out;
    }
    case Action::kShift: {
      std::string u = unit.empty() ? "Y" : unit;
      if (u == "P") u = "Q";
      bool from_ref = b.Has(kSlotRDir) || rule.anchor_ref;
      int dir = static_cast<int>(from_ref ? b.Num(kSlotRDir, 0) : b.Num(kSlotDir, 0));
      CalValue anchor = from_ref && ctx.has_ref ? ctx.ref : dct_day;
      if (!ctx.has_dct && !(from_ref && ctx.has_ref)) {
        // No creation time: the unit with X's.
        CalValue v;
        v.year_known = false;
        v.gran = UnitGran(u);
        if (v.gran == Gran::kDay || v.gran == Gran::kQuarter || v.gran == Gran::kWeek || v.gran == Gran::kMonth ||
            v.gran == Gran::kYear || v.gran == Gran::kWeekend) {
          out.value = FormatCal(v);
          out.ok = true;
        }
        return out;
      }
      CalValue v;
      if (u == "WE") {
        CivilDate d = FirstDay(anchor);
        if (anchor.gran == Gran::kDay || anchor.gran == Gran::kPod || anchor.gran == Gran::kTime) d = {anchor.year, anchor.month, anchor.day};
        int wd = IsoWeekday(d);
        CivilDate sat;
        if (dir < 0) sat = wd >= 6 ? AddDays(d, 6 - wd - 7) : AddDays(d, -(wd + 1));  // the weekend before
        else if (dir > 0) sat = AddDays(d, 6 - wd + (wd >= 6 ? 7 : 0));
        else if (ctx.tense == Tense::kFuture) sat = AddDays(d, wd == 7 ? -1 : 6 - wd);
        else sat = wd >= 6 ? AddDays(d, 6 - wd) : AddDays(d, -(wd + 1));
        v = WeekValue(sat, Gran::kWeekend);
      } else {
        v = ShiftBy(anchor, u, dir);
      }
      out.value = FormatCal(v);
      out.ok = true;
      out.update_ref = !from_ref;
      out.cal = v;
      return out;
    }
    case Action::kOffset: {
      std::string u = unit.empty() ? "Y" : unit;
      int sign = rule.sign;
      if (vague) {
        out.value = sign < 0 ? "PAST_REF" : "FUTURE_REF";
        out.ok = true;
        return out;
      }
      double n = b.Num(kSlotNum, 1);
      if (n <= 0 || n > 100000) return out;
      bool use_ref = rule.anchor_ref && ctx.has_ref;
      if (!ctx.has_dct && !use_ref) {
        CalValue v;
        v.year_known = false;
        v.gran = UnitGran(u);
        out.value = FormatCal(v);
        out.ok = true;
        return out;
      }
      CalValue anchor = use_ref ? ctx.ref : dct_day;
      // "a year ago/earlier" after a quarter or a day keeps that granularity (the year-ago quarter).
      bool keep_gran = false;
      if (u == "Y" && n == 1 && !ctx.has_period && b.Has(kSlotPeriod) && ctx.has_dct) {
        // "the year-ago quarter" with no quarter mentioned: the latest quarter, a year before.
        anchor = ShiftBy(dct_day, "Q", -1);
        keep_gran = true;
      } else if (u == "Y" && n == 1 && (ctx.has_period || use_ref)) {
        anchor = ctx.has_period ? ctx.period : ctx.ref;
        keep_gran = anchor.gran != Gran::kWeek && anchor.gran != Gran::kWeekend && anchor.gran < Gran::kPod;
      }
      CalValue v;
      int k = static_cast<int>(std::llround(n)) * sign;
      if (keep_gran) {
        v = anchor;
        v.year += k;
        if (v.gran == Gran::kDay && !IsValidDate(v.year, v.month, v.day)) v.day = DaysInMonth(v.year, v.month);
      } else if (std::fabs(n - std::round(n)) > 1e-9) {
        // "a year and a half ago": in months.
        if (u == "Y") v = ShiftBy(anchor, "M", static_cast<int>(std::llround(n * 12)) * sign);
        else v = ShiftBy(anchor, u, k);
      } else {
        v = ShiftBy(anchor, u, k);
      }
      out.value = FormatCal(v);
      out.ok = true;
      out.update_ref = !rule.anchor_ref;
      out.cal = v;
      return out;
    }
    case Action::kNone:
    case Action::kAmount:
      return out;
    case Action::kDate:
      break;
  }

  // ---- date ----
  CalValue v;
  v.year_known = true;
  const bool has_year = b.Has(kSlotYear);
  if (b.Has(kSlotCentury)) {
    int c = static_cast<int>(b.Num(kSlotCentury));
    if (c < 1 || c > 30) return out;
    v.gran = Gran::kCentury;
    v.prefix = c - 1;
    out.value = FormatCal(v);
    out.ok = true;
    return out;
  }
  if (b.Has(kSlotDecade)) {
    int d = static_cast<int>(b.Num(kSlotDecade));
    if (d < 100) {
      int ref_year = ctx.has_dct ? ctx.dct.year : 2000;
      d = (2000 + d <= ref_year) ? 2000 + d : 1900 + d;
    }
    v.gran = Gran::kDecade;
    v.prefix = d / 10;
    out.value = FormatCal(v);
    out.ok = true;
    return out;
  }
  int year = 0;
  bool year_known = ctx.has_dct;
  if (has_year) {
    year = static_cast<int>(b.Num(kSlotYear));
    if (year < 100) {
      int ref_year = ctx.has_dct ? ctx.dct.year : 2000;
      year = (2000 + year <= ref_year + 10) ? 2000 + year : 1900 + year;
    }
    year_known = true;
  }
  const int dct_year = ctx.dct.year;
  const Tense tense = ctx.tense;
  bool update_ref = !rule.like_ref;

  if (b.Has(kSlotMonth)) {
    int month = static_cast<int>(b.Num(kSlotMonth));
    int day = b.Has(kSlotDay) ? static_cast<int>(b.Num(kSlotDay)) : 0;
    if (month < 1 || month > 12) return out;
    if (!has_year && ctx.has_dct) {
      if (b.Has(kSlotDir)) {
        int dir = static_cast<int>(b.Num(kSlotDir));
        bool with_year_word = unit == "Y";  // "@MONTH @DIR year" ("June last year")
        if (with_year_word || dir == 0) year = dct_year + dir;
        else if (dir < 0) year = month < ctx.dct.month ? dct_year : dct_year - 1;
        else year = month > ctx.dct.month ? dct_year : dct_year + 1;
      } else {
        year = YearFor(month, day, ctx.dct, tense);
      }
    }
    v.year = year;
    v.year_known = year_known;
    v.month = month;
    if (day) {
      if (year_known && !IsValidDate(year, month, day)) return out;
      if (!year_known && (day < 1 || day > 31)) return out;
      v.gran = Gran::kDay;
      v.day = day;
    } else {
      v.gran = Gran::kMonth;
    }
  } else if (b.Has(kSlotQuarter) || b.Has(kSlotHalf)) {
    bool q = b.Has(kSlotQuarter);
    int k = static_cast<int>(q ? b.Num(kSlotQuarter) : b.Num(kSlotHalf));
    if (k < 1 || k > (q ? 4 : 2)) return out;
    if (!has_year && ctx.has_dct) {
      if (b.Has(kSlotDir)) {
        year = dct_year + static_cast<int>(b.Num(kSlotDir));
      } else {
        // The nearest such quarter (half), by tense; with no tense the past one (results are
        // reported after the quarter).
        int mid_month = q ? (k - 1) * 3 + 2 : (k == 1 ? 4 : 10);
        year = YearFor(mid_month, 15, ctx.dct, tense == Tense::kNone || tense == Tense::kPresent ? Tense::kPast : tense);
      }
    }
    v.year = year;
    v.year_known = year_known;
    if (q) {
      v.gran = Gran::kQuarter;
      v.quarter = k;
    } else {
      v.gran = Gran::kHalf;
      v.half = k;
    }
  } else if (b.Has(kSlotSeason)) {
    std::string s = Str(rules, b, kSlotSeason);
    int si = SeasonIndex(s);
    if (!si) return out;
    if (!has_year && ctx.has_dct) {
      int cur_season, cur_year;
      SeasonOfDate(ctx.dct, &cur_season, &cur_year);
      int dir = static_cast<int>(b.Num(kSlotDir, 0));
      bool has_dir = b.Has(kSlotDir);
      if (has_dir && dir < 0) year = si < cur_season ? cur_year : cur_year - 1;   // the last one that ended
      else if (has_dir && dir > 0) year = si > cur_season ? cur_year : cur_year + 1;
      else if (has_dir) year = cur_year;
      else if (tense == Tense::kPast) year = si <= cur_season ? cur_year : cur_year - 1;
      else if (tense == Tense::kFuture) year = si >= cur_season ? cur_year : cur_year + 1;
      else year = cur_year;
    }
    v.gran = Gran::kSeason;
    v.year = year;
    v.year_known = year_known;
    SetStr(v.season, SeasonName(si));
  } else if (has_year) {
    v.gran = Gran::kYear;
    v.year = year;
    if (rule.like_ref && ctx.has_period) {
      v.gran = ctx.period.gran;
      v.quarter = ctx.period.quarter;
      v.half = ctx.period.half;
    }
  } else if (b.Has(kSlotWeekday)) {
    int wd = static_cast<int>(b.Num(kSlotWeekday));
    if (wd < 1 || wd > 7) return out;
    if (!ctx.has_dct && !(b.Has(kSlotRDir) && ctx.has_ref)) {
      out.value = "XXXX-WXX-" + std::to_string(wd);
      if (b.Has(kSlotPod)) out.value += "T" + Str(rules, b, kSlotPod);
      out.ok = true;
      return out;
    }
    CivilDate d;
    if (b.Has(kSlotRDir) && ctx.has_ref) {
      CivilDate r = FirstDay(ctx.ref);
      int rd = static_cast<int>(b.Num(kSlotRDir));
      d = rd > 0 ? WeekdayAfter(r, wd, true) : rd < 0 ? WeekdayBefore(r, wd, true) : WeekdayBefore(r, wd, false);
      update_ref = false;
    } else if (b.Has(kSlotDir)) {
      int dir = static_cast<int>(b.Num(kSlotDir));
      if (dir < 0) d = WeekdayBefore(ctx.dct, wd, true);
      else if (dir > 0) d = WeekdayAfter(ctx.dct, wd, true);
      else d = tense == Tense::kPast ? WeekdayBefore(ctx.dct, wd, false) : WeekdayAfter(ctx.dct, wd, false);
    } else {
      d = tense == Tense::kFuture ? WeekdayAfter(ctx.dct, wd, false) : WeekdayBefore(ctx.dct, wd, false);
    }
    v = DayValue(d);
  } else if (b.Has(kSlotDayOff)) {
    int off = static_cast<int>(b.Num(kSlotDayOff));
    if (ctx.has_dct) v = DayValue(AddDays(ctx.dct, off));
    else {
      v.gran = Gran::kDay;
      v.year_known = false;
    }
  } else if (rule.like_ref) {
    // "the quarter", "the year": the reference period, else the one the creation time points at.
    std::string u = unit.empty() ? "Y" : unit;
    update_ref = false;
    if (!ctx.has_dct && !ctx.has_ref && !ctx.has_period) return out;
    const CalValue& r = ctx.ref;
    if (u == "Q" || u == "P") {
      if (ctx.has_period && (u == "P" || ctx.period.gran == Gran::kQuarter)) v = ctx.period;
      else if (ctx.has_ref && (r.gran == Gran::kQuarter || (u == "P" && (r.gran == Gran::kHalf || r.gran == Gran::kYear)))) v = r;
      else if (ctx.has_ref && r.gran >= Gran::kMonth && r.gran != Gran::kSeason) v = ShiftBy(r, "Q", 0);
      else v = ShiftBy(dct_day, "Q", -1);
    } else if (ctx.has_ref && r.gran >= UnitGran(u) && r.gran != Gran::kSeason) {
      v = ShiftBy(r, u, 0);
    } else {
      v = ShiftBy(dct_day, u, 0);
    }
  } else if (b.Has(kSlotHour) || b.Has(kSlotPod)) {
    if (ctx.has_dct) v = DayValue(ctx.dct);
    else {
      v.gran = Gran::kDay;
      v.year_known = false;
    }
  } else {
    return out;
  }

  // Clock time or part of the day on top of a day.
  if (v.gran == Gran::kDay && (b.Has(kSlotHour) || b.Has(kSlotPod))) {
    if (b.Has(kSlotHour)) {
      int h = static_cast<int>(b.Num(kSlotHour));
      if (h < 0 || h > 24) return out;
      v.gran = Gran::kTime;
      v.hour = h;
      v.minute = b.Has(kSlotMinute) ? static_cast<int>(b.Num(kSlotMinute)) : 0;
      if (b.Has(kSlotMinute) && b.Num(kSlotMinute) == 0 && rule.type == TimexType::kTime && !b.Has(kSlotAmPm)) {
        // noon/midnight words bind no minute: keep hh:00 either way.
      }
    } else {
      v.gran = Gran::kPod;
      SetStr(v.pod, Str(rules, b, kSlotPod));
    }
  }
  if (v.gran == Gran::kDay && !v.year_known && v.month == 0) {
    out.value = "XXXX-XX-XX";
    out.ok = true;
    return out;
  }
  out.value = FormatCal(v);
  out.ok = true;
  out.update_ref = update_ref && v.year_known;
  out.cal = v;
  return out;
}

}  // namespace dossier::time
