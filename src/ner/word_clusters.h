// Word clusters learned by our own code from unlabelled text (tools: `dossier ner-clusters`):
// each lower-cased word has a cluster path (a bit string of a binary hierarchy, as Brown clusters
// have); the tagger uses prefixes of the path as features. File: one "path<TAB>word" per line.
#ifndef DOSSIER_NER_WORD_CLUSTERS_H_
#define DOSSIER_NER_WORD_CLUSTERS_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "ner/flat_map.h"

namespace dossier::ner {

class WordClusters {
 public:
  // A missing file loads nothing and is not an error.
  bool Load(const std::string& path, std::string* error);
  void Add(std::string_view word, std::string_view path);
  bool empty() const { return map_.size() == 0; }
  uint64_t fingerprint() const { return fingerprint_; }
  // Path of a lower-cased word hash, coded as (1 << length) | bits, or 0 when unknown.
  uint32_t Find(uint64_t lower_hash) const {
    const uint32_t* v = map_.Find(lower_hash);
    return v ? *v : 0;
  }

 private:
  FlatMap map_;
  uint64_t fingerprint_ = 14695981039346656037ull;
};

}  // namespace dossier::ner

#endif  // DOSSIER_NER_WORD_CLUSTERS_H_
