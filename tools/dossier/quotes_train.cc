#include "quotes_train.h"

#include <iostream>

#include "dossier/html.h"
#include "dossier/pipeline.h"
#include "io.h"
#include "ml/linear_model.h"
#include "quotes/lexicon.h"
#include "quotes/training.h"

namespace dossier::cli {

int RunQuotesTrain(const QuotesTrainFlags& flags) {
  if (flags.data.empty()) {
    std::cerr << "dossier train quotes: --data is required (PolNeAR train.jsonl.gz)\n";
    return 2;
  }
  uint32_t folds = 0, fold = 0;
  if (!flags.hold_out.empty()) {
    const size_t colon = flags.hold_out.find(':');
    try {
      folds = static_cast<uint32_t>(std::stoul(flags.hold_out.substr(0, colon)));
      fold = colon == std::string::npos ? 0 : static_cast<uint32_t>(std::stoul(flags.hold_out.substr(colon + 1)));
    } catch (...) {
      folds = 0;
    }
    if (colon == std::string::npos || folds < 2 || fold >= folds) {
      std::cerr << "dossier train quotes: --hold-out wants K:k with K >= 2 and k < K\n";
      return 2;
    }
  }
  std::string bytes, error;
  if (!ReadInput(flags.data, &bytes, &error)) {
    std::cerr << "dossier train quotes: " << error << "\n";
    return 1;
  }
  if (IsGzip(bytes)) {
    std::string plain;
    if (!Gunzip(bytes, &plain, &error)) {
      std::cerr << "dossier train quotes: " << flags.data << ": " << error << "\n";
      return 1;
    }
    bytes.swap(plain);
  }
  std::vector<quotes::GoldArticle> articles;
  if (!quotes::ReadGoldArticles(bytes, &articles, &error)) {
    std::cerr << "dossier train quotes: " << flags.data << ": " << error << "\n";
    return 1;
  }
  // The tagger reads the entities and the rules' attributions: the pipeline up to the entities.
  AnalyzerOptions opts;
  opts.model_dir = flags.models;
  opts.data_dir = flags.data_dir;
  opts.stages = kStageEntities;
  std::unique_ptr<Analyzer> analyzer = Analyzer::Create(opts, &error);
  if (!analyzer) {
    std::cerr << "dossier train quotes: " << error << "\n";
    return 1;
  }
  const std::string cues_path = ResolveDataDir(flags.data_dir) + "/quotes/en.cues";
  std::string cues;
  quotes::Lexicon lexicon;
  if (!ReadInput(cues_path, &cues, &error) || !lexicon.Parse(cues, &error)) {
    std::cerr << "dossier train quotes: " << cues_path << ": " << error << "\n";
    return 1;
  }
  std::vector<quotes::SpanTagger::TrainingBlock> blocks, held_out;
  uint64_t fingerprint = Fingerprint64("quotes", 6);
  size_t used = 0, tokens = 0;
  for (size_t i = 0; i < articles.size(); ++i) {
    const quotes::GoldArticle& art = articles[i];
    if (folds && i % folds == fold) {
      Document doc = analyzer->AnalyzeCrudeText(art.text, art.id);
      for (auto& b : quotes::LabelledBlocks(doc, art, lexicon)) held_out.push_back(std::move(b));
      continue;
    }
    fingerprint = Fingerprint64(art.text.data(), art.text.size(), fingerprint);
    for (const auto& a : art.attributions)
      for (const auto* list : {&a.source, &a.cue, &a.content})
        for (auto [s, e] : *list) {
          const uint32_t se[2] = {s, e};
          fingerprint = Fingerprint64(se, sizeof(se), fingerprint);
        }
    Document doc = analyzer->AnalyzeCrudeText(art.text, art.id);
    for (auto& b : quotes::LabelledBlocks(doc, art, lexicon)) {
      tokens += b.gold.size();
      blocks.push_back(std::move(b));
    }
    ++used;
  }
  std::cerr << "quote tagger: " << used << " articles, " << blocks.size() << " paragraphs, " << tokens
            << " tokens; " << flags.epochs << " epochs, seed " << flags.seed << "\n";
  quotes::SpanTagger tagger = quotes::SpanTagger::Train(blocks, flags.seed, flags.epochs, flags.bits);
  if (!held_out.empty()) {
    // Token-level scores of each role on the held-out articles (a quick guide; bench/run_quotes.py
    // --fold gives the protocol's scores).
    size_t both[4] = {}, gold[4] = {}, guessed[4] = {};
    std::vector<int> labels;
    for (const auto& b : held_out) {
      tagger.Decode(b.features, &labels);
      for (size_t t = 0; t < labels.size(); ++t) {
        const int g = static_cast<int>(quotes::RoleOf(b.gold[t])), p = static_cast<int>(quotes::RoleOf(labels[t]));
        ++gold[g];
        ++guessed[p];
        both[g] += g == p;
      }
    }
    const char* names[] = {"none", "cue", "source", "content"};
    for (int r = 1; r < 4; ++r) {
      const double p = guessed[r] ? static_cast<double>(both[r]) / static_cast<double>(guessed[r]) : 0;
      const double rc = gold[r] ? static_cast<double>(both[r]) / static_cast<double>(gold[r]) : 0;
      std::cerr << "held out " << names[r] << " tokens: P " << p << " R " << rc << " F1 "
                << (p + rc > 0 ? 2 * p * rc / (p + rc) : 0) << "\n";
    }
  }
  std::string settings = "seed=" + std::to_string(flags.seed) + " epochs=" + std::to_string(flags.epochs) +
                         " bits=" + std::to_string(flags.bits);
  if (folds) settings += " hold-out=" + flags.hold_out;
  if (!tagger.Save(flags.out, fingerprint, settings, &error)) {
    std::cerr << "dossier train quotes: " << error << "\n";
    return 1;
  }
  std::cerr << "wrote " << flags.out << " (" << settings << ", training data fingerprint " << std::hex
            << fingerprint << std::dec << ")\n";
  return 0;
}

}  // namespace dossier::cli
