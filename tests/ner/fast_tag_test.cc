// The tagging fast path (word-only features summed once per distinct word, both stages' 16-bit
// rows in one table, exact integer scores) against what it replaces: the same feature set, and the
// same labels as the plain per-feature float path, with one workspace reused across documents and
// across models.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "ner/conll_io.h"
#include "ner/features.h"
#include "ner/gazetteer.h"
#include "ner/ner_model.h"
#include "ner/tags.h"
#include "ner/word_clusters.h"

namespace dossier::ner {
namespace {

NerDoc Doc(const std::vector<std::string_view>& words, std::vector<uint32_t> starts = {0}) {
  NerDoc d;
  d.words = words;
  d.sentence_starts = std::move(starts);
  return d;
}

Gazetteers Cities() {
  Gazetteers g;
  g.AddList("loc.cities", {"Paris", "London", "Berlin", "Madrid", "New York"});
  return g;
}

WordClusters SomeClusters() {
  WordClusters c;
  c.Add("paris", "0110");
  c.Add("london", "0111");
  c.Add("john", "1010110011");
  c.Add("visited", "001");
  return c;
}

TEST(NerFastTag, SplitFeaturesPlusWordFeaturesAreTheFullSet) {
  const Gazetteers g = Cities();
  const WordClusters c = SomeClusters();
  FeatureExtractor full(&g, &c, kFeatAll), split(&g, &c, kFeatAll);
  const NerDoc d = Doc({"John", "Smith", "visited", "New", "York", "and", "PARIS", ".", "John", "left", "London"},
                       {0, 8});
  DocFeatures a, b;
  full.Extract(d, &a);
  split.Extract(d, &b, /*split=*/true);
  ASSERT_EQ(a.offsets.size(), d.words.size() + 1);
  ASSERT_EQ(b.offsets.size(), d.words.size() + 1);
  std::vector<uint32_t> word;
  for (size_t t = 0; t < d.words.size(); ++t) {
    std::vector<uint32_t> x(a.ids.begin() + a.offsets[t], a.ids.begin() + a.offsets[t + 1]);
    std::vector<uint32_t> y(b.ids.begin() + b.offsets[t], b.ids.begin() + b.offsets[t + 1]);
    split.WordFeatures(split.token_types()[t], &word);
    EXPECT_GE(word.size(), 5u);  // bias, forms, shape, length at least
    y.insert(y.end(), word.begin(), word.end());
    std::sort(x.begin(), x.end());
    std::sort(y.begin(), y.end());
    EXPECT_EQ(x, y) << "token " << t;
  }
  // One type per distinct written form, kept across documents.
  EXPECT_EQ(split.token_types()[0], split.token_types()[8]);  // John
  EXPECT_NE(split.token_types()[6], split.token_types()[0]);
  const uint32_t london = split.token_types()[10];
  split.Extract(Doc({"London", "john"}), &b, true);
  EXPECT_EQ(split.token_types()[0], london);
  EXPECT_NE(split.token_types()[1], split.token_types()[0]);
}

std::string TrainingData() {
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

NerModel Train(uint32_t seed, bool two_stage) {
  ConllFile f = ParseConll(TrainingData());
  NerModel m;
  m.SetResources(Cities(), SomeClusters());
  TrainOptions o;
  o.seed = seed;
  o.epochs = 5;
  o.bits = 16;
  o.folds = 2;
  o.two_stage = two_stage;
  m.Train(f.docs, o);
  return m;
}

TEST(NerFastTag, SameLabelsAsReferenceAcrossDocumentsAndModels) {
  const NerModel a = Train(1, true), b = Train(3, true), one = Train(1, false);
  const std::vector<NerDoc> docs = {
      Doc({"Mary", "Jones", "visited", "Berlin", "."}),
      Doc({"John", "Smith", "met", "IBM", "in", "Paris", ".", "Smith", "said", "Reuters", "was", "in", "Madrid"},
          {0, 7}),
      Doc({"THE", "GERMAN", "TEAM", "BEAT", "IBM", "Jones", "went", "to", "New", "York", "."}),
      Doc({"Smith", "visited", "Madrid", ".", "Madrid", "is", "in", "Spain", "."}, {0, 4}),
  };
  NerModel::Workspace ws;  // shared by all models and documents, in turn
  int entities = 0;
  for (int round = 0; round < 2; ++round) {
    for (const NerModel* m : {&a, &b, &one, &a}) {
      for (const NerDoc& d : docs) {
        std::vector<int> fast, reference;
        m->Tag(d, &fast, &ws);
        m->TagReference(d, &reference);
        EXPECT_EQ(fast, reference);
        for (int l : fast) entities += l != 0;
      }
    }
  }
  EXPECT_GT(entities, 50);  // the comparison is over real entity labels, not all O
  // The known answer, so both paths cannot be wrong together.
  std::vector<int> labels;
  a.Tag(docs[0], &labels, &ws);
  std::vector<std::string_view> tags;
  for (int l : labels) tags.push_back(Iob2Tag(l));
  EXPECT_EQ(tags, (std::vector<std::string_view>{"B-PER", "I-PER", "O", "B-LOC", "O"}));
}

}  // namespace
}  // namespace dossier::ner
