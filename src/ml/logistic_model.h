// Binary logistic regression over a small dense feature vector, trained by deterministic
// full-batch gradient descent with L2 regularisation. Features are standardised with means and
// deviations learned at training time and stored in the model file.
//
// Used where there are few, real-valued pieces of evidence (story boundaries), for which a
// calibrated probability and smooth weights generalise better than hashed indicator features.
#ifndef DOSSIER_ML_LOGISTIC_MODEL_H_
#define DOSSIER_ML_LOGISTIC_MODEL_H_

#include <cstdint>
#include <string>
#include <vector>

namespace dossier {

class LogisticModel {
 public:
  struct TrainOptions {
    uint32_t iterations = 400;
    double learning_rate = 0.5;
    double l2 = 1e-3;
    double positive_weight = 1.0;  // weight of positive examples in the loss
  };

  // `x` holds one row of `dims` features per example; `y` the 0/1 labels.
  static LogisticModel Train(const std::vector<float>& x, const std::vector<uint8_t>& y, size_t dims,
                             const TrainOptions& options);

  // Probability of the positive class for one feature row.
  double Probability(const float* row) const;
  size_t dims() const { return weights_.size(); }

  void SetProvenance(uint64_t fingerprint, std::string settings) {
    fingerprint_ = fingerprint;
    settings_ = std::move(settings);
  }
  uint64_t data_fingerprint() const { return fingerprint_; }

  bool Save(const std::string& path, const std::string& kind, std::string* error) const;
  bool Load(const std::string& path, const std::string& kind, std::string* error);

 private:
  std::vector<double> mean_, scale_, weights_;
  double bias_ = 0;
  uint64_t fingerprint_ = 0;
  std::string settings_;
};

}  // namespace dossier

#endif  // DOSSIER_ML_LOGISTIC_MODEL_H_
