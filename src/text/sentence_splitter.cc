// SplitSentences: rule-based sentence boundaries over the tokenizer's output.
//
// A sentence may end at a stop token ('.', '!', '?', "?!", an ellipsis) or at a word that carries an
// abbreviation period (U.S., Mr., J.). Closing quotes and brackets attached to the stop belong to
// the sentence that ends. Whether it really ends depends on the kind of stop and on the next token:
// a plain stop ends before anything that can open a sentence (a capital, a number, an opening
// quote); an abbreviation only before a word that usually opens sentences ("U.S. The" but not
// "U.S. state", "p.m. the"); titles (Mr., Dr., St.) never end one.
#include <algorithm>
#include <iterator>
#include <string_view>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "dossier/text.h"

namespace dossier {
namespace {

using std::string_view;

// Titles and abbreviations that stand before a name or number and so never end a sentence
// (AP Stylebook titles plus "vs", "e.g", "i.e"). Without their period; sorted.
constexpr string_view kNeverEnd[] = {
    "Adm", "Brig", "Capt", "Cmdr", "Col", "Cpl", "Det", "Dr",   "Fig",  "Fr",  "Ft",  "Gen",
    "Gov", "Hon",  "Insp", "Lieut", "Lt", "Maj", "Messrs", "Mr", "Mrs",  "Ms",  "Mt",  "Mx",
    "No",  "Nos",  "Pres", "Prof", "Pte", "Rep", "Rev",  "Sen",  "Sgt",  "St",  "Supt", "cf",
    "e.g", "i.e",  "v",    "vs",
};

// Month abbreviations: "Jan. 5" continues, "in Jan. The ..." may end.
constexpr string_view kMonths[] = {"Apr", "Aug", "Dec", "Feb", "Jan",  "Jul", "Jun",
                                   "Mar", "Nov", "Oct", "Sep", "Sept"};

// Capitalised words that usually open an English sentence (function words, pronouns, common
// adverbial openers). After an abbreviation period ("the U.S. The ...") only these end a sentence.
constexpr string_view kSentenceStarters[] = {
    "A",      "After",   "Again",  "All",     "Also",    "Although", "An",     "And",
    "Any",    "As",      "At",     "Before",  "Both",    "But",      "By",     "During",
    "Each",   "Earlier", "Even",   "Every",   "For",     "From",     "He",     "Her",
    "Here",   "His",     "How",    "However", "I",       "If",       "In",     "It",
    "Its",    "Last",    "Later",  "Many",    "Meanwhile", "Most",   "Mr",     "Mrs",
    "Ms",     "My",      "No",     "Not",     "Now",     "On",       "One",    "Only",
    "Our",    "She",     "Since",  "So",      "Some",    "That",     "The",    "Their",
    "Then",   "There",   "These",  "They",    "This",    "Those",    "Thus",   "To",
    "Under",  "We",      "What",   "When",    "Where",   "Which",    "While",  "Who",
    "Why",    "With",    "Yet",    "You",     "Your",
};

// "“Why?” Trump asked." – a capitalised name after a quoted question is still the same sentence
// when a reporting verb follows it.
constexpr string_view kReportingVerbs[] = {
    "added",   "admitted", "argued", "asked",  "claimed", "continued", "cried",  "declared",
    "explained", "insisted", "noted", "posted", "recalled", "replied",  "said",   "says",
    "shouted", "told",     "tweeted", "warned", "writes",  "wrote",
};

static_assert(std::is_sorted(std::begin(kNeverEnd), std::end(kNeverEnd)));
static_assert(std::is_sorted(std::begin(kMonths), std::end(kMonths)));
static_assert(std::is_sorted(std::begin(kSentenceStarters), std::end(kSentenceStarters)));
static_assert(std::is_sorted(std::begin(kReportingVerbs), std::end(kReportingVerbs)));

template <size_t N>
bool InSorted(const string_view (&list)[N], string_view w) {
  return std::binary_search(std::begin(list), std::end(list), w);
}

enum class Stop { kNone, kPeriod, kStrong, kEllipsis, kAbbreviation };

class Splitter {
 public:
  Splitter(string_view text, uint32_t base, const Token* tokens, size_t count)
      : text_(text), base_(base), tokens_(tokens), count_(count) {}

