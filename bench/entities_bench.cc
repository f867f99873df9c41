// Throughput of entity tagging and of tagging + in-document linking on one core, over real news
// text: the 60 crude-text documents of ../shared/data/scraped-text/dev (the Sky sample's kind),
// analysed once beforehand. Tokens/s is Google Benchmark's items_per_second; run it pinned:
//   taskset -c 0 build/dossier_bench --benchmark_filter='BM_Entity'
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "dossier/entities.h"
#include "dossier/entity_linking.h"
#include "dossier/pipeline.h"

namespace {

struct Corpus {
  std::vector<dossier::Document> docs;
  std::unique_ptr<dossier::EntityTagger> tagger;
  std::unique_ptr<dossier::OfficeHolders> offices;  // as the Analyzer links: with world knowledge
  size_t tokens = 0;  // tokens in the sentences the tagger reads (article blocks and captions)
};

const Corpus& GetCorpus() {
  static Corpus c = [] {
    Corpus c;
    std::string error;
    auto analyzer = dossier::Analyzer::Create({}, &error);
    c.tagger = dossier::EntityTagger::Create({}, &error);
    c.offices = dossier::OfficeHolders::Load(dossier::ResolveDataDir(""), &error);
    if (!analyzer || !c.tagger || !c.offices) return c;
    std::filesystem::path dir = std::filesystem::path(DOSSIER_SHARED_DIR) / "data" / "scraped-text" / "dev";
    std::vector<std::filesystem::path> files;
    std::error_code ec;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir, ec))
      if (e.path().extension() == ".txt") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      std::ifstream in(f, std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      dossier::Document doc;
      if (!analyzer->Analyze(ss.str(), f.string(), &doc, &error)) continue;
      for (const auto& s : doc.sentences) {
        const auto kind = doc.blocks[s.block].kind;
        if (!s.duplicate && (dossier::IsArticleKind(kind) || kind == dossier::BlockKind::kCaption))
          c.tokens += s.token_count;
      }
      c.docs.push_back(std::move(doc));
    }
    return c;
  }();
  return c;
}

void BM_EntityTagging(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  if (c.docs.empty()) return state.SkipWithError("no tagger model or no dev data");
  for (auto _ : state)
    for (const auto& doc : c.docs) benchmark::DoNotOptimize(c.tagger->Tag(doc));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * c.tokens));
}
BENCHMARK(BM_EntityTagging)->Unit(benchmark::kMillisecond);

void BM_EntityTaggingAndLinking(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  if (c.docs.empty()) return state.SkipWithError("no tagger model or no dev data");
  for (auto _ : state)
    for (const auto& doc : c.docs) benchmark::DoNotOptimize(dossier::LinkEntities(doc, c.tagger->Tag(doc), {c.offices.get(), ""}));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * c.tokens));
}
BENCHMARK(BM_EntityTaggingAndLinking)->Unit(benchmark::kMillisecond);

void BM_EntityLinkingOnly(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  if (c.docs.empty()) return state.SkipWithError("no tagger model or no dev data");
  std::vector<std::vector<dossier::EntityMention>> mentions;
  for (const auto& doc : c.docs) mentions.push_back(c.tagger->Tag(doc));
  for (auto _ : state)
    for (size_t i = 0; i < c.docs.size(); ++i) benchmark::DoNotOptimize(dossier::LinkEntities(c.docs[i], mentions[i], {c.offices.get(), ""}));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * c.tokens));
}
BENCHMARK(BM_EntityLinkingOnly)->Unit(benchmark::kMillisecond);

// The same without the office-holder table: what the world-knowledge step costs.
void BM_EntityLinkingWithoutKnowledge(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  if (c.docs.empty()) return state.SkipWithError("no tagger model or no dev data");
  std::vector<std::vector<dossier::EntityMention>> mentions;
  for (const auto& doc : c.docs) mentions.push_back(c.tagger->Tag(doc));
  for (auto _ : state)
    for (size_t i = 0; i < c.docs.size(); ++i) benchmark::DoNotOptimize(dossier::LinkEntities(c.docs[i], mentions[i]));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * c.tokens));
}
BENCHMARK(BM_EntityLinkingWithoutKnowledge)->Unit(benchmark::kMillisecond);

}  // namespace
