// The parser's input scan (NextSuspectByte, SSE2 on x86-64) against its plain table twin: every
// byte value at every offset of a block, and every page under ../shared/data/extraction.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extraction_pages.h"
#include "html/input_stream.h"

namespace dossier::html {
namespace {

TEST(InputStreamScanTest, EveryByteAtEveryOffset) {
  for (int byte = 0; byte < 256; ++byte) {
    for (size_t at = 0; at < 40; ++at) {
      std::string s(45, 'a');
      s[at] = static_cast<char>(byte);
      for (size_t from = 0; from <= s.size(); from += 7) {
        ASSERT_EQ(NextSuspectByte(s, from), NextSuspectByteReference(s, from))
            << "byte " << byte << " at " << at << " from " << from;
      }
    }
  }
  // The set itself, on hand-checked bytes.
  EXPECT_EQ(NextSuspectByte(std::string(20, 'x') + "\r\n", 0), 20u);
  EXPECT_EQ(NextSuspectByte(std::string(20, 'x') + "\t\n\f" + std::string(3, '\0'), 0), 26u);  // none
  EXPECT_EQ(NextSuspectByte(std::string(17, ' ') + "\xC3\xA9\xC2\x85", 0), 19u);
  EXPECT_EQ(NextSuspectByte(std::string(33, ' ') + "\xF4", 0), 33u);
  EXPECT_EQ(NextSuspectByte(std::string(33, ' ') + "\xF5\xEF", 0), 34u);
  EXPECT_EQ(NextSuspectByte("", 0), 0u);
}

TEST(InputStreamScanTest, SameStopsOnEveryExtractionPage) {
  const std::vector<std::string> pages = testing::ExtractionPages();
  if (pages.empty()) GTEST_SKIP() << "no pages under " << testing::ExtractionDir();
  size_t stops = 0;
  for (const std::string& path : pages) {
    const std::string page = testing::ReadPage(path);
    size_t i = 0;
    while (true) {
      const size_t fast = NextSuspectByte(page, i), slow = NextSuspectByteReference(page, i);
      ASSERT_EQ(fast, slow) << path << " from " << i;
      if (fast >= page.size()) break;
      ++stops;
      i = fast + 1;
    }
  }
  EXPECT_GT(stops, 0u);
}

}  // namespace
}  // namespace dossier::html
