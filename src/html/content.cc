// ExtractMainContent: cut the page into blocks, pick the article by its container (strategy 1)
// or, when that finds too little, by block density over the whole body (strategy 2).
#include "html/content.h"

#include "html/content_blocks.h"
#include "html/content_clean.h"
#include "html/content_score.h"
#include "html/content_container.h"
#include "html/content_density.h"

namespace dossier::html {
namespace {

uint32_t TotalChars(const PageBlocks& page, const std::vector<uint32_t>& ids) {
  uint32_t n = 0;
  for (uint32_t i : ids) n += page.blocks[i].chars;
  return n;
}

uint32_t Paragraphs(const PageBlocks& page, const std::vector<uint32_t>& ids) {
  uint32_t n = 0;
  for (uint32_t i : ids) n += page.blocks[i].chars >= 80 && page.blocks[i].kind != HtmlBlockKind::kHeading;
  return n;
}

ExtractedBlock ToBlock(const PageBlocks& page, const RawBlock& b) {
  ExtractedBlock out;
  out.kind = b.kind;
  out.level = b.level;
  out.text.assign(page.Text(b));
  out.pieces.reserve(b.piece_end - b.piece_begin);
  for (uint32_t p = b.piece_begin; p < b.piece_end; ++p) {
    TextPiece piece = page.pieces[p];
    piece.text_begin -= b.text_begin;
    out.pieces.push_back(piece);
  }
  out.source_begin = b.source_begin;
  out.source_end = b.source_end;
  return out;
}

}  // namespace

void SelectMainContent(const Dom& dom, PageBlocks* page_ptr, std::vector<uint32_t>* chosen,
                       std::string* strategy) {
  PageBlocks& page = *page_ptr;
  BuildBlocks(dom, &page);
  ContainerResult primary = SelectByContainer(page);
  strategy->assign("container");
  *chosen = std::move(primary.blocks);
  uint32_t from = primary.container;
  if (TotalChars(page, *chosen) < 250 || Paragraphs(page, *chosen) < 2) {
    // Within the <article> holding the container, if any: the rest of the page is other posts.
    uint32_t scope = kNoNode;
    for (uint32_t e = primary.container; e != kNoNode; e = page.elements[e].block_parent) {
      if (page.elements[e].tag == ContentTag::kArticle) scope = e;
    }
    std::vector<uint32_t> fallback = SelectByDensity(page, scope);
    if (TotalChars(page, fallback) > TotalChars(page, *chosen)) {
      *chosen = std::move(fallback);
      strategy->assign("density");
      from = scope;
    }
  }
  if (chosen->empty()) {
    // A page with hardly any text ("Test"): every visible block outside boilerplate.
    for (uint32_t i = 0; i < page.blocks.size(); ++i) {
      const RawBlock& b = page.blocks[i];
      bool boilerplate = (b.flags & kBlockHidden) != 0;
      for (uint32_t e = b.owner; e != kNoNode && !boilerplate; e = page.elements[e].block_parent) {
        boilerplate = IsBoilerplateElement(page.elements[e]);
      }
      if (!boilerplate) chosen->push_back(i);
    }
    strategy->assign("all");
    from = kNoNode;
  }
  CleanSelection(&page, from, chosen);
  if (chosen->empty()) strategy->assign("none");
}

std::vector<ExtractedBlock> ExtractMainContent(const Dom& dom, std::string* strategy) {
  thread_local PageBlocks page;
  thread_local std::vector<uint32_t> chosen;
  SelectMainContent(dom, &page, &chosen, strategy);
  std::vector<ExtractedBlock> blocks;
  blocks.reserve(chosen.size());
  for (uint32_t i : chosen) blocks.push_back(ToBlock(page, page.blocks[i]));
  return blocks;
}

}  // namespace dossier::html
