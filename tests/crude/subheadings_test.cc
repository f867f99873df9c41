// The subheading pass (crude/subheadings.h) on hand-written lines with given classifier kinds: the
// rules alone, no model.
#include "crude/subheadings.h"
#include "crude/line_signals.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace dossier {
namespace {

using K = BlockKind;

// Runs the pass both ways, detecting the line signals itself and given them (as the classifier
// does): the answers must agree.
std::vector<K> Restore(const std::vector<std::string>& lines, std::vector<K> kinds) {
  std::vector<std::string_view> views(lines.begin(), lines.end());
  std::vector<uint32_t> signals;
  for (std::string_view v : views) signals.push_back(DetectLineSignals(v));
  std::vector<K> given = kinds;
  RestoreSubheadings(views, &kinds);
  RestoreSubheadings(views, &given, &signals);
  EXPECT_EQ(kinds, given);
  return kinds;
}

const std::string kPara1 =
    "The harbour authority said on Monday that repairs to the sea wall would take at least two years.";
const std::string kPara2 =
    "Engineers found that storms last winter had washed away much of the stone at the base of the wall.";
const std::string kPara3 =
    "Fishing crews have moved their boats to a neighbouring port while the work goes on, the authority said.";

TEST(RestoreSubheadings, LeftoverDevelopedByTheNextParagraphBecomesHeading) {
  const std::vector<std::string> lines = {kPara1, "Storm damage to the sea wall", kPara2, kPara3};
  EXPECT_EQ(Restore(lines, {K::kBody, K::kOther, K::kBody, K::kBody}),
            (std::vector<K>{K::kBody, K::kHeading, K::kBody, K::kBody}));
  // The paragraph after it, taken for a leftover too, is body again.
  EXPECT_EQ(Restore(lines, {K::kBody, K::kOther, K::kOther, K::kBody}),
            (std::vector<K>{K::kBody, K::kHeading, K::kBody, K::kBody}));
  // A line taken for a caption, without any caption wording, likewise.
  EXPECT_EQ(Restore(lines, {K::kBody, K::kCaption, K::kBody, K::kBody}),
            (std::vector<K>{K::kBody, K::kHeading, K::kBody, K::kBody}));
}

TEST(RestoreSubheadings, AcronymSpelledOutCountsAsShared) {
  const std::vector<std::string> lines = {
      kPara1, "Row over the RNLI",
      "Volunteers of the Royal National Lifeboat Institution said they had not been consulted on the plans.", kPara3};
  EXPECT_EQ(Restore(lines, {K::kBody, K::kOther, K::kBody, K::kBody})[1], K::kHeading);
}

TEST(RestoreSubheadings, LeftoversThatShareNothingOrCarryLeftoverWordingStay) {
  const std::vector<std::string> lines = {kPara1, "Celebrity chef opens new restaurant", kPara2,
                                          "Read more: Sea wall repairs to begin", kPara3};
  const std::vector<K> kinds = {K::kBody, K::kOther, K::kBody, K::kOther, K::kBody};
  EXPECT_EQ(Restore(lines, kinds), kinds);
  // A caption with a credit, a line ending in a full stop, a line before no paragraph.
  const std::vector<std::string> more = {kPara1, "The sea wall at high tide. Pic: PA", kPara2,
                                         "Storm damage to the sea wall.", kPara3, "Sea wall repairs", "5:57"};
  const std::vector<K> more_kinds = {K::kBody, K::kCaption, K::kBody, K::kOther, K::kBody, K::kOther, K::kMedia};
  EXPECT_EQ(Restore(more, more_kinds), more_kinds);
}

TEST(RestoreSubheadings, QuestionBeforeADevelopingParagraphIsHeading) {
  const std::vector<std::string> lines = {kPara1, "Why did the sea wall fail?", kPara2, kPara3};
  EXPECT_EQ(Restore(lines, {K::kBody, K::kBody, K::kBody, K::kBody}),
            (std::vector<K>{K::kBody, K::kHeading, K::kBody, K::kBody}));
  // A question with no content word has nothing to repeat: question form is enough.
  const std::vector<std::string> bare = {kPara1, "What now?", kPara2, kPara3};
  EXPECT_EQ(Restore(bare, {K::kBody, K::kBody, K::kBody, K::kBody})[1], K::kHeading);
  // A question whose words the next paragraphs do not take up stays body (a rhetorical question).
  const std::vector<std::string> rhetorical = {kPara1, "Who could blame them?", kPara2, kPara3};
  EXPECT_EQ(Restore(rhetorical, {K::kBody, K::kBody, K::kBody, K::kBody})[1], K::kBody);
  // A quoted question is speech, not a subheading.
  const std::vector<std::string> quoted = {kPara1, "\xe2\x80\x9cWhy did the sea wall fail?\xe2\x80\x9d", kPara2, kPara3};
  EXPECT_EQ(Restore(quoted, {K::kBody, K::kBody, K::kBody, K::kBody})[1], K::kBody);
}

TEST(RestoreSubheadings, VideoTitleStaysMediaButTheLineAfterItIsFree) {
  const std::vector<std::string> lines = {kPara1, "This video can not be played", "2:41",
                                          "Sea wall repairs: the engineers' view", "Why did the sea wall fail?",
                                          kPara2, kPara3};
  EXPECT_EQ(Restore(lines, {K::kBody, K::kMedia, K::kMedia, K::kMedia, K::kMedia, K::kBody, K::kBody}),
            (std::vector<K>{K::kBody, K::kMedia, K::kMedia, K::kMedia, K::kHeading, K::kBody, K::kBody}));
}

TEST(RestoreSubheadings, ConsentWithConsentWordingStaysConsentWithoutIsFree) {
  const std::vector<std::string> lines = {kPara1, "Why did the sea wall fail?", kPara2, kPara3};
  EXPECT_EQ(Restore(lines, {K::kBody, K::kConsent, K::kBody, K::kBody})[1], K::kHeading);
  // A question and its paragraph both taken for consent text, without a word of consent.
  EXPECT_EQ(Restore(lines, {K::kBody, K::kConsent, K::kConsent, K::kBody}),
            (std::vector<K>{K::kBody, K::kHeading, K::kBody, K::kBody}));
  const std::vector<std::string> block = {kPara1, "Podcasts", "Do you want to allow cookies from this provider?",
                                          "Allowing cookies lets the podcast player load on this page.", kPara3};
  const std::vector<K> kinds = {K::kBody, K::kConsent, K::kConsent, K::kConsent, K::kBody};
  EXPECT_EQ(Restore(block, kinds), kinds);
}

TEST(RestoreSubheadings, LongLineEndingInAFullStopIsNoHeading) {
  const std::vector<std::string> lines = {"Sea wall to close", kPara1, "Repairs begin. Boats move.", "Harbour closed."};
  EXPECT_EQ(Restore(lines, {K::kHeading, K::kHeading, K::kHeading, K::kHeading}),
            (std::vector<K>{K::kHeading, K::kBody, K::kBody, K::kHeading}));
}

TEST(RestoreSubheadings, EmptyAndTinyInputs) {
  EXPECT_TRUE(Restore({}, {}).empty());
  EXPECT_EQ(Restore({"Why?"}, {K::kBody}), (std::vector<K>{K::kBody}));
  EXPECT_EQ(Restore({"", ""}, {K::kOther, K::kOther}), (std::vector<K>{K::kOther, K::kOther}));
}

TEST(RestoreSubheadings, GivenSignalsAgreeWithDetectedOnes) {
  const std::vector<std::string> pool = {
      kPara1, kPara2, kPara3, "Sea wall repairs", "What happens next?", "Wall repairs will take two years",
      "Duration 1:02", "Watch: the harbour wall at night", "We use cookies on this site", "Spotify",
      "Pic: Reuters/ Kevin Lamarque", "Harbour authority (HA) statement", "HA", "Read more", "",
      "Advertisement", "Stone washed away by winter storms", "Is the wall safe?"};
  std::mt19937 rng(17);
  for (int n = 0; n < 3000; ++n) {
    std::vector<std::string> lines;
    std::vector<K> kinds;
    for (int k = 1 + static_cast<int>(rng() % 9); k > 0; --k) {
      lines.push_back(pool[rng() % pool.size()]);
      kinds.push_back(static_cast<K>(rng() % 7));
    }
    Restore(lines, kinds);  // compares the two ways
  }
}

}  // namespace
}  // namespace dossier
