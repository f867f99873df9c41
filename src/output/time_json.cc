#include "output/time_json.h"

#include <cmath>
#include <cstdio>

#include "dossier/time.h"

namespace dossier::json {

namespace {

void AppendNumber(double v, std::string* out) {
  char buf[40];
  if (!std::isfinite(v)) {
    out->append("null");
    return;
  }
  if (v == std::floor(v) && std::fabs(v) < 1e15) std::snprintf(buf, sizeof buf, "%.0f", v);
  else std::snprintf(buf, sizeof buf, "%.15g", v);
  out->append(buf);
}

}  // namespace

void WriteTimeSections(const Document& doc, Members& top) {
  std::string* out = nullptr;
  {
    out = top.Key("time_reference");
    Members o(out, '{', '}');
    if (doc.time_reference.value.empty()) o.Raw("value", "null");
    else o.Str("value", doc.time_reference.value);
    o.Str("evidence", doc.time_reference.evidence);
  }
  {
    out = top.Key("timexes");
    Members arr(out, '[', ']');
    for (const Timex& x : doc.timexes) {
      arr.Next();
      Members o(out, '{', '}');
      o.Str("text", doc.Text(x.span));
      o.Str("type", TimexTypeName(x.type));
      o.Str("value", x.value);
      if (!x.mod.empty()) o.Str("mod", x.mod);
      o.SourceRange(doc.SourceBegin(x.span), doc.SourceEnd(x.span));
      o.IndexOrNull("sentence", x.sentence);
    }
  }
  {
    out = top.Key("amounts");
    Members arr(out, '[', ']');
    for (const Amount& a : doc.amounts) {
      arr.Next();
      Members o(out, '{', '}');
      o.Str("text", doc.Text(a.span));
      o.Str("kind", AmountKindName(a.kind));
      AppendNumber(a.value, o.Key("value"));
      if (a.has_high) AppendNumber(a.high, o.Key(a.kind == AmountKind::kTally ? "against" : "high"));
      o.Str("unit", a.unit);
      o.Raw("approximate", a.approximate ? "true" : "false");
      if (!a.modifier.empty()) o.Str("modifier", a.modifier);
      o.SourceRange(doc.SourceBegin(a.span), doc.SourceEnd(a.span));
    }
  }
  std::vector<TimelineEvent> events = BuildTimeline(doc);
  {
    out = top.Key("timeline");
    Members tl(out, '{', '}');
    {
      out = tl.Key("events");
      Members arr(out, '[', ']');
      for (const TimelineEvent& e : events) {
        arr.Next();
        Members o(out, '{', '}');
        o.Str("date", e.date);
        o.Str("sort_key", e.sort_key);
        const Sentence& s = doc.sentences[e.sentence];
        o.Str("sentence", doc.Text(s.span));
        o.Uint("timex", e.timex);
        o.IndexOrNull("story", e.story);
        o.SourceRange(doc.SourceBegin(s.span), doc.SourceEnd(s.span));
        {
          out = o.Key("entities");
          Members ents(out, '[', ']');
          for (const std::string& name : e.entities) AppendJsonString(name, ents.Next());
        }
        out = o.Key("entity_ids");
        Members ids(out, '[', ']');
        for (uint32_t id : e.entity_ids) AppendUint(id, ids.Next());
      }
    }
    {
      // Each story's events (indices into `events`, already in date order) and its date.
      out = tl.Key("stories");
      Members arr(out, '[', ']');
      for (size_t si = 0; si < doc.stories.size(); ++si) {
        arr.Next();
        Members o(out, '{', '}');
        o.Uint("story", si);
        const std::string date = si < doc.time_reference.stories.size() ? doc.time_reference.stories[si] : "";
        if (date.empty()) o.Raw("reference_date", "null");
        else o.Str("reference_date", date);
        out = o.Key("events");
        Members idx(out, '[', ']');
        for (size_t k = 0; k < events.size(); ++k)
          if (events[k].story == static_cast<int32_t>(si)) AppendUint(k, idx.Next());
      }
    }
  }
}

}  // namespace dossier::json
