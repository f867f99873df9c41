#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "crude/line_features.h"
#include "crude/line_signals.h"
#include "dossier/crude.h"
#include "ml/linear_model.h"

namespace dossier {

namespace {
constexpr uint32_t kLabels = 7;
constexpr uint32_t kBits = 16;
constexpr const char* kModelKind = "lines";

BlockKind KindFromGold(const std::string& label, const std::string& main_kind) {
  if (label == "main") {
    if (main_kind == "heading") return BlockKind::kHeading;
    if (main_kind == "list_item") return BlockKind::kListItem;
    return BlockKind::kBody;
  }
  if (label == "caption") return BlockKind::kCaption;
  if (label == "media") return BlockKind::kMedia;
  if (label == "consent") return BlockKind::kConsent;
  return BlockKind::kOther;
}
// A list rendered as lines that end in semicolons ("...;" "...;" "... ." ) is article text however
// short its items: two or more such lines in a row, and the item that closes the run, are list items.
void MarkSemicolonLists(const std::vector<LineView>& views, std::vector<BlockKind>* kinds) {
  constexpr uint32_t kLeftover = kSigDuration | kSigPlayerNotice | kSigConsent | kSigCaptionMarker |
                                 kSigCredit | kSigFurniture | kSigCopyright;
  size_t i = 0;
  while (i < views.size()) {
    size_t j = i;
    while (j < views.size() && (views[j].signals & kSigSemicolonEnd) && !(views[j].signals & kLeftover)) ++j;
    if (j - i >= 2) {
      for (size_t k = i; k < j; ++k) (*kinds)[k] = BlockKind::kListItem;
      // The last item ends with a full stop instead.
      if (j < views.size() && !(views[j].signals & kLeftover) && !views[j].text.empty() &&
          views[j].text.back() == '.' && views[j].text.size() < 400)
        (*kinds)[j] = BlockKind::kListItem;
    }
    i = j > i ? j : i + 1;
  }
}

// Fallback: a text in which no line was taken for article text is nearly always a short input the
// model has no context for (one paragraph pasted on its own), not a page of pure leftovers. Then
// every line that reads as prose (six words or more, a sentence ending, no leftover wording) is body.
void RecoverProseWhenNothingIsArticle(const std::vector<LineView>& views, std::vector<BlockKind>* kinds) {
  for (BlockKind k : *kinds)
    if (IsArticleKind(k)) return;
  constexpr uint32_t kLeftover = kSigDuration | kSigPlayerNotice | kSigConsent | kSigCaptionMarker |
                                 kSigCredit | kSigFurniture | kSigCopyright | kSigByline | kSigDateline |
                                 kSigWatchTitle | kSigMediaCaption;
  for (size_t i = 0; i < views.size(); ++i) {
    std::string_view t = views[i].text;
    if (t.empty() || (views[i].signals & kLeftover)) continue;
    size_t words = 1;
    for (char c : t) words += c == ' ';
    char last = t.back();
    bool sentence_end = last == '.' || last == '!' || last == '?' || last == '"' ||
                        (t.size() >= 3 && t.substr(t.size() - 3) == "\xe2\x80\x9d");
    if (words >= 6 && sentence_end) (*kinds)[i] = BlockKind::kBody;
  }
}

}  // namespace

LineClassifier::LineClassifier() = default;
LineClassifier::~LineClassifier() = default;
LineClassifier::LineClassifier(LineClassifier&&) noexcept = default;
LineClassifier& LineClassifier::operator=(LineClassifier&&) noexcept = default;

bool LineClassifier::loaded() const { return model_ != nullptr; }
uint64_t LineClassifier::data_fingerprint() const { return model_ ? model_->data_fingerprint() : 0; }

bool LineClassifier::Load(const std::string& path, std::string* error) {
  auto m = std::make_unique<LinearModel>();
  if (!m->Load(path, kModelKind, error)) return false;
  if (m->labels() != kLabels) {
    *error = path + ": line model has the wrong number of labels";
    return false;
  }
  model_ = std::move(m);
  return true;
}

bool LineClassifier::Save(const std::string& path, std::string* error) const {
  if (!model_) {
    *error = "no model to save";
    return false;
  }
  return model_->Save(path, kModelKind, model_->data_fingerprint(), model_->settings(), error);
}

std::vector<BlockKind> LineClassifier::Classify(const std::vector<std::string_view>& lines,
                                                std::vector<float>* confidence) const {
  std::vector<BlockKind> kinds(lines.size(), BlockKind::kBody);
  if (confidence) confidence->assign(lines.size(), 1.0f);
  if (!model_) return kinds;
  std::vector<LineView> views = MakeLineViews(lines);
  std::vector<uint32_t> feats;
  std::vector<float> scores;
  int prev = -1;
  for (size_t i = 0; i < lines.size(); ++i) {
    feats.clear();
    LineFeatures(views, i, prev, &feats);
    model_->Score(feats, &scores);
    int best = static_cast<int>(std::max_element(scores.begin(), scores.end()) - scores.begin());
    // A bare running time is a video remnant whatever its neighbours say.
    if (views[i].signals & kSigDuration) best = static_cast<int>(BlockKind::kMedia);
    // A copyright notice is never article text.
    if ((views[i].signals & kSigCopyright) && views[i].text.size() < 200) best = static_cast<int>(BlockKind::kOther);
    kinds[i] = static_cast<BlockKind>(best);
    if (confidence) {
      float second = -1e30f;
      for (uint32_t l = 0; l < kLabels; ++l)
        if (static_cast<int>(l) != best) second = std::max(second, scores[l]);
      (*confidence)[i] = 1.0f - std::exp(-std::max(0.0f, scores[best] - second));
    }
    prev = best;
  }
  MarkSemicolonLists(views, &kinds);
  RecoverProseWhenNothingIsArticle(views, &kinds);
  return kinds;
}

LineClassifier LineClassifier::Train(const std::vector<TrainingFile>& files, const TrainOptions& options) {
  // Precompute features once per line with the gold previous label (teacher forcing).
  std::vector<LinearModel::Example> examples;
  uint64_t fingerprint = 14695981039346656037ull;
  for (const auto& f : files) {
    std::vector<std::string_view> views_src(f.lines.begin(), f.lines.end());
    std::vector<LineView> views = MakeLineViews(views_src);
    for (size_t i = 0; i < f.lines.size(); ++i) {
      LinearModel::Example ex;
      LineFeatures(views, i, i == 0 ? -1 : static_cast<int>(f.labels[i - 1]), &ex.features);
      ex.label = static_cast<int>(f.labels[i]);
      examples.push_back(std::move(ex));
      fingerprint = Fingerprint64(f.lines[i].data(), f.lines[i].size(), fingerprint);
      uint8_t l = static_cast<uint8_t>(f.labels[i]);
      fingerprint = Fingerprint64(&l, 1, fingerprint);
    }
  }
  auto model = std::make_unique<LinearModel>(kLabels, kBits);
  model->Train(examples, options.epochs, options.seed);
  LineClassifier c;
  std::ostringstream settings;
  settings << "averaged perceptron; seed=" << options.seed << " epochs=" << options.epochs
           << " files=" << files.size() << " lines=" << examples.size();
  model->SetProvenance(fingerprint, settings.str());
  c.model_ = std::move(model);
  return c;
}

bool LoadScrapedTextGold(const std::string& dir, std::vector<LineClassifier::TrainingFile>* out,
                         std::string* error) {
  namespace fs = std::filesystem;
  std::vector<fs::path> golds;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.size() > 10 && name.compare(name.size() - 10, 10, ".gold.json") == 0) golds.push_back(it->path());
  }
  if (ec) {
    *error = dir + ": " + ec.message();
    return false;
  }
  std::sort(golds.begin(), golds.end());
  for (const auto& g : golds) {
    std::string txt = g.string().substr(0, g.string().size() - 10) + ".txt";
    std::ifstream gin(g), tin(txt);
    if (!gin || !tin) {
      *error = "cannot read " + txt + " or its gold file";
      return false;
    }
    nlohmann::json gold = nlohmann::json::parse(gin, nullptr, false);
    if (gold.is_discarded() || !gold.is_object() || !gold.contains("lines") || !gold["lines"].is_array()) {
      *error = g.string() + ": invalid JSON, or not a gold file (no \"lines\" array)";
      return false;
    }
    LineClassifier::TrainingFile f;
    f.name = fs::relative(txt, dir).string();
    std::string line;
    while (std::getline(tin, line)) f.lines.push_back(line);
    f.labels.assign(f.lines.size(), BlockKind::kOther);
    // Every field is checked before use: a gold file of the wrong shape is an error, not a crash.
    for (const auto& l : gold["lines"]) {
      if (!l.is_object() || !l.contains("n") || !l["n"].is_number_unsigned() || !l.contains("label") ||
          !l["label"].is_string()) {
        *error = g.string() + ": a line entry lacks a numeric \"n\" or a \"label\"";
        return false;
      }
      size_t n = l["n"].get<size_t>();
      if (n == 0 || n > f.lines.size()) continue;
      std::string mk = l.contains("main_kind") && l["main_kind"].is_string() ? l["main_kind"].get<std::string>() : "";
      f.labels[n - 1] = KindFromGold(l["label"].get<std::string>(), mk);
    }
    if (gold.contains("story_starts") && gold["story_starts"].is_array()) {
      for (const auto& s : gold["story_starts"]) {
        if (!s.is_number_unsigned() || s.get<uint32_t>() == 0) {
          *error = g.string() + ": story_starts must hold 1-based line numbers";
          return false;
        }
        f.story_starts.push_back(s.get<uint32_t>() - 1);
      }
    }
    out->push_back(std::move(f));
  }
  return true;
}

}  // namespace dossier
