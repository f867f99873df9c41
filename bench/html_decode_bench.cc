// Throughput of DecodeHtml (bytes/s as reported by Google Benchmark) on the benchmark pages:
// the 136 ScrapingHub pages (UTF-8, the common case: validation + copy), one windows-1252 page and
// one GBK page from the trafilatura set, and a plain copy of the same bytes for scale. Pages are
// decompressed before timing. Without ../shared the page benchmarks report an error and skip.
#include <benchmark/benchmark.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "dossier/html.h"

namespace {

namespace fs = std::filesystem;

const fs::path kExtraction = fs::path(DOSSIER_SHARED_DIR) / "data/extraction";

std::string ReadGz(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string out, error;
  if (!dossier::Gunzip(ss.str(), &out, &error)) return {};
  return out;
}

const std::vector<std::string>& Utf8Pages() {
  static const std::vector<std::string> pages = [] {
    std::vector<std::string> v;
    const fs::path dir = kExtraction / "scrapinghub/html";
    if (!fs::exists(dir)) return v;
    for (const auto& e : fs::directory_iterator(dir)) v.push_back(ReadGz(e.path()));
    return v;
  }();
  return pages;
}

int64_t TotalBytes(const std::vector<std::string>& pages) {
  int64_t n = 0;
  for (const std::string& p : pages) n += static_cast<int64_t>(p.size());
  return n;
}

void BM_DecodeUtf8Pages(benchmark::State& state) {
  const auto& pages = Utf8Pages();
  if (pages.empty()) return state.SkipWithError("scrapinghub pages absent");
  for (auto _ : state) {
    for (const std::string& page : pages) benchmark::DoNotOptimize(dossier::DecodeHtml(page));
  }
  state.SetBytesProcessed(state.iterations() * TotalBytes(pages));
  state.counters["pages/s"] = benchmark::Counter(static_cast<double>(state.iterations() * pages.size()),
                                                 benchmark::Counter::kIsRate);
}
BENCHMARK(BM_DecodeUtf8Pages);

// For scale: copying the same pages into fresh strings.
void BM_CopyUtf8Pages(benchmark::State& state) {
  const auto& pages = Utf8Pages();
  if (pages.empty()) return state.SkipWithError("scrapinghub pages absent");
  for (auto _ : state) {
    for (const std::string& page : pages) {
      std::string copy(page);
      benchmark::DoNotOptimize(copy.data());
    }
  }
  state.SetBytesProcessed(state.iterations() * TotalBytes(pages));
}
BENCHMARK(BM_CopyUtf8Pages);

void DecodeOnePage(benchmark::State& state, const char* id) {
  static std::string page;
  page = ReadGz(kExtraction / "trafilatura/pages" / (std::string(id) + ".html.gz"));
  if (page.empty()) return state.SkipWithError("trafilatura page absent");
  std::string charset;
  for (auto _ : state) {
    dossier::DecodedHtml d = dossier::DecodeHtml(page);
    benchmark::DoNotOptimize(d.text.data());
    charset = d.charset;
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(page.size()));
  state.SetLabel(charset);
}

// German news page, ISO-8859-1 declared in the first 1024 bytes (decoded as windows-1252).
void BM_DecodeWindows1252Page(benchmark::State& state) { DecodeOnePage(state, "4577dbd5017dfbfe"); }
BENCHMARK(BM_DecodeWindows1252Page);

// Same charset, declared after 1024 bytes (late <meta> scan after the UTF-8 check fails).
void BM_DecodeLateMetaPage(benchmark::State& state) { DecodeOnePage(state, "b48cdf12c871c85a"); }
BENCHMARK(BM_DecodeLateMetaPage);

// Chinese page in gb2312 (ICU converter).
void BM_DecodeGbkPage(benchmark::State& state) { DecodeOnePage(state, "75eb9b9958b1cd84"); }
BENCHMARK(BM_DecodeGbkPage);

// UTF-8 declared, with four stray Latin-1 bytes (the replacement path).
void BM_DecodeUtf8WithStrayBytesPage(benchmark::State& state) { DecodeOnePage(state, "b559074009293b63"); }
BENCHMARK(BM_DecodeUtf8WithStrayBytesPage);

// Synthetic: 1 MiB of mostly non-ASCII UTF-8 (Chinese), the validator's slow path.
void BM_DecodeUtf8Cjk(benchmark::State& state) {
  std::string page = "<meta charset=utf-8>";
  while (page.size() < (1 << 20)) page += "<p>国家统计局今天发布数据显示，经济运行总体平稳。</p>\n";
  for (auto _ : state) benchmark::DoNotOptimize(dossier::DecodeHtml(page));
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(page.size()));
}
BENCHMARK(BM_DecodeUtf8Cjk);

}  // namespace
