// Entities across a batch or corpus: each document's entities (LinkEntities) merged into corpus
// entities with every alias, by evidence that holds across documents, never by a shared surname
// alone when two people carry it.
//
// Rules (src/entities/corpus_linker.cc): people join on a full name they share ("Donald Trump",
// first and last name for "Donald J. Trump"); a person a document names by one word only
// ("Trump", "Mr Trump") joins the one corpus person with that surname, and stays apart when there
// are two (Donald and Melania Trump) or none; organisations, places and other names join on the
// same name, or when one's name is another's alias and that alias belongs to no other name ("EU"
// alone joins "European Union" if no other entity was also called "EU"). Descriptions ("the US
// president") are kept as aliases with their counts but never join anything: roles change hands.
// The result does not depend on the order documents arrive in.
#ifndef DOSSIER_CORPUS_ENTITIES_H_
#define DOSSIER_CORPUS_ENTITIES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "dossier/document.h"

namespace dossier {

// What the corpus linker needs of one document entity: no offsets, so that documents can be
// summarised as they stream past (or read back from JSON) and merged at the end.
struct EntitySummary {
  uint32_t entity = 0;  // its id in the document
  EntityType type = EntityType::kMisc;
  std::string name;     // the document's canonical name
  struct Surface {
    std::string text;   // as written ("Mr Trump", "the US president")
    uint32_t mentions = 0;
  };
  std::vector<Surface> surfaces;  // distinct, in order of first mention
};

// The summaries of a document's entities.
std::vector<EntitySummary> SummariseEntities(const Document& doc);

struct CorpusEntity {
  uint32_t id = 0;  // 0-based, in order of first appearance (document order, then entity id)
  EntityType type = EntityType::kMisc;
  std::string name;  // the most used full name
  struct Alias {
    std::string text;
    uint32_t mentions = 0;
  };
  std::vector<Alias> aliases;  // most used first
  uint32_t mentions = 0;
  struct Member {
    uint32_t document;  // index of the document, in the order added
    uint32_t entity;    // its entity id there
  };
  std::vector<Member> members;  // document order
  // Why members were joined: how many joins each kind of evidence made.
  uint32_t joined_by_name = 0, joined_by_surname = 0, joined_by_alias = 0;
  uint32_t documents() const;
};

class CorpusEntityLinker {
 public:
  // Adds one document's entities; returns the document's index.
  uint32_t Add(std::vector<EntitySummary> entities);
  // The corpus entities over every document added so far.
  std::vector<CorpusEntity> Link() const;
  uint32_t documents() const { return static_cast<uint32_t>(docs_.size()); }

 private:
  std::vector<std::vector<EntitySummary>> docs_;
};

// One JSON object (no newline) per corpus entity: id, type, name, aliases [{text, mentions}],
// documents, mentions, evidence {same_name, surname, alias}, members [{document, entity}] with the
// document given by `document_names[index]`.
void WriteCorpusEntityJson(const CorpusEntity& e, const std::vector<std::string>& document_names, std::string* out);

}  // namespace dossier

#endif  // DOSSIER_CORPUS_ENTITIES_H_
