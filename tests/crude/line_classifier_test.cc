// The line classifier with the repository's model (rule overrides that must hold whatever the
// model says), training determinism and provenance, and the scraped-text gold loader.
#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "dossier/crude.h"
#include "dossier/document.h"

namespace dossier {
namespace {

namespace fs = std::filesystem;
using K = BlockKind;

std::string RepoRoot() { return fs::path(DOSSIER_SAMPLES_DIR).parent_path().string(); }
std::string LinesModelPath() { return RepoRoot() + "/models/lines.model"; }

const LineClassifier& RepoModel() {
  static const LineClassifier* c = [] {
    auto* lc = new LineClassifier();
    std::string error;
    if (!lc->Load(LinesModelPath(), &error)) ADD_FAILURE() << "cannot load " << LinesModelPath() << ": " << error;
    return lc;
  }();
  return *c;
}

std::vector<std::string_view> Views(const std::vector<std::string>& lines) {
  return std::vector<std::string_view>(lines.begin(), lines.end());
}

TEST(LineClassifier, LoadsRepoModel) {
  ASSERT_TRUE(RepoModel().loaded());
  EXPECT_NE(RepoModel().data_fingerprint(), 0u);
}

TEST(LineClassifier, WithoutModelEverythingIsBody) {
  LineClassifier c;
  EXPECT_FALSE(c.loaded());
  EXPECT_EQ(c.data_fingerprint(), 0u);
  std::vector<float> conf;
  const std::vector<std::string> lines = {"5:57", "Advertisement"};
  EXPECT_EQ(c.Classify(Views(lines), &conf), (std::vector<K>{K::kBody, K::kBody}));
  EXPECT_EQ(conf, (std::vector<float>{1.0f, 1.0f}));
  std::string error;
  EXPECT_FALSE(c.Save((fs::path(::testing::TempDir()) / "no_model.lines").string(), &error));
  EXPECT_FALSE(error.empty());
}

TEST(LineClassifier, LoadErrors) {
  LineClassifier c;
  std::string error;
  EXPECT_FALSE(c.Load(RepoRoot() + "/models/does-not-exist.model", &error));
  EXPECT_FALSE(error.empty());
  EXPECT_FALSE(c.loaded());
  // The stories model is not a lines model.
  error.clear();
  EXPECT_FALSE(c.Load(RepoRoot() + "/models/stories.model", &error));
  EXPECT_NE(error.find("lines"), std::string::npos) << error;
  EXPECT_FALSE(c.loaded());
}

TEST(LineClassifier, SemicolonRunIsAList) {
  ASSERT_TRUE(RepoModel().loaded());
  const std::vector<std::string> lines = {
      "The council said it would publish the following:",
      "All files relating to the contract;",
      "Minutes of the meetings with the supplier;",
      "Letters between officials and the firm;",
      "Any legal advice received.",
      "The council leader said the documents would be released next week after a review by lawyers.",
  };
  const auto kinds = RepoModel().Classify(Views(lines));
  ASSERT_EQ(kinds.size(), lines.size());
  for (size_t i = 1; i <= 4; ++i) EXPECT_EQ(kinds[i], K::kListItem) << lines[i];
  EXPECT_NE(kinds[5], K::kListItem) << lines[5];
  // The run alone, without context.
  const std::vector<std::string> alone(lines.begin() + 1, lines.begin() + 5);
  EXPECT_EQ(RepoModel().Classify(Views(alone)), (std::vector<K>(4, K::kListItem)));
}

// Regression: furniture opener words ("email", "share") must match whole words only, so a list item
// such as "Emails between officials and the firm;" does not break a semicolon run.
TEST(LineClassifier, SemicolonRunWithOpenerWordIsAList) {
  ASSERT_TRUE(RepoModel().loaded());
  const std::vector<std::string> lines = {
      "All files relating to the contract;",
      "Minutes of the meetings with the supplier;",
      "Emails between officials and the firm;",
      "Any legal advice received.",
  };
  EXPECT_EQ(RepoModel().Classify(Views(lines)), (std::vector<K>(4, K::kListItem)));
  const std::vector<std::string> shares = {
      "Shareholders will vote on the merger;",
      "The board will publish its accounts;",
      "Staff will be consulted on the changes.",
  };
  EXPECT_EQ(RepoModel().Classify(Views(shares)), (std::vector<K>(3, K::kListItem)));
}

TEST(LineClassifier, OneSemicolonLineIsNotARun) {
  ASSERT_TRUE(RepoModel().loaded());
  // A run needs two ';' lines; a single one followed by a '.' line is left to the model, and the
  // override must not force the '.' line to a list item.
  const std::vector<std::string> lines = {
      "The minister said the plan was ready; others disagreed strongly about the timing of it.",
      "Critics said the scheme would cost far more than the government had admitted so far.",
  };
  const auto kinds = RepoModel().Classify(Views(lines));
  ASSERT_EQ(kinds.size(), 2u);
  EXPECT_NE(kinds[1], K::kListItem);
}

TEST(LineClassifier, DurationIsMediaWhateverItsNeighbours) {
  ASSERT_TRUE(RepoModel().loaded());
  const std::string para1 =
      "The government has agreed new rules on water bills, ministers said on Tuesday, after months of talks.";
  const std::string para2 = "Campaigners said the changes did not go far enough to protect customers.";
  const std::vector<std::vector<std::string>> contexts = {
      {"5:57"},
      {para1, "5:57", para2},
      {"All files relating to the contract;", "5:57", "Emails between officials and the firm;"},
      {"Please use Chrome browser for a more accessible video player", "5:57", "Watch: Floods hit town"},
      {"5:57", "5:57", "5:57"},
  };
  for (const auto& ctx : contexts) {
    const auto kinds = RepoModel().Classify(Views(ctx));
    for (size_t i = 0; i < ctx.size(); ++i)
      if (ctx[i] == "5:57") {
        EXPECT_EQ(kinds[i], K::kMedia) << "context starting \"" << ctx[0] << "\"";
      }
  }
  const std::vector<std::string> more = {para1, "Duration 13:43", para2, "1:02:03"};
  const auto kinds = RepoModel().Classify(Views(more));
  EXPECT_EQ(kinds[1], K::kMedia);
  EXPECT_EQ(kinds[3], K::kMedia);
}

TEST(LineClassifier, CopyrightLineIsOther) {
  ASSERT_TRUE(RepoModel().loaded());
  const std::string para =
      "The government has agreed new rules on water bills, ministers said on Tuesday, after months of talks.";
  const std::vector<std::vector<std::string>> contexts = {
      {"\xc2\xa9 2025 Example News Group. All rights reserved."},
      {para, "\xc2\xa9 2025 Example News Group. All rights reserved.", para},
      {para, para, "\xc2\xa9 2025 Example News Group. All rights reserved."},
  };
  for (const auto& ctx : contexts) {
    const auto kinds = RepoModel().Classify(Views(ctx));
    for (size_t i = 0; i < ctx.size(); ++i)
      if (ctx[i] != para) {
        EXPECT_EQ(kinds[i], K::kOther) << "context of " << ctx.size() << " lines";
      }
  }
}

TEST(LineClassifier, EmptyInputAndConfidenceRange) {
  ASSERT_TRUE(RepoModel().loaded());
  std::vector<float> conf = {0.5f};
  EXPECT_TRUE(RepoModel().Classify({}, &conf).empty());
  EXPECT_TRUE(conf.empty());
  const std::vector<std::string> lines = {
      "By Jane Doe",
      "Published 3 hours ago",
      "Water bills to rise by a fifth",
      "The government has agreed new rules on water bills, ministers said on Tuesday, after months of talks.",
      "Image: A reservoir near Leeds. Pic: PA",
      "Please use Chrome browser for a more accessible video player",
      "5:57",
      "We use cookies to improve your experience. Accept and continue.",
      "Share this story",
      "\xc2\xa9 2025 Example News Group. All rights reserved.",
  };
  const auto kinds = RepoModel().Classify(Views(lines), &conf);
  ASSERT_EQ(kinds.size(), lines.size());
  ASSERT_EQ(conf.size(), lines.size());
  for (size_t i = 0; i < conf.size(); ++i) {
    EXPECT_GE(conf[i], 0.0f) << lines[i];
    EXPECT_LE(conf[i], 1.0f) << lines[i];
  }
  // Confidence is optional and does not change the labels.
  EXPECT_EQ(RepoModel().Classify(Views(lines)), kinds);
}

// A tiny synthetic training set: article paragraphs, headings, captions, media, consent, furniture.
std::vector<LineClassifier::TrainingFile> TinyTrainingSet(int variant) {
  std::vector<LineClassifier::TrainingFile> files;
  for (int f = 0; f < 3; ++f) {
    LineClassifier::TrainingFile tf;
    tf.name = "synthetic-" + std::to_string(f) + ".txt";
    auto add = [&](std::string line, K kind) {
      tf.lines.push_back(std::move(line));
      tf.labels.push_back(kind);
    };
    const std::string n = std::to_string(f + variant * 10);
    add("By Reporter " + n, K::kOther);
    add("Council Approves Budget Plan Number " + n, K::kHeading);
    add("The council approved budget plan " + n + " on Tuesday after a long debate among councillors.", K::kBody);
    add("Image: Councillors vote in the chamber. Pic: PA", K::kCaption);
    add("Please use Chrome browser for a more accessible video player", K::kMedia);
    add("3:2" + std::to_string(f), K::kMedia);
    add("Opponents said the plan would raise taxes for families across the borough next year.", K::kBody);
    add("We use cookies to give you the best experience. Accept and continue.", K::kConsent);
    add("Share this story on social media", K::kOther);
    tf.story_starts = {1};
    files.push_back(std::move(tf));
  }
  return files;
}

TEST(LineClassifierTraining, SameSeedSameModel) {
  const auto files = TinyTrainingSet(0);
  LineClassifier::TrainOptions opts;
  opts.seed = 11;
  opts.epochs = 5;
  LineClassifier a = LineClassifier::Train(files, opts);
  LineClassifier b = LineClassifier::Train(files, opts);
  ASSERT_TRUE(a.loaded());
  ASSERT_TRUE(b.loaded());
  EXPECT_EQ(a.data_fingerprint(), b.data_fingerprint());
  EXPECT_NE(a.data_fingerprint(), 0u);
  const std::vector<std::string> probe = {
      "By Reporter 99",
      "Council Approves New Parking Charges",
      "The council approved new parking charges on Wednesday after complaints from shop owners.",
      "Image: A car park in the town centre. Pic: Reuters",
      "4:05",
      "Share this story on social media",
  };
  std::vector<float> ca, cb;
  EXPECT_EQ(a.Classify(Views(probe), &ca), b.Classify(Views(probe), &cb));
  EXPECT_EQ(ca, cb);
  // The saved models are the same bytes, and a loaded copy classifies the same way.
  const fs::path dir = ::testing::TempDir();
  std::string error;
  ASSERT_TRUE(a.Save((dir / "lc_train_a.model").string(), &error)) << error;
  ASSERT_TRUE(b.Save((dir / "lc_train_b.model").string(), &error)) << error;
  auto read = [](const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  };
  EXPECT_EQ(read(dir / "lc_train_a.model"), read(dir / "lc_train_b.model"));
  LineClassifier loaded;
  ASSERT_TRUE(loaded.Load((dir / "lc_train_a.model").string(), &error)) << error;
  EXPECT_EQ(loaded.data_fingerprint(), a.data_fingerprint());
  std::vector<float> cl;
  EXPECT_EQ(loaded.Classify(Views(probe), &cl), a.Classify(Views(probe), &ca));
  EXPECT_EQ(cl, ca);
}

TEST(LineClassifierTraining, FingerprintFollowsTheData) {
  LineClassifier::TrainOptions opts;
  opts.seed = 11;
  opts.epochs = 3;
  const auto base = TinyTrainingSet(0);
  const uint64_t fp = LineClassifier::Train(base, opts).data_fingerprint();
  // A different seed trains differently but on the same data.
  LineClassifier::TrainOptions other_seed = opts;
  other_seed.seed = 12;
  EXPECT_EQ(LineClassifier::Train(base, other_seed).data_fingerprint(), fp);
  // Different text.
  EXPECT_NE(LineClassifier::Train(TinyTrainingSet(1), opts).data_fingerprint(), fp);
  // Same text, one label changed.
  auto relabelled = base;
  relabelled[1].labels[0] = K::kBody;
  EXPECT_NE(LineClassifier::Train(relabelled, opts).data_fingerprint(), fp);
  // A file fewer.
  auto fewer = base;
  fewer.pop_back();
  EXPECT_NE(LineClassifier::Train(fewer, opts).data_fingerprint(), fp);
}

// --- LoadScrapedTextGold -----------------------------------------------------------------------

// A fresh, empty directory under the test temp dir.
fs::path FreshDir(const std::string& name) {
  fs::path d = fs::path(::testing::TempDir()) / ("line_classifier_test_" + name);
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

void WriteFile(const fs::path& p, const std::string& content) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << content;
}

const char* kGoldTxt =
    "Water Bills To Rise\n"
    "By Jane Doe\n"
    "The government has agreed new rules on water bills.\n"
    "Image: A reservoir. Pic: PA\n"
    "5:57\n"
    "We use cookies. Accept and continue.\n"
    "All files relating to the contract;\n"
    "Second story begins here with a paragraph.\n";

const char* kGoldJson = R"({"file": "NAME.txt", "n_lines": 8,
 "story_starts": [1, 8],
 "lines": [{"n": 1, "label": "main", "main_kind": "heading", "story": 0},
           {"n": 2, "label": "other", "story": null},
           {"n": 3, "label": "main", "main_kind": "body", "story": 0},
           {"n": 4, "label": "caption", "story": null, "credit": [20, 27]},
           {"n": 5, "label": "media", "story": null},
           {"n": 6, "label": "consent", "story": null},
           {"n": 7, "label": "main", "main_kind": "list_item", "story": 0},
           {"n": 8, "label": "main", "main_kind": "body", "story": 1}]})";

