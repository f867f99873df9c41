// Main-content extraction, cleaning: teaser cards of other stories inside the chosen container.
//
// Front pages, "latest" rails and tag pages that slip into the container repeat one shape: a card
// (an <article>, <li> or <div>) holding a headline that is a link to the other story and a short
// excerpt of it. One such card can be a legitimate "read also" box in a story; three or more
// sibling cards are a list of other stories, never the article's own text.
#ifndef DOSSIER_HTML_CONTENT_TEASERS_H_
#define DOSSIER_HTML_CONTENT_TEASERS_H_

#include <cstdint>
#include <vector>

#include "html/content_blocks.h"

namespace dossier::html {

// Removes from `sel` (selected block indices, in order) the blocks of every group of at least
// three sibling teaser cards below `container` (kNoNode: the body).
void DropTeaserCards(const PageBlocks& page, uint32_t container, std::vector<uint32_t>* sel);

}  // namespace dossier::html

#endif  // DOSSIER_HTML_CONTENT_TEASERS_H_
