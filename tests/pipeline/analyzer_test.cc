// The crude-text pipeline end to end: bytes in, Document out, with the repository's models.
//
// What must hold for any input: one block per non-empty line in order, every block maps back to the
// input bytes it came from, the structures are consistent (ValidateDocument), and hostile input
// neither crashes nor hangs. Then the specific leftovers and repairs on small inputs written here,
// and on the showcase sample in /work/shared (skipped when it is absent).
#include "dossier/pipeline.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "dossier/document.h"
#include "dossier/text.h"

namespace dossier {
namespace {

std::string RepoRoot() { return std::filesystem::path(DOSSIER_SAMPLES_DIR).parent_path().string(); }

bool HaveWordLists() { return std::filesystem::exists("/usr/share/dict/american-english"); }

// One line of the input: its text (without the line break) and byte offset.
struct InputLine {
  uint32_t number;  // 1-based
  size_t begin;
  std::string_view text;
};
std::vector<InputLine> SplitInputLines(std::string_view input) {
  std::vector<InputLine> out;
  size_t pos = 0;
  uint32_t n = 1;
  while (pos <= input.size()) {
    size_t nl = input.find('\n', pos);
    if (nl == std::string_view::npos) nl = input.size();
    out.push_back({n++, pos, input.substr(pos, nl - pos)});
    if (nl == input.size()) break;
    pos = nl + 1;
  }
  return out;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Every invariant of the document model, as a list of violations (empty when the document is sound).
std::vector<std::string> Violations(const Document& doc, std::string_view input) {
  std::vector<std::string> v;
  auto fail = [&](const std::string& what) {
    if (v.size() < 20) v.push_back(what);
  };
  const uint32_t size = static_cast<uint32_t>(doc.text.size());
  if (doc.source.size_bytes != input.size()) fail("source.size_bytes");
  if (!IsValidUtf8(doc.text)) fail("canonical text is not valid UTF-8");
  size_t input_lines = 1;
  for (char c : input) input_lines += c == '\n';

  // Blocks tile the text, separated by single '\n'.
  uint32_t expect_begin = 0;
  uint64_t prev_source_end = 0;
  uint32_t prev_line = 0;
  for (size_t i = 0; i < doc.blocks.size(); ++i) {
    const Block& b = doc.blocks[i];
    const std::string at = "block " + std::to_string(i) + ": ";
    if (b.span.begin != expect_begin) fail(at + "does not start where expected");
    // Only a line that cleaned to nothing (invisible characters) gives an empty block, a leftover.
    if (b.span.empty() && b.kind != BlockKind::kOther) fail(at + "empty");
    if (b.span.end > size) {
      fail(at + "past the end of the text");
      break;
    }
    if (doc.Text(b.span).find('\n') != std::string_view::npos) fail(at + "contains a line break");
    if (i + 1 < doc.blocks.size() && (b.span.end >= size || doc.text[b.span.end] != '\n'))
      fail(at + "not followed by a line break");
    expect_begin = b.span.end + 1;
    if (static_cast<uint8_t>(b.kind) > static_cast<uint8_t>(BlockKind::kOther)) fail(at + "bad kind");
    uint64_t sb = b.source_begin, se = b.source_end;
    if (!(sb < se && se <= input.size())) fail(at + "bad source range");
    if (!b.span.empty() && (sb != doc.SourceBegin(b.span) || se != doc.SourceEnd(b.span)))
      fail(at + "source range differs from the offset map");
    if (sb < prev_source_end) fail(at + "source range overlaps the previous block");
    prev_source_end = se;
    if (b.line < 1 || b.line > input_lines || b.line <= prev_line) fail(at + "bad line number");
    prev_line = b.line;
    if (!b.credit.empty()) {
      if (b.kind != BlockKind::kCaption) fail(at + "credit on a non-caption");
      if (b.credit.begin < b.span.begin || b.credit.end > b.span.end) fail(at + "credit outside the block");
    }
    if (b.story != kNoStory && (b.story < 0 || static_cast<size_t>(b.story) >= doc.stories.size()))
      fail(at + "bad story index");
    if (!(b.confidence >= 0.0f && b.confidence <= 1.0f)) fail(at + "confidence out of 0..1");
  }
  if (!doc.blocks.empty() && doc.blocks.back().span.end != size) fail("text continues after the last block");
  if (doc.blocks.empty() && size != 0) fail("text without blocks");

  // Stories: ordered, disjoint, each owning exactly its blocks.
  uint32_t next_free = 0;
  for (size_t s = 0; s < doc.stories.size(); ++s) {
    const Story& st = doc.stories[s];
    const std::string at = "story " + std::to_string(s) + ": ";
    if (st.first_block > st.last_block || st.last_block >= doc.blocks.size()) {
      fail(at + "bad block range");
      continue;
    }
    if (st.first_block < next_free) fail(at + "overlaps the previous story");
    next_free = st.last_block + 1;
    for (uint32_t b = st.first_block; b <= st.last_block; ++b)
      if (doc.blocks[b].story != static_cast<int32_t>(s)) fail(at + "block not marked with its story");
    if (st.title_block != -1 &&
        (st.title_block < static_cast<int32_t>(st.first_block) || st.title_block > static_cast<int32_t>(st.last_block)))
      fail(at + "title block outside the story");
  }
  for (size_t b = 0; b < doc.blocks.size(); ++b) {
    int32_t s = doc.blocks[b].story;
    if (s >= 0 && static_cast<size_t>(s) < doc.stories.size() &&
        (b < doc.stories[s].first_block || b > doc.stories[s].last_block))
      fail("block " + std::to_string(b) + " claims a story that does not contain it");
  }

  // Sentences and tokens lie inside their blocks.
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    const Sentence& s = doc.sentences[i];
    if (s.block >= doc.blocks.size()) {
      fail("sentence with a bad block");
      continue;
    }
    const Span bs = doc.blocks[s.block].span;
    if (s.span.begin < bs.begin || s.span.end > bs.end || s.span.empty()) fail("sentence outside its block");
    if (s.token_count == 0 || s.first_token + s.token_count > doc.tokens.size()) fail("sentence with bad tokens");
  }
  for (const Token& t : doc.tokens)
    if (t.span.end > size || t.span.empty()) fail("bad token span");

  for (const Repair& r : doc.repairs) {
    if (r.span.end > size || r.span.empty()) fail("bad repair span");
    else if (doc.SourceEnd(r.span) > input.size()) fail("repair maps past the input");
  }
  for (const Duplicate& d : doc.duplicates) {
    if (d.kept.end > size || d.kept.empty()) fail("bad duplicate kept span");
    if (d.repeat_source_begin > d.repeat_source_end || d.repeat_source_end > input.size())
      fail("bad duplicate removed range");
  }
  return v;
}

std::string Describe(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += "  " + x + "\n";
  return s;
}

// The document's tokens and sentences must be exactly what tokenising and splitting each final
// block gives (the simple definition). The analyzer makes them that way for large inputs, and for
// small ones takes the tokens of the lines no erasure changed from the repeated-sentence pass
// (src/pipeline/line_sentences.h).
void ExpectTokensOfEachFinalBlock(const Document& doc) {
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  std::vector<TokenRange> ranges;
  for (uint32_t bi = 0; bi < doc.blocks.size(); ++bi) {
    const Span span = doc.blocks[bi].span;
    const size_t first = tokens.size();
    Tokenize(doc.Text(span), span.begin, &tokens);
    ranges.clear();
    SplitSentences(doc.Text(span), span.begin, tokens.data() + first, tokens.size() - first, &ranges);
    for (const TokenRange& r : ranges) {
      if (r.count == 0) continue;
      Sentence s;
      s.first_token = static_cast<uint32_t>(first + r.first);
      s.token_count = r.count;
      s.span = {tokens[s.first_token].span.begin, tokens[s.first_token + r.count - 1].span.end};
      s.block = bi;
      sentences.push_back(s);
    }
  }
  ASSERT_EQ(doc.tokens.size(), tokens.size());
  for (size_t i = 0; i < tokens.size(); ++i) {
    EXPECT_EQ(doc.tokens[i].span, tokens[i].span) << i;
    EXPECT_EQ(doc.tokens[i].kind, tokens[i].kind) << i;
    EXPECT_EQ(doc.tokens[i].flags, tokens[i].flags) << i;
  }
  ASSERT_EQ(doc.sentences.size(), sentences.size());
  for (size_t i = 0; i < sentences.size(); ++i) {
    EXPECT_EQ(doc.sentences[i].span, sentences[i].span) << i;
    EXPECT_EQ(doc.sentences[i].block, sentences[i].block) << i;
    EXPECT_EQ(doc.sentences[i].first_token, sentences[i].first_token) << i;
    EXPECT_EQ(doc.sentences[i].token_count, sentences[i].token_count) << i;
  }
}

class AnalyzerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    AnalyzerOptions opts;
    opts.data_dir = RepoRoot() + "/data";
    opts.model_dir = RepoRoot() + "/models";
    analyzer_ = Analyzer::Create(opts, &error_).release();
  }
  static void TearDownTestSuite() {
    delete analyzer_;
    analyzer_ = nullptr;
  }
  void SetUp() override { ASSERT_NE(analyzer_, nullptr) << "Analyzer::Create failed: " << error_; }

