// Feeds the HTML parser's libFuzzer target (tools/fuzz/html_parser_fuzz.cc, linked into the test
// binary) a few hundred seeded mutations of real pages, so every test run exercises it without
// clang or libFuzzer. The target aborts on a malformed tree.
#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "extraction_pages.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace dossier::html {
namespace {

// Pieces that steer the parser into its rarer states.
const char* const kPieces[] = {
    "<table>", "</table>", "<tr>", "<td>", "</td>", "<b>", "</b>", "<a href=x>", "</a>", "<p>",
    "</p>", "<svg>", "</svg>", "<math>", "<mi>", "<template>", "</template>", "<select>",
    "<option>", "<frameset>", "<!--", "-->", "<![CDATA[", "]]>", "&amp", "&#x", "&notit;",
    "<script>", "</script>", "<!-- <script>", "<textarea>", "<plaintext>", "<nobr>", "<form>",
    "</form>", "<li>", "<dd>", "<h1>", "</h2>", "<button>", "<isindex>", "<caption>", "<col>",
    "<body a=1>", "<html b=2>", "<head>", "<noscript>", "<title>", "<style>", "<xmp>",
    "<foreignObject>", "<annotation-xml encoding=text/html>", "<font color=red>", "<object>",
    "<ruby><rt>", "</br>", "<!DOCTYPE html>", "<?x>", "</ x>", "<a x x y>", "\r\n", "\x01",
    "<x-a>", "</x-b>", "<input type=hidden>", "<pre>\n", std::string("\0", 1).c_str(), "\"",
    "'", "=", "<", ">", "/>",
};

std::string Mutate(std::string s, std::mt19937* rng) {
  const int mutations = 1 + (*rng)() % 12;
  for (int m = 0; m < mutations; ++m) {
    const size_t pos = s.empty() ? 0 : (*rng)() % s.size();
    switch ((*rng)() % 5) {
      case 0:
      case 1: {
        const char* piece = kPieces[(*rng)() % std::size(kPieces)];
        s.insert(pos, piece[0] == '\0' ? std::string(1, '\0') : std::string(piece));
        break;
      }
      case 2:
        s.erase(pos, (*rng)() % 64);
        break;
      case 3:
        if (!s.empty()) s.insert(pos, s.substr((*rng)() % s.size(), (*rng)() % 256));
        break;
      default:
        if (!s.empty()) s[pos] = static_cast<char>((*rng)());
        break;
    }
  }
  return s;
}

TEST(ParserFuzzTest, SeededMutationsOfRealPages) {
  std::vector<std::string> seeds;
  const std::vector<std::string> pages = testing::ExtractionPages();
  for (size_t i = 0; i < pages.size() && seeds.size() < 40; i += 25) {
    seeds.push_back(testing::ReadPage(pages[i]));
  }
  if (seeds.empty()) seeds.push_back("<html><body><p>Hello <b>world</b></p><table><tr><td>x");
  std::mt19937 rng(42);
  for (int i = 0; i < 400; ++i) {
    const std::string& page = seeds[rng() % seeds.size()];
    const size_t length = std::min<size_t>(page.size(), 200 + rng() % 8000);
    const size_t start = page.size() > length ? rng() % (page.size() - length) : 0;
    const std::string input = Mutate(page.substr(start, length), &rng);
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(input.data()), input.size());
  }
  // Whole pages too, and some with the small limits the target picks for a first byte % 4 == 0.
  for (size_t i = 0; i < seeds.size(); i += 4) {
    for (const char first : {'a', '\x40'}) {
      const std::string input = first + seeds[i];
      LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(input.data()), input.size());
    }
  }
}

}  // namespace
}  // namespace dossier::html
