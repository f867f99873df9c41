// Throughput of the HTML parsers on real pages: our ParseHtml against gumbo 0.10.1 (through the
// gumbo adapter), both building the same Dom, over the decompressed scrapinghub pages (bytes/s as
// reported by Google Benchmark). The pages are read from
// $DOSSIER_SHARED_DIR/data/extraction/scrapinghub/html (default: the checkout's ../shared).
//
//   build/dossier_bench --benchmark_filter=Html
#include <benchmark/benchmark.h>
#include <zlib.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "html/dom.h"
#include "html/gumbo_dom.h"
#include "html/input_stream.h"
#include "html/parser.h"

namespace {

const std::vector<std::string>& Pages() {
  static const std::vector<std::string> pages = [] {
    namespace fs = std::filesystem;
    const char* env = std::getenv("DOSSIER_SHARED_DIR");
    const fs::path dir =
        fs::path(env != nullptr ? env : DOSSIER_SHARED_DIR) / "data/extraction/scrapinghub/html";
    std::vector<std::string> paths, out;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(dir, error)) {
      if (entry.path().extension() == ".gz") paths.push_back(entry.path().string());
    }
    std::sort(paths.begin(), paths.end());
    for (const std::string& path : paths) {
      std::string bytes;
      gzFile file = gzopen(path.c_str(), "rb");
      if (file == nullptr) continue;
      char buffer[1 << 16];
      int n;
      while ((n = gzread(file, buffer, sizeof buffer)) > 0) bytes.append(buffer, n);
      gzclose(file);
      out.push_back(dossier::html::ReplaceInvalidUtf8(bytes));
    }
    return out;
  }();
  return pages;
}

template <typename Parse>
void ParsePages(benchmark::State& state, Parse parse) {
  const std::vector<std::string>& pages = Pages();
  if (pages.empty()) {
    state.SkipWithError("no pages: set DOSSIER_SHARED_DIR");
    return;
  }
  int64_t bytes = 0;
  for (const std::string& page : pages) bytes += static_cast<int64_t>(page.size());
  dossier::html::Dom dom;  // reused, as the extractor does
  for (auto _ : state) {
    for (const std::string& page : pages) {
      parse(page, &dom);
      benchmark::DoNotOptimize(dom.nodes.data());
    }
  }
  state.SetBytesProcessed(int64_t(state.iterations()) * bytes);
  state.counters["pages"] = static_cast<double>(pages.size());
}

void BM_HtmlParseHtml(benchmark::State& state) {
  ParsePages(state, [](const std::string& page, dossier::html::Dom* dom) {
    dossier::html::ParseHtml(page, dossier::html::ParseLimits{}, dom);
  });
}
BENCHMARK(BM_HtmlParseHtml)->Unit(benchmark::kMillisecond);

void BM_HtmlGumbo(benchmark::State& state) {
  ParsePages(state, [](const std::string& page, dossier::html::Dom* dom) {
    dossier::html::BuildDomWithGumbo(page, dom);
  });
}
BENCHMARK(BM_HtmlGumbo)->Unit(benchmark::kMillisecond);

}  // namespace
