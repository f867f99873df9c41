// The main-content walk's text-run scanner (ScanTextRun, one table lookup for most bytes) against
// its byte-by-byte statement (ScanTextRunReference): hand-checked runs, random bytes drawn from the
// bytes that matter (spaces, no-break space, CJK punctuation lead bytes, continuation bytes), and
// every run start of every other page under ../shared/data/extraction, in and outside <pre>.
#include "html/content_text_run.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "extraction_pages.h"

namespace dossier::html {
namespace {

void ExpectSame(std::string_view s, size_t i, bool raw) {
  const TextRun fast = ScanTextRun(s, i, raw), slow = ScanTextRunReference(s, i, raw);
  ASSERT_EQ(fast.end, slow.end) << "from " << i << " raw " << raw;
  ASSERT_EQ(fast.chars, slow.chars) << "from " << i << " raw " << raw;
  ASSERT_EQ(fast.punct, slow.punct) << "from " << i << " raw " << raw;
}

TEST(ContentTextRunTest, HandCheckedRuns) {
  // "Hello," then a space: 6 characters, one comma.
  TextRun r = ScanTextRun("Hello, world", 0, false);
  EXPECT_EQ(r.end, 6u);
  EXPECT_EQ(r.chars, 6u);
  EXPECT_EQ(r.punct, 1u);
  // "é" is one character of two bytes; a no-break space ends the run.
  r = ScanTextRun("caf\xC3\xA9\xC2\xA0noir", 0, false);
  EXPECT_EQ(r.end, 5u);
  EXPECT_EQ(r.chars, 4u);
  // Inside <pre> nothing ends the run; the space and the no-break space count one each.
  r = ScanTextRun("a b\xC2\xA0" "c", 0, true);
  EXPECT_EQ(r.end, 6u);
  EXPECT_EQ(r.chars, 5u);
  // CJK: two per character; 。 and ， are punctuation.
  r = ScanTextRun("\xE4\xB8\xAD\xE3\x80\x82\xEF\xBC\x8C", 0, false);
  EXPECT_EQ(r.end, 9u);
  EXPECT_EQ(r.chars, 5u);  // 中 2, 。 2, ， 1 (EF is not a CJK lead byte)
  EXPECT_EQ(r.punct, 2u);
  // A lone C2 at the end does not end the run.
  r = ScanTextRun("ab\xC2", 0, false);
  EXPECT_EQ(r.end, 3u);
  EXPECT_EQ(ScanTextRun("", 0, false).end, 0u);
}

TEST(ContentTextRunTest, SameAsReferenceOnRandomBytes) {
  const std::string alphabet = std::string("aZ09 \t\n\r\f\v.,;:!?-") + "\xC2\xA0\xE3\x80\x82\x81\xEF\xBC\x8C\x9F\x9B\xE4\xED\xEE\xC3\xA9\xFF" +
                               std::string(1, '\0');
  std::mt19937 rng(20261128);
  for (int round = 0; round < 20000; ++round) {
    std::string s(rng() % 24, ' ');
    for (char& c : s) c = alphabet[rng() % alphabet.size()];
    for (size_t i = 0; i <= s.size(); ++i) {
      ExpectSame(s, i, false);
      ExpectSame(s, i, true);
    }
  }
}

TEST(ContentTextRunTest, SameAsReferenceOnEveryPage) {
  const std::vector<std::string> pages = testing::ExtractionPages();
  if (pages.empty()) GTEST_SKIP() << "no pages under " << testing::ExtractionDir();
  size_t runs = 0;
  for (size_t k = 0; k < pages.size(); k += 2) {  // every other page keeps the test quick under ASan
    const std::string& path = pages[k];
    const std::string page = testing::ReadPage(path);
    // Every run outside <pre>, from each run's start; and <pre>-style runs from every 4 KiB.
    for (size_t i = 0; i < page.size();) {
      const TextRun fast = ScanTextRun(page, i, false), slow = ScanTextRunReference(page, i, false);
      ASSERT_EQ(fast.end, slow.end) << path << " from " << i;
      ASSERT_EQ(fast.chars, slow.chars) << path << " from " << i;
      ASSERT_EQ(fast.punct, slow.punct) << path << " from " << i;
      ++runs;
      i = slow.end + 1;
    }
    for (size_t i = 0; i < page.size(); i += 4096) {
      const std::string_view window = std::string_view(page).substr(i, 4096);
      ExpectSame(window, 0, true);
    }
  }
  EXPECT_GT(runs, 0u);
}

}  // namespace
}  // namespace dossier::html
