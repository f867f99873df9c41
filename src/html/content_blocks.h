// Main-content extraction, step 1: the page as a flat list of text blocks in reading order.
//
// One walk over the Dom (no recursion) cuts the visible text of <body> into blocks at block-level
// elements: a paragraph, a heading, a list item, a table row, a <pre>, a caption, or the text run
// of a <div>. Invisible subtrees (script, style, form controls, media, hidden elements) are not
// entered. Each block keeps its collapsed text (in one shared buffer), the text pieces that map it
// back to source bytes, a few counts (characters, characters inside links, words, punctuation)
// and the element that owns it. Blocks come out in document order, so the blocks of any
// element's subtree are one contiguous range [block_begin, block_end) recorded on the element.
#ifndef DOSSIER_HTML_CONTENT_BLOCKS_H_
#define DOSSIER_HTML_CONTENT_BLOCKS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dossier/html.h"
#include "html/content_hints.h"
#include "html/content_tags.h"
#include "html/dom.h"

namespace dossier::html {

struct RawBlock {
  uint32_t owner = kNoNode;  // the innermost block-level element holding the text
  uint32_t text_begin = 0;   // [text_begin, text_end) in PageBlocks::text
  uint32_t text_end = 0;
  uint32_t piece_begin = 0;  // [piece_begin, piece_end) in PageBlocks::pieces (text_begin absolute)
  uint32_t piece_end = 0;
  uint32_t source_begin = 0;
  uint32_t source_end = 0;
  uint32_t chars = 0;       // code points (CJK ones count two), a whitespace run counting one
  uint32_t link_chars = 0;  // of which inside <a>
  uint32_t time_chars = 0;  // of which inside <time>
  uint32_t words = 0;       // runs of non-space
  uint32_t punct = 0;       // sentence punctuation (. , ; : ! ? and CJK forms)
  HtmlBlockKind kind = HtmlBlockKind::kParagraph;
  uint8_t level = 0;
  uint8_t flags = 0;  // RawBlockFlag bits
};

enum RawBlockFlag : uint8_t {
  kBlockHidden = 1,  // inside a hidden element (hidden attribute, aria-hidden, display:none, sr-only)
};

// What the walk records for each element (indexed by node id; only elements it entered).
struct ElementInfo {
  uint32_t block_begin = 0;  // the element's blocks: [block_begin, block_end)
  uint32_t block_end = 0;
  uint32_t block_parent = kNoNode;  // nearest block-level ancestor element the walk entered
  Hints hints;
  ContentTag tag = ContentTag::kInline;
  bool entered = false;   // visited (not inside a skipped or hidden subtree)
  bool boundary = false;  // a block boundary (block-level tag or hinted inline element)
};

struct PageBlocks {
  std::string text;               // every block's text, back to back
  std::vector<TextPiece> pieces;  // text_begin is an offset into `text`
  std::vector<RawBlock> blocks;
  std::vector<ElementInfo> elements;  // one per Dom node
  std::vector<uint32_t> boundary_elements;  // boundary elements in document order
  uint32_t body = kNoNode;
  // Title candidates from <head>: <title> text and og:title / twitter:title (may be empty).
  std::string_view title_tag;
  std::string_view og_title;

  std::string_view Text(const RawBlock& b) const {
    return std::string_view(text).substr(b.text_begin, b.text_end - b.text_begin);
  }
  void Clear();
};

// Cuts the page into blocks (clears `out` first; its buffers are reused).
void BuildBlocks(const Dom& dom, PageBlocks* out);

}  // namespace dossier::html

#endif  // DOSSIER_HTML_CONTENT_BLOCKS_H_
