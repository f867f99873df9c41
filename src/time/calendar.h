// Proleptic Gregorian calendar arithmetic for time normalisation: days since 1970-01-01 and back,
// weekdays (ISO: Monday 1 .. Sunday 7), ISO weeks, adding months and years with clamping.
#ifndef DOSSIER_TIME_CALENDAR_H_
#define DOSSIER_TIME_CALENDAR_H_

#include <cstdint>

namespace dossier::time {

struct CivilDate {
  int year = 0;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
  friend bool operator==(const CivilDate&, const CivilDate&) = default;
};

int64_t DaysFromCivil(CivilDate d);
CivilDate CivilFromDays(int64_t days);
int DaysInMonth(int year, int month);
bool IsValidDate(int year, int month, int day);
int IsoWeekday(CivilDate d);  // Monday 1 .. Sunday 7
CivilDate AddDays(CivilDate d, int64_t n);
CivilDate AddMonths(CivilDate d, int n);  // day clamped to the month's length

struct IsoWeek {
  int year = 0;  // the ISO week-numbering year
  int week = 1;  // 1..53
};
IsoWeek IsoWeekOf(CivilDate d);
CivilDate MondayOfIsoWeek(int iso_year, int week);

// Compare dates: negative, zero or positive.
inline int Compare(CivilDate a, CivilDate b) {
  if (a.year != b.year) return a.year < b.year ? -1 : 1;
  if (a.month != b.month) return a.month < b.month ? -1 : 1;
  if (a.day != b.day) return a.day < b.day ? -1 : 1;
  return 0;
}

}  // namespace dossier::time

#endif  // DOSSIER_TIME_CALENDAR_H_
