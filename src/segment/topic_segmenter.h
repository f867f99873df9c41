// The trained topic segmenter behind `dossier segment` (models/segment.model).
//
// Two stages. (1) A logistic-regression boundary scorer gives every unit i >= 1 the probability
// that a segment starts there, from BoundaryFeatures (the DCM model's posteriors at several costs,
// local cohesion, how the unit opens). (2) A semi-Markov decoder picks the segmentation that
// maximises  sum over starts of [logit(start) + start_bias]  +  length_weight * sum over segments
// of ln P(length), where P(length) is the distribution of segment lengths seen in training
// (smoothed). The bias and the length weight are chosen by the trainer by cross-validation on the
// training documents only (nested inside any outer cross-validation).
//
// Tried on dev (cross-validated, bench/RESULTS.md) and not kept: posterior decoding of the
// unsupervised model alone (peaks above a threshold: worse than its MAP on Choi), posteriors of DCMs
// with other word priors (0.1, 2.0), forward-looking term overlap, a DCM over word clusters
// (data/ner/clusters.txt) as a second view; none beat the seed spread.
#ifndef DOSSIER_SEGMENT_TOPIC_SEGMENTER_H_
#define DOSSIER_SEGMENT_TOPIC_SEGMENTER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "segment/boundary_features.h"

namespace dossier::segment_internal {

struct TopicTrainingDoc {
  std::vector<std::string> units;
  std::vector<uint32_t> starts;  // 0-based gold starts, 0 included
};

struct TopicTrainOptions {
  uint32_t seed = 1;
  uint32_t epochs = 40;
  uint32_t inner_folds = 4;  // for choosing the decoder's bias and length weight
  // The length weights the inner cross-validation chooses from ({0}: no length prior).
  std::vector<double> length_weights = {0.0, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0};
};

class TopicSegmenter {
 public:
  bool Load(const std::string& path, std::string* error);
  bool Save(const std::string& path, std::string* error) const;
  bool loaded() const { return !weights_.empty(); }

  // 0-based starts (0 first) of the segments of `units`.
  std::vector<uint32_t> Segment(const std::vector<std::string_view>& units) const;
  // The same from features already computed (BoundaryFeatures of the same units).
  std::vector<uint32_t> Decode(const std::vector<std::vector<Feature>>& features) const;
  // Probability of a start at every unit (entry 0 is 1).
  std::vector<double> StartProbabilities(const std::vector<std::vector<Feature>>& features) const;

  // Trains on `docs` (features computed here) and sets the decoder's parameters by inner
  // cross-validation. Deterministic for a given seed.
  static TopicSegmenter Train(const std::vector<TopicTrainingDoc>& docs, const TopicTrainOptions& options);
  // The same on features computed beforehand (features[d] = BoundaryFeatures of docs[d]).
  static TopicSegmenter TrainOnFeatures(const std::vector<std::vector<std::vector<Feature>>>& features,
                                        const std::vector<std::vector<uint32_t>>& starts,
                                        const TopicTrainOptions& options);

  double start_bias() const { return start_bias_; }
  double length_weight() const { return length_weight_; }
  const std::string& settings() const { return settings_; }

 private:
  std::vector<uint32_t> DecodeLogits(const std::vector<double>& logits, double bias, double length_weight) const;
  std::vector<double> Logits(const std::vector<std::vector<Feature>>& features) const;

  std::unordered_map<std::string, double> weights_;
  std::vector<double> log_length_;  // ln P(length = i + 1), i < size(); longer: the last entry
  double start_bias_ = 0;
  double length_weight_ = 1;
  uint64_t fingerprint_ = 0;
  std::string settings_;
};

}  // namespace dossier::segment_internal

#endif  // DOSSIER_SEGMENT_TOPIC_SEGMENTER_H_
