// The pipeline: bytes in, Document out. Loads the models and word lists of the chosen stages once;
// analysing is then a const operation, so one Analyzer can be shared by threads.
#ifndef DOSSIER_PIPELINE_H_
#define DOSSIER_PIPELINE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "dossier/document.h"
#include "dossier/quotes.h"

namespace dossier {

// The stages of `analyze` after the foundation. The foundation (clean, classify lines, segment
// stories, sentences, tokens) always runs: every later stage reads its blocks and tokens.
enum Stage : uint32_t {
  kStageEntities = 1,  // named entities, tagged and linked (src/ner, src/entities)
  kStageQuotes = 2,    // quotations and their speakers (src/quotes); needs kStageEntities
  kStageTime = 4,      // time expressions, amounts, time reference, timeline (src/time, src/amounts)
};
inline constexpr uint32_t kFoundationOnly = 0;
inline constexpr uint32_t kAllStages = kStageEntities | kStageQuotes | kStageTime;

// Parses a comma-separated list of stage names ("foundation", "entities", "quotes", "time", "all")
// into Stage bits, adding what a listed stage needs (quotes: entities). "foundation" alone gives
// kFoundationOnly. Returns false with a one-line reason for an empty list or an unknown name.
bool ParseStages(std::string_view list, uint32_t* stages, std::string* error);
// The names ParseStages accepts, for help texts.
inline constexpr std::string_view kStageNames = "foundation, entities, quotes, time, all";

struct AnalyzerOptions {
  std::string data_dir;   // word lists and rules; empty: $DOSSIER_DATA or the built-in default
  std::string model_dir;  // trained models; empty: $DOSSIER_MODELS or the built-in default
  bool tokens = true;     // tokenise and split sentences (off for the line-only fast path)
  // Which stages run (Stage bits; ParseStages). Only their models and word lists are loaded, once,
  // by Create; the fields of the stages left out stay empty in the Document.
  uint32_t stages = kAllStages;
  // How the quote stage finds attributions (dossier/quotes.h); the tagger is MODELS/quotes.model.
  QuoteMode quotes_mode = kDefaultQuoteMode;
};

// What the caller knows about an HTML page beyond its bytes (from WARC/HTTP headers, a URL list).
struct HtmlInput {
  std::string url;
  std::string content_type;  // the HTTP Content-Type header, for its charset
  std::string published;     // publication date (YYYY-MM-DD) for relative time expressions; any input
  // Known to be HTML (a WARC response with an HTML Content-Type, its body already decoded): neither
  // gunzipped nor sniffed.
  bool is_html = false;
  // Known to be crude text (the "text" of a --stdin-jsonl line): never taken for HTML or gzip.
  bool is_text = false;
  // A weak date (ISO, from the crawl: HTTP Last-Modified or WARC-Date) for relative time
  // expressions when neither `published` nor the page gives one; metadata is never overwritten.
  std::string fallback_date;
};

class Analyzer {
 public:
  // Returns null and sets `error` when a model or data file cannot be loaded.
  static std::unique_ptr<Analyzer> Create(const AnalyzerOptions& options, std::string* error);
  ~Analyzer();

  // Crude scraped text: one block per non-empty line, cleaned, labelled and segmented into stories.
  Document AnalyzeCrudeText(std::string_view bytes, const std::string& path) const;

  // An HTML page (already decompressed): decoded, its article and metadata extracted, then the same
  // document model as crude text (one story).
  Document AnalyzeHtml(std::string_view bytes, const std::string& path,
                       const HtmlInput& hints = {}) const;

  // Any input: gzip is decompressed, HTML is told from crude text by its content (not its name).
  // Returns false with a one-line reason (prefixed with `path`) for input that is neither.
  bool Analyze(std::string_view bytes, const std::string& path, Document* doc, std::string* error,
               const HtmlInput& hints = {}) const;
  // The same, taking the input over: its memory is freed as soon as the analysis no longer reads
  // it (before the stories and the later stages), which lowers the peak on large inputs.
  bool AnalyzeTakingInput(std::string&& bytes, const std::string& path, Document* doc, std::string* error,
                          const HtmlInput& hints = {}) const;

  // The stages this analyzer runs (AnalyzerOptions::stages, with what they need added).
  uint32_t stages() const;

  // Warnings gathered while loading (e.g. a word list that is missing), for the CLI to show once.
  const std::string& load_warnings() const;

 private:
  Analyzer();
  // `release`, when not null, owns `bytes` (or what they were decompressed into) and is emptied
  // once they are no longer read.
  bool AnalyzeOwned(std::string_view bytes, const std::string& path, Document* doc, std::string* error,
                    const HtmlInput& hints, std::string* release) const;
  Document CrudeText(std::string_view bytes, const std::string& path, std::string* release) const;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Directory of the data files / models, resolved from options, the environment and build defaults.
std::string ResolveDataDir(const std::string& given);
std::string ResolveModelDir(const std::string& given);

}  // namespace dossier

#endif  // DOSSIER_PIPELINE_H_
