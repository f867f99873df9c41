// ExtractArticle end to end on small pages (our parser, main content, cleaning, metadata), the
// cleaning predicates on exact strings, and hostile input through the whole extract path.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "dossier/html.h"
#include "html/content_clean.h"
#include "html/content_hints.h"

namespace dossier {
namespace {

std::string Repeat(std::string_view s, size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (size_t i = 0; i < n; ++i) out.append(s);
  return out;
}

std::vector<std::string> Texts(const ExtractedArticle& a) {
  std::vector<std::string> out;
  for (const ExtractedBlock& b : a.blocks) out.push_back(std::string(HtmlBlockKindName(b.kind)) + ": " + b.text);
  return out;
}

const char kStory[] =
    "The council voted on Tuesday to close the old bridge to cars from next spring, after engineers "
    "found cracks in two of its supports.";
const char kStory2[] =
    "Residents who cross it every day said they had not been asked, and a petition against the "
    "closure had gathered four thousand names by the evening.";

TEST(ExtractArticleTest, ArticleBlocksWithoutNavigationRelatedLinksOrFooter) {
  const std::string html = std::string(
      "<!DOCTYPE html><html lang=en><head><title>Bridge to close | Town News</title>"
      "<meta property='og:site_name' content='Town News'></head><body>"
      "<nav><ul><li><a href=/>Home</a></li><li><a href=/w>World</a></li></ul></nav>"
      "<article><h1>Bridge to close</h1><p class=byline>By Jane Doe</p>"
      "<p>") + kStory + "</p><h2>Petition</h2><p>" + kStory2 + "</p>"
      "<figure><img src=a.jpg><figcaption>The old bridge in 1950.</figcaption></figure>"
      "<div class=related><h3>Related articles</h3><ul><li><a href=/1>Another bridge story</a></li>"
      "<li><a href=/2>Roads</a></li></ul></div>"
      "<p>Published: 3 May 2019</p></article>"
      "<footer><p>Copyright 2019 Town News. All rights reserved.</p></footer></body></html>";
  const ExtractedArticle a = ExtractArticle(html);
  // The headline is the title (metadata), not a block; the dateline and the copyright line go.
  EXPECT_EQ(Texts(a), (std::vector<std::string>{std::string("paragraph: ") + kStory,
                                                "heading: Petition", std::string("paragraph: ") + kStory2,
                                                "caption: The old bridge in 1950."}));
  EXPECT_EQ(a.metadata.title.value, "Bridge to close");
  ASSERT_EQ(a.metadata.bylines.size(), 1u);
  EXPECT_EQ(a.metadata.bylines[0].value, "Jane Doe");
  EXPECT_EQ(a.metadata.site.value, "Town News");
  EXPECT_EQ(a.metadata.language.value, "en");
}

TEST(ExtractArticleTest, ReferenceParserGivesTheSameArticle) {
  const std::string html = std::string("<div class=post><p>") + kStory + "<p>" + kStory2 + "</div>";
  ExtractOptions gumbo;
  gumbo.reference_parser = true;
  EXPECT_EQ(Texts(ExtractArticle(html)), Texts(ExtractArticle(html, gumbo)));
  EXPECT_EQ(Texts(ExtractArticle(html)),
            (std::vector<std::string>{std::string("paragraph: ") + kStory, std::string("paragraph: ") + kStory2}));
}

TEST(ExtractArticleTest, ARepeatedCaptionIsKeptOnce) {
  const std::string html = std::string("<article><figure><img src=a.jpg><figcaption>The bridge.</figcaption>"
                                       "</figure><p>") + kStory + "</p><figure><img src=a.jpg><figcaption>The bridge."
                                       "</figcaption></figure><p>" + kStory2 + "</p></article>";
  EXPECT_EQ(Texts(ExtractArticle(html)),
            (std::vector<std::string>{"caption: The bridge.", std::string("paragraph: ") + kStory,
                                      std::string("paragraph: ") + kStory2}));
}

std::string Card(int n) {
  return "<article class=item><h3><a href=/story" + std::to_string(n) + ">Another story number " + std::to_string(n) +
         " about roads</a></h3><div class=excerpt>A short excerpt of that other story, cut after a line or two.</div>"
         "</article>";
}

TEST(ExtractArticleTest, ThreeTeaserCardsOfOtherStoriesGo) {
  const std::string story = std::string("<p>") + kStory + "</p><p>" + kStory2 + "</p><p>" + kStory + "</p>";
  const std::string three = "<div class=post>" + story + "<div class=list>" + Card(1) + Card(2) + Card(3) + "</div></div>";
  EXPECT_EQ(Texts(ExtractArticle(three)),
            (std::vector<std::string>{std::string("paragraph: ") + kStory, std::string("paragraph: ") + kStory2,
                                      std::string("paragraph: ") + kStory}));
  // Two cards may be the story's own "read also" box: their excerpts stay (the headlines, all
  // link, go anyway).
  const std::string two = "<div class=post>" + story + "<div class=list>" + Card(1) + Card(2) + "</div></div>";
  EXPECT_EQ(ExtractArticle(two).blocks.size(), 5u);
}

TEST(ExtractArticleTest, TinyPageGivesItsTextNotNothing) {
  const ExtractedArticle a = ExtractArticle("<html><body><p>Test</p></body></html>");
  EXPECT_EQ(Texts(a), (std::vector<std::string>{"paragraph: Test"}));
  EXPECT_EQ(a.strategy, "all");
}

TEST(ExtractArticleTest, EmptyAndBinaryInputGiveNoBlocks) {
  EXPECT_TRUE(ExtractArticle("").blocks.empty());
  std::string junk;
  for (int i = 0; i < 100000; ++i) junk.push_back(static_cast<char>((i * 7919) % 31 + 1));
  EXPECT_TRUE(ExtractArticle(junk).blocks.size() <= 1);
}

// 100k-deep nesting through the whole extract path: the parser holds the tree at max_depth, so
// the block builder and the metadata walk see a bounded tree; the text is all still there.
TEST(ExtractArticleTest, DeepNestingIsBoundedAndKeepsTheText) {
  const size_t n = 100'000;
  const std::string html = "<body>" + Repeat("<div>", n) + "<p>" + kStory + "</p>" + Repeat("</div>", n);
  const ExtractedArticle a = ExtractArticle(html);
  EXPECT_EQ(Texts(a), (std::vector<std::string>{std::string("paragraph: ") + kStory}));
  ExtractOptions shallow;
  shallow.max_depth = 8;
  EXPECT_EQ(Texts(ExtractArticle(html, shallow)), Texts(a));
}

TEST(ExtractArticleTest, NodeLimitKeepsWhatWasBuilt) {
  const std::string html = std::string("<body><p>") + kStory + "</p>" + Repeat("<span>x</span>", 10000);
  ExtractOptions small;
  small.max_nodes = 2000;  // the 10,000 spans need over 20,000 nodes
  const ExtractedArticle a = ExtractArticle(html, small);
  ASSERT_FALSE(a.blocks.empty());
  EXPECT_EQ(a.blocks[0].text.substr(0, 21), "The council voted on ");
}

TEST(ContentCleanTest, FurnitureIsShortDatelinesAndCopyrightLines) {
  using html::IsFurniture;
  EXPECT_TRUE(IsFurniture("Published: May 3, 2019"));
  EXPECT_TRUE(IsFurniture("Last updated 12:04 GMT"));
  EXPECT_TRUE(IsFurniture("Copyright 2019 Reuters. All rights reserved"));
  EXPECT_TRUE(IsFurniture("© 2024 Town News"));
  EXPECT_TRUE(IsFurniture("Veröffentlicht am 3. Mai 2019"));  // an ordinal, not a sentence end
  EXPECT_FALSE(IsFurniture("Posted on Monday. Police said the driver fled."));
  // Prose that starts with the same word: a sentence ends inside.
  EXPECT_FALSE(IsFurniture("Published research shows otherwise. The study followed 300 people."));
  EXPECT_FALSE(IsFurniture("The report was published on Monday."));
  EXPECT_FALSE(IsFurniture(std::string("Updated ") + std::string(130, 'x')));  // too long for a dateline
}

TEST(ContentCleanTest, OneWordBoilerplateHeadingsMustBeTheWholeHeading) {
  using html::IsBoilerplateHeading;
  EXPECT_TRUE(IsBoilerplateHeading("More"));
  EXPECT_TRUE(IsBoilerplateHeading("Subscribe"));
  EXPECT_TRUE(IsBoilerplateHeading("Related articles about bridges"));  // a longer phrase may go on
  EXPECT_TRUE(IsBoilerplateHeading("More from CNN"));
  EXPECT_TRUE(IsBoilerplateHeading("Explore further"));
  EXPECT_FALSE(IsBoilerplateHeading("More than 100 hurt in the storm"));
  EXPECT_FALSE(IsBoilerplateHeading("Subscribers lose access"));
  EXPECT_FALSE(IsBoilerplateHeading("Moreover"));
}

TEST(ContentHintsTest, SharedAndCommentaryAreNotShareBarsOrComments) {
  html::Hints shared;
  html::AddNameHints("evolve-shared-mutable-history", &shared);
  EXPECT_EQ(shared.flags & html::kHintShare, 0u);
  html::Hints bar;
  html::AddNameHints("article-sharebar", &bar);
  EXPECT_NE(bar.flags & html::kHintShare, 0u);
  html::Hints opinion;
  html::AddNameHints("article-commentary", &opinion);
  EXPECT_EQ(opinion.flags & html::kHintComment, 0u);
  html::Hints thread;
  html::AddNameHints("commentlist", &thread);
  EXPECT_NE(thread.flags & html::kHintComment, 0u);
  html::Hints buttons;
  html::AddNameHints("socialsharebuttons", &buttons);  // an unknown long word: the stem still counts
  EXPECT_NE(buttons.flags & html::kHintShare, 0u);
}

}  // namespace
}  // namespace dossier
