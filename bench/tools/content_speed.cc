// Times main-content extraction alone (no decompression, decoding or parsing) over HTML pages, as
// the extract path runs it: each page is parsed with our ParseHtml (timed separately), then ExtractMainContent
// runs once on the fresh tree (timed), on one thread. Pages are read and decoded up front.
// A development aid (not built by CMake):
//   g++ -O2 -std=c++20 -Iinclude -Isrc bench/tools/content_speed.cc build/libdossier.a \
//       $(pkg-config --libs gumbo) -lz $(pkg-config --libs icu-uc icu-i18n) -o /tmp/content_speed
//   /tmp/content_speed ROUNDS ../shared/data/extraction/scrapinghub/html/*.html.gz
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "dossier/html.h"
#include "html/content.h"
#include "html/parser.h"

using namespace dossier;

// CPU time of this thread (the machine may be shared: wall time would count other processes).
static double ThreadSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

int main(int argc, char** argv) {
  const int rounds = argc > 1 ? std::atoi(argv[1]) : 3;
  std::vector<std::string> texts;
  size_t bytes = 0;
  for (int a = 2; a < argc; ++a) {
    std::ifstream in(argv[a], std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string raw = ss.str(), unz, err;
    std::string_view b = raw;
    if (IsGzip(b)) {
      Gunzip(b, &unz, &err);
      b = unz;
    }
    texts.push_back(DecodeHtml(b).text);
    bytes += texts.back().size();
  }
  html::Dom dom;
  std::string strategy;
  size_t blocks = 0;
  double parse_s = 0, extract_s = 0, min_page = 1e9, max_page = 0;
  std::vector<double> times;
  for (int r = 0; r < rounds; ++r) {
    for (const std::string& t : texts) {
      const double t0 = ThreadSeconds();
      html::ParseHtml(t, html::ParseLimits{}, &dom);
      const double t1 = ThreadSeconds();
      blocks += html::ExtractMainContent(dom, &strategy).size();
      const double t2 = ThreadSeconds();
      const double e = t2 - t1;
      times.push_back(e);
      parse_s += t1 - t0;
      extract_s += e;
      if (getenv("SLOW") && e > atof(getenv("SLOW")) / 1e6) std::cerr << "slow page " << &t - &texts[0] << " " << e * 1e6 << " us\n";
      min_page = std::min(min_page, e);
      max_page = std::max(max_page, e);
    }
  }
  const double pages = static_cast<double>(texts.size()) * rounds;
  std::sort(times.begin(), times.end());
  const double median = times.empty() ? 0 : times[times.size() / 2];
  std::cout << texts.size() << " pages, " << bytes / 1e6 << " MB decoded HTML, " << rounds << " rounds\n"
            << "thread CPU time; ParseHtml: " << pages / parse_s << " pages/s\n"
            << "extraction (after parsing, one thread): " << pages / extract_s << " pages/s, "
            << extract_s / pages * 1e6 << " us/page (median " << median * 1e6 << ", min " << min_page * 1e6
            << ", max " << max_page * 1e6 << "), " << bytes * rounds / extract_s / 1e6 << " MB/s of HTML (" << blocks << " blocks)\n";
}
