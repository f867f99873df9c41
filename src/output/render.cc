// Renderings of a Document for people: the article of each story in reading order, with captions,
// leftovers and repairs listed after it, in plain text or Markdown.
#include "dossier/output.h"
#include "output/entity_render.h"
#include "output/quotes_json.h"
#include "output/time_render.h"

namespace dossier {

namespace {

void Render(const Document& doc, bool markdown, std::string* out) {
  auto line = [&](std::string_view s) {
    out->append(s);
    out->push_back('\n');
  };
  out->append(markdown ? "# " : "== ");
  out->append(doc.source.path);
  out->append(markdown ? "\n\n" : " ==\n");
  for (size_t si = 0; si < doc.stories.size(); ++si) {
    const Story& s = doc.stories[si];
    std::string head = "Story " + std::to_string(si + 1) + (s.title.empty() ? "" : ": " + s.title);
    if (markdown) out->append("## ");
    else out->append("\n-- ");
    line(head);
    if (markdown) out->push_back('\n');
    for (uint32_t b = s.first_block; b <= s.last_block; ++b) {
      const Block& bl = doc.blocks[b];
      if (static_cast<int32_t>(b) == s.title_block) continue;
      std::string_view t = doc.Text(bl.span);
      switch (bl.kind) {
        case BlockKind::kHeading:
          out->append(markdown ? "### " : "   ");
          line(t);
          break;
        case BlockKind::kListItem:
          out->append(markdown ? "- " : "  * ");
          line(t);
          break;
        case BlockKind::kBody:
          line(t);
          break;
        case BlockKind::kCaption:
          out->append(markdown ? "> *Caption:* " : "  [caption] ");
          line(t);
          break;
        default:
          break;  // other leftovers are listed below
      }
      if (markdown && bl.kind != BlockKind::kListItem) out->push_back('\n');
    }
  }
  bool any = false;
  for (const Block& b : doc.blocks) {
    if (IsArticleKind(b.kind) || b.kind == BlockKind::kCaption) continue;
    if (!any) {
      out->append(markdown ? "\n## Leftovers (not article text)\n\n" : "\n-- Leftovers (not article text)\n");
      any = true;
    }
    out->append(markdown ? "- `" : "  ");
    out->append(BlockKindName(b.kind));
    out->append(markdown ? "` line " : " line ");
    out->append(std::to_string(b.line));
    out->append(": ");
    line(doc.Text(b.span));
  }
  if (!doc.duplicates.empty() || !doc.repairs.empty()) {
    out->append(markdown ? "\n## Repairs\n\n" : "\n-- Repairs\n");
    for (const auto& d : doc.duplicates) {
      out->append(markdown ? "- repeated sentence removed: " : "  repeated sentence removed: ");
      line(doc.Text(d.kept));
    }
    for (const auto& r : doc.repairs) {
      out->append(markdown ? "- " : "  ");
      out->append(RepairKindName(r.kind));
      out->append(": ");
      out->append(r.before);
      out->append(" -> ");
      line(doc.Text(r.span));
    }
  }
}

}  // namespace

void RenderText(const Document& doc, std::string* out) {
  Render(doc, false, out);
  RenderQuotes(doc, false, out);
  RenderTimeSections(doc, false, out);
  RenderEntities(doc, false, out);
}
void RenderMarkdown(const Document& doc, std::string* out) {
  Render(doc, true, out);
  RenderQuotes(doc, true, out);
  RenderTimeSections(doc, true, out);
  RenderEntities(doc, true, out);
}

}  // namespace dossier
