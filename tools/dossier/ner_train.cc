#include "ner_train.h"

#include <chrono>
#include <fstream>
#include <iostream>

#include "dossier/pipeline.h"
#include "dossier/text.h"
#include "io.h"
#include "ner/cluster_learner.h"
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

void AddClusterTrainFlags(CLI::App* cmd, ClusterTrainFlags* f) {
  cmd->add_option("--text", f->text, "clusters: plain-text files (one paragraph per line)");
  cmd->add_option("--conll-text", f->conll, "clusters: CoNLL files read for their words only");
  cmd->add_option("--clusters-out", f->out, "clusters: file to write (path<TAB>word lines)");
  cmd->add_option("--depth", f->depth, "clusters: bits per cluster path (default 12)");
  cmd->add_option("--max-words", f->max_words, "clusters: words clustered, most frequent first (default 60000)");
  cmd->add_option("--min-count", f->min_count, "clusters: minimum word count (default 3)");
}

int RunClusterTrain(const ClusterTrainFlags& f) {
  using namespace dossier::ner;
  if (f.out.empty() || (f.text.empty() && f.conll.empty())) {
    std::cerr << "dossier train clusters: --clusters-out and at least one --text or --conll-text are required\n";
    return 2;
  }
  ClusterLearner learner;
  std::string error;
  for (const std::string& path : f.conll) {
    ConllFile file;
    if (!ReadConll(path, &file, &error)) {
      std::cerr << "dossier train clusters: " << error << "\n";
      return 1;
    }
    for (const NerDoc& d : file.docs)
      for (size_t s = 0; s < d.sentences(); ++s)
        learner.AddSentence(std::vector<std::string_view>(d.words.begin() + d.SentenceBegin(s),
                                                          d.words.begin() + d.SentenceEnd(s)));
  }
  std::vector<Token> tokens;
  std::vector<std::string_view> words;
  for (const std::string& path : f.text) {
    std::string text;
    if (!ReadInput(path, &text, &error)) {
      std::cerr << "dossier train clusters: " << error << "\n";
      return 1;
    }
    size_t pos = 0;
    while (pos < text.size()) {
      size_t nl = text.find('\n', pos);
      if (nl == std::string::npos) nl = text.size();
      std::string_view line(text.data() + pos, nl - pos);
      pos = nl + 1;
      tokens.clear();
      Tokenize(line, 0, &tokens);
      words.clear();
      for (const Token& t : tokens) {
        std::string_view w = line.substr(t.span.begin, t.span.size());
        // As the tagger reads words: possessive 's split off, quotes as CoNLL writes them.
        if (t.kind == TokenKind::kWord && w.size() > 2 && (w.ends_with("'s") || w.ends_with("\xE2\x80\x99s"))) {
          words.push_back(w.substr(0, w.size() - (w.ends_with("'s") ? 2 : 4)));
          words.push_back("'s");
          continue;
        }
        if (t.kind == TokenKind::kQuote) w = "\"";
        words.push_back(w);
      }
      if (!words.empty()) learner.AddSentence(words);
    }
  }
  ClusterOptions o;
  o.seed = f.seed;
  o.depth = f.depth;
  o.max_words = f.max_words;
  o.min_count = f.min_count;
  const auto start = std::chrono::steady_clock::now();
  auto clusters = learner.Learn(o);
  std::ofstream out(f.out);
  for (const auto& [path, word] : clusters) out << path << '\t' << word << '\n';
  if (!out) {
    std::cerr << "dossier train clusters: cannot write " << f.out << "\n";
    return 1;
  }
  std::cerr << "clustered " << clusters.size() << " words from " << learner.tokens() << " tokens in "
            << std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() << " s; wrote "
            << f.out << "\n";
  return 0;
}

}  // namespace dossier::cli
