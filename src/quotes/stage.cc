// The quote stage: marks paired, attributions found, speakers resolved (see dossier/quotes.h).
#include <algorithm>
#include <fstream>
#include <iostream>
#include <sstream>

#include "dossier/quotes.h"
#include "quotes/internal.h"
#include "quotes/tagger.h"

namespace dossier {

std::string_view QuoteTypeName(QuoteType type) {
  switch (type) {
    case QuoteType::kDirect: return "direct";
    case QuoteType::kIndirect: return "indirect";
    case QuoteType::kMixed: return "mixed";
  }
  return "direct";
}

bool ParseQuoteMode(std::string_view name, QuoteMode* mode) {
  if (name == "rules") *mode = QuoteMode::kRules;
  else if (name == "model") *mode = QuoteMode::kModel;
  else if (name == "combined") *mode = QuoteMode::kCombined;
  else return false;
  return true;
}

QuoteStage::QuoteStage() = default;
QuoteStage::~QuoteStage() = default;

std::unique_ptr<QuoteStage> QuoteStage::Load(const std::string& data_dir, std::string* error) {
  return FromFile(data_dir + "/quotes/en.cues", error);
}

std::unique_ptr<QuoteStage> QuoteStage::Load(const QuoteStageOptions& options, std::string* error) {
  std::unique_ptr<QuoteStage> st = Load(options.data_dir, error);
  if (!st) return nullptr;
  st->mode_ = options.mode;
  st->model_path_ = options.model_path;
  return st;
}

const quotes::SpanTagger* QuoteStage::Tagger() const {
  if (mode_ == QuoteMode::kRules) return nullptr;
  std::call_once(tagger_once_, [this] {
    auto t = std::make_unique<quotes::SpanTagger>();
    std::string error;
    if (model_path_.empty() || !t->Load(model_path_, &error)) {
      std::cerr << "dossier: no quote tagger (" << (model_path_.empty() ? "no model path" : error)
                << "): quotations found by the rules only\n";
      return;
    }
    tagger_ = std::move(t);
  });
  return tagger_.get();
}

std::unique_ptr<QuoteStage> QuoteStage::FromFile(const std::string& path, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = "cannot read the quote cues " + path;
    return nullptr;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  std::unique_ptr<QuoteStage> st(new QuoteStage());
  st->lexicon_ = std::make_unique<quotes::Lexicon>();
  std::string why;
  if (!st->lexicon_->Parse(ss.str(), &why)) {
    *error = path + ": " + why;
    return nullptr;
  }
  return st;
}

void QuoteStage::Annotate(Document* doc) const {
  doc->quotes.clear();
  if (doc->tokens.empty() || doc->sentences.empty()) return;
  quotes::TokenView view = quotes::BuildTokenView(*doc, *lexicon_);
  if (view.blocks.empty()) return;
  std::vector<quotes::MarkPair> pairs = quotes::PairQuoteMarks(view);
  std::vector<quotes::Found> found = quotes::FindAttributions(view, pairs);
  if (const quotes::SpanTagger* tagger = Tagger()) {
    const quotes::FeatureContext ctx = quotes::BuildFeatureContext(view, pairs, found);
    std::vector<quotes::Found> tagged = quotes::AssembleAttributions(view, pairs, quotes::TagDocument(*tagger, ctx));
    if (mode_ == QuoteMode::kModel) {
      found = std::move(tagged);
    } else {
      // Combined: the tagger's attributions, with the rules' speaker where the tagger found no
      // source and a rule attribution has the same cue, and the rules' attributions the tagger has
      // no token of.
      auto overlaps = [](Span a, Span b) { return !a.empty() && !b.empty() && a.begin < b.end && b.begin < a.end; };
      std::vector<uint8_t> rule_used(found.size(), 0);
      for (auto& f : tagged)
        for (size_t r = 0; r < found.size(); ++r) {
          const quotes::Found& g = found[r];
          if (!overlaps(f.quote.cue, g.quote.cue)) continue;
          rule_used[r] = 1;
          if (g.speaker_first >= quotes::kNone - 1 || f.speaker_first != quotes::kNone) break;
          f.quote.speaker = g.quote.speaker;
          f.speaker_first = g.speaker_first;
          f.speaker_end = g.speaker_end;
          f.sentence = g.sentence;
          break;
        }
      std::vector<uint8_t> tagged_token(doc->tokens.size(), 0);
      for (const auto& f : tagged)
        for (Span sp : {f.quote.cue, f.quote.content, f.quote.content2, f.quote.speaker})
          for (size_t t = 0; t < doc->tokens.size(); ++t)
            if (overlaps(sp, doc->tokens[t].span)) tagged_token[t] = 1;
      auto untouched = [&](Span sp) {
        for (size_t t = 0; t < doc->tokens.size(); ++t)
          if (tagged_token[t] && overlaps(sp, doc->tokens[t].span)) return false;
        return true;
      };
      for (size_t r = 0; r < found.size(); ++r)
        if (!rule_used[r] && untouched(found[r].quote.cue) && untouched(found[r].quote.content))
          tagged.push_back(std::move(found[r]));
      found = std::move(tagged);
      std::stable_sort(found.begin(), found.end(), [](const quotes::Found& a, const quotes::Found& b) {
        return a.quote.content.begin < b.quote.content.begin;
      });
    }
  }
  quotes::ResolveSpeakers(view, *lexicon_, pairs, &found);
  doc->quotes.reserve(found.size());
  for (auto& f : found) doc->quotes.push_back(std::move(f.quote));
}

}  // namespace dossier
