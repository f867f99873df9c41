// Finds the time expressions of one sentence: every rule of the RuleSet is tried where its first
// element can match (rules are indexed by first word, class and builtin), the leftmost-longest
// matches win, and each match keeps what its elements bound (month=11, unit=Y, num=3, ...).
#ifndef DOSSIER_TIME_MATCHER_H_
#define DOSSIER_TIME_MATCHER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "time/rules.h"
#include "time/tokens.h"

namespace dossier::time {

struct SlotValue {
  bool set = false;
  double num = 0;      // the value when it is a number
  int32_t value = -1;  // index into RuleSet values when it came from the file
};

struct Bindings {
  SlotValue slots[kSlotCount];
  bool weak = false;  // a weak entry was matched
  bool Has(Slot s) const { return slots[s].set; }
  double Num(Slot s, double fallback = 0) const { return slots[s].set ? slots[s].num : fallback; }

  // While matching, every change is recorded so a failed branch can be undone cheaply.
  std::vector<std::pair<uint8_t, SlotValue>>* trail = nullptr;
  void Set(int slot, const SlotValue& v) {
    if (trail) trail->push_back({static_cast<uint8_t>(slot), slots[slot]});
    slots[slot] = v;
  }
  void SetWeak() {
    if (weak) return;
    if (trail) trail->push_back({static_cast<uint8_t>(kSlotCount), SlotValue{}});
    weak = true;
  }
  size_t Mark() const { return trail ? trail->size() : 0; }
  void Undo(size_t mark) {
    if (!trail) return;
    while (trail->size() > mark) {
      auto& [slot, old] = trail->back();
      if (slot == kSlotCount) weak = false;
      else slots[slot] = old;
      trail->pop_back();
    }
  }
};

struct Match {
  uint32_t first = 0;  // token range [first, end) of the extent
  uint32_t end = 0;
  uint16_t rule = 0;
  Bindings bindings;
};

class Matcher {
 public:
  explicit Matcher(const RuleSet& rules);
  // The chosen (non-overlapping) matches of one sentence's tokens, in order.
  void Find(std::string_view text, const std::vector<TToken>& tokens, std::vector<Match>* out) const;

  // Matches one builtin at tokens[i]; returns the number of tokens used (0: no match) and binds
  // its value into `b` (to `slot`, or the builtin's own slot when slot < 0). Exposed for tests
  // and for the amount stage (spelled numbers).
  int MatchBuiltin(Builtin which, std::string_view text, const std::vector<TToken>& t, size_t i,
                   Bindings* b, int slot) const;
  // A number, digits or words ("twenty four", "2 1/2", "a hundred"); tokens used, 0 if none.
  int ParseNumber(std::string_view text, const std::vector<TToken>& t, size_t i, double* value) const;

 private:
  struct Ctx;
  bool MatchFrom(Ctx& c, const Rule& r, size_t ei, size_t ti, Bindings& b, size_t* end) const;
  int MatchAlt(Ctx& c, const Alternative& a, const Element& el, size_t ti, Bindings* b) const;
  int MatchPhrase(const std::vector<TToken>& t, size_t ti, int cls, int literal, const LexEntry** entry_out,
                  const Phrase** phrase_out) const;
  bool ClassEntryAt(const TToken& tok, int cls, const ClassEntry** out) const;

  const RuleSet& rules_;
  int numword_, ordword_, decadeword_, ordsuffix_, decadesuffix_, numand_, yearword_, ampm_, tz_, timectx_,
      weakctx_, notnoun_;
  std::vector<std::string> notnoun_suffixes_;
};

}  // namespace dossier::time

#endif  // DOSSIER_TIME_MATCHER_H_
