#include "time/calendar.h"

namespace dossier::time {

// Howard Hinnant's days_from_civil / civil_from_days.
int64_t DaysFromCivil(CivilDate d) {
  int64_t y = d.year - (d.month <= 2 ? 1 : 0);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t mp = (d.month + 9) % 12;
  const int64_t doy = (153 * mp + 2) / 5 + d.day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t y = yoe + era * 400;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const int64_t m = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<int>(y + (m <= 2 ? 1 : 0)), static_cast<int>(m), static_cast<int>(d)};
}

static bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && IsLeap(year) ? 29 : kDays[month - 1];
}

bool IsValidDate(int year, int month, int day) {
  return month >= 1 && month <= 12 && day >= 1 && day <= DaysInMonth(year, month);
}

int IsoWeekday(CivilDate d) {
  int64_t z = DaysFromCivil(d);  // 1970-01-01 was a Thursday (4)
  int64_t w = (z + 3) % 7;       // Monday 0
  if (w < 0) w += 7;
  return static_cast<int>(w) + 1;
}

CivilDate AddDays(CivilDate d, int64_t n) { return CivilFromDays(DaysFromCivil(d) + n); }

CivilDate AddMonths(CivilDate d, int n) {
  int64_t m = static_cast<int64_t>(d.year) * 12 + (d.month - 1) + n;
  int64_t y = m >= 0 ? m / 12 : (m - 11) / 12;
  CivilDate r{static_cast<int>(y), static_cast<int>(m - y * 12) + 1, d.day};
  int dim = DaysInMonth(r.year, r.month);
  if (r.day > dim) r.day = dim;
  return r;
}

IsoWeek IsoWeekOf(CivilDate d) {
  // The week's Thursday decides the ISO year.
  CivilDate thursday = AddDays(d, 4 - IsoWeekday(d));
  int64_t jan1 = DaysFromCivil({thursday.year, 1, 1});
  int week = static_cast<int>((DaysFromCivil(thursday) - jan1) / 7) + 1;
  return {thursday.year, week};
}

CivilDate MondayOfIsoWeek(int iso_year, int week) {
  CivilDate jan4{iso_year, 1, 4};
  CivilDate monday1 = AddDays(jan4, 1 - IsoWeekday(jan4));
  return AddDays(monday1, static_cast<int64_t>(week - 1) * 7);
}

}  // namespace dossier::time
