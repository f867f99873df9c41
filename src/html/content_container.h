// Main-content extraction, strategy 1: the element that holds the article.
//
// Every block weighs for or against the elements above it (content_score.h); an element's score is
// the sum over the blocks it would keep, boilerplate children (by tag or names) left out. The
// highest-scoring element is the container; its blocks, minus boilerplate subtrees and
// link-heavy fragments, are the article.
#ifndef DOSSIER_HTML_CONTENT_CONTAINER_H_
#define DOSSIER_HTML_CONTENT_CONTAINER_H_

#include <cstdint>
#include <vector>

#include "html/content_blocks.h"

namespace dossier::html {

struct ContainerResult {
  uint32_t container = kNoNode;
  std::vector<uint32_t> blocks;  // indices into PageBlocks::blocks, in order
};

ContainerResult SelectByContainer(const PageBlocks& page);

}  // namespace dossier::html

#endif  // DOSSIER_HTML_CONTENT_CONTAINER_H_
