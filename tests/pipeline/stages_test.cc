// ParseStages: the `analyze --stages` list.
#include <gtest/gtest.h>

#include "dossier/pipeline.h"

namespace dossier {
namespace {

uint32_t Parse(const std::string& list) {
  uint32_t stages = 12345;
  std::string error;
  EXPECT_TRUE(ParseStages(list, &stages, &error)) << list << ": " << error;
  return stages;
}

TEST(ParseStages, NamesAndDependencies) {
  EXPECT_EQ(Parse("foundation"), kFoundationOnly);
  EXPECT_EQ(Parse("entities"), kStageEntities);
  EXPECT_EQ(Parse("time"), kStageTime);
  EXPECT_EQ(Parse("quotes"), kStageQuotes | kStageEntities);  // speakers come from the entities
  EXPECT_EQ(Parse("foundation,time"), kStageTime);
  EXPECT_EQ(Parse(" time , entities "), kStageTime | kStageEntities);
  EXPECT_EQ(Parse("all"), kAllStages);
  EXPECT_EQ(Parse("time,all"), kAllStages);
}

TEST(ParseStages, BadListsFailWithOneLine) {
  for (std::string bad : {"", " ", "bogus", "time,", ",time", "foundation,,time", "Time", "ner"}) {
    uint32_t stages = 7;
    std::string error;
    EXPECT_FALSE(ParseStages(bad, &stages, &error)) << bad;
    EXPECT_EQ(stages, 7u) << bad;
    EXPECT_FALSE(error.empty());
    EXPECT_EQ(error.find('\n'), std::string::npos);
  }
}

TEST(Analyzer, LoadsOnlyTheChosenStages) {
  std::string error;
  AnalyzerOptions options;
  options.stages = kStageQuotes;
  auto a = Analyzer::Create(options, &error);
  ASSERT_NE(a, nullptr) << error;
  EXPECT_EQ(a->stages(), kStageQuotes | kStageEntities);
  Document doc;
  ASSERT_TRUE(a->Analyze("Bell said: \"We will win.\"\n", "x", &doc, &error));
  EXPECT_TRUE(doc.timexes.empty());
  EXPECT_EQ(doc.time_reference.evidence, "");
  options.stages = kFoundationOnly;
  a = Analyzer::Create(options, &error);
  ASSERT_NE(a, nullptr) << error;
  ASSERT_TRUE(a->Analyze("Bell said on Monday: \"We will win.\"\n", "x", &doc, &error));
  EXPECT_EQ(doc.blocks.size(), 1u);
  EXPECT_FALSE(doc.tokens.empty());
  EXPECT_TRUE(doc.entities.empty());
  EXPECT_TRUE(doc.quotes.empty());
  EXPECT_TRUE(doc.timexes.empty());
}

}  // namespace
}  // namespace dossier
