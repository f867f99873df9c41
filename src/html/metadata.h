// Page metadata (title, bylines, dates, site, canonical URL, language, description, section, tags,
// main image), each value with the evidence it came from; unknown rather than junk.
#ifndef DOSSIER_HTML_METADATA_H_
#define DOSSIER_HTML_METADATA_H_

#include <string_view>

#include "dossier/html.h"
#include "html/dom.h"

namespace dossier::html {

// `url` is the page's URL when the caller knows it (may be empty).
PageMetadata ExtractMetadata(const Dom& dom, std::string_view url);

}  // namespace dossier::html

#endif  // DOSSIER_HTML_METADATA_H_
