// Throughput of the time stage (time expressions + amounts) on one core, over real news text:
// the text content of the TimeBank documents (../shared/data/nlp/time/timebank), sentence-split
// beforehand as the pipeline does. Bytes/s as reported by Google Benchmark; run it pinned:
//   taskset -c 0 build/dossier_bench --benchmark_filter='BM_Time|BM_Amount'
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "dossier/pipeline.h"
#include "dossier/time.h"

namespace {

struct Corpus {
  std::string text;
  std::vector<dossier::Span> sentences;
  std::unique_ptr<dossier::TimeTagger> timex;
  std::unique_ptr<dossier::AmountTagger> amounts;
};

const Corpus& GetCorpus() {
  static Corpus c = [] {
    Corpus c;
    std::string data = dossier::ResolveDataDir("");
    std::string error;
    c.timex = dossier::TimeTagger::Load(data, "en", &error);
    c.amounts = dossier::AmountTagger::Load(data, "en", &error);
    std::filesystem::path dir = std::filesystem::path(data) / ".." / ".." / "shared" / "data" / "nlp" / "time" / "timebank";
    std::vector<std::filesystem::path> files;
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(dir, ec))
      if (e.path().extension() == ".tml") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      std::ifstream in(f, std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      dossier::Te3Document doc;
      if (!dossier::ParseTe3Document(ss.str(), &doc, &error)) continue;
      c.text += doc.text;
      c.text += "\n\n";
    }
    if (c.text.empty()) {
      // No shared data: a paragraph of the showcase's kind, repeated.
      const char* p = "Speaking to Fox News on Tuesday, Mr Trump said European nations are going to frontload the "
                      "agreement. In December 1994, Ukraine signed the Budapest Memorandum. Twenty years later in "
                      "2014, Russia violated the terms. Ukraine is offering to buy an extra $90bn (£66.6bn) in US "
                      "weapons, Mr Zelenskyy said this week. It would require around 100,000 soldiers, 10% of them "
                      "British, within the next 10 days; 427 in favour and one against.\n\n";
      while (c.text.size() < (1 << 20)) c.text += p;
    }
    c.sentences = dossier::TimeTagger::SplitText(c.text);
    return c;
  }();
  return c;
}

void BM_TimeStage(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  dossier::DocumentDate dct;
  dossier::DocumentDate::Parse("1998-02-13", &dct);
  std::vector<dossier::Timex> timexes;
  std::vector<dossier::Amount> amounts;
  for (auto _ : state) {
    timexes.clear();
    amounts.clear();
    c.timex->Tag(c.text, c.sentences, dct, &timexes);
    c.amounts->Tag(c.text, c.sentences, timexes, &amounts);
    benchmark::DoNotOptimize(amounts.data());
  }
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(c.text.size()));
  state.counters["timexes"] = static_cast<double>(timexes.size());
  state.counters["amounts"] = static_cast<double>(amounts.size());
}
BENCHMARK(BM_TimeStage)->Unit(benchmark::kMillisecond);

void BM_TimexOnly(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  dossier::DocumentDate dct;
  dossier::DocumentDate::Parse("1998-02-13", &dct);
  std::vector<dossier::Timex> timexes;
  for (auto _ : state) {
    timexes.clear();
    c.timex->Tag(c.text, c.sentences, dct, &timexes);
    benchmark::DoNotOptimize(timexes.data());
  }
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(c.text.size()));
}
BENCHMARK(BM_TimexOnly)->Unit(benchmark::kMillisecond);

void BM_AmountsOnly(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  std::vector<dossier::Timex> none;
  std::vector<dossier::Amount> amounts;
  for (auto _ : state) {
    amounts.clear();
    c.amounts->Tag(c.text, c.sentences, none, &amounts);
    benchmark::DoNotOptimize(amounts.data());
  }
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(c.text.size()));
}
BENCHMARK(BM_AmountsOnly)->Unit(benchmark::kMillisecond);

}  // namespace
