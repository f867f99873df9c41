// The second stage's non-local features: a token's features depend on what the first stage said
// about the same word and the same phrase elsewhere in the document, and on nothing else there.
#include <gtest/gtest.h>

#include <algorithm>
#include <string_view>
#include <vector>

#include "ner/features.h"
#include "ner/tags.h"

namespace dossier::ner {
namespace {

std::vector<uint32_t> NonLocalOf(const std::vector<std::string_view>& words, const std::vector<int>& stage1,
                                 size_t token) {
  NerDoc d;
  d.words = words;
  d.sentence_starts = {0};
  FeatureExtractor fx(nullptr, nullptr, kFeatAll & ~kFeatGazetteers & ~kFeatClusters);
  DocFeatures base, nonlocal;
  fx.Extract(d, &base);
  fx.ExtractNonLocal(d, stage1, &nonlocal);
  EXPECT_EQ(nonlocal.offsets.size(), words.size() + 1);
  std::vector<uint32_t> out(nonlocal.ids.begin() + nonlocal.offsets[token],
                            nonlocal.ids.begin() + nonlocal.offsets[token + 1]);
  std::sort(out.begin(), out.end());
  return out;
}

TEST(NerNonLocal, TheSameWordAndPhraseElsewhereChangeATokensFeatures) {
  const int bper = MakeLabel(0, kBegin), lper = MakeLabel(0, kLast), uper = MakeLabel(0, kUnit);
  const int uorg = MakeLabel(2, kUnit);
  const std::vector<std::string_view> words = {"John", "Smith", "met", "Smith", "and", "Smith", "."};
  // Token 3 is a one-word PER in every case; only the other "Smith"s change.
  const auto person_elsewhere = NonLocalOf(words, {bper, lper, 0, uper, 0, uper, 0}, 3);
  const auto org_elsewhere = NonLocalOf(words, {bper, lper, 0, uper, 0, uorg, 0}, 3);
  const auto none_elsewhere = NonLocalOf(words, {0, 0, 0, uper, 0, 0, 0}, 3);
  EXPECT_NE(person_elsewhere, org_elsewhere);   // the same phrase typed ORG elsewhere
  EXPECT_NE(person_elsewhere, none_elsewhere);  // the same word outside any name elsewhere
  EXPECT_NE(org_elsewhere, none_elsewhere);
  // Same labels, same features (deterministic), whatever happened before.
  EXPECT_EQ(NonLocalOf(words, {bper, lper, 0, uper, 0, uper, 0}, 3), person_elsewhere);
  // A word seen once has fewer features than one seen three times.
  const auto alone = NonLocalOf({"Jim", "Brown", "met", "Smith", "and", "Jones", "."}, {bper, lper, 0, uper, 0, uper, 0}, 3);
  EXPECT_LT(alone.size(), person_elsewhere.size());
}

}  // namespace
}  // namespace dossier::ner
