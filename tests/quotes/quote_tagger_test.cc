// The trained quote tagger: the PolNeAR reader, training determinism and the model file's round
// trip on a small synthetic corpus written here, the committed model's exact output on small
// sentences, the fallback to rules when the model is missing, and hostile input.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "dossier/pipeline.h"
#include "dossier/quotes.h"
#include "quotes/lexicon.h"
#include "quotes/training.h"

namespace dossier {
namespace {

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(GoldArticles, ReadsSpansEscapesAndSkipsOtherMembers) {
  const std::string jsonl =
      "{\"id\": \"a1\", \"split\": \"train\", \"text\": \"He said \\u201cno\\u201d \\ud83d\\ude00.\\n\", "
      "\"attributions\": [{\"id\": \"E1\", \"source\": [[0, 2]], \"cue\": [[3, 7]], \"content\": [[8, 12], [13, 14]], "
      "\"cue_text\": \"said\"}, {\"source\": [], \"cue\": [[3, 7]], \"content\": [[8, 12]]}], \"n\": [1, {\"x\": null}]}\n"
      "\n"
      "{\"id\": \"a2\", \"text\": \"\", \"attributions\": []}\n";
  std::vector<quotes::GoldArticle> arts;
  std::string error;
  ASSERT_TRUE(quotes::ReadGoldArticles(jsonl, &arts, &error)) << error;
  ASSERT_EQ(arts.size(), 2u);
  EXPECT_EQ(arts[0].id, "a1");
  EXPECT_EQ(arts[0].text, "He said \u201cno\u201d \U0001F600.\n");
  ASSERT_EQ(arts[0].attributions.size(), 2u);
  EXPECT_EQ(arts[0].attributions[0].source, (std::vector<std::pair<uint32_t, uint32_t>>{{0, 2}}));
  EXPECT_EQ(arts[0].attributions[0].content, (std::vector<std::pair<uint32_t, uint32_t>>{{8, 12}, {13, 14}}));
  EXPECT_TRUE(arts[0].attributions[1].source.empty());
  EXPECT_EQ(arts[1].id, "a2");
}

TEST(GoldArticles, MalformedLinesAreErrorsWithTheirLineNumber) {
  for (const std::string& bad : std::vector<std::string>{std::string("{\"id\": \"a\", \"text\": \"x"), "{\"id\": 1, \"attributions\": [{\"cue\": [[5, 2]]}]}",
                          "{\"text\": \"\\uZZZZ\"}", "[1, 2]", "{\"a\": " + std::string(200, '[')}) {
    std::vector<quotes::GoldArticle> arts;
    std::string error;
    EXPECT_FALSE(quotes::ReadGoldArticles("{\"id\": \"ok\"}\n" + bad + "\n", &arts, &error)) << bad;
    EXPECT_EQ(error.rfind("line 2: ", 0), 0u) << error;
  }
}

// A synthetic corpus: speech, "according to" and stance verbs, with code-point offsets computed
// here (the texts are ASCII plus curly marks, counted as one code point each).
struct Synthetic {
  std::vector<quotes::GoldArticle> articles;
  void Add(const std::vector<std::string>& parts, const std::vector<std::vector<int>>& roles) {
    // parts alternate with their role: 0 none, 1 cue, 2 source, 3 content; joined by spaces.
    quotes::GoldArticle a;
    a.id = "s" + std::to_string(articles.size());
    quotes::GoldAttribution g;
    uint32_t cp = 0;
    for (size_t i = 0; i < parts.size(); ++i) {
      if (i) a.text += " ", ++cp;
      uint32_t n = 0;
      for (unsigned char c : parts[i]) n += (c & 0xC0) != 0x80;
      const int role = roles[0][i];
      if (role == 1) g.cue.push_back({cp, cp + n});
      if (role == 2) g.source.push_back({cp, cp + n});
      if (role == 3) g.content.push_back({cp, cp + n});
      a.text += parts[i];
      cp += n;
    }
    a.text += "\n";
    a.attributions.push_back(g);
    articles.push_back(std::move(a));
  }
};

Synthetic MakeCorpus() {
  Synthetic s;
  const char* names[] = {"Maria Lopez", "The ministry", "John Smith", "Officials", "Anna Berg", "The company"};
  const char* claims[] = {"the bridge will reopen in May", "taxes must rise next year", "the plan had failed",
                          "talks would resume soon", "the data was wrong"};
  for (int i = 0; i < 12; ++i) {
    const std::string who = names[i % 6], what = claims[i % 5];
    switch (i % 3) {
      case 0: s.Add({who, "said", what + "."}, {{2, 1, 3}}); break;
      case 1: s.Add({"According", "to", who + ",", what + "."}, {{1, 1, 2, 3}}); break;
      default: s.Add({who, "believes", what + "."}, {{2, 1, 3}}); break;
    }
  }
  return s;
}

class QuoteTaggerTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string error;
    AnalyzerOptions o;
    o.stages = kStageEntities;
    analyzer_ = Analyzer::Create(o, &error).release();
    ASSERT_NE(analyzer_, nullptr) << error;
    lexicon_ = new quotes::Lexicon();
    ASSERT_TRUE(lexicon_->Parse(ReadAll(ResolveDataDir("") + "/quotes/en.cues"), &error)) << error;
  }
  static void TearDownTestSuite() {
    delete analyzer_;
    delete lexicon_;
  }
  static std::vector<quotes::SpanTagger::TrainingBlock> Blocks(const Synthetic& s) {
    std::vector<quotes::SpanTagger::TrainingBlock> out;
    for (const auto& a : s.articles) {
      Document d = analyzer_->AnalyzeCrudeText(a.text, a.id);
      for (auto& b : quotes::LabelledBlocks(d, a, *lexicon_)) out.push_back(std::move(b));
    }
    return out;
  }
  static Analyzer* analyzer_;
  static quotes::Lexicon* lexicon_;
};
Analyzer* QuoteTaggerTest::analyzer_ = nullptr;
quotes::Lexicon* QuoteTaggerTest::lexicon_ = nullptr;

