// Main-content extraction: what an element's class, id, role and itemprop say about it.
//
// Class and id values are split into words ("articleBody post_text sr-only" -> article, body, post,
// text, sr, only), each looked up in a keyword table; long unknown words are searched for a few
// stems ("relatedposts", "sharebar"). The result is a weight (positive for article-like names,
// negative for boilerplate) and flags saying which kind of boilerplate a name announces.
#ifndef DOSSIER_HTML_CONTENT_HINTS_H_
#define DOSSIER_HTML_CONTENT_HINTS_H_

#include <cstdint>
#include <string_view>

#include "html/dom.h"
#include "html/string_memo.h"

namespace dossier::html {

enum HintFlag : uint32_t {
  kHintNone = 0,
  kHintNav = 1u << 0,         // nav, menu, breadcrumb, pagination, skip links
  kHintFooter = 1u << 1,      // footer, copyright
  kHintComment = 1u << 2,     // comments, replies, discussion
  kHintShare = 1u << 3,       // share bars, social buttons, print/email tools
  kHintRelated = 1u << 4,     // related / recommended / more stories, teasers
  kHintAd = 1u << 5,          // ads, sponsors, promos
  kHintSidebar = 1u << 6,     // sidebar, rail, widget
  kHintNewsletter = 1u << 7,  // newsletter, subscribe, sign-up, paywall prompts
  kHintConsent = 1u << 8,     // cookie / consent / GDPR banners
  kHintByline = 1u << 9,      // byline, author, dateline, timestamp
  kHintCaption = 1u << 10,    // caption, credit
  kHintHidden = 1u << 11,     // sr-only, visually-hidden, hidden, hide
  kHintMisc = 1u << 12,       // tags, popups, modals, toolbars, forms, logos
  kHintHeader = 1u << 13,     // masthead, site header, banner
  kHintArticleBody = 1u << 14,  // itemprop=articleBody and the like: the strongest positive
  kHintTitle = 1u << 15,      // headline, title
  kHintSummary = 1u << 16,    // dek, standfirst, summary, teaser text
};

// Flags that mark an element as boilerplate wherever it is.
inline constexpr uint32_t kHintBoilerplate = kHintNav | kHintFooter | kHintComment | kHintShare |
                                             kHintRelated | kHintAd | kHintSidebar |
                                             kHintNewsletter | kHintConsent | kHintMisc |
                                             kHintHeader;

struct Hints {
  int weight = 0;      // sum of the words' weights (article-like > 0, boilerplate < 0)
  uint32_t flags = 0;  // HintFlag bits
  bool positive() const { return weight > 0; }
};

// Hints from class, id, role, itemprop (and aria-label for navigation landmarks) of element `n`.
Hints ElementHints(const Dom& dom, uint32_t n);

// The same, with the hints of each distinct class or id value computed once per page and looked up
// after that (the walk over a page's elements uses this one; the one above is its reference).
// Clear() the memo before each tree: its keys are views into the tree's strings.
using NameHintsMemo = StringMemo<Hints>;
Hints ElementHints(const Dom& dom, uint32_t n, NameHintsMemo* memo);

// Hints from one attribute value (exposed for tests).
void AddNameHints(std::string_view value, Hints* hints);
// The same with the stems of long words ("relatedposts") searched one by one, the slow and obvious
// way (the reference AddNameHints is tested against).
void AddNameHintsReference(std::string_view value, Hints* hints);

}  // namespace dossier::html

#endif  // DOSSIER_HTML_CONTENT_HINTS_H_
