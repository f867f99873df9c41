// Main-content extraction, strategy 2: block-by-block classification over the whole body
// (jusText / boilerpipe style), for pages where no container stands out (div soup, tables).
//
// Each block is good (long, punctuated, few links), bad (link lists, fragments) or uncertain;
// uncertain blocks take the class of their good neighbours. Used when strategy 1 finds too little.
#ifndef DOSSIER_HTML_CONTENT_DENSITY_H_
#define DOSSIER_HTML_CONTENT_DENSITY_H_

#include <cstdint>
#include <vector>

#include "html/content_blocks.h"

namespace dossier::html {

// Classifies the blocks of `scope`'s subtree (the whole body when `scope` is kNoNode).
std::vector<uint32_t> SelectByDensity(const PageBlocks& page, uint32_t scope);

}  // namespace dossier::html

#endif  // DOSSIER_HTML_CONTENT_DENSITY_H_
