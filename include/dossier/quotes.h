// Quotations and reported speech, attributed to their speaker: the quote stage of the pipeline.
//
// Rules, not a trained model: quotation marks are paired per paragraph (a quotation left open at a
// paragraph's end continues when the next paragraph opens with a mark, the newspaper convention);
// speech cues ("said", "told NBC News", "according to") come from data/quotes/en.cues; the speaker
// is the noun phrase next to the cue, and pronouns, surnames and descriptions ("the Ukrainian
// leader") are resolved to an entity by a small coreference step (src/quotes/speakers.cc) that
// leaves the speaker unknown when the text does not say.
//
// Loaded once and const afterwards, so threads can share one QuoteStage.
#ifndef DOSSIER_QUOTES_H_
#define DOSSIER_QUOTES_H_

#include <memory>
#include <string>

#include "dossier/document.h"

namespace dossier {

namespace quotes {
class Lexicon;
}

class QuoteStage {
 public:
  // Loads DATA/quotes/en.cues. Returns null and sets `error` on failure.
  static std::unique_ptr<QuoteStage> Load(const std::string& data_dir, std::string* error);
  static std::unique_ptr<QuoteStage> FromFile(const std::string& path, std::string* error);
  ~QuoteStage();

  // Fills doc->quotes from the article blocks (body and list items; headings and captions are
  // not speech). Needs tokens and sentences; uses doc->entities when present.
  void Annotate(Document* doc) const;

 private:
  QuoteStage();
  std::unique_ptr<quotes::Lexicon> lexicon_;
};

}  // namespace dossier

#endif  // DOSSIER_QUOTES_H_