  static Document Analyze(std::string_view input) { return analyzer_->AnalyzeCrudeText(input, "test.txt"); }

  // Analyzes `input` and checks the invariants.
  static Document AnalyzeValid(std::string_view input) {
    Document doc = Analyze(input);
    auto v = Violations(doc, input);
    EXPECT_TRUE(v.empty()) << Describe(v);
    return doc;
  }

  // Blocks that were not repaired read exactly as their input bytes.
  static void ExpectRoundTrip(const Document& doc, std::string_view input) {
    for (size_t i = 0; i < doc.blocks.size(); ++i) {
      const Block& b = doc.blocks[i];
      bool repaired = false;
      for (const Repair& r : doc.repairs) repaired |= r.span.begin < b.span.end && r.span.end > b.span.begin;
      for (const Duplicate& d : doc.duplicates)
        repaired |= d.repeat_source_begin >= doc.SourceBegin(b.span) && d.repeat_source_end <= doc.SourceEnd(b.span);
      if (repaired) continue;
      uint64_t sb = doc.SourceBegin(b.span), se = doc.SourceEnd(b.span);
      ASSERT_LE(sb, se);
      ASSERT_LE(se, input.size());
      EXPECT_EQ(input.substr(sb, se - sb), doc.Text(b.span)) << "block " << i << " (line " << b.line << ")";
    }
  }

