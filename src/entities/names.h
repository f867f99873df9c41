// How a name is written vs who it names: honorifics and titles stripped, tokens split, initials
// joined ("J.D." -> "JD"), acronyms of multi-word names. Shared by the linker's rules.
#ifndef DOSSIER_ENTITIES_NAMES_H_
#define DOSSIER_ENTITIES_NAMES_H_

#include <string>
#include <string_view>
#include <vector>

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

// Lower-case role nouns that make a description a person's ("president", "leader", "envoy", ...).
bool IsRoleNoun(std::string_view lower_word);

}  // namespace dossier::entities

#endif  // DOSSIER_ENTITIES_NAMES_H_
