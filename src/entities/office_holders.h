// The parsed contents of data/entities/countries.tsv and office-holders.tsv, and the step that uses
// them: role phrases ("the US president", "Ukraine's president", "the Ukrainian leader", "his
// Ukrainian counterpart") attached to the one person named in the story who held such an office.
#ifndef DOSSIER_ENTITIES_OFFICE_HOLDERS_H_
#define DOSSIER_ENTITIES_OFFICE_HOLDERS_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "dossier/entity_linking.h"

namespace dossier {

struct OfficeHolders::Impl {
  struct Term {  // one person in one office
    int country;
    std::vector<std::string> offices;  // lower case ("prime minister", "pm", "premier")
    bool leader;
    std::vector<std::string> names;    // lower case (ASCII letters folded), spellings of one person
    std::string from, to;              // ISO dates; `to` empty while in office
  };
  // What a phrase asks for: people of `country` in `office`, or the country's leader, or (for
  // "counterpart") anyone of that country in an office of the table.
  struct Want {
    int country;         // -1: any country ("the president", the office written bare)
    std::string office;  // empty with `leader` or `any`
    bool leader = false;
    bool any = false;
  };
  std::vector<std::string> countries;  // keys, index = country id
  std::vector<Term> terms;
  // Lower-cased phrase -> what it asks for. Phrases: "the <modifier> <office>", "the <modifier>
  // leader", "<name>'s <office>" (both apostrophes), "his|her|their <modifier> counterpart", and
  // the bare "the <office>".
  std::unordered_map<std::string, std::vector<Want>> phrases;
  size_t longest_phrase_words = 0;
  std::vector<std::string> first_words;  // sorted: the first word of every phrase, a cheap filter
  // Surnames (last word of a spelling of two words or more) that two different people of the table
  // share: a person known by the surname alone cannot be matched through them.
  std::unordered_set<std::string> shared_surnames;
};

namespace entities {

// Adds to `entities` (people only) the role phrases of `doc.text` that exactly one person named in
// the same story fits (for a bare office, named before the phrase). `date` filters the terms of
// office; without it, of several people who held the office the one still in office is taken. Phrases that overlap a
// mention, sit right before a name ("the US president Donald Trump") or go on with "of" are skipped.
// `lower` is doc.text lower-cased byte for byte (AsciiLower), shared with the other steps.
void AddOfficeDescriptions(const Document& doc, std::string_view lower, const OfficeHolders::Impl& kb,
                           std::string_view date, std::vector<Entity>* entities);

}  // namespace entities
}  // namespace dossier

#endif  // DOSSIER_ENTITIES_OFFICE_HOLDERS_H_