  static Analyzer* analyzer_;
  static std::string error_;
};
Analyzer* AnalyzerTest::analyzer_ = nullptr;
std::string AnalyzerTest::error_;

// A small news text written for these tests (no leftovers, no glue, no repeats).
const char* const kPlainLines[] = {
    "Harbour fees to rise as port seeks new cranes",
    "The port authority in Kellingford said on Monday that mooring fees would rise by 4% from April.",
    "The money will pay for two electric cranes, which the authority says will cut loading times.",
    "Fishing crews said the rise would hit small boats hardest.",
    "\xE2\x80\x9CWe are already paying more for fuel than ever,\xE2\x80\x9D one skipper said.",
    "The authority will hold a public meeting at the harbour office on 12 March.",
};

std::string JoinLines(const std::vector<std::string>& lines, std::string_view eol) {
  std::string s;
  for (const auto& l : lines) {
    s += l;
    s += eol;
  }
  return s;
}

TEST_F(AnalyzerTest, EveryNonEmptyLineBecomesOneBlockInOrder) {
  // Blank and whitespace-only lines between the text lines; no final newline.
  std::vector<std::string> lines = {kPlainLines[0], "", kPlainLines[1], "   ", kPlainLines[2],
                                    "\t",          "", kPlainLines[3], kPlainLines[4], "",
                                    kPlainLines[5]};
  std::string input = JoinLines(lines, "\n");
  input.pop_back();
  Document doc = AnalyzeValid(input);
  const std::vector<uint32_t> want_lines = {1, 3, 5, 8, 9, 11};
  ASSERT_EQ(doc.blocks.size(), want_lines.size());
  EXPECT_EQ(doc.source.lines, want_lines.size());
  for (size_t i = 0; i < want_lines.size(); ++i) {
    EXPECT_EQ(doc.blocks[i].line, want_lines[i]);
    EXPECT_EQ(doc.Text(doc.blocks[i].span), lines[want_lines[i] - 1]);
  }
  EXPECT_TRUE(doc.repairs.empty());
  EXPECT_TRUE(doc.duplicates.empty());
  EXPECT_EQ(doc.source.invalid_bytes_replaced, 0u);
  ExpectRoundTrip(doc, input);
}

TEST_F(AnalyzerTest, RoundTripOnLineEndsBomAndSpaces) {
  std::vector<std::string> plain(std::begin(kPlainLines), std::end(kPlainLines));
  struct Case {
    std::string name, input;
    size_t first_source_begin;
  };
  std::vector<Case> cases;
  cases.push_back({"LF", JoinLines(plain, "\n"), 0});
  cases.push_back({"CRLF", JoinLines(plain, "\r\n"), 0});
  cases.push_back({"blank lines", JoinLines(plain, "\n\n\n"), 0});
  cases.push_back({"CRLF and blank lines", "\r\n" + JoinLines(plain, "\r\n\r\n"), 2});
  cases.push_back({"BOM", "\xEF\xBB\xBF" + JoinLines(plain, "\n"), 3});
  cases.push_back({"no final newline", JoinLines(plain, "\n").substr(0, JoinLines(plain, "\n").size() - 1), 0});
  {
    std::string s;
    for (const auto& l : plain) s += "  " + l + "   \t \n";
    cases.push_back({"leading and trailing spaces", s, 2});
  }
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    Document doc = AnalyzeValid(c.input);
    ASSERT_EQ(doc.blocks.size(), plain.size());
    for (size_t i = 0; i < plain.size(); ++i) EXPECT_EQ(doc.Text(doc.blocks[i].span), plain[i]);
    EXPECT_EQ(doc.SourceBegin(doc.blocks[0].span), c.first_source_begin);
    EXPECT_TRUE(doc.repairs.empty());
    EXPECT_EQ(doc.source.invalid_bytes_replaced, 0u);
    ExpectRoundTrip(doc, c.input);
    // The canonical text is the blocks joined by '\n', whatever the input's line ends.
    std::string joined = JoinLines(plain, "\n");
    joined.pop_back();
    EXPECT_EQ(doc.text, joined);
  }
}

TEST_F(AnalyzerTest, InvalidUtf8BecomesReplacementCharacterAndIsCounted) {
  const std::string line1 = kPlainLines[1];
  const std::string input = line1 + "\nFees for \xFF\xFE berths will rise by 4% next year, the authority said.\n" +
                            "The skipper of the \xC3 Mary Ann said the rise was unfair.\n";
  Document doc = AnalyzeValid(input);
  ASSERT_EQ(doc.blocks.size(), 3u);
  EXPECT_EQ(doc.source.invalid_bytes_replaced, 3u);
  EXPECT_EQ(doc.Text(doc.blocks[1].span),
            "Fees for \xEF\xBF\xBD\xEF\xBF\xBD berths will rise by 4% next year, the authority said.");
  EXPECT_EQ(doc.Text(doc.blocks[2].span), "The skipper of the \xEF\xBF\xBD Mary Ann said the rise was unfair.");
  // The blocks still cover exactly their input lines...
  auto in = SplitInputLines(input);
  for (int i = 1; i <= 2; ++i) {
    EXPECT_EQ(doc.SourceBegin(doc.blocks[i].span), in[i].begin);
    EXPECT_EQ(doc.SourceEnd(doc.blocks[i].span), in[i].begin + in[i].text.size());
  }
  // ...and each U+FFFD maps to the bad byte it replaced.
  const Span b1 = doc.blocks[1].span;
  const uint32_t r = b1.begin + static_cast<uint32_t>(doc.Text(b1).find("\xEF\xBF\xBD"));
  const size_t bad = input.find('\xFF');
  EXPECT_EQ(doc.SourceBegin({r, r + 3}), bad);
  EXPECT_EQ(doc.SourceEnd({r, r + 3}), bad + 1);
  EXPECT_EQ(doc.SourceBegin({r + 3, r + 6}), bad + 1);
  EXPECT_EQ(doc.SourceEnd({r + 3, r + 6}), bad + 2);
  // The first, clean line round-trips.
  EXPECT_EQ(input.substr(doc.SourceBegin(doc.blocks[0].span),
                         doc.SourceEnd(doc.blocks[0].span) - doc.SourceBegin(doc.blocks[0].span)),
            line1);
}

