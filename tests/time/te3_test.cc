// TempEval-3 documents: text content with references decoded, TIMEX3 tags inserted with every
// other byte kept, malformed input refused with a reason; and the time stage on a Document
// (per-story dates, "until today, 20 November", the timeline).
#include <gtest/gtest.h>

#include <algorithm>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "dossier/pipeline.h"
#include "dossier/time.h"

namespace dossier {
namespace {

const char kDoc[] =
    "<?xml version=\"1.0\" ?>\n<TimeML>\n<DOCID>X</DOCID>\n"
    "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1998-01-08\" functionInDocument=\"CREATION_TIME\">19980108</TIMEX3></DCT>\n"
    "<TEXT>\nAT&amp;T said on Friday &quot;profits&quot; rose 5%\r\nin the third quarter &#38; &#x41;fter "
    "that, it expects more next year.\n</TEXT>\n<TRAILER>x</TRAILER>\n</TimeML>\n";

// Removes the TIMEX3 tags WriteTe3Document added (tid above the input's).
std::string StripAdded(const std::string& s) {
  static const std::regex open("<TIMEX3 tid=\"t[1-9][0-9]*\" type=\"[A-Z]+\" value=\"[^\"]*\"( mod=\"[A-Z_]+\")?>");
  std::string r = std::regex_replace(s, open, "");
  // Every close tag in TEXT is ours (the DCT's closes before TEXT).
  size_t t = r.find("<TEXT>");
  std::string head = r.substr(0, t), body = r.substr(t);
  size_t p;
  while ((p = body.find("</TIMEX3>")) != std::string::npos) body.erase(p, 9);
  return head + body;
}

TEST(Te3, DecodesTheTextContent) {
  Te3Document doc;
  std::string error;
  ASSERT_TRUE(ParseTe3Document(kDoc, &doc, &error)) << error;
  EXPECT_EQ(doc.dct.Iso(), "1998-01-08");
  EXPECT_EQ(doc.text,
            "\nAT&T said on Friday \"profits\" rose 5%\nin the third quarter & After that, it expects more next year.\n");
  ASSERT_EQ(doc.raw_begin.size(), doc.text.size());
  // "&" of AT&T maps to the whole "&amp;".
  size_t amp = doc.text.find('&');
  EXPECT_EQ(doc.raw.substr(doc.raw_begin[amp], doc.raw_end[amp] - doc.raw_begin[amp]), "&amp;");
}

TEST(Te3, InsertsTagsAndKeepsEveryOtherByte) {
  Te3Document doc;
  std::string error;
  ASSERT_TRUE(ParseTe3Document(kDoc, &doc, &error)) << error;
  std::unique_ptr<TimeTagger> tagger = TimeTagger::Load(ResolveDataDir(""), "en", &error);
  ASSERT_TRUE(tagger) << error;
  std::vector<Timex> timexes;
  tagger->Tag(doc.text, TimeTagger::SplitText(doc.text), doc.dct, &timexes);
  ASSERT_GE(timexes.size(), 3u);
  std::string out = WriteTe3Document(doc, timexes);
  EXPECT_NE(out.find("<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1998-01-02\">Friday</TIMEX3>"), std::string::npos) << out;
  EXPECT_NE(out.find(">next year</TIMEX3>"), std::string::npos) << out;
  EXPECT_EQ(StripAdded(out), std::string(kDoc));
  // The output parses, with the same text content.
  Te3Document again;
  ASSERT_TRUE(ParseTe3Document(out, &again, &error)) << error;
  EXPECT_EQ(again.text, doc.text);
}

TEST(Te3, ReplacesExistingTimexTags) {
  std::string gold =
      "<TimeML><DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1998-01-08\">x</TIMEX3></DCT><TEXT>It fell "
      "<TIMEX3 tid=\"t7\" type=\"DATE\" value=\"1998-01-07\">yesterday</TIMEX3> and <EVENT eid=\"e1\">rose</EVENT> "
      "today.</TEXT></TimeML>";
  Te3Document doc;
  std::string error;
  ASSERT_TRUE(ParseTe3Document(gold, &doc, &error)) << error;
  EXPECT_EQ(doc.text, "It fell yesterday and rose today.");
  EXPECT_EQ(doc.max_tid, 7);
  Timex x;
  x.span = {8, 17};
  x.value = "1998-01-07";
  Timex crossing;  // "and rose": would cross the EVENT element, left out
  crossing.span = {18, 26};
  crossing.value = "bad";
  std::string out = WriteTe3Document(doc, {x, crossing});
  EXPECT_NE(out.find("<TIMEX3 tid=\"t8\" type=\"DATE\" value=\"1998-01-07\">yesterday</TIMEX3>"), std::string::npos) << out;
  EXPECT_EQ(out.find("tid=\"t7\""), std::string::npos);
  EXPECT_EQ(out.find("bad"), std::string::npos);
  EXPECT_NE(out.find("<EVENT eid=\"e1\">rose</EVENT>"), std::string::npos);
}

TEST(Te3, RefusesMalformedInput) {
  Te3Document doc;
  std::string error;
  EXPECT_FALSE(ParseTe3Document("", &doc, &error));
  EXPECT_FALSE(ParseTe3Document("just some text", &doc, &error));
  EXPECT_FALSE(ParseTe3Document("<TimeML><TEXT>abc</TimeML>", &doc, &error));
  EXPECT_FALSE(ParseTe3Document("<TimeML><TEXT>a <b </TEXT></TimeML>", &doc, &error));
  EXPECT_FALSE(ParseTe3Document("<TimeML><TEXT>a &bogus; b</TEXT></TimeML>", &doc, &error));
  EXPECT_FALSE(ParseTe3Document("<TimeML><TEXT>a <X>b</TEXT></X></TimeML>", &doc, &error));
  EXPECT_FALSE(error.empty());
  EXPECT_EQ(error.find('\n'), std::string::npos);
  EXPECT_FALSE(ParseTe3Document(std::string("<TimeML><TEXT>a\0b</TEXT></TimeML>", 33), &doc, &error));
  // No DCT is allowed: the creation time is unknown.
  ASSERT_TRUE(ParseTe3Document("<TimeML><TEXT>on Friday</TEXT></TimeML>", &doc, &error)) << error;
  EXPECT_FALSE(doc.dct.known);
}

TEST(Te3, EveryTimeBankInputRoundTrips) {
  std::filesystem::path dir = std::filesystem::path(DOSSIER_SHARED_DIR) / "data" / "nlp" / "time" / "timebank";
  if (!std::filesystem::exists(dir)) GTEST_SKIP() << "no shared data";
  std::string error;
  std::unique_ptr<TimeTagger> tagger = TimeTagger::Load(ResolveDataDir(""), "en", &error);
  ASSERT_TRUE(tagger) << error;
  int files = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().extension() != ".tml") continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    Te3Document doc;
    ASSERT_TRUE(ParseTe3Document(ss.str(), &doc, &error)) << e.path() << ": " << error;
    std::vector<Timex> timexes;
    tagger->Tag(doc.text, TimeTagger::SplitText(doc.text), doc.dct, &timexes);
    Te3Document out;
    ASSERT_TRUE(ParseTe3Document(WriteTe3Document(doc, timexes), &out, &error)) << e.path() << ": " << error;
    EXPECT_EQ(out.text, doc.text) << e.path();
    ++files;
  }
  EXPECT_GT(files, 100);
}

