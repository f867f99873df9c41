// The pipeline: bytes in, Document out. Loads every model and word list once; analysing is then a
// const operation, so one Analyzer can be shared by threads.
#ifndef DOSSIER_PIPELINE_H_
#define DOSSIER_PIPELINE_H_

#include <memory>
#include <string>
#include <string_view>

#include "dossier/document.h"

namespace dossier {

struct AnalyzerOptions {
  std::string data_dir;   // word lists and rules; empty: $DOSSIER_DATA or the built-in default
  std::string model_dir;  // trained models; empty: $DOSSIER_MODELS or the built-in default
  bool tokens = true;     // tokenise and split sentences (off for the line-only fast path)
};

// What the caller knows about an HTML page beyond its bytes (from WARC/HTTP headers, a URL list).
struct HtmlInput {
  std::string url;
  std::string content_type;  // the HTTP Content-Type header, for its charset
  std::string published;     // publication date (YYYY-MM-DD) for relative time expressions; any input
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

  // Warnings gathered while loading (e.g. a word list that is missing), for the CLI to show once.
  const std::string& load_warnings() const;

 private:
  Analyzer();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Directory of the data files / models, resolved from options, the environment and build defaults.
std::string ResolveDataDir(const std::string& given);
std::string ResolveModelDir(const std::string& given);

}  // namespace dossier

#endif  // DOSSIER_PIPELINE_H_
