// `dossier analyze` JSON read back into the stored form gives the same document as storing the
// analysis directly: the two ways into `dossier index` store identical rows.
#include <gtest/gtest.h>

#include "dossier/corpus_store.h"
#include "dossier/output.h"
#include "dossier/pipeline.h"

namespace dossier {
namespace {

const Analyzer& SharedAnalyzer() {
  static std::unique_ptr<Analyzer> a = [] {
    std::string error;
    auto x = Analyzer::Create(AnalyzerOptions(), &error);
    EXPECT_NE(x, nullptr) << error;
    return x;
  }();
  return *a;
}

void ExpectSame(const CorpusDocument& a, const CorpusDocument& b) {
  EXPECT_EQ(a.path, b.path);
  EXPECT_EQ(a.format, b.format);
  EXPECT_EQ(a.size_bytes, b.size_bytes);
  EXPECT_EQ(a.encoding, b.encoding);
  EXPECT_EQ(a.title, b.title);
  EXPECT_EQ(a.site, b.site);
  EXPECT_EQ(a.url, b.url);
  EXPECT_EQ(a.published, b.published);
  EXPECT_EQ(a.language, b.language);
  EXPECT_EQ(a.bylines, b.bylines);
  EXPECT_EQ(a.time_reference, b.time_reference);
  EXPECT_EQ(a.text, b.text);
  ASSERT_EQ(a.blocks.size(), b.blocks.size());
  for (size_t i = 0; i < a.blocks.size(); ++i) {
    const auto &x = a.blocks[i], &y = b.blocks[i];
    EXPECT_EQ(std::tie(x.kind, x.story, x.line, x.begin, x.end, x.source_begin, x.source_end),
              std::tie(y.kind, y.story, y.line, y.begin, y.end, y.source_begin, y.source_end)) << i;
  }
  ASSERT_EQ(a.stories.size(), b.stories.size());
  for (size_t i = 0; i < a.stories.size(); ++i) {
    const auto &x = a.stories[i], &y = b.stories[i];
    EXPECT_EQ(std::tie(x.title, x.title_block, x.first_block, x.last_block, x.source_begin, x.source_end),
              std::tie(y.title, y.title_block, y.first_block, y.last_block, y.source_begin, y.source_end));
  }
  ASSERT_EQ(a.entities.size(), b.entities.size());
  for (size_t i = 0; i < a.entities.size(); ++i) {
    EXPECT_EQ(a.entities[i].name, b.entities[i].name);
    EXPECT_EQ(a.entities[i].type, b.entities[i].type);
  }
  ASSERT_EQ(a.mentions.size(), b.mentions.size());
  for (size_t i = 0; i < a.mentions.size(); ++i) {
    const auto &x = a.mentions[i], &y = b.mentions[i];
    EXPECT_EQ(std::tie(x.entity, x.begin, x.end, x.source_begin, x.source_end, x.description),
              std::tie(y.entity, y.begin, y.end, y.source_begin, y.source_end, y.description));
  }
  ASSERT_EQ(a.quotes.size(), b.quotes.size());
  for (size_t i = 0; i < a.quotes.size(); ++i) {
    const auto &x = a.quotes[i], &y = b.quotes[i];
    EXPECT_EQ(std::tie(x.type, x.text, x.source_begin, x.source_end, x.has_speaker, x.speaker_text, x.speaker_name,
                       x.speaker_entity, x.speaker_source_begin, x.speaker_source_end, x.cue, x.cue_begin, x.cue_end),
              std::tie(y.type, y.text, y.source_begin, y.source_end, y.has_speaker, y.speaker_text, y.speaker_name,
                       y.speaker_entity, y.speaker_source_begin, y.speaker_source_end, y.cue, y.cue_begin, y.cue_end));
  }
  ASSERT_EQ(a.timexes.size(), b.timexes.size());
  for (size_t i = 0; i < a.timexes.size(); ++i) {
    const auto &x = a.timexes[i], &y = b.timexes[i];
    EXPECT_EQ(std::tie(x.type, x.text, x.value, x.mod, x.source_begin, x.source_end),
              std::tie(y.type, y.text, y.value, y.mod, y.source_begin, y.source_end));
  }
  ASSERT_EQ(a.amounts.size(), b.amounts.size());
  for (size_t i = 0; i < a.amounts.size(); ++i) {
    const auto &x = a.amounts[i], &y = b.amounts[i];
    EXPECT_EQ(std::tie(x.kind, x.text, x.unit, x.modifier, x.has_high, x.approximate, x.source_begin, x.source_end),
              std::tie(y.kind, y.text, y.unit, y.modifier, y.has_high, y.approximate, y.source_begin, y.source_end));
    EXPECT_NEAR(x.value, y.value, 1e-6 * (1 + std::abs(x.value)));
  }
}

void RoundTrip(const std::string& input, const std::string& path) {
  Document doc;
  std::string error;
  ASSERT_TRUE(SharedAnalyzer().Analyze(input, path, &doc, &error)) << error;
  const CorpusDocument direct = ToCorpusDocument(doc);
  std::string json;
  WriteDocumentJson(doc, JsonOptions(), &json);
  ASSERT_TRUE(LooksLikeAnalysisJsonLines(json));
  CorpusDocument parsed;
  ASSERT_TRUE(ParseAnalysisJson(json, &parsed, &error)) << error;
  EXPECT_EQ(parsed.content_hash, ContentHash(json));
  ExpectSame(direct, parsed);
  // The linker sees the same summaries either way.
  const auto s1 = SummariseEntities(doc), s2 = SummariseEntities(parsed);
  ASSERT_EQ(s1.size(), s2.size());
  for (size_t i = 0; i < s1.size(); ++i) {
    EXPECT_EQ(s1[i].name, s2[i].name);
    ASSERT_EQ(s1[i].surfaces.size(), s2[i].surfaces.size());
    for (size_t k = 0; k < s1[i].surfaces.size(); ++k) {
      EXPECT_EQ(s1[i].surfaces[k].text, s2[i].surfaces[k].text);
      EXPECT_EQ(s1[i].surfaces[k].mentions, s2[i].surfaces[k].mentions);
    }
  }
}

TEST(AnalysisJson, CrudeTextRoundTrips) {
  RoundTrip(
      "Starmer and Macron agree on Channel plan\n"
      "Prime Minister Keir Starmer met Emmanuel Macron in Paris on Monday, 17 November.\n"
      "\"We will stop the boats,\" Sir Keir said, adding that the deal would cost about £500m.\n"
      "Mr Macron told reporters the talks had been \"frank\". The French president leaves for Berlin tomorrow.\n"
      "Picture: Reuters\n",
      "news/starmer.txt");
}

TEST(AnalysisJson, HtmlRoundTrips) {
  RoundTrip(
      "<!doctype html><html lang=\"en-GB\"><head><title>Rain warning | Example News</title>"
      "<meta property=\"og:site_name\" content=\"Example News\">"
      "<meta property=\"article:published_time\" content=\"2025-11-20T08:00:00Z\"></head><body>"
      "<article><h1>Rain warning for London</h1><p class=\"byline\">By Jane Doe</p>"
      "<p>The Met Office said heavy rain would hit London and Kent on Saturday, with up to 50mm expected.</p>"
      "<p>\"People should prepare,\" said forecaster Alex Burkill. About 2,000 homes lost power last year.</p>"
      "</article></body></html>",
      "pages/rain.html");
}

TEST(AnalysisJson, WhatIsNotAnAnalysisIsRefused) {
  CorpusDocument c;
  std::string error;
  EXPECT_FALSE(ParseAnalysisJson("{\"path\":\"x\"}", &c, &error));
  EXPECT_FALSE(ParseAnalysisJson("not json", &c, &error));
  EXPECT_FALSE(ParseAnalysisJson(
      "{\"schema_version\":\"1.0\",\"source\":{\"path\":\"a\"},\"blocks\":[{\"kind\":\"body\",\"text\":\"abc\","
      "\"begin\":0,\"end\":5}]}",
      &c, &error));
  EXPECT_EQ(error, "block offsets do not match their text");
  EXPECT_FALSE(LooksLikeAnalysisJsonLines("Plain text\n{\"schema_version\":1,\"blocks\":[]}"));
  EXPECT_FALSE(LooksLikeAnalysisJsonLines("<html>"));
  EXPECT_TRUE(LooksLikeAnalysisJsonLines("\n{\"schema_version\":\"1.0\",\"source\":{},\"blocks\":[]}\n"));
}

TEST(ContentHash, DiffersOnAnyChangeAndIsStable) {
  EXPECT_EQ(ContentHash("abc"), ContentHash("abc"));
  EXPECT_EQ(ContentHash("").size(), 32u);
  EXPECT_NE(ContentHash("abc"), ContentHash("abd"));
  EXPECT_NE(ContentHash("abcdefgh12345678"), ContentHash("abcdefgh12345679"));
  EXPECT_NE(ContentHash(std::string(8, '\0')), ContentHash(std::string(9, '\0')));
}

}  // namespace
}  // namespace dossier
