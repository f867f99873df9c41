// Edits of a MappedText that keep its map to the input right: inserting a space between glued
// words, erasing a repeated sentence, appending one text to another.
#ifndef DOSSIER_DOCUMENT_MAPPED_TEXT_OPS_H_
#define DOSSIER_DOCUMENT_MAPPED_TEXT_OPS_H_

#include <string_view>

#include "dossier/text.h"

namespace dossier {

// Inserts `what` before byte `pos`; the inserted bytes map to an empty input range at the input
// position of `pos`.
void InsertText(MappedText* t, uint32_t pos, std::string_view what);

// Erases bytes [begin, end); the input they came from is simply no longer covered.
void EraseText(MappedText* t, uint32_t begin, uint32_t end);

// Appends `piece` at the end of `out` (its map shifted), e.g. to build the document text.
void AppendMapped(const MappedText& piece, std::string* out, OffsetMap* out_map);

}  // namespace dossier

#endif  // DOSSIER_DOCUMENT_MAPPED_TEXT_OPS_H_
