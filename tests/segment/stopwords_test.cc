// The stopword table (segment/stopwords.cc) against the plain set it replaces on the hot path.
#include "segment/stopwords.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace dossier::segment_internal {
namespace {

TEST(Stopwords, KnownWords) {
  for (const char* w : {"the", "said", "according", "consequently", "respectively", "'s", "n't", "a", "i"})
    EXPECT_TRUE(IsStopword(w)) << w;
  for (const char* w : {"", "council", "The", "thee", "th e", "consequentlyy", "respectivel", "ukraine"})
    EXPECT_FALSE(IsStopword(w)) << w;
}

TEST(Stopwords, TableEqualsReferenceOnGeneratedAndHostileWords) {
  // Stopwords, their prefixes, extensions and case variants, random letter strings and raw bytes.
  const std::vector<std::string> seeds = {"the", "said", "would", "you're", "don't", "themselves",
                                          "consequently", "whereupon", "yesterday", "mr", "x", "'"};
  std::mt19937 rng(11);
  auto check = [](const std::string& w) { ASSERT_EQ(IsStopword(w), IsStopwordReference(w)) << w; };
  for (const std::string& s : seeds) {
    for (size_t n = 0; n <= s.size(); ++n) check(s.substr(0, n));
    check(s + "s");
    check(s + std::string(1, '\0'));
    std::string upper = s;
    upper[0] = static_cast<char>(upper[0] & ~32);
    check(upper);
  }
  const std::string letters = "abcdefghijklmnopqrstuvwxyz'";
  for (int n = 0; n < 200000; ++n) {
    std::string w;
    const size_t len = rng() % 14;
    for (size_t k = 0; k < len; ++k)
      w += n % 4 == 0 ? static_cast<char>(rng() % 256) : letters[rng() % (n % 4 == 1 ? 5 : letters.size())];
    check(w);
  }
}

}  // namespace
}  // namespace dossier::segment_internal
