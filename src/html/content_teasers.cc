#include "html/content_teasers.h"

#include <algorithm>
#include <unordered_map>

namespace dossier::html {
namespace {

// Limits of a card: a headline, a line of metadata, an excerpt or two.
constexpr uint32_t kMaxCardBlocks = 6;
constexpr uint32_t kMaxCardChars = 700;
constexpr uint32_t kMinCards = 3;

// A headline that is a link: nearly all of its text inside <a>, a few words at least.
bool IsLinkHeadline(const RawBlock& b) {
  return b.words >= 3 && b.link_chars * 10 >= b.chars * 8;
}

// Running text that is not a link.
bool IsExcerpt(const RawBlock& b) {
  return b.kind != HtmlBlockKind::kHeading && b.words >= 5 && b.link_chars * 5 < b.chars;
}

}  // namespace

void DropTeaserCards(const PageBlocks& page, uint32_t container, std::vector<uint32_t>* sel_ptr) {
  std::vector<uint32_t>& sel = *sel_ptr;
  if (sel.size() < 2 * kMinCards) return;
  std::vector<bool> selected(page.blocks.size(), false);
  for (uint32_t i : sel) selected[i] = true;

  // The card of each selected block: the largest element above it, below the container, small
  // enough to be a card. Cards are counted once, grouped by their parent.
  std::unordered_map<uint32_t, std::vector<uint32_t>> cards_by_parent;
  std::vector<bool> seen_card(page.elements.size(), false);
  for (uint32_t i : sel) {
    uint32_t card = kNoNode;
    for (uint32_t e = page.blocks[i].owner; e != kNoNode && e != container; e = page.elements[e].block_parent) {
      const ElementInfo& info = page.elements[e];
      if (info.block_end - info.block_begin > kMaxCardBlocks) break;
      // One story per card: an element with two linked headlines is the list, not a card.
      uint32_t chars = 0, headlines = 0;
      for (uint32_t k = info.block_begin; k < info.block_end; ++k) {
        chars += page.blocks[k].chars;
        headlines += IsLinkHeadline(page.blocks[k]);
      }
      if (chars > kMaxCardChars || headlines > 1) break;
      card = e;
    }
    if (card == kNoNode || seen_card[card]) continue;
    seen_card[card] = true;
    const ElementInfo& info = page.elements[card];
    // A card is a block-level element that opens with its headline (an image makes no block).
    if (!IsBlockTag(info.tag) || !IsLinkHeadline(page.blocks[info.block_begin])) continue;
    bool headline = false, excerpt = false;
    // The headline may already be out of the selection (a heading that is all link); the
    // excerpt is what is left to remove.
    for (uint32_t k = info.block_begin; k < info.block_end; ++k) {
      const RawBlock& b = page.blocks[k];
      if (!headline && IsLinkHeadline(b)) {
        headline = true;
      } else if (headline && selected[k] && IsExcerpt(b)) {
        excerpt = true;  // the excerpt follows its headline
      }
    }
    if (headline && excerpt && info.block_parent != kNoNode) cards_by_parent[info.block_parent].push_back(card);
  }

  std::vector<bool> drop(page.blocks.size(), false);
  bool any = false;
  for (const auto& [parent, cards] : cards_by_parent) {
    if (cards.size() < kMinCards) continue;
    for (uint32_t card : cards) {
      for (uint32_t k = page.elements[card].block_begin; k < page.elements[card].block_end; ++k) drop[k] = true;
    }
    any = true;
  }
  if (!any) return;
  sel.erase(std::remove_if(sel.begin(), sel.end(), [&](uint32_t i) { return drop[i]; }), sel.end());
}

}  // namespace dossier::html
