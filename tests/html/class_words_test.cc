// The fast paths over class and id values against their slow, obvious twins: the per-page memo
// (StringMemo), the one-pass word scans of the metadata walk (ClassWords) and of the content hints
// (stems of long words), on small hand-checked cases and on every element of every page under
// ../shared/data/extraction.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extraction_pages.h"
#include "html/content_hints.h"
#include "html/dom.h"
#include "html/metadata_internal.h"
#include "html/parser.h"
#include "html/string_memo.h"

namespace dossier::html {
namespace {

using meta::ClassIdWords;
using meta::ClassIdWordsReference;
using meta::ClassWords;
using meta::ClassWordsReference;

TEST(StringMemoTest, ComputesOncePerDistinctStringUntilCleared) {
  StringMemo<int> memo;
  int calls = 0;
  auto length = [&](std::string_view s) {
    ++calls;
    return static_cast<int>(s.size());
  };
  const std::string a = "c-article__body", b = "c-article__body", c = "col-md-4";
  EXPECT_EQ(memo.Get(a, length), 15);
  EXPECT_EQ(memo.Get(b, length), 15);  // same contents at another address: remembered
  EXPECT_EQ(memo.Get(c, length), 8);
  EXPECT_EQ(memo.Get(std::string_view(), length), 0);
  EXPECT_EQ(calls, 3);
  EXPECT_EQ(memo.size(), 3u);
  memo.Clear();
  EXPECT_EQ(memo.size(), 0u);
  EXPECT_EQ(memo.Get(a, length), 15);
  EXPECT_EQ(calls, 4);
}

TEST(StringMemoTest, ManyStringsGrowTheTable) {
  StringMemo<size_t> memo;
  std::vector<std::string> keys;
  for (int i = 0; i < 5000; ++i) keys.push_back("class-" + std::to_string(i));
  for (const std::string& k : keys) memo.Get(k, [](std::string_view s) { return s.size(); });
  EXPECT_EQ(memo.size(), keys.size());
  for (const std::string& k : keys) {
    EXPECT_EQ(memo.Get(k, [](std::string_view) -> size_t { return 0; }), k.size()) << k;
  }
}

TEST(ClassWordsTest, HandCheckedValues) {
  using namespace meta;
  EXPECT_EQ(ClassWords(""), 0u);
  EXPECT_EQ(ClassWords("post-author"), static_cast<uint32_t>(kClassByline));
  EXPECT_EQ(ClassWords("authorization"), 0u);
  EXPECT_EQ(ClassWords("authoring authorised"), 0u);
  // A later occurrence still counts; "p-author" always does.
  EXPECT_EQ(ClassWords("authoring author"), static_cast<uint32_t>(kClassByline));
  EXPECT_EQ(ClassWords("p-authorization"), static_cast<uint32_t>(kClassByline));
  EXPECT_EQ(ClassWords("sidebar-footer"), static_cast<uint32_t>(kClassUnlikely | kClassSoftUnlikely));
  EXPECT_EQ(ClassWords("hentry post"), static_cast<uint32_t>(kClassEntry));  // "post" is not "posted"
  EXPECT_EQ(ClassWords("xhentry"), 0u);  // a token, not a substring
  EXPECT_EQ(ClassWords("entry-date updated"), static_cast<uint32_t>(kClassDate | kClassUpdate));
  EXPECT_EQ(ClassWords("breadcrumbs"), static_cast<uint32_t>(kClassUnlikely | kClassBreadcrumb));
  EXPECT_EQ(ClassWords("x-ad-y article-body"), static_cast<uint32_t>(kClassUnlikely | kClassMaybeContent));
  EXPECT_EQ(ClassWords("published-time"), static_cast<uint32_t>(kClassPublish | kClassDate));
  for (std::string_view s : {"", "a", "post-author", "authorization", "authoring author", "p-authorization",
                             "sidebar-footer", "hentry post", "xhentry", "entry-date updated", "breadcrumbs",
                             "x-ad-y article-body", "published-time", "datetimestamp", "autho", "-ad"}) {
    EXPECT_EQ(ClassWords(s), ClassWordsReference(s)) << s;
  }
}

TEST(ClassWordsTest, ClassAndIdTogetherAreTheirHalvesTogether) {
  meta::ClassWordsMemo memo;
  EXPECT_EQ(ClassIdWords("Byline", "", &memo), ClassIdWordsReference("Byline", ""));
  EXPECT_EQ(ClassIdWords("", "", &memo), 0u);
  EXPECT_EQ(ClassIdWords("entry AUTHOR", "post-date", &memo), ClassIdWordsReference("entry AUTHOR", "post-date"));
  EXPECT_EQ(ClassIdWords("x author", "izzy", &memo), ClassIdWordsReference("x author", "izzy"));
  EXPECT_EQ(ClassIdWords("x author", "izzy", &memo), static_cast<uint32_t>(meta::kClassByline));
}

TEST(NameHintsTest, StemsOfLongWordsAsTheReferenceFindsThem) {
  for (std::string_view v : {"relatedposts", "sharebar", "articlebodytext", "mysidebarwidget", "commentsocial",
                             "storycontent", "newsletterpromo", "xxxxxxxx", "socialshare", "consentcookie"}) {
    Hints fast, slow;
    AddNameHints(v, &fast);
    AddNameHintsReference(v, &slow);
    EXPECT_EQ(fast.weight, slow.weight) << v;
    EXPECT_EQ(fast.flags, slow.flags) << v;
  }
  Hints h;
  AddNameHints("relatedposts", &h);
  EXPECT_EQ(h.flags, static_cast<uint32_t>(kHintRelated));
  // "commentsocial": "comment" comes first in the stem table, whatever the order in the word.
  Hints s;
  AddNameHints("socialcomment", &s);
  EXPECT_EQ(s.flags, static_cast<uint32_t>(kHintComment));
}

// Every element with a class or id, on every benchmark page: the fast forms agree with the
// references (memoised or not, one-pass scans or one search per word).
TEST(ClassWordsTest, FastFormsAgreeWithReferencesOnEveryExtractionPage) {
  const std::vector<std::string> pages = testing::ExtractionPages();
  if (pages.empty()) GTEST_SKIP() << "no pages under " << testing::ExtractionDir();
  Dom dom;
  NameHintsMemo hints_memo;
  meta::ClassWordsMemo words_memo;
  size_t elements = 0, failures = 0;
  for (const std::string& path : pages) {
    ParseHtml(testing::ReadPage(path), ParseLimits{}, &dom);
    hints_memo.Clear();
    words_memo.Clear();
    for (uint32_t n = 0; n < dom.nodes.size() && failures < 20; ++n) {
      if (dom.nodes[n].type != NodeType::kElement || dom.nodes[n].attr_count == 0) continue;
      const std::string_view cls = dom.Attr(n, "class"), id = dom.Attr(n, "id");
      if (cls.empty() && id.empty()) continue;
      ++elements;
      const Hints fast = ElementHints(dom, n, &hints_memo), slow = ElementHints(dom, n);
      if (fast.weight != slow.weight || fast.flags != slow.flags) {
        ++failures;
        ADD_FAILURE() << path << ": ElementHints differ for class=\"" << cls << "\" id=\"" << id << "\"";
      }
      for (std::string_view v : {cls, id}) {
        Hints a, b;
        AddNameHints(v, &a);
        AddNameHintsReference(v, &b);
        if (a.weight != b.weight || a.flags != b.flags) {
          ++failures;
          ADD_FAILURE() << path << ": AddNameHints differs for \"" << v << "\"";
        }
      }
      if (ClassIdWords(cls, id, &words_memo) != ClassIdWordsReference(cls, id)) {
        ++failures;
        ADD_FAILURE() << path << ": class words differ for class=\"" << cls << "\" id=\"" << id << "\"";
      }
    }
  }
  EXPECT_EQ(failures, 0u);
  EXPECT_GT(elements, 100000u);
}

}  // namespace
}  // namespace dossier::html
