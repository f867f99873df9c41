#include "html/gumbo_dom.h"

#include <gtest/gtest.h>

#include <string>

#include "html/dom.h"

namespace dossier::html {
namespace {

TEST(GumboDom, BuildsTheSpecTreeWithImpliedElements) {
  Dom dom;
  BuildDomWithGumbo("<!DOCTYPE html><p class=a id=x>Hi &amp; bye<!--c--><b>bold", &dom);
  EXPECT_EQ(DumpTree(dom),
            "| <!DOCTYPE html>\n"
            "| <html>\n"
            "|   <head>\n"
            "|   <body>\n"
            "|     <p>\n"
            "|       class=\"a\"\n"
            "|       id=\"x\"\n"
            "|       \"Hi & bye\"\n"
            "|       <!-- c -->\n"
            "|       <b>\n"
            "|         \"bold\"\n");
}

TEST(GumboDom, TextNodesKeepTheirSourceRange) {
  Dom dom;
  const std::string html = "<p>a &lt; b</p>";
  BuildDomWithGumbo(html, &dom);
  uint32_t text = kNoNode;
  for (uint32_t i = 0; i < dom.nodes.size(); ++i) {
    if (dom.nodes[i].type == NodeType::kText) text = i;
  }
  ASSERT_NE(text, kNoNode);
  EXPECT_EQ(dom.nodes[text].text, "a < b");
  EXPECT_EQ(html.substr(dom.nodes[text].source_begin,
                        dom.nodes[text].source_end - dom.nodes[text].source_begin),
            "a &lt; b");
}

TEST(GumboDom, ForeignElementsAndUnknownTags) {
  Dom dom;
  BuildDomWithGumbo("<body><svg><circle r=1></circle></svg><My-Widget>x</My-Widget>", &dom);
  EXPECT_EQ(DumpTree(dom),
            "| <html>\n"
            "|   <head>\n"
            "|   <body>\n"
            "|     <svg svg>\n"
            "|       <svg circle>\n"
            "|         r=\"1\"\n"
            "|     <my-widget>\n"
            "|       \"x\"\n");
}

TEST(GumboDom, SvgTagNamesGetTheSpecCase) {
  // Whatever the case in the source, SVG names are the spec's ("clipPath"), as browsers have it.
  Dom dom;
  BuildDomWithGumbo("<svg><clippath/><LINEARGRADIENT/><foreignObject/><Foo/></svg>", &dom);
  EXPECT_EQ(DumpTree(dom),
            "| <html>\n"
            "|   <head>\n"
            "|   <body>\n"
            "|     <svg svg>\n"
            "|       <svg clipPath>\n"
            "|       <svg linearGradient>\n"
            "|       <svg foreignObject>\n"
            "|       <svg foo>\n");
}

TEST(GumboDom, ClearingReusesTheDom) {
  Dom dom;
  BuildDomWithGumbo("<p>one</p>", &dom);
  const size_t first = dom.nodes.size();
  BuildDomWithGumbo("<p>one</p>", &dom);
  EXPECT_EQ(dom.nodes.size(), first);
  EXPECT_EQ(dom.nodes[0].type, NodeType::kDocument);
}

}  // namespace
}  // namespace dossier::html
