// The quote stage on small news texts run through the whole pipeline (crude text, so the entities
// come from the committed NER model): detection of direct, split, nested, multi-paragraph and
// partial quotations, scare quotes kept out, reported speech, speakers resolved or left unknown,
// and hostile input.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "dossier/pipeline.h"
#include "dossier/quotes.h"

namespace dossier {
namespace {

// One quote as the tests compare it: "speaker name|speaker text|type|cue|content[ / content2]".
std::string Show(const Document& d, const Quote& q) {
  std::string s = q.speaker_name + "|" + std::string(d.Text(q.speaker)) + "|" + std::string(QuoteTypeName(q.type)) +
                  "|" + std::string(d.Text(q.cue)) + "|" + std::string(d.Text(q.content));
  if (!q.content2.empty()) s += " / " + std::string(d.Text(q.content2));
  return s;
}

class QuoteTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string error;
    AnalyzerOptions o;
    o.quotes_mode = QuoteMode::kRules;  // these are the rules' tests; the tagger's are in quote_tagger_test.cc
    analyzer_ = Analyzer::Create(o, &error).release();
    ASSERT_NE(analyzer_, nullptr) << error;
  }
  static void TearDownTestSuite() { delete analyzer_; }

  // Analyses `text` (one paragraph per line) and lists its quotes.
  static std::vector<std::string> Quotes(const std::string& text, Document* out = nullptr) {
    Document d;
    std::string error;
    EXPECT_TRUE(analyzer_->Analyze(text, "t.txt", &d, &error)) << error;
    std::vector<std::string> shown;
    for (const Quote& q : d.quotes) shown.push_back(Show(d, q));
    if (out) *out = std::move(d);
    return shown;
  }
  static Analyzer* analyzer_;
};
Analyzer* QuoteTest::analyzer_ = nullptr;

TEST_F(QuoteTest, SplitQuoteIsOneQuotationWithTwoParts) {
  auto q = Quotes(
      "Military analyst Sean Bell says the plan would not work without American support.\n"
      "“You’re not even close to getting the numbers you need,” Bell adds. “And even if you could, it "
      "would be really dangerous for everyone involved.”\n");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0], "Sean Bell|Military analyst Sean Bell|indirect|says|the plan would not work without American support");
  EXPECT_EQ(q[1],
            "Sean Bell|Bell|direct|adds|“You’re not even close to getting the numbers you need,” / “And even if you "
            "could, it would be really dangerous for everyone involved.”");
}

TEST_F(QuoteTest, NestedSingleQuotesStayInsideTheQuotation) {
  auto q = Quotes(
      "Donald Trump has signed a bill approving the release of the files on Wednesday night.\n"
      "“Democrats have used the ‘Epstein’ issue in order to try and distract from our victories,” he continued.\n");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0],
            "Donald Trump|he|direct|continued|“Democrats have used the ‘Epstein’ issue in order to try and distract "
            "from our victories,”");
}

TEST_F(QuoteTest, QuotationOverTwoParagraphsContinuesTheSpeakersTurn) {
  Document d;
  auto q = Quotes(
      "And any agreement would likely extend to equipment and training in the years to come, Bell says.\n"
      "“At first it would need credible Western support, but over time it could build its own capability.\n"
      "“Because there will be different governments and different priorities, that has to endure.”\n"
      "The latest reporting suggests the guarantees are still undefined.\n",
      &d);
  ASSERT_GE(q.size(), 2u);
  EXPECT_EQ(q[0],
            "Bell|Bell|indirect|says|And any agreement would likely extend to equipment and training in the years to "
            "come");
  EXPECT_EQ(q[1],
            "Bell|Bell|direct||“At first it would need credible Western support, but over time it could build its own "
            "capability.\n“Because there will be different governments and different priorities, that has to "
            "endure.”");
  EXPECT_TRUE(d.quotes[1].inherited);
}

TEST_F(QuoteTest, ScareQuotesAndTitlesAreNotSpeech) {
  auto q = Quotes(
      "Officials drew up a “secret” plan to end the war before the winter.\n"
      "The 30-second spot, titled “Arrogant”, will air on cable stations this week.\n");
  EXPECT_TRUE(q.empty()) << q[0];
}

TEST_F(QuoteTest, PartialQuoteInsideReportedSpeechIsMixed) {
  auto q = Quotes(
      "Sir Keir Starmer said the coalition is “preparing for the deployment of a reassurance force” in the "
      "event of a ceasefire.\n");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0],
            "Keir Starmer|Sir Keir Starmer|mixed|said|the coalition is “preparing for the deployment of a reassurance "
            "force” in the event of a ceasefire");
}

