// Cost of page metadata (html::ExtractMetadata) on trees already built, beside the cost of building
// them with gumbo, over the ScrapingHub development pages (../shared/data/extraction/scrapinghub/html,
// found from this file's path; a synthetic article page when they are absent). Bytes are the pages'
// decoded HTML.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "dossier/html.h"
#include "html/dom.h"
#include "html/gumbo_dom.h"
#include "html/metadata.h"

namespace {

std::vector<std::string> LoadPages() {
  std::vector<std::string> pages;
  const std::filesystem::path dir =
      std::filesystem::path(__FILE__).parent_path() / ".." / ".." / "shared" / "data" / "extraction" / "scrapinghub" / "html";
  std::error_code ec;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  for (const auto& path : files) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string raw = ss.str(), unzipped, error;
    if (dossier::IsGzip(raw) && dossier::Gunzip(raw, &unzipped, &error)) raw = std::move(unzipped);
    pages.push_back(dossier::DecodeHtml(raw).text);
  }
  if (pages.empty()) {
    std::string page =
        "<html lang=en><head><title>Rates rise again | Daily Planet</title>"
        "<meta property=og:title content='Rates rise again'><meta property=og:site_name content='Daily Planet'>"
        "<meta property=article:published_time content='2020-03-03T09:15:00-05:00'></head><body>"
        "<article><h1>Rates rise again</h1><div class=byline>By Jane Doe | March 3, 2020</div>";
    for (int i = 0; i < 400; ++i) page += "<p>The central bank raised rates again on Tuesday, citing inflation.</p>";
    page += "</article></body></html>";
    pages.push_back(page);
  }
  return pages;
}

const std::vector<std::string>& Pages() {
  static const std::vector<std::string> pages = LoadPages();
  return pages;
}

int64_t TotalBytes() {
  int64_t n = 0;
  for (const std::string& p : Pages()) n += static_cast<int64_t>(p.size());
  return n;
}

void BM_GumboTree(benchmark::State& state) {
  dossier::html::Dom dom;
  for (auto _ : state) {
    for (const std::string& page : Pages()) {
      dossier::html::BuildDomWithGumbo(page, &dom);
      benchmark::DoNotOptimize(dom.nodes.size());
    }
  }
  state.SetBytesProcessed(state.iterations() * TotalBytes());
  state.counters["pages/s"] = benchmark::Counter(static_cast<double>(state.iterations() * Pages().size()),
                                                 benchmark::Counter::kIsRate);
}
BENCHMARK(BM_GumboTree)->Unit(benchmark::kMillisecond);

void BM_Metadata(benchmark::State& state) {
  std::vector<dossier::html::Dom> doms(Pages().size());
  for (size_t i = 0; i < doms.size(); ++i) dossier::html::BuildDomWithGumbo(Pages()[i], &doms[i]);
  for (auto _ : state) {
    for (const dossier::html::Dom& dom : doms) {
      dossier::PageMetadata md = dossier::html::ExtractMetadata(dom, "");
      benchmark::DoNotOptimize(md.title.value.data());
    }
  }
  state.SetBytesProcessed(state.iterations() * TotalBytes());
  state.counters["pages/s"] = benchmark::Counter(static_cast<double>(state.iterations() * doms.size()),
                                                 benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Metadata)->Unit(benchmark::kMillisecond);

}  // namespace