TEST_F(AnalyzerTest, CaptionWithCredit) {
  const std::string caption = "Image: Firefighters outside the station on Friday. Pic: AP";
  const std::string input = std::string(kPlainLines[1]) + "\n" + kPlainLines[2] + "\n" + caption + "\n" +
                            kPlainLines[3] + "\n" + kPlainLines[5] + "\n";
  Document doc = AnalyzeValid(input);
  ASSERT_EQ(doc.blocks.size(), 5u);
  const Block& b = doc.blocks[2];
  EXPECT_EQ(b.kind, BlockKind::kCaption);
  EXPECT_EQ(doc.Text(b.credit), "Pic: AP");
  const size_t at = input.find("Pic: AP");
  EXPECT_EQ(doc.SourceBegin(b.credit), at);
  EXPECT_EQ(doc.SourceEnd(b.credit), at + 7);
  for (size_t i : {0, 1, 3, 4}) {
    EXPECT_TRUE(IsArticleKind(doc.blocks[i].kind)) << "block " << i;
    EXPECT_TRUE(doc.blocks[i].credit.empty());
  }
}

TEST_F(AnalyzerTest, VideoRunningTimeIsMedia) {
  const std::string input = std::string(kPlainLines[1]) + "\n" + kPlainLines[2] + "\n" +
                            "Media playback is unsupported on your device\n5:57\n" +
                            "Cranes arrive at Kellingford harbour\n" + kPlainLines[3] + "\n" +
                            kPlainLines[5] + "\n";
  Document doc = AnalyzeValid(input);
  ASSERT_EQ(doc.blocks.size(), 7u);
  EXPECT_EQ(doc.Text(doc.blocks[3].span), "5:57");
  EXPECT_EQ(doc.blocks[3].kind, BlockKind::kMedia);
  EXPECT_EQ(doc.blocks[2].kind, BlockKind::kMedia);
  EXPECT_TRUE(IsArticleKind(doc.blocks[0].kind));
  EXPECT_TRUE(IsArticleKind(doc.blocks[6].kind));
}

TEST_F(AnalyzerTest, GluedWordRepairIsReported) {
  if (!HaveWordLists()) GTEST_SKIP() << "word lists not installed";
  const std::string glued =
      "Forecasters issued three severe flood warnings for the valley on Wednesdaymorning.";
  const std::string input = std::string(kPlainLines[1]) + "\n" + glued + "\n" + kPlainLines[3] + "\n";
  Document doc = AnalyzeValid(input);
  ASSERT_EQ(doc.blocks.size(), 3u);
  EXPECT_EQ(doc.Text(doc.blocks[1].span),
            "Forecasters issued three severe flood warnings for the valley on Wednesday morning.");
  ASSERT_EQ(doc.repairs.size(), 1u);
  const Repair& r = doc.repairs[0];
  EXPECT_EQ(r.kind, RepairKind::kGluedWords);
  EXPECT_EQ(r.before, "Wednesdaymorning");
  EXPECT_EQ(doc.Text(r.span), "Wednesday morning");
  const size_t at = input.find("Wednesdaymorning");
  EXPECT_EQ(doc.SourceBegin(r.span), at);
  EXPECT_EQ(doc.SourceEnd(r.span), at + 16);
  // The block as a whole still covers its input line; the other blocks round-trip.
  EXPECT_EQ(doc.SourceBegin(doc.blocks[1].span), input.find(glued));
  EXPECT_EQ(doc.SourceEnd(doc.blocks[1].span), input.find(glued) + glued.size());
  ExpectRoundTrip(doc, input);
}

TEST_F(AnalyzerTest, GluedWordsInTwoLinesAndTwiceInOneLine) {
  if (!HaveWordLists()) GTEST_SKIP() << "word lists not installed";
  const std::string a = "Crews cleared thewreckage from the road before NASAannounced the launch.";
  const std::string b = "Talks on ending the Ukrainewar resumed in Geneva this week.";
  const std::string input = a + "\n" + kPlainLines[2] + "\n" + b + "\n";
  Document doc = AnalyzeValid(input);
  ASSERT_EQ(doc.blocks.size(), 3u);
  EXPECT_EQ(doc.Text(doc.blocks[0].span),
            "Crews cleared the wreckage from the road before NASA announced the launch.");
  EXPECT_EQ(doc.Text(doc.blocks[2].span), "Talks on ending the Ukraine war resumed in Geneva this week.");
  ASSERT_EQ(doc.repairs.size(), 3u);
  std::set<std::pair<std::string, std::string>> got;
  for (const Repair& r : doc.repairs) {
    EXPECT_EQ(r.kind, RepairKind::kGluedWords);
    got.insert({r.before, std::string(doc.Text(r.span))});
    // Each repair maps back to exactly the glued input bytes.
    const uint64_t sb = doc.SourceBegin(r.span), se = doc.SourceEnd(r.span);
    EXPECT_EQ(input.substr(sb, se - sb), r.before);
  }
  const std::set<std::pair<std::string, std::string>> want = {
      {"thewreckage", "the wreckage"}, {"NASAannounced", "NASA announced"}, {"Ukrainewar", "Ukraine war"}};
  EXPECT_EQ(got, want);
}

