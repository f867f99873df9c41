#include "html/content_hints.h"
#include "util/ascii.h"

#include <array>
#include <cstring>

namespace dossier::html {
namespace {

struct Keyword {
  std::string_view word;
  int weight;
  uint32_t flags;
};

constexpr int kPos = 20;   // article-like word
constexpr int kNeg = -30;  // boilerplate word (outweighs one article-like word: "article-comments")

// Words of class and id values (lower case; camelCase, '-' and '_' split words).
constexpr std::array kWords = {
    // Article-like.
    Keyword{"article", kPos + 5, 0},
    Keyword{"articles", kPos, 0},
    Keyword{"articlebody", kPos + 15, kHintArticleBody},
    Keyword{"body", kPos - 5, 0},
    Keyword{"content", kPos, 0},
    Keyword{"contents", kPos, 0},
    Keyword{"story", kPos + 5, 0},
    Keyword{"stories", 0, 0},
    Keyword{"entry", kPos, 0},
    Keyword{"hentry", kPos, 0},
    Keyword{"post", kPos - 5, 0},
    Keyword{"text", kPos - 5, 0},
    Keyword{"main", kPos - 5, 0},
    Keyword{"blog", 10, 0},
    Keyword{"prose", kPos, 0},
    Keyword{"richtext", kPos, 0},
    Keyword{"rte", 10, 0},
    Keyword{"paragraph", 10, 0},
    Keyword{"paragraphs", 10, 0},
    Keyword{"page", 5, 0},
    Keyword{"single", 5, 0},
    Keyword{"news", 5, 0},
    Keyword{"copy", 5, 0},
    // Navigation.
    Keyword{"nav", kNeg, kHintNav},
    Keyword{"navbar", kNeg, kHintNav},
    Keyword{"navigation", kNeg, kHintNav},
    Keyword{"menu", kNeg, kHintNav},
    Keyword{"menus", kNeg, kHintNav},
    Keyword{"megamenu", kNeg, kHintNav},
    Keyword{"submenu", kNeg, kHintNav},
    Keyword{"dropdown", kNeg, kHintNav},
    Keyword{"breadcrumb", kNeg, kHintNav},
    Keyword{"breadcrumbs", kNeg, kHintNav},
    Keyword{"crumbs", kNeg, kHintNav},
    Keyword{"pagination", kNeg, kHintNav},
    Keyword{"pager", kNeg, kHintNav},
    Keyword{"paging", kNeg, kHintNav},
    Keyword{"skip", kNeg, kHintNav},
    Keyword{"skiplink", kNeg, kHintNav},
    Keyword{"topnav", kNeg, kHintNav},
    Keyword{"subnav", kNeg, kHintNav},
    Keyword{"sitenav", kNeg, kHintNav},
    Keyword{"toc", kNeg, kHintNav},
    Keyword{"hamburger", kNeg, kHintNav},
    // Footers.
    Keyword{"footer", kNeg, kHintFooter},
    Keyword{"foot", kNeg, kHintFooter},
    Keyword{"copyright", kNeg, kHintFooter},
    Keyword{"colophon", kNeg, kHintFooter},
    // Headers.
    Keyword{"header", -10, kHintHeader},
    Keyword{"masthead", kNeg, kHintHeader},
    Keyword{"banner", kNeg, kHintHeader},
    Keyword{"topbar", kNeg, kHintHeader},
    Keyword{"logo", kNeg, kHintMisc},
    Keyword{"brand", -10, kHintMisc},
    // Comments.
    Keyword{"comment", kNeg, kHintComment},
    Keyword{"comments", kNeg, kHintComment},
    Keyword{"commentlist", kNeg, kHintComment},
    Keyword{"disqus", kNeg, kHintComment},
    Keyword{"replies", kNeg, kHintComment},
    Keyword{"reply", kNeg, kHintComment},
    Keyword{"respond", kNeg, kHintComment},
    Keyword{"discussion", kNeg, kHintComment},
    Keyword{"livefyre", kNeg, kHintComment},
    // Share bars and tools.
    Keyword{"share", kNeg, kHintShare},
    Keyword{"shares", kNeg, kHintShare},
    Keyword{"sharing", kNeg, kHintShare},
    Keyword{"sharer", kNeg, kHintShare},
    Keyword{"sharebar", kNeg, kHintShare},
    // The participle names content, not a share bar ("shared-mutable-history", "shared-files");
    // without this entry the stem "share" would match it.
    Keyword{"shared", 0, 0},
    // Likewise an opinion piece ("commentary", "article-commentary") is not a comment thread.
    Keyword{"commentary", 0, 0},
    Keyword{"commentaries", 0, 0},
    Keyword{"social", kNeg, kHintShare},
    Keyword{"socials", kNeg, kHintShare},
    Keyword{"facebook", kNeg, kHintShare},
    Keyword{"twitter", kNeg, kHintShare},
    Keyword{"pinterest", kNeg, kHintShare},
    Keyword{"whatsapp", kNeg, kHintShare},
    Keyword{"linkedin", kNeg, kHintShare},
    Keyword{"print", kNeg, kHintShare},
    Keyword{"email", -10, kHintShare},
    Keyword{"tools", kNeg, kHintShare},
    Keyword{"toolbar", kNeg, kHintShare},
    Keyword{"toolbox", kNeg, kHintShare},
    Keyword{"bookmark", kNeg, kHintShare},
    Keyword{"follow", -10, kHintShare},
    // Related content.
    Keyword{"related", kNeg, kHintRelated},
    Keyword{"recommended", kNeg, kHintRelated},
    Keyword{"recommendations", kNeg, kHintRelated},
    Keyword{"recommendation", kNeg, kHintRelated},
    Keyword{"recirc", kNeg, kHintRelated},
    Keyword{"recirculation", kNeg, kHintRelated},
    Keyword{"trending", kNeg, kHintRelated},
    Keyword{"popular", kNeg, kHintRelated},
    Keyword{"mostread", kNeg, kHintRelated},
    Keyword{"outbrain", kNeg, kHintRelated},
    Keyword{"taboola", kNeg, kHintRelated},
    Keyword{"zergnet", kNeg, kHintRelated},
    Keyword{"teaser", -15, kHintRelated},
    Keyword{"teasers", kNeg, kHintRelated},
    Keyword{"suggested", kNeg, kHintRelated},
    Keyword{"upnext", kNeg, kHintRelated},
    Keyword{"more", -10, 0},
    Keyword{"also", -10, 0},
    // Ads and promotions.
    Keyword{"ad", kNeg, kHintAd},
    Keyword{"ads", kNeg, kHintAd},
    Keyword{"adv", kNeg, kHintAd},
    Keyword{"advert", kNeg, kHintAd},
    Keyword{"adverts", kNeg, kHintAd},
    Keyword{"advertisement", kNeg, kHintAd},
    Keyword{"advertising", kNeg, kHintAd},
    Keyword{"adsense", kNeg, kHintAd},
    Keyword{"adslot", kNeg, kHintAd},
    Keyword{"adunit", kNeg, kHintAd},
    Keyword{"dfp", kNeg, kHintAd},
    Keyword{"gpt", kNeg, kHintAd},
    Keyword{"doubleclick", kNeg, kHintAd},
    Keyword{"sponsor", kNeg, kHintAd},
    Keyword{"sponsored", kNeg, kHintAd},
    Keyword{"sponsors", kNeg, kHintAd},
    Keyword{"promo", kNeg, kHintAd},
    Keyword{"promos", kNeg, kHintAd},
    Keyword{"promoted", kNeg, kHintAd},
    Keyword{"promotion", kNeg, kHintAd},
    Keyword{"commercial", kNeg, kHintAd},
    Keyword{"affiliate", kNeg, kHintAd},
    Keyword{"billboard", kNeg, kHintAd},
    Keyword{"leaderboard", kNeg, kHintAd},
    Keyword{"skyscraper", kNeg, kHintAd},
    Keyword{"mpu", kNeg, kHintAd},
    Keyword{"partner", -15, kHintAd},
    Keyword{"partners", kNeg, kHintAd},
    Keyword{"marketing", kNeg, kHintAd},
    // Sidebars and widgets.
    Keyword{"sidebar", kNeg, kHintSidebar},
    Keyword{"aside", kNeg, kHintSidebar},
    Keyword{"rail", kNeg, kHintSidebar},
    Keyword{"siderail", kNeg, kHintSidebar},
    Keyword{"widget", kNeg, kHintSidebar},
    Keyword{"widgets", kNeg, kHintSidebar},
    Keyword{"sidebox", kNeg, kHintSidebar},
    // Newsletters, subscriptions, accounts.
    Keyword{"newsletter", kNeg, kHintNewsletter},
    Keyword{"newsletters", kNeg, kHintNewsletter},
    Keyword{"subscribe", kNeg, kHintNewsletter},
    Keyword{"subscription", kNeg, kHintNewsletter},
    Keyword{"signup", kNeg, kHintNewsletter},
    Keyword{"optin", kNeg, kHintNewsletter},
    Keyword{"paywall", kNeg, kHintNewsletter},
    Keyword{"registration", kNeg, kHintNewsletter},
    Keyword{"login", kNeg, kHintNewsletter},
    Keyword{"signin", kNeg, kHintNewsletter},
    Keyword{"cta", kNeg, kHintNewsletter},
    Keyword{"donate", kNeg, kHintNewsletter},
    Keyword{"donation", kNeg, kHintNewsletter},
    // Consent banners.
    Keyword{"cookie", kNeg, kHintConsent},
    Keyword{"cookies", kNeg, kHintConsent},
    Keyword{"consent", kNeg, kHintConsent},
    Keyword{"gdpr", kNeg, kHintConsent},
    Keyword{"cmp", kNeg, kHintConsent},
    Keyword{"onetrust", kNeg, kHintConsent},
    // Bylines and datelines.
    Keyword{"byline", -15, kHintByline},
    Keyword{"bylines", -15, kHintByline},
    Keyword{"author", -15, kHintByline},
    Keyword{"authors", -15, kHintByline},
    Keyword{"dateline", -15, kHintByline},
    Keyword{"timestamp", -15, kHintByline},
    Keyword{"date", -10, kHintByline},
    Keyword{"time", -5, kHintByline},
    Keyword{"published", -10, kHintByline},
    Keyword{"pubdate", -15, kHintByline},
    Keyword{"posted", -10, kHintByline},
    Keyword{"meta", -15, kHintByline},
    Keyword{"contributor", -15, kHintByline},
    // Captions.
    Keyword{"caption", -10, kHintCaption},
    Keyword{"captions", -10, kHintCaption},
    Keyword{"figcaption", -10, kHintCaption},
    Keyword{"credit", -10, kHintCaption},
    Keyword{"credits", -10, kHintCaption},
    // Titles and summaries.
    Keyword{"headline", 0, kHintTitle},
    Keyword{"title", 0, kHintTitle},
    Keyword{"dek", -5, kHintSummary},
    Keyword{"standfirst", -5, kHintSummary},
    Keyword{"subtitle", -5, kHintSummary},
    Keyword{"subheadline", -5, kHintSummary},
    Keyword{"strapline", -5, kHintSummary},
    Keyword{"kicker", -5, kHintSummary},
    Keyword{"excerpt", -5, kHintSummary},
    // Hidden.
    Keyword{"hidden", 0, 0},  // only a whole class word "hidden" hides (Bootstrap: hidden-xs)
    Keyword{"sr", 0, kHintHidden},
    Keyword{"offscreen", 0, kHintHidden},
    Keyword{"invisible", 0, kHintHidden},
    Keyword{"visuallyhidden", 0, kHintHidden},
    // Other furniture.
    Keyword{"tags", kNeg, kHintMisc},
    Keyword{"tag", -15, kHintMisc},
    Keyword{"tagged", kNeg, kHintMisc},
    Keyword{"keywords", kNeg, kHintMisc},
    Keyword{"topics", -15, kHintMisc},
    Keyword{"category", -15, kHintMisc},
    Keyword{"categories", kNeg, kHintMisc},
    Keyword{"modal", kNeg, kHintMisc},
    Keyword{"popup", kNeg, kHintMisc},
    Keyword{"overlay", kNeg, kHintMisc},
    Keyword{"tooltip", kNeg, kHintMisc},
    Keyword{"lightbox", kNeg, kHintMisc},
    Keyword{"badge", -15, kHintMisc},
    Keyword{"rating", -15, kHintMisc},
    Keyword{"search", kNeg, kHintMisc},
    Keyword{"form", -15, kHintMisc},
    Keyword{"button", kNeg, kHintMisc},
    Keyword{"buttons", kNeg, kHintMisc},
    Keyword{"btn", kNeg, kHintMisc},
    Keyword{"icon", -15, kHintMisc},
    Keyword{"icons", -15, kHintMisc},
    Keyword{"utility", -15, kHintMisc},
    Keyword{"survey", kNeg, kHintMisc},
    Keyword{"feedback", kNeg, kHintMisc},
    Keyword{"alert", -15, kHintMisc},
    Keyword{"gallery", -10, 0},
    Keyword{"slideshow", -10, 0},
    Keyword{"carousel", -15, 0},
    Keyword{"slider", -15, 0},
    Keyword{"video", -10, 0},
    Keyword{"player", -10, 0},
    Keyword{"bio", -15, kHintByline},
};

// Whole class words (between spaces) that hide an element.
constexpr std::array<std::string_view, 14> kHiddenClassWords = {
    "hidden",          "hide",          "is-hidden",           "u-hidden",
    "sr-only",         "visually-hidden", "screen-reader-text", "screen-reader-only",
    "element-invisible", "offscreen",   "a11y-hidden",         "u-visually-hidden",
    "screenreader-only", "visuallyhidden"};

// Stems searched in long words the table does not know ("relatedposts", "articlebody").
struct Stem {
  std::string_view stem;
  int weight;
  uint32_t flags;
};
constexpr std::array kStems = {
    Stem{"comment", kNeg, kHintComment},    Stem{"share", kNeg, kHintShare},
    Stem{"social", kNeg, kHintShare},       Stem{"related", kNeg, kHintRelated},
    Stem{"recommend", kNeg, kHintRelated},  Stem{"sidebar", kNeg, kHintSidebar},
    Stem{"footer", kNeg, kHintFooter},      Stem{"advert", kNeg, kHintAd},
    Stem{"sponsor", kNeg, kHintAd},         Stem{"promo", kNeg, kHintAd},
    Stem{"newsletter", kNeg, kHintNewsletter}, Stem{"subscri", kNeg, kHintNewsletter},
    Stem{"cookie", kNeg, kHintConsent},     Stem{"consent", kNeg, kHintConsent},
    Stem{"breadcrumb", kNeg, kHintNav},     Stem{"navigation", kNeg, kHintNav},
    Stem{"navbar", kNeg, kHintNav},         Stem{"menu", kNeg, kHintNav},
    Stem{"widget", kNeg, kHintSidebar},     Stem{"byline", -15, kHintByline},
    Stem{"caption", -10, kHintCaption},     Stem{"article", kPos, 0},
    Stem{"content", kPos, 0},               Stem{"story", kPos, 0},
};

// The first stem of kStems (in table order) that `w` contains, or -1; one search per stem (the
// reference for FirstStem).
int FirstStemReference(std::string_view w) {
  for (size_t i = 0; i < kStems.size(); ++i) {
    if (w.find(kStems[i].stem) != std::string_view::npos) return static_cast<int>(i);
  }
  return -1;
}

// The same in one pass over the word: at each position only the stems starting with its byte are
// compared; the first stem in table order among those found wins.
class StemIndex {
 public:
  StemIndex() {
    for (uint8_t i = 0; i < kStems.size(); ++i) {
      List& list = by_first_[static_cast<unsigned char>(kStems[i].stem[0])];
      list.index[list.count++] = i;
    }
  }
  int First(std::string_view w) const {
    uint32_t found = 0;  // bit i: kStems[i] occurs
    for (size_t p = 0; p < w.size(); ++p) {
      const List& list = by_first_[static_cast<unsigned char>(w[p])];
      for (uint8_t k = 0; k < list.count; ++k) {
        const std::string_view stem = kStems[list.index[k]].stem;
        if (w.size() - p >= stem.size() && w.compare(p, stem.size(), stem) == 0) found |= 1u << list.index[k];
      }
    }
    return found == 0 ? -1 : __builtin_ctz(found);
  }

