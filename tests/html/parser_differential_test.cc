// Differential test: our parser and gumbo 0.10.1 (through the gumbo adapter) must build the same
// tree, as DumpTree writes it, for every page under ../shared/data/extraction. Skipped when the
// folder is absent.
//
// Known differences, none of which occurs in these pages (see char_refs.h, tokenizer.cc and
// tree_builder_modes.cc): numeric references past 2^31 (gumbo emits a raw byte), "</" followed by
// NUL (gumbo writes a NUL into the comment, which the adapter's C string cuts short), and unknown
// tag names with NUL or control characters (the adapter keeps gumbo's original bytes; we use the
// tokenizer's U+FFFD).
#include <gtest/gtest.h>

#include <string>

#include "extraction_pages.h"
#include "html/dom.h"
#include "html/gumbo_dom.h"
#include "html/parser.h"

namespace dossier::html {
namespace {

// The first line where two dumps differ, with its number, for a readable failure.
std::string FirstDifference(const std::string& ours, const std::string& gumbo) {
  size_t line = 1, i = 0;
  while (i < ours.size() && i < gumbo.size() && ours[i] == gumbo[i]) {
    if (ours[i] == '\n') ++line;
    ++i;
  }
  auto line_at = [&](const std::string& s) {
    const size_t begin = s.rfind('\n', i == 0 ? 0 : i - 1);
    const size_t from = begin == std::string::npos || i == 0 ? 0 : begin + 1;
    return s.substr(from, s.find('\n', from) - from);
  };
  return "line " + std::to_string(line) + ": ours [" + line_at(ours) + "] gumbo [" +
         line_at(gumbo) + "]";
}

TEST(ParserDifferentialTest, SameTreesAsGumboOnEveryExtractionPage) {
  const std::vector<std::string> pages = testing::ExtractionPages();
  if (pages.empty()) GTEST_SKIP() << "no pages under " << testing::ExtractionDir();
  Dom ours, reference;
  size_t equal = 0;
  for (const std::string& path : pages) {
    const std::string html = testing::ReadPage(path);
    ParseHtml(html, ParseLimits{}, &ours);
    BuildDomWithGumbo(html, &reference);
    const std::string a = DumpTree(ours), b = DumpTree(reference);
    if (a == b) {
      ++equal;
    } else {
      ADD_FAILURE() << path << ": " << FirstDifference(a, b);
    }
    EXPECT_FALSE(ours.truncated) << path;
  }
  EXPECT_EQ(equal, pages.size());
  // 136 scrapinghub + 2 x 98 readability + 742 trafilatura pages.
  EXPECT_GE(pages.size(), 1074u);
}

}  // namespace
}  // namespace dossier::html
