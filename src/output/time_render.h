// The time stage's part of the renderings for people: the reference date, the timeline by story,
// time expressions and amounts.
#ifndef DOSSIER_OUTPUT_TIME_RENDER_H_
#define DOSSIER_OUTPUT_TIME_RENDER_H_

#include <string>

#include "dossier/document.h"

namespace dossier {

void RenderTimeSections(const Document& doc, bool markdown, std::string* out);

}  // namespace dossier

#endif  // DOSSIER_OUTPUT_TIME_RENDER_H_
