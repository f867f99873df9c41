// The quote stage's part of the document JSON and of the renderings for people.
#ifndef DOSSIER_OUTPUT_QUOTES_JSON_H_
#define DOSSIER_OUTPUT_QUOTES_JSON_H_

#include <string>

#include "dossier/document.h"
#include "output/json_members.h"

namespace dossier {
namespace json {
// `quotes`: [{text, type, speaker {text, entity, name, source_begin, source_end, inherited} | null,
// cue, cue_begin, cue_end, source_begin, source_end, parts (split quotes only)}].
void WriteQuotes(const Document& doc, Members& top);
}  // namespace json

// `Speaker: "quote"` lines, one per quotation, speakers unknown shown as "(unknown)".
void RenderQuotes(const Document& doc, bool markdown, std::string* out);

}  // namespace dossier

#endif  // DOSSIER_OUTPUT_QUOTES_JSON_H_
