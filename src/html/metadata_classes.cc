// What an element's class and id say to the metadata scan (furniture, byline, date, breadcrumb
// words), as bits; remembered per distinct class or id value, since pages repeat the same class
// strings thousands of times.
#include <cstdlib>
#include <string>
#include <string_view>

#include "html/metadata_internal.h"

namespace dossier::html::meta {
namespace {

// Class/id words of page furniture where a byline or date is not the article's (Readability's
// "unlikely candidates"), unless the same string also says it is content.
constexpr std::string_view kUnlikely[] = {
    "-ad-",     "ai2html",   "banner",   "breadcrumbs", "combx",      "comment",  "community",
    "cover-wrap", "disqus",  "extra",    "gdpr",        "legends",    "menu",     "related",
    "remark",   "replies",   "rss",      "shoutbox",    "sidebar",    "skyscraper", "social",
    "sponsor",  "supplemental", "ad-break", "agegate",  "pagination", "pager",    "popup",
    "yom-remote", "newsletter", "recommend"};
// Footers are furniture too, but an article's own footer often carries its author and date.
constexpr std::string_view kSoftUnlikely[] = {"footer"};
constexpr std::string_view kMaybe[] = {"and", "article", "body", "column", "content", "main", "shadow"};
constexpr std::string_view kBylineWords[] = {"byline", "author", "writtenby", "p-author"};
constexpr std::string_view kDateWords[] = {"date", "time", "publish", "posted", "dateline", "timestamp"};

bool AnyOf(std::string_view s, const std::string_view* words, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    if (s.find(words[i]) != std::string_view::npos) return true;
  }
  return false;
}

bool Has(std::string_view s, std::string_view word) { return s.find(word) != std::string_view::npos; }

// Byline-like class/id ("byline", "author", "p-author"), but not "authorization" or "authoring".
bool BylineClass(std::string_view class_id) {
  for (std::string_view w : kBylineWords) {
    size_t at = class_id.find(w);
    while (at != std::string_view::npos) {
      const std::string_view rest = class_id.substr(at + w.size());
      if (!(w == "author" && (StartsWith(rest, "iz") || StartsWith(rest, "is") || StartsWith(rest, "ing")))) return true;
      at = class_id.find(w, at + 1);
    }
  }
  return false;
}

// ASCII lower case (class names are compared case-insensitively), into a reused buffer.
void LowerInto(std::string_view s, std::string* out) {
  const size_t at = out->size();
  out->resize(at + s.size());  // written in place: a push_back per byte cost 20 M instructions
  char* o = out->data() + at;
  for (char c : s) *o++ = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

}  // namespace

uint32_t ClassWordsReference(std::string_view lowered) {
  uint32_t bits = 0;
  if (AnyOf(lowered, kMaybe, std::size(kMaybe))) bits |= kClassMaybeContent;
  if (AnyOf(lowered, kUnlikely, std::size(kUnlikely))) bits |= kClassUnlikely;
  if (AnyOf(lowered, kSoftUnlikely, std::size(kSoftUnlikely))) bits |= kClassSoftUnlikely;
  if (HasToken(lowered, "hentry") || HasToken(lowered, "h-entry")) bits |= kClassEntry;
  if (Has(lowered, "update")) bits |= kClassUpdate;
  if (Has(lowered, "modif")) bits |= kClassModified;
  if (Has(lowered, "publish")) bits |= kClassPublish;
  if (BylineClass(lowered)) bits |= kClassByline;
  if (AnyOf(lowered, kDateWords, std::size(kDateWords))) bits |= kClassDate;
  if (Has(lowered, "breadcrumb")) bits |= kClassBreadcrumb;
  return bits;
}

namespace {

// Every word above with the bit it sets, indexed by its first byte, so one pass over the string
// tries at each position only the few words that start with the byte there (instead of one
// search through the whole string per word).
// Not a ClassWord: "entry" somewhere, so the tokens "hentry" and "h-entry" are worth looking for.
constexpr uint32_t kEntryInside = 1u << 31;

struct Needle {
  std::string_view word;
  uint32_t bit;
};

class NeedleIndex {
 public:
  NeedleIndex() {
    auto add_all = [&](const std::string_view* words, size_t n, uint32_t bit) {
      for (size_t i = 0; i < n; ++i) Add({words[i], bit});
    };
    add_all(kMaybe, std::size(kMaybe), kClassMaybeContent);
    add_all(kUnlikely, std::size(kUnlikely), kClassUnlikely);
    add_all(kSoftUnlikely, std::size(kSoftUnlikely), kClassSoftUnlikely);
    Add({"update", kClassUpdate});
    Add({"modif", kClassModified});
    Add({"publish", kClassPublish});
    add_all(kBylineWords, std::size(kBylineWords), kClassByline);
    add_all(kDateWords, std::size(kDateWords), kClassDate);
    Add({"breadcrumb", kClassBreadcrumb});
    Add({"entry", kEntryInside});
  }

