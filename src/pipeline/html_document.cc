#include "pipeline/html_document.h"

#include <algorithm>
#include <cctype>
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

bool IsHtmlSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

size_t Utf8Length(unsigned char lead) {
  return lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
}

// Maps a piece of block text that is not a verbatim copy of its source (character references
// decoded, whitespace collapsed) piece by piece, so that a name next to "&lt;" or "&nbsp;" still
// maps to its own bytes: equal bytes are copies, a reference maps the one character it became, a
// run of source whitespace maps the one space it became (or nothing). Anything else the aligner
// cannot explain maps the rest of the piece to the rest of its range, as before.
void AlignPiece(std::string_view text, uint32_t text_begin, std::string_view page, uint32_t source_begin,
                uint32_t source_end, OffsetMap* map) {
  size_t t = 0, s = source_begin;
  size_t copy_t = 0, copy_s = s, copy_len = 0;  // the copy run being gathered
  auto flush = [&] {
    if (copy_len) map->AddCopy(text_begin + static_cast<uint32_t>(copy_t), copy_s, static_cast<uint32_t>(copy_len));
    copy_len = 0;
  };
  // The end of a character reference starting at `at` ("&amp;", "&#8217;"), or 0 if there is none.
  auto reference_end = [&](size_t at) -> size_t {
    if (page[at] != '&') return 0;
    size_t e = at + 1;
    while (e < source_end && e - at <= 32 && (std::isalnum(static_cast<unsigned char>(page[e])) || page[e] == '#')) ++e;
    return e < source_end && page[e] == ';' && e > at + 1 ? e + 1 : 0;
  };
  while (t < text.size() && s < source_end) {
    if (const size_t ref_end = reference_end(s)) {
      flush();
      const size_t n = std::min(Utf8Length(static_cast<unsigned char>(text[t])), text.size() - t);
      map->AddReplacement(text_begin + static_cast<uint32_t>(t), static_cast<uint32_t>(n), s, ref_end - s);
      t += n;
      s = ref_end;
      continue;
    }
    if (text[t] == page[s]) {
      if (copy_len == 0) copy_t = t, copy_s = s;
      ++copy_len, ++t, ++s;
      continue;
    }
    flush();
    if (IsHtmlSpace(page[s])) {
      size_t e = s;
      while (e < source_end && IsHtmlSpace(page[e])) ++e;
      if (text[t] == ' ') {  // the run collapsed to one space
        map->AddReplacement(text_begin + static_cast<uint32_t>(t), 1, s, e - s);
        ++t;
      }
      s = e;  // otherwise the run was dropped
      continue;
    }
    break;  // unexplained: fall back below
  }
  flush();
  if (t < text.size()) {
    map->AddReplacement(text_begin + static_cast<uint32_t>(t), static_cast<uint32_t>(text.size() - t),
                        std::min<size_t>(s, source_end), source_end > s ? source_end - s : 0);
  }
}

// Block text -> decoded page: a text piece that is a verbatim copy of its source bytes maps byte
// for byte; one that is not is aligned with its source (AlignPiece).
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
    } else if (in_page) {
      AlignPiece(text, p.text_begin, page, p.source_begin, p.source_end, &map);
    } else {
      map.AddReplacement(p.text_begin, end - p.text_begin, p.source_begin, 0);
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
