#include <algorithm>
#include <array>
#include <random>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "crude/line_features.h"
#include "crude/line_signals.h"
#include "crude/subheadings.h"
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
// model has no context for (one paragraph pasted on its own), not a page of pure leftovers. So is a
// text of three lines or fewer, where no line has the two lines on each side the features look at:
// the model, trained on whole pages that often open with leftovers, reads such a text as a page's
// head (byline, title, first paragraph). In both cases every line that reads as prose (six words or
// more, a sentence ending, no leftover wording) is body, unless it is an item of a semicolon list.
void RecoverProseWhenNothingIsArticle(const std::vector<LineView>& views, std::vector<BlockKind>* kinds) {
  constexpr size_t kNoContextLines = 3;
  if (views.size() > kNoContextLines)
    for (BlockKind k : *kinds)
      if (IsArticleKind(k)) return;
  constexpr uint32_t kLeftover = kSigDuration | kSigPlayerNotice | kSigConsent | kSigCaptionMarker |
                                 kSigCredit | kSigFurniture | kSigCopyright | kSigByline | kSigDateline |
                                 kSigWatchTitle | kSigMediaCaption;
  for (size_t i = 0; i < views.size(); ++i) {
    std::string_view t = views[i].text;
    if (t.empty() || (views[i].signals & kLeftover) || (*kinds)[i] == BlockKind::kListItem) continue;
    size_t words = 1;
    for (char c : t) words += c == ' ';
    char last = t.back();
    bool sentence_end = last == '.' || last == '!' || last == '?' || last == '"' ||
                        (t.size() >= 3 && t.substr(t.size() - 3) == "\xe2\x80\x9d");
    if (words >= 6 && sentence_end) (*kinds)[i] = BlockKind::kBody;
  }
}

// Labels a line must have whatever the model says: a bare running time is a video remnant; a
// short copyright notice is never article text. -1: free.
int ForcedLabel(const LineView& v) {
  if (v.signals & kSigDuration) return static_cast<int>(BlockKind::kMedia);
  if ((v.signals & kSigCopyright) && v.text.size() < 200) return static_cast<int>(BlockKind::kOther);
  return -1;
}

// The best label sequence (Viterbi). The score of label l on line i after label p on line i-1 is
// the model's score of the line's own features for l plus that of its previous-label features
// (PrevLabelFeatures) for p and l; only the latter depend on p, so each line's own features are
// scored once. `confidence` (optional) gets, for each line, 1 - exp(-margin) of the chosen label
// over the runner-up given the chosen previous label.
std::vector<int> DecodeLines(const LinearModel& model, const std::vector<LineView>& views,
                             std::vector<float>* confidence) {
  const size_t n = views.size();
  std::vector<int> labels(n, static_cast<int>(BlockKind::kBody));
  if (n == 0) return labels;
  constexpr float kNeg = -1e30f;
  // Per line, only what the backtrace and the confidences need: the scores of the line's own
  // features (7 floats) and the best previous label for each label (7 bytes). The best path
  // scores are kept for the current and the previous line only.
  std::vector<std::array<float, kLabels>> own(n);
  std::vector<std::array<int8_t, kLabels>> back(n);
  std::array<float, kLabels> best{}, prev_best{};
  std::vector<uint32_t> feats;
  std::vector<float> scores;
  // Scores of line i's previous-label features for previous label p, for every label.
  auto prev_label_scores = [&](size_t i, int p) {
    feats.clear();
    PrevLabelFeatures(views, i, p, &feats);
    model.Score(feats, &scores);
    return scores;
  };
  for (size_t i = 0; i < n; ++i) {
    feats.clear();
    LineFeatures(views, i, &feats);
    model.Score(feats, &scores);
    std::copy(scores.begin(), scores.end(), own[i].begin());
    const int forced = ForcedLabel(views[i]);
    const int p_first = i == 0 ? -1 : 0, p_last = i == 0 ? -1 : static_cast<int>(kLabels) - 1;
    best.fill(kNeg);
    back[i].fill(-1);
    for (int p = p_first; p <= p_last; ++p) {
      const float prior = i == 0 ? 0.0f : prev_best[p];
      if (prior <= kNeg) continue;
      const std::vector<float> trans = prev_label_scores(i, p);
      for (uint32_t l = 0; l < kLabels; ++l) {
        if (forced >= 0 && static_cast<int>(l) != forced) continue;
        const float v = prior + own[i][l] + trans[l];
        if (v > best[l]) {
          best[l] = v;
          back[i][l] = static_cast<int8_t>(p);
        }
      }
    }
    prev_best = best;
  }
  int l = static_cast<int>(std::max_element(best.begin(), best.end()) - best.begin());
  for (size_t i = n; i-- > 0;) {
    labels[i] = l;
    l = back[i][l];
  }
  if (confidence) {
    for (size_t i = 0; i < n; ++i) {
      const std::vector<float> trans = prev_label_scores(i, i == 0 ? -1 : labels[i - 1]);
      float second = -1e30f;
      for (uint32_t k = 0; k < kLabels; ++k)
        if (static_cast<int>(k) != labels[i]) second = std::max(second, own[i][k] + trans[k]);
      (*confidence)[i] = 1.0f - std::exp(-std::max(0.0f, own[i][labels[i]] + trans[labels[i]] - second));
    }
  }
  return labels;
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
  std::vector<int> labels = DecodeLines(*model_, views, confidence);
  for (size_t i = 0; i < lines.size(); ++i) kinds[i] = static_cast<BlockKind>(labels[i]);
  MarkSemicolonLists(views, &kinds);
  std::vector<uint32_t> signals(views.size());
  for (size_t i = 0; i < views.size(); ++i) signals[i] = views[i].signals;
  RestoreSubheadings(lines, &kinds, &signals);
  RecoverProseWhenNothingIsArticle(views, &kinds);
  return kinds;
}

