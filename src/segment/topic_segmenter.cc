#include "segment/topic_segmenter.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <limits>
#include <map>
#include <random>
#include <sstream>

namespace dossier::segment_internal {
namespace {

constexpr char kMagic[] = "dossier-segment-model";
constexpr int kVersion = 1;
constexpr size_t kMaxSegment = 100;  // longest segment the decoder considers, in units

double Sigmoid(double z) { return 1.0 / (1.0 + std::exp(-z)); }

// Pk of one document (PROTOCOLS.md section 3), for choosing the decoder's parameters.
double Pk(size_t n, const std::vector<uint32_t>& gold, const std::vector<uint32_t>& pred) {
  if (gold.empty()) return 0;
  const size_t k = std::max<size_t>(1, static_cast<size_t>(static_cast<double>(n) / (2.0 * gold.size()) + 0.5));
  if (n <= k) return 0;
  std::vector<uint32_t> gs(n), ps(n);
  for (size_t i = 0, g = 0, p = 0; i < n; ++i) {
    if (i && std::binary_search(gold.begin(), gold.end(), i)) ++g;
    if (i && std::binary_search(pred.begin(), pred.end(), i)) ++p;
    gs[i] = static_cast<uint32_t>(g), ps[i] = static_cast<uint32_t>(p);
  }
  size_t errors = 0;
  for (size_t i = 0; i + k < n; ++i) errors += (gs[i] == gs[i + k]) != (ps[i] == ps[i + k]);
  return static_cast<double>(errors) / static_cast<double>(n - k);
}

// ln P(length) from the gold segments, add-half smoothed up to kMaxSegment.
std::vector<double> LengthDistribution(const std::vector<std::vector<uint32_t>>& starts,
                                       const std::vector<size_t>& units) {
  std::vector<double> count(kMaxSegment, 0.5);
  for (size_t d = 0; d < starts.size(); ++d) {
    for (size_t j = 0; j < starts[d].size(); ++j) {
      const size_t end = j + 1 < starts[d].size() ? starts[d][j + 1] : units[d];
      count[std::min(kMaxSegment, end - starts[d][j]) - 1] += 1;
    }
  }
  double total = 0;
  for (double c : count) total += c;
  for (double& c : count) c = std::log(c / total);
  return count;
}

// Logistic regression by AdaGrad over the examples in a seeded order (deterministic).
std::unordered_map<std::string, double> TrainLogistic(const std::vector<const std::vector<Feature>*>& xs,
                                                      const std::vector<uint8_t>& ys, uint32_t epochs,
                                                      uint32_t seed) {
  std::map<std::string, uint32_t> index;  // ordered: ids do not depend on hashing
  for (auto* x : xs)
    for (auto& f : *x) index.emplace(f.first, 0);
  uint32_t next = 0;
  for (auto& [name, id] : index) id = next++;
  std::vector<std::vector<std::pair<uint32_t, double>>> rows(xs.size());
  for (size_t e = 0; e < xs.size(); ++e)
    for (auto& f : *xs[e]) rows[e].push_back({index[f.first], f.second});
  std::vector<double> w(next, 0.0), g2(next, 1e-8);
  constexpr double kRate = 0.1, kL2 = 1e-5;
  std::vector<size_t> order(xs.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937_64 rng(seed);
  for (uint32_t ep = 0; ep < epochs; ++ep) {
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);  // Fisher-Yates
    for (size_t e : order) {
      double z = 0;
      for (auto& [id, v] : rows[e]) z += w[id] * v;
      const double err = Sigmoid(z) - ys[e];
      for (auto& [id, v] : rows[e]) {
        const double g = err * v + kL2 * w[id];
        g2[id] += g * g;
        w[id] -= kRate * g / std::sqrt(g2[id]);
      }
    }
  }
  std::unordered_map<std::string, double> out;
  for (auto& [name, id] : index)
    if (w[id] != 0) out[name] = w[id];
  return out;
}

}  // namespace

std::vector<double> TopicSegmenter::Logits(const std::vector<std::vector<Feature>>& features) const {
  std::vector<double> z(features.size(), 0.0);
  for (size_t i = 1; i < features.size(); ++i) {
    for (auto& [name, v] : features[i]) {
      auto it = weights_.find(name);
      if (it != weights_.end()) z[i] += it->second * v;
    }
  }
  return z;
}

std::vector<double> TopicSegmenter::StartProbabilities(const std::vector<std::vector<Feature>>& features) const {
  std::vector<double> p = Logits(features);
  for (double& z : p) z = Sigmoid(z);
  if (!p.empty()) p[0] = 1;
  return p;
}

std::vector<uint32_t> TopicSegmenter::DecodeLogits(const std::vector<double>& logits, double bias,
                                                   double length_weight) const {
  const size_t n = logits.size();
  if (n == 0) return {};
  auto log_len = [&](size_t len) {
    return log_length_.empty() ? 0.0 : log_length_[std::min(len, log_length_.size()) - 1];
  };
  std::vector<double> best(n + 1, -std::numeric_limits<double>::infinity());
  std::vector<uint32_t> back(n + 1, 0);
  best[0] = 0;
  for (size_t s = 0; s < n; ++s) {
    const double open = s > 0 ? logits[s] + bias : 0.0;
    for (size_t t = s + 1, end = std::min(n, s + kMaxSegment); t <= end; ++t) {
      const double v = best[s] + open + length_weight * log_len(t - s);
      if (v > best[t]) best[t] = v, back[t] = static_cast<uint32_t>(s);
    }
  }
  std::vector<uint32_t> starts;
  for (size_t t = n; t > 0; t = back[t]) starts.push_back(back[t]);
  std::reverse(starts.begin(), starts.end());
  return starts;
}

std::vector<uint32_t> TopicSegmenter::Decode(const std::vector<std::vector<Feature>>& features) const {
  return DecodeLogits(Logits(features), start_bias_, length_weight_);
}

std::vector<uint32_t> TopicSegmenter::Segment(const std::vector<std::string_view>& units) const {
  if (units.empty()) return {};
  return Decode(BoundaryFeatures(units));
}

TopicSegmenter TopicSegmenter::Train(const std::vector<TopicTrainingDoc>& docs, const TopicTrainOptions& options) {
  std::vector<std::vector<std::vector<Feature>>> features;
  std::vector<std::vector<uint32_t>> starts;
  for (const auto& d : docs) {
    features.push_back(BoundaryFeatures(std::vector<std::string_view>(d.units.begin(), d.units.end())));
    starts.push_back(d.starts);
  }
  TopicSegmenter model = TrainOnFeatures(features, starts, options);
  // The model file names its training data: FNV-1a over every unit and every gold start.
  uint64_t fp = 14695981039346656037ull;
  auto mix = [&](const void* data, size_t size) {
    for (size_t i = 0; i < size; ++i) fp = (fp ^ static_cast<const unsigned char*>(data)[i]) * 1099511628211ull;
  };
  for (const auto& d : docs) {
    for (const auto& u : d.units) mix(u.data(), u.size()), mix("\n", 1);
    for (uint32_t s : d.starts) mix(&s, sizeof s);
  }
  model.fingerprint_ = fp;
  return model;
}

TopicSegmenter TopicSegmenter::TrainOnFeatures(const std::vector<std::vector<std::vector<Feature>>>& features,
                                               const std::vector<std::vector<uint32_t>>& starts,
                                               const TopicTrainOptions& options) {
  const size_t docs = features.size();
  auto fit = [&](const std::vector<size_t>& which) {
    std::vector<const std::vector<Feature>*> xs;
    std::vector<uint8_t> ys;
    std::vector<std::vector<uint32_t>> st;
    std::vector<size_t> units;
    for (size_t d : which) {
      for (size_t i = 1; i < features[d].size(); ++i) {
        xs.push_back(&features[d][i]);
        ys.push_back(std::binary_search(starts[d].begin(), starts[d].end(), i) ? 1 : 0);
      }
      st.push_back(starts[d]);
      units.push_back(features[d].size());
    }
    TopicSegmenter m;
    m.weights_ = TrainLogistic(xs, ys, options.epochs, options.seed);
    m.log_length_ = LengthDistribution(st, units);
    return m;
  };
  std::vector<size_t> all(docs);
  for (size_t d = 0; d < docs; ++d) all[d] = d;
  TopicSegmenter model = fit(all);

  // Decoder parameters: inner cross-validation (documents d with d % folds == f held out).
  const uint32_t folds = std::max<uint32_t>(2, options.inner_folds);
  std::vector<std::vector<double>> logits(docs);
  std::vector<TopicSegmenter> inner(folds);
  for (uint32_t f = 0; f < folds; ++f) {
    std::vector<size_t> train;
    for (size_t d = 0; d < docs; ++d)
      if (d % folds != f) train.push_back(d);
    inner[f] = fit(train);
    for (size_t d = f; d < docs; d += folds) logits[d] = inner[f].Logits(features[d]);
  }
  double best_pk = std::numeric_limits<double>::infinity();
  for (double bias = -4; bias <= 6.001; bias += 0.25) {
    for (double lw : options.length_weights) {
      double pk = 0;
      for (size_t d = 0; d < docs; ++d)
        pk += Pk(features[d].size(), starts[d], inner[d % folds].DecodeLogits(logits[d], bias, lw));
      if (pk < best_pk - 1e-12) best_pk = pk, model.start_bias_ = bias, model.length_weight_ = lw;
    }
  }
  uint64_t fp = 14695981039346656037ull;
  for (size_t d = 0; d < docs; ++d)
    for (uint32_t s : starts[d]) fp = (fp ^ s) * 1099511628211ull, fp = (fp ^ features[d].size()) * 1099511628211ull;
  model.fingerprint_ = fp;
  std::ostringstream settings;
  settings << "logistic-regression(adagrad) seed=" << options.seed << " epochs=" << options.epochs
           << " inner_folds=" << folds << " docs=" << docs << " inner_pk=" << best_pk / std::max<size_t>(1, docs);
  model.settings_ = settings.str();
  return model;
}

bool TopicSegmenter::Save(const std::string& path, std::string* error) const {
  std::ofstream out(path, std::ios::binary);
  if (!out) {
    *error = "cannot write " + path;
    return false;
  }
  char buf[64];
  out << kMagic << "\nversion " << kVersion << "\n";
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(fingerprint_));
  out << "fingerprint " << buf << "\nsettings " << settings_ << "\n";
  auto num = [&](double v) {
    std::snprintf(buf, sizeof buf, "%.9g", v);
    return std::string(buf);
  };
  out << "start_bias " << num(start_bias_) << "\nlength_weight " << num(length_weight_) << "\nlog_length "
      << log_length_.size();
  for (double v : log_length_) out << ' ' << num(v);
  out << "\n";
  std::map<std::string, double> sorted(weights_.begin(), weights_.end());
  for (auto& [name, w] : sorted) out << "weight " << name << ' ' << num(w) << "\n";
  if (!out) {
    *error = "error writing " + path;
    return false;
  }
  return true;
}

