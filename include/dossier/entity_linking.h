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
//
// With world knowledge (OfficeHolders, data/entities/), a role phrase the text does not tie by
// itself ("the US president", "the Ukrainian leader", "Russia's foreign minister", "his Ukrainian
// counterpart") joins a person named in the same story when exactly one person named there held
// such an office (at the document's date when it is known).
#ifndef DOSSIER_ENTITY_LINKING_H_
#define DOSSIER_ENTITY_LINKING_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dossier/document.h"
#include "dossier/entities.h"

namespace dossier {

// LinkedMention and Entity are declared in dossier/document.h.

// Who held which office and when (heads of state and government, a few ministers), loaded once
// from data/entities/countries.tsv and office-holders.tsv (formats in those files).
class OfficeHolders {
 public:
  // From the two files under `data_dir`; nullptr and `*error` set when they are missing or malformed.
  static std::unique_ptr<OfficeHolders> Load(const std::string& data_dir, std::string* error);
  // From the files' contents (tests).
  static std::unique_ptr<OfficeHolders> FromText(std::string_view countries, std::string_view offices,
                                                 std::string* error);
  ~OfficeHolders();

  struct Impl;  // src/entities/office_holders.h
  const Impl& impl() const { return *impl_; }

 private:
  explicit OfficeHolders(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

struct LinkingKnowledge {
  const OfficeHolders* offices = nullptr;  // none: role phrases only where the text ties them
  std::string date;                        // the document's date (YYYY-MM-DD), empty when unknown
};

std::vector<Entity> LinkEntities(const Document& doc, const std::vector<EntityMention>& mentions,
                                 const LinkingKnowledge& knowledge = {});

}  // namespace dossier

#endif  // DOSSIER_ENTITY_LINKING_H_
