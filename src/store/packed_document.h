// The packed form of a document's per-document annotations: blocks, stories, entities, mentions
// and amounts in one versioned byte string (schema 4's documents.annotations). They are only ever
// read a whole document at a time, so one blob replaces ~250 rows a document (B-tree inserts were
// half the indexing time, and the rows four times the text's size).
//
// Format (version 1): a version byte, then each list as a varint count followed by its records:
// blocks, stories, mentions, entities, amounts.
// Integers are LEB128 varints; offsets are stored as zigzag deltas (from the previous record's
// begin, and end as a delta from begin), so the usual ascending offsets take one or two bytes;
// any value round-trips exactly, sorted or not. Strings are a varint length and the bytes; amounts'
// values are IEEE doubles, little-endian. Enums are their values in the model (include/dossier/
// document.h; the format version pins their order). An entity whose name is the text of one of its
// mentions stores that mention's number instead of the name (most do: a tenth of the blob on news
// text), so reading needs the canonical text. Entity surfaces are not stored: they are the
// mentions' texts (SummariseEntities).
#ifndef DOSSIER_STORE_PACKED_DOCUMENT_H_
#define DOSSIER_STORE_PACKED_DOCUMENT_H_

#include <string>
#include <string_view>

#include "dossier/corpus_store.h"

namespace dossier::store {

inline constexpr uint8_t kPackedAnnotationsVersion = 1;

// Appends the packed blocks, stories, entities, mentions and amounts of `doc` to `out` (doc.text
// is read, not stored).
void PackAnnotations(const CorpusDocument& doc, std::string* out);

// Reads a packed blob back into doc's blocks, stories, entities, mentions and amounts (replacing
// them); `text` is the document's canonical text (entity names may be slices of it). A blob that is truncated, has trailing bytes, an unknown version, an out-of-range enum or
// an offset beyond 32 bits where the model keeps 32, or a name from a mention that is not
// there or not inside `text`, is refused with a one-line reason; the lists
// are then left empty. Never reads outside `blob`, never allocates more than the blob can hold.
bool UnpackAnnotations(std::string_view blob, std::string_view text, CorpusDocument* doc, std::string* error);

}  // namespace dossier::store

#endif  // DOSSIER_STORE_PACKED_DOCUMENT_H_
