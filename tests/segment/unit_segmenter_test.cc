#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "dossier/segment.h"
#include "segment/porter_stemmer.h"
#include "segment/stopwords.h"
#include "segment/unit_segmenter_internal.h"

namespace dossier {
namespace {

std::vector<std::string_view> Views(const std::vector<std::string>& lines) {
  return std::vector<std::string_view>(lines.begin(), lines.end());
}

const std::vector<std::string> kCooking = {
    "Bake the bread dough in a hot oven until the crust of the bread turns golden.",
    "The baker kneads the dough with flour, butter and yeast before the oven is hot.",
    "Fresh bread from the oven smells of butter and warm flour.",
    "Let the dough rise twice so the bread has a light crumb and a crisp crust.",
};
const std::vector<std::string> kAstronomy = {
    "The telescope showed the planet and its moons orbiting far beyond the star.",
    "Astronomers measured the orbit of the planet with a larger telescope.",
    "Each moon of the planet reflects light from the distant star.",
    "The star and its planets were photographed by the space telescope in orbit.",
};
const std::vector<std::string> kFootball = {
    "The striker scored a goal in the final minute of the football match.",
    "The goalkeeper saved a penalty but the striker scored a second goal.",
    "Fans of the football club cheered the team after the match.",
    "The coach praised the team, the goalkeeper and the striker for the win.",
};

std::vector<std::string> Concat(std::initializer_list<const std::vector<std::string>*> parts) {
  std::vector<std::string> out;
  for (const auto* p : parts) out.insert(out.end(), p->begin(), p->end());
  return out;
}

TEST(UnitSegmenter, EmptyInput) { EXPECT_TRUE(SegmentUnits({}).empty()); }

TEST(UnitSegmenter, OneUnit) {
  std::vector<std::string_view> units = {"Just one sentence about bread."};
  EXPECT_EQ(SegmentUnits(units), (std::vector<uint32_t>{0}));
}

TEST(UnitSegmenter, UnitsWithoutContentWords) {
  std::vector<std::string_view> units = {"", "...", "and then it was", "", "of the"};
  EXPECT_EQ(SegmentUnits(units), (std::vector<uint32_t>{0}));
}

TEST(UnitSegmenter, OneTopicIsOneSegment) {
  auto lines = Concat({&kCooking, &kCooking});
  EXPECT_EQ(SegmentUnits(Views(lines)), (std::vector<uint32_t>{0}));
  EXPECT_EQ(SegmentUnits(Views(kAstronomy)), (std::vector<uint32_t>{0}));
}

TEST(UnitSegmenter, ThreeTopics) {
  auto lines = Concat({&kCooking, &kAstronomy, &kFootball});
  EXPECT_EQ(SegmentUnits(Views(lines)), (std::vector<uint32_t>{0, 4, 8}));
}

TEST(UnitSegmenter, FourTopicsInAnotherOrder) {
  auto lines = Concat({&kFootball, &kCooking, &kAstronomy, &kFootball});
  EXPECT_EQ(SegmentUnits(Views(lines)), (std::vector<uint32_t>{0, 4, 8, 12}));
}

TEST(UnitSegmenter, PenaltyControlsTheNumberOfSegments) {
  auto lines = Concat({&kCooking, &kAstronomy, &kFootball});
  UnitSegmenterOptions huge;
  huge.boundary_penalty = 1000;
  EXPECT_EQ(SegmentUnits(Views(lines), huge), (std::vector<uint32_t>{0}));
}

TEST(UnitSegmenter, StartsAreAscendingAndStartAtZero) {
  std::vector<std::string> lines;
  for (int i = 0; i < 300; ++i)
    lines.push_back("word" + std::to_string(i % 17) + " topic" + std::to_string(i / 25) + " filler");
  auto starts = SegmentUnits(Views(lines));
  ASSERT_FALSE(starts.empty());
  EXPECT_EQ(starts[0], 0u);
  for (size_t i = 1; i < starts.size(); ++i) EXPECT_LT(starts[i - 1], starts[i]);
  EXPECT_LT(starts.back(), lines.size());
}

TEST(UnitSegmenter, LongInputIsBounded) {
  // 100,000 units: the maximum segment length keeps the work linear in the number of units.
  std::vector<std::string> lines;
  lines.reserve(100000);
  for (int i = 0; i < 100000; ++i)
    lines.push_back("alpha" + std::to_string(i / 40) + " beta" + std::to_string(i % 13) + " gamma");
  auto starts = SegmentUnits(Views(lines));
  ASSERT_FALSE(starts.empty());
  EXPECT_EQ(starts[0], 0u);
  starts.push_back(static_cast<uint32_t>(lines.size()));
  for (size_t i = 1; i < starts.size(); ++i) EXPECT_LE(starts[i] - starts[i - 1], 100u);  // the cap
}

TEST(UnitSegmenterTerms, StopwordsDroppedAndStemmed) {
  using segment_internal::ExtractTerms;
  EXPECT_EQ(ExtractTerms("The Running dogs were running, and the dog's owners said 42 things."),
            (std::vector<std::string>{"run", "dog", "run", "dog", "owner"}));
  EXPECT_EQ(ExtractTerms("  ``  '' -- 1960 , . "), std::vector<std::string>{});
  EXPECT_EQ(ExtractTerms("labor-management \xE2\x80\x9Cstruggle\xE2\x80\x9D"),
            (std::vector<std::string>{"labor", "manag", "struggl"}));
}

TEST(UnitSegmenterTerms, Stopwords) {
  EXPECT_TRUE(segment_internal::IsStopword("the"));
  EXPECT_TRUE(segment_internal::IsStopword("said"));
  EXPECT_FALSE(segment_internal::IsStopword("bread"));
}

TEST(PorterStemmer, ReferenceExamples) {
  // Examples from Porter (1980) and the reference implementation's vocabulary/output lists.
  const std::pair<const char*, const char*> cases[] = {
      {"caresses", "caress"}, {"ponies", "poni"},         {"ties", "ti"},
      {"caress", "caress"},   {"cats", "cat"},            {"feed", "feed"},
      {"agreed", "agre"},     {"plastered", "plaster"},   {"bled", "bled"},
      {"motoring", "motor"},  {"sing", "sing"},           {"conflated", "conflat"},
      {"troubled", "troubl"}, {"sized", "size"},          {"hopping", "hop"},
      {"tanned", "tan"},      {"falling", "fall"},        {"hissing", "hiss"},
      {"fizzed", "fizz"},     {"failing", "fail"},        {"filing", "file"},
      {"happy", "happi"},     {"sky", "sky"},             {"relational", "relat"},
      {"conditional", "condit"}, {"rational", "ration"},  {"valenci", "valenc"},
      {"digitizer", "digit"}, {"conformabli", "conform"}, {"radicalli", "radic"},
      {"differentli", "differ"}, {"vileli", "vile"},      {"analogousli", "analog"},
      {"vietnamization", "vietnam"}, {"predication", "predic"}, {"operator", "oper"},
      {"feudalism", "feudal"}, {"decisiveness", "decis"}, {"hopefulness", "hope"},
      {"callousness", "callous"}, {"formaliti", "formal"}, {"sensitiviti", "sensit"},
      {"sensibiliti", "sensibl"}, {"triplicate", "triplic"}, {"formative", "form"},
      {"formalize", "formal"}, {"electriciti", "electr"}, {"electrical", "electr"},
      {"hopeful", "hope"},    {"goodness", "good"},       {"revival", "reviv"},
      {"allowance", "allow"}, {"inference", "infer"},     {"airliner", "airlin"},
      {"gyroscopic", "gyroscop"}, {"adjustable", "adjust"}, {"defensible", "defens"},
      {"irritant", "irrit"},  {"replacement", "replac"},  {"adjustment", "adjust"},
      {"dependent", "depend"}, {"adoption", "adopt"},     {"homologou", "homolog"},
      {"communism", "commun"}, {"activate", "activ"},     {"angulariti", "angular"},
      {"homologous", "homolog"}, {"effective", "effect"}, {"bowdlerize", "bowdler"},
      {"probate", "probat"},  {"rate", "rate"},           {"cease", "ceas"},
      {"controll", "control"}, {"roll", "roll"},          {"generalizations", "gener"},
      {"oscillators", "oscil"}, {"a", "a"},               {"is", "is"},
  };
  for (const auto& [in, want] : cases) {
    std::string w = in;
    segment_internal::PorterStem(w);
    EXPECT_EQ(w, want) << in;
  }
}

}  // namespace
}  // namespace dossier