 private:
  struct List {
    uint8_t count = 0;
    uint8_t index[8] = {};
  };
  List by_first_[256];
};
static_assert(kStems.size() <= 32, "StemIndex keeps the stems found in 32 bits");

int FirstStem(std::string_view w) {
  static const StemIndex index;
  return index.First(w);
}

// Open-addressing table over kWords, built once.
class WordTable {
 public:
  WordTable() {
    std::memset(slots_, 0xff, sizeof(slots_));
    for (uint16_t i = 0; i < kWords.size(); ++i) {
      uint32_t h = Hash(kWords[i].word) & kMask;
      while (slots_[h] != 0xffff) h = (h + 1) & kMask;
      slots_[h] = i;
    }
  }
  const Keyword* Find(std::string_view w) const {
    uint32_t h = Hash(w) & kMask;
    while (slots_[h] != 0xffff) {
      const Keyword& k = kWords[slots_[h]];
      if (k.word == w) return &k;
      h = (h + 1) & kMask;
    }
    return nullptr;
  }
  static uint32_t Hash(std::string_view w) {
    uint32_t h = 2166136261u;
    for (char c : w) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
    return h;
  }

 private:
  static constexpr uint32_t kSize = 1024;
  static constexpr uint32_t kMask = kSize - 1;
  uint16_t slots_[kSize];
};

const WordTable& Table() {
  static const WordTable table;
  return table;
}

// Taxonomy words name a widget only as the head (last word) of a name: "post-tags" is a tag list,
// "tag-politics" and "category-news" (WordPress labels on the article itself) are not.
bool IsTaxonomyWord(std::string_view w) {
  return w == "tag" || w == "tags" || w == "category" || w == "categories" || w == "topics";
}

// Adds one word's weight and flags; returns the word's flags. `reference`: stems searched the slow,
// obvious way.
uint32_t AddWord(std::string_view w, bool last_in_name, bool reference, Hints* hints) {
  if (w.empty()) return 0;
  if (!last_in_name && IsTaxonomyWord(w)) return 0;
  if (const Keyword* k = Table().Find(w)) {
    hints->weight += k->weight;
    hints->flags |= k->flags;
    return k->flags;
  }
  if (w.size() < 6) return 0;
  const int stem = reference ? FirstStemReference(w) : FirstStem(w);
  if (stem < 0) return 0;
  const Stem& s = kStems[stem];
  hints->weight += s.weight;
  hints->flags |= s.flags;
  return s.flags;
}

inline bool IsAlnum(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool IsHiddenClassWord(std::string_view w) {
  for (std::string_view h : kHiddenClassWords) {
    if (h.size() == w.size()) {
      bool same = true;
      for (size_t i = 0; i < w.size() && same; ++i) same = AsciiLowerChar(w[i]) == h[i];
      if (same) return true;
    }
  }
  return false;
}

// AddNameHints, with the stems of long words found by FirstStemReference when `reference`.
void AddNameHintsWith(std::string_view value, bool reference, Hints* hints) {
  // Split into class words (spaces), each into lower-case words at non-alphanumerics and at
  // lower-to-upper case changes ("articleBody" -> article, body; "relatedPosts" -> related, posts).
  // Each class name is weighed on its own; when its last word names boilerplate or a byline
  // ("article-comments", "entry-meta", "post-author"), the name is boilerplate whatever its other
  // words say.
  char buf[48];
  size_t n = 0;
  bool too_long = false;
  size_t word_start = 0;
  Hints name;
  uint32_t last_flags = 0;
  auto flush = [&](bool last_in_name) {
    if (n > 0 && !too_long) last_flags = AddWord(std::string_view(buf, n), last_in_name, reference, &name);
    n = 0;
    too_long = false;
  };
  auto end_name = [&]() {
    if ((last_flags & (kHintBoilerplate | kHintByline)) && name.weight > -5) name.weight = -5;
    hints->weight += name.weight;
    hints->flags |= name.flags;
    name = Hints{};
    last_flags = 0;
  };
  for (size_t i = 0; i <= value.size(); ++i) {
    const unsigned char c = i < value.size() ? static_cast<unsigned char>(value[i]) : ' ';
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
      flush(true);
      end_name();
      if (i > word_start && IsHiddenClassWord(value.substr(word_start, i - word_start))) {
        hints->flags |= kHintHidden;
      }
      word_start = i + 1;
      continue;
    }
    if (!IsAlnum(c)) {
      // A trailing separator ("tags-") still ends the name.
      const bool last = i + 1 >= value.size() || value[i + 1] == ' ';
      flush(last);
      continue;
    }
    if (c >= 'A' && c <= 'Z' && n > 0 && buf[n - 1] >= 'a' && buf[n - 1] <= 'z') flush(false);
    if (n < sizeof(buf)) {
      buf[n++] = AsciiLowerChar(static_cast<char>(c));
    } else {
      too_long = true;
    }
  }
}

}  // namespace

void AddNameHints(std::string_view value, Hints* hints) { AddNameHintsWith(value, false, hints); }
void AddNameHintsReference(std::string_view value, Hints* hints) { AddNameHintsWith(value, true, hints); }

namespace {

// ElementHints with `add_name(value, &hints)` weighing each class and id value.
template <typename AddName>
Hints ElementHintsWith(const Dom& dom, uint32_t node, AddName&& add_name) {
  Hints hints;
  const Node& n = dom.nodes[node];
  for (uint32_t i = 0; i < n.attr_count; ++i) {
    const Attribute& a = dom.attrs[n.attr_begin + i];
    if (a.name == "class" || a.name == "id") {
      add_name(a.value, &hints);
    } else if (a.name == "role") {
      const std::string_view r = a.value;
      if (r == "navigation" || r == "menu" || r == "menubar") {
        hints.weight += kNeg;
        hints.flags |= kHintNav;
      } else if (r == "banner") {
        hints.weight += kNeg;
        hints.flags |= kHintHeader;
      } else if (r == "contentinfo") {
        hints.weight += kNeg;
        hints.flags |= kHintFooter;
      } else if (r == "complementary") {
        hints.weight += kNeg;
        hints.flags |= kHintSidebar;
      } else if (r == "dialog" || r == "alertdialog" || r == "search" || r == "toolbar") {
        hints.weight += kNeg;
        hints.flags |= kHintMisc;
      } else if (r == "main" || r == "article") {
        hints.weight += kPos;
      }
    } else if (a.name == "itemprop") {
      const std::string_view v = a.value;
      if (v == "articleBody" || v == "reviewBody" || v == "articlebody") {
        hints.weight += 2 * kPos;
        hints.flags |= kHintArticleBody;
      } else if (v == "author" || v == "datePublished" || v == "dateModified" || v == "dateCreated") {
        hints.weight -= 15;
        hints.flags |= kHintByline;
      } else if (v == "headline" || v == "name") {
        hints.flags |= kHintTitle;
      } else if (v == "description") {
        hints.flags |= kHintSummary;
      } else if (v == "caption") {
        hints.flags |= kHintCaption;
      } else if (v == "comment") {
        hints.weight += kNeg;
        hints.flags |= kHintComment;
      }
    }
  }
  return hints;
}

}  // namespace

Hints ElementHints(const Dom& dom, uint32_t node) {
  return ElementHintsWith(dom, node, [](std::string_view value, Hints* hints) { AddNameHints(value, hints); });
}

Hints ElementHints(const Dom& dom, uint32_t node, NameHintsMemo* memo) {
  // AddNameHints only adds to the hints it is given (weights summed, flags or-ed), so the hints of
  // a value alone, remembered, can be added in its place.
  return ElementHintsWith(dom, node, [memo](std::string_view value, Hints* hints) {
    const Hints alone = memo->Get(value, [](std::string_view v) {
      Hints h;
      AddNameHints(v, &h);
      return h;
    });
    hints->weight += alone.weight;
    hints->flags |= alone.flags;
  });
}

}  // namespace dossier::html