LineClassifier LineClassifier::Train(const std::vector<TrainingFile>& files, const TrainOptions& options) {
  // Structured averaged perceptron (Collins 2002): each file is decoded as a whole with the current
  // weights, and where the best label sequence differs from the gold one, the gold line features
  // (with the gold previous label) are rewarded and the decoded ones (with the decoded previous
  // label) penalised. Training on the model's own previous labels, rather than on the gold ones,
  // teaches it not to let one wrong leftover label drag the next lines along.
  struct FileViews {
    std::vector<std::string_view> src;
    std::vector<LineView> views;
    std::vector<int> gold;
  };
  std::vector<FileViews> data(files.size());
  uint64_t fingerprint = 14695981039346656037ull;
  size_t n_lines = 0;
  for (size_t fi = 0; fi < files.size(); ++fi) {
    const auto& f = files[fi];
    data[fi].src.assign(f.lines.begin(), f.lines.end());
    data[fi].views = MakeLineViews(data[fi].src);
    for (size_t i = 0; i < f.lines.size(); ++i) {
      data[fi].gold.push_back(static_cast<int>(f.labels[i]));
      fingerprint = Fingerprint64(f.lines[i].data(), f.lines[i].size(), fingerprint);
      uint8_t l = static_cast<uint8_t>(f.labels[i]);
      fingerprint = Fingerprint64(&l, 1, fingerprint);
    }
    n_lines += f.lines.size();
  }
  auto model = std::make_unique<LinearModel>(kLabels, kBits);
  std::mt19937 rng(options.seed);
  std::vector<size_t> order(files.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::vector<uint32_t> feats, prev_feats;
  for (uint32_t e = 0; e < options.epochs; ++e) {
    std::shuffle(order.begin(), order.end(), rng);
    for (size_t fi : order) {
      const FileViews& d = data[fi];
      const std::vector<int> guess = DecodeLines(*model, d.views, nullptr);
      for (size_t i = 0; i < d.views.size(); ++i) {
        model->Tick();
        const int gold_prev = i == 0 ? -1 : d.gold[i - 1];
        const int guess_prev = i == 0 ? -1 : guess[i - 1];
        if (guess[i] == d.gold[i] && guess_prev == gold_prev) continue;
        feats.clear();
        LineFeatures(d.views, i, &feats);
        if (guess[i] != d.gold[i]) {
          model->Update(feats, d.gold[i], 1.0f);
          model->Update(feats, guess[i], -1.0f);
        }
        prev_feats.clear();
        PrevLabelFeatures(d.views, i, gold_prev, &prev_feats);
        model->Update(prev_feats, d.gold[i], 1.0f);
        prev_feats.clear();
        PrevLabelFeatures(d.views, i, guess_prev, &prev_feats);
        model->Update(prev_feats, guess[i], -1.0f);
      }
    }
  }
  model->Finish();
  LineClassifier c;
  std::ostringstream settings;
  settings << "structured averaged perceptron, Viterbi decoding; seed=" << options.seed
           << " epochs=" << options.epochs << " files=" << files.size() << " lines=" << n_lines;
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
