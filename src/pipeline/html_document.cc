#include "pipeline/html_document.h"

#include <string_view>
#include <utility>

#include "document/mapped_text_ops.h"
#include "dossier/text.h"

namespace dossier {
namespace {

BlockKind ToBlockKind(HtmlBlockKind kind) {
  switch (kind) {
    case HtmlBlockKind::kHeading: return BlockKind::kHeading;
    case HtmlBlockKind::kListItem: return BlockKind::kListItem;
    case HtmlBlockKind::kCaption: return BlockKind::kCaption;
    default: return BlockKind::kBody;  // paragraphs, blockquotes, table rows, code are article text
  }
}

// Block text -> decoded page: a text piece that is a verbatim copy of its source bytes maps byte
// for byte; one that is not (references decoded, whitespace collapsed) maps to its whole range.
OffsetMap BlockToPage(const ExtractedBlock& block, std::string_view page) {
  OffsetMap map;
  for (size_t i = 0; i < block.pieces.size(); ++i) {
    const TextPiece& p = block.pieces[i];
    const uint32_t end = i + 1 < block.pieces.size() ? block.pieces[i + 1].text_begin
                                                     : static_cast<uint32_t>(block.text.size());
    if (end <= p.text_begin) continue;
    const std::string_view text = std::string_view(block.text).substr(p.text_begin, end - p.text_begin);
    const bool in_page = p.source_end >= p.source_begin && p.source_end <= page.size();
    if (in_page && page.substr(p.source_begin, p.source_end - p.source_begin) == text) {
      map.AddCopy(p.text_begin, p.source_begin, end - p.text_begin);
    } else {
      map.AddReplacement(p.text_begin, end - p.text_begin, p.source_begin,
                         in_page ? p.source_end - p.source_begin : 0);
    }
  }
  if (map.empty() && !block.text.empty()) {
    map.AddReplacement(0, static_cast<uint32_t>(block.text.size()), block.source_begin,
                       block.source_end > block.source_begin ? block.source_end - block.source_begin : 0);
  }
  return map;
}

// The lines of a code block (whitespace inside a line kept by CleanLine's rules on spaces only).
std::vector<std::pair<uint32_t, uint32_t>> LinesOf(const std::string& text) {
  std::vector<std::pair<uint32_t, uint32_t>> lines;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    lines.push_back({static_cast<uint32_t>(pos), static_cast<uint32_t>(nl)});
    if (nl == text.size()) break;
    pos = nl + 1;
  }
  return lines;
}

}  // namespace

Document BuildHtmlDocument(const DecodedHtml& page, const ExtractedArticle& article,
                           const std::string& path, uint64_t input_size) {
  Document doc;
  doc.source.path = path;
  doc.source.size_bytes = input_size;
  doc.source.format = "html";
  doc.source.encoding = page.charset;
  doc.source.encoding_evidence = page.charset_evidence;
  doc.source.invalid_bytes_replaced = page.invalid_bytes_replaced;
  doc.metadata = article.metadata;
  CleanStats stats;
  uint64_t prev_end = 0;
  for (const ExtractedBlock& eb : article.blocks) {
    const OffsetMap to_page = BlockToPage(eb, page.text);
    std::vector<std::pair<uint32_t, uint32_t>> parts;
    if (eb.kind == HtmlBlockKind::kCode) parts = LinesOf(eb.text);
    else parts.push_back({0, static_cast<uint32_t>(eb.text.size())});
    for (const auto& [b, e] : parts) {
      // CleanLine maps the cleaned text to offsets of the block text (source_offset = b).
      MappedText cleaned = CleanLine(std::string_view(eb.text).substr(b, e - b), b, &stats);
      if (cleaned.text.empty()) continue;
      MappedText mapped;
      mapped.text = std::move(cleaned.text);
      mapped.map = ComposeOffsetMaps(ComposeOffsetMaps(cleaned.map, to_page), page.offsets);
      if (!doc.blocks.empty()) {
        const uint64_t next = mapped.map.ToSourceBegin(0);
        doc.offsets.AddReplacement(static_cast<uint32_t>(doc.text.size()), 1, prev_end,
                                   next > prev_end ? next - prev_end : 0);
        doc.text.push_back('\n');
      }
      Block block;
      block.span.begin = static_cast<uint32_t>(doc.text.size());
      AppendMapped(mapped, &doc.text, &doc.offsets);
      block.span.end = static_cast<uint32_t>(doc.text.size());
      block.kind = ToBlockKind(eb.kind);
      block.has_html_kind = true;
      block.html_kind = eb.kind;
      block.level = eb.level;
      block.source_begin = doc.SourceBegin(block.span);
      block.source_end = doc.SourceEnd(block.span);
      prev_end = block.source_end;
      doc.blocks.push_back(block);
    }
  }
  doc.source.invalid_bytes_replaced += stats.invalid_bytes_replaced;
  if (!doc.blocks.empty()) {
    Story story;
    story.first_block = 0;
    story.last_block = static_cast<uint32_t>(doc.blocks.size() - 1);
    story.title = article.metadata.title.value;
    // A page holds one article: every extracted block (captions too) belongs to it.
    for (uint32_t i = 0; i < doc.blocks.size(); ++i) {
      doc.blocks[i].story = 0;
      if (story.title_block < 0 && doc.blocks[i].kind == BlockKind::kHeading &&
          doc.Text(doc.blocks[i].span) == story.title) {
        story.title_block = static_cast<int32_t>(i);
      }
    }
    doc.stories.push_back(std::move(story));
  }
  return doc;
}

}  // namespace dossier
