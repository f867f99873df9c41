// Descriptions that stand for a person ("the Ukrainian leader", "the US president"), accepted only
// where the text itself ties them to one person: a title written before the name ("US President
// Donald Trump") or an apposition ("Volodymyr Zelenskyy, the Ukrainian leader," / "the Ukrainian
// leader, Volodymyr Zelenskyy"). A description that the text ties to two people is dropped.
#ifndef DOSSIER_ENTITIES_DESCRIPTIONS_H_
#define DOSSIER_ENTITIES_DESCRIPTIONS_H_

#include <string>
#include <string_view>
#include <vector>

#include "dossier/entity_linking.h"

namespace dossier::entities {

// The roles the text gives the person mentioned at `name` (lower-case, without "the"), e.g.
// {"us president"} for "... US President Donald Trump said".
std::vector<std::string> RolesAround(std::string_view text, Span name);

// A title written in front of one of a person's names ("president" for "President Trump"), and where.
struct TitledMention {
  std::string title;  // lower-case, as NameForm::title
  uint32_t begin;     // the mention's start in Document::text
};

// Adds to each person the later occurrences of "the <role>" for roles tied to them alone: by an
// apposition or a qualified title (RolesAround), or by a title that only this person carries in
// the document ("President Trump" ... "the president", when no other president is named).
// `titles` runs parallel to `entities`. "the president of ..." names some other office, never linked.
// `lower` is doc.text lower-cased byte for byte (AsciiLower), shared with the other steps.
void AddDescriptionMentions(const Document& doc, std::string_view lower,
                            const std::vector<std::vector<TitledMention>>& titles, std::vector<Entity>* entities);

}  // namespace dossier::entities

#endif  // DOSSIER_ENTITIES_DESCRIPTIONS_H_