TEST(LoadScrapedTextGold, ReadsLinesLabelsAndStoryStarts) {
  const fs::path dir = FreshDir("ok");
  WriteFile(dir / "NAME.txt", kGoldTxt);
  WriteFile(dir / "NAME.gold.json", kGoldJson);
  std::vector<LineClassifier::TrainingFile> files;
  std::string error;
  ASSERT_TRUE(LoadScrapedTextGold(dir.string(), &files, &error)) << error;
  ASSERT_EQ(files.size(), 1u);
  const auto& f = files[0];
  EXPECT_EQ(f.name, "NAME.txt");
  ASSERT_EQ(f.lines.size(), 8u);
  EXPECT_EQ(f.lines[0], "Water Bills To Rise");
  EXPECT_EQ(f.lines[4], "5:57");
  EXPECT_EQ(f.lines[7], "Second story begins here with a paragraph.");
  EXPECT_EQ(f.labels, (std::vector<K>{K::kHeading, K::kOther, K::kBody, K::kCaption, K::kMedia, K::kConsent,
                                      K::kListItem, K::kBody}));
  EXPECT_EQ(f.story_starts, (std::vector<uint32_t>{0, 7}));
}

TEST(LoadScrapedTextGold, RecursesAndSortsAndDefaultsToOther) {
  const fs::path dir = FreshDir("tree");
  fs::create_directories(dir / "sub" / "deeper");
  WriteFile(dir / "sub" / "deeper" / "b.txt", "Line one\nLine two\nLine three\n");
  // Lines not listed stay "other"; out-of-range line numbers are ignored; main without main_kind is body.
  WriteFile(dir / "sub" / "deeper" / "b.gold.json",
            R"({"lines":[{"n":2,"label":"main"},{"n":9,"label":"main","main_kind":"heading"}],"story_starts":[2]})");
  WriteFile(dir / "a.txt", "Only line\n");
  WriteFile(dir / "a.gold.json", R"({"lines":[{"n":1,"label":"main","main_kind":"heading"}],"story_starts":[1]})");
  WriteFile(dir / "notes.txt", "a text file without gold is not a training file\n");
  std::vector<LineClassifier::TrainingFile> files;
  std::string error;
  ASSERT_TRUE(LoadScrapedTextGold(dir.string(), &files, &error)) << error;
  ASSERT_EQ(files.size(), 2u);
  EXPECT_EQ(files[0].name, "a.txt");
  EXPECT_EQ(files[0].labels, (std::vector<K>{K::kHeading}));
  EXPECT_EQ(files[1].name, (fs::path("sub") / "deeper" / "b.txt").string());
  EXPECT_EQ(files[1].lines, (std::vector<std::string>{"Line one", "Line two", "Line three"}));
  EXPECT_EQ(files[1].labels, (std::vector<K>{K::kOther, K::kBody, K::kOther}));
  EXPECT_EQ(files[1].story_starts, (std::vector<uint32_t>{1}));
}