TEST_F(QuoteTest, PronounAgreesInGenderWithItsPerson) {
  // Trump is mentioned last, but "she" can only be Greene.
  auto q = Quotes(
      "Marjorie Taylor Greene stood with survivors on the steps of the Capitol before the vote, and Mr Trump "
      "stayed away.\n"
      "She said: “These women have fought the most horrific fight that no woman should have to fight.”\n");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0],
            "Marjorie Taylor Greene|She|direct|said|“These women have fought the most horrific fight that no woman "
            "should have to fight.”");
}

TEST_F(QuoteTest, PronounFollowsTheLastSpeaker) {
  auto q = Quotes(
      "But troops alone are unlikely to deter Vladimir Putin, military analyst Sean Bell says.\n"
      "“This is all about credibility and I don’t think boots on the ground is a credible answer,” he tells "
      "Sky News.\n");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0], "Sean Bell|military analyst Sean Bell|indirect|says|But troops alone are unlikely to deter Vladimir Putin");
  EXPECT_EQ(q[1],
            "Sean Bell|he|direct|tells|“This is all about credibility and I don’t think boots on the ground is a "
            "credible answer,”");
}

TEST_F(QuoteTest, PronounWithoutAntecedentStaysUnknown) {
  Document d;
  auto q = Quotes(
      "The US has repeatedly refused to be drawn on its involvement until now.\n"
      "He claimed that during the summit the Kremlin had conceded the US “could offer Article-5 like protection”.\n",
      &d);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0], "|He|mixed|claimed|during the summit the Kremlin had conceded the US “could offer Article-5 like protection”");
  EXPECT_EQ(d.quotes[0].entity, -1);
}

TEST_F(QuoteTest, HearerAndAnonymousSource) {
  Document d;
  auto q = Quotes("A defence official told our partners at NBC News that Driscoll has been briefed on the plan.\n", &d);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0], "|A defence official|indirect|told|Driscoll has been briefed on the plan");
  EXPECT_EQ(d.quotes[0].entity, -1);
}

TEST_F(QuoteTest, AccordingToGivesTheSpeakerAfterTheCue) {
  auto q = Quotes("According to the ministry, 300 soldiers were wounded in the attack on the base.\n");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0], "|the ministry|indirect|According to|300 soldiers were wounded in the attack on the base");
}

TEST_F(QuoteTest, InvertedCueAfterTheQuotation) {
  auto q = Quotes(
      "“He must have got this from the Russians,” wrote Donald Trump’s special envoy Steve Witkoff on X.\n");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0],
            "Steve Witkoff|Donald Trump’s special envoy Steve Witkoff|direct|wrote|“He must have got this from the "
            "Russians,”");
}

TEST_F(QuoteTest, ParticipleCueTakesTheSentencesSubject) {
  auto q = Quotes(
      "Speaking to Fox News on Tuesday, Mr Trump said European nations are going to send soldiers.\n"
      "He insisted the US would not send ground troops, adding: “You have my assurance and I’m president.”\n");
  ASSERT_EQ(q.size(), 3u);
  // The entity stage names him "Trump" (the honorific stripped): that is all this text says.
  EXPECT_EQ(q[1], "Trump|He|indirect|insisted|the US would not send ground troops");
  EXPECT_EQ(q[2], "Trump|He|direct|adding|“You have my assurance and I’m president.”");
}

TEST_F(QuoteTest, UnbalancedMarksDoNotSwallowTheText) {
  auto q = Quotes(
      "The minister said the talks would resume on Monday in Geneva.\n"
      "Several members walked out of the room before the ” final vote on the budget.\n"
      "“Nobody asked us about the plan at any point, he added.\n");
  // The stray closing mark pairs with nothing; the quotation left open keeps its own attribution
  // out of its content, and "he" has no person to refer to.
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0], "|The minister|indirect|said|the talks would resume on Monday in Geneva");
  EXPECT_EQ(q[1], "|he|direct|added|“Nobody asked us about the plan at any point");
}

TEST_F(QuoteTest, TenThousandMarksStayLinear) {
  std::string text = "The mayor said the roads would reopen next week. ";
  for (int i = 0; i < 10000; ++i) text += i % 3 ? "“" : "\" ";
  text += "\n";
  for (int i = 0; i < 5000; ++i) text += "‘’";
  text += " she said.\n";
  Document d;
  auto q = Quotes(text, &d);
  ASSERT_FALSE(q.empty());
  EXPECT_EQ(q[0], "|The mayor|indirect|said|the roads would reopen next week");
  for (const Quote& x : d.quotes) {
    EXPECT_LE(x.content.end, d.text.size());
    EXPECT_LT(x.content.begin, x.content.end);
  }
}

