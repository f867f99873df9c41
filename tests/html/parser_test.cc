// ParseHtml on the tricky cases, with exact trees (html5lib's dump format). The expectations are
// gumbo 0.10.1's trees (which the differential test compares on real pages), checked by hand
// against the spec; where gumbo and today's spec differ, the test says so.
#include "html/parser.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "html/dom.h"
#include "html/gumbo_dom.h"

namespace dossier::html {
namespace {

std::string Parse(std::string_view html) {
  Dom dom;
  ParseHtml(html, ParseLimits{}, &dom);
  return DumpTree(dom);
}

std::string Gumbo(std::string_view html) {
  Dom dom;
  BuildDomWithGumbo(html, &dom);
  return DumpTree(dom);
}

uint32_t FindText(const Dom& dom, std::string_view text) {
  for (uint32_t i = 0; i < dom.nodes.size(); ++i) {
    if (dom.nodes[i].type == NodeType::kText && dom.nodes[i].text == text) return i;
  }
  return kNoNode;
}

uint32_t FindElement(const Dom& dom, std::string_view name) {
  for (uint32_t i = 0; i < dom.nodes.size(); ++i) {
    if (dom.nodes[i].type == NodeType::kElement && dom.nodes[i].name == name) return i;
  }
  return kNoNode;
}

std::string_view Source(std::string_view input, const Node& n) {
  return input.substr(n.source_begin, n.source_end - n.source_begin);
}

TEST(ParserTest, ImpliedHtmlHeadBody) {
  EXPECT_EQ(Parse("<title>t</title><meta charset=utf-8>text"),
            "| <html>\n"
            "|   <head>\n"
            "|     <title>\n"
            "|       \"t\"\n"
            "|     <meta>\n"
            "|       charset=\"utf-8\"\n"
            "|   <body>\n"
            "|     \"text\"\n");
  EXPECT_EQ(Parse(""), "| <html>\n|   <head>\n|   <body>\n");
}

TEST(ParserTest, MisnestedFormattingUsesTheAdoptionAgency) {
  EXPECT_EQ(Parse("<b>1<p>2</b>3</p>"),
            "| <html>\n"
            "|   <head>\n"
            "|   <body>\n"
            "|     <b>\n"
            "|       \"1\"\n"
            "|     <p>\n"
            "|       <b>\n"
            "|         \"2\"\n"
            "|       \"3\"\n");
  EXPECT_EQ(Parse("<a href=1><p>X</a>Y"),
            "| <html>\n"
            "|   <head>\n"
            "|   <body>\n"
            "|     <a>\n"
            "|       href=\"1\"\n"
            "|     <p>\n"
            "|       <a>\n"
            "|         href=\"1\"\n"
            "|         \"X\"\n"
            "|       \"Y\"\n");
  // Formatting elements closed implicitly are reopened for the next text.
  EXPECT_EQ(Parse("<p><b><i>x</p>y"),
            "| <html>\n"
            "|   <head>\n"
            "|   <body>\n"
            "|     <p>\n"
            "|       <b>\n"
            "|         <i>\n"
            "|           \"x\"\n"
            "|     <b>\n"
            "|       <i>\n"
            "|         \"y\"\n");
}

TEST(ParserTest, TextInTablesIsFosterParented) {
  EXPECT_EQ(Parse("<table>foo<tr><td>bar</td></tr>baz</table>after"),
            "| <html>\n"
            "|   <head>\n"
            "|   <body>\n"
            "|     \"foobaz\"\n"
            "|     <table>\n"
            "|       <tbody>\n"
            "|         <tr>\n"
            "|           <td>\n"
            "|             \"bar\"\n"
            "|     \"after\"\n");
  // Whitespace stays in the table; other elements go before it.
  EXPECT_EQ(Parse("<table> <tr> <div>d</div><td>c</table>"),
            "| <html>\n"
            "|   <head>\n"
            "|   <body>\n"
            "|     <div>\n"
            "|       \"d\"\n"
            "|     <table>\n"
            "|       \" \"\n"
            "|       <tbody>\n"
            "|         <tr>\n"
            "|           \" \"\n"
            "|           <td>\n"
            "|             \"c\"\n");
}

TEST(ParserTest, ImpliedEndTags) {
  EXPECT_EQ(Parse("<p>one<p>two<ul><li>a<li>b</ul><dl><dt>x<dd>y</dl><h1>h<h2>i</h2>"),
            "| <html>\n"
            "|   <head>\n"
            "|   <body>\n"
            "|     <p>\n"
            "|       \"one\"\n"
            "|     <p>\n"
            "|       \"two\"\n"
            "|     <ul>\n"
            "|       <li>\n"
            "|         \"a\"\n"
            "|       <li>\n"
            "|         \"b\"\n"
            "|     <dl>\n"
            "|       <dt>\n"
            "|         \"x\"\n"
            "|       <dd>\n"
            "|         \"y\"\n"
            "|     <h1>\n"
            "|       \"h\"\n"
            "|     <h2>\n"
            "|       \"i\"\n");
  EXPECT_EQ(Parse("<select><option>a<option>b<optgroup><option>c</select></p>"),
            "| <html>\n"
            "|   <head>\n"
            "|   <body>\n"
            "|     <select>\n"
            "|       <option>\n"
            "|         \"a\"\n"
            "|       <option>\n"
            "|         \"b\"\n"
            "|       <optgroup>\n"
            "|         <option>\n"
            "|           \"c\"\n"
            "|     <p>\n");
}

TEST(ParserTest, QuirksModeDecidesWhetherTableClosesP) {
  // With a doctype a <table> closes the open <p>; without one (quirks mode) it goes inside.
  EXPECT_EQ(Parse("<!DOCTYPE html><p>a<table></table>"),
            "| <!DOCTYPE html>\n"
            "| <html>\n"
            "|   <head>\n"
            "|   <body>\n"
            "|     <p>\n"
            "|       \"a\"\n"
            "|     <table>\n");
  EXPECT_EQ(Parse("<p>a<table></table>"),
            "| <html>\n"
            "|   <head>\n"
            "|   <body>\n"
            "|     <p>\n"
            "|       \"a\"\n"
            "|       <table>\n");
}

TEST(ParserTest, CharacterReferencesInText) {
  // "&notit;" is "¬" + "it;" (the legacy name without ';'); "&amp" too; numeric references
  // follow the windows-1252 table for 0x80-0x9F; 0 and values past U+10FFFF are U+FFFD.
  EXPECT_EQ(Parse("<p>&notit; &notin; &amp &ampx &lt;&gt &#x41;&#65;&#128;&#0;&#x110000;&#;"),
            "| <html>\n"
            "|   <head>\n"
            "|   <body>\n"
            "|     <p>\n"
            "|       \"\xC2\xAC" "it; \xE2\x88\x89 & &x <> AA\xE2\x82\xAC\xEF\xBF\xBD\xEF\xBF\xBD&#;\"\n");
}

TEST(ParserTest, CharacterReferencesInAttributes) {
  // Without ';' and followed by '=' or an alphanumeric, a reference stays as written.
  EXPECT_EQ(Parse("<a href=\"?a=1&amp=2&copy=3&notit;&amp;b&lt\" title=&amp>"),
            "| <html>\n"
            "|   <head>\n"
            "|   <body>\n"
            "|     <a>\n"
            "|       href=\"?a=1&amp=2&copy=3&notit;&b<\"\n"
            "|       title=\"&\"\n");
}

TEST(ParserTest, ScriptAndStyleAreRawText) {
  EXPECT_EQ(Parse("<script>if (a < b && c) { x = \"</scr\" + \"ipt>\"; }</script>"
                  "<script><!-- <script></script> --></script>x</script>"),
            "| <html>\n"
            "|   <head>\n"
            "|     <script>\n"
            "|       \"if (a < b && c) { x = \"</scr\" + \"ipt>\"; }\"\n"
            "|     <script>\n"
            "|       \"<!-- <script></script> -->\"\n"
            "|   <body>\n"
            "|     \"x\"\n");
  EXPECT_EQ(Parse("<style>p > a &amp; { }</style><title>a &amp; <b></title>"
                  "<textarea>\nx&lt;</textarea><xmp><b></xmp>"),
            "| <html>\n"
            "|   <head>\n"
            "|     <style>\n"
            "|       \"p > a &amp; { }\"\n"
            "|     <title>\n"
            "|       \"a & <b>\"\n"
            "|   <body>\n"
            "|     <textarea>\n"
            "|       \"x<\"\n"
            "|     <xmp>\n"
            "|       \"<b>\"\n");
}

TEST(ParserTest, Comments) {
  EXPECT_EQ(Parse("<!-- a -- b --><!----><!---><!-->x<?xml version=\"1.0\"?></ x><!x><!-- z --!>"),
            "| <!--  a -- b  -->\n"
            "| <!--  -->\n"
            "| <!--  -->\n"
            "| <!--  -->\n"
            "| <html>\n"
            "|   <head>\n"
            "|   <body>\n"
            "|     \"x\"\n"
            "|     <!-- ?xml version=\"1.0\"? -->\n"
            "|     <!--  x -->\n"
            "|     <!-- x -->\n"
            "|     <!--  z  -->\n");
  // A doctype after a comment is still the document's doctype, dumped first.
  EXPECT_EQ(Parse("<!--c--><!DOCTYPE html><html><!--d-->"),
            "| <!DOCTYPE html>\n"
            "| <!-- c -->\n"
            "| <html>\n"
            "|   <!-- d -->\n"
            "|   <head>\n"
            "|   <body>\n");
}

TEST(ParserTest, SvgAndMathMl) {
  EXPECT_EQ(Parse("<svg viewbox=\"0 0 1 1\" xlink:href=u><foreignObject><p>hi</p></foreignObject>"
                  "<clippath/><![CDATA[a<b]]></svg><math definitionurl=d><mi>x</mi>"
                  "<annotation-xml encoding=\"text/html\"><div>d</div></annotation-xml></math>"),
            "| <html>\n"
            "|   <head>\n"
            "|   <body>\n"
            "|     <svg svg>\n"
            "|       viewBox=\"0 0 1 1\"\n"
            "|       xlink href=\"u\"\n"
            "|       <svg foreignObject>\n"
            "|         <p>\n"
            "|           \"hi\"\n"
            "|       <svg clipPath>\n"
            "|       \"a<b\"\n"
            "|     <math math>\n"
            "|       definitionURL=\"d\"\n"
            "|       <math mi>\n"
            "|         \"x\"\n"
            "|       <math annotation-xml>\n"
            "|         encoding=\"text/html\"\n"
            "|         <div>\n"
            "|           \"d\"\n");
  // An HTML start tag such as <p> ends foreign content.
  EXPECT_EQ(Parse("<svg><g><p>x"),
            "| <html>\n"
            "|   <head>\n"
            "|   <body>\n"
            "|     <svg svg>\n"
            "|       <svg g>\n"
            "|     <p>\n"
            "|       \"x\"\n");
}

TEST(ParserTest, UnknownTagsShareOneId) {
  // gumbo's quirk, kept: all unknown tags have the same id, so </x-a> closes the open <x-b>.
  EXPECT_EQ(Parse("<x-a><x-b>in</x-a>out"),
            "| <html>\n"
            "|   <head>\n"
            "|   <body>\n"
            "|     <x-a>\n"
            "|       <x-b>\n"
            "|         \"in\"\n"
            "|       \"out\"\n");
}

TEST(ParserTest, TemplateFramesetAndHeadElementsInBody) {
  EXPECT_EQ(Parse("<template><tr><td>t</td></tr></template><p>"),
            "| <html>\n"
            "|   <head>\n"
            "|     <template>\n"
            "|       <tr>\n"
            "|         <td>\n"
            "|           \"t\"\n"
            "|   <body>\n"
            "|     <p>\n");
  EXPECT_EQ(Parse("<frameset><frame><noframes>n</noframes></frameset>"),
            "| <html>\n"
            "|   <head>\n"
            "|   <frameset>\n"
            "|     <frame>\n"
            "|     <noframes>\n"
            "|       \"n\"\n");
  EXPECT_EQ(Parse("<body a=1><body b=2 a=3><html lang=x>"),
            "| <html>\n"
            "|   lang=\"x\"\n"
            "|   <head>\n"
            "|   <body>\n"
            "|     a=\"1\"\n"
            "|     b=\"2\"\n");
}

TEST(ParserTest, NulAndNewlines) {
  using namespace std::string_literals;
  // NUL is dropped in body text, U+FFFD in foreign content and attribute values; CR LF and CR
  // are LF; the first newline after <pre> is dropped.
  EXPECT_EQ(Parse("<p>a\0b</p><svg>\0</svg><a t='\0'>\r\n<pre>\r\nx\ry</pre>"s),
            "| <html>\n"
            "|   <head>\n"
            "|   <body>\n"
            "|     <p>\n"
            "|       \"ab\"\n"
            "|     <svg svg>\n"
            "|       \"\xEF\xBF\xBD\"\n"
            "|     <a>\n"
            "|       t=\"\xEF\xBF\xBD\"\n"
            "|       \"\n\"\n"
            "|       <pre>\n"
            "|         \"x\ny\"\n");
  // Control characters become U+FFFD, as in gumbo (the spec only reports them).
  EXPECT_EQ(Parse("<p>a\x01" "b\xC2\x85" "c"), Gumbo("<p>a\x01" "b\xC2\x85" "c"));
}

TEST(ParserTest, DuplicateAttributesKeepTheFirst) {
  // gumbo (run without error recording) lets a duplicate name without a value prefix the next
  // name: <a x x y> has x and xy.
  EXPECT_EQ(Parse("<a x=1 x=2 y Y=3 x z>"),
            "| <html>\n"
            "|   <head>\n"
            "|   <body>\n"
            "|     <a>\n"
            "|       x=\"1\"\n"
            "|       xz=\"\"\n"
            "|       y=\"\"\n");
}

TEST(ParserTest, TextNodesHaveTheirSourceRange) {
  const std::string html = "<p class=x>a &lt; b</p><!--c--><div>q</div>";
  Dom dom;
  ParseHtml(html, ParseLimits{}, &dom);
  const uint32_t text = FindText(dom, "a < b");
  ASSERT_NE(text, kNoNode);
  EXPECT_EQ(Source(html, dom.nodes[text]), "a &lt; b");
  const uint32_t p = FindElement(dom, "p");
  ASSERT_NE(p, kNoNode);
  EXPECT_EQ(Source(html, dom.nodes[p]), "<p class=x>");
  // Elements the builder made up have no range.
  const uint32_t body = FindElement(dom, "body");
  EXPECT_EQ(dom.nodes[body].source_begin, 0u);
  EXPECT_EQ(dom.nodes[body].source_end, 0u);
}

TEST(ParserTest, SourceRangesPointIntoTheOriginalInput) {
  // CR LF pairs are read as LF, control characters as U+FFFD: ranges still index the input.
  const std::string html = "<p>\r\n\r\nx\x01y</p>\r\n<b>z</b>";
  Dom dom;
  ParseHtml(html, ParseLimits{}, &dom);
  const uint32_t text = FindText(dom, "\n\nx\xEF\xBF\xBDy");
  ASSERT_NE(text, kNoNode);
  EXPECT_EQ(Source(html, dom.nodes[text]), "\r\n\r\nx\x01y");
  EXPECT_EQ(Source(html, dom.nodes[FindElement(dom, "b")]), "<b>");
}

TEST(ParserTest, NodesAreInDocumentOrder) {
  // After foster parenting and the adoption agency moved things, node i's descendants still
  // follow it: the Dom is renumbered.
  Dom dom;
  ParseHtml("<table><tr>x<td>y</table><b><p>z</b>w", ParseLimits{}, &dom);
  for (uint32_t i = 1; i < dom.nodes.size(); ++i) {
    const Node& n = dom.nodes[i];
    EXPECT_LT(n.parent, i);
    if (n.prev_sibling != kNoNode) {
      EXPECT_LT(n.prev_sibling, i);
    }
    if (n.first_child != kNoNode) {
      EXPECT_EQ(n.first_child, i + 1);
    }
  }
  EXPECT_EQ(DumpTree(dom), Gumbo("<table><tr>x<td>y</table><b><p>z</b>w"));
}

// Every name of the WHATWG list, with and without a following letter, decodes as in gumbo.
TEST(ParserTest, EveryNamedReferenceDecodesLikeGumbo) {
  struct Ref {
    std::string_view name, value;
  };
  static constexpr Ref kRefs[] = {
#include "html/named_char_refs.inc"
  };
  std::string text = "<p>";
  std::string attr = "<a t=\"";
  for (const Ref& r : kRefs) {
    text.append("&").append(r.name).append("|&").append(r.name).append("x|");
    attr.append("&").append(r.name).append("|&").append(r.name).append("x|");
  }
  attr += "\">";
  const std::string html = text + attr;
  EXPECT_EQ(Parse(html), Gumbo(html));
}

TEST(ParserTest, ReusingTheDom) {
  Dom dom;
  ParseHtml("<p>one</p>", ParseLimits{}, &dom);
  const size_t first = dom.nodes.size();
  ParseHtml("<p>one</p>", ParseLimits{}, &dom);
  EXPECT_EQ(dom.nodes.size(), first);
  EXPECT_FALSE(dom.truncated);
}

}  // namespace
}  // namespace dossier::html
