// The timeline: every sentence with a DATE or TIME expression that has a calendar value, ordered
// by the first day the value covers (then by part of day and clock time, then text order).
#include <algorithm>
#include <cstdio>
#include <cstring>

#include "dossier/time.h"
#include "time/calendar.h"

namespace dossier {

namespace {

bool Digits(std::string_view s, size_t at, size_t n, int* v) {
  if (at + n > s.size()) return false;
  int r = 0;
  for (size_t k = 0; k < n; ++k) {
    char c = s[at + k];
    if (c < '0' || c > '9') return false;
    r = r * 10 + (c - '0');
  }
  *v = r;
  return true;
}

// "YYYY-MM-DD" (+ "Thh:mm") of the first moment a TIMEX3 value covers; empty when the value has
// no known year (PRESENT_REF, XXXX-11-20, P3Y, 199).
std::string SortKey(std::string_view v) {
  int y = 0;
  if (!Digits(v, 0, 4, &y) || (v.size() > 4 && v[4] != '-' && v[4] != 'T')) return {};
  int m = 1, d = 1, k = 0;
  std::string_view rest = v.substr(4);
  std::string clock;
  if (rest.size() >= 3 && rest[0] == '-') {
    if (Digits(rest, 1, 2, &k)) {
      m = k;
      if (rest.size() >= 6 && rest[3] == '-' && Digits(rest, 4, 2, &k)) d = k;
    } else if (rest[1] == 'W' && Digits(rest, 2, 2, &k)) {
      time::CivilDate mon = time::MondayOfIsoWeek(y, k);
      if (rest.substr(4, 3) == "-WE") mon = time::AddDays(mon, 5);
      y = mon.year;
      m = mon.month;
      d = mon.day;
    } else if (rest[1] == 'Q' && Digits(rest, 2, 1, &k) && k >= 1 && k <= 4) {
      m = (k - 1) * 3 + 1;
    } else if (rest[1] == 'H' && Digits(rest, 2, 1, &k)) {
      m = k == 2 ? 7 : 1;
    } else if (rest.substr(1, 2) == "SP") {
      m = 3;
    } else if (rest.substr(1, 2) == "SU") {
      m = 6;
    } else if (rest.substr(1, 2) == "FA") {
      m = 9;
    } else if (rest.substr(1, 2) == "WI") {
      m = 12;
    } else if (rest.substr(1, 2) != "XX") {
      return {};
    }
  }
  if (size_t t = v.find('T'); t != std::string_view::npos) {
    std::string_view tp = v.substr(t + 1);
    static const std::pair<std::string_view, std::string_view> kPods[] = {
        {"MO", "08:00"}, {"MI", "12:00"}, {"AF", "14:00"}, {"EV", "19:00"}, {"NI", "22:00"}, {"DT", "12:00"}};
    for (const auto& [p, c] : kPods)
      if (tp.substr(0, 2) == p) clock = c;
    if (clock.empty() && tp.size() >= 2) clock = std::string(tp.substr(0, 5));
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return clock.empty() ? std::string(buf) : std::string(buf) + "T" + clock;
}

}  // namespace

std::vector<TimelineEvent> BuildTimeline(const Document& doc) {
  std::vector<TimelineEvent> events;
  // Every entity mention by position, to find the ones inside a sentence by binary search.
  std::vector<std::pair<Span, uint32_t>> mentions;  // (span, entity index)
  for (uint32_t e = 0; e < doc.entities.size(); ++e)
    for (const auto& m : doc.entities[e].mentions) mentions.push_back({m.span, e});
  std::sort(mentions.begin(), mentions.end(),
            [](const auto& a, const auto& b) { return a.first.begin < b.first.begin; });
  for (uint32_t i = 0; i < doc.timexes.size(); ++i) {
    const Timex& x = doc.timexes[i];
    if (x.type != TimexType::kDate && x.type != TimexType::kTime) continue;
    if (x.sentence < 0 || static_cast<size_t>(x.sentence) >= doc.sentences.size()) continue;
    std::string key = SortKey(x.value);
    if (key.empty()) continue;
    TimelineEvent e;
    e.date = x.value;
    e.sort_key = std::move(key);
    e.timex = i;
    e.sentence = static_cast<uint32_t>(x.sentence);
    const Sentence& s = doc.sentences[e.sentence];
    e.story = s.block < doc.blocks.size() ? doc.blocks[s.block].story : -1;
    // The entities mentioned in the sentence, in order of first mention there.
    auto it = std::lower_bound(mentions.begin(), mentions.end(), s.span.begin,
                               [](const auto& m, uint32_t pos) { return m.first.begin < pos; });
    for (; it != mentions.end() && it->first.begin < s.span.end; ++it) {
      if (it->first.end > s.span.end) continue;
      const uint32_t id = doc.entities[it->second].id;
      if (std::find(e.entity_ids.begin(), e.entity_ids.end(), id) != e.entity_ids.end()) continue;
      e.entity_ids.push_back(id);
      e.entities.push_back(doc.entities[it->second].name);
    }
    events.push_back(std::move(e));
  }
  std::stable_sort(events.begin(), events.end(),
                   [](const TimelineEvent& a, const TimelineEvent& b) { return a.sort_key < b.sort_key; });
  return events;
}

}  // namespace dossier
