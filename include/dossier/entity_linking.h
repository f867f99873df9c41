// Entity linking within a document: the tagger's mentions clustered into entities, each with a
// canonical name and every alias ("Donald Trump", "Mr Trump", "Trump", "the US president").
//
// Rules, in order of strength: the same name; a surname or first name that only one person in the
// document carries (with honorifics and titles stripped: Mr, Sir, Dr, President, Army Secretary,
// ...); acronyms of organisations and places ("EU" / "European Union"); an organisation named by a
// shorter tail of its name ("the Justice Department" / "the US Justice Department"); and
// descriptions that the text ties to one person by an apposition or a title ("Volodymyr Zelenskyy,
// the Ukrainian leader, ..." then "the Ukrainian leader"; "US President Donald Trump" then "the US
// president"). Two people who share a surname are never merged: a bare surname then goes to the
// one mentioned last before it, and stays unlinked if neither was.
#ifndef DOSSIER_ENTITY_LINKING_H_
#define DOSSIER_ENTITY_LINKING_H_

#include <cstdint>
#include <string>
#include <vector>

#include "dossier/document.h"
#include "dossier/entities.h"

namespace dossier {

// LinkedMention and Entity are declared in dossier/document.h.

std::vector<Entity> LinkEntities(const Document& doc, const std::vector<EntityMention>& mentions);

}  // namespace dossier

#endif  // DOSSIER_ENTITY_LINKING_H_
