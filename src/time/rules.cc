#include "time/rules.h"
#include "util/ascii.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace dossier::time {

namespace {

constexpr std::string_view kSlotNames[kSlotCount] = {
    "month", "day",  "year",    "weekday", "season", "pod",    "dayoff", "mod",
    "unit",  "dir",  "rdir",    "vague",   "num",    "num2",   "quarter", "half",
    "hour",  "minute", "ampm",  "tz",      "value",  "century", "decade", "ord",
    "period", "currency", "scale", "scale2", "noun"};

constexpr std::string_view kBuiltinNames[] = {"NUM", "ORD", "DAY", "YEAR", "DECADE", "TIME", "ISODATE", "NOUN"};

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> SplitSpaces(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ' && s[j] != '\t') ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (true) {
    size_t j = s.find(sep, i);
    if (j == std::string_view::npos) {
      out.push_back(s.substr(i));
      break;
    }
    out.push_back(s.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

}  // namespace

std::string_view SlotName(Slot s) { return s < kSlotCount ? kSlotNames[s] : "?"; }

bool SlotFromName(std::string_view name, Slot* out) {
  for (int i = 0; i < kSlotCount; ++i)
    if (kSlotNames[i] == name) {
      *out = static_cast<Slot>(i);
      return true;
    }
  return false;
}

std::string_view BuiltinName(Builtin b) {
  return static_cast<int>(b) < static_cast<int>(Builtin::kCount) ? kBuiltinNames[static_cast<int>(b)] : "?";
}

int32_t RuleSet::InternWord(std::string_view lower) {
  auto it = words_.find(lower);
  if (it != words_.end()) return it->second;
  int32_t id = static_cast<int32_t>(entries_.size());
  entries_.emplace_back();
  entries_.back().word_id = id;
  words_.emplace(std::string(lower), id);
  return id;
}

int32_t RuleSet::InternValue(std::string_view v) {
  for (size_t i = 0; i < values_.size(); ++i)
    if (values_[i].str == v) return static_cast<int32_t>(i);
  RuleValue rv;
  rv.str = std::string(v);
  if (!v.empty()) {
    char* end = nullptr;
    std::string tmp(v);
    double d = std::strtod(tmp.c_str(), &end);
    if (end && *end == '\0') {
      rv.num = d;
      rv.is_num = true;
    }
  }
  values_.push_back(std::move(rv));
  return static_cast<int32_t>(values_.size() - 1);
}

int RuleSet::ClassId(std::string_view name) const {
  for (size_t i = 0; i < classes_.size(); ++i)
    if (classes_[i].name == name) return static_cast<int>(i);
  return -1;
}

std::vector<std::string> RuleSet::ClassWords(int cls) const {
  std::vector<std::string> out;
  for (const auto& [word, id] : words_)
    if (entries_[id].InClass(cls)) out.push_back(word);
  std::sort(out.begin(), out.end());
  return out;
}

bool RuleSet::ParseClassLine(std::string_view line, int cls, std::string* error) {
  for (std::string_view item : SplitSpaces(line)) {
    std::string_view word = item, value, flags;
    if (size_t c = word.find(':'); c != std::string_view::npos && c > 0) {
      flags = word.substr(c + 1);
      word = word.substr(0, c);
    }
    if (size_t e = word.find('='); e != std::string_view::npos && e > 0) {
      value = word.substr(e + 1);
      word = word.substr(0, e);
    }
    uint8_t f = 0;
    if (!flags.empty())
      for (std::string_view fl : Split(flags, ',')) {
        if (fl == "cap") f |= kEntryCap;
        else if (fl == "weak") f |= kEntryWeak;
        else if (fl == "abbr") f |= kEntryAbbr;
        else if (fl == "glued") f |= kEntryGlued;
        else {
          *error = "unknown flag '" + std::string(fl) + "'";
          return false;
        }
      }
    int32_t vi = value.empty() ? -1 : InternValue(value);
    std::vector<std::string_view> parts = Split(word, '_');
    for (auto p : parts)
      if (p.empty()) {
        *error = "empty word in '" + std::string(item) + "'";
        return false;
      }
    std::string first = AsciiLower(parts[0]);
    int32_t id = InternWord(first);
    if (parts.size() == 1) {
      if (f & kEntryAbbr) entries_[id].abbreviation = true;
      entries_[id].classes.push_back({static_cast<uint16_t>(cls), f, vi});
    } else {
      Phrase ph;
      for (size_t k = 1; k < parts.size(); ++k) ph.rest.push_back(InternWord(AsciiLower(parts[k])));
      ph.cls = cls;
      ph.flags = f;
      ph.value = vi;
      entries_[id].phrases.push_back(std::move(ph));
    }
  }
  return true;
}

bool RuleSet::ParseRule(std::string_view line, std::string* error) {
  size_t colon = line.find(" : ");
  if (colon == std::string_view::npos) {
    *error = "a rule needs ' : ' between its head and its pattern";
    return false;
  }
  std::vector<std::string_view> head = SplitSpaces(line.substr(0, colon));
  std::vector<std::string_view> pattern = SplitSpaces(line.substr(colon + 3));
  if (head.size() < 4 || head[0] != "rule") {
    *error = "rule NAME TYPE ACTION [params] : pattern";
    return false;
  }
  Rule r;
  r.name = std::string(head[1]);
  if (head[2] == "DATE") r.type = TimexType::kDate;
  else if (head[2] == "TIME") r.type = TimexType::kTime;
  else if (head[2] == "DURATION") r.type = TimexType::kDuration;
  else if (head[2] == "SET") r.type = TimexType::kSet;
  else if (head[2] == "NONE") r.none = true;
  else if (head[2] == "MONEY") r.amount = true, r.amount_kind = AmountKind::kMoney;
  else if (head[2] == "COUNT") r.amount = true, r.amount_kind = AmountKind::kCount;
  else if (head[2] == "PERCENT") r.amount = true, r.amount_kind = AmountKind::kPercent;
  else if (head[2] == "ORDINAL") r.amount = true, r.amount_kind = AmountKind::kOrdinal;
  else if (head[2] == "TALLY") r.amount = true, r.amount_kind = AmountKind::kTally;
  else if (head[2] == "NUMBER") r.amount = true, r.amount_kind = AmountKind::kNumber;
  else {
    *error = "unknown type '" + std::string(head[2]) + "'";
    return false;
  }
  static const std::pair<std::string_view, Action> kActions[] = {
      {"date", Action::kDate}, {"shift", Action::kShift}, {"offset", Action::kOffset},
      {"dur", Action::kDur},   {"set", Action::kSet},     {"ref", Action::kRef},
      {"none", Action::kNone}, {"amount", Action::kAmount}};
  bool found = false;
  for (const auto& [n, a] : kActions)
    if (head[3] == n) {
      r.action = a;
      found = true;
    }
  if (!found) {
    *error = "unknown action '" + std::string(head[3]) + "'";
    return false;
  }
  for (size_t k = 4; k < head.size(); ++k) {
    std::string_view p = head[k];
    size_t e = p.find('=');
    if (e == std::string_view::npos) {
      *error = "parameter without '=': '" + std::string(p) + "'";
      return false;
    }
    std::string_view key = p.substr(0, e), val = p.substr(e + 1);
    Slot s;
    if (key == "value") r.value = InternValue(val);
    else if (key == "anchor") r.anchor_ref = val == "ref";
    else if (key == "sign") r.sign = val == "1" || val == "+1" ? 1 : -1;
    else if (key == "like") r.like_ref = val == "ref";
    else if (SlotFromName(key, &s)) r.presets.push_back({s, InternValue(val)});
    else {
      *error = "unknown parameter '" + std::string(key) + "'";
      return false;
    }
  }
  for (std::string_view tok : pattern) {
    Element el;
    if (tok.substr(0, 2) == "<!") {
      el.context = Context::kBefore;
      el.negated = true;
      tok.remove_prefix(2);
    } else if (tok.substr(0, 2) == ">!") {
      el.context = Context::kAfter;
      el.negated = true;
      tok.remove_prefix(2);
    } else if (!tok.empty() && tok[0] == '<' && tok.size() > 1) {
      el.context = Context::kBefore;
      tok.remove_prefix(1);
    } else if (!tok.empty() && tok[0] == '>' && tok.size() > 1) {
      el.context = Context::kAfter;
      tok.remove_prefix(1);
    }
    if (tok.size() > 1 && (tok[0] == '-' || tok[0] == '+') && el.context == Context::kNone) {
      el.joined = tok[0] == '-' ? 1 : -1;
      tok.remove_prefix(1);
    }
    // '=SLOT' (the last '=' followed by a slot name) and a trailing '?'.
    if (tok.size() > 1 && tok.back() == '?') {
      el.optional = true;
      tok.remove_suffix(1);
    }
    if (size_t e = tok.rfind('='); e != std::string_view::npos && e > 0) {
      Slot s;
      if (!SlotFromName(tok.substr(e + 1), &s)) {
        *error = "unknown slot in '" + std::string(tok) + "'";
        return false;
      }
      el.slot = s;
      tok = tok.substr(0, e);
    }
    for (std::string_view alt : Split(tok, '|')) {
      if (alt.empty()) {
        *error = "empty alternative in '" + std::string(tok) + "'";
        return false;
      }
      Alternative a;
      if (alt[0] == '@' && alt.size() > 1) {
        a.kind = AltKind::kClass;
        a.id = ClassId(alt.substr(1));
        if (a.id < 0) {
          *error = "unknown class '" + std::string(alt) + "'";
          return false;
        }
      } else if (alt[0] == '%' && alt.size() > 1) {
        a.kind = AltKind::kBuiltin;
        a.id = -1;
        for (int b = 0; b < static_cast<int>(Builtin::kCount); ++b)
          if (kBuiltinNames[b] == alt.substr(1)) a.id = b;
        if (a.id < 0) {
          *error = "unknown builtin '" + std::string(alt) + "'";
          return false;
        }
      } else if (alt.find('_') != std::string_view::npos && alt.size() > 1) {
        std::vector<std::string_view> parts = Split(alt, '_');
        Phrase ph;
        ph.literal = next_phrase_literal_++;
        for (size_t k = 1; k < parts.size(); ++k) ph.rest.push_back(InternWord(AsciiLower(parts[k])));
        entries_[InternWord(AsciiLower(parts[0]))].phrases.push_back(std::move(ph));
        a.kind = AltKind::kPhrase;
        a.id = ph.literal;
        a.id = next_phrase_literal_ - 1;
      } else {
        a.kind = AltKind::kWord;
        a.id = InternWord(AsciiLower(alt));
      }
      el.alts.push_back(a);
    }
    r.elements.push_back(std::move(el));
  }
  // Context elements only at the edges, and at least one element that is not context.
  bool any = false;
  for (size_t k = 0; k < r.elements.size(); ++k) {
    const Element& el = r.elements[k];
    if (el.context == Context::kNone) {
      any = true;
      continue;
    }
    bool edge_ok = el.context == Context::kBefore ? k == 0 : k + 1 == r.elements.size();
    if (!edge_ok) {
      *error = "context elements go first ('<') or last ('>')";
      return false;
    }
  }
  if (!any) {
    *error = "a pattern needs at least one element that is not context";
    return false;
  }
  rules_.push_back(std::move(r));
  return true;
}

void RuleSet::Index() {
  by_word_.assign(entries_.size(), {});
  by_class_.assign(classes_.size(), {});
  by_builtin_.assign(static_cast<size_t>(Builtin::kCount), {});
  anywhere_.clear();
  // Phrase literals start with a word: find it.
  std::vector<int32_t> phrase_first(next_phrase_literal_, -1);
  for (const auto& e : entries_)
    for (const auto& ph : e.phrases)
      if (ph.cls < 0 && ph.literal >= 0) phrase_first[ph.literal] = e.word_id;
  auto is_punct_word = [&](int32_t word_id) {
    for (const auto& [w, id] : words_)
      if (id == word_id) {
        for (char c : w)
          if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80) return false;
        return true;
      }
    return false;
  };
  std::vector<char> punct(entries_.size(), 0);
  for (size_t w = 0; w < entries_.size(); ++w) punct[w] = is_punct_word(static_cast<int32_t>(w));
  required_.assign(rules_.size(), {});
  for (size_t ri = 0; ri < rules_.size(); ++ri) {
    const Rule& r = rules_[ri];
    for (const Element& el : r.elements) {
      if (el.context != Context::kNone || el.optional) continue;
      std::vector<int32_t> keys;
      for (const Alternative& a : el.alts) {
        switch (a.kind) {
          case AltKind::kWord: keys.push_back(a.id); break;
          case AltKind::kPhrase: keys.push_back(phrase_first[a.id]); break;
          case AltKind::kClass: keys.push_back(kClassKey + a.id); break;
          case AltKind::kBuiltin: keys.push_back(kBuiltinKey + a.id); break;
        }
      }
      required_[ri].push_back(std::move(keys));
    }
  }
  for (size_t ri = 0; ri < rules_.size(); ++ri) {
    const Rule& r = rules_[ri];
    uint16_t id = static_cast<uint16_t>(ri);
    bool all_optional = true;
    for (const Element& el : r.elements) {
      if (el.context != Context::kNone) continue;
      // A match never starts at an optional punctuation mark (",?" after an optional weekday).
      bool skippable_punct = el.optional && el.alts.size() == 1 && el.alts[0].kind == AltKind::kWord && punct[el.alts[0].id];
      if (skippable_punct) continue;
      for (const Alternative& a : el.alts) {
        switch (a.kind) {
          case AltKind::kWord: by_word_[a.id].push_back(id); break;
          case AltKind::kPhrase: by_word_[phrase_first[a.id]].push_back(id); break;
          case AltKind::kClass: by_class_[a.id].push_back(id); break;
          case AltKind::kBuiltin: by_builtin_[a.id].push_back(id); break;
        }
      }
      if (!el.optional) {
        all_optional = false;
        break;
      }
    }
    if (all_optional) anywhere_.push_back(id);
  }
  auto dedupe = [](std::vector<uint16_t>& v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
  };
  for (auto& v : by_word_) dedupe(v);
  for (auto& v : by_class_) dedupe(v);
  for (auto& v : by_builtin_) dedupe(v);
  numeric_rules_.clear();
  for (int b = 0; b < static_cast<int>(Builtin::kNoun); ++b)
    numeric_rules_.insert(numeric_rules_.end(), by_builtin_[b].begin(), by_builtin_[b].end());
  dedupe(numeric_rules_);
  // Per word: the rules it may start and the presence keys it brings.
  const int numword = ClassId("NUMWORD"), ordword = ClassId("ORDWORD"), decadeword = ClassId("DECADEWORD"),
            numarticle = ClassId("NUMARTICLE");
  for (LexEntry& e : entries_) {
    e.start_rules = by_word_[e.word_id];
    e.presence = {PresenceIndex(e.word_id)};
    for (const ClassEntry& ce : e.classes) {
      e.start_rules.insert(e.start_rules.end(), by_class_[ce.cls].begin(), by_class_[ce.cls].end());
      e.presence.push_back(PresenceIndex(kClassKey + ce.cls));
      if (ce.cls == numword || ce.cls == ordword || ce.cls == decadeword) e.numeric = true;
      if (ce.cls == numarticle) e.number_start = true;
    }
    for (const Phrase& ph : e.phrases)
      if (ph.cls >= 0) {
        e.start_rules.insert(e.start_rules.end(), by_class_[ph.cls].begin(), by_class_[ph.cls].end());
        e.presence.push_back(PresenceIndex(kClassKey + ph.cls));
      }
    dedupe(e.start_rules);
  }
  // The word table.
  word_text_.assign(entries_.size(), {});
  for (const auto& [w, id] : words_) word_text_[id] = w;
  size_t cap = 16;
  while (cap < entries_.size() * 2) cap <<= 1;
  table_.assign(cap, -1);
  table_hash_.assign(cap, 0);
  bloom_.assign(65536 / 64, 0);
  table_mask_ = cap - 1;
  for (size_t id = 0; id < word_text_.size(); ++id) {
    uint32_t h = HashWord(word_text_[id]);
    size_t i = h & table_mask_;
    while (table_[i] >= 0) i = (i + 1) & table_mask_;
    table_[i] = static_cast<int32_t>(id);
    table_hash_[i] = h;
    bloom_[(h >> 16) >> 6] |= uint64_t{1} << ((h >> 16) & 63);
  }
  // Rarer requirements first, so the check fails early: classes, then builtins, then words;
  // any word (%NOUN) and punctuation last.
  auto commonness = [&](const std::vector<int32_t>& keys) {
    int worst = 0;
    for (int32_t k : keys) {
      int c;
      if (k >= kBuiltinKey) c = (k - kBuiltinKey) == static_cast<int>(Builtin::kNoun) ? 100 : 20;
      else if (k >= kClassKey) c = 1;
      else c = punct[static_cast<size_t>(k)] ? 60 : 30;
      worst = std::max(worst, c);
    }
    return worst * 16 + static_cast<int>(std::min<size_t>(keys.size(), 15));
  };
  required_flat_.assign(rules_.size(), {});
  for (size_t ri = 0; ri < rules_.size(); ++ri) {
    std::vector<std::vector<int32_t>> req = required_[ri];
    std::stable_sort(req.begin(), req.end(), [&](const auto& a, const auto& b) { return commonness(a) < commonness(b); });
    for (const auto& keys : req) {
      required_flat_[ri].push_back(static_cast<int32_t>(keys.size()));
      for (int32_t k : keys) required_flat_[ri].push_back(PresenceIndex(k));
    }
  }
}

std::unique_ptr<RuleSet> RuleSet::Parse(std::string_view text, const std::string& name, std::string* error) {
  std::unique_ptr<RuleSet> rs(new RuleSet());
  int line_no = 0;
  int cls = -1;
  bool format_seen = false;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = Trim(text.substr(pos, nl - pos));
    pos = nl + 1;
    ++line_no;
    auto fail = [&](const std::string& why) {
      *error = name + ":" + std::to_string(line_no) + ": " + why;
      return nullptr;
    };
    if (line.empty() || line[0] == '#') {
      if (nl == text.size()) break;
      continue;
    }
    std::vector<std::string_view> words = SplitSpaces(line);
    std::string why;
    if (words[0] == "format") {
      if (words.size() != 3 || words[1] != "dossier-time-rules" || words[2] != "1")
        return fail("unsupported format (expected 'format dossier-time-rules 1')");
      format_seen = true;
    } else if (!format_seen) {
      return fail("the first line must be 'format dossier-time-rules 1'");
    } else if (words[0] == "language" && words.size() == 2) {
      rs->language_ = std::string(words[1]);
    } else if (words[0] == "version" && words.size() == 2) {
      rs->version_ = std::string(words[1]);
    } else if (words[0] == "class") {
      if (words.size() < 2) return fail("class NAME [slot=SLOT]");
      if (rs->ClassId(words[1]) >= 0) return fail("class defined twice: " + std::string(words[1]));
      WordClass wc;
      wc.name = std::string(words[1]);
      for (size_t k = 2; k < words.size(); ++k) {
        if (words[k].substr(0, 5) != "slot=") return fail("unknown class option");
        Slot s;
        if (!SlotFromName(words[k].substr(5), &s)) return fail("unknown slot " + std::string(words[k]));
        wc.slot = s;
      }
      rs->classes_.push_back(wc);
      cls = static_cast<int>(rs->classes_.size() - 1);
    } else if (words[0] == "rule") {
      cls = -1;
      if (rs->rules_.size() >= 65000) return fail("too many rules");
      if (!rs->ParseRule(line, &why)) return fail(why);
      rs->rules_.back().line = line_no;
    } else if (cls >= 0) {
      if (!rs->ParseClassLine(line, cls, &why)) return fail(why);
    } else {
      return fail("entries outside a class: '" + std::string(words[0]) + "'");
    }
    if (nl == text.size()) break;
  }
  if (!format_seen) {
    *error = name + ": empty rule file";
    return nullptr;
  }
  rs->Index();
  return rs;
}

std::unique_ptr<RuleSet> RuleSet::Load(const std::string& path, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = "cannot read time rules " + path;
    return nullptr;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  return Parse(ss.str(), path, error);
}

}  // namespace dossier::time
