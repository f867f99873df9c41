// Document's lookups that need more than a line in the header.
#include <algorithm>
#include <iterator>

#include "dossier/document.h"

namespace dossier {

int32_t Document::StoryAt(uint32_t pos) const {
  // Blocks are in text order, so the block holding `pos` is the last one starting at or before it.
  auto it = std::upper_bound(blocks.begin(), blocks.end(), pos,
                             [](uint32_t p, const Block& b) { return p < b.span.begin; });
  return it == blocks.begin() ? kNoStory : std::prev(it)->story;
}

}  // namespace dossier
