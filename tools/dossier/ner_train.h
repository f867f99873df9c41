// `dossier train ner`: flags and the run (kept apart from the crude models' training).
#ifndef DOSSIER_TOOLS_NER_TRAIN_H_
#define DOSSIER_TOOLS_NER_TRAIN_H_

#include <cstdint>
#include <string>

#include <CLI/CLI.hpp>

namespace dossier::cli {

struct NerTrainFlags {
  std::string train, dev, out = "models/ner.model";
  std::string gazetteers, clusters;  // default: DATA/gazetteers, DATA/ner/clusters.txt
  std::string features = "all";      // "all" or a comma list of groups to switch off: -affixes,-gazetteers...
  bool one_stage = false;
  uint32_t seed = 1, epochs = 12, bits = 21, folds = 4;
  std::string dev_output;            // write dev predictions in CoNLL form here
};

void AddNerTrainFlags(CLI::App* cmd, NerTrainFlags* flags);
int RunNerTrain(const NerTrainFlags& flags);

// `dossier train clusters --text FILE... [--conll-text FILE...] --clusters-out PATH`: word clusters
// for the entity tagger from unlabelled text (plain text files, one paragraph per line; CoNLL files
// are read for their words only).
struct ClusterTrainFlags {
  std::vector<std::string> text, conll;
  std::string out;
  uint32_t seed = 1, depth = 12, max_words = 60000, min_count = 3;
};
void AddClusterTrainFlags(CLI::App* cmd, ClusterTrainFlags* flags);
int RunClusterTrain(const ClusterTrainFlags& flags);

}  // namespace dossier::cli

#endif  // DOSSIER_TOOLS_NER_TRAIN_H_
