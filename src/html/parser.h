// Our own HTML5 tokenizer and tree builder: the fast path. Produces the same tree as gumbo (the
// reference, html/gumbo_dom.h) on real pages, checked by a differential test over every page of
// ../shared/data/extraction, while bounding depth, node count and work on hostile input.
#ifndef DOSSIER_HTML_PARSER_H_
#define DOSSIER_HTML_PARSER_H_

#include <cstdint>
#include <string_view>

#include "html/dom.h"

namespace dossier::html {

struct ParseLimits {
  uint32_t max_depth = 512;        // deeper elements are attached at this depth instead
  uint64_t max_nodes = 5'000'000;  // beyond this the builder stops; dom->truncated is set
};

// Parses valid UTF-8 `input` into `dom` (cleared first).
void ParseHtml(std::string_view input, const ParseLimits& limits, Dom* dom);

}  // namespace dossier::html

#endif  // DOSSIER_HTML_PARSER_H_
