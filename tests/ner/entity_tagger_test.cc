// The Document-level entity API with the committed model: mentions map to Document tokens and
// bytes, a possessive 's stays outside the mention, crude text and HTML give the same mentions.
#include <gtest/gtest.h>

#include <filesystem>

#include "dossier/entities.h"
#include "dossier/pipeline.h"

namespace dossier {
namespace {

class EntityTaggerTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string error;
    analyzer_ = Analyzer::Create({}, &error).release();
    ASSERT_NE(analyzer_, nullptr) << error;
    tagger_ = EntityTagger::Create({}, &error).release();
    ASSERT_NE(tagger_, nullptr) << error;
  }
  static void TearDownTestSuite() {
    delete analyzer_;
    delete tagger_;
  }
  static Analyzer* analyzer_;
  static EntityTagger* tagger_;
};
Analyzer* EntityTaggerTest::analyzer_ = nullptr;
EntityTagger* EntityTaggerTest::tagger_ = nullptr;

TEST_F(EntityTaggerTest, CaptionsAreTaggedMediaNoticesAreNot) {
  Document doc;
  std::string error;
  const std::string text =
      "Ministers met in London on Monday to discuss the budget, officials said.\n"
      "Image: Helmut Kohl at a summit in Bonn. Pic: Reuters\n"
      "Please use Chrome browser for a more accessible video player\n"
      "The talks continued into the evening, with no agreement reached.\n";
  ASSERT_TRUE(analyzer_->Analyze(text, "t.txt", &doc, &error)) << error;
  ASSERT_EQ(doc.blocks.size(), 4u);
  ASSERT_EQ(doc.blocks[1].kind, BlockKind::kCaption);
  bool kohl = false;
  for (const EntityMention& e : tagger_->Tag(doc)) {
    const Block& b = doc.blocks[doc.sentences[e.sentence].block];
    EXPECT_NE(b.kind, BlockKind::kMedia) << doc.Text(e.span);
    if (doc.Text(e.span) == "Helmut Kohl") kohl = true;
  }
  EXPECT_TRUE(kohl) << "a caption names people too";
}

TEST_F(EntityTaggerTest, PossessiveOutsideTheMention) {
  Document doc;
  std::string error;
  const std::string text = "German Chancellor Helmut Kohl's government said on Monday it would meet in Bonn.\n";
  ASSERT_TRUE(analyzer_->Analyze(text, "t.txt", &doc, &error)) << error;
  std::vector<EntityMention> m = tagger_->Tag(doc);
  bool kohl = false, bonn = false;
  for (const EntityMention& e : m) {
    const std::string_view s = doc.Text(e.span);
    ASSERT_GE(e.token_count, 1u);
    ASSERT_LE(e.first_token + e.token_count, doc.tokens.size());
    // The span lies within its tokens.
    EXPECT_GE(e.span.begin, doc.tokens[e.first_token].span.begin);
    EXPECT_LE(e.span.end, doc.tokens[e.first_token + e.token_count - 1].span.end);
    EXPECT_EQ(s.find("'s"), std::string_view::npos);
    if (s == "Helmut Kohl") {
      kohl = true;
      EXPECT_EQ(e.type, EntityType::kPerson);
      EXPECT_EQ(doc.Text(doc.tokens[e.first_token + e.token_count - 1].span), "Kohl's");
    }
    if (s == "Bonn") {
      bonn = true;
      EXPECT_EQ(e.type, EntityType::kLocation);
    }
  }
  EXPECT_TRUE(kohl);
  EXPECT_TRUE(bonn);
}

// The tagger reads only the Document model (blocks, sentences, tokens), so an HTML Document tags
// like crude text. (This branch's HTML front door still has placeholder content extraction, so the
// HTML Document is the crude one with its blocks marked as HTML paragraphs.)
TEST_F(EntityTaggerTest, HtmlDocumentsTagAlike) {
  Document crude;
  std::string error;
  ASSERT_TRUE(analyzer_->Analyze("Peter Blackburn visited the European Commission in Brussels.\n", "a.txt", &crude,
                                 &error));
  Document html = crude;
  html.source.format = "html";
  for (Block& b : html.blocks) {
    b.has_html_kind = true;
    b.html_kind = HtmlBlockKind::kParagraph;
    b.line = 0;
  }
  auto a = tagger_->Tag(crude), b = tagger_->Tag(html);
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(crude.Text(a[i].span), html.Text(b[i].span));
    EXPECT_EQ(a[i].type, b[i].type);
  }
  ASSERT_FALSE(a.empty());
  EXPECT_EQ(crude.Text(a[0].span), "Peter Blackburn");
  // Leftover blocks (not article text) are skipped unless asked for.
  Document leftovers = crude;
  for (Block& b : leftovers.blocks) b.kind = BlockKind::kConsent;
  EXPECT_TRUE(tagger_->Tag(leftovers).empty());
}

TEST_F(EntityTaggerTest, EmptyAndWordsApi) {
  Document empty;
  EXPECT_TRUE(tagger_->Tag(empty).empty());
  auto tags = tagger_->TagWords({{"EU", "rejects", "German", "call"}, {}, {"Peter", "Blackburn"}});
  ASSERT_EQ(tags.size(), 3u);
  EXPECT_EQ(tags[0][0], "B-ORG");
  EXPECT_EQ(tags[0][2], "B-MISC");
  EXPECT_TRUE(tags[1].empty());
  EXPECT_EQ(tags[2][0], "B-PER");
  EXPECT_EQ(tags[2][1], "I-PER");
}

}  // namespace
}  // namespace dossier