TEST(LoadScrapedTextGold, GoldWithoutTextFails) {
  const fs::path dir = FreshDir("notext");
  WriteFile(dir / "NAME.gold.json", kGoldJson);
  std::vector<LineClassifier::TrainingFile> files;
  std::string error;
  EXPECT_FALSE(LoadScrapedTextGold(dir.string(), &files, &error));
  EXPECT_NE(error.find("NAME.txt"), std::string::npos) << error;
}

TEST(LoadScrapedTextGold, MissingDirectoryFails) {
  std::vector<LineClassifier::TrainingFile> files;
  std::string error;
  const fs::path dir = fs::path(::testing::TempDir()) / "line_classifier_test_no_such_dir";
  fs::remove_all(dir);
  EXPECT_FALSE(LoadScrapedTextGold(dir.string(), &files, &error));
  EXPECT_NE(error.find(dir.string()), std::string::npos) << error;
  EXPECT_TRUE(files.empty());
}

TEST(LoadScrapedTextGold, TextWithoutGoldIsNotATrainingFile) {
  // A NAME.txt whose gold file is missing is skipped (the loader starts from the gold files).
  const fs::path dir = FreshDir("nogold");
  WriteFile(dir / "NAME.txt", kGoldTxt);
  std::vector<LineClassifier::TrainingFile> files;
  std::string error;
  EXPECT_TRUE(LoadScrapedTextGold(dir.string(), &files, &error)) << error;
  EXPECT_TRUE(files.empty());
}

