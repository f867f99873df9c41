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

class Analyzer {
 public:
  // Returns null and sets `error` when a model or data file cannot be loaded.
  static std::unique_ptr<Analyzer> Create(const AnalyzerOptions& options, std::string* error);
  ~Analyzer();

  // Crude scraped text: one block per non-empty line, cleaned, labelled and segmented into stories.
  Document AnalyzeCrudeText(std::string_view bytes, const std::string& path) const;

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
