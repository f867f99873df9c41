// AmountTagger: the rules of data/time/LANG.amounts run by the time stage's pattern matcher; what
// they bind (numbers, scales, currency, the counted noun, the hedge) becomes an Amount.
#include <cmath>

#include "dossier/time.h"
#include "time/matcher.h"
#include "time/rules.h"
#include "time/tokens.h"
#include "util/ascii.h"

namespace dossier {

struct AmountTagger::Impl {
  std::unique_ptr<time::RuleSet> rules;
  std::unique_ptr<time::Matcher> matcher;
};

AmountTagger::AmountTagger() : impl_(std::make_unique<Impl>()) {}
AmountTagger::~AmountTagger() = default;

std::unique_ptr<AmountTagger> AmountTagger::FromFile(const std::string& path, std::string* error) {
  std::unique_ptr<AmountTagger> t(new AmountTagger());
  t->impl_->rules = time::RuleSet::Load(path, error);
  if (!t->impl_->rules) return nullptr;
  t->impl_->matcher = std::make_unique<time::Matcher>(*t->impl_->rules);
  return t;
}

std::unique_ptr<AmountTagger> AmountTagger::Load(const std::string& data_dir, const std::string& language,
                                                 std::string* error) {
  return FromFile(data_dir + "/time/" + language + ".amounts", error);
}

namespace {

std::string SlotString(const time::RuleSet& rules, const time::Bindings& b, time::Slot s) {
  const time::SlotValue& v = b.slots[s];
  if (!v.set || v.value < 0) return {};
  return rules.value(v.value).str;
}

}  // namespace

void AmountTagger::Tag(std::string_view text, const std::vector<Span>& sentences, const std::vector<Timex>& skip,
                       std::vector<Amount>* out) const {
  const time::RuleSet& rules = *impl_->rules;
  std::vector<time::TToken> tokens;
  std::vector<time::Match> matches;
  size_t skip_i = 0;
  for (const Span s : sentences) {
    if (s.empty() || s.end > text.size()) continue;
    tokens.clear();
    matches.clear();
    time::TokenizeForTime(text, s.begin, s.end, rules, &tokens);
    impl_->matcher->Find(text, tokens, &matches);
    std::string last_unit;  // the counted noun of the last count in the sentence
    for (const time::Match& m : matches) {
      const time::Rule& rule = rules.rules()[m.rule];
      if (rule.none || !rule.amount) continue;
      const time::Bindings& b = m.bindings;
      Amount a;
      a.span = {tokens[m.first].begin, tokens[m.end - 1].end};
      // Dates and clock times are not amounts ("20 November", "2014"); durations are ("30 days").
      while (skip_i < skip.size() && skip[skip_i].span.end <= a.span.begin) ++skip_i;
      bool in_date = false;
      for (size_t k = skip_i; k < skip.size() && skip[k].span.begin < a.span.end; ++k)
        if (skip[k].span.end > a.span.begin &&
            (skip[k].type == TimexType::kDate || skip[k].type == TimexType::kTime))
          in_date = true;
      // ... except a count of something named inside one ("Twenty years later": 20 years).
      if (in_date && !(rule.amount_kind == AmountKind::kCount && b.Has(time::kSlotNoun))) continue;
      a.kind = rule.amount_kind;
      double scale = b.Num(time::kSlotScale, 1);
      double num = b.Has(time::kSlotNum) ? b.Num(time::kSlotNum) : b.Num(time::kSlotOrd, 1);
      a.value = num * scale;
      if (b.Has(time::kSlotNum2)) {
        a.has_high = true;
        a.high = b.Num(time::kSlotNum2) * b.Num(time::kSlotScale2, scale);
      }
      a.modifier = SlotString(rules, b, time::kSlotMod);
      a.approximate = !a.modifier.empty();
      std::string noun;
      if (b.Has(time::kSlotNoun)) {
        double nv = b.Num(time::kSlotNoun);
        size_t ti = static_cast<size_t>(nv);
        size_t tj = nv - static_cast<double>(ti) > 0.25 ? ti + 1 : ti;
        if (tj < tokens.size()) noun = AsciiLower(text.substr(tokens[ti].begin, tokens[tj].end - tokens[ti].begin));
      }
      bool spelled = true;  // no digits in the match
      for (size_t k = m.first; k < m.end; ++k)
        if (tokens[k].kind == time::TKind::kNumber) spelled = false;
      switch (a.kind) {
        case AmountKind::kMoney: {
          std::string cur = SlotString(rules, b, time::kSlotCurrency);
          if (size_t slash = cur.find('/'); slash != std::string::npos) {
            double div = std::atof(cur.c_str() + slash + 1);
            if (div > 0) {
              a.value /= div;
              if (a.has_high) a.high /= div;
            }
            cur.resize(slash);
          }
          a.unit = cur;
          break;
        }
        case AmountKind::kPercent:
          a.unit = "%";
          break;
        case AmountKind::kTally:
          a.unit = "votes";
          a.high = b.Num(time::kSlotNum2);
          a.has_high = true;
          break;
        case AmountKind::kOrdinal:
          // Spelled ordinals only with what they order ("the second development", not "First,").
          if (noun.empty() && tokens[m.first].kind == time::TKind::kWord) continue;
          a.value = b.Num(time::kSlotOrd, num);
          a.unit = noun;
          break;
        case AmountKind::kCount:
          a.unit = noun;
          last_unit = noun;
          break;
        case AmountKind::kNumber:
          if (b.Has(time::kSlotScale2)) {
            // A fraction: "two-thirds".
            double den = b.Num(time::kSlotScale2);
            if (den <= 0) continue;
            a.value = num / den;
            a.unit = "fraction";
            break;
          }
          // A bare number counts what the sentence counted last ("300,000 in total"); a spelled
          // one or one with nothing to count is left out.
          if (spelled || last_unit.empty()) continue;
          a.kind = AmountKind::kCount;
          a.unit = last_unit;
          break;
      }
      if (!std::isfinite(a.value) || (a.has_high && !std::isfinite(a.high))) continue;
      out->push_back(std::move(a));
    }
  }
}

}  // namespace dossier