TEST(LoadScrapedTextGold, InvalidJsonFails) {
  const fs::path dir = FreshDir("badjson");
  WriteFile(dir / "NAME.txt", kGoldTxt);
  WriteFile(dir / "NAME.gold.json", R"({"lines": [{"n": 1, "label": "main",)");
  std::vector<LineClassifier::TrainingFile> files;
  std::string error;
  EXPECT_FALSE(LoadScrapedTextGold(dir.string(), &files, &error));
  EXPECT_NE(error.find("invalid JSON"), std::string::npos) << error;
  EXPECT_NE(error.find("NAME.gold.json"), std::string::npos) << error;
}

// Regression: valid JSON of the wrong shape ("n" as a string) is reported as an error naming the
// file, not thrown as an exception.
TEST(LoadScrapedTextGold, WrongShapeJsonFailsCleanly) {
  const fs::path dir = FreshDir("wrongshape");
  WriteFile(dir / "NAME.txt", kGoldTxt);
  WriteFile(dir / "NAME.gold.json", R"({"lines":[{"n":"1","label":"main"}],"story_starts":[1]})");
  std::vector<LineClassifier::TrainingFile> files;
  std::string error;
  bool ok = true;
  EXPECT_NO_THROW(ok = LoadScrapedTextGold(dir.string(), &files, &error));
  EXPECT_FALSE(ok);
  EXPECT_NE(error.find("NAME.gold.json"), std::string::npos) << error;
}

// A single paragraph on its own has no context; the fallback keeps prose as article text rather
// than calling the whole input a leftover, but never turns leftover wording into body.
TEST(LineClassifier, LoneProseParagraphIsBody) {
  std::vector<std::string> alone = {"Hello there. Mr. Smith went to Washington on Monday to meet the mayor."};
  EXPECT_EQ(RepoModel().Classify(Views(alone)), (std::vector<K>{K::kBody}));
  std::vector<std::string> furniture = {"Sign up for our newsletter to get the news every morning."};
  EXPECT_NE(RepoModel().Classify(Views(furniture))[0], K::kBody);
}

}  // namespace
}  // namespace dossier

