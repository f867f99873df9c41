// The language-specific part of time tagging, loaded once from data/time/LANG.timex: word classes
// (months, weekdays, units, number words, ...) and token patterns, each with the TIMEX3 type and
// the normalisation action that turns what it matched into a value. See the file's header for
// the syntax. A RuleSet is immutable after loading and shared by threads.
#ifndef DOSSIER_TIME_RULES_H_
#define DOSSIER_TIME_RULES_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dossier/document.h"

namespace dossier::time {

// What the normaliser reads from a match. The data file names them; the code knows their meaning.
enum Slot : uint8_t {
  kSlotMonth, kSlotDay, kSlotYear, kSlotWeekday, kSlotSeason, kSlotPod, kSlotDayOff, kSlotMod,
  kSlotUnit, kSlotDir, kSlotRDir, kSlotVague, kSlotNum, kSlotNum2, kSlotQuarter, kSlotHalf,
  kSlotHour, kSlotMinute, kSlotAmPm, kSlotTz, kSlotValue, kSlotCentury, kSlotDecade, kSlotOrd,
  kSlotPeriod, kSlotCurrency, kSlotScale, kSlotScale2, kSlotNoun, kSlotCount
};
std::string_view SlotName(Slot s);
bool SlotFromName(std::string_view name, Slot* out);

enum class Action : uint8_t { kDate, kShift, kOffset, kDur, kSet, kRef, kNone, kAmount };

// A value from the file: a string and, when it parses as a number, that number.
struct RuleValue {
  std::string str;
  double num = 0;
  bool is_num = false;
};

enum EntryFlag : uint8_t { kEntryCap = 1, kEntryWeak = 2, kEntryAbbr = 4, kEntryGlued = 8 };

struct ClassEntry {
  uint16_t cls = 0;
  uint8_t flags = 0;
  int32_t value = -1;  // index into RuleSet::values(), -1 when the entry has none
};

// A multi-word entry of a class, or a multi-word literal, keyed by its first word.
struct Phrase {
  std::vector<int32_t> rest;  // word ids of the following words
  int32_t cls = -1;           // the class, or -1 for a literal
  int32_t literal = -1;       // the literal id when cls == -1
  uint8_t flags = 0;
  int32_t value = -1;
};

// Everything known about one lower-cased word.
struct LexEntry {
  int32_t word_id = -1;
  std::vector<ClassEntry> classes;
  std::vector<Phrase> phrases;
  bool abbreviation = false;  // the word ends in a period that belongs to it ("sept.")
  // Filled at load time for the matcher: the rules a token of this word may start (by word,
  // class and phrase class), its presence keys (see RuleSet::Required), and whether it starts a
  // spelled number.
  std::vector<uint16_t> start_rules;
  std::vector<int32_t> presence;
  bool numeric = false;       // a number, ordinal or decade word
  bool number_start = false;  // "a"/"an" before "hundred" (class NUMARTICLE)
  bool InClass(int cls) const {
    for (const auto& c : classes)
      if (c.cls == cls) return true;
    return false;
  }
};

enum class Builtin : uint8_t { kNum, kOrd, kDay, kYear, kDecade, kTime, kIsoDate, kNoun, kCount };
std::string_view BuiltinName(Builtin b);

enum class AltKind : uint8_t { kWord, kPhrase, kClass, kBuiltin };
struct Alternative {
  AltKind kind = AltKind::kWord;
  int32_t id = -1;  // word id, phrase literal id, class id or Builtin
};

enum class Context : uint8_t { kNone, kBefore, kAfter };

struct Element {
  std::vector<Alternative> alts;
  bool optional = false;
  bool negated = false;  // context elements only: must not match
  Context context = Context::kNone;
  // '-' prefix: the element's first token must be joined to the one before by a hyphen
  // ("third-quarter"); '+': must not be ("the third quarter").
  int8_t joined = 0;  // 0 any, 1 hyphen-joined, -1 not
  int slot = -1;  // binds to this slot instead of the class's own (or the builtin's default)
};

struct Rule {
  std::string name;
  TimexType type = TimexType::kDate;
  bool none = false;  // type NONE: the match claims its words but is not a time expression
  bool amount = false;  // an amount rule (type MONEY, COUNT, PERCENT, ORDINAL, TALLY, NUMBER)
  AmountKind amount_kind = AmountKind::kNumber;
  Action action = Action::kDate;
  std::vector<Element> elements;  // context elements first/last, as written
  // Slot presets (used when the match does not bind the slot).
  std::vector<std::pair<Slot, int32_t>> presets;  // value index
  int32_t value = -1;  // value= (kRef, kSet)
  bool anchor_ref = false;  // anchor=ref
  int sign = -1;
  bool like_ref = false;
  int line = 0;
};

struct WordClass {
  std::string name;
  int slot = -1;
};

class RuleSet {
 public:
  // Parses a rule file. Returns null and sets `error` ("FILE:LINE: reason") on failure.
  static std::unique_ptr<RuleSet> Load(const std::string& path, std::string* error);
  static std::unique_ptr<RuleSet> Parse(std::string_view text, const std::string& name, std::string* error);

