// Quotations and reported speech, attributed to their speaker: the quote stage of the pipeline.
//
// Rules and, by default, a trained tagger (QuoteMode below). The rules: quotation marks are paired
// per paragraph (a quotation left open at a paragraph's end continues when the next paragraph opens
// with a mark, the newspaper convention);
// speech cues ("said", "told NBC News", "according to") come from data/quotes/en.cues; the speaker
// is the noun phrase next to the cue, and pronouns, surnames and descriptions ("the Ukrainian
// leader") are resolved to an entity by a small coreference step (src/quotes/speakers.cc) that
// leaves the speaker unknown when the text does not say. The tagger (src/quotes/tagger.h, trained
// on PolNeAR by `dossier train quotes`) finds the attributions the rules miss: beliefs, stances,
// reports and their long tail of cues.
//
// Loaded once and const afterwards, so threads can share one QuoteStage.
#ifndef DOSSIER_QUOTES_H_
#define DOSSIER_QUOTES_H_

#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "dossier/document.h"

namespace dossier {

namespace quotes {
class Lexicon;
class SpanTagger;
}

// How attributions are found: by the rules alone; by the trained tagger (models/quotes.model,
// src/quotes/tagger.h) alone, the rules' output being one of its features; or combined: the rules'
// direct quotations (marks, split quotes, turns), the tagger's attributions with a cue that touch
// none of their tokens, then the rules' other attributions that touch nothing kept.
enum class QuoteMode : uint8_t { kRules, kModel, kCombined };
// "rules", "model", "combined". False for anything else.
bool ParseQuoteMode(std::string_view name, QuoteMode* mode);
// What `dossier analyze` uses unless told otherwise (bench/RESULTS.md, "Quotations": the choice).
inline constexpr QuoteMode kDefaultQuoteMode = QuoteMode::kCombined;

struct QuoteStageOptions {
  std::string data_dir;    // DATA/quotes/en.cues
  std::string model_path;  // the tagger, loaded on first use; missing: rules only (said once on stderr)
  QuoteMode mode = QuoteMode::kRules;
};

class QuoteStage {
 public:
  // Loads DATA/quotes/en.cues. Returns null and sets `error` on failure. Rules only.
  static std::unique_ptr<QuoteStage> Load(const std::string& data_dir, std::string* error);
  static std::unique_ptr<QuoteStage> Load(const QuoteStageOptions& options, std::string* error);
  static std::unique_ptr<QuoteStage> FromFile(const std::string& path, std::string* error);
  ~QuoteStage();

  // Fills doc->quotes from the article blocks (body and list items; headings and captions are
  // not speech). Needs tokens and sentences; uses doc->entities when present.
  void Annotate(Document* doc) const;

 private:
  QuoteStage();
  // The tagger, loaded once on first use; null when the mode is rules or the file is missing.
  const quotes::SpanTagger* Tagger() const;
  std::unique_ptr<quotes::Lexicon> lexicon_;
  QuoteMode mode_ = QuoteMode::kRules;
  std::string model_path_;
  mutable std::once_flag tagger_once_;
  mutable std::unique_ptr<quotes::SpanTagger> tagger_;
};

}  // namespace dossier

#endif  // DOSSIER_QUOTES_H_
