// ClassifyTag (indexed by length) against ClassifyTagReference (the linear scan it replaced): every
// HTML tag name the parser knows, names around them, and every element name of every page under
// ../shared/data/extraction.
#include "html/content_tags.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extraction_pages.h"
#include "html/dom.h"
#include "html/parser.h"
#include "html/tags.h"

namespace dossier::html {
namespace {

TEST(ContentTagsTest, HandChecked) {
  EXPECT_EQ(ClassifyTag("p"), ContentTag::kP);
  EXPECT_EQ(ClassifyTag("blockquote"), ContentTag::kBlockquote);
  EXPECT_EQ(ClassifyTag("span"), ContentTag::kInline);
  EXPECT_EQ(ClassifyTag("my-widget"), ContentTag::kCustom);
  EXPECT_EQ(ClassifyTag(""), ContentTag::kInline);
  EXPECT_EQ(ClassifyTag("applet"), ClassifyTagReference("applet"));  // listed after a longer name
}

TEST(ContentTagsTest, SameAsReferenceOnNames) {
  std::vector<std::string> names;
  for (int t = 0; t < static_cast<int>(Tag::kUnknown); ++t) names.emplace_back(TagName(static_cast<Tag>(t)));
  const size_t known = names.size();
  for (size_t i = 0; i < known; ++i) {
    names.push_back(names[i] + "x");
    names.push_back(names[i] + "-x");
    if (names[i].size() > 1) names.push_back(names[i].substr(1));
  }
  for (const char* extra : {"a-", "-", "x", "custom-element", "abcdefghijklmnopqrstuvwxyz"}) names.push_back(extra);
  for (const std::string& name : names) EXPECT_EQ(ClassifyTag(name), ClassifyTagReference(name)) << name;
}

TEST(ContentTagsTest, SameAsReferenceOnEveryPage) {
  const std::vector<std::string> pages = testing::ExtractionPages();
  if (pages.empty()) GTEST_SKIP() << "no pages under " << testing::ExtractionDir();
  size_t elements = 0;
  Dom dom;
  for (size_t k = 0; k < pages.size(); k += 4) {  // every fourth page: the parse is the cost here
    ParseHtml(testing::ReadPage(pages[k]), {}, &dom);
    for (const Node& n : dom.nodes) {
      if (n.type != NodeType::kElement) continue;
      ++elements;
      ASSERT_EQ(ClassifyTag(n.name), ClassifyTagReference(n.name)) << pages[k] << " <" << n.name << ">";
    }
  }
  EXPECT_GT(elements, 0u);
}

}  // namespace
}  // namespace dossier::html
