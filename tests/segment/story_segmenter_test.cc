// Story segmentation of crude text: the model-less fallback, title recovery before a story start,
// title inference, and training / saving / loading of the boundary model.
#include "dossier/stories.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "dossier/document.h"

namespace dossier {
namespace {

using K = BlockKind;

std::vector<StoryBlock> Blocks(const std::vector<std::pair<std::string, K>>& spec,
                               std::vector<std::string>* storage) {
  storage->clear();
  storage->reserve(spec.size());
  for (const auto& [t, k] : spec) storage->push_back(t);
  std::vector<StoryBlock> out;
  for (size_t i = 0; i < spec.size(); ++i) out.push_back({(*storage)[i], spec[i].second});
  return out;
}

std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::vector<K> KindsOf(const std::vector<StoryBlock>& blocks) {
  std::vector<K> k;
  for (const auto& b : blocks) k.push_back(b.kind);
  return k;
}

// ---------------------------------------------------------------------------------------------
// (a) Without a model.

TEST(StorySegmenter, WithoutModelOnlyFirstArticleBlock) {
  StorySegmenter seg;
  EXPECT_FALSE(seg.loaded());
  std::vector<std::string> s;
  auto blocks = Blocks({{"By Jane Doe", K::kOther},
                        {"Published 3 hours ago", K::kOther},
                        {"The council voted on the budget last night.", K::kBody},
                        {"Image: The town hall. Pic: PA", K::kCaption},
                        {"Councillors argued for hours about the cuts.", K::kBody},
                        {"Elsewhere a football club sacked its manager.", K::kBody}},
                       &s);
  EXPECT_EQ(seg.Segment(blocks), (std::vector<uint32_t>{2}));
  // A heading or a list item is an article block too.
  auto headed = Blocks({{"5:57", K::kMedia}, {"Water Bills Set To Rise", K::kHeading}}, &s);
  EXPECT_EQ(seg.Segment(headed), (std::vector<uint32_t>{1}));
  auto listed = Blocks({{"All files relating to the contract;", K::kListItem}}, &s);
  EXPECT_EQ(seg.Segment(listed), (std::vector<uint32_t>{0}));
}

TEST(StorySegmenter, NoArticleBlockGivesNoStart) {
  StorySegmenter seg;
  std::vector<std::string> s;
  EXPECT_EQ(seg.Segment({}), (std::vector<uint32_t>{}));
  auto blocks = Blocks({{"Advertisement", K::kOther},
                        {"Image: A street. Pic: AP", K::kCaption},
                        {"5:57", K::kMedia},
                        {"We use cookies to improve your experience.", K::kConsent}},
                       &s);
  EXPECT_EQ(seg.Segment(blocks), (std::vector<uint32_t>{}));
}

TEST(StorySegmenter, SaveWithoutModelFails) {
  StorySegmenter seg;
  std::string error;
  EXPECT_FALSE(seg.Save((std::filesystem::path(::testing::TempDir()) / "no_model.stories").string(), &error));
  EXPECT_FALSE(error.empty());
}

// ---------------------------------------------------------------------------------------------
// (b) RecoverStoryTitles.

// The blocks of the brief, with the headline in Title Case (see SentenceCaseHeadline below).
std::vector<std::pair<std::string, K>> TitleGap(const std::string& headline) {
  return {{"Some text of the first story goes here.", K::kBody},
          {"Read more: something else entirely here", K::kOther},
          {headline, K::kOther},
          {"Published 3 hours ago", K::kOther},
          {"The government has agreed new rules on water bills, ministers said on Tuesday.", K::kBody}};
}

TEST(RecoverStoryTitles, TitleCaseHeadlineBecomesHeadingAndStartsTheStory) {
  std::vector<std::string> s;
  auto blocks = Blocks(TitleGap("Ministers Agree New Rules On Water Bills"), &s);
  std::vector<K> kinds = KindsOf(blocks);
  std::vector<uint32_t> starts = {0, 4};
  RecoverStoryTitles(blocks, &kinds, &starts);
  EXPECT_EQ(starts, (std::vector<uint32_t>{0, 2}));
  EXPECT_EQ(kinds, (std::vector<K>{K::kBody, K::kOther, K::kHeading, K::kOther, K::kBody}));
}

// A sentence-case headline is taken when it shares at least two content words with the story's
// opening ("rules", "water", "bills" here).
TEST(RecoverStoryTitles, SentenceCaseHeadlineSharingWordsIsTaken) {
  std::vector<std::string> s;
  auto blocks = Blocks(TitleGap("Ministers agree new rules on water bills"), &s);
  std::vector<K> kinds = KindsOf(blocks);
  std::vector<uint32_t> starts = {0, 4};
  RecoverStoryTitles(blocks, &kinds, &starts);
  EXPECT_EQ(starts, (std::vector<uint32_t>{0, 2}));
  EXPECT_EQ(kinds[2], K::kHeading);
}

// ... but a sentence-case line that shares nothing with the story (a related link, another
// story's headline) is not.
TEST(RecoverStoryTitles, SentenceCaseLineSharingNothingIsNotTaken) {
  std::vector<std::string> s;
  auto blocks = Blocks(TitleGap("Council rejects plan for a car park in the centre"), &s);
  std::vector<K> kinds = KindsOf(blocks);
  const std::vector<K> before = kinds;
  std::vector<uint32_t> starts = {0, 4};
  RecoverStoryTitles(blocks, &kinds, &starts);
  EXPECT_EQ(starts, (std::vector<uint32_t>{0, 4}));
  EXPECT_EQ(kinds, before);
}

// Among several candidates the one sharing most words with the opening wins, even when another is
// closer to the story.
TEST(RecoverStoryTitles, TheCandidateSharingMostWordsWins) {
  std::vector<std::string> s;
  auto blocks = Blocks({{"Some text of the first story goes here.", K::kBody},
                        {"Water bills to rise under new rules, ministers agree", K::kOther},
                        {"Council rejects plan for a car park", K::kOther},
                        {"The government has agreed new rules on water bills, ministers said.", K::kBody}},
                       &s);
  std::vector<K> kinds = KindsOf(blocks);
  std::vector<uint32_t> starts = {0, 3};
  RecoverStoryTitles(blocks, &kinds, &starts);
  EXPECT_EQ(starts, (std::vector<uint32_t>{0, 1}));
  EXPECT_EQ(kinds[1], K::kHeading);
  EXPECT_EQ(kinds[2], K::kOther);
}

TEST(RecoverStoryTitles, ReadMoreAndDatelineAreNeverTaken) {
  std::vector<std::string> s;
  // Every candidate in the gap is title-cased and short, but each carries furniture or date wording.
  auto blocks = Blocks({{"Some text of the first story goes here.", K::kBody},
                        {"Read More: Something Else Entirely Here", K::kOther},
                        {"Related: Water Bills To Rise Again", K::kOther},
                        {"Published 3 Hours Ago By The Newsdesk", K::kOther},
                        {"The government has agreed new rules on water bills, ministers said.", K::kBody}},
                       &s);
  std::vector<K> kinds = KindsOf(blocks);
  const std::vector<K> before = kinds;
  std::vector<uint32_t> starts = {0, 4};
  RecoverStoryTitles(blocks, &kinds, &starts);
  EXPECT_EQ(starts, (std::vector<uint32_t>{0, 4}));
  EXPECT_EQ(kinds, before);
  // The dateline of the brief, alone before the story.
  auto dated = Blocks({{"Some text of the first story goes here.", K::kBody},
                       {"Nov 18, 2019 At 9:24 PM ET", K::kOther},
                       {"By Daniel Kim And Other Writers", K::kOther},
                       {"The government has agreed new rules on water bills, ministers said.", K::kBody}},
                      &s);
  kinds = KindsOf(dated);
  starts = {0, 3};
  RecoverStoryTitles(dated, &kinds, &starts);
  EXPECT_EQ(starts, (std::vector<uint32_t>{0, 3}));
  EXPECT_EQ(kinds, KindsOf(dated));
}

TEST(RecoverStoryTitles, LineEndingWithFullStopIsNotTaken) {
  std::vector<std::string> s;
  auto blocks = Blocks({{"Some text of the first story goes here.", K::kBody},
                        {"Ministers Agree New Rules On Water Bills.", K::kOther},
                        {"The government has agreed new rules on water bills, ministers said.", K::kBody}},
                       &s);
  std::vector<K> kinds = KindsOf(blocks);
  std::vector<uint32_t> starts = {0, 2};
  RecoverStoryTitles(blocks, &kinds, &starts);
  EXPECT_EQ(starts, (std::vector<uint32_t>{0, 2}));
  EXPECT_EQ(kinds[1], K::kOther);
}

TEST(RecoverStoryTitles, LooksBackAtMostEightBlocks) {
  std::vector<std::string> s;
  // The headline is nine blocks before the start: out of reach.
  std::vector<std::pair<std::string, K>> spec = {{"Some text of the first story goes here.", K::kBody},
                                                 {"Ministers agree new rules on water bills", K::kOther}};
  for (int i = 0; i < 8; ++i) spec.push_back({"Share", K::kOther});
  spec.push_back({"The government has agreed new rules on water bills, ministers said.", K::kBody});
  auto blocks = Blocks(spec, &s);
  std::vector<K> kinds = KindsOf(blocks);
  std::vector<uint32_t> starts = {0, 10};
  RecoverStoryTitles(blocks, &kinds, &starts);
  EXPECT_EQ(starts, (std::vector<uint32_t>{0, 10}));
  EXPECT_EQ(kinds, KindsOf(blocks));
  // Eight blocks back is still in reach.
  spec.erase(spec.begin() + 2);
  blocks = Blocks(spec, &s);
  kinds = KindsOf(blocks);
  starts = {0, 9};
  RecoverStoryTitles(blocks, &kinds, &starts);
  EXPECT_EQ(starts, (std::vector<uint32_t>{0, 1}));
  EXPECT_EQ(kinds[1], K::kHeading);
}

TEST(RecoverStoryTitles, NeverCrossesAnArticleBlock) {
  std::vector<std::string> s;
  // A title-like leftover lies before an article block that is not a story start.
  auto blocks = Blocks({{"Some text of the first story goes here.", K::kBody},
                        {"Ministers Agree New Rules On Water Bills", K::kOther},
                        {"More text of the first story follows here.", K::kBody},
                        {"The government has agreed new rules on water bills, ministers said.", K::kBody}},
                       &s);
  std::vector<K> kinds = KindsOf(blocks);
  std::vector<uint32_t> starts = {0, 3};
  RecoverStoryTitles(blocks, &kinds, &starts);
  EXPECT_EQ(starts, (std::vector<uint32_t>{0, 3}));
  EXPECT_EQ(kinds, KindsOf(blocks));
}

TEST(RecoverStoryTitles, FirstStoryTakesLeadingHeadline) {
  std::vector<std::string> s;
  auto blocks = Blocks({{"Ministers Agree New Rules On Water Bills", K::kOther},
                        {"By Jane Doe", K::kOther},
                        {"The government has agreed new rules on water bills, ministers said.", K::kBody}},
                       &s);
  std::vector<K> kinds = KindsOf(blocks);
  std::vector<uint32_t> starts = {2};
  RecoverStoryTitles(blocks, &kinds, &starts);
  EXPECT_EQ(starts, (std::vector<uint32_t>{0}));
  EXPECT_EQ(kinds, (std::vector<K>{K::kHeading, K::kOther, K::kBody}));
}

TEST(RecoverStoryTitles, MediaBlocksAreNeverCandidates) {
  std::vector<std::string> s;
  // A media block (a video title) that looks like a headline stays what it is.
  auto blocks = Blocks({{"Some text of the first story goes here.", K::kBody},
                        {"Ministers Agree New Rules On Water Bills", K::kMedia},
                        {"The government has agreed new rules on water bills, ministers said.", K::kBody}},
                       &s);
  std::vector<K> kinds = KindsOf(blocks);
  std::vector<uint32_t> starts = {0, 2};
  RecoverStoryTitles(blocks, &kinds, &starts);
  EXPECT_EQ(starts, (std::vector<uint32_t>{0, 2}));
  EXPECT_EQ(kinds[1], K::kMedia);
}

// ---------------------------------------------------------------------------------------------
// (c) InferStoryTitle.

TEST(InferStoryTitle, HeadingFirstBlockIsTheTitle) {
  std::vector<std::string> s;
  auto blocks = Blocks({{"Water bills to rise by a fifth", K::kHeading},
                        {"The government has agreed new rules on water bills, ministers said.", K::kBody}},
                       &s);
  int32_t tb = 99;
  EXPECT_EQ(InferStoryTitle(blocks, &tb), "Water bills to rise by a fifth");
  EXPECT_EQ(tb, 0);
}

TEST(InferStoryTitle, BodyParagraphIsNoTitle) {
  std::vector<std::string> s;
  auto blocks = Blocks({{"The government has agreed new rules on water bills, ministers said.", K::kBody},
                        {"Water Bills To Rise", K::kHeading}},
                       &s);
  int32_t tb = 99;
  EXPECT_EQ(InferStoryTitle(blocks, &tb), "");
  EXPECT_EQ(tb, -1);
}

TEST(InferStoryTitle, SkipsLeadingLeftovers) {
  std::vector<std::string> s;
  auto blocks = Blocks({{"By Jane Doe", K::kOther},
                        {"Published 3 hours ago", K::kOther},
                        {"Water bills to rise by a fifth", K::kHeading},
                        {"The government has agreed new rules on water bills, ministers said.", K::kBody}},
                       &s);
  int32_t tb = 99;
  EXPECT_EQ(InferStoryTitle(blocks, &tb), "Water bills to rise by a fifth");
  EXPECT_EQ(tb, 2);
}

TEST(InferStoryTitle, QuestionsAndListItemsAreNoTitle) {
  std::vector<std::string> s;
  int32_t tb = 99;
  auto q = Blocks({{"Will water bills rise again next year?", K::kBody}}, &s);
  EXPECT_EQ(InferStoryTitle(q, &tb), "");
  EXPECT_EQ(tb, -1);
  auto li = Blocks({{"All files relating to the contract;", K::kListItem}}, &s);
  EXPECT_EQ(InferStoryTitle(li, &tb), "");
  EXPECT_EQ(tb, -1);
  EXPECT_EQ(InferStoryTitle({}, &tb), "");
  EXPECT_EQ(tb, -1);
}

// ---------------------------------------------------------------------------------------------
// (d) Training.

const std::vector<std::string> kWater = {
    "Water companies in England will face tougher rules on sewage spills, ministers said.",
    "The regulator Ofwat will be able to block bonuses for water bosses whose firms pollute rivers.",
    "Campaigners said the sewage rules did not go far enough to protect rivers and beaches.",
    "Water bills are expected to rise by a fifth over the next five years to pay for new pipes.",
    "Ofwat said water firms must spend billions on reservoirs and sewage works.",
};
const std::vector<std::string> kFootball = {
    "The striker scored twice as the home side won the derby in front of a record crowd.",
    "The goalkeeper saved a late penalty to keep the football club top of the league.",
    "Supporters sang throughout the match and the manager praised the team's spirit.",
    "The club's captain said the league title race would go to the final weekend.",
    "The referee sent off a defender after a second yellow card in the second half.",
};
const std::vector<std::string> kSpace = {
    "Astronomers using a space telescope have found a planet orbiting a distant star.",
    "The planet is thought to have an atmosphere rich in water vapour and carbon dioxide.",
    "Scientists said the telescope measured starlight passing through the planet's atmosphere.",
    "The star lies about a hundred light years from Earth in the constellation Leo.",
    "Further observations of the planet's orbit are planned for next spring.",
};
const std::vector<std::string> kFarming = {
    "Farmers protested outside parliament against changes to inheritance tax on farmland.",
    "Tractors blocked roads near Westminster as farmers demanded the tax plans be dropped.",
    "The farming minister said most family farms would not pay the new tax on land.",
    "Farmers' unions said the tax would force families to sell land and livestock.",
    "A petition against the farm tax has been signed by more than a hundred thousand people.",
};

// A file of stories separated by bylines and datelines, with a headline kept for some.
StorySegmenter::TrainingFile MakeFile(const std::vector<const std::vector<std::string>*>& stories) {
  StorySegmenter::TrainingFile f;
  for (size_t i = 0; i < stories.size(); ++i) {
    if (i > 0) {
      f.lines.emplace_back("Share this story");
      f.kinds.push_back(K::kOther);
    }
    f.lines.emplace_back("By Staff Reporter");
    f.kinds.push_back(K::kOther);
    f.lines.emplace_back("Published " + std::to_string(i + 2) + " hours ago");
    f.kinds.push_back(K::kOther);
    f.story_starts.push_back(static_cast<uint32_t>(f.lines.size()));
    for (const auto& l : *stories[i]) {
      f.lines.emplace_back(l);
      f.kinds.push_back(K::kBody);
    }
  }
  return f;
}

std::vector<StoryBlock> BlocksOf(const StorySegmenter::TrainingFile& f) {
  std::vector<StoryBlock> b;
  for (size_t i = 0; i < f.lines.size(); ++i) b.push_back({f.lines[i], f.kinds[i]});
  return b;
}

std::vector<StorySegmenter::TrainingFile> TrainingSet() {
  return {MakeFile({&kWater, &kFootball, &kSpace}), MakeFile({&kFarming, &kWater, &kFootball})};
}

TEST(StorySegmenterTraining, SaveLoadRoundTripGivesSameSegments) {
  const auto files = TrainingSet();
  StorySegmenter trained = StorySegmenter::Train(files, 7, 5);
  ASSERT_TRUE(trained.loaded());
  const std::string path = (std::filesystem::path(::testing::TempDir()) / "story_segmenter_test.stories").string();
  std::string error;
  ASSERT_TRUE(trained.Save(path, &error)) << error;
  StorySegmenter loaded;
  ASSERT_TRUE(loaded.Load(path, &error)) << error;
  EXPECT_TRUE(loaded.loaded());
  const auto third = MakeFile({&kSpace, &kFarming, &kWater, &kFootball});
  std::vector<StorySegmenter::TrainingFile> inputs = files;
  inputs.push_back(third);
  for (const auto& f : inputs) {
    const auto blocks = BlocksOf(f);
    const auto a = trained.Segment(blocks);
    EXPECT_EQ(a, loaded.Segment(blocks));
    // Topics with disjoint vocabularies behind bylines and datelines: the model finds every story.
    EXPECT_EQ(a, f.story_starts);
    // Whatever the model says, the first story starts at the first article block and starts ascend.
    ASSERT_FALSE(a.empty());
    EXPECT_EQ(a[0], f.story_starts[0]);
    for (size_t i = 1; i < a.size(); ++i) {
      EXPECT_LT(a[i - 1], a[i]);
      EXPECT_TRUE(IsArticleKind(f.kinds[a[i]]));
    }
  }
  // A "lines" model is not a "stories" model and the file must exist.
  StorySegmenter wrong;
  EXPECT_FALSE(wrong.Load(std::string(DOSSIER_SAMPLES_DIR) + "/../models/lines.model", &error));
  EXPECT_NE(error.find("stories"), std::string::npos) << error;
  EXPECT_FALSE(wrong.loaded());
  EXPECT_FALSE(wrong.Load(path + ".missing", &error));
  EXPECT_FALSE(wrong.loaded());
}

TEST(StorySegmenterTraining, SameSeedIsDeterministic) {
  const auto files = TrainingSet();
  StorySegmenter a = StorySegmenter::Train(files, 3, 6);
  StorySegmenter b = StorySegmenter::Train(files, 3, 6);
  const auto third = MakeFile({&kSpace, &kFarming, &kWater, &kFootball});
  const auto blocks = BlocksOf(third);
  EXPECT_EQ(a.Segment(blocks), b.Segment(blocks));
  EXPECT_EQ(a.Segment(blocks), third.story_starts);
  // And the saved models are byte for byte the same.
  const auto dir = std::filesystem::path(::testing::TempDir());
  std::string error;
  ASSERT_TRUE(a.Save((dir / "story_seg_det_a.stories").string(), &error)) << error;
  ASSERT_TRUE(b.Save((dir / "story_seg_det_b.stories").string(), &error)) << error;
  EXPECT_EQ(ReadBytes((dir / "story_seg_det_a.stories").string()),
            ReadBytes((dir / "story_seg_det_b.stories").string()));
}

}  // namespace
}  // namespace dossier
