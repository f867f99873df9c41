// ParseHtml on hostile input: every case must finish quickly (no quadratic behaviour: the sizes
// are such that a quadratic path would take minutes), with a sound, bounded tree (CheckDom:
// links, document order, depth <= max_depth, node count <= max_nodes). Run under ASan/UBSan in
// CI too.
#include <gtest/gtest.h>

#include <ctime>
#include <random>
#include <string>
#include <string_view>

#include "extraction_pages.h"
#include "html/dom.h"
#include "html/dom_check.h"
#include "html/gumbo_dom.h"
#include "html/input_stream.h"
#include "html/parser.h"

namespace dossier::html {
namespace {

// Generous: sanitizer and debug builds are slow, but a quadratic path on these inputs would
// take far longer. CPU time of this thread, so a loaded machine does not matter.
constexpr double kMaxCpuSeconds = 20;

double ThreadCpuSeconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

std::string Repeat(std::string_view s, size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (size_t i = 0; i < n; ++i) out.append(s);
  return out;
}

// Parses, checks the time and the tree, and returns the Dom for further checks. (No DumpTree:
// a tree held at depth 512 dumps as hundreds of megabytes of indentation; the fuzz test dumps.)
Dom ParseChecked(const std::string& html, const ParseLimits& limits = {}) {
  Dom dom;
  const double start = ThreadCpuSeconds();
  ParseHtml(html, limits, &dom);
  EXPECT_LT(ThreadCpuSeconds() - start, kMaxCpuSeconds) << html.size() << " bytes";
  EXPECT_EQ(CheckDom(dom, limits, html.size()), "");
  return dom;
}

size_t CountElements(const Dom& dom, std::string_view name) {
  size_t n = 0;
  for (const Node& node : dom.nodes) n += node.type == NodeType::kElement && node.name == name;
  return n;
}

TEST(ParserHostileTest, DeepNestingIsAttachedAtTheDepthLimit) {
  const size_t n = 200'000;
  const Dom dom = ParseChecked(Repeat("<div>", n) + "deep" + Repeat("</div>", n) + "after");
  // No element is lost: the ones past the limit are siblings at the limit.
  EXPECT_EQ(CountElements(dom, "div"), n);
  EXPECT_FALSE(dom.truncated);
  // Same with a small limit and non-special elements, and closing tags that match nothing.
  ParseLimits shallow;
  shallow.max_depth = 5;
  const Dom spans = ParseChecked(Repeat("<span>", n) + Repeat("</x>", n) + Repeat("</p>", n),
                                 shallow);
  EXPECT_EQ(CountElements(spans, "span"), n);
}

TEST(ParserHostileTest, ManyUnclosedFormattingElements) {
  const size_t n = 200'000;
  ParseChecked(Repeat("<b>", n) + "text");
  ParseChecked(Repeat("<a href=x>", n) + "text");
  ParseChecked(Repeat("<b><i><u><s>", n / 4) + Repeat("</b>x", n / 4));
  // Distinct attributes defeat the Noah's Ark clause; the list stays capped.
  std::string distinct;
  for (size_t i = 0; i < n / 4; ++i) distinct += "<font size=" + std::to_string(i) + ">x";
  ParseChecked(distinct);
  // Formatting elements closed by </div> are reopened by the next text, each time more of them:
  // bounded by the list cap, then by max_nodes.
  std::string reopen;
  for (size_t i = 0; i < 50'000; ++i) reopen += "<div><b id=" + std::to_string(i) + "></div>x";
  const Dom dom = ParseChecked(reopen);
  EXPECT_LE(dom.nodes.size(), ParseLimits{}.max_nodes);
}

TEST(ParserHostileTest, AdoptionAgencyOnDeepStacks) {
  const size_t n = 100'000;
  ParseChecked("<b>" + Repeat("<div>", n) + Repeat("</b>", n));
  ParseChecked(Repeat("<a><div>", n / 2) + Repeat("</a>", n));
  ParseChecked(Repeat("<x-a>", n) + Repeat("</x-b><p>", n));
  ParseChecked(Repeat("<table><tr><td>", n / 8) + Repeat("<select><option>x</select>", n / 8));
}

TEST(ParserHostileTest, HugeAttributeCounts) {
  std::string tag = "<div";
  for (size_t i = 0; i < 200'000; ++i) tag += " a" + std::to_string(i % 150'000) + "=v";
  tag += Repeat(" x", 100'000) + ">";
  const Dom dom = ParseChecked(tag + tag + "<body" + tag.substr(4) + Repeat("<body c=1>", 1000));
  EXPECT_GT(dom.attrs.size(), 150'000u);
  // Three identical formatting elements with many attributes (the Noah's Ark comparison).
  std::string b = "<b";
  for (size_t i = 0; i < 50'000; ++i) b += " a" + std::to_string(i) + "=v";
  b += ">";
  ParseChecked(Repeat(b, 5));
}

TEST(ParserHostileTest, TextFosteredOutOfTablesManyTimes) {
  // Each "x" goes before the table and joins the same text node.
  const Dom dom = ParseChecked("<table>" + Repeat("x<td>c</td>", 100'000) + "</table>");
  bool found = false;
  for (const Node& n : dom.nodes) found |= n.type == NodeType::kText && n.text.size() == 100'000;
  EXPECT_TRUE(found);
}

TEST(ParserHostileTest, LargeInput) {
  // ~20 MB: real pages when the shared data is there, else a synthetic page.
  std::string unit;
  for (const std::string& path : testing::ExtractionPages()) {
    unit += testing::ReadPage(path);
    if (unit.size() > 2'000'000) break;
  }
  if (unit.empty()) {
    unit = "<div class=a><p>Some <b>text</b> &amp; <a href='/x?a=1&b=2'>a link</a></p>"
           "<script>var a = 1 < 2;</script><table><tr><td>cell</td></tr></table></div>";
  }
  const Dom dom = ParseChecked(Repeat(unit, 20'000'000 / unit.size() + 1));
  EXPECT_FALSE(dom.truncated);
}

TEST(ParserHostileTest, NodeLimitStopsTheBuilder) {
  ParseLimits limits;
  limits.max_nodes = 1000;
  const Dom dom = ParseChecked(Repeat("<p>para <b>bold</b></p>", 10'000), limits);
  EXPECT_TRUE(dom.truncated);
  EXPECT_LE(dom.nodes.size(), limits.max_nodes);
  EXPECT_GT(dom.nodes.size(), 100u);  // what was built before the limit is kept
}

TEST(ParserHostileTest, BinaryJunk) {
  std::mt19937 rng(20240601);
  for (int round = 0; round < 4; ++round) {
    std::string bytes(1 << 20, '\0');
    for (char& c : bytes) {
      // Mostly random bytes, with markup characters often enough to open tags and comments.
      const uint32_t r = rng();
      c = (r & 7) == 0 ? "<>/!-&;=\"'a\0"[(r >> 3) % 12] : static_cast<char>(r >> 8);
    }
    ParseChecked(ReplaceInvalidUtf8(bytes));
  }
}

TEST(ParserHostileTest, UnterminatedConstructsAtEndOfInput) {
  // Each must end cleanly, and as gumbo ends it.
  const char* cases[] = {
      "<!-- abc", "<!--", "<!-", "<!", "<", "</", "<?x", "</ x", "<a", "<a href", "<a href=",
      "<a href=\"abc", "<a href='abc", "<a href=abc", "<a b/", "<div\n", "&", "&#", "&#x",
      "&#x41", "&am", "<script>abc", "<script><!--", "<script><!-- <script>", "<style>a",
      "<title>a", "<textarea>", "<plaintext>a", "<xmp>a", "<!DOCTYPE", "<!DOCTYPE html",
      "<!DOCTYPE html PUBLIC \"abc", "<!DOCTYPE html SYSTEM", "<svg><![CDATA[abc",
      "<svg><![CDATA[", "<table><tr><td>x", "<select><option>", "<template>", "<frameset>",
      "<math><annotation-xml encoding=text/html><div>", "<p><b><i><u>x", "<!DOCTYPE html><html",
  };
  for (const char* html : cases) {
    SCOPED_TRACE(html);
    const Dom dom = ParseChecked(html);
    Dom reference;
    BuildDomWithGumbo(html, &reference);
    EXPECT_EQ(DumpTree(dom), DumpTree(reference));
  }
}

}  // namespace
}  // namespace dossier::html