TEST_F(QuoteTaggerTest, GoldSpansBecomeBioLabels) {
  Synthetic s;
  s.Add({"Maria Lopez", "said", "the bridge will reopen."}, {{2, 1, 3}});
  auto blocks = Blocks(s);
  ASSERT_EQ(blocks.size(), 1u);
  using namespace quotes;
  // Maria Lopez said the bridge will reopen . (the gold content holds the full stop)
  EXPECT_EQ(blocks[0].gold, (std::vector<int>{kTagBeginSource, kTagInSource, kTagBeginCue, kTagBeginContent, kTagInContent,
                                              kTagInContent, kTagInContent, kTagInContent}));
}

TEST_F(QuoteTaggerTest, TrainingIsDeterministicAndTheModelRoundTrips) {
  const auto blocks = Blocks(MakeCorpus());
  ASSERT_EQ(blocks.size(), 12u);
  const std::string p1 = testing::TempDir() + "/quotes1.model", p2 = testing::TempDir() + "/quotes2.model";
  std::string error;
  quotes::SpanTagger a = quotes::SpanTagger::Train(blocks, 7, 4);
  quotes::SpanTagger b = quotes::SpanTagger::Train(blocks, 7, 4);
  ASSERT_TRUE(a.Save(p1, 42, "seed=7", &error)) << error;
  ASSERT_TRUE(b.Save(p2, 42, "seed=7", &error)) << error;
  const std::string bytes = ReadAll(p1);
  EXPECT_GT(bytes.size(), 100u);
  EXPECT_EQ(bytes, ReadAll(p2));
  quotes::SpanTagger loaded;
  ASSERT_TRUE(loaded.Load(p1, &error)) << error;
  EXPECT_EQ(loaded.data_fingerprint(), 42u);
  // The loaded model tags as the one in memory, and has learnt its training data.
  for (const auto& tb : blocks) {
    std::vector<int> x, y;
    a.Decode(tb.features, &x);
    loaded.Decode(tb.features, &y);
    EXPECT_EQ(x, y);
    EXPECT_EQ(x, tb.gold);
  }
  std::remove(p1.c_str());
  std::remove(p2.c_str());
}

