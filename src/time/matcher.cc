#include "time/matcher.h"

#include <algorithm>

namespace dossier::time {

struct Matcher::Ctx {
  std::string_view text;
  const std::vector<TToken>& t;
};

Matcher::Matcher(const RuleSet& rules) : rules_(rules) {
  numword_ = rules.ClassId("NUMWORD");
  ordword_ = rules.ClassId("ORDWORD");
  decadeword_ = rules.ClassId("DECADEWORD");
  ordsuffix_ = rules.ClassId("ORDSUFFIX");
  decadesuffix_ = rules.ClassId("DECADESUFFIX");
  numand_ = rules.ClassId("NUMAND");
  yearword_ = rules.ClassId("YEARWORD");
  ampm_ = rules.ClassId("AMPM");
  tz_ = rules.ClassId("TZ");
  timectx_ = rules.ClassId("TIMECTX");
  weakctx_ = rules.ClassId("WEAKCTX");
  notnoun_ = rules.ClassId("NOTNOUN");
  if (int c = rules.ClassId("NOTNOUNSUFFIX"); c >= 0) notnoun_suffixes_ = rules.ClassWords(c);
}

namespace {

void Bind(const RuleSet& rules, Bindings* b, int slot, int32_t value) {
  if (slot < 0 || slot >= kSlotCount) return;
  SlotValue s;
  s.set = true;
  s.value = value;
  s.num = value >= 0 && rules.value(value).is_num ? rules.value(value).num : 0;
  b->Set(slot, s);
}

void BindNum(Bindings* b, int slot, double v) {
  if (slot < 0 || slot >= kSlotCount) return;
  SlotValue s;
  s.set = true;
  s.value = -1;
  s.num = v;
  b->Set(slot, s);
}

inline bool PlainInt(const TToken& t) {
  return t.kind == TKind::kNumber &&
         !(t.flags & (kTThousands | kTDecimal | kTColon | kTSlash | kTApostropheBefore));
}

}  // namespace

bool Matcher::ClassEntryAt(const TToken& tok, int cls, const ClassEntry** out) const {
  if (!tok.lex || cls < 0) return false;
  for (const ClassEntry& e : tok.lex->classes) {
    if (e.cls != cls) continue;
    if ((e.flags & kEntryCap) && !(tok.flags & kTCap)) continue;
    if ((e.flags & kEntryGlued) && !(tok.flags & kTAttached)) continue;
    *out = &e;
    return true;
  }
  return false;
}

int Matcher::MatchPhrase(const std::vector<TToken>& t, size_t ti, int cls, int literal, const LexEntry** entry_out,
                         const Phrase** phrase_out) const {
  const LexEntry* e = t[ti].lex;
  if (!e) return 0;
  int best = 0;
  for (const Phrase& ph : e->phrases) {
    if (cls >= 0 ? ph.cls != cls : ph.literal != literal) continue;
    if ((ph.flags & kEntryCap) && !(t[ti].flags & kTCap)) continue;
    if (ti + 1 + ph.rest.size() > t.size()) continue;
    bool ok = true;
    for (size_t k = 0; k < ph.rest.size() && ok; ++k) {
      const TToken& x = t[ti + 1 + k];
      ok = x.lex && x.lex->word_id == ph.rest[k];
    }
    if (ok && static_cast<int>(1 + ph.rest.size()) > best) {
      best = static_cast<int>(1 + ph.rest.size());
      if (entry_out) *entry_out = e;
      if (phrase_out) *phrase_out = &ph;
    }
  }
  return best;
}

int Matcher::ParseNumber(std::string_view text, const std::vector<TToken>& t, size_t i, double* value) const {
  if (i >= t.size()) return 0;
  const TToken& a = t[i];
  if (a.kind == TKind::kNumber) {
    if (a.flags & (kTColon | kTApostropheBefore | kTSlash)) return 0;
    double v = a.num;
    int used = 1;
    // "2 1/2"
    if (!(a.flags & (kTSlash | kTDecimal)) && i + 1 < t.size() && (t[i + 1].flags & kTSlash) &&
        (t[i + 1].flags & kTSpaceBefore) && t[i + 1].numer < t[i + 1].aux) {
      v += t[i + 1].num;
      used = 2;
    }
    *value = v;
    return used;
  }
  // Spelled: "twenty four", "one hundred and five", "a hundred", "two thousand".
  double total = 0, current = 0;
  int used = 0;
  size_t k = i;
  int last = -1;  // value of the last word, -1 at the start
  const ClassEntry* ce = nullptr;
  // "a hundred", "a thousand"
  if (a.lex && a.lex->number_start && k + 1 < t.size() && ClassEntryAt(t[k + 1], numword_, &ce) &&
      rules_.value(ce->value).num >= 100) {
    current = 1;
    last = 1;
    ++k;
    ++used;
  }
  while (k < t.size()) {
    const TToken& x = t[k];
    if (x.kind != TKind::kWord) break;
    if (used > 0 && !(x.flags & (kTSpaceBefore | kTHyphenBefore))) break;
    if (!ClassEntryAt(x, numword_, &ce) || ce->value < 0) {
      // "one hundred and five"
      if (last >= 100 && numand_ >= 0 && x.lex && x.lex->InClass(numand_) && k + 1 < t.size() &&
          ClassEntryAt(t[k + 1], numword_, &ce) && rules_.value(ce->value).num < 100) {
        ++k;
        ++used;
        continue;
      }
      break;
    }
    double v = rules_.value(ce->value).num;
    if (v >= 1000) {
      if (last < 0) break;
      total += (current == 0 ? 1 : current) * v;
      current = 0;
    } else if (v == 100) {
      if (last >= 0 && last < 1) break;
      current = (current == 0 ? 1 : current) * 100;
    } else {
      if (last >= 0) {
        // After tens only a unit; after hundred/thousand anything below 100; else stop.
        bool ok = (last >= 20 && last < 100 && static_cast<int>(last) % 10 == 0 && v < 10 && v > 0) || last >= 100;
        if (!ok) break;
      }
      current += v;
    }
    last = static_cast<int>(v);
    ++k;
    ++used;
  }
  if (used == 0 || last < 0) return 0;
  *value = total + current;
  return used;
}

int Matcher::MatchBuiltin(Builtin which, std::string_view text, const std::vector<TToken>& t, size_t i,
                          Bindings* b, int slot) const {
  if (i >= t.size()) return 0;
  const TToken& a = t[i];
  const ClassEntry* ce = nullptr;
  auto next_in = [&](size_t k, int cls) { return k < t.size() && cls >= 0 && t[k].lex && t[k].lex->InClass(cls); };
  switch (which) {
    case Builtin::kNum: {
      double v = 0;
      int n = ParseNumber(text, t, i, &v);
      if (n > 0) BindNum(b, slot >= 0 ? slot : kSlotNum, v);
      return n;
    }
    case Builtin::kOrd:
    case Builtin::kDay: {
      int s = slot >= 0 ? slot : (which == Builtin::kDay ? kSlotDay : kSlotOrd);
      double v = 0;
      int n = 0;
      if (PlainInt(a)) {
        v = a.num;
        n = 1;
        bool suffix = i + 1 < t.size() && (t[i + 1].flags & kTAttached) && next_in(i + 1, ordsuffix_);
        if (suffix) n = 2;
        else if (which == Builtin::kOrd) return 0;
        if (which == Builtin::kDay && a.digits > 2) return 0;
      } else if (ClassEntryAt(a, ordword_, &ce) && ce->value >= 0) {
        v = rules_.value(ce->value).num;
        n = 1;
      } else if (ClassEntryAt(a, numword_, &ce) && ce->value >= 0 && i + 1 < t.size() &&
                 (t[i + 1].flags & kTHyphenBefore)) {
        // "twenty-first"
        double tens = rules_.value(ce->value).num;
        const ClassEntry* o = nullptr;
        if (tens >= 20 && tens < 100 && ClassEntryAt(t[i + 1], ordword_, &o) && rules_.value(o->value).num < 10) {
          v = tens + rules_.value(o->value).num;
          n = 2;
        }
      }
      if (n == 0) return 0;
      if (which == Builtin::kDay && (v < 1 || v > 31)) return 0;
      BindNum(b, s, v);
      return n;
    }
    case Builtin::kYear: {
      int s = slot >= 0 ? slot : kSlotYear;
      if (a.kind == TKind::kNumber) {
        if ((a.flags & kTApostropheBefore) && a.aux == 2) {
          if (i + 1 < t.size() && (t[i + 1].flags & kTAttached) && next_in(i + 1, decadesuffix_)) return 0;
          BindNum(b, s, a.num);  // two digits; the normaliser picks the century
          return 1;
        }
        if (!PlainInt(a) || a.digits != 4 || a.num < 1000 || a.num > 2999) return 0;
        if (i + 1 < t.size() && (t[i + 1].flags & kTAttached) && t[i + 1].kind == TKind::kWord) return 0;  // 1990s, 2000m
        BindNum(b, s, a.num);
        return 1;
      }
      // "nineteen ninety-six", "nineteen eighty", "twenty twenty-five", "nineteen hundred"
      if (ClassEntryAt(a, numword_, &ce) && ce->value >= 0) {
        double hi = rules_.value(ce->value).num;
        if (((hi >= 11 && hi <= 19) || hi == 20) && i + 1 < t.size() && (t[i + 1].flags & kTSpaceBefore)) {
          const ClassEntry* c2 = nullptr;
          if (ClassEntryAt(t[i + 1], numword_, &c2) && c2->value >= 0) {
            double lo = rules_.value(c2->value).num;
            if (lo >= 10 && lo < 100) {
              int n = 2;
              if (lo >= 20 && static_cast<int>(lo) % 10 == 0 && i + 2 < t.size() && (t[i + 2].flags & kTHyphenBefore)) {
                const ClassEntry* c3 = nullptr;
                if (ClassEntryAt(t[i + 2], numword_, &c3) && c3->value >= 0 && rules_.value(c3->value).num < 10) {
                  lo += rules_.value(c3->value).num;
                  n = 3;
                }
              }
              BindNum(b, s, hi * 100 + lo);
              return n;
            }
          }
        }
        // "the year two thousand (and five)"
        if (i > 0 && next_in(i - 1, yearword_)) {
          double v = 0;
          int n = ParseNumber(text, t, i, &v);
          if (n > 0 && v >= 1000 && v <= 2999) {
            BindNum(b, s, v);
            return n;
          }
        }
      }
      return 0;
    }
    case Builtin::kDecade: {
      int s = slot >= 0 ? slot : kSlotDecade;
      if (a.kind == TKind::kNumber && i + 1 < t.size() && (t[i + 1].flags & kTAttached) && next_in(i + 1, decadesuffix_)) {
        if ((a.flags & kTApostropheBefore) && a.aux == 2 && static_cast<int>(a.num) % 10 == 0) {
          BindNum(b, s, a.num);
          return 2;
        }
        if (PlainInt(a) && a.digits == 4 && static_cast<int>(a.num) % 10 == 0 && a.num >= 1000 && a.num <= 2990) {
          BindNum(b, s, a.num);
          return 2;
        }
        return 0;
      }
      if (ClassEntryAt(a, decadeword_, &ce) && ce->value >= 0) {
        BindNum(b, s, rules_.value(ce->value).num);
        return 1;
      }
      return 0;
    }
    case Builtin::kTime: {
      int hour = -1, minute = 0, n = 0;
      if (a.kind == TKind::kNumber && (a.flags & kTColon) && !(a.flags & kTApostropheBefore)) {
        if (a.num > 24 || a.aux > 59) return 0;
        hour = static_cast<int>(a.num);
        minute = a.aux;
        n = 1;
      } else if (PlainInt(a) && a.num >= 1 && a.num <= 12 && a.digits <= 2) {
        hour = static_cast<int>(a.num);
        n = 1;
      } else {
        return 0;
      }
      bool ampm = false;
      if (i + 1 < t.size() && ClassEntryAt(t[i + 1], ampm_, &ce) && ce->value >= 0 &&
          (t[i + 1].flags & (kTAttached | kTSpaceBefore))) {
        // Spaced "am"/"pm" must be lower case with periods or written in capitals.
        const TToken& x = t[i + 1];
        std::string_view w = text.substr(x.begin, x.end - x.begin);
        bool periods = w.find('.') != std::string_view::npos;
        if ((x.flags & kTAttached) || periods || (x.flags & kTAllCaps)) {
          if (hour > 12 || hour == 0) return 0;
          const std::string& v = rules_.value(ce->value).str;
          if (v == "pm" && hour < 12) hour += 12;
          if (v == "am" && hour == 12) hour = 0;
          ampm = true;
          n = 2;
        }
      }
      if (!ampm) {
        if (!(a.flags & kTColon)) return 0;
        bool tz = i + 1 < t.size() && t[i + 1].lex && tz_ >= 0 && t[i + 1].lex->InClass(tz_);
        bool ctx = i > 0 && t[i - 1].lex && timectx_ >= 0 && t[i - 1].lex->InClass(timectx_);
        if (!tz && !ctx) return 0;
      }
      BindNum(b, kSlotHour, hour);
      BindNum(b, kSlotMinute, minute);
      return n;
    }
    case Builtin::kIsoDate: {
      if (!PlainInt(a) || a.digits != 4 || i + 2 >= t.size()) return 0;
      const TToken& m = t[i + 1];
      const TToken& d = t[i + 2];
      if (!PlainInt(m) || !PlainInt(d) || !(m.flags & kTHyphenBefore) || !(d.flags & kTHyphenBefore) ||
          m.digits != 2 || d.digits != 2 || m.num < 1 || m.num > 12 || d.num < 1 || d.num > 31)
        return 0;
      if (i + 3 < t.size() && (t[i + 3].flags & (kTHyphenBefore | kTAttached)) && t[i + 3].kind != TKind::kPunct) return 0;
      BindNum(b, kSlotYear, a.num);
      BindNum(b, kSlotMonth, m.num);
      BindNum(b, kSlotDay, d.num);
      return 3;
    }
    case Builtin::kNoun: {
      // A lower-case word that is not a function word ("soldiers"); a second one when the first is
      // singular and the second plural ("member states").
      auto noun_at = [&](size_t k) {
        if (k >= t.size() || t[k].kind != TKind::kWord) return false;
        unsigned char f = static_cast<unsigned char>(text[t[k].begin]);
        if (!(f >= 'a' && f <= 'z')) return false;
        if (t[k].end - t[k].begin < 2) return false;
        if (t[k].lex && notnoun_ >= 0 && t[k].lex->InClass(notnoun_)) return false;
        std::string_view w = text.substr(t[k].begin, t[k].end - t[k].begin);
        for (const std::string& suffix : notnoun_suffixes_)
          if (w.size() > suffix.size() + 3 && w.substr(w.size() - suffix.size()) == suffix) return false;
        return true;
      };
      if (!noun_at(i)) return 0;
      int n = 1;
      auto plural = [&](size_t k) { return text[t[k].end - 1] == 's' && text[t[k].end - 2] != 's'; };
      if (!plural(i) && noun_at(i + 1) && plural(i + 1) && (t[i + 1].flags & kTSpaceBefore)) n = 2;
      BindNum(b, slot >= 0 ? slot : kSlotNoun, static_cast<double>(i) + (n == 2 ? 0.5 : 0));
      return n;
    }
    case Builtin::kCount:
      break;
  }
  return 0;
}

int Matcher::MatchAlt(Ctx& c, const Alternative& a, const Element& el, size_t ti, Bindings* b) const {
  if (ti >= c.t.size()) return 0;
  const TToken& tok = c.t[ti];
  switch (a.kind) {
    case AltKind::kWord:
      return tok.lex && tok.lex->word_id == a.id ? 1 : 0;
    case AltKind::kPhrase:
      return MatchPhrase(c.t, ti, -1, a.id, nullptr, nullptr);
    case AltKind::kClass: {
      const WordClass& wc = rules_.GetClass(a.id);
      int slot = el.slot >= 0 ? el.slot : wc.slot;
      const Phrase* ph = nullptr;
      int n = MatchPhrase(c.t, ti, a.id, -1, nullptr, &ph);
      if (n > 1) {
        if (ph->flags & kEntryWeak) b->SetWeak();
        Bind(rules_, b, slot, ph->value);
        return n;
      }
      const ClassEntry* ce = nullptr;
      if (!ClassEntryAt(tok, a.id, &ce)) return 0;
      if (ce->flags & kEntryWeak) b->SetWeak();
      Bind(rules_, b, slot, ce->value);
      return 1;
    }
    case AltKind::kBuiltin:
      return MatchBuiltin(static_cast<Builtin>(a.id), c.text, c.t, ti, b, el.slot);
  }
  return 0;
}

bool Matcher::MatchFrom(Ctx& c, const Rule& r, size_t ei, size_t ti, Bindings& b, size_t* end) const {
  if (ei == r.elements.size()) {
    *end = ti;
    return true;
  }
  const Element& el = r.elements[ei];
  if (el.context == Context::kAfter) {
    bool any = false;
    size_t mark = b.Mark();
    for (const Alternative& a : el.alts)
      if (MatchAlt(c, a, el, ti, &b) > 0) {
        any = true;
        break;
      }
    b.Undo(mark);
    if (any == el.negated) return false;
    *end = ti;
    return true;
  }
  if (el.joined != 0 && ti < c.t.size()) {
    bool joined = (c.t[ti].flags & kTHyphenBefore) != 0;
    if (joined != (el.joined > 0)) return el.optional ? MatchFrom(c, r, ei + 1, ti, b, end) : false;
  }
  for (const Alternative& a : el.alts) {
    size_t mark = b.Mark();
    int n = MatchAlt(c, a, el, ti, &b);
    if (n > 0 && MatchFrom(c, r, ei + 1, ti + n, b, end)) return true;
    b.Undo(mark);
  }
  if (el.optional) return MatchFrom(c, r, ei + 1, ti, b, end);
  return false;
}

void Matcher::Find(std::string_view text, const std::vector<TToken>& tokens, std::vector<Match>* out) const {
  const size_t n = tokens.size();
  if (n == 0) return;
  Ctx c{text, tokens};
  // Scratch space, one per thread (a Matcher is shared by threads).
  struct Scratch {
    std::vector<uint32_t> stamp;
    uint32_t gen = 0;
    std::vector<uint16_t> cand;
    std::vector<uint64_t> present;
    std::vector<std::pair<uint8_t, SlotValue>> trail;
    std::vector<uint32_t> possible_gen;  // per rule: the sentence its `possible` was computed for
    std::vector<uint8_t> possible;
    uint32_t sentence_gen = 0;
    const RuleSet* owner = nullptr;
  };
  thread_local Scratch scratch;
  if (scratch.owner != &rules_ || scratch.stamp.size() != rules_.rules().size()) {
    scratch.stamp.assign(rules_.rules().size(), 0);
    scratch.possible_gen.assign(rules_.rules().size(), 0);
    scratch.possible.assign(rules_.rules().size(), 0);
    scratch.gen = 0;
    scratch.sentence_gen = 0;
    scratch.owner = &rules_;
  }
  if (++scratch.sentence_gen == 0) {
    std::fill(scratch.possible_gen.begin(), scratch.possible_gen.end(), 0);
    scratch.sentence_gen = 1;
  }
  std::vector<uint32_t>& stamp = scratch.stamp;
  std::vector<uint16_t>& cand = scratch.cand;
  struct Best {
    uint32_t end = 0;
    uint16_t rule = 0;
    bool any = false;
    Bindings b;
  };
  Best best;
  size_t last_end = 0;
  std::vector<std::pair<uint8_t, SlotValue>>& trail = scratch.trail;
  trail.clear();
  Bindings work;
  work.trail = &trail;
  // Which words, classes and builtins occur in the sentence: a rule that needs one that does not
  // is never tried.
  const int32_t keys = rules_.PresenceKeyCount();
  std::vector<uint64_t>& present = scratch.present;
  present.assign(static_cast<size_t>(keys + 63) / 64, 0);
  auto set_index = [&](int32_t i) { present[static_cast<size_t>(i) >> 6] |= uint64_t{1} << (i & 63); };
  const int32_t noun_key = rules_.PresenceIndex(RuleSet::kBuiltinKey + static_cast<int>(Builtin::kNoun));
  bool any_numeric = false;
  for (const TToken& tok : tokens) {
    if (tok.lex) {
      for (int32_t i : tok.lex->presence) set_index(i);
      any_numeric |= tok.lex->numeric;
    }
    any_numeric |= tok.kind == TKind::kNumber;
    if (tok.kind == TKind::kWord) set_index(noun_key);
  }
  if (any_numeric)
    for (int bi = 0; bi < static_cast<int>(Builtin::kNoun); ++bi) set_index(rules_.PresenceIndex(RuleSet::kBuiltinKey + bi));
  for (size_t s = 0; s < n; ++s) {
    if (s < last_end) continue;
    const TToken& tok = tokens[s];
    if (tok.flags & kTHyphenBefore) continue;  // never start inside a hyphenated word
    const bool numeric = tok.kind == TKind::kNumber || (tok.lex && tok.lex->numeric);
    const std::vector<uint16_t>* lists[3] = {
        tok.lex ? &tok.lex->start_rules : nullptr,
        numeric ? &rules_.NumericRules() : (tok.lex && tok.lex->number_start ? &rules_.NumRules() : nullptr),
        rules_.RulesAnywhere().empty() ? nullptr : &rules_.RulesAnywhere()};
    cand.clear();
    if (!lists[1] && !lists[2]) {
      if (!lists[0] || lists[0]->empty()) continue;
      cand.assign(lists[0]->begin(), lists[0]->end());  // already sorted and unique
    } else {
      if (++scratch.gen == 0) {
        std::fill(stamp.begin(), stamp.end(), 0);
        scratch.gen = 1;
      }
      const uint32_t gen = scratch.gen;
      for (const auto* v : lists) {
        if (!v) continue;
        for (uint16_t r : *v)
          if (stamp[r] != gen) {
            stamp[r] = gen;
            cand.push_back(r);
          }
      }
      std::sort(cand.begin(), cand.end());
    }

    best.any = false;
    for (uint16_t ri : cand) {
      const Rule& r = rules_.rules()[ri];
      if (scratch.possible_gen[ri] != scratch.sentence_gen) {
        bool possible = true;
        const std::vector<int32_t>& req = rules_.RequiredFlat(ri);
        for (size_t q = 0; q < req.size() && possible;) {
          int32_t count = req[q++];
          bool any = false;
          for (int32_t k = 0; k < count && !any; ++k) {
            int32_t i = req[q + static_cast<size_t>(k)];
            any = (present[static_cast<size_t>(i) >> 6] >> (i & 63)) & 1;
          }
          q += static_cast<size_t>(count);
          possible = any;
        }
        scratch.possible_gen[ri] = scratch.sentence_gen;
        scratch.possible[ri] = possible;
      }
      if (!scratch.possible[ri]) continue;
      size_t ei = 0;
      if (!r.elements.empty() && r.elements[0].context == Context::kBefore) {
        const Element& el = r.elements[0];
        bool m = false;
        if (s > 0) {
          for (const Alternative& a : el.alts)
            if (MatchAlt(c, a, el, s - 1, &work) > 0) {
              m = true;
              break;
            }
          work.Undo(0);
        }
        if (m == el.negated) continue;
        ei = 1;
      }
      Bindings& b = work;
      size_t e = 0;
      bool matched = MatchFrom(c, r, ei, s, b, &e) && e > s;
      if (!matched) {
        b.Undo(0);
        continue;
      }
      bool accept = true;
      // A weak word alone ("May", "fall", "second") needs a context word before it.
      if (b.weak && e - s == 1 &&
          (s == 0 || !tokens[s - 1].lex || weakctx_ < 0 || !tokens[s - 1].lex->InClass(weakctx_)))
        accept = false;
      // Never end inside a hyphenated word ("Trump-Putin"), except before a number.
      if (e < n && (tokens[e].flags & kTHyphenBefore) && tokens[e].kind == TKind::kWord && !r.none) accept = false;
      if (accept && (!best.any || e > best.end)) {
        best.any = true;
        best.end = static_cast<uint32_t>(e);
        best.rule = ri;
        best.b = b;
        best.b.trail = nullptr;
      }
      b.Undo(0);
    }
    if (best.any) {
      Match m;
      m.first = static_cast<uint32_t>(s);
      m.end = best.end;
      // Punctuation that an optional element took at either edge is not part of the extent.
      auto edge_punct = [&](const TToken& x) {
        if (x.kind != TKind::kPunct) return false;
        char ch = text[x.begin];
        return ch == ',' || ch == ';' || ch == ':' || ch == '(' || ch == ')' || ch == '-';
      };
      while (m.first + 1 < m.end && edge_punct(tokens[m.first])) ++m.first;
      while (m.end > m.first + 1 && edge_punct(tokens[m.end - 1])) --m.end;
      m.rule = best.rule;
      m.bindings = best.b;
      out->push_back(m);
      last_end = best.end;
    }
  }
}

}  // namespace dossier::time
