// Main-content extraction: which blocks of a page are the article, in reading order.
#ifndef DOSSIER_HTML_CONTENT_H_
#define DOSSIER_HTML_CONTENT_H_

#include <string>
#include <vector>

#include "dossier/html.h"
#include "html/dom.h"

namespace dossier::html {

// The article's blocks (paragraphs, headings, list items, blockquotes, table rows, code,
// captions), without navigation, ads, related links, share bars, newsletter prompts, consent
// banners, comments or footers. `strategy` says which strategy produced them (a second one is
// tried when the first finds too little).
std::vector<ExtractedBlock> ExtractMainContent(const Dom& dom, std::string* strategy);

struct PageBlocks;
// The same decision with its working: `page` gets every block of the body, `chosen` the indices of
// the article's blocks (for tests and the development tool bench/tools/content_debug.cc).
void SelectMainContent(const Dom& dom, PageBlocks* page, std::vector<uint32_t>* chosen,
                       std::string* strategy);

}  // namespace dossier::html

#endif  // DOSSIER_HTML_CONTENT_H_
