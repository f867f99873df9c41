#include "html/content.h"

namespace dossier::html {

// Placeholder until the content extractor lands: no blocks.
std::vector<ExtractedBlock> ExtractMainContent(const Dom& dom, std::string* strategy) {
  strategy->assign("none");
  return {};
}

}  // namespace dossier::html
