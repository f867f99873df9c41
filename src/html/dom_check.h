// Structural checks of a Dom built by ParseHtml, for tests and the fuzzer: links consistent
// both ways, every node reachable exactly once from the document, nodes numbered in document
// order, depth and node count within the limits, strings and ranges in bounds.
#ifndef DOSSIER_HTML_DOM_CHECK_H_
#define DOSSIER_HTML_DOM_CHECK_H_

#include <cstddef>
#include <string>

#include "html/dom.h"
#include "html/parser.h"

namespace dossier::html {

// Returns "" if `dom` is sound, else a one-line description of the first problem found.
// `input_size` bounds the source ranges.
std::string CheckDom(const Dom& dom, const ParseLimits& limits, size_t input_size);

}  // namespace dossier::html

#endif  // DOSSIER_HTML_DOM_CHECK_H_
