// Verdicts about attribute strings (class and id values), remembered per distinct string.
//
// Pages repeat the same class strings thousands of times ("c-article__body", "col-md-4"), and the
// main-content and metadata walks weigh each against word lists. A StringMemo computes a verdict
// once per distinct string of the page and looks it up after that (one hash and one compare).
// Keys are views into the page's Dom arena, so a memo holds for one tree only: Clear() it before
// each page (the slots are kept, so a reused memo stops allocating once it has grown).
//
// The verdict function must depend on the string alone; tests/html/string_memo_test.cc checks the
// memoised results against the direct computation on every element of every benchmark page.
#ifndef DOSSIER_HTML_STRING_MEMO_H_
#define DOSSIER_HTML_STRING_MEMO_H_

#include <cstdint>
#include <functional>
#include <string_view>

#include "util/hash_slots.h"

namespace dossier::html {

template <typename Verdict>
class StringMemo {
 public:
  // The verdict for `s`: compute(s) the first time `s` is seen since Clear(), remembered after.
  template <typename Compute>
  Verdict Get(std::string_view s, Compute&& compute) {
    const uint64_t h = std::hash<std::string_view>{}(s);
    if (Entry* e = slots_.Find(h, [&](const Entry& entry) { return entry.key == s; })) return e->verdict;
    const Verdict v = compute(s);
    slots_.Append(h, Entry{s, v});
    return v;
  }

  // Forgets every string (call before each page: the keys point into the previous tree).
  void Clear() { slots_.Clear(); }
  size_t size() const { return slots_.size(); }

 private:
  struct Entry {
    std::string_view key;
    Verdict verdict{};
  };
  HashSlots<Entry> slots_;
};

}  // namespace dossier::html

#endif  // DOSSIER_HTML_STRING_MEMO_H_
