#include "ner_train.h"

#include <chrono>
#include <fstream>
#include <iostream>

#include "dossier/pipeline.h"
#include "ner/conll_io.h"
#include "ner/evaluate.h"
#include "ner/ner_model.h"

namespace dossier::cli {

void AddNerTrainFlags(CLI::App* cmd, NerTrainFlags* f) {
  cmd->add_option("--train", f->train, "ner: CoNLL-2003 training file");
  cmd->add_option("--dev", f->dev, "ner: CoNLL-2003 development file (scores printed per type)");
  cmd->add_option("--out", f->out, "ner: model file to write (default models/ner.model)");
  cmd->add_option("--gazetteers", f->gazetteers, "ner: gazetteer folder (default DATA/gazetteers)");
  cmd->add_option("--clusters", f->clusters, "ner: word-cluster file (default DATA/ner/clusters.txt)");
  cmd->add_option("--features", f->features,
                  "ner: feature groups switched off, e.g. -gazetteers,-clusters (ablation; default all)");
  cmd->add_flag("--one-stage", f->one_stage, "ner: no second (non-local) stage");
  cmd->add_option("--bits", f->bits, "ner: log2 of the hashed feature buckets (default 21)");
  cmd->add_option("--jackknife", f->folds, "ner: jackknife folds for the second stage (default 4)");
  cmd->add_option("--dev-output", f->dev_output, "ner: write the dev predictions (CoNLL + tag column) here");
}

int RunNerTrain(const NerTrainFlags& f) {
  using namespace dossier::ner;
  if (f.train.empty()) {
    std::cerr << "dossier train ner: --train is required\n";
    return 2;
  }
  std::string error;
  ConllFile train, dev;
  if (!ReadConll(f.train, &train, &error) || (!f.dev.empty() && !ReadConll(f.dev, &dev, &error))) {
    std::cerr << "dossier train ner: " << error << "\n";
    return 1;
  }
  if (!train.has_gold || train.docs.empty()) {
    std::cerr << "dossier train ner: " << f.train << " has no tagged tokens\n";
    return 1;
  }
  const std::string data = ResolveDataDir("");
  NerModel model;
  if (!model.LoadResources(f.gazetteers.empty() ? data + "/gazetteers" : f.gazetteers,
                           f.clusters.empty() ? data + "/ner/clusters.txt" : f.clusters, &error)) {
    std::cerr << "dossier train ner: " << error << "\n";
    return 1;
  }
  TrainOptions options;
  options.seed = f.seed;
  options.epochs = f.epochs;
  options.bits = f.bits;
  options.folds = f.folds;
  options.two_stage = !f.one_stage;
  if (f.features != "all") {
    const std::pair<const char*, uint32_t> groups[] = {
        {"affixes", kFeatAffixes},   {"context", kFeatContext},       {"caps", kFeatCapsContext},
        {"document", kFeatDocument}, {"gazetteers", kFeatGazetteers}, {"clusters", kFeatClusters}};
    std::string list = f.features + ",";
    size_t pos = 0;
    while (pos < list.size()) {
      size_t comma = list.find(',', pos);
      std::string item = list.substr(pos, comma - pos);
      pos = comma + 1;
      if (item.empty()) continue;
      bool found = false;
      for (const auto& [name, bit] : groups)
        if (item == std::string("-") + name) {
          options.groups &= ~bit;
          found = true;
        }
      if (!found) {
        std::cerr << "dossier train ner: unknown feature group '" << item << "'\n";
        return 2;
      }
    }
  }
  const auto start = std::chrono::steady_clock::now();
  model.Train(train.docs, options);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!model.Save(f.out, &error)) {
    std::cerr << "dossier train ner: " << error << "\n";
    return 1;
  }
  std::cerr << "trained in " << seconds << " s; wrote " << f.out << " (" << model.rows()
            << " weight rows; training data fingerprint " << std::hex << model.fingerprint() << std::dec << ")\n";
  // Score the model as loaded from its file, so the figures are those of what was written.
  NerModel loaded;
  if (!loaded.LoadResources(f.gazetteers.empty() ? data + "/gazetteers" : f.gazetteers,
                            f.clusters.empty() ? data + "/ner/clusters.txt" : f.clusters, &error) ||
      !loaded.Load(f.out, &error)) {
    std::cerr << "dossier train ner: " << error << "\n";
    return 1;
  }
  if (!f.dev.empty()) {
    NerScores scores;
    NerModel::Workspace ws;
    std::vector<std::string_view> tags;
    std::vector<int> labels;
    for (const NerDoc& d : dev.docs) {
      loaded.Tag(d, &labels, &ws);
      scores.Add(d, labels);
      for (int l : labels) tags.push_back(Iob2Tag(l));
    }
    std::cout << "dev (" << f.dev << "):\n" << scores.Table();
    if (!f.dev_output.empty()) {
      std::ofstream out(f.dev_output);
      WriteConll(dev, tags, out);
    }
  }
  return 0;
}

}  // namespace dossier::cli
