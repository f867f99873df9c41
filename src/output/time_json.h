// The time stage's part of the document JSON: timexes, amounts, the reference date and the
// timeline (per document and per story).
#ifndef DOSSIER_OUTPUT_TIME_JSON_H_
#define DOSSIER_OUTPUT_TIME_JSON_H_

#include "dossier/document.h"
#include "output/json_members.h"

namespace dossier::json {

void WriteTimeSections(const Document& doc, Members& top);

}  // namespace dossier::json

#endif  // DOSSIER_OUTPUT_TIME_JSON_H_
