#include "output/quotes_json.h"

namespace dossier {

namespace {

// The content as one string: a split quote's two parts joined by a space.
std::string ContentText(const Document& doc, const Quote& q) {
  std::string s(doc.Text(q.content));
  if (!q.content2.empty()) {
    s.push_back(' ');
    s.append(doc.Text(q.content2));
  }
  return s;
}

std::string SpeakerLabel(const Document& doc, const Quote& q) {
  if (!q.speaker_name.empty()) return q.speaker_name;
  if (!q.speaker.empty()) return std::string(doc.Text(q.speaker)) + " (unresolved)";
  return "(unknown)";
}

}  // namespace

namespace json {

void WriteQuotes(const Document& doc, Members& top) {
  Members arr(top.Key("quotes"), '[', ']');
  for (const Quote& q : doc.quotes) {
    std::string* out = arr.Next();
    Members o(out, '{', '}');
    o.Str("text", ContentText(doc, q));
    o.Str("type", QuoteTypeName(q.type));
    if (q.speaker.empty()) {
      o.Raw("speaker", "null");
    } else {
      Members sp(o.Key("speaker"), '{', '}');
      sp.Str("text", doc.Text(q.speaker));
      sp.IndexOrNull("entity", q.entity);
      if (q.speaker_name.empty()) sp.Raw("name", "null");
      else sp.Str("name", q.speaker_name);
      sp.SourceRange(doc.SourceBegin(q.speaker), doc.SourceEnd(q.speaker));
      // The quotation has no speaker of its own: it continues the turn of this earlier mention.
      if (q.inherited) sp.Raw("inherited", "true");
    }
    if (q.cue.empty()) {
      o.Raw("cue", "null");
    } else {
      o.Str("cue", doc.Text(q.cue));
      o.Uint("cue_begin", doc.SourceBegin(q.cue));
      o.Uint("cue_end", doc.SourceEnd(q.cue));
    }
    const Span whole{q.content.begin, q.content2.empty() ? q.content.end : q.content2.end};
    o.SourceRange(doc.SourceBegin(whole), doc.SourceEnd(whole));
    if (!q.content2.empty()) {
      Members parts(o.Key("parts"), '[', ']');
      for (Span p : {q.content, q.content2}) {
        Members po(parts.Next(), '{', '}');
        po.SourceRange(doc.SourceBegin(p), doc.SourceEnd(p));
      }
    }
  }
}

}  // namespace json

void RenderQuotes(const Document& doc, bool markdown, std::string* out) {
  if (doc.quotes.empty()) return;
  out->append(markdown ? "\n## Quotes\n\n" : "\n-- Quotes\n");
  for (const Quote& q : doc.quotes) {
    out->append(markdown ? "- " : "  ");
    out->append(SpeakerLabel(doc, q));
    out->append(": ");
    const std::string text = ContentText(doc, q);
    // Direct quotes show their own marks; reported speech gets plain ones.
    const bool marked = q.type == QuoteType::kDirect;
    if (!marked) out->push_back('"');
    for (char c : text) out->push_back(c == '\n' ? ' ' : c);
    if (!marked) out->push_back('"');
    if (q.type != QuoteType::kDirect) {
      out->append(" (");
      out->append(QuoteTypeName(q.type));
      out->push_back(')');
    }
    out->push_back('\n');
  }
}

}  // namespace dossier
