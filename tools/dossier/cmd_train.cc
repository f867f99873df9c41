// `dossier train crude --data DIR`: trains the line classifier and the story segmenter on the
// scraped-text gold files, deterministically from a seed, and writes models/lines.model and
// models/stories.model. With --folds K it first runs K-fold cross-validation by file and writes the
// held-out predictions in the benchmark's format, so bench/score_scraped.py can score them honestly
// (figures on data the model did not see).
#include <fstream>
#include <iostream>
#include <memory>

#include "commands.h"
#include "dossier/crude.h"
#include "dossier/document.h"
#include "dossier/output.h"
#include "dossier/stories.h"
#include "ner_train.h"
#include "quotes_train.h"
#include "segment_train.h"

namespace dossier::cli {

namespace {

struct TrainFlags {
  std::string what;
  std::string data;
  std::string out_dir = "models";
  uint32_t seed = 1;
  uint32_t epochs = 0;  // 0: the model's default (crude 30)
  uint32_t folds = 0;
  std::string cv_predictions;
};

std::vector<StorySegmenter::TrainingFile> StoryFiles(const std::vector<LineClassifier::TrainingFile>& files) {
  std::vector<StorySegmenter::TrainingFile> out;
  for (const auto& f : files) out.push_back({f.lines, f.labels, f.story_starts});
  return out;
}

// Predictions for one file in bench/score_scraped.py's format.
std::string PredictionLine(const LineClassifier::TrainingFile& f, const LineClassifier& lines,
                           const StorySegmenter& stories) {
  std::vector<std::string_view> views(f.lines.begin(), f.lines.end());
  std::vector<BlockKind> kinds = lines.Classify(views);
  std::vector<StoryBlock> blocks;
  for (size_t i = 0; i < views.size(); ++i) blocks.push_back({views[i], kinds[i]});
  std::vector<uint32_t> starts = stories.Segment(blocks);
  RecoverStoryTitles(blocks, &kinds, &starts);
  std::string out = "{\"file\":";
  AppendJsonString(f.name, &out);
  out += ",\"labels\":[";
  for (size_t i = 0; i < kinds.size(); ++i) {
    if (i) out += ",";
    AppendJsonString(BlockKindName(kinds[i]), &out);
  }
  out += "],\"story_starts\":[";
  for (size_t i = 0; i < starts.size(); ++i) {
    if (i) out += ",";
    out += std::to_string(starts[i] + 1);
  }
  out += "]}\n";
  return out;
}

}  // namespace

Runner AddTrain(CLI::App& app) {
  auto flags = std::make_shared<TrainFlags>();
  CLI::App* cmd = app.add_subcommand("train", "Train Dossier's models from gold data (deterministic for a seed)");
  cmd->add_option("what", flags->what, "which models: crude (line classifier + story segmenter), ner (entity tagger), clusters, segment (topic segmenter), quotes (quote tagger)")
      ->required()->check(CLI::IsMember({"crude", "ner", "clusters", "segment", "quotes"}));
  cmd->add_option("--data", flags->data, "crude: folder of scraped-text gold files (NAME.txt + NAME.gold.json); "
                  "quotes: PolNeAR train.jsonl[.gz]");
  auto quotes = std::make_shared<QuotesTrainFlags>();
  cmd->add_option("--quote-bits", quotes->bits, "quotes: log2 of the hashed feature rows (default 16)")
      ->check(CLI::Range(12, 22));
  cmd->add_option("--hold-out", quotes->hold_out, "quotes: K:k leaves out the articles at positions k mod K");
  auto ner = std::make_shared<NerTrainFlags>();
  AddNerTrainFlags(cmd, ner.get());
  auto clusters = std::make_shared<ClusterTrainFlags>();
  AddClusterTrainFlags(cmd, clusters.get());
  auto segment = std::make_shared<SegmentTrainFlags>();
  AddSegmentTrainFlags(cmd, segment.get());
  cmd->add_option("--out-dir", flags->out_dir, "where the model files are written (default: models)");
  cmd->add_option("--seed", flags->seed, "random seed (default 1)");
  cmd->add_option("--epochs", flags->epochs, "perceptron epochs (default: crude 30, ner 12)");
  cmd->add_option("--folds", flags->folds, "K-fold cross-validation by file before the final training");
  cmd->add_option("--cv-predictions", flags->cv_predictions, "write the cross-validated predictions here (JSON Lines)");
  return [flags, ner, clusters, segment, quotes, cmd]() -> int {
    if (flags->what == "quotes") {
      quotes->data = flags->data;
      if (cmd->get_option("--out")->count()) quotes->out = ner->out;  // --out is shared with ner
      quotes->seed = flags->seed;
      if (flags->epochs) quotes->epochs = flags->epochs;
      return RunQuotesTrain(*quotes);
    }
    if (flags->what == "segment") {
      segment->seed = flags->seed;
      if (flags->epochs) segment->epochs = flags->epochs;
      if (flags->folds) segment->folds = flags->folds;
      return RunSegmentTrain(*segment);
    }
    if (flags->what == "clusters") {
      clusters->seed = flags->seed;
      return RunClusterTrain(*clusters);
    }
    if (flags->what == "ner") {
      ner->seed = flags->seed;
      if (flags->epochs) ner->epochs = flags->epochs;
      return RunNerTrain(*ner);
    }
    if (flags->data.empty()) {
      std::cerr << "dossier train crude: --data is required\n";
      return 2;
    }
    if (!flags->epochs) flags->epochs = 30;
    std::string error;
    std::vector<LineClassifier::TrainingFile> files;
    if (!LoadScrapedTextGold(flags->data, &files, &error)) {
      std::cerr << "dossier train: " << error << "\n";
      return 1;
    }
    if (files.empty()) {
      std::cerr << "dossier train: no *.gold.json files under " << flags->data << "\n";
      return 1;
    }
    if (flags->folds >= 2) {
      std::string predictions;
      size_t correct = 0, total = 0;
      for (uint32_t k = 0; k < flags->folds; ++k) {
        std::vector<LineClassifier::TrainingFile> train, held;
        for (size_t i = 0; i < files.size(); ++i) (i % flags->folds == k ? held : train).push_back(files[i]);
        LineClassifier lines = LineClassifier::Train(train, {flags->seed, flags->epochs});
        StorySegmenter stories = StorySegmenter::Train(StoryFiles(train), flags->seed, flags->epochs);
        for (const auto& f : held) {
          predictions += PredictionLine(f, lines, stories);
          std::vector<std::string_view> views(f.lines.begin(), f.lines.end());
          auto kinds = lines.Classify(views);
          for (size_t i = 0; i < kinds.size(); ++i) {
            correct += IsArticleKind(kinds[i]) == IsArticleKind(f.labels[i]);
            ++total;
          }
        }
      }
      std::cerr << "cross-validation (" << flags->folds << " folds by file): article/leftover line accuracy "
                << static_cast<double>(correct) / static_cast<double>(total) << "\n";
      if (!flags->cv_predictions.empty()) {
        std::ofstream out(flags->cv_predictions);
        out << predictions;
        if (!out) {
          std::cerr << "dossier train: cannot write " << flags->cv_predictions << "\n";
          return 1;
        }
      }
    }
    LineClassifier lines = LineClassifier::Train(files, {flags->seed, flags->epochs});
    StorySegmenter stories = StorySegmenter::Train(StoryFiles(files), flags->seed, flags->epochs);
    if (!lines.Save(flags->out_dir + "/lines.model", &error) ||
        !stories.Save(flags->out_dir + "/stories.model", &error)) {
      std::cerr << "dossier train: " << error << "\n";
      return 1;
    }
    std::cerr << "wrote " << flags->out_dir << "/lines.model and " << flags->out_dir
              << "/stories.model (training data fingerprint " << std::hex << lines.data_fingerprint()
              << std::dec << ")\n";
    return 0;
  };
}

}  // namespace dossier::cli
