// `dossier train segment`: flags and the run (kept apart from the other models' training).
#ifndef DOSSIER_TOOLS_SEGMENT_TRAIN_H_
#define DOSSIER_TOOLS_SEGMENT_TRAIN_H_

#include <cstdint>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace dossier::cli {

struct SegmentTrainFlags {
  std::vector<std::string> data;  // folders of Choi-format *.ref files (searched recursively)
  std::string out = "models/segment.model";
  std::string cv_predictions;     // PREFIX: writes PREFIX-<first folder of the path>.jsonl
  uint32_t seed = 1, epochs = 40, folds = 5;
};

void AddSegmentTrainFlags(CLI::App* cmd, SegmentTrainFlags* flags);
int RunSegmentTrain(const SegmentTrainFlags& flags);

}  // namespace dossier::cli

#endif  // DOSSIER_TOOLS_SEGMENT_TRAIN_H_
