// Word clusters learned from unlabelled text by our own code, a cheap stand-in for Brown clusters:
// each frequent word is described by its neighbours (left/right, distance 1 and 2, among the most
// frequent words; positive PMI weights, unit length), and bisecting spherical k-means splits the
// vocabulary in two again and again; a word's path of left/right choices is its cluster bit string
// (prefixes of it are coarser clusters). Deterministic for a seed.
#ifndef DOSSIER_NER_CLUSTER_LEARNER_H_
#define DOSSIER_NER_CLUSTER_LEARNER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace dossier::ner {

struct ClusterOptions {
  uint32_t min_count = 3;        // words seen fewer times are not clustered
  uint32_t max_words = 60000;    // the most frequent words only
  uint32_t context_words = 1000; // neighbours counted: the most frequent words
  uint32_t depth = 12;           // bits of the cluster paths (up to 4096 leaves)
  uint32_t iterations = 6;       // k-means iterations per split
  uint32_t seed = 1;
};

class ClusterLearner {
 public:
  // Adds one sentence of words (lower-cased here).
  void AddSentence(const std::vector<std::string_view>& words);
  // Learns the clusters; returns (path, word) pairs sorted by path then word.
  std::vector<std::pair<std::string, std::string>> Learn(const ClusterOptions& options) const;
  size_t tokens() const { return tokens_; }

 private:
  std::unordered_map<std::string, uint32_t> ids_;
  std::vector<std::string> vocab_;  // id -> word
  std::vector<uint64_t> counts_;
  std::vector<uint32_t> text_;      // word ids; kBoundary between sentences
  size_t tokens_ = 0;
};

}  // namespace dossier::ner

#endif  // DOSSIER_NER_CLUSTER_LEARNER_H_