TEST_F(AnalyzerTest, LineThatIsOnlyARepeatedSentenceBecomesALeftover) {
  // A paragraph repeated whole keeps its block (every non-empty input line has one), labelled as a
  // leftover so the article holds the paragraph once; the repeat is reported against its input bytes.
  // (The first version of the analyzer dropped such a line; src/pipeline/analyzer.cc now keeps it.)
  const std::string s = "The authority will hold a public meeting at the harbour office on 12 March.";
  const std::vector<std::string> lines = {kPlainLines[1], s, kPlainLines[2], s, kPlainLines[3]};
  const std::string input = JoinLines(lines, "\n");
  Document doc = AnalyzeValid(input);
  ASSERT_EQ(doc.blocks.size(), 5u);
  for (uint32_t i = 0; i < 5; ++i) {
    EXPECT_EQ(doc.blocks[i].line, i + 1);
    EXPECT_EQ(doc.Text(doc.blocks[i].span), lines[i]);
  }
  EXPECT_TRUE(IsArticleKind(doc.blocks[1].kind));
  EXPECT_EQ(doc.blocks[3].kind, BlockKind::kOther);
  ASSERT_EQ(doc.duplicates.size(), 1u);
  const Duplicate& d = doc.duplicates[0];
  EXPECT_EQ(doc.Text(d.kept), s);
  auto in = SplitInputLines(input);
  EXPECT_EQ(d.kept, doc.blocks[1].span);
  EXPECT_EQ(doc.SourceBegin(d.kept), in[1].begin);
  EXPECT_EQ(doc.SourceEnd(d.kept), in[1].begin + s.size());
  EXPECT_EQ(d.repeat_source_begin, in[3].begin);
  EXPECT_EQ(d.repeat_source_end, in[3].begin + s.size());
  EXPECT_EQ(doc.source.lines, 5u);
  // Nothing was cut out of a block, so every block reads as its input line.
  for (size_t i = 0; i < 5; ++i) {
    const uint64_t sb = doc.SourceBegin(doc.blocks[i].span), se = doc.SourceEnd(doc.blocks[i].span);
    EXPECT_EQ(input.substr(sb, se - sb), lines[i]);
  }
}

TEST_F(AnalyzerTest, RepeatGluedOntoAnotherParagraphIsRemovedFromIt) {
  const std::string s = "The money will pay for two electric cranes, which will cut loading times.";
  const std::string first = "Fishing crews said the rise would hit small boats hardest. " + s;
  const std::vector<std::string> lines = {kPlainLines[1], first, kPlainLines[4], s, kPlainLines[5]};
  const std::string input = JoinLines(lines, "\n");
  Document doc = AnalyzeValid(input);
  ASSERT_EQ(doc.blocks.size(), 5u);
  EXPECT_EQ(doc.Text(doc.blocks[1].span), "Fishing crews said the rise would hit small boats hardest.");
  EXPECT_EQ(doc.Text(doc.blocks[3].span), s);
  ASSERT_EQ(doc.duplicates.size(), 1u);
  const Duplicate& d = doc.duplicates[0];
  EXPECT_EQ(doc.Text(d.kept), s);
  auto in = SplitInputLines(input);
  EXPECT_EQ(d.repeat_source_begin, in[1].begin + first.size() - s.size());
  EXPECT_EQ(d.repeat_source_end, in[1].begin + first.size());
  EXPECT_EQ(doc.SourceBegin(d.kept), in[3].begin);
  EXPECT_EQ(doc.SourceEnd(d.kept), in[3].begin + s.size());
  EXPECT_EQ(d.kept, doc.blocks[3].span);
  // The shortened paragraph maps to the input bytes it still holds.
  ExpectRoundTrip(doc, input);
  EXPECT_EQ(doc.SourceBegin(doc.blocks[1].span), in[1].begin);
  EXPECT_EQ(doc.SourceEnd(doc.blocks[1].span), in[1].begin + first.size() - s.size() - 1);
}

