// The tagger's features. Every feature is a 32-bit id (FeatureId of a template number and a value
// hash), computed once per token per document into one flat buffer that is reused:
//  * local: word form and lower-cased form, neighbours (+-2), shapes, prefixes and suffixes up to
//    4, capitalisation in context (sentence start, ALL-CAPS headline sentences), position in the
//    sentence and document, gazetteer matches, word-cluster paths;
//  * document: how the same word is written elsewhere in the document (lower case in running
//    text? capitalised mid-sentence?);
//  * non-local (second stage): the labels the first stage gave the same word elsewhere in the
//    document, and the first-stage labels around the token (Ratinov & Roth 2009, two-stage
//    prediction aggregation).
#ifndef DOSSIER_NER_FEATURES_H_
#define DOSSIER_NER_FEATURES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "ner/gazetteer.h"
#include "ner/ner_doc.h"
#include "ner/word_clusters.h"

namespace dossier::ner {

// Feature groups that can be switched off (ablation); bit set = on.
enum FeatureGroup : uint32_t {
  kFeatAffixes = 1,
  kFeatContext = 2,      // neighbouring words and shapes
  kFeatCapsContext = 4,  // sentence-initial / ALL-CAPS sentence conjunctions, positions
  kFeatDocument = 8,     // same word elsewhere in the document
  kFeatGazetteers = 16,
  kFeatClusters = 32,
  kFeatAll = 63,
};

struct DocFeatures {
  std::vector<uint32_t> ids;      // all tokens' feature ids, token after token
  std::vector<uint32_t> offsets;  // token t's ids are ids[offsets[t] .. offsets[t+1])
  void Clear() {
    ids.clear();
    offsets.assign(1, 0);
  }
};

class FeatureExtractor {
 public:
  FeatureExtractor(const Gazetteers* gazetteers, const WordClusters* clusters, uint32_t groups)
      : gazetteers_(gazetteers), clusters_(clusters), groups_(groups) {}

  // Local and document features of every word of `doc`.
  void Extract(const NerDoc& doc, DocFeatures* out);
  // `base` plus the non-local features from first-stage labels `stage1` (one per word). Must follow
  // Extract() of the same document (it reuses what Extract computed per token).
  void AddNonLocal(const NerDoc& doc, const DocFeatures& base, const std::vector<int>& stage1,
                   DocFeatures* out);

 private:
  struct TokenInfo {
    uint64_t form = 0, lower = 0, shape = 0;
    uint64_t prefix[4] = {}, suffix[4] = {};
    uint8_t cap = 0;
    uint8_t length = 0;
    bool letter = false;
  };
  const Gazetteers* gazetteers_;
  const WordClusters* clusters_;
  uint32_t groups_;
  // Reused buffers.
  std::vector<TokenInfo> info_;
  std::vector<uint8_t> caps_sentence_;
  std::vector<std::vector<uint16_t>> gaz_;
  std::vector<uint64_t> lower_hashes_;
  std::string lower_, shape_;
};

}  // namespace dossier::ner

#endif  // DOSSIER_NER_FEATURES_H_
