// The "Entities" section of the text and Markdown renderings: each entity with its type, canonical
// name, how often it is mentioned and its other names.
#ifndef DOSSIER_OUTPUT_ENTITY_RENDER_H_
#define DOSSIER_OUTPUT_ENTITY_RENDER_H_

#include <string>

#include "dossier/document.h"

namespace dossier {

// Appends nothing when the document has no entities. People first, then organisations, places and
// other names; within a type, the most mentioned first (ties: first mentioned first).
void RenderEntities(const Document& doc, bool markdown, std::string* out);

}  // namespace dossier

#endif  // DOSSIER_OUTPUT_ENTITY_RENDER_H_