TEST_F(QuoteTest, CrudeTextAndHtmlGiveTheSameQuotes) {
  const std::string para =
      "“You’re not even close to getting the numbers you need,” Bell adds, speaking from London on Monday.";
  auto crude = Quotes("Military analyst Sean Bell has studied the plan in detail for several weeks.\n" + para + "\n");
  auto html = Quotes("<!DOCTYPE html><html><head><title>Plan</title></head><body><article><h1>Plan</h1>"
                     "<p>Military analyst Sean Bell has studied the plan in detail for several weeks.</p><p>" +
                     para + "</p></article></body></html>");
  ASSERT_EQ(crude.size(), 1u);
  EXPECT_EQ(crude, html);
}

TEST_F(QuoteTest, ApposedSpeakerAndTitleWithParenthesis) {
  auto q = Quotes(
      "Angelique Brunner, a developer and spokeswoman for the coalition, said the examples were misleading.\n"
      "“It’s a dog whistle to all Americans,” Rep. Gwen Moore (D-Wis.) said Friday.\n");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0],
            "Angelique Brunner|Angelique Brunner, a developer and spokeswoman for the coalition|indirect|said|the "
            "examples were misleading");
  EXPECT_EQ(q[1], "Gwen Moore|Rep. Gwen Moore (D-Wis.)|direct|said|“It’s a dog whistle to all Americans,”");
}

TEST_F(QuoteTest, DoubledSingleMarksAndCuesOfSeveralWords) {
  auto q = Quotes(
      "''You'd think the business community would be up in arms over this,'' said Mr. Holtz-Eakin.\n"
      "Rep. Adam Schiff on Wednesday called on the administration to respond to the hacking.\n");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0], "Holtz-Eakin|Mr. Holtz-Eakin|direct|said|''You'd think the business community would be up in arms over this,''");
  EXPECT_EQ(q[1], "Adam Schiff|Rep. Adam Schiff|indirect|called on|the administration to respond to the hacking");
}

TEST_F(QuoteTest, TranscriptTurnsNameTheirSpeaker) {
  auto q = Quotes(
      "Fox News host Chris Wallace interviewed Governor Mike Pence on Sunday.\n"
      "WALLACE: Will Gennifer Flowers be there tomorrow night?\n"
      "PENCE: Gennifer Flowers will not be attending the debate tomorrow night.\n");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0], "Chris Wallace|WALLACE|direct|:|Will Gennifer Flowers be there tomorrow night?");
  EXPECT_EQ(q[1], "Mike Pence|PENCE|direct|:|Gennifer Flowers will not be attending the debate tomorrow night");
}

TEST_F(QuoteTest, BlockQuotationAfterACueWithAColon) {
  auto q = Quotes(
      "Rush Limbaugh spoke to his listeners on his radio show on Monday.\n"
      "Limbaugh added:\n"
      "And from a supposed front-runner, this reeks of the greatest fear that I have ever seen.\n");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0],
            "Rush Limbaugh|Limbaugh|indirect|added|And from a supposed front-runner, this reeks of the greatest fear "
            "that I have ever seen");
}

TEST_F(QuoteTest, CueBetweenCommasAndHearerBeforeAClause) {
  auto q = Quotes(
      "The museum, Mr. Obama said, would make visitors face uncomfortable truths.\n"
      "Donald Trump told the forum he was totally against the war in Iraq.\n");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0], "Obama|Mr. Obama|indirect|said|The museum / would make visitors face uncomfortable truths");
  EXPECT_EQ(q[1], "Donald Trump|Donald Trump|indirect|told|he was totally against the war in Iraq");
}

TEST_F(QuoteTest, CurlyQuotationInsideAStraightOneIsNested) {
  auto q = Quotes(
      "\"I will read you the question: “Do you think her health concerns matter?” Forty-three, yes,\" Caddell "
      "said.\n");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0],
            "Caddell|Caddell|direct|said|\"I will read you the question: “Do you think her health concerns matter?” "
            "Forty-three, yes,\"");
}

TEST(QuoteStageLoad, MissingOrBadCueFileIsAnError) {
  std::string error;
  EXPECT_EQ(QuoteStage::FromFile("/nonexistent/en.cues", &error), nullptr);
  EXPECT_NE(error.find("cannot read"), std::string::npos);
  auto st = QuoteStage::Load(ResolveDataDir(""), &error);
  ASSERT_NE(st, nullptr) << error;
  Document empty;
  st->Annotate(&empty);  // no tokens: nothing to do, no crash
  EXPECT_TRUE(empty.quotes.empty());
}

}  // namespace
}  // namespace dossier