TEST_F(QuoteTaggerTest, CorruptModelFilesAreRejected) {
  const std::string p = testing::TempDir() + "/bad-quotes.model";
  std::string error;
  for (std::string bytes : {std::string(""), std::string("DSLM"), std::string("NOPE\1\0\0\0", 8),
                            ReadAll(ResolveModelDir("") + "/lines.model")}) {
    std::ofstream(p, std::ios::binary) << bytes;
    quotes::SpanTagger t;
    EXPECT_FALSE(t.Load(p, &error));
    EXPECT_FALSE(error.empty());
  }
  std::remove(p.c_str());
}

// The quotes of `text` under a quote mode, as "speaker name|speaker text|cue|content[ / content2]".
std::vector<std::string> QuotesWith(QuoteMode mode, const std::string& models, const std::string& text) {
  // One analyzer per mode and model directory for the whole run (loading the models is slow).
  static std::map<std::pair<int, std::string>, std::unique_ptr<Analyzer>> analyzers;
  std::unique_ptr<Analyzer>& an = analyzers[{static_cast<int>(mode), models}];
  std::string error;
  if (!an) {
    AnalyzerOptions o;
    o.quotes_mode = mode;
    o.model_dir = models;
    an = Analyzer::Create(o, &error);
  }
  EXPECT_NE(an, nullptr) << error;
  if (!an) return {};
  Document d;
  // Input refused as binary has no quotes (the exact-output tests would notice an empty list).
  if (!an->Analyze(text, "t.txt", &d, &error)) return {};
  std::vector<std::string> out;
  for (const Quote& q : d.quotes) {
    std::string s = q.speaker_name + "|" + std::string(d.Text(q.speaker)) + "|" + std::string(d.Text(q.cue)) + "|" +
                    std::string(d.Text(q.content));
    if (!q.content2.empty()) s += " / " + std::string(d.Text(q.content2));
    out.push_back(s);
  }
  return out;
}

TEST(QuoteStageModes, TheCommittedTaggerFindsSpeechAccordingToAndStances) {
  const std::string text =
      "Maria Lopez said the bridge would reopen in May.\n"
      "According to the ministry, taxes will rise next year.\n"
      "Most voters believe the economy is getting worse.\n";
  const std::vector<std::string> expected = {
      "Maria Lopez|Maria Lopez|said|the bridge would reopen in May",
      "|the ministry|According to|taxes will rise next year",
      "|Most voters|believe|the economy is getting worse",
  };
  EXPECT_EQ(QuotesWith(QuoteMode::kModel, "", text), expected);
  EXPECT_EQ(QuotesWith(QuoteMode::kCombined, "", text), expected);
}

TEST(QuoteStageModes, HostileInputDoesNotBreakTheTagger) {
  std::string many_cues;
  for (int i = 0; i < 3000; ++i) many_cues += i % 7 ? "said " : "“according to, ";
  const std::vector<std::string> inputs = {
      "", "\n\n", "“", "”“”“”“", "said said said", many_cues + "\n", std::string("\xff\xfe\x00 said \x01\x02", 11),
      "He said: “" + std::string(20000, 'a') + "\n", "According to\n", "“Unclosed, she said.\n“Again.\n"};
  for (const std::string& in : inputs) {
    for (QuoteMode m : {QuoteMode::kModel, QuoteMode::kCombined}) {
      auto quotes = QuotesWith(m, "", in);
      EXPECT_LE(quotes.size(), in.size());
    }
  }
}

TEST(QuoteStageModes, MissingModelFallsBackToTheRules) {
  // A model directory with every model but the quote tagger.
  const std::string dir = testing::TempDir() + "/models-no-quotes";
  std::filesystem::create_directories(dir);
  for (const char* m : {"lines.model", "stories.model", "ner.model", "segment.model"})
    std::filesystem::copy_file(ResolveModelDir("") + "/" + m, dir + "/" + m,
                               std::filesystem::copy_options::overwrite_existing);
  const std::string text = "Maria Lopez said the bridge would reopen in May.\n“We are ready,” she added.\n";
  EXPECT_EQ(QuotesWith(QuoteMode::kModel, dir, text), QuotesWith(QuoteMode::kRules, "", text));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace dossier