TEST_F(AnalyzerTest, ScrapeThatRepeatsItselfKeepsTokensOfTheFinalText) {
  // Repeated sentences are found on the lines before the text is built, but the document's tokens
  // and sentences are made afterwards from its blocks (src/pipeline/line_sentences.h): they must be
  // exactly what tokenising each final block gives, whether its line lost sentences, lost all of
  // them, or was repeated whole. Each duplicate reads as the input bytes that were removed.
  const std::string a = "The money will pay for two electric cranes, which will cut loading times.";
  const std::string b = "Fishing crews said the rise would hit small boats hardest on the coast.";
  const std::string c = "The authority will hold a public meeting at the harbour office on 12 March.";
  std::vector<std::string> lines;
  for (int copy = 0; copy < 3; ++copy) {
    lines.push_back("Harbour fees to rise as port seeks new cranes");
    lines.push_back(std::string(kPlainLines[1]) + " " + a);
    lines.push_back(b + " " + c);  // later copies: both sentences are repeats
    lines.push_back(c);
    lines.push_back("Mr. Smith, 54, said: \xE2\x80\x9CWe will see.\xE2\x80\x9D " + a);
  }
  const std::string input = JoinLines(lines, "\n");
  Document doc = AnalyzeValid(input);
  ASSERT_EQ(doc.blocks.size(), lines.size());
  EXPECT_FALSE(doc.duplicates.empty());
  for (const Duplicate& d : doc.duplicates) {
    ASSERT_LE(d.repeat_source_end, input.size());
    EXPECT_EQ(input.substr(d.repeat_source_begin, d.repeat_source_end - d.repeat_source_begin), doc.Text(d.kept));
  }
  ExpectTokensOfEachFinalBlock(doc);
}

TEST_F(AnalyzerTest, GluedWordInsideAnErasedRepeatLeavesNoRepair) {
  // The zero-width space is removed, which glues "zerowidth"; it is repaired in both copies of the
  // sentence, and the second copy is then erased as a repeat. Its repair went with it: it pointed
  // past its line's text (and the CLI aborted writing it). The kept copy's repair stays.
  const std::string sentence = "Officials gave a zero\xE2\x80\x8Bwidth answer on Tuesday.";
  const std::string input =
      "Fishing crews said the rise would hit small boats hardest on the coast. " + sentence + "\n" +
      "The money will pay for two electric cranes, which will cut loading times. " + sentence + "\n";
  Document doc = AnalyzeValid(input);
  ASSERT_EQ(doc.blocks.size(), 2u);
  ASSERT_EQ(doc.duplicates.size(), 1u);
  EXPECT_EQ(doc.Text(doc.blocks[1].span), "The money will pay for two electric cranes, which will cut loading times.");
  if (!HaveWordLists()) GTEST_SKIP() << "no word lists: no glued-word repair";
  ASSERT_EQ(doc.repairs.size(), 1u);
  EXPECT_EQ(doc.Text(doc.repairs[0].span), "zero width");
  EXPECT_LT(doc.repairs[0].span.end, doc.blocks[0].span.end);
}

TEST_F(AnalyzerTest, TokensTakenFromTheRepeatPassEqualTokenisingTheFinalBlocks) {
  // Random scrapes of lines that repeat whole or in part (so some lines lose sentences and some
  // are repeated whole), glued words, captions, leftovers, invalid UTF-8, CRs and invisible
  // characters: the kept tokens of every line no erasure changed must be the final block's.
  const std::vector<std::string> sentences = {
      "The money will pay for two electric cranes, which will cut loading times.",
      "Fishing crews said the rise would hit small boats hardest on the coast.",
      "Mr. Smith, 54, said: \xE2\x80\x9CWe will see.\xE2\x80\x9D",
      "The U.S. economy grew 2.5% in Q3 (see bbc.co.uk/news).",
      "Shares rose to $90bn (\xC2\xA3" "66.6bn) on Jan. 5 at 5:57pm.",
      "Ukrainewar talks resumed in Kyiv on Tuesday.",
      "Pic: Reuters/ Kevin Lamarque",
      "Watch: the moment the bridge fell",
      "We use cookies to improve your experience.",
      "@POTUS #Ukraine https://news.sky.com/story/x?y=1 e-mail me at a.b@example.co.uk ...",
      "Broken \xFF\xFE bytes and a zero\xE2\x80\x8Bwidth space here.",
      "It was over. It was not over! Was it?",
  };
  std::mt19937 rng(3);
  size_t erased_inside_lines = 0;  // repeats taken out of a line that keeps other text
  for (int doc_no = 0; doc_no < 40; ++doc_no) {
    std::string input;
    const int lines = 1 + static_cast<int>(rng() % 30);
    for (int l = 0; l < lines; ++l) {
      const int parts = 1 + static_cast<int>(rng() % 4);
      for (int k = 0; k < parts; ++k) {
        if (k) input += ' ';
        input += sentences[rng() % sentences.size()];
      }
      input += rng() % 7 == 0 ? "\r\n" : (rng() % 9 == 0 ? "\n\n" : "\n");
    }
    Document doc = Analyze(input);
    SCOPED_TRACE(input);
    const auto v = Violations(doc, input);
    EXPECT_TRUE(v.empty()) << Describe(v);
    ExpectTokensOfEachFinalBlock(doc);
    for (const Duplicate& d : doc.duplicates) {
      const std::string_view repeat = std::string_view(input).substr(d.repeat_source_begin, d.repeat_source_end - d.repeat_source_begin);
      const size_t line_begin = input.rfind('\n', d.repeat_source_begin == 0 ? 0 : d.repeat_source_begin - 1);
      const size_t line_end = input.find('\n', d.repeat_source_end);
      const size_t line_len = (line_end == std::string::npos ? input.size() : line_end) -
                              (line_begin == std::string::npos ? 0 : line_begin + 1);
      erased_inside_lines += repeat.size() + 2 < line_len;
    }
  }
  EXPECT_GT(erased_inside_lines, 20u);
}