  uint32_t Scan(std::string_view s) const {
    uint32_t bits = 0;
    for (size_t i = 0; i < s.size(); ++i) {
      const auto& list = by_first_[static_cast<unsigned char>(s[i])];
      for (uint8_t k = 0; k < list.count; ++k) {
        const Needle& n = needles_[list.index[k]];
        // Every word has two bytes or more; the second byte rules most candidates out cheaply.
        if ((bits & n.bit) || s.size() - i < n.word.size() || s[i + 1] != n.word[1] ||
            s.compare(i, n.word.size(), n.word) != 0) {
          continue;
        }
        // "author" is not a byline in "authorization", "authorising", "authoring".
        if (n.word == "author") {
          const std::string_view rest = s.substr(i + n.word.size());
          if (StartsWith(rest, "iz") || StartsWith(rest, "is") || StartsWith(rest, "ing")) continue;
        }
        bits |= n.bit;
      }
    }
    return bits;
  }

 private:
  static constexpr size_t kMaxPerByte = 12;
  struct List {
    uint8_t count = 0;
    uint8_t index[kMaxPerByte] = {};
  };

  void Add(Needle n) {
    List& list = by_first_[static_cast<unsigned char>(n.word[0])];
    if (list.count == kMaxPerByte) std::abort();  // a programming error: raise kMaxPerByte
    list.index[list.count++] = static_cast<uint8_t>(count_);
    needles_[count_++] = n;
  }

  Needle needles_[64];
  size_t count_ = 0;
  List by_first_[256];
};

const NeedleIndex& Needles() {
  static const NeedleIndex index;
  return index;
}

}  // namespace

uint32_t ClassWords(std::string_view lowered) {
  uint32_t bits = Needles().Scan(lowered);
  if ((bits & kEntryInside) && (HasToken(lowered, "hentry") || HasToken(lowered, "h-entry"))) bits |= kClassEntry;
  return bits & ~kEntryInside;
}

uint32_t ClassIdWordsReference(std::string_view cls, std::string_view id) {
  if (cls.empty() && id.empty()) return 0;
  std::string joined;
  LowerInto(cls, &joined);
  joined.push_back(' ');
  LowerInto(id, &joined);
  return ClassWordsReference(joined);
}

uint32_t ClassIdWords(std::string_view cls, std::string_view id, ClassWordsMemo* memo) {
  // No word holds a space and the tokens of "class id" are those of each value, so the words of
  // the joined string are the words of its two halves.
  auto words_of = [memo](std::string_view value) -> uint32_t {
    if (value.empty()) return 0;
    return memo->Get(value, [](std::string_view v) {
      thread_local std::string lowered;
      lowered.clear();
      LowerInto(v, &lowered);
      return ClassWords(lowered);
    });
  };
  return words_of(cls) | words_of(id);
}

}  // namespace dossier::html::meta