  // The entry of a lower-cased word, or null.
  const LexEntry* Find(std::string_view lower) const {
    if (table_.empty()) {
      auto it = words_.find(lower);
      return it == words_.end() ? nullptr : &entries_[it->second];
    }
    return FindHashed(lower, HashWord(lower));
  }
  static uint32_t HashWord(std::string_view lower) {
    uint32_t h = 2166136261u;
    for (unsigned char c : lower) h = (h ^ c) * 16777619u;
    return h;
  }
  // `h` is HashWord(lower).
  const LexEntry* FindHashed(std::string_view lower, uint32_t h) const {
    if (!((bloom_[(h >> 16) >> 6] >> ((h >> 16) & 63)) & 1)) return nullptr;
    for (size_t i = h & table_mask_;; i = (i + 1) & table_mask_) {
      int32_t id = table_[i];
      if (id < 0) return nullptr;
      if (table_hash_[i] == h && word_text_[id] == lower) return &entries_[id];
    }
  }
  // Presence indices a rule needs, flattened: for each required element, its count then its
  // indices.
  const std::vector<int32_t>& RequiredFlat(uint16_t rule) const { return required_flat_[rule]; }
  // Rules a number token may start (every builtin's), and those of %NUM alone.
  const std::vector<uint16_t>& NumericRules() const { return numeric_rules_; }
  const std::vector<uint16_t>& NumRules() const { return by_builtin_[static_cast<int>(Builtin::kNum)]; }
  int ClassId(std::string_view name) const;  // -1 when unknown
  std::vector<std::string> ClassWords(int cls) const;  // the single-word entries of a class
  const WordClass& GetClass(int id) const { return classes_[id]; }
  const RuleValue& value(int32_t i) const { return values_[i]; }
  const std::vector<Rule>& rules() const { return rules_; }
  const std::string& language() const { return language_; }
  const std::string& version() const { return version_; }

  // Rules that may start at a token: by the token's word id, by each of its classes, and by the
  // builtins that accept its shape. Filled at load time.
  const std::vector<uint16_t>& RulesByWord(int32_t word_id) const { return by_word_[word_id]; }
  const std::vector<uint16_t>& RulesByClass(int cls) const { return by_class_[cls]; }
  const std::vector<uint16_t>& RulesByBuiltin(Builtin b) const { return by_builtin_[static_cast<int>(b)]; }
  // Rules whose first element can be skipped entirely (all optional); tried everywhere.
  const std::vector<uint16_t>& RulesAnywhere() const { return anywhere_; }
  // Presence keys: a word id, kClassKey + class, kBuiltinKey + builtin. For each rule, one list of
  // keys per required element: the rule can only match a sentence that has one key of each.
  static constexpr int32_t kClassKey = 1 << 20;
  static constexpr int32_t kBuiltinKey = 2 << 20;
  int32_t PresenceKeyCount() const {
    return static_cast<int32_t>(entries_.size() + classes_.size() + static_cast<size_t>(Builtin::kCount));
  }
  int32_t PresenceIndex(int32_t key) const {
    if (key >= kBuiltinKey) return static_cast<int32_t>(entries_.size() + classes_.size()) + (key - kBuiltinKey);
    if (key >= kClassKey) return static_cast<int32_t>(entries_.size()) + (key - kClassKey);
    return key;
  }
  const std::vector<std::vector<int32_t>>& Required(uint16_t rule) const { return required_[rule]; }
  size_t word_count() const { return entries_.size(); }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  int32_t InternWord(std::string_view lower);
  int32_t InternValue(std::string_view v);
  bool ParseClassLine(std::string_view line, int cls, std::string* error);
  bool ParseRule(std::string_view line, std::string* error);
  void Index();

  std::unordered_map<std::string, int32_t, Hash, std::equal_to<>> words_;
  std::vector<LexEntry> entries_;
  std::vector<WordClass> classes_;
  std::vector<RuleValue> values_;
  std::vector<Rule> rules_;
  std::vector<std::vector<uint16_t>> by_word_, by_class_, by_builtin_;
  std::vector<uint16_t> anywhere_;
  std::vector<uint16_t> numeric_rules_;
  std::vector<int32_t> table_;  // open addressing over word ids (FNV-1a), built at load time
  std::vector<uint32_t> table_hash_;
  std::vector<uint64_t> bloom_;  // 65,536 bits over the hash's high half: most words are not ours
  std::vector<std::vector<int32_t>> required_flat_;
  size_t table_mask_ = 0;
  std::vector<std::string> word_text_;
  std::vector<std::vector<std::vector<int32_t>>> required_;  // per rule: per required element: keys
  std::string language_, version_;
  int32_t next_phrase_literal_ = 0;
};

}  // namespace dossier::time

#endif  // DOSSIER_TIME_RULES_H_
