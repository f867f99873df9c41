// The tagger's features. Every feature is a 32-bit id (FeatureId of a template number and a value
// hash), computed once per token per document into one flat buffer that is reused:
//  * local: word form and lower-cased form, neighbours (+-2), shapes, prefixes and suffixes up to
//    4, capitalisation in context (sentence start, ALL-CAPS headline sentences), position in the
//    sentence and document, gazetteer matches, word-cluster paths;
//  * document: how the same word is written elsewhere in the document (lower case in running
//    text? capitalised mid-sentence?);
//  * non-local (second stage): the types and BILOU labels the first stage gave the same word
//    elsewhere in the document, the types it gave the same phrase elsewhere, the type of the
//    word's first occurrence, the neighbours' majority type elsewhere, and the first-stage labels
//    around the token (Ratinov & Roth 2009, two-stage prediction aggregation).
#ifndef DOSSIER_NER_FEATURES_H_
#define DOSSIER_NER_FEATURES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "ner/flat_map.h"
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

  // Local and document features of every word of `doc`. With `split`, the features that depend
  // on the word alone (bias, forms, shape, length, affixes, cluster paths: WordFeatures) are left
  // out, for the tagger to add from a per-word cache; token_types() then says which word each
  // token is. Without it (training), every feature is in `out`, in the order training saw them.
  void Extract(const NerDoc& doc, DocFeatures* out, bool split = false);
  // The word-only features of word type `type` (an index of token_types()) into `out`.
  void WordFeatures(uint32_t type, std::vector<uint32_t>* out) const;
  // Word type of each token of the last Extract: an index into a table of distinct words kept
  // across documents. The table is emptied (and generation() changes) when it grows too large, at
  // the start of an Extract only, so indices stay valid until the next Extract.
  const std::vector<uint32_t>& token_types() const { return token_types_; }
  size_t type_count() const { return types_.size(); }
  uint32_t generation() const { return generation_; }

  // `base` plus the non-local features from first-stage labels `stage1` (one per word). Must follow
  // Extract() of the same document (it reuses what Extract computed per token).
  void AddNonLocal(const NerDoc& doc, const DocFeatures& base, const std::vector<int>& stage1,
                   DocFeatures* out);
  // The non-local features alone (what AddNonLocal appends to each token's base features).
  void ExtractNonLocal(const NerDoc& doc, const std::vector<int>& stage1, DocFeatures* out);

 private:
  struct TokenInfo {
    uint64_t form = 0, lower = 0, shape = 0;
    uint64_t prefix[4] = {}, suffix[4] = {};
    uint32_t cluster = 0;  // cluster path code of the lower-cased word, 0 if none
    uint8_t cap = 0;
    uint8_t length = 0;
    bool letter = false;
  };
  static constexpr size_t kMaxTypes = size_t{1} << 16;
  TokenInfo Describe(std::string_view word, uint64_t form_hash);
  const Gazetteers* gazetteers_;
  const WordClusters* clusters_;
  uint32_t groups_;
  // Reused buffers.
  std::vector<TokenInfo> info_;
  // Distinct words seen (by form hash), so each is lower-cased, shaped and hashed once.
  FlatMap type_index_;  // form hash -> index + 1 into types_
  std::vector<TokenInfo> types_;
  std::vector<uint32_t> token_types_;
  uint32_t generation_ = 0;
  std::vector<uint8_t> caps_sentence_;
  std::vector<std::vector<uint16_t>> gaz_;
  std::vector<uint64_t> lower_hashes_;
  std::string lower_, shape_;
};

}  // namespace dossier::ner

#endif  // DOSSIER_NER_FEATURES_H_
