// Named entities: the tagger that finds person, location, organisation and other ("MISC") names
// in a Document's tokens. Load it once (model + gazetteers + word clusters), then tag documents;
// tagging is const and may run on several threads at once.
//
// The model is trained on CoNLL-2003 (`dossier train ner`); it tags sentence by sentence with the
// whole document as context (how a word is written and labelled elsewhere in the document).
// Our tokenizer keeps "Trump's" whole where CoNLL splits "Trump 's": a possessive 's is split off
// for tagging and is never part of a mention, so a mention's byte span can end inside its last
// token (before the 's).
#ifndef DOSSIER_ENTITIES_H_
#define DOSSIER_ENTITIES_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dossier/document.h"

namespace dossier {

// EntityType and EntityTypeName live in dossier/document.h (the Document holds entities).

struct EntityMention {
  EntityType type = EntityType::kMisc;
  uint32_t first_token = 0;  // index into Document::tokens
  uint32_t token_count = 0;  // tokens [first_token, first_token + token_count)
  Span span;                 // the name's bytes in Document::text (without a possessive 's)
  uint32_t sentence = 0;     // index into Document::sentences
};

struct EntityTaggerOptions {
  std::string model_path;  // empty: MODELS/ner.model ($DOSSIER_MODELS or the built-in default)
  std::string data_dir;    // gazetteers and clusters; empty: $DOSSIER_DATA or the built-in default
  bool article_only = true;  // tag only article blocks (body, headings, list items) and captions
};

class EntityTagger {
 public:
  // Returns null and sets `error` when the model or its resources cannot be loaded.
  static std::unique_ptr<EntityTagger> Create(const EntityTaggerOptions& options, std::string* error);
  ~EntityTagger();

  // Mentions in document order. Sentences marked duplicate are skipped.
  std::vector<EntityMention> Tag(const Document& doc) const;

  // Pre-tokenised text (CoNLL style): one document given as sentences of words; returns one IOB2
  // tag per word ("O", "B-PER", "I-PER", ...).
  std::vector<std::vector<std::string_view>> TagWords(
      const std::vector<std::vector<std::string_view>>& sentences) const;

 private:
  EntityTagger();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace dossier

#endif  // DOSSIER_ENTITIES_H_
