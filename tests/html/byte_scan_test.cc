// FindStop (SSE2 FindFirstOf3 for sets of up to three bytes) against FindFirstOf (the table scan):
// every byte value at every offset of a block, random strings, and every page under
// ../shared/data/extraction with the tokenizer's own stop sets.
#include "html/byte_scan.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "extraction_pages.h"

namespace dossier::html {
namespace {

const std::vector<StopBytes>& Sets() {
  static const std::vector<StopBytes> sets = {
      MakeStopBytes(std::string_view("<&\0", 3)), MakeStopBytes(std::string_view("<\0", 2)),
      MakeStopBytes(std::string_view("\0", 1)),   MakeStopBytes(std::string_view("\"&\0", 3)),
      MakeStopBytes(std::string_view("'&\0", 3)), MakeStopBytes("\xFF"),
      MakeStopBytes(std::string_view("<->\0", 4)), MakeStopBytes(std::string_view("\t\n\f >&\0", 7))};
  return sets;
}

TEST(ByteScanTest, StopBytesKeepTheirBytes) {
  const StopBytes s = MakeStopBytes(std::string_view("<&\0", 3));
  EXPECT_EQ(s.count, 3);
  EXPECT_EQ(FindStop("abc&d<", 0, s), 3u);
  EXPECT_EQ(FindStop(std::string(40, 'x') + "<", 0, s), 40u);
  EXPECT_EQ(FindStop(std::string(40, 'x'), 0, s), 40u);
  EXPECT_EQ(FindStop("abc", 5, s), 5u);  // past the end: where it started, as FindFirstOf
  EXPECT_EQ(MakeStopBytes("\"").count, 1);
}

TEST(ByteScanTest, EveryByteAtEveryOffset) {
  for (const StopBytes& set : Sets()) {
    for (int byte = 0; byte < 256; ++byte) {
      for (size_t at = 0; at < 40; ++at) {
        std::string s(45, 'a');
        s[at] = static_cast<char>(byte);
        for (size_t from = 0; from <= s.size() + 1; from += 3) {
          ASSERT_EQ(FindStop(s, from, set), FindFirstOf(s, from, set.set)) << byte << " at " << at << " from " << from;
        }
      }
    }
  }
}

TEST(ByteScanTest, SameOnRandomStrings) {
  const std::string alphabet = std::string("ab<&\"'->\t\n \xFF\x80", 14) + std::string(1, '\0');
  std::mt19937 rng(20261128);
  for (int round = 0; round < 20000; ++round) {
    std::string s(rng() % 70, 'x');
    for (char& c : s) c = (rng() % 4 == 0) ? alphabet[rng() % alphabet.size()] : 'x';
    for (const StopBytes& set : Sets()) {
      for (size_t from = 0; from <= s.size(); from += 1 + rng() % 5) {
        ASSERT_EQ(FindStop(s, from, set), FindFirstOf(s, from, set.set));
      }
    }
  }
}

TEST(ByteScanTest, SameStopsOnEveryExtractionPage) {
  const std::vector<std::string> pages = testing::ExtractionPages();
  if (pages.empty()) GTEST_SKIP() << "no pages under " << testing::ExtractionDir();
  size_t stops = 0;
  for (const std::string& path : pages) {
    const std::string page = testing::ReadPage(path);
    for (const StopBytes& set : {Sets()[0], Sets()[3]}) {
      for (size_t i = 0;;) {
        const size_t fast = FindStop(page, i, set);
        ASSERT_EQ(fast, FindFirstOf(page, i, set.set)) << path << " from " << i;
        if (fast >= page.size()) break;
        ++stops;
        i = fast + 1;
      }
    }
  }
  EXPECT_GT(stops, 0u);
}

}  // namespace
}  // namespace dossier::html