// The stage on a Document from the pipeline.
std::unique_ptr<Analyzer> MakeAnalyzer() {
  std::string error;
  auto a = Analyzer::Create({}, &error);
  EXPECT_TRUE(a) << error;
  return a;
}

TEST(TimeStage, PublishedDateAndTheTextsOwnToday) {
  static std::unique_ptr<Analyzer> analyzer = MakeAnalyzer();
  ASSERT_TRUE(analyzer);
  std::string text =
      "The committee is looking into his finances. Andrew was given until today, 20 November, to respond.\n"
      "The letter was sent on Wednesday, and the vote will be next week.\n";
  Document doc;
  std::string error;
  HtmlInput hints;
  hints.published = "2025-12-01";
  ASSERT_TRUE(analyzer->Analyze(text, "t.txt", &doc, &error, hints)) << error;
  EXPECT_EQ(doc.time_reference.value, "2025-12-01");
  EXPECT_EQ(doc.time_reference.evidence, "published");
  ASSERT_FALSE(doc.time_reference.stories.empty());
  // The story says what today is: its expressions resolve against 20 November.
  EXPECT_EQ(doc.time_reference.stories[0], "2025-11-20");
  bool wednesday = false;
  for (const Timex& x : doc.timexes) {
    if (doc.Text(x.span) == "Wednesday") {
      wednesday = true;
      EXPECT_EQ(x.value, "2025-11-19");
    }
    if (doc.Text(x.span) == "today") {
      EXPECT_EQ(x.value, "2025-11-20");
    }
    // Offsets are input bytes.
    EXPECT_EQ(text.substr(doc.SourceBegin(x.span), doc.SourceEnd(x.span) - doc.SourceBegin(x.span)), doc.Text(x.span));
  }
  EXPECT_TRUE(wednesday);
  std::vector<TimelineEvent> tl = BuildTimeline(doc);
  ASSERT_GE(tl.size(), 3u);
  for (size_t i = 1; i < tl.size(); ++i) EXPECT_LE(tl[i - 1].sort_key, tl[i].sort_key);
  // Every entity an event lists is mentioned inside the event's sentence.
  for (const auto& e : tl) {
    ASSERT_EQ(e.entities.size(), e.entity_ids.size());
    const Span s = doc.sentences[e.sentence].span;
    for (uint32_t id : e.entity_ids) {
      const Entity& ent = doc.entities[id];
      EXPECT_TRUE(std::any_of(ent.mentions.begin(), ent.mentions.end(),
                              [&](const LinkedMention& m) { return s.begin <= m.span.begin && m.span.end <= s.end; }));
    }
  }
}

