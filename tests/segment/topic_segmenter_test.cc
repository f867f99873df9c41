// The trained topic segmenter (`dossier segment`): the semi-Markov lattice against brute force, the
// Choi-format reader, boundary features, training determinism, the model file round trip, and the
// shipped model on small hand-made documents.
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "dossier/segment.h"
#include "segment/boundary_features.h"
#include "segment/choi_format.h"
#include "segment/segment_lattice.h"
#include "segment/topic_segmenter.h"

namespace dossier::segment_internal {
namespace {

std::string ShippedModel() {
  return std::filesystem::path(DOSSIER_SAMPLES_DIR).parent_path().string() + "/models/segment.model";
}

// Every segmentation of n units (as 0-based starts) with segments of at most max_len units.
void Enumerate(size_t n, size_t max_len, const std::function<void(const std::vector<uint32_t>&)>& fn) {
  std::vector<uint32_t> starts;
  std::function<void(size_t)> rec = [&](size_t s) {
    if (s == n) return fn(starts);
    starts.push_back(static_cast<uint32_t>(s));
    for (size_t len = 1; len <= max_len && s + len <= n; ++len) rec(s + len);
    starts.pop_back();
  };
  rec(0);
}

double PathScore(const SegmentLattice& l, const std::vector<uint32_t>& starts) {
  double v = 0;
  for (size_t j = 0; j < starts.size(); ++j) {
    const size_t end = j + 1 < starts.size() ? starts[j + 1] : l.units();
    v += l.at(starts[j], end - starts[j]);
  }
  return v;
}

TEST(SegmentLattice, ViterbiAndMarginalsMatchBruteForce) {
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> score(-3, 1);
  for (size_t n : {1, 2, 5, 9}) {
    for (size_t max_len : {1, 3, 20}) {
      SegmentLattice l(n, max_len);
      for (size_t s = 0; s < n; ++s)
        for (size_t len = 1; len <= l.MaxLenAt(s); ++len) l.at(s, len) = score(rng);
      double best = -1e300, z = 0;
      std::vector<uint32_t> argmax;
      std::vector<double> mass(n, 0.0);
      Enumerate(n, max_len, [&](const std::vector<uint32_t>& starts) {
        const double v = PathScore(l, starts);
        if (v > best) best = v, argmax = starts;
        z += std::exp(v);
        for (uint32_t s : starts) mass[s] += std::exp(v);
      });
      EXPECT_EQ(BestSegmentation(l), argmax) << "n=" << n << " max_len=" << max_len;
      const std::vector<double> p = StartMarginals(l);
      ASSERT_EQ(p.size(), n);
      for (size_t i = 0; i < n; ++i) EXPECT_NEAR(p[i], mass[i] / z, 1e-9) << "n=" << n << " i=" << i;
    }
  }
}

TEST(SegmentLattice, EmptyLattice) {
  SegmentLattice l(0, 10);
  EXPECT_TRUE(BestSegmentation(l).empty());
  EXPECT_TRUE(StartMarginals(l).empty());
}

TEST(ChoiFormat, SeparatorsAndBlankLinesAreNotUnits) {
  const std::string text = "==========\nA one.\r\nA two.\n==========\n\n  \nB one.\n==========  \nC one.\nC two.\n==========\n";
  const ChoiDocument d = ParseChoi(text);
  EXPECT_EQ(d.units, (std::vector<std::string_view>{"A one.", "A two.", "B one.", "C one.", "C two."}));
  EXPECT_EQ(d.starts, (std::vector<uint32_t>{0, 2, 3}));
}

TEST(ChoiFormat, PlainTextIsOneSegmentAndEmptyTextHasNone) {
  const ChoiDocument d = ParseChoi("one\ntwo\nthree");
  EXPECT_EQ(d.units.size(), 3u);
  EXPECT_EQ(d.starts, (std::vector<uint32_t>{0}));
  EXPECT_TRUE(ParseChoi("").units.empty());
  EXPECT_TRUE(ParseChoi("==========\n\n==========\n").starts.empty());
  // A line that is not exactly the separator is a unit.
  EXPECT_EQ(ParseChoi("=========\n").units.size(), 1u);
}

TEST(BoundaryFeatures, FirstWord) {
  EXPECT_EQ(FirstWord("He said so ."), "he");
  EXPECT_EQ(FirstWord("  However , it rained"), "however");
  EXPECT_EQ(FirstWord("It's late"), "it's");
  EXPECT_EQ(FirstWord("\" Quoted words"), "");
  EXPECT_EQ(FirstWord(""), "");
}

TEST(BoundaryFeatures, ShapeAndOpeningCues) {
  std::vector<std::string_view> units = {"The bread rose in the oven.", "He baked more bread.",
                                         "Stars shine over the planet.", "\"Look,\" she said."};
  auto f = BoundaryFeatures(units);
  ASSERT_EQ(f.size(), 4u);
  EXPECT_TRUE(f[0].empty());
  auto has = [&](size_t i, const std::string& name) {
    for (auto& [n, v] : f[i])
      if (n == name) return true;
    return false;
  };
  for (size_t i = 1; i < 4; ++i) {
    EXPECT_TRUE(has(i, "bias"));
    EXPECT_TRUE(has(i, "ma.p"));
    EXPECT_TRUE(has(i, "coh2"));
    for (auto& [n, v] : f[i]) EXPECT_TRUE(std::isfinite(v)) << n;
  }
  EXPECT_TRUE(has(1, "open=he"));
  EXPECT_TRUE(has(2, "open:cap"));
  EXPECT_TRUE(has(3, "open:quote"));
  EXPECT_TRUE(BoundaryFeatures({}).empty());
  EXPECT_EQ(BoundaryFeatures({"Only one unit."}).size(), 1u);
}

// Small training documents: three topics of five units, concatenated in different orders.
const std::vector<std::vector<std::string>> kTopics = {
    {"Bake the bread dough in a hot oven until the crust turns golden.",
     "The baker kneads the dough with flour, butter and yeast.", "It rises twice before it goes in the oven.",
     "Fresh bread smells of butter and warm flour.", "Then the loaves cool on a rack."},
    {"The telescope showed the planet and its moons far beyond the star.",
     "Astronomers measured the orbit of the planet with a larger telescope.",
     "Each moon of the planet reflects light from the distant star.", "They photographed the star from orbit.",
     "Its planets were catalogued by the space telescope."},
    {"The striker scored a goal in the final minute of the football match.",
     "The goalkeeper saved a penalty but the striker scored again.", "He was booked for celebrating.",
     "Fans of the football club cheered the team after the match.",
     "The coach praised the team and the goalkeeper."},
};

std::vector<TopicTrainingDoc> TrainingDocs() {
  std::vector<TopicTrainingDoc> docs;
  const int orders[][3] = {{0, 1, 2}, {2, 0, 1}, {1, 2, 0}, {0, 2, 1}, {2, 1, 0}, {1, 0, 2}};
  for (auto& order : orders) {
    TopicTrainingDoc d;
    for (int t : order) {
      d.starts.push_back(static_cast<uint32_t>(d.units.size()));
      d.units.insert(d.units.end(), kTopics[t].begin(), kTopics[t].end());
    }
    docs.push_back(d);
  }
  return docs;
}

TEST(TopicSegmenter, TrainingIsDeterministicAndTheModelFileRoundTrips) {
  TopicTrainOptions options;
  options.inner_folds = 3;
  const TopicSegmenter a = TopicSegmenter::Train(TrainingDocs(), options);
  const TopicSegmenter b = TopicSegmenter::Train(TrainingDocs(), options);
  const std::string dir = ::testing::TempDir();
  std::string error;
  ASSERT_TRUE(a.Save(dir + "/seg_a.model", &error)) << error;
  ASSERT_TRUE(b.Save(dir + "/seg_b.model", &error)) << error;
  auto slurp = [](const std::string& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  EXPECT_EQ(slurp(dir + "/seg_a.model"), slurp(dir + "/seg_b.model"));

  TopicSegmenter loaded;
  ASSERT_TRUE(loaded.Load(dir + "/seg_a.model", &error)) << error;
  ASSERT_TRUE(loaded.Save(dir + "/seg_c.model", &error)) << error;
  EXPECT_EQ(slurp(dir + "/seg_a.model"), slurp(dir + "/seg_c.model"));
  for (const auto& d : TrainingDocs()) {
    std::vector<std::string_view> v(d.units.begin(), d.units.end());
    EXPECT_EQ(a.Segment(v), loaded.Segment(v));
    EXPECT_EQ(a.Segment(v), d.starts);  // the training documents themselves are learnt
  }
}

TEST(TopicSegmenter, LoadRejectsOtherFiles) {
  TopicSegmenter m;
  std::string error;
  EXPECT_FALSE(m.Load(ShippedModel() + ".does-not-exist", &error));
  const std::string path = ::testing::TempDir() + "/seg_bad.model";
  for (const char* content : {"", "not a model\n", "dossier-segment-model\nversion 99\nweight bias 1\n",
                              "dossier-segment-model\nversion 1\n", "dossier-segment-model\nversion 1\nbogus 3\n",
                              "dossier-segment-model\nversion 1\nweight bias x\n"}) {
    std::ofstream(path, std::ios::binary) << content;
    error.clear();
    EXPECT_FALSE(m.Load(path, &error)) << content;
    EXPECT_FALSE(error.empty());
  }
  EXPECT_FALSE(m.loaded());
}

TEST(TrainedUnitSegmenter, FallsBackToTheUnsupervisedSegmenterWithoutAModel) {
  TrainedUnitSegmenter s;
  EXPECT_FALSE(s.loaded());
  std::vector<std::string_view> units = {"One sentence about bread.", "Another about bread and flour."};
  EXPECT_EQ(s.Segment(units), SegmentUnits(units));
}

TEST(TrainedUnitSegmenter, ShippedModelSplitsTwoUnrelatedTexts) {
  TrainedUnitSegmenter s;
  std::string error;
  ASSERT_TRUE(s.Load(ShippedModel(), &error)) << error;
  EXPECT_TRUE(s.Segment({}).empty());
  EXPECT_EQ(s.Segment({"Just one sentence about bread."}), (std::vector<uint32_t>{0}));
  for (auto [x, y] : {std::pair{0, 1}, {1, 2}, {2, 0}}) {
    std::vector<std::string_view> units(kTopics[x].begin(), kTopics[x].end());
    units.insert(units.end(), kTopics[y].begin(), kTopics[y].end());
    EXPECT_EQ(s.Segment(units), (std::vector<uint32_t>{0, 5})) << x << "+" << y;
  }
}

}  // namespace
}  // namespace dossier::segment_internal
