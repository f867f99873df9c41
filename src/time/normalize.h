// Normalisation: what a rule matched (its bound slots) plus the context (document creation time,
// the last mentioned date, the tense of the governing verb) becomes a TIMEX3 value.
//
// The actions, named in the rule file:
//   date    absolute or partly given calendar dates and times: years, months, days, weekdays,
//           quarters, halves, seasons, decades, centuries, parts of the day, clock times; what is
//           not given comes from the creation time, picked by tense ("met on Friday" is the Friday
//           before, "will meet on Friday" the one after)
//   shift   a calendar unit relative to the creation time or the reference ("last week" 2025-W46,
//           "the following year")
//   offset  a number of units before/after the creation time or the reference ("two years ago")
//   dur     a duration (P3Y, PT2H, PXD)
//   set     a recurring time (XXXX-WXX-1, P1M, XXXX-XX-XX)
//   ref     a fixed value (PRESENT_REF, PAST_REF, FUTURE_REF)
#ifndef DOSSIER_TIME_NORMALIZE_H_
#define DOSSIER_TIME_NORMALIZE_H_

#include <string>

#include "time/calendar.h"
#include "time/matcher.h"
#include "time/rules.h"

namespace dossier::time {

enum class Tense : uint8_t { kNone, kPast, kPresent, kFuture };

enum class Gran : uint8_t {
  kMillennium, kCentury, kDecade, kYear, kHalf, kQuarter, kSeason, kMonth, kWeek, kWeekend, kDay,
  kPod, kTime
};

// A calendar value at some granularity. Fields finer than `gran` are meaningless.
struct CalValue {
  Gran gran = Gran::kYear;
  bool year_known = true;
  int year = 0;      // ISO week-numbering year when gran is kWeek/kWeekend
  int month = 0;     // 1..12 (0: unknown, "XX")
  int day = 0;       // 1..31 (0: unknown)
  int week = 0;      // ISO week
  int quarter = 0;   // 1..4 (0: "QX")
  int half = 0;      // 1..2
  int prefix = 0;    // kDecade: year / 10 (199); kCentury: year / 100 (19); kMillennium: year / 1000
  int hour = -1, minute = -1;
  char season[3] = {0, 0, 0};  // SP SU FA WI
  char pod[3] = {0, 0, 0};     // MO AF EV NI
};
std::string FormatCal(const CalValue& v);

// A representative day of a value (its first day), for shifting from it.
CivilDate FirstDay(const CalValue& v);

struct NormContext {
  bool has_dct = false;
  CivilDate dct;
  bool has_ref = false;  // the last mentioned date
  CalValue ref;
  bool has_period = false;  // the last mentioned quarter or half (a company's reporting period)
  CalValue period;
  Tense tense = Tense::kNone;
};

struct Normalized {
  bool ok = false;
  TimexType type = TimexType::kDate;
  std::string value;
  std::string mod;
  bool update_ref = false;  // this value becomes the reference for what follows
  CalValue cal;             // when update_ref
};

Normalized Normalize(const RuleSet& rules, const Rule& rule, const Bindings& b, const NormContext& ctx);

}  // namespace dossier::time

#endif  // DOSSIER_TIME_NORMALIZE_H_
