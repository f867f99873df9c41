// Main-content extraction: per-block evidence shared by both strategies.
#ifndef DOSSIER_HTML_CONTENT_SCORE_H_
#define DOSSIER_HTML_CONTENT_SCORE_H_

#include <cstdint>
#include <vector>

#include "html/content_blocks.h"

namespace dossier::html {

// Share of a block's characters inside links.
inline double LinkDensity(const RawBlock& b) {
  return b.chars == 0 ? 0.0 : static_cast<double>(b.link_chars) / b.chars;
}

// How much a block looks like article prose (> 0) or like boilerplate (< 0), in characters:
// long, punctuated, link-free text counts its length; link lists and short fragments count
// against.
double BlockWeight(const RawBlock& b);

// True when the element itself announces boilerplate (navigation, footer, comments, share bar,
// related links, ads, sidebar, newsletter, consent, ...) by its tag or its names.
bool IsBoilerplateElement(const ElementInfo& e);

}  // namespace dossier::html

#endif  // DOSSIER_HTML_CONTENT_SCORE_H_