  void Run(std::vector<TokenRange>* out) {
    if (count_ == 0) return;
    size_t start = 0;
    for (size_t t = 0; t < count_; ++t) {
      size_t next = t + 1;  // first token of the following sentence if we split after t
      bool split = false;
      const Stop stop = StopKind(t);
      if (stop != Stop::kNone) {
        while (next < count_ && IsCloser(next)) ++next;
        split = next < count_ && EndsBefore(stop, t, next);
      } else if (next < count_ && Text(t) == "\u201D" && Text(next) == "\u201C" &&
                 (tokens_[next].flags & kSpaceBefore) && next + 1 < count_ &&
                 OpensSentence(next + 1)) {
        split = true;  // “... end” “Next ...”: a new quotation starts a new sentence
      }
      if (split) {
        out->push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(next - start)});
        start = next;
        t = next - 1;
      }
    }
    out->push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(count_ - start)});
  }

 private:
  string_view Text(size_t t) const {
    const Span s = tokens_[t].span;
    if (s.begin < base_ || s.end - base_ > text_.size()) return {};
    return text_.substr(s.begin - base_, s.size());
  }

  Stop StopKind(size_t t) const {
    const Token& tok = tokens_[t];
    const string_view s = Text(t);
    if (s.empty()) return Stop::kNone;
    switch (tok.kind) {
      case TokenKind::kEllipsis: return Stop::kEllipsis;
      case TokenKind::kPunct:
        if (s == ".") return Stop::kPeriod;
        if (s.find_first_not_of("!?") == string_view::npos) return Stop::kStrong;
        return Stop::kNone;
      case TokenKind::kWord:
        return s.size() >= 2 && s.back() == '.' ? Stop::kAbbreviation : Stop::kNone;
      default: return Stop::kNone;
    }
  }

  // A closing quote or bracket that belongs to the sentence before it: a right curly quote or
  // guillemet anywhere, a straight quote or bracket only when attached (no space before).
  bool IsCloser(size_t t) const {
    const string_view s = Text(t);
    if (s == "\u201D" || s == "\u2019" || s == "\u00BB" || s == "\u203A") return true;
    if (tokens_[t].flags & kSpaceBefore) return false;
    return s == "\"" || s == "'" || s == ")" || s == "]" || s == "}";
  }

  // Can token t begin a sentence? Anything but a lower-case word or punctuation that continues one.
  bool OpensSentence(size_t t) const {
    const Token& tok = tokens_[t];
    const string_view s = Text(t);
    switch (tok.kind) {
      case TokenKind::kWord: {
        if (tok.flags & kCapitalized) return true;
        UChar32 c;
        size_t i = 0;
        U8_NEXT(s.data(), i, s.size(), c);
        return c >= 0 && !u_islower(c);  // digits ("5-year-old") and uncased scripts
      }
      case TokenKind::kPunct: return s == "(" || s == "[";
      case TokenKind::kQuote: return s != "\u201D" && s != "\u00BB";
      case TokenKind::kEllipsis: return false;
      default: return true;  // numbers, symbols ($, £), dashes, URLs, handles, emoji
    }
  }

  bool EndsBefore(Stop stop, size_t t, size_t next) const {
    if (stop == Stop::kAbbreviation) {
      const string_view word = Text(t).substr(0, Text(t).size() - 1);
      if (InSorted(kNeverEnd, word)) return false;
      if (InSorted(kMonths, word) && tokens_[next].kind == TokenKind::kNumber) return false;
      // U.S., Inc., a.m., initials (J.), months before a word: only before a typical opener.
      return tokens_[next].kind == TokenKind::kWord && InSorted(kSentenceStarters, Text(next));
    }
    if (!OpensSentence(next)) return false;
    // “Why?” Trump asked. – the quote is the object of the reporting verb.
    const bool quoted = next > t + 1;
    if (quoted && tokens_[next].kind == TokenKind::kWord && next + 1 < count_ &&
        InSorted(kReportingVerbs, Text(next + 1))) {
      return false;
    }
    return true;
  }

  string_view text_;
  uint32_t base_;
  const Token* tokens_;
  size_t count_;
};

}  // namespace

void SplitSentences(string_view text, uint32_t base, const Token* tokens, size_t count,
                    std::vector<TokenRange>* out) {
  Splitter(text, base, tokens, count).Run(out);
}

}  // namespace dossier
