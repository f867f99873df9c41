// Throughput of the text front-end on a synthetic news paragraph (bytes/s as reported by
// Google Benchmark). The paragraph mixes what real scraped news has: curly quotes, dashes,
// abbreviations, amounts, times and the odd accented name.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "dossier/text.h"

namespace {

std::string NewsText(size_t min_bytes) {
  static const char* kParagraph =
      "He claimed that during the summit, the Kremlin had conceded the U.S. “could offer Article-5 "
      "like protection”, which he described as “game-changing”. Mr. Trump’s envoy Steve Witkoff "
      "said on Jan. 5 at 3 p.m. that $90bn (£66.6bn) – about 10% of the budget – was agreed. "
      "Zelenskyy-Trump talks resumed at 5:57… Sir Keir Starmer told Sky News: “I don’t think "
      "boots on the ground is a credible answer.” Stationing soldiers along Ukraine’s 1,000-mile "
      "border would require around 100,000 troops, see news.sky.com for details. Café owners in "
      "Zürich said the 21st summit was “historic”.\n";
  std::string s;
  while (s.size() < min_bytes) s += kParagraph;
  return s;
}

void BM_CleanLine(benchmark::State& state) {
  const std::string text = NewsText(1 << 16);
  // Lines as the crude-text front door sees them.
  std::vector<std::string_view> lines;
  for (size_t b = 0, e; b < text.size(); b = e + 1) {
    e = text.find('\n', b);
    if (e == std::string::npos) e = text.size();
    lines.push_back(std::string_view(text).substr(b, e - b));
  }
  dossier::CleanStats stats;
  for (auto _ : state) {
    for (std::string_view line : lines) benchmark::DoNotOptimize(dossier::CleanLine(line, 0, &stats));
  }
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(text.size()));
}
BENCHMARK(BM_CleanLine);

void BM_CleanLineReference(benchmark::State& state) {
  const std::string text = NewsText(1 << 16);
  const std::string_view line = std::string_view(text).substr(0, text.find('\n'));
  for (auto _ : state) benchmark::DoNotOptimize(dossier::CleanLineReference(line, 0, nullptr));
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(line.size()));
}
BENCHMARK(BM_CleanLineReference);

void BM_Tokenize(benchmark::State& state) {
  const std::string text = NewsText(1 << 16);
  std::vector<dossier::Token> tokens;
  for (auto _ : state) {
    tokens.clear();
    dossier::Tokenize(text, 0, &tokens);
    benchmark::DoNotOptimize(tokens.data());
  }
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(text.size()));
}
BENCHMARK(BM_Tokenize);

void BM_TokenizeAndSplit(benchmark::State& state) {
  const std::string text = NewsText(1 << 16);
  std::vector<dossier::Token> tokens;
  std::vector<dossier::TokenRange> sentences;
  for (auto _ : state) {
    tokens.clear();
    sentences.clear();
    dossier::Tokenize(text, 0, &tokens);
    dossier::SplitSentences(text, 0, tokens.data(), tokens.size(), &sentences);
    benchmark::DoNotOptimize(sentences.data());
  }
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(text.size()));
}
BENCHMARK(BM_TokenizeAndSplit);

}  // namespace
