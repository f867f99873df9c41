// Main-content extraction, last step: tidy a selection of blocks (either strategy's).
//
//  * a boilerplate section heading ("Related articles", "Lesen Sie auch", "Commentaires", ...) is
//    dropped with the section it opens;
//  * headings left with nothing under them (their section was boilerplate) are dropped;
//  * widgets (a run of tiny text fragments, e.g. a video player's menus) are dropped;
//  * short picture credits ("© Reuters", "Photo: ...") become captions.
#ifndef DOSSIER_HTML_CONTENT_CLEAN_H_
#define DOSSIER_HTML_CONTENT_CLEAN_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "html/content_blocks.h"

namespace dossier::html {

// `container`: the element the blocks were chosen from (kNoNode: the whole body). May change the
// kind of blocks in `page` (credits become captions).
void CleanSelection(PageBlocks* page, uint32_t container, std::vector<uint32_t>* blocks);

// True when `text` (a heading or a short line) announces a boilerplate section: related or
// recommended links, comments, sharing, tags, newsletters (a small multilingual phrase list).
bool IsBoilerplateHeading(std::string_view text);

// True when `text` is a short dateline or copyright line ("Published: May 3, 2019",
// "Copyright 2019 Reuters").
bool IsFurniture(std::string_view text);

// True when `text` is a short picture credit ("© AFP", "Photo: Jane Doe / Reuters").
bool IsCredit(std::string_view text);

}  // namespace dossier::html

#endif  // DOSSIER_HTML_CONTENT_CLEAN_H_
