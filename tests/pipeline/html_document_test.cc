#include "pipeline/html_document.h"

#include <gtest/gtest.h>

#include <string>

namespace dossier {
namespace {

// A page and the article an extractor would return for it, written by hand so the document
// builder is tested on its own.
struct Fixture {
  DecodedHtml page;
  ExtractedArticle article;
};

Fixture MakeFixture() {
  Fixture f;
  f.page.text = "<h1>Caf&eacute; news</h1><p>Hello <b>world</b>.</p><pre>a\n  b</pre>";
  f.page.offsets.AddCopy(0, 0, static_cast<uint32_t>(f.page.text.size()));
  ExtractedBlock h;
  h.kind = HtmlBlockKind::kHeading;
  h.level = 1;
  h.text = "Café news";
  auto at = [&](std::string_view s) { return static_cast<uint32_t>(f.page.text.find(s)); };
  auto end = [&](std::string_view s) { return static_cast<uint32_t>(f.page.text.find(s) + s.size()); };
  // One text node, with a character reference: not verbatim.
  h.pieces = {{0, at("Caf&"), end("Caf&eacute; news")}};
  h.source_begin = h.pieces[0].source_begin;
  h.source_end = h.pieces[0].source_end;
  ExtractedBlock p;
  p.kind = HtmlBlockKind::kParagraph;
  p.text = "Hello world.";
  p.pieces = {{0, at("Hello "), end("Hello ")}, {6, at("world"), end("world")}, {11, at(".</p>"), at("</p>")}};
  p.source_begin = at("Hello ");
  p.source_end = at("</p>");
  ExtractedBlock code;
  code.kind = HtmlBlockKind::kCode;
  code.text = "a\n  b";
  code.pieces = {{0, at("a\n  b"), end("a\n  b")}};
  code.source_begin = code.pieces[0].source_begin;
  code.source_end = code.pieces[0].source_end;
  f.article.blocks = {h, p, code};
  f.article.metadata.title = {"Café news", "h1"};
  return f;
}

TEST(HtmlDocument, BlocksKindsAndOneStory) {
  Fixture f = MakeFixture();
  Document doc = BuildHtmlDocument(f.page, f.article, "page.html", f.page.text.size());
  EXPECT_EQ(doc.source.format, "html");
  EXPECT_EQ(doc.text, "Café news\nHello world.\na\nb");
  ASSERT_EQ(doc.blocks.size(), 4u);  // the code block became one block per line
  EXPECT_EQ(doc.blocks[0].kind, BlockKind::kHeading);
  EXPECT_EQ(doc.blocks[0].level, 1);
  EXPECT_EQ(doc.blocks[1].kind, BlockKind::kBody);
  EXPECT_EQ(doc.blocks[2].html_kind, HtmlBlockKind::kCode);
  ASSERT_EQ(doc.stories.size(), 1u);
  EXPECT_EQ(doc.stories[0].title, "Café news");
  EXPECT_EQ(doc.stories[0].title_block, 0);
  EXPECT_EQ(doc.stories[0].last_block, 3u);
  for (const Block& b : doc.blocks) EXPECT_EQ(b.story, 0);
}

TEST(HtmlDocument, SpansMapBackToThePageBytes) {
  Fixture f = MakeFixture();
  Document doc = BuildHtmlDocument(f.page, f.article, "page.html", f.page.text.size());
  auto source = [&](Span s) {
    return f.page.text.substr(doc.SourceBegin(s), doc.SourceEnd(s) - doc.SourceBegin(s));
  };
  // Verbatim text nodes map byte for byte, across inline tags.
  const size_t world = doc.text.find("world");
  EXPECT_EQ(source({static_cast<uint32_t>(world), static_cast<uint32_t>(world + 5)}), "world");
  const size_t hello = doc.text.find("Hello");
  EXPECT_EQ(source({static_cast<uint32_t>(hello), static_cast<uint32_t>(hello + 5)}), "Hello");
  // A node with a character reference is aligned with its source: the reference maps the
  // character it became, the other bytes map one to one.
  EXPECT_EQ(source({0, 5}), "Caf&eacute;");  // "Café" is 5 bytes
  EXPECT_EQ(source({3, 5}), "&eacute;");
  EXPECT_EQ(source({6, 10}), "news");
  // Block ranges cover their text.
  EXPECT_EQ(f.page.text.substr(doc.blocks[1].source_begin,
                               doc.blocks[1].source_end - doc.blocks[1].source_begin),
            "Hello <b>world</b>.");
}

TEST(HtmlDocument, CollapsedWhitespaceAndReferencesAlignInsideOneTextNode) {
  Fixture f;
  f.page.text = "<p>&lt;Jang\n   Noksu&gt;&nbsp;&amp; co</p>";
  f.page.offsets.AddCopy(0, 0, static_cast<uint32_t>(f.page.text.size()));
  ExtractedBlock p;
  p.text = "<Jang Noksu>\xC2\xA0& co";
  const uint32_t b = 3, e = static_cast<uint32_t>(f.page.text.find("</p>"));
  p.pieces = {{0, b, e}};
  p.source_begin = b;
  p.source_end = e;
  f.article.blocks = {p};
  Document doc = BuildHtmlDocument(f.page, f.article, "p.html", f.page.text.size());
  ASSERT_EQ(doc.text, "<Jang Noksu> & co");  // the no-break space is normalised to a space
  auto source = [&](std::string_view what) {
    const uint32_t at = static_cast<uint32_t>(doc.text.find(what));
    const Span span{at, at + static_cast<uint32_t>(what.size())};
    return f.page.text.substr(doc.SourceBegin(span), doc.SourceEnd(span) - doc.SourceBegin(span));
  };
  EXPECT_EQ(source("Jang Noksu"), "Jang\n   Noksu");
  EXPECT_EQ(source("<"), "&lt;");
  EXPECT_EQ(source("co"), "co");
  EXPECT_EQ(source("&"), "&amp;");
  EXPECT_EQ(source("> "), "&gt;&nbsp;");
}

TEST(HtmlDocument, AnUnexplainedDifferenceFallsBackToTheRestOfTheRange) {
  Fixture f;
  f.page.text = "<p>abc XYZ</p>";
  f.page.offsets.AddCopy(0, 0, static_cast<uint32_t>(f.page.text.size()));
  ExtractedBlock p;
  p.text = "abc def";
  p.pieces = {{0, 3, 10}};
  p.source_begin = 3;
  p.source_end = 10;
  f.article.blocks = {p};
  Document doc = BuildHtmlDocument(f.page, f.article, "p.html", f.page.text.size());
  EXPECT_EQ(doc.SourceBegin({0, 3}), 3u);
  EXPECT_EQ(doc.SourceEnd({0, 3}), 6u);
  EXPECT_EQ(doc.SourceBegin({4, 7}), 7u);
  EXPECT_EQ(doc.SourceEnd({4, 7}), 10u);
}

TEST(HtmlDocument, MapsThroughTheDecodingStep) {
  // The page was windows-1252: "é" (2 UTF-8 bytes) came from one input byte at offset 3.
  Fixture f;
  f.page.text = "Caf\xC3\xA9 ok";
  f.page.offsets.AddCopy(0, 0, 3);
  f.page.offsets.AddReplacement(3, 2, 3, 1);
  f.page.offsets.AddCopy(5, 4, 3);
  ExtractedBlock p;
  p.text = f.page.text;
  p.pieces = {{0, 0, static_cast<uint32_t>(f.page.text.size())}};
  p.source_end = static_cast<uint32_t>(f.page.text.size());
  f.article.blocks = {p};
  Document doc = BuildHtmlDocument(f.page, f.article, "p.html", 7);
  const size_t ok = doc.text.find("ok");
  EXPECT_EQ(doc.SourceBegin({static_cast<uint32_t>(ok), static_cast<uint32_t>(ok + 2)}), 5u);
  EXPECT_EQ(doc.SourceEnd({static_cast<uint32_t>(ok), static_cast<uint32_t>(ok + 2)}), 7u);
  EXPECT_EQ(doc.SourceBegin({3, 5}), 3u);
  EXPECT_EQ(doc.SourceEnd({3, 5}), 4u);
  EXPECT_EQ(doc.blocks[0].source_end, 7u);
}

TEST(HtmlDocument, EmptyArticleGivesNoBlocksAndNoStory) {
  Fixture f;
  f.page.text = "<p></p>";
  Document doc = BuildHtmlDocument(f.page, f.article, "p.html", 7);
  EXPECT_TRUE(doc.blocks.empty());
  EXPECT_TRUE(doc.stories.empty());
  EXPECT_TRUE(doc.text.empty());
}

}  // namespace
}  // namespace dossier
