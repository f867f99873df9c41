#include "output/time_render.h"

#include <cmath>
#include <cstdio>

#include "dossier/time.h"

namespace dossier {

namespace {

std::string Number(double v) {
  char buf[40];
  if (v == std::floor(v) && std::fabs(v) < 1e15) std::snprintf(buf, sizeof buf, "%.0f", v);
  else std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

}  // namespace

void RenderTimeSections(const Document& doc, bool markdown, std::string* out) {
  if (doc.timexes.empty() && doc.amounts.empty()) return;
  auto heading = [&](const std::string& h) {
    out->append(markdown ? "\n## " : "\n-- ");
    out->append(h);
    out->append(markdown ? "\n\n" : "\n");
  };
  const char* item = markdown ? "- " : "  ";
  std::vector<TimelineEvent> events = BuildTimeline(doc);
  heading("Timeline" + (doc.time_reference.value.empty()
                            ? std::string(" (no publication date known)")
                            : " (dates resolved against " + doc.time_reference.value +
                                  (doc.time_reference.evidence.empty() ? "" : ", " + doc.time_reference.evidence) + ")"));
  for (size_t si = 0; si <= doc.stories.size(); ++si) {
    bool any = false;
    for (const TimelineEvent& e : events) {
      bool mine = si < doc.stories.size() ? e.story == static_cast<int32_t>(si) : e.story < 0;
      if (!mine) continue;
      if (!any) {
        std::string title = si < doc.stories.size() ? "Story " + std::to_string(si + 1) : "Outside the stories";
        if (si < doc.stories.size() && !doc.stories[si].title.empty()) title += ": " + doc.stories[si].title;
        if (si < doc.time_reference.stories.size() && !doc.time_reference.stories[si].empty() &&
            doc.time_reference.stories[si] != doc.time_reference.value)
          title += " (dated " + doc.time_reference.stories[si] + ")";
        out->append(markdown ? "**" : "  ");
        out->append(title);
        out->append(markdown ? "**\n\n" : "\n");
        any = true;
      }
      out->append(item);
      out->append(e.date);
      out->append(markdown ? " — " : "  ");
      out->append(doc.Text(doc.timexes[e.timex].span));
      out->append(": ");
      out->append(doc.Text(doc.sentences[e.sentence].span));
      if (!e.entities.empty()) {
        out->append(markdown ? " *(" : " (");
        for (size_t k = 0; k < e.entities.size(); ++k) out->append((k ? ", " : "") + e.entities[k]);
        out->append(markdown ? ")*" : ")");
      }
      out->push_back('\n');
    }
    if (any && markdown) out->push_back('\n');
  }
  heading("Time expressions");
  for (const Timex& x : doc.timexes) {
    out->append(item);
    out->append(doc.Text(x.span));
    out->append(" = ");
    out->append(TimexTypeName(x.type));
    out->push_back(' ');
    out->append(x.value);
    if (!x.mod.empty()) out->append(" (" + x.mod + ")");
    out->push_back('\n');
  }
  heading("Amounts");
  for (const Amount& a : doc.amounts) {
    out->append(item);
    out->append(doc.Text(a.span));
    out->append(" = ");
    out->append(AmountKindName(a.kind));
    out->push_back(' ');
    out->append(Number(a.value));
    if (a.has_high) out->append((a.kind == AmountKind::kTally ? " to " : "..") + Number(a.high));
    if (!a.unit.empty()) out->append(" " + a.unit);
    if (a.approximate) out->append(" (" + (a.modifier.empty() ? std::string("approximate") : a.modifier) + ")");
    out->push_back('\n');
  }
}

}  // namespace dossier
