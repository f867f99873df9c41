// Crude scraped text through the whole pipeline with the committed models: subheadings after
// leftovers, question subheadings after a video block, a paragraph after a subheading, captions
// with their credits, and story starts. The text is hand-written in another publisher's style (a
// credit as "Photograph: Name/Agency", a "This video can not be played" player, "Advertisement"),
// on topics and in wordings that occur neither in the benchmark nor in the samples.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "dossier/pipeline.h"

namespace dossier {
namespace {

const char kText[] =
      "Water companies in England have been told to cut leaks by a quarter before the end of the decade, the environment regulator said on Thursday.\n"
      "The Water Services Regulation Authority said firms that missed the target would face fines of up to 10% of their turnover.\n"
      "Reservoir levels at Haweswater in Cumbria in August. Photograph: Owen Humphreys/PA\n"
      "Campaigners welcomed the move but said it came years too late for rivers already damaged by sewage spills.\n"
      "Advertisement\n"
      "Record fines for sewage spills\n"
      "Last year the regulator fined three companies a combined \xc2\xa3" "168m for sewage spills, the largest penalties it has imposed.\n"
      "Thames Water, the largest supplier, was fined \xc2\xa3" "104m after inspectors found it had failed to maintain its treatment works.\n"
      "This video can not be played\n"
      "2:14\n"
      "Inside the sewage works that flood every winter\n"
      "Why are leaks so hard to fix?\n"
      "Much of the network of pipes that leaks was laid more than a century ago, and engineers say finding the leaks is slow work.\n"
      "Replacing the oldest pipes would cost more than \xc2\xa3" "30bn, according to estimates published by the industry last year.\n"
      "The regulator said companies would have to publish their leak figures every month from April.\n"
      "Share this article\n"
      "Heavy snow to close schools across the county on Monday\n"
      "Schools across the county will open an hour later on Monday after heavy snow overnight, the education department said.\n"
      "Bus operators said they expected services to run normally by the afternoon.\n"
      "Gritters worked through the night on the main roads, but side streets remained icy in places.\n"
      "What should parents do?\n"
      "Parents were asked to check school websites before setting off, and to allow extra time for the journey to school.\n"
      "The department said it would decide by 6am on Tuesday whether schools would open as usual.\n";

class CrudeLayoutTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string error;
    analyzer_ = Analyzer::Create({}, &error).release();
    ASSERT_NE(analyzer_, nullptr) << error;
    doc_ = new Document();
    ASSERT_TRUE(analyzer_->Analyze(kText, "layout.txt", doc_, &error)) << error;
  }
  static void TearDownTestSuite() {
    delete doc_;
    delete analyzer_;
  }
  // The kind of every input line, in order, by name.
  static std::vector<std::string> Kinds() {
    std::vector<std::string> out;
    for (const Block& b : doc_->blocks) out.push_back(std::string(BlockKindName(b.kind)));
    return out;
  }
  static Analyzer* analyzer_;
  static Document* doc_;
};
Analyzer* CrudeLayoutTest::analyzer_ = nullptr;
Document* CrudeLayoutTest::doc_ = nullptr;

TEST_F(CrudeLayoutTest, EveryLineHasItsKind) {
  const std::vector<std::string> expected = {
      "body", "body", "caption", "body",
      "other",    // Advertisement
      "heading",  // a subheading right after a leftover
      "body", "body",
      "media", "media", "media",  // player notice, running time, video title
      "heading",                  // a question subheading right after the video block
      "body", "body", "body",
      "other",    // Share this article
      "heading",  // the second story's headline
      "body", "body", "body",
      "heading",  // a question subheading, not consent text
      "body", "body"};
  EXPECT_EQ(Kinds(), expected);
}

TEST_F(CrudeLayoutTest, CaptionKeepsItsCredit) {
  const Block& caption = doc_->blocks[2];
  ASSERT_EQ(caption.kind, BlockKind::kCaption);
  EXPECT_EQ(doc_->Text(caption.credit), "Photograph: Owen Humphreys/PA");
}

TEST_F(CrudeLayoutTest, StoriesStartAtTheFirstParagraphAndAtTheHeadline) {
  ASSERT_EQ(doc_->stories.size(), 2u);
  EXPECT_EQ(doc_->blocks[doc_->stories[0].first_block].line, 1u);
  EXPECT_EQ(doc_->blocks[doc_->stories[1].first_block].line, 17u);
  EXPECT_EQ(doc_->stories[1].title, "Heavy snow to close schools across the county on Monday");
}

}  // namespace
}  // namespace dossier