TEST_F(AnalyzerTest, EmptyAndBlankInputs) {
  for (std::string input : {std::string(), std::string("\n"), std::string("\n\n\r\n  \n\t\n"),
                            std::string("\r"), std::string("\xEF\xBB\xBF"), std::string("\xEF\xBB\xBF\n\n")}) {
    SCOPED_TRACE(::testing::PrintToString(input));
    Document doc = AnalyzeValid(input);
    EXPECT_TRUE(doc.blocks.empty());
    EXPECT_TRUE(doc.stories.empty());
    EXPECT_TRUE(doc.text.empty());
    EXPECT_TRUE(doc.sentences.empty());
    EXPECT_EQ(doc.source.lines, 0u);
  }
}

// A line holding only invisible characters is still a line of the input: it gets an empty
// leftover block that points at its bytes (the scraped-text benchmark has such lines).
TEST_F(AnalyzerTest, InvisibleOnlyLinesBecomeEmptyLeftoverBlocks) {
  std::string input = "\xE2\x80\x8B\nA line of text.\n\xC2\xAD";
  Document doc = AnalyzeValid(input);
  ASSERT_EQ(doc.blocks.size(), 3u);
  EXPECT_EQ(doc.text, "\nA line of text.\n");
  EXPECT_EQ(doc.blocks[0].kind, BlockKind::kOther);
  EXPECT_TRUE(doc.blocks[0].span.empty());
  EXPECT_EQ(doc.blocks[0].source_begin, 0u);
  EXPECT_EQ(doc.blocks[0].source_end, 3u);
  EXPECT_EQ(doc.Text(doc.blocks[1].span), "A line of text.");
  EXPECT_EQ(doc.blocks[1].source_begin, 4u);
  EXPECT_EQ(doc.blocks[2].source_begin, 20u);
  EXPECT_EQ(doc.blocks[2].source_end, 22u);
  EXPECT_EQ(doc.blocks[2].line, 3u);
  EXPECT_EQ(doc.source.lines, 3u);
}

