#include "html/metadata.h"

namespace dossier::html {

// Placeholder until the metadata extractor lands: everything unknown.
PageMetadata ExtractMetadata(const Dom& dom, std::string_view url) { return {}; }

}  // namespace dossier::html
