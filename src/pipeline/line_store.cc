#include "pipeline/line_store.h"

#include "document/mapped_text_ops.h"

namespace dossier {

void LineStore::AppendTo(size_t i, std::string* text, OffsetMap* map) const {
  const Line& l = lines_[i];
  if (l.owned >= 0) {
    AppendMapped(owned_[l.owned], text, map);
    return;
  }
  map->AddCopy(static_cast<uint32_t>(text->size()), l.source_begin, static_cast<uint32_t>(l.view.size()));
  text->append(l.view);
}

}  // namespace dossier
