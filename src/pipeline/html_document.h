// The HTML front door's last step: an extracted article becomes a Document (canonical text,
// blocks, metadata, one story), so every later stage runs on HTML as on crude text.
#ifndef DOSSIER_PIPELINE_HTML_DOCUMENT_H_
#define DOSSIER_PIPELINE_HTML_DOCUMENT_H_

#include <string>

#include "dossier/document.h"
#include "dossier/html.h"

namespace dossier {

// Builds the Document of an extracted page. Block text is cleaned like crude text (NFC, spaces,
// invisibles); every canonical byte maps back through the extracted block and the decoded page to
// the input bytes (`page.offsets`). Code blocks become one block per line. The article is one story
// titled with the page title.
Document BuildHtmlDocument(const DecodedHtml& page, const ExtractedArticle& article,
                           const std::string& path, uint64_t input_size);

}  // namespace dossier

#endif  // DOSSIER_PIPELINE_HTML_DOCUMENT_H_
