// `dossier train segment --segment-data DIR... [--folds K] [--cv-predictions PREFIX]`: trains the
// topic segmenter (models/segment.model) on Choi-format gold files, deterministically from a seed.
// With --folds K (default 5) it first runs K-fold cross-validation with folds by the documents'
// number (the file name: fold = number mod K), so no document is scored by a model that saw it,
// and writes the held-out predictions in bench/score_segmentation.py's format. The decoder's
// parameters are chosen inside each training part by the trainer's own inner cross-validation.
#include "segment_train.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "segment/choi_format.h"
#include "segment/topic_segmenter.h"

namespace dossier::cli {
namespace {

using segment_internal::Feature;
using segment_internal::TopicSegmenter;
using segment_internal::TopicTrainingDoc;

struct GoldFile {
  std::string name;  // path relative to its --segment-data folder (the archive member name)
  int number = 0;
  TopicTrainingDoc doc;
};

bool LoadGold(const std::string& root, std::vector<GoldFile>* out, std::string* error) {
  std::vector<std::filesystem::path> paths;
  std::error_code ec;
  for (auto it = std::filesystem::recursive_directory_iterator(root, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    if (it->path().extension() == ".ref") paths.push_back(it->path());
  }
  if (ec) {
    *error = root + ": " + ec.message();
    return false;
  }
  std::sort(paths.begin(), paths.end());
  for (const auto& p : paths) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string text = ss.str();
    segment_internal::ChoiDocument parsed = segment_internal::ParseChoi(text);
    GoldFile g;
    g.name = std::filesystem::relative(p, root).generic_string();
    const std::string stem = p.stem().string();
    g.number = std::all_of(stem.begin(), stem.end(), ::isdigit) && !stem.empty() ? std::stoi(stem) : 0;
    g.doc.units.assign(parsed.units.begin(), parsed.units.end());
    g.doc.starts = parsed.starts;
    if (!g.doc.units.empty()) out->push_back(std::move(g));
  }
  return true;
}

double Pk(size_t n, const std::vector<uint32_t>& gold, const std::vector<uint32_t>& pred) {
  const size_t k = std::max<size_t>(1, static_cast<size_t>(static_cast<double>(n) / (2.0 * gold.size()) + 0.5));
  if (n <= k) return 0;
  auto ids = [&](const std::vector<uint32_t>& starts) {
    std::vector<uint32_t> seg(n);
    for (size_t i = 0, s = 0; i < n; ++i) seg[i] = static_cast<uint32_t>(s += (i && std::binary_search(starts.begin(), starts.end(), i)));
    return seg;
  };
  const auto g = ids(gold), p = ids(pred);
  size_t errors = 0;
  for (size_t i = 0; i + k < n; ++i) errors += (g[i] == g[i + k]) != (p[i] == p[i + k]);
  return static_cast<double>(errors) / static_cast<double>(n - k);
}

}  // namespace

void AddSegmentTrainFlags(CLI::App* cmd, SegmentTrainFlags* flags) {
  cmd->add_option("--segment-data", flags->data,
                  "segment: folder of Choi-format *.ref gold files (repeatable; e.g. extracted choi-dev and news-dev)");
  cmd->add_option("--segment-out", flags->out, "segment: model file to write (default models/segment.model)");
  cmd->add_option("--segment-cv-predictions", flags->cv_predictions,
                  "segment: write cross-validated predictions to PREFIX-<set>.jsonl");
}

int RunSegmentTrain(const SegmentTrainFlags& flags) {
  if (flags.data.empty()) {
    std::cerr << "dossier train segment: --segment-data is required\n";
    return 2;
  }
  std::vector<GoldFile> files;
  for (const auto& root : flags.data) {
    std::string error;
    if (!LoadGold(root, &files, &error)) {
      std::cerr << "dossier train segment: " << error << "\n";
      return 1;
    }
  }
  if (files.empty()) {
    std::cerr << "dossier train segment: no *.ref files\n";
    return 1;
  }
  segment_internal::TopicTrainOptions options;
  options.seed = flags.seed;
  options.epochs = flags.epochs;

  if (flags.folds >= 2) {
    std::vector<std::vector<std::vector<Feature>>> features;
    for (const auto& f : files)
      features.push_back(segment_internal::BoundaryFeatures({f.doc.units.begin(), f.doc.units.end()}));
    std::map<std::string, std::string> predictions;      // set -> JSON lines
    std::map<std::string, std::pair<double, int>> pk;    // set or subset -> (sum, documents)
    for (uint32_t k = 0; k < flags.folds; ++k) {
      std::vector<std::vector<std::vector<Feature>>> train_features;
      std::vector<std::vector<uint32_t>> train_starts;
      for (size_t i = 0; i < files.size(); ++i) {
        if (static_cast<uint32_t>(files[i].number) % flags.folds == k) continue;
        train_features.push_back(features[i]);
        train_starts.push_back(files[i].doc.starts);
      }
      TopicSegmenter model = TopicSegmenter::TrainOnFeatures(train_features, train_starts, options);
      std::cerr << "fold " << k << ": bias " << model.start_bias() << ", length weight " << model.length_weight()
                << "\n";
      for (size_t i = 0; i < files.size(); ++i) {
        if (static_cast<uint32_t>(files[i].number) % flags.folds != k) continue;
        const std::vector<uint32_t> starts = model.Decode(features[i]);
        const std::string& name = files[i].name;
        const std::string set = name.substr(0, name.find('/'));
        const std::filesystem::path parent = std::filesystem::path(name).parent_path();
        const std::string subset = set + ":" + parent.filename().string();
        const double v = Pk(files[i].doc.units.size(), files[i].doc.starts, starts);
        for (const std::string& key : {set, subset}) pk[key].first += v, pk[key].second += 1;
        std::string line = "{\"file\": \"" + name + "\", \"starts\": [";
        for (size_t j = 0; j < starts.size(); ++j) line += (j ? ", " : "") + std::to_string(starts[j] + 1);
        predictions[set] += line + "]}\n";
      }
    }
    std::cerr << "cross-validation (" << flags.folds << " folds by document number), mean Pk:\n";
    for (const auto& [key, v] : pk)
      std::cerr << "  " << key << "  " << v.second << " documents  Pk " << v.first / v.second << "\n";
    if (!flags.cv_predictions.empty()) {
      for (const auto& [set, text] : predictions) {
        const std::string path = flags.cv_predictions + "-" + set + ".jsonl";
        std::ofstream out(path);
        out << text;
        if (!out) {
          std::cerr << "dossier train segment: cannot write " << path << "\n";
          return 1;
        }
      }
    }
  }

  std::vector<TopicTrainingDoc> docs;
  for (auto& f : files) docs.push_back(std::move(f.doc));
  TopicSegmenter model = TopicSegmenter::Train(docs, options);
  std::string error;
  if (!model.Save(flags.out, &error)) {
    std::cerr << "dossier train segment: " << error << "\n";
    return 1;
  }
  std::cerr << "wrote " << flags.out << " (" << model.settings() << "; bias " << model.start_bias()
            << ", length weight " << model.length_weight() << ")\n";
  return 0;
}

}  // namespace dossier::cli
