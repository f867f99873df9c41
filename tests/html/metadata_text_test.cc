// The metadata's CollapseWhitespace (runs of plain bytes copied whole) against its byte-by-byte
// statement CollapseWhitespaceReference: hand-checked strings, random strings over the bytes that
// matter (ASCII and Unicode spaces, zero-width characters, their lead bytes alone), and windows of
// every other page under ../shared/data/extraction.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "extraction_pages.h"
#include "html/metadata_internal.h"

namespace dossier::html::meta {
namespace {

TEST(MetadataTextTest, CollapseWhitespaceHandChecked) {
  EXPECT_EQ(CollapseWhitespace("  Hello \t\n world  "), "Hello world");
  EXPECT_EQ(CollapseWhitespace("a\xC2\xA0\xE2\x80\x89" "b"), "a b");          // no-break, thin space
  EXPECT_EQ(CollapseWhitespace("\xE2\x80\x8B" "ab\xC2\xAD" "c"), "abc");      // zero-width, soft hyphen
  EXPECT_EQ(CollapseWhitespace("\xEF\xBB\xBF  x"), "x");                      // BOM, then spaces
  EXPECT_EQ(CollapseWhitespace("caf\xC3\xA9 \xE2\x82\xAC"), "caf\xC3\xA9 \xE2\x82\xAC");  // é €
  EXPECT_EQ(CollapseWhitespace("x\xC2"), "x\xC2");                            // lone lead byte kept
  EXPECT_EQ(CollapseWhitespace(""), "");
  EXPECT_EQ(CollapseWhitespace(" \n "), "");
}

TEST(MetadataTextTest, CollapseWhitespaceSameAsReferenceOnRandomStrings) {
  const std::vector<std::string> pieces = {"a",        "Z",        "0",        " ",        "\t",       "\n",
                                           "\r",       "\f",       "\v",       "\xC2\xA0", "\xC2\x85", "\xC2\xAD",
                                           "\xC2",     "\xC3\xA9", "\xE2\x80\x8B", "\xE2\x80\x80", "\xE2\x80\xA8",
                                           "\xE2\x80\xAF", "\xE2\x81\x9F", "\xE3\x80\x80", "\xE1\x9A\x80",
                                           "\xEF\xBB\xBF", "\xE2",  "\xE2\x80", "\xEF",     "\xE3\x80", "\x80"};
  std::mt19937 rng(20261128);
  for (int round = 0; round < 50000; ++round) {
    std::string s;
    const size_t n = rng() % 12;
    for (size_t k = 0; k < n; ++k) s += pieces[rng() % pieces.size()];
    ASSERT_EQ(CollapseWhitespace(s), CollapseWhitespaceReference(s)) << "round " << round;
  }
}

TEST(MetadataTextTest, CollapseWhitespaceSameAsReferenceOnEveryPage) {
  const std::vector<std::string> pages = testing::ExtractionPages();
  if (pages.empty()) GTEST_SKIP() << "no pages under " << testing::ExtractionDir();
  for (size_t k = 0; k < pages.size(); k += 2) {  // every other page keeps the test quick under ASan
    const std::string& path = pages[k];
    const std::string page = testing::ReadPage(path);
    // Windows of 300 bytes (the size of the texts the metadata scan looks at) at odd offsets.
    for (size_t i = 0; i < page.size(); i += 293) {
      const std::string_view window = std::string_view(page).substr(i, 300);
      ASSERT_EQ(CollapseWhitespace(window), CollapseWhitespaceReference(window)) << path << " at " << i;
    }
  }
}

}  // namespace
}  // namespace dossier::html::meta
