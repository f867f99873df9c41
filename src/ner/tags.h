// The entity label set of the tagger: BILOU over four CoNLL types (PER, LOC, ORG, MISC), 17 labels,
// and the conversions to and from the IOB2 tags of CoNLL files.
#ifndef DOSSIER_NER_TAGS_H_
#define DOSSIER_NER_TAGS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::ner {

inline constexpr int kTypes = 4;                 // PER LOC ORG MISC
inline constexpr int kLabels = 1 + 4 * kTypes;   // O, then B I L U for each type
enum Position : int { kBegin = 0, kInside = 1, kLast = 2, kUnit = 3 };

std::string_view TypeName(int type);  // "PER", "LOC", "ORG", "MISC"
int TypeFromName(std::string_view name);  // -1 if unknown

inline int MakeLabel(int type, int position) { return 1 + 4 * type + position; }
inline int LabelType(int label) { return label == 0 ? -1 : (label - 1) / 4; }
inline int LabelPosition(int label) { return label == 0 ? -1 : (label - 1) % 4; }

// May `next` follow `prev` in a BILOU sequence? prev = -1 is the sentence start; next = -1 its end.
bool AllowedTransition(int prev, int next);

// IOB1/IOB2/IOBES tags of one sentence (conlleval reading) -> BILOU labels. Unknown types are O.
std::vector<int> BilouFromTags(const std::vector<std::string_view>& tags);
// BILOU labels -> IOB2 tag strings ("O", "B-PER", "I-PER").
std::string_view Iob2Tag(int label);

// Phrases (first, last token inclusive, type) of a well-formed BILOU label sequence; ill-formed
// runs are read leniently (an I or L without a B starts a phrase).
struct Phrase {
  uint32_t first = 0;
  uint32_t last = 0;
  int type = 0;
};
std::vector<Phrase> PhrasesFromLabels(const int* labels, size_t n);

}  // namespace dossier::ner

#endif  // DOSSIER_NER_TAGS_H_
