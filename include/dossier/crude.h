// Crude-text cleaning: what each line of a scraped page is, and how to train the line classifier.
#ifndef DOSSIER_CRUDE_H_
#define DOSSIER_CRUDE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dossier/document.h"

namespace dossier {

class LinearModel;

// Labels every line of a crude scrape as one of the seven BlockKinds. A learned linear model over
// hand-written line signals, shape and context features (src/crude/line_features.h).
class LineClassifier {
 public:
  LineClassifier();
  ~LineClassifier();
  LineClassifier(LineClassifier&&) noexcept;
  LineClassifier& operator=(LineClassifier&&) noexcept;

  // Loads a model written by Train/Save; returns false and sets `error` on failure.
  bool Load(const std::string& path, std::string* error);
  bool Save(const std::string& path, std::string* error) const;
  bool loaded() const;

  // One kind per line, in order; `confidence` (optional) gets a 0..1 margin per line.
  std::vector<BlockKind> Classify(const std::vector<std::string_view>& lines,
                                  std::vector<float>* confidence = nullptr) const;

  struct TrainingFile {
    std::string name;
    std::vector<std::string> lines;
    std::vector<BlockKind> labels;
    std::vector<uint32_t> story_starts;  // 0-based line indices of the gold story starts
  };
  struct TrainOptions {
    uint32_t seed = 1;
    uint32_t epochs = 30;
  };
  // Trains a new classifier (deterministic for a given seed and file order).
  static LineClassifier Train(const std::vector<TrainingFile>& files, const TrainOptions& options);
  uint64_t data_fingerprint() const;

 private:
  std::unique_ptr<LinearModel> model_;
};

// Reads the scraped-text gold files (NAME.txt + NAME.gold.json) under `dir`, recursively.
bool LoadScrapedTextGold(const std::string& dir, std::vector<LineClassifier::TrainingFile>* out,
                         std::string* error);

}  // namespace dossier

#endif  // DOSSIER_CRUDE_H_
