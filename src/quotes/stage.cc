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

namespace {

// Prepositions that open an adjunct of the reporting verb rather than a part of the speaker's
// noun phrase: "wrote Steve Witkoff on X", "said Mr Trump in a statement" ("of" stays:
// "Representative Charles B. Rangel of New York").
bool IsAdjunctPreposition(std::string_view w) {
  static constexpr std::string_view kWords[] = {"on", "in", "at", "to", "via", "during", "after", "before",
                                                "with", "from", "by", "over", "through", "while", "when", "as",
                                                "about", "according"};
  for (std::string_view k : kWords)
    if (w == k) return true;
  return false;
}

bool Overlaps(Span a, Span b) { return !a.empty() && !b.empty() && a.begin < b.end && b.begin < a.end; }

// Combined mode: the source of one of the rules' direct quotations, given the tagger's attributions.
// The rules find the quotation's extent and, by its marks and turns, who spoke; PolNeAR-style
// sources are whole noun phrases, which the tagger learnt. So, for the tagged attribution over
// the same words:
//  * the rules found no source: the tagger's source and cue;
//  * the same speaker, the tagger's phrase reaching past the rules' name: the tagger's phrase
//    ("Douglas Brinkley, a historian who attended the session"), cut before an adjunct of the verb
//    after a name ("wrote Steve Witkoff | on X.", "said host Chris Matthews | on his show"; not
//    inside a name: "the Council on Foreign Relations");
//  * the same speaker, the tagger's phrase inside the rules': the rules' when the rest is only
//    more of a name ("Sonya [Herridge]"), else the tagger's ("features [a New York Times]");
//  * two different speakers: the rules'.
void AdoptTaggedSource(const quotes::TokenView& view, const std::vector<quotes::Found>& tagged, quotes::Found* f) {
  const auto& toks = view.doc->tokens;
  const Document* doc = view.doc;
  for (const auto& t : tagged) {
    if (t.quote.speaker.empty() || t.quote.cue.empty() || t.speaker_first >= t.speaker_end ||
        t.speaker_end > toks.size())
      continue;
    if (!Overlaps(t.quote.content, f->quote.content) && !Overlaps(t.quote.content, f->quote.content2)) continue;
    if (Overlaps(t.quote.speaker, f->quote.content) || Overlaps(t.quote.speaker, f->quote.content2)) continue;
    const bool same_speaker = Overlaps(t.quote.speaker, f->quote.speaker);
    if (!same_speaker && !f->quote.speaker.empty()) return;
    uint32_t first = t.speaker_first, end = t.speaker_end;
    if (same_speaker && f->speaker_first < f->speaker_end && f->speaker_end <= toks.size()) {
      const uint32_t rf = f->speaker_first, re = f->speaker_end;
      if (first >= rf && end <= re) {
        bool name_rest = true;  // what the tagger left out is capitalised words only
        for (uint32_t k = rf; k < re; ++k)
          if ((k < first || k >= end) && view.IsWord(k) && !view.cap[k]) name_rest = false;
        if (name_rest) return;
      } else {
        for (uint32_t k = std::max(re, first + 1); k < end; ++k)
          if (view.cap[k - 1] && !view.in_mention[k] && view.IsWord(k) &&
              IsAdjunctPreposition(doc->Text(toks[k].span))) {
            end = k;
            break;
          }
      }
    }
    f->quote.speaker = view.TokenSpan(first, end);
    f->speaker_first = first;
    f->speaker_end = end;
    f->sentence = t.sentence;
    if (!same_speaker || f->quote.cue.empty()) f->quote.cue = t.quote.cue;
    return;
  }
}

}  // namespace

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
      // Combined: the rules' direct quotations (marks paired, split quotes, turns over several
      // paragraphs, inverted speakers), the tagger's attributions with a cue that touch none of
      // their tokens, then the rules' other attributions that touch nothing kept so far.
      std::vector<quotes::Found> kept;
      std::vector<uint8_t> taken(doc->tokens.size(), 0);
      const auto& toks = doc->tokens;
      auto tokens_of = [&](Span sp, auto&& fn) {
        if (sp.empty()) return;
        auto it = std::lower_bound(toks.begin(), toks.end(), sp.begin,
                                   [](const Token& t, uint32_t b) { return t.span.end <= b; });
        for (; it != toks.end() && it->span.begin < sp.end; ++it) fn(static_cast<size_t>(it - toks.begin()));
      };
      for (auto& f : found) {
        if (f.quote.type != QuoteType::kDirect) continue;
        AdoptTaggedSource(view, tagged, &f);
        for (Span sp : {f.quote.cue, f.quote.content, f.quote.content2, f.quote.speaker})
          tokens_of(sp, [&](size_t t) { taken[t] = 1; });
        kept.push_back(f);
      }
      auto free_of = [&](const quotes::Found& f) {
        bool free = true;
        for (Span sp : {f.quote.cue, f.quote.content, f.quote.content2})
          tokens_of(sp, [&](size_t t) { free = free && !taken[t]; });
        return free;
      };
      auto take = [&](quotes::Found&& f) {
        for (Span sp : {f.quote.cue, f.quote.content, f.quote.content2, f.quote.speaker})
          tokens_of(sp, [&](size_t t) { taken[t] = 1; });
        kept.push_back(std::move(f));
      };
      // A tagged content with no cue is left to the rules (they know turns and titles).
      for (auto& f : tagged)
        if (!f.quote.cue.empty() && free_of(f)) take(std::move(f));
      for (auto& f : found)
        if (f.quote.type != QuoteType::kDirect && free_of(f)) take(std::move(f));
      found = std::move(kept);
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
