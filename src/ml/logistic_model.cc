#include "ml/logistic_model.h"

#include <cmath>
#include <cstring>
#include <fstream>

namespace dossier {

namespace {
constexpr char kMagic[4] = {'D', 'S', 'L', 'R'};
constexpr uint32_t kFormatVersion = 1;

double Sigmoid(double z) {
  if (z >= 0) return 1.0 / (1.0 + std::exp(-z));
  double e = std::exp(z);
  return e / (1.0 + e);
}

template <typename T>
void Put(std::ofstream& o, const T& v) {
  o.write(reinterpret_cast<const char*>(&v), sizeof(T));
}
template <typename T>
bool Get(std::ifstream& i, T* v) {
  return static_cast<bool>(i.read(reinterpret_cast<char*>(v), sizeof(T)));
}
}  // namespace

LogisticModel LogisticModel::Train(const std::vector<float>& x, const std::vector<uint8_t>& y, size_t dims,
                                   const TrainOptions& options) {
  LogisticModel m;
  const size_t n = y.size();
  m.mean_.assign(dims, 0.0);
  m.scale_.assign(dims, 1.0);
  m.weights_.assign(dims, 0.0);
  if (n == 0) return m;
  for (size_t i = 0; i < n; ++i)
    for (size_t d = 0; d < dims; ++d) m.mean_[d] += x[i * dims + d];
  for (size_t d = 0; d < dims; ++d) m.mean_[d] /= static_cast<double>(n);
  std::vector<double> var(dims, 0.0);
  for (size_t i = 0; i < n; ++i)
    for (size_t d = 0; d < dims; ++d) {
      double v = x[i * dims + d] - m.mean_[d];
      var[d] += v * v;
    }
  for (size_t d = 0; d < dims; ++d) {
    double sd = std::sqrt(var[d] / static_cast<double>(n));
    m.scale_[d] = sd > 1e-9 ? 1.0 / sd : 0.0;  // a constant feature carries no information
  }
  std::vector<double> z(dims), grad(dims);
  double total_weight = 0;
  for (size_t i = 0; i < n; ++i) total_weight += y[i] ? options.positive_weight : 1.0;
  for (uint32_t it = 0; it < options.iterations; ++it) {
    std::fill(grad.begin(), grad.end(), 0.0);
    double grad_bias = 0;
    for (size_t i = 0; i < n; ++i) {
      double s = m.bias_;
      for (size_t d = 0; d < dims; ++d) {
        z[d] = (x[i * dims + d] - m.mean_[d]) * m.scale_[d];
        s += m.weights_[d] * z[d];
      }
      double w = y[i] ? options.positive_weight : 1.0;
      double err = w * (Sigmoid(s) - (y[i] ? 1.0 : 0.0));
      for (size_t d = 0; d < dims; ++d) grad[d] += err * z[d];
      grad_bias += err;
    }
    for (size_t d = 0; d < dims; ++d)
      m.weights_[d] -= options.learning_rate * (grad[d] / total_weight + options.l2 * m.weights_[d]);
    m.bias_ -= options.learning_rate * grad_bias / total_weight;
  }
  return m;
}

double LogisticModel::Probability(const float* row) const {
  double s = bias_;
  for (size_t d = 0; d < weights_.size(); ++d) s += weights_[d] * (row[d] - mean_[d]) * scale_[d];
  return Sigmoid(s);
}

bool LogisticModel::Save(const std::string& path, const std::string& kind, std::string* error) const {
  std::ofstream o(path, std::ios::binary);
  if (!o) {
    *error = "cannot write " + path;
    return false;
  }
  o.write(kMagic, 4);
  Put(o, kFormatVersion);
  Put<uint32_t>(o, static_cast<uint32_t>(kind.size()));
  o.write(kind.data(), static_cast<std::streamsize>(kind.size()));
  Put(o, fingerprint_);
  Put<uint32_t>(o, static_cast<uint32_t>(settings_.size()));
  o.write(settings_.data(), static_cast<std::streamsize>(settings_.size()));
  Put<uint32_t>(o, static_cast<uint32_t>(weights_.size()));
  Put(o, bias_);
  for (size_t d = 0; d < weights_.size(); ++d) {
    Put(o, mean_[d]);
    Put(o, scale_[d]);
    Put(o, weights_[d]);
  }
  if (!o) {
    *error = "write failed: " + path;
    return false;
  }
  return true;
}

bool LogisticModel::Load(const std::string& path, const std::string& kind, std::string* error) {
  std::ifstream i(path, std::ios::binary);
  if (!i) {
    *error = "cannot open model " + path;
    return false;
  }
  char magic[4];
  uint32_t version = 0, len = 0, dims = 0;
  if (!i.read(magic, 4) || std::memcmp(magic, kMagic, 4) != 0) {
    *error = path + ": not a Dossier logistic model (bad magic number)";
    return false;
  }
  if (!Get(i, &version) || version != kFormatVersion) {
    *error = path + ": unsupported model format version " + std::to_string(version);
    return false;
  }
  std::string file_kind;
  if (!Get(i, &len) || len > 256) {
    *error = path + ": corrupt model header";
    return false;
  }
  file_kind.resize(len);
  i.read(file_kind.data(), len);
  if (file_kind != kind) {
    *error = path + ": model is for '" + file_kind + "', expected '" + kind + "'";
    return false;
  }
  if (!Get(i, &fingerprint_) || !Get(i, &len) || len > (1u << 16)) {
    *error = path + ": corrupt model header";
    return false;
  }
  settings_.resize(len);
  i.read(settings_.data(), len);
  if (!Get(i, &dims) || dims > 4096 || !Get(i, &bias_)) {
    *error = path + ": corrupt model header";
    return false;
  }
  mean_.resize(dims);
  scale_.resize(dims);
  weights_.resize(dims);
  for (size_t d = 0; d < dims; ++d) {
    if (!Get(i, &mean_[d]) || !Get(i, &scale_[d]) || !Get(i, &weights_[d])) {
      *error = path + ": truncated model";
      return false;
    }
  }
  return true;
}

}  // namespace dossier