TEST(Timeline, EventsListTheEntitiesOfTheirSentenceOnce) {
  Document doc;
  doc.text = "In December 1994, Ukraine signed it with Russia and Ukraine. Russia broke it in 2014.";
  const uint32_t second = static_cast<uint32_t>(doc.text.find("Russia broke"));
  Block b;
  b.span = {0, static_cast<uint32_t>(doc.text.size())};
  b.story = 0;
  doc.blocks.push_back(b);
  Sentence s1, s2;
  s1.span = {0, second - 1};
  s2.span = {second, static_cast<uint32_t>(doc.text.size())};
  doc.sentences = {s1, s2};
  auto at = [&](const std::string& what, size_t from = 0) {
    const uint32_t p = static_cast<uint32_t>(doc.text.find(what, from));
    return Span{p, p + static_cast<uint32_t>(what.size())};
  };
  Timex t1, t2;
  t1.span = at("December 1994");
  t1.value = "1994-12";
  t1.sentence = 0;
  t2.span = at("2014");
  t2.value = "2014";
  t2.sentence = 1;
  doc.timexes = {t1, t2};
  Entity russia, ukraine;
  ukraine.id = 0;
  ukraine.name = "Ukraine";
  ukraine.mentions = {{at("Ukraine"), -1}, {at("Ukraine", 30), -1}};
  russia.id = 1;
  russia.name = "Russia";
  russia.mentions = {{at("Russia"), -1}, {at("Russia broke"), -1}};
  russia.mentions[1].span.end = russia.mentions[1].span.begin + 6;
  doc.entities = {ukraine, russia};
  const std::vector<TimelineEvent> tl = BuildTimeline(doc);
  ASSERT_EQ(tl.size(), 2u);
  EXPECT_EQ(tl[0].date, "1994-12");
  EXPECT_EQ(tl[0].entities, (std::vector<std::string>{"Ukraine", "Russia"}));
  EXPECT_EQ(tl[0].entity_ids, (std::vector<uint32_t>{0, 1}));
  EXPECT_EQ(tl[1].entities, (std::vector<std::string>{"Russia"}));
}

TEST(TimeStage, NoDateKnown) {
  static std::unique_ptr<Analyzer> analyzer = MakeAnalyzer();
  ASSERT_TRUE(analyzer);
  Document doc;
  std::string error;
  ASSERT_TRUE(analyzer->Analyze("The minister resigned after a long row with his party over the budget.\n"
                                "He met her on Friday and left the country in December 1994, officials said.\n",
                                "t.txt", &doc, &error))
      << error;
  EXPECT_TRUE(doc.time_reference.value.empty());
  ASSERT_EQ(doc.timexes.size(), 2u);
  EXPECT_EQ(doc.timexes[0].value, "XXXX-WXX-5");
  EXPECT_EQ(doc.timexes[1].value, "1994-12");
  std::vector<TimelineEvent> tl = BuildTimeline(doc);
  ASSERT_EQ(tl.size(), 1u);  // only the calendar date is on the timeline
  EXPECT_EQ(tl[0].date, "1994-12");
}

}  // namespace
}  // namespace dossier
