// The shared linear model: averaged-perceptron training, scoring, the model file format and its
// failure modes, and the FNV-1a fingerprint of training data.
#include "ml/linear_model.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace dossier {
namespace {

constexpr uint32_t kBits = 10;

uint32_t F(std::string_view name) {
  return static_cast<uint32_t>(Fingerprint64(name.data(), name.size()));
}

struct Example {
  std::vector<uint32_t> features;
  int label;
};

// Three labels, each with its own indicator features, plus a shared bias and a shared noise
// feature: linearly separable by the indicators alone.
std::vector<Example> ToyProblem() {
  const uint32_t bias = F("bias"), shared = F("shared");
  return {
      {{bias, F("red"), F("apple")}, 0},
      {{bias, F("red"), F("cherry"), shared}, 0},
      {{bias, F("red")}, 0},
      {{bias, F("green"), F("lime")}, 1},
      {{bias, F("green"), F("pear"), shared}, 1},
      {{bias, F("green")}, 1},
      {{bias, F("blue"), F("berry")}, 2},
      {{bias, F("blue"), F("plum"), shared}, 2},
      {{bias, F("blue")}, 2},
  };
}

LinearModel TrainToy() {
  LinearModel m(3, kBits);
  const auto data = ToyProblem();
  for (int epoch = 0; epoch < 8; ++epoch)
    for (const auto& ex : data) m.TrainExample(ex.features, ex.label);
  m.Finish();
  return m;
}

std::string Path(const std::string& name) {
  return (std::filesystem::path(::testing::TempDir()) / ("linear_model_test_" + name)).string();
}

std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void WriteBytes(const std::string& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// Regression: the seed was once the FNV offset basis with its last digit dropped.
TEST(LinearModel, Fnv1aOfAbc) {
  EXPECT_EQ(Fingerprint64("abc", 3), 0xe71fa2190541574bull);
  EXPECT_EQ(Fingerprint64("", 0), 14695981039346656037ull);  // the FNV-1a 64 offset basis
}

TEST(LinearModel, FingerprintChainsAndSeeds) {
  // With the standard offset basis given explicitly, the function is FNV-1a 64.
  EXPECT_EQ(Fingerprint64("abc", 3, 14695981039346656037ull), 0xe71fa2190541574bull);
  EXPECT_EQ(Fingerprint64("a", 1, 14695981039346656037ull), 0xaf63dc4c8601ec8cull);
  // The empty input is the seed; chaining equals hashing the concatenation.
  EXPECT_EQ(Fingerprint64("", 0, 12345), 12345u);
  EXPECT_EQ(Fingerprint64("c", 1, Fingerprint64("ab", 2)), Fingerprint64("abc", 3));
  EXPECT_NE(Fingerprint64("abc", 3), Fingerprint64("acb", 3));
}

TEST(LinearModel, UntrainedModelScoresZero) {
  LinearModel m(3, kBits);
  std::vector<float> s;
  m.Score({F("red"), F("blue")}, &s);
  EXPECT_EQ(s, (std::vector<float>{0.0f, 0.0f, 0.0f}));
  EXPECT_EQ(m.Predict({F("red")}), 0);  // ties go to the lowest label
  EXPECT_EQ(m.labels(), 3u);
}

TEST(LinearModel, PerceptronLearnsSeparableProblem) {
  LinearModel m = TrainToy();
  for (const auto& ex : ToyProblem()) {
    EXPECT_EQ(m.Predict(ex.features), ex.label) << "example of label " << ex.label;
    std::vector<float> s;
    m.Score(ex.features, &s);
    ASSERT_EQ(s.size(), 3u);
    for (int l = 0; l < 3; ++l)
      if (l != ex.label) {
        EXPECT_GT(s[ex.label], s[l]);
      }
  }
  // Unseen combinations: the colour decides.
  EXPECT_EQ(m.Predict({F("bias"), F("green"), F("apple")}), 1);
  EXPECT_EQ(m.Predict({F("blue"), F("shared")}), 2);
}

TEST(LinearModel, SaveLoadRoundTrip) {
  LinearModel m = TrainToy();
  const std::string path = Path("roundtrip.model");
  std::string error;
  ASSERT_TRUE(m.Save(path, "lines", 0x0123456789abcdefull, "averaged perceptron; epochs=8", &error)) << error;
  LinearModel loaded;
  ASSERT_TRUE(loaded.Load(path, "lines", &error)) << error;
  EXPECT_EQ(loaded.labels(), 3u);
  EXPECT_EQ(loaded.data_fingerprint(), 0x0123456789abcdefull);
  EXPECT_EQ(loaded.settings(), "averaged perceptron; epochs=8");
  std::vector<std::vector<uint32_t>> probes;
  for (const auto& ex : ToyProblem()) probes.push_back(ex.features);
  probes.push_back({});
  probes.push_back({F("unseen"), F("never")});
  probes.push_back({F("shared"), F("shared"), F("red")});
  for (const auto& p : probes) {
    std::vector<float> a, b;
    m.Score(p, &a);
    loaded.Score(p, &b);
    EXPECT_EQ(a, b);
    EXPECT_EQ(m.Predict(p), loaded.Predict(p));
  }
  // Saving the loaded model gives the same bytes.
  const std::string path2 = Path("roundtrip2.model");
  ASSERT_TRUE(loaded.Save(path2, "lines", loaded.data_fingerprint(), loaded.settings(), &error)) << error;
  EXPECT_EQ(ReadBytes(path), ReadBytes(path2));
}

TEST(LinearModel, SetProvenance) {
  LinearModel m(2, 4);
  m.SetProvenance(42, "seed=1");
  EXPECT_EQ(m.data_fingerprint(), 42u);
  EXPECT_EQ(m.settings(), "seed=1");
}

TEST(LinearModel, LoadRejectsBadMagic) {
  LinearModel m = TrainToy();
  const std::string path = Path("badmagic.model");
  std::string error;
  ASSERT_TRUE(m.Save(path, "lines", 1, "s", &error)) << error;
  std::string bytes = ReadBytes(path);
  ASSERT_GE(bytes.size(), 4u);
  bytes[0] = 'X';
  WriteBytes(path, bytes);
  LinearModel loaded;
  EXPECT_FALSE(loaded.Load(path, "lines", &error));
  EXPECT_NE(error.find("magic"), std::string::npos) << error;
  // Not a model at all.
  WriteBytes(path, "hello world, this is text\n");
  error.clear();
  EXPECT_FALSE(loaded.Load(path, "lines", &error));
  EXPECT_NE(error.find("magic"), std::string::npos) << error;
}

TEST(LinearModel, LoadRejectsWrongKind) {
  LinearModel m = TrainToy();
  const std::string path = Path("kind.model");
  std::string error;
  ASSERT_TRUE(m.Save(path, "lines", 1, "s", &error)) << error;
  LinearModel loaded;
  EXPECT_FALSE(loaded.Load(path, "stories", &error));
  EXPECT_NE(error.find("'lines'"), std::string::npos) << error;
  EXPECT_NE(error.find("'stories'"), std::string::npos) << error;
}

TEST(LinearModel, LoadRejectsTruncatedFile) {
  LinearModel m = TrainToy();
  const std::string path = Path("truncated.model");
  std::string error;
  ASSERT_TRUE(m.Save(path, "lines", 1, "s", &error)) << error;
  const std::string bytes = ReadBytes(path);
  ASSERT_GT(bytes.size(), 60u);
  WriteBytes(path, std::string_view(bytes).substr(0, bytes.size() / 2));
  LinearModel loaded;
  EXPECT_FALSE(loaded.Load(path, "lines", &error));
  EXPECT_NE(error.find("truncated"), std::string::npos) << error;
  // Cut inside the header (after the kind) too.
  WriteBytes(path, std::string_view(bytes).substr(0, 4 + 4 + 4 + 5 + 3));
  error.clear();
  EXPECT_FALSE(loaded.Load(path, "lines", &error));
  EXPECT_NE(error.find("truncated"), std::string::npos) << error;
  // Just one byte short.
  WriteBytes(path, std::string_view(bytes).substr(0, bytes.size() - 1));
  error.clear();
  EXPECT_FALSE(loaded.Load(path, "lines", &error));
  EXPECT_NE(error.find("truncated"), std::string::npos) << error;
}

TEST(LinearModel, LoadRejectsMissingFile) {
  LinearModel loaded;
  std::string error;
  const std::string path = Path("does_not_exist.model");
  std::filesystem::remove(path);
  EXPECT_FALSE(loaded.Load(path, "lines", &error));
  EXPECT_NE(error.find("cannot open"), std::string::npos) << error;
  EXPECT_NE(error.find(path), std::string::npos) << error;
}

}  // namespace
}  // namespace dossier
