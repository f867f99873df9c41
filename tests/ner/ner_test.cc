// Tests of the entity tagger: tag conversions, the CoNLL reader/writer, gazetteer matching,
// training on a few hand-written sentences (exact tags, save/load round trip, determinism),
// hostile input, and the Document-level API (possessive 's outside the mention).
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "dossier/entities.h"
#include "ner/conll_io.h"
#include "ner/evaluate.h"
#include "ner/gazetteer.h"
#include "ner/ner_model.h"
#include "ner/tags.h"
#include "ner/word_shape.h"

namespace dossier::ner {
namespace {

std::string TempPath(const std::string& name) {
  return (testing::TempDir().empty() ? std::string("/tmp/") : testing::TempDir()) + "dossier_ner_" + name;
}

std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(NerTags, BilouFromIob2AndIob1) {
  std::vector<std::string_view> iob2 = {"B-PER", "I-PER", "O", "B-LOC", "B-LOC", "I-ORG", "I-ORG", "I-ORG"};
  std::vector<int> l = BilouFromTags(iob2);
  EXPECT_EQ(l[0], MakeLabel(0, kBegin));
  EXPECT_EQ(l[1], MakeLabel(0, kLast));
  EXPECT_EQ(l[2], 0);
  EXPECT_EQ(l[3], MakeLabel(1, kUnit));
  EXPECT_EQ(l[4], MakeLabel(1, kUnit));
  EXPECT_EQ(l[5], MakeLabel(2, kBegin));
  EXPECT_EQ(l[6], MakeLabel(2, kInside));
  EXPECT_EQ(l[7], MakeLabel(2, kLast));
  std::vector<std::string_view> back;
  for (int x : l) back.push_back(Iob2Tag(x));
  EXPECT_EQ(back, (std::vector<std::string_view>{"B-PER", "I-PER", "O", "B-LOC", "B-LOC", "B-ORG", "I-ORG", "I-ORG"}));
  auto phrases = PhrasesFromLabels(l.data(), l.size());
  ASSERT_EQ(phrases.size(), 4u);
  EXPECT_EQ(phrases[3].first, 5u);
  EXPECT_EQ(phrases[3].last, 7u);
}

TEST(NerTags, TransitionsAreBilou) {
  EXPECT_TRUE(AllowedTransition(-1, 0));
  EXPECT_TRUE(AllowedTransition(-1, MakeLabel(2, kBegin)));
  EXPECT_FALSE(AllowedTransition(-1, MakeLabel(2, kInside)));
  EXPECT_TRUE(AllowedTransition(MakeLabel(2, kBegin), MakeLabel(2, kLast)));
  EXPECT_FALSE(AllowedTransition(MakeLabel(2, kBegin), MakeLabel(1, kLast)));
  EXPECT_FALSE(AllowedTransition(MakeLabel(2, kBegin), 0));
  EXPECT_FALSE(AllowedTransition(MakeLabel(2, kInside), -1));
  EXPECT_TRUE(AllowedTransition(MakeLabel(2, kUnit), -1));
}

TEST(NerShape, ShapesAndCase) {
  std::string s;
  ShapeInto("Xerxes", &s);
  EXPECT_EQ(s, "Xx");
  ShapeInto("U.S.", &s);
  EXPECT_EQ(s, "X.X.");
  ShapeInto("1996-08-30", &s);
  EXPECT_EQ(s, "d-d-d");
  EXPECT_EQ(ClassifyCase("NATO"), kCapAll);
  EXPECT_EQ(ClassifyCase("McDonald"), kCapMixed);
  EXPECT_EQ(ClassifyCase("Ćosić"), kCapLower);  // non-ASCII letters count as lower case
  EXPECT_EQ(ClassifyCase("Zürich"), kCapInitial);
  EXPECT_EQ(ClassifyCase("1,000"), kCapNone);
}

TEST(NerConll, ReadWriteRoundTripKeepsBlankAndDocstartLines) {
  const std::string text =
      "-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\n\nPeter NNP B-NP B-PER\n"
      "\n-DOCSTART- -X- -X- O\n\nBonn NNP B-NP B-LOC\n";
  ConllFile f = ParseConll(text);
  ASSERT_EQ(f.docs.size(), 2u);
  EXPECT_EQ(f.docs[0].words.size(), 3u);
  EXPECT_EQ(f.docs[0].sentences(), 2u);
  EXPECT_EQ(f.docs[1].words[0], "Bonn");
  EXPECT_TRUE(f.has_gold);
  EXPECT_EQ(f.docs[0].gold[0], MakeLabel(2, kUnit));
  std::ostringstream out;
  WriteConll(f, {"B-ORG", "O", "B-PER", "B-LOC"}, out);
  EXPECT_EQ(out.str(),
            "-DOCSTART- -X- -X- O O\n\nEU NNP B-NP B-ORG B-ORG\nrejects VBZ B-VP O O\n\nPeter NNP B-NP B-PER B-PER\n"
            "\n-DOCSTART- -X- -X- O O\n\nBonn NNP B-NP B-LOC B-LOC\n");
}

TEST(NerConll, TokenOnlyLinesCrlfAndEmpty) {
  ConllFile f = ParseConll("Paris\r\nis\r\n\r\n");
  EXPECT_FALSE(f.has_gold);
  ASSERT_EQ(f.docs.size(), 1u);
  EXPECT_EQ(f.docs[0].words[0], "Paris");
  std::ostringstream out;
  WriteConll(f, {"B-LOC", "O"}, out);
  EXPECT_EQ(out.str(), "Paris B-LOC\nis O\n\n");
  ConllFile empty = ParseConll("");
  EXPECT_TRUE(empty.docs.empty());
  std::ostringstream out2;
  WriteConll(empty, {}, out2);
  EXPECT_EQ(out2.str(), "");
}

TEST(NerGazetteer, LongestMatchPerList) {
  Gazetteers g;
  g.AddList("loc", {"New York", "New York City", "York"});
  g.AddList("per", {"John"});
  std::vector<std::string> words = {"John", "left", "new", "YORK", "city", "for", "York"};
  std::vector<uint64_t> h;
  std::string lower;
  for (auto& w : words) {
    LowerInto(w, &lower);
    h.push_back(Hash64(lower));
  }
  std::vector<std::vector<uint16_t>> out;
  g.Match(h.data(), h.size(), &out);
  EXPECT_EQ(out[0], (std::vector<uint16_t>{1 * 4 + kUnit}));
  EXPECT_TRUE(out[1].empty());
  EXPECT_EQ(out[2], (std::vector<uint16_t>{0 * 4 + kBegin}));
  EXPECT_EQ(out[3], (std::vector<uint16_t>{0 * 4 + kInside}));
  EXPECT_EQ(out[4], (std::vector<uint16_t>{0 * 4 + kLast}));
  EXPECT_EQ(out[6], (std::vector<uint16_t>{0 * 4 + kUnit}));
}

// A tiny training set: a handful of sentences, repeated in a few documents.
std::string TinyTrainingData() {
  const char* doc =
      "-DOCSTART- -X- -X- O\n\n"
      "John B-PER\nSmith I-PER\nvisited O\nParis B-LOC\nwith O\nIBM B-ORG\n. O\n\n"
      "Mary B-PER\nJones I-PER\nmet O\nJohn B-PER\nin O\nLondon B-LOC\n. O\n\n"
      "The O\nGerman B-MISC\nteam O\nbeat O\nReuters B-ORG\nin O\nBerlin B-LOC\n. O\n\n"
      "Smith B-PER\nsaid O\nIBM B-ORG\nwas O\nin O\nLondon B-LOC\n. O\n\n";
  std::string out;
  for (int i = 0; i < 4; ++i) out += doc;
  return out;
}

NerModel TrainTiny(uint32_t seed) {
  ConllFile f = ParseConll(TinyTrainingData());
  NerModel m;
  Gazetteers g;
  g.AddList("loc.cities", {"Paris", "London", "Berlin", "Madrid"});
  m.SetResources(std::move(g), WordClusters());
  TrainOptions o;
  o.seed = seed;
  o.epochs = 5;
  o.bits = 16;
  o.folds = 2;
  m.Train(f.docs, o);
  return m;
}

std::vector<std::string_view> TagWordsWith(const NerModel& m, const std::vector<std::string_view>& words) {
  NerDoc d;
  d.words = words;
  d.sentence_starts = {0};
  std::vector<int> labels;
  m.Tag(d, &labels);
  std::vector<std::string_view> out;
  for (int l : labels) out.push_back(Iob2Tag(l));
  return out;
}

TEST(NerModelTest, TinyTrainingTagsExactly) {
  NerModel m = TrainTiny(1);
  EXPECT_EQ(TagWordsWith(m, {"Mary", "Jones", "visited", "Berlin", "."}),
            (std::vector<std::string_view>{"B-PER", "I-PER", "O", "B-LOC", "O"}));
  EXPECT_EQ(TagWordsWith(m, {"John", "Smith", "met", "IBM", "in", "Paris", "."}),
            (std::vector<std::string_view>{"B-PER", "I-PER", "O", "B-ORG", "O", "B-LOC", "O"}));
  // A city the training data never had, known from the gazetteer.
  EXPECT_EQ(TagWordsWith(m, {"Smith", "visited", "Madrid", "."})[2], "B-LOC");
}

TEST(NerModelTest, SaveLoadRoundTripAndDeterminism) {
  NerModel a = TrainTiny(7), b = TrainTiny(7);
  const std::string pa = TempPath("a.model"), pb = TempPath("b.model");
  std::string error;
  ASSERT_TRUE(a.Save(pa, &error)) << error;
  ASSERT_TRUE(b.Save(pb, &error)) << error;
  const std::string bytes = ReadBytes(pa);
  EXPECT_EQ(bytes, ReadBytes(pb));  // same seed, same bytes
  EXPECT_EQ(bytes.substr(0, 4), "DSLM");
  NerModel loaded;
  Gazetteers g;
  g.AddList("loc.cities", {"Paris", "London", "Berlin", "Madrid"});
  loaded.SetResources(std::move(g), WordClusters());
  ASSERT_TRUE(loaded.Load(pa, &error)) << error;
  EXPECT_EQ(loaded.fingerprint(), a.fingerprint());
  EXPECT_EQ(loaded.settings(), a.settings());
  // The loaded model tags exactly as the trained one, and saves to the same bytes.
  ConllFile f = ParseConll(TinyTrainingData());
  for (const NerDoc& d : f.docs) {
    std::vector<int> x, y;
    a.Tag(d, &x);
    loaded.Tag(d, &y);
    EXPECT_EQ(x, y);
  }
  const std::string pc = TempPath("c.model");
  ASSERT_TRUE(loaded.Save(pc, &error));
  EXPECT_EQ(ReadBytes(pc), bytes);
  // Other gazetteers than the model was trained with: refused.
  NerModel other;
  EXPECT_FALSE(other.Load(pa, &error));
  EXPECT_NE(error.find("gazetteer"), std::string::npos);
  // Not a model / truncated.
  {
    std::ofstream bad(pc, std::ios::binary);
    bad << bytes.substr(0, bytes.size() / 2);
  }
  NerModel trunc;
  Gazetteers g2;
  g2.AddList("loc.cities", {"Paris", "London", "Berlin", "Madrid"});
  trunc.SetResources(std::move(g2), WordClusters());
  EXPECT_FALSE(trunc.Load(pc, &error));
  std::remove(pa.c_str());
  std::remove(pb.c_str());
  std::remove(pc.c_str());
}

TEST(NerModelTest, HostileInput) {
  NerModel m = TrainTiny(1);
  // Empty document, empty sentences.
  NerDoc empty;
  std::vector<int> labels;
  m.Tag(empty, &labels);
  EXPECT_TRUE(labels.empty());
  NerDoc holes;
  holes.words = {"Paris"};
  holes.sentence_starts = {0, 0, 1};  // an empty sentence before, one after
  m.Tag(holes, &labels);
  ASSERT_EQ(labels.size(), 1u);
  // A very long sentence and non-ASCII, control and odd bytes.
  NerDoc big;
  std::vector<std::string> storage;
  for (int i = 0; i < 20000; ++i) storage.push_back(i % 7 == 0 ? "Zürich" : i % 5 == 0 ? "\xff\xfe" : "x");
  storage.push_back(std::string(100000, 'A'));
  storage.push_back("");
  for (const auto& s : storage) big.words.push_back(s);
  big.sentence_starts = {0};
  m.Tag(big, &labels);
  ASSERT_EQ(labels.size(), big.words.size());
  for (int l : labels) EXPECT_TRUE(l >= 0 && l < kLabels);
  // Well-formed BILOU everywhere.
  for (size_t i = 0; i <= labels.size(); ++i)
    EXPECT_TRUE(AllowedTransition(i ? labels[i - 1] : -1, i < labels.size() ? labels[i] : -1));
}

TEST(NerEvaluate, PerTypeCounts) {
  ConllFile f = ParseConll("A B-PER\nB I-PER\nc O\nD B-LOC\n");
  std::vector<int> pred = {MakeLabel(0, kUnit), MakeLabel(0, kUnit), 0, MakeLabel(1, kUnit)};
  NerScores s;
  s.Add(f.docs[0], pred);
  EXPECT_EQ(s.gold[0], 1);
  EXPECT_EQ(s.predicted[0], 2);
  EXPECT_EQ(s.correct[0], 0);
  EXPECT_EQ(s.correct[1], 1);
  EXPECT_NEAR(s.F1(), 40.0, 1e-9);  // P 1/3, R 1/2
}

}  // namespace
}  // namespace dossier::ner