bool TopicSegmenter::Load(const std::string& path, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = "cannot read " + path;
    return false;
  }
  auto fail = [&](const std::string& why) {
    *error = path + ": " + why;
    return false;
  };
  std::string line;
  if (!std::getline(in, line) || line != kMagic) return fail("not a segment model");
  TopicSegmenter m;
  while (std::getline(in, line)) {
    std::istringstream ls(line);
    std::string key;
    ls >> key;
    if (key == "version") {
      int v = 0;
      if (!(ls >> v) || v != kVersion) return fail("unsupported version");
    } else if (key == "fingerprint") {
      std::string hex;
      ls >> hex;
      m.fingerprint_ = std::strtoull(hex.c_str(), nullptr, 16);
    } else if (key == "settings") {
      std::getline(ls >> std::ws, m.settings_);
    } else if (key == "start_bias") {
      ls >> m.start_bias_;
    } else if (key == "length_weight") {
      ls >> m.length_weight_;
    } else if (key == "log_length") {
      size_t k = 0;
      ls >> k;
      if (k > 100000) return fail("bad log_length");
      m.log_length_.resize(k);
      for (double& v : m.log_length_) ls >> v;
    } else if (key == "weight") {
      std::string name;
      double w = 0;
      ls >> name >> w;
      m.weights_[name] = w;
    } else if (!key.empty()) {
      return fail("unknown entry " + key);
    }
    if (ls.fail()) return fail("malformed line: " + line.substr(0, 80));
  }
  if (m.weights_.empty()) return fail("no weights");
  *this = std::move(m);
  return true;
}

}  // namespace dossier::segment_internal
