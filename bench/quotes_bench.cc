// Throughput of the quote stage alone on one core, after entities: the PolNeAR dev articles
// (../shared/data/nlp/quotes/polnear/dev.jsonl) are analysed once by the whole pipeline, then the
// quote stage is timed re-annotating them. items_per_second = sentences per second. Run pinned:
//   taskset -c 0 build/dossier_bench --benchmark_filter=BM_Quote
#include <benchmark/benchmark.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "dossier/pipeline.h"
#include "dossier/quotes.h"

namespace {

struct Corpus {
  std::vector<dossier::Document> docs;
  size_t sentences = 0;
  std::unique_ptr<dossier::QuoteStage> stage, model_stage, combined_stage;
};

const Corpus& GetCorpus() {
  static Corpus c = [] {
    Corpus c;
    std::string error;
    auto analyzer = dossier::Analyzer::Create({}, &error);
    c.stage = dossier::QuoteStage::Load(dossier::ResolveDataDir(""), &error);
    dossier::QuoteStageOptions q;
    q.data_dir = dossier::ResolveDataDir("");
    q.model_path = dossier::ResolveModelDir("") + "/quotes.model";
    q.mode = dossier::QuoteMode::kModel;
    c.model_stage = dossier::QuoteStage::Load(q, &error);
    q.mode = dossier::QuoteMode::kCombined;
    c.combined_stage = dossier::QuoteStage::Load(q, &error);
    std::ifstream in(std::string(DOSSIER_SHARED_DIR) + "/data/nlp/quotes/polnear/dev.jsonl");
    std::string line;
    while (analyzer && std::getline(in, line)) {
      const std::string text = nlohmann::json::parse(line).at("text").get<std::string>();
      dossier::Document d;
      if (!analyzer->Analyze(text, "dev.txt", &d, &error)) continue;
      c.sentences += d.sentences.size();
      c.docs.push_back(std::move(d));
    }
    return c;
  }();
  return c;
}

// The rules alone (state.range(0) == 0), the tagger (1) or both (2): the tagger is loaded before
// the timing starts.
void BM_QuoteStage(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  const dossier::QuoteStage* stage =
      state.range(0) == 0 ? c.stage.get() : state.range(0) == 1 ? c.model_stage.get() : c.combined_stage.get();
  if (!stage || c.docs.empty()) {
    state.SkipWithError("PolNeAR dev or the quote cues not found");
    return;
  }
  std::vector<dossier::Document> docs = c.docs;
  size_t quotes = 0;
  if (!docs.empty()) stage->Annotate(&docs[0]);
  for (auto _ : state) {
    for (auto& d : docs) {
      stage->Annotate(&d);
      quotes += d.quotes.size();
    }
  }
  benchmark::DoNotOptimize(quotes);
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * c.sentences));
  state.counters["sentences"] = static_cast<double>(c.sentences);
}
BENCHMARK(BM_QuoteStage)->Arg(0)->Arg(1)->Arg(2)->ArgName("rules0_model1_combined2")->Unit(benchmark::kMillisecond);

}  // namespace