TEST_F(AnalyzerTest, OnlyInvalidBytes) {
  Document doc = AnalyzeValid("\xFF\xFE\n\x80");
  ASSERT_EQ(doc.blocks.size(), 2u);
  EXPECT_EQ(doc.Text(doc.blocks[0].span), "\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(doc.Text(doc.blocks[1].span), "\xEF\xBF\xBD");
  EXPECT_EQ(doc.source.invalid_bytes_replaced, 3u);
}

TEST_F(AnalyzerTest, RandomBytesDoNotBreakTheDocument) {
  std::mt19937 rng(7);
  for (int round = 0; round < 12; ++round) {
    std::string input(std::uniform_int_distribution<int>(1, 20000)(rng), ' ');
    for (char& c : input) {
      int x = std::uniform_int_distribution<int>(1, 255)(rng);  // never NUL
      // Bias towards text-like bytes so lines, words and sentences form.
      if (round % 2 == 0 && x < 200) x = " \n.,abcdefghijklmnopqrstuvwxyzTHE\xE2\x80\x9C"[x % 35];
      c = static_cast<char>(x == 0 ? 'x' : x);
    }
    SCOPED_TRACE("round " + std::to_string(round));
    Document doc = AnalyzeValid(input);
    EXPECT_LE(doc.blocks.size(), input.size());
  }
}

// Runs `body` in a child process that must exit 0 within `seconds`; a crash or a hang fails.
void ExpectFinishes(const std::function<bool()>& body, int seconds, const std::string& what) {
  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) _exit(body() ? 0 : 3);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  int status = 0;
  while (true) {
    pid_t r = waitpid(child, &status, WNOHANG);
    if (r == child) break;
    if (std::chrono::steady_clock::now() > deadline) {
      kill(child, SIGKILL);
      waitpid(child, &status, 0);
      FAIL() << what << ": did not finish within " << seconds << " s";
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ASSERT_TRUE(WIFEXITED(status)) << what << ": crashed (signal " << (WIFSIGNALED(status) ? WTERMSIG(status) : 0) << ")";
  EXPECT_EQ(WEXITSTATUS(status), 0) << what << ": the document was not sound";
}

TEST_F(AnalyzerTest, OneMegabyteLineOfWords) {
  std::mt19937 rng(11);
  const char* words[] = {"the", "council", "said", "on", "Tuesday", "that", "budget", "would", "rise",
                         "river", "flood", "company", "jobs", "staff", "residents", "harbour", "fees"};
  std::string input;
  while (input.size() < (1u << 20)) {
    input += words[std::uniform_int_distribution<int>(0, 16)(rng)];
    int p = std::uniform_int_distribution<int>(0, 11)(rng);
    input += p == 0 ? ". " : p == 1 ? ", " : " ";
  }
  ExpectFinishes(
      [&] {
        Document doc = analyzer_->AnalyzeCrudeText(input, "big.txt");
        auto v = Violations(doc, input);
        if (!v.empty()) std::fprintf(stderr, "%s", Describe(v).c_str());
        return v.empty() && doc.blocks.size() == 1 && doc.source.lines == 1;
      },
      60, "1 MB line of words");
}

TEST_F(AnalyzerTest, OneMegabyteLineWithOneLongToken) {
  // Regression: glued-word repair once tried every cut of an arbitrarily long run of letters
  // (quadratic; a 1 MB token took over an hour). Candidates are now capped at 40 letters.
  std::mt19937 rng(13);
  std::string token(1u << 20, 'a');
  for (char& c : token) c = static_cast<char>('a' + std::uniform_int_distribution<int>(0, 25)(rng));
  const std::string input = "The council said on Tuesday that the budget " + token + " would be approved.";
  ExpectFinishes(
      [&] {
        Document doc = analyzer_->AnalyzeCrudeText(input, "big.txt");
        return Violations(doc, input).empty() && doc.blocks.size() == 1;
      },
      60, "1 MB line with a 1 MB token");
}

// The showcase sample (the publisher's copyright; read from /work/shared, never copied here).
TEST_F(AnalyzerTest, SkyNewsSample) {
  const std::string path = std::string(DOSSIER_SHARED_DIR) + "/samples/skynews-scrape-2025-11.txt";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << path << " not present";
  if (!HaveWordLists()) GTEST_SKIP() << "word lists not installed";
  const std::string input = ReadFile(path);
  auto in = SplitInputLines(input);
  ASSERT_EQ(in.size(), 144u);
  Document doc = AnalyzeValid(input);

  // One block per line (the repeated sentence is glued onto line 7, so no line disappears).
  ASSERT_EQ(doc.blocks.size(), 144u);
  for (uint32_t i = 0; i < 144; ++i) ASSERT_EQ(doc.blocks[i].line, i + 1);
  auto block = [&](uint32_t line) -> const Block& { return doc.blocks[line - 1]; };

  // Exactly two glued-word repairs.
  std::set<std::pair<std::string, std::string>> glued;
  for (const Repair& r : doc.repairs) {
    if (r.kind != RepairKind::kGluedWords) continue;
    glued.insert({r.before, std::string(doc.Text(r.span))});
    const uint64_t sb = doc.SourceBegin(r.span), se = doc.SourceEnd(r.span);
    EXPECT_EQ(input.substr(sb, se - sb), r.before);
  }
  const std::set<std::pair<std::string, std::string>> want_glued = {{"Ukrainewar", "Ukraine war"},
                                                                    {"Ukrainiansnor", "Ukrainians nor"}};
  EXPECT_EQ(glued, want_glued);
  EXPECT_EQ(doc.repairs.size(), 2u);
  EXPECT_NE(doc.Text(block(67).span).find("Ukraine war"), std::string_view::npos);
  EXPECT_NE(doc.Text(block(62).span).find("Ukrainians nor"), std::string_view::npos);

  // Exactly one repeated sentence: line 39 as a whole is kept; its copy at the end of line 7 is removed.
  ASSERT_EQ(doc.duplicates.size(), 1u);
  const Duplicate& d = doc.duplicates[0];
  const InputLine& l7 = in[6];
  const InputLine& l39 = in[38];
  EXPECT_EQ(doc.Text(d.kept), l39.text);
  EXPECT_EQ(doc.SourceBegin(d.kept), l39.begin);
  EXPECT_EQ(doc.SourceEnd(d.kept), l39.begin + l39.text.size());
  EXPECT_EQ(d.repeat_source_end, l7.begin + l7.text.size());
  EXPECT_EQ(d.repeat_source_begin, l7.begin + l7.text.size() - l39.text.size());
  EXPECT_EQ(input.substr(d.repeat_source_begin, d.repeat_source_end - d.repeat_source_begin), l39.text);
  EXPECT_EQ(doc.Text(block(7).span), l7.text.substr(0, l7.text.size() - l39.text.size() - 1));
  EXPECT_EQ(doc.Text(block(39).span), l39.text);

  // The "Image:" lines are captions; all but line 26 end with a "Pic: ..." credit.
  std::vector<uint32_t> image_lines;
  for (const auto& l : in)
    if (l.text.substr(0, 6) == "Image:") image_lines.push_back(l.number);
  const std::vector<uint32_t> want_image_lines = {2, 8, 22, 26, 66, 70, 75, 90, 113};
  EXPECT_EQ(image_lines, want_image_lines);
  int with_credit = 0;
  for (uint32_t n : image_lines) {
    const Block& b = block(n);
    EXPECT_EQ(b.kind, BlockKind::kCaption) << "line " << n;
    if (n == 26) {
      EXPECT_TRUE(b.credit.empty()) << "line 26 has no credit, got: " << doc.Text(b.credit);
      continue;
    }
    const std::string_view text = in[n - 1].text;
    const std::string_view want = text.substr(text.rfind("Pic: "));
    EXPECT_EQ(doc.Text(b.credit), want) << "line " << n;
    with_credit += !b.credit.empty();
  }
  EXPECT_EQ(with_credit, 8);
  EXPECT_EQ(doc.Text(block(2).credit), "Pic: AP");
  EXPECT_EQ(doc.Text(block(8).credit), "Pic: Reuters/ Kevin Lamarque");
  // The six video remnants (player notice, running time, title) are media.
  for (uint32_t first : {12u, 79u, 96u, 102u, 131u, 138u})
    for (uint32_t n = first; n < first + 3; ++n) EXPECT_EQ(block(n).kind, BlockKind::kMedia) << "line " << n;
  // The consent block: provider line and six consent sentences.
  for (uint32_t n = 44; n <= 50; ++n) EXPECT_EQ(block(n).kind, BlockKind::kConsent) << "line " << n;

  ExpectRoundTrip(doc, input);
}

}  // namespace
}  // namespace dossier
