// Builds a Dom with gumbo, the reference HTML5 parser: the correct (slower) path that our own
// parser is checked against, and a fallback for callers that want it.
#ifndef DOSSIER_HTML_GUMBO_DOM_H_
#define DOSSIER_HTML_GUMBO_DOM_H_

#include <string_view>

#include "html/dom.h"

namespace dossier::html {

// Parses `utf8` (must be valid UTF-8) into `dom` (cleared first). Text nodes get their source
// range from gumbo's original_text; elements their start tag. Whitespace-only and CDATA text
// become ordinary text nodes. Traversal is iterative, so deep trees do not exhaust the stack
// (gumbo itself is still recursive in places: callers facing hostile input should prefer our
// parser, which bounds depth).
void BuildDomWithGumbo(std::string_view utf8, Dom* dom);

}  // namespace dossier::html

#endif  // DOSSIER_HTML_GUMBO_DOM_H_
