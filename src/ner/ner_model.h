// The named-entity model: feature extraction settings, the gazetteers and word clusters it was
// trained with, and two structured perceptrons (stage 1: local and document features; stage 2:
// the same plus non-local features from stage 1's labels over the whole document).
//
// File format (kind "ner"): the header every Dossier model has (magic "DSLM", format version,
// kind, fingerprint of the training data, gazetteer files and cluster file, settings text), then
// the feature groups, the resource fingerprints, and the zlib-compressed, 16-bit quantised weights.
#ifndef DOSSIER_NER_NER_MODEL_H_
#define DOSSIER_NER_NER_MODEL_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "ner/emission_tables.h"
#include "ner/features.h"
#include "ner/gazetteer.h"
#include "ner/ner_doc.h"
#include "ner/perceptron.h"
#include "ner/word_clusters.h"

namespace dossier::ner {

struct TrainOptions {
  uint32_t seed = 1;
  uint32_t epochs = 12;
  uint32_t bits = 21;        // 2^bits hashed feature buckets while training
  uint32_t groups = kFeatAll;
  bool two_stage = true;
  uint32_t folds = 4;        // jackknife folds for the stage-1 labels stage 2 trains on
  // Called after each epoch of each model with (model name, epoch); may evaluate on dev.
  std::function<void(const std::string&, uint32_t)> on_epoch;
};

class NerModel {
 public:
  // Gazetteers from `gazetteer_dir` (every *.txt) and clusters from `clusters_path`; either may be
  // missing. Train and Load need the same resources.
  bool LoadResources(const std::string& gazetteer_dir, const std::string& clusters_path, std::string* error);
  void SetResources(Gazetteers gazetteers, WordClusters clusters);

  void Train(const std::vector<NerDoc>& docs, const TrainOptions& options);
  bool Save(const std::string& path, std::string* error) const;
  bool Load(const std::string& path, std::string* error);

  // BILOU labels for every word of `doc`. Thread-compatible: use one Workspace per thread, and
  // keep it across documents: it caches per distinct word the word-only part of the emission
  // scores (bounded; it belongs to one model and is reset when used with another).
  struct Workspace {
    std::unique_ptr<FeatureExtractor> extractor;
    DocFeatures base, full, nonlocal;
    StructuredPerceptron::Scratch scratch;
    std::vector<int> stage1;
    uint64_t owner = 0;           // id and address of the model the caches below belong to
    const void* owner_address = nullptr;
    uint32_t generation = 0;      // of the extractor's word table the sums belong to
    std::vector<int32_t> word_sums;  // per word type: stage-1 then stage-2 partial emissions
    std::vector<uint8_t> word_done;
    std::vector<uint32_t> word_ids, rows;
    std::vector<int32_t> em1, em2;
    std::vector<int64_t> score;
    std::vector<int16_t> back;
  };
  void Tag(const NerDoc& doc, std::vector<int>* labels, Workspace* ws) const;
  // The same labels computed the plain way (every feature of every token looked up in each
  // perceptron, float sums): the reference the fast Tag is tested against.
  void TagReference(const NerDoc& doc, std::vector<int>* labels) const;
  void Tag(const NerDoc& doc, std::vector<int>* labels) const {
    Workspace ws;
    Tag(doc, labels, &ws);
  }

  uint64_t fingerprint() const { return fingerprint_; }
  const std::string& settings() const { return settings_; }
  size_t rows() const { return stage1_.rows() + stage2_.rows(); }

 private:
  bool BuildTables();
  void TagStage1(const StructuredPerceptron& model, const NerDoc& doc, Workspace* ws, std::vector<int>* out) const;

  Gazetteers gazetteers_;
  WordClusters clusters_;
  uint32_t groups_ = kFeatAll;
  bool two_stage_ = true;
  StructuredPerceptron stage1_, stage2_;
  EmissionTables tables_;  // both stages' weights as Tag reads them
  uint64_t id_ = 0;        // changes whenever the weights do (Workspace ownership)
  uint64_t fingerprint_ = 0;
  std::string settings_;
};

// Fingerprint of training documents (words and gold labels).
uint64_t FingerprintDocs(const std::vector<NerDoc>& docs);

}  // namespace dossier::ner

#endif  // DOSSIER_NER_NER_MODEL_H_
