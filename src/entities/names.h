// How a name is written vs who it names: honorifics and titles stripped, tokens split, initials
// joined ("J.D." -> "JD"), acronyms of multi-word names. Shared by the linker's rules.
#ifndef DOSSIER_ENTITIES_NAMES_H_
#define DOSSIER_ENTITIES_NAMES_H_

#include <string>
#include <string_view>
#include <vector>

#include "dossier/document.h"
#include "util/ascii.h"

namespace dossier::entities {

struct NameForm {
  std::vector<std::string> words;  // as written (titles and a leading "the" removed)
  std::vector<std::string> lower;  // the same, lower-cased (ASCII letters), for comparisons
  std::string title;               // the stripped title words, lower-cased ("mr", "army secretary")
  std::string Joined() const;      // words joined by single spaces
  std::string LowerJoined() const;
};

// Splits a mention's text into name words, dropping a leading "the" and, for people
// (`person` true), leading honorifics/titles ("Mr", "Sir", "President", "Secretary of State",
// "Army Secretary", ...). A name made only of title words (e.g. "President") keeps them.
// Organisations keep every word: "Army Corps", "General Motors", "Justice Department".
NameForm ParseName(std::string_view text, bool person = true);

// "EU" for "European Union", "NATO" for "North Atlantic Treaty Organization": the first letters
// of the capitalised words (function words skipped). Empty for names of one word.
std::string Acronym(const NameForm& name);

// True for a single word written in capitals (2-6 letters), the shape of an acronym.
bool LooksLikeAcronym(std::string_view word);

// True when the text starts with a personal honorific followed by a name ("Mr Trump", "Sir Keir
// Starmer", "Dr. Fauci"): whatever a tagger said, such a mention names a person.
bool StartsWithPersonalHonorific(std::string_view text);

// The length of a possessive ending ("'s", "’s", or "‘s" typed by mistake) at the end of a name,
// 0 if none: "Trump‘s" names Trump.
size_t PossessiveSuffixLength(std::string_view text);

// True for mentions that cannot be names: a pronoun or a contraction of one ("I", "I’m", "We've"),
// which a tagger sometimes marks at the start of a sentence.
bool IsPronounLike(std::string_view text);

// True when a name ends in a word that heads names of organisations and never a person's
// ("Sky News", "Royal Family", "Labour Party", "Justice Department"): the tagger's PER is wrong.
bool EndsInOrganisationHead(const NameForm& name);

// True when a name ends in a word that heads names of places and never a person's ("Mill Lane",
// "Ashby Falls", "Hollins Road"): the tagger's PER is wrong.
bool EndsInPlaceHead(const NameForm& name);

// The personal honorific written right before `pos` ("Ms" in "... Ms Marlow", the tagger having
// left it outside the name), lower-cased without a dot, or "".
std::string HonorificBefore(std::string_view text, size_t pos);

// The capitalised title word written right before `pos` in `text` ("President" in "... President
// Trump"), lower-cased, or "" if the word there is no title.
std::string TitleWordBefore(std::string_view text, size_t pos);

// "Trump-Putin" (a summit), "Witkoff-Dmitriev" (a plan): a hyphenated pair used as a modifier
// names two people when every part is one of `lower_surnames`. Returns the parts' spans (in
// `text`), or nothing when the mention is not such a pair ("Mountbatten-Windsor" is one surname).
std::vector<Span> SplitNamePair(std::string_view text, Span mention,
                                const std::vector<std::string>& lower_surnames);

// Names are compared ASCII-lower-cased throughout linking: AsciiLower of util/ascii.h.

// Lower-case role nouns that make a description a person's ("president", "leader", "envoy", ...).
bool IsRoleNoun(std::string_view lower_word);

}  // namespace dossier::entities

#endif  // DOSSIER_ENTITIES_NAMES_H_
