// TimeTagger: tokenise each sentence, match the rules, and normalise the matches in text order
// with the creation time, the tense of the sentence and the last mentioned date.
#include <cstdio>

#include "dossier/text.h"
#include "dossier/time.h"
#include "time/matcher.h"
#include "time/normalize.h"
#include "time/rules.h"
#include "time/tokens.h"

namespace dossier {

using time::NormContext;
using time::Tense;

bool DocumentDate::Parse(std::string_view s, DocumentDate* out) {
  auto digits = [&](size_t at, size_t n, int* v) {
    if (at + n > s.size()) return false;
    int r = 0;
    for (size_t k = 0; k < n; ++k) {
      char c = s[at + k];
      if (c < '0' || c > '9') return false;
      r = r * 10 + (c - '0');
    }
    *v = r;
    return true;
  };
  DocumentDate d;
  if (digits(0, 4, &d.year) && s.size() >= 10 && s[4] == '-' && s[7] == '-' && digits(5, 2, &d.month) &&
      digits(8, 2, &d.day)) {
  } else if (digits(0, 4, &d.year) && digits(4, 2, &d.month) && digits(6, 2, &d.day) &&
             (s.size() == 8 || !(s[8] >= '0' && s[8] <= '9'))) {
  } else {
    return false;
  }
  if (!time::IsValidDate(d.year, d.month, d.day) || d.year < 1000) return false;
  d.known = true;
  *out = d;
  return true;
}

std::string DocumentDate::Iso() const {
  if (!known) return {};
  char b[16];
  std::snprintf(b, sizeof b, "%04d-%02d-%02d", year, month, day);
  return b;
}

TimeTagger::TimeTagger() = default;
TimeTagger::~TimeTagger() = default;

std::unique_ptr<TimeTagger> TimeTagger::FromFile(const std::string& path, std::string* error) {
  std::unique_ptr<TimeTagger> t(new TimeTagger());
  t->rules_ = time::RuleSet::Load(path, error);
  if (!t->rules_) return nullptr;
  t->matcher_ = std::make_unique<time::Matcher>(*t->rules_);
  t->future_ = t->rules_->ClassId("FUTURE");
  t->past_ = t->rules_->ClassId("PAST");
  t->present_ = t->rules_->ClassId("PRESENT");
  t->notpast_ = t->rules_->ClassId("NOTPAST");
  // The past-tense suffixes are the entries of class PASTSUFFIX.
  if (int c = t->rules_->ClassId("PASTSUFFIX"); c >= 0) t->past_suffixes_ = t->rules_->ClassWords(c);
  return t;
}

std::unique_ptr<TimeTagger> TimeTagger::Load(const std::string& data_dir, const std::string& language,
                                             std::string* error) {
  return FromFile(data_dir + "/time/" + language + ".timex", error);
}

std::vector<Span> TimeTagger::SplitText(std::string_view text) {
  std::vector<Span> out;
  std::vector<Token> tokens;
  std::vector<TokenRange> ranges;
  size_t pos = 0;
  while (pos < text.size()) {
    // A paragraph ends at a blank line.
    size_t end = pos;
    while (end < text.size()) {
      size_t nl = text.find('\n', end);
      if (nl == std::string_view::npos) {
        end = text.size();
        break;
      }
      size_t k = nl + 1;
      while (k < text.size() && (text[k] == ' ' || text[k] == '\t' || text[k] == '\r')) ++k;
      if (k < text.size() && text[k] == '\n') {
        end = nl;
        break;
      }
      end = nl + 1;
    }
    if (end > pos) {
      tokens.clear();
      ranges.clear();
      std::string_view para = text.substr(pos, end - pos);
      Tokenize(para, static_cast<uint32_t>(pos), &tokens);
      SplitSentences(para, static_cast<uint32_t>(pos), tokens.data(), tokens.size(), &ranges);
      for (const auto& r : ranges)
        if (r.count) out.push_back({tokens[r.first].span.begin, tokens[r.first + r.count - 1].span.end});
    }
    pos = end;
    while (pos < text.size() && (text[pos] == '\n' || text[pos] == ' ' || text[pos] == '\t' || text[pos] == '\r')) ++pos;
  }
  return out;
}

bool TimeTagger::FindToday(std::string_view text, const std::vector<Span>& sentences, int* year, int* month,
                           int* day) const {
  std::vector<time::TToken> tokens;
  std::vector<time::Match> matches;
  for (const Span s : sentences) {
    if (s.empty() || s.end > text.size()) continue;
    tokens.clear();
    matches.clear();
    time::TokenizeForTime(text, s.begin, s.end, *rules_, &tokens);
    matcher_->Find(text, tokens, &matches);
    for (size_t i = 0; i + 1 < matches.size(); ++i) {
      const time::Bindings& a = matches[i].bindings;
      const time::Bindings& b = matches[i + 1].bindings;
      // "today" alone, then a month and day with nothing but punctuation between.
      if (!a.Has(time::kSlotDayOff) || a.Num(time::kSlotDayOff) != 0 || a.Has(time::kSlotPod) ||
          a.Has(time::kSlotHour))
        continue;
      if (!b.Has(time::kSlotMonth) || !b.Has(time::kSlotDay)) continue;
      bool only_punct = true;
      for (size_t k = matches[i].end; k < matches[i + 1].first; ++k)
        if (tokens[k].kind != time::TKind::kPunct) only_punct = false;
      if (!only_punct) continue;
      *month = static_cast<int>(b.Num(time::kSlotMonth));
      *day = static_cast<int>(b.Num(time::kSlotDay));
      *year = b.Has(time::kSlotYear) ? static_cast<int>(b.Num(time::kSlotYear)) : 0;
      if (*month < 1 || *month > 12 || *day < 1 || *day > 31) continue;
      return true;
    }
  }
  return false;
}

namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

void TimeTagger::Tag(std::string_view text, const std::vector<Span>& sentences, const DocumentDate& dct,
                     std::vector<Timex>* out, int32_t sentence_base) const {
  std::vector<time::TToken> tokens;
  std::vector<time::Match> matches;
  NormContext ctx;
  ctx.has_dct = dct.known;
  if (dct.known) ctx.dct = {dct.year, dct.month, dct.day};
  // Tense of a word: future, past, present or none.
  auto word_tense = [&](const time::TToken& t) -> Tense {
    if (t.kind != time::TKind::kWord) return Tense::kNone;
    if (t.lex) {
      if (t.lex->InClass(future_)) return Tense::kFuture;
      if (t.lex->InClass(past_)) return Tense::kPast;
      if (t.lex->InClass(present_)) return Tense::kPresent;
      if (t.lex->InClass(notpast_)) return Tense::kNone;
    }
    // A lower-case word with a past-tense suffix ("met", "signed": -ed in English).
    std::string_view w = text.substr(t.begin, t.end - t.begin);
    if (w.empty() || !(w[0] >= 'a' && w[0] <= 'z')) return Tense::kNone;
    for (const std::string& suffix : past_suffixes_)
      if (w.size() >= suffix.size() + 3 && EndsWith(w, suffix)) return Tense::kPast;
    return Tense::kNone;
  };
  for (size_t si = 0; si < sentences.size(); ++si) {
    const Span s = sentences[si];
    if (s.empty() || s.end > text.size()) continue;
    tokens.clear();
    matches.clear();
    time::TokenizeForTime(text, s.begin, s.end, *rules_, &tokens);
    matcher_->Find(text, tokens, &matches);
    for (const time::Match& m : matches) {
      // The tense of the governing verb: the nearest cue before the expression, else after it.
      Tense tense = Tense::kNone;
      for (size_t k = m.first; k-- > 0 && tense == Tense::kNone;) tense = word_tense(tokens[k]);
      for (size_t k = m.end; k < tokens.size() && tense == Tense::kNone; ++k) tense = word_tense(tokens[k]);
      ctx.tense = tense;
      const time::Rule& rule = rules_->rules()[m.rule];
      if (rule.none) continue;
      time::Normalized n = time::Normalize(*rules_, rule, m.bindings, ctx);
      if (!n.ok) continue;
      Timex x;
      x.span = {tokens[m.first].begin, tokens[m.end - 1].end};
      x.type = n.type;
      x.value = std::move(n.value);
      x.mod = std::move(n.mod);
      x.sentence = sentence_base + static_cast<int32_t>(si);
      if (n.update_ref) {
        ctx.ref = n.cal;
        ctx.has_ref = true;
        if (n.cal.gran == time::Gran::kQuarter || n.cal.gran == time::Gran::kHalf) {
          ctx.period = n.cal;
          ctx.has_period = true;
        }
      }
      out->push_back(std::move(x));
    }
  }
}

}  // namespace dossier
