// One walk over the tree collecting every raw metadata source: the whole <head> (meta, link, title,
// JSON-LD, html lang) and a bounded look at the body (h1, byline elements, microdata, <time>,
// breadcrumbs). No regular expressions; element text is gathered only for the few candidates.
#include <algorithm>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "html/metadata_internal.h"

namespace dossier::html::meta {
namespace {

constexpr size_t kMaxNodes = 200'000;      // nodes visited at most (head first, then the body)
constexpr size_t kMaxBylineTexts = 12;
constexpr size_t kMaxDates = 40;
constexpr size_t kMaxH1 = 8;

// Tag comparisons, a dozen per element: the length test inline, so most cost no call.
inline bool Is(std::string_view tag, std::string_view name) {
  return tag.size() == name.size() && std::memcmp(tag.data(), name.data(), name.size()) == 0;
}

constexpr std::string_view kUnlikelyRoles[] = {"menu", "menubar", "complementary", "navigation",
                                               "alert", "alertdialog", "dialog", "banner", "search"};
// The attributes a body element is checked for, read in one pass over its attribute list.
struct Attrs {
  std::string_view cls, id, style, aria_hidden, role, itemprop, itemtype, rel, property, content, datetime, href,
      aria_label;
  bool hidden = false, pubdate = false, has_content = false;

  Attrs(const Dom& dom, uint32_t node) {
    const Node& n = dom.nodes[node];
    for (uint32_t i = 0; i < n.attr_count; ++i) {
      const Attribute& a = dom.attrs[n.attr_begin + i];
      const std::string_view k = a.name;
      // By length first: most names are none of these, and a length rules out all but one or two.
      switch (k.size()) {
        case 2:
          if (Is(k, "id")) id = a.value;
          break;
        case 3:
          if (Is(k, "rel")) rel = a.value;
          break;
        case 4:
          if (Is(k, "role")) role = a.value;
          else if (Is(k, "href")) href = a.value;
          break;
        case 5:
          if (Is(k, "class")) cls = a.value;
          else if (Is(k, "style")) style = a.value;
          break;
        case 6:
          if (Is(k, "hidden")) hidden = true;
          break;
        case 7:
          if (Is(k, "content")) content = a.value, has_content = true;
          else if (Is(k, "pubdate")) pubdate = true;
          break;
        case 8:
          if (Is(k, "itemprop")) itemprop = a.value;
          else if (Is(k, "itemtype")) itemtype = a.value;
          else if (Is(k, "property")) property = a.value;
          else if (Is(k, "datetime")) datetime = a.value;
          break;
        case 10:
          if (Is(k, "aria-label")) aria_label = a.value;
          break;
        case 11:
          if (Is(k, "aria-hidden")) aria_hidden = a.value;
          break;
        default:
          break;
      }
    }
  }
};

struct Flags {
  bool hidden = false;      // display:none, hidden, aria-hidden
  bool furniture = false;   // comments, related links, menus, sidebars, nav (class/id/role/tag)
  bool footer = false;      // <footer>, <aside>, class "footer": the article's own or the page's
  bool in_byline = false;   // inside an element already taken as a byline
  bool in_article = false;  // inside <article>, <main>, an articleBody or an Article item
  bool in_head = false;
};

bool AnyOf(std::string_view s, const std::string_view* words, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    if (s.find(words[i]) != std::string_view::npos) return true;
  }
  return false;
}

bool IsHidden(std::string_view cls, std::string_view aria_hidden, std::string_view style, bool hidden_attr) {
  if (hidden_attr) return true;
  if (aria_hidden.size() == 4 && AsciiLower(aria_hidden) == "true" && !ContainsAsciiCi(cls, "fallback-image")) {
    return true;
  }
  if (style.empty()) return false;
  thread_local std::string compact;  // reused: many elements carry a style
  compact.resize(style.size());      // written in place, then cut (no push_back per byte)
  char* o = compact.data();
  for (char c : style) {
    *o = AsciiLowerChar(c);
    o += c != ' ' && c != '\t' && c != '\n';
  }
  compact.resize(static_cast<size_t>(o - compact.data()));
  return compact.find("display:none") != std::string::npos || compact.find("visibility:hidden") != std::string::npos;
}

enum class Furniture { kNone, kSoft, kHard };

// `class_words`: the ClassWord bits of the element's class and id; `named`: it has either.
Furniture Classify(std::string_view raw_role, std::string_view tag, uint32_t class_words, bool named) {
  if (Is(tag, "nav")) return Furniture::kHard;
  if (Is(tag, "footer") || Is(tag, "aside")) return Furniture::kSoft;
  if (Is(tag, "body") || Is(tag, "a") || Is(tag, "article") || Is(tag, "main")) return Furniture::kNone;
  if (!raw_role.empty()) {
    const std::string role = AsciiLower(raw_role);
    if (AnyOf(role, kUnlikelyRoles, std::size(kUnlikelyRoles)) && role.find("main") == std::string::npos) {
      return Furniture::kHard;
    }
  }
  if (!named) return Furniture::kNone;  // neither class nor id
  if (class_words & kClassMaybeContent) return Furniture::kNone;
  if (class_words & kClassUnlikely) return Furniture::kHard;
  if (class_words & kClassSoftUnlikely) return Furniture::kSoft;
  return Furniture::kNone;
}

std::string MetaKey(std::string_view raw) {
  std::string key = AsciiLower(CollapseWhitespace(raw));
  for (std::string_view prefix : {"dcterms:", "dcterm:", "dc:"}) {
    if (StartsWith(key, prefix)) {
      key[prefix.size() - 1] = '.';
      break;
    }
  }
  if (StartsWith(key, "dcterm.")) key = "dcterms." + key.substr(7);
  return key;
}

void AddMetaKeys(std::string_view attr, std::string_view content, bool property, PageSources* out) {
  // property="og:title twitter:title" names two keys.
  const std::string collapsed = CollapseWhitespace(attr);
  for (std::string_view token : Words(collapsed)) {
    out->metas.push_back({MetaKey(token), std::string(content), property});
  }
}

// The first descendant carrying itemprop ~ "name" (schema.org Person inside an author element).
uint32_t ItempropNameDescendant(const Dom& dom, uint32_t node) {
  uint32_t cur = dom.nodes[node].first_child;
  size_t budget = 400;
  while (cur != kNoNode && budget-- > 0) {
    const Node& n = dom.nodes[cur];
    if (n.type == NodeType::kElement && HasToken(dom.Attr(cur, "itemprop"), "name")) return cur;
    if (n.first_child != kNoNode) {
      cur = n.first_child;
      continue;
    }
    while (cur != node && dom.nodes[cur].next_sibling == kNoNode) cur = dom.nodes[cur].parent;
    if (cur == node) break;
    cur = dom.nodes[cur].next_sibling;
  }
  return kNoNode;
}

// A machine-readable value of a microdata/time element: content, datetime, then the text.
std::string MachineValue(const Dom& dom, uint32_t node) {
  for (std::string_view attr : {"content", "datetime", "value"}) {
    if (dom.HasAttr(node, attr)) {
      std::string v = CollapseWhitespace(dom.Attr(node, attr));
      if (!v.empty()) return v;
    }
  }
  return CollapseWhitespace(ElementText(dom, node, 200));
}

void CollectBreadcrumbs(const Dom& dom, uint32_t node, std::vector<std::string>* out) {
  // Items are the <li> (or, without a list, the <a>) elements of the trail.
  std::vector<uint32_t> items, links;
  uint32_t cur = dom.nodes[node].first_child;
  size_t budget = 2000;
  while (cur != kNoNode && budget-- > 0) {
    const Node& n = dom.nodes[cur];
    bool descend = n.first_child != kNoNode;
    if (n.type == NodeType::kElement) {
      if (Is(n.name, "li")) {
        items.push_back(cur);
        descend = false;
      } else if (Is(n.name, "a")) {
        links.push_back(cur);
      }
    }
    if (descend) {
      cur = n.first_child;
      continue;
    }
    while (cur != node && dom.nodes[cur].next_sibling == kNoNode) cur = dom.nodes[cur].parent;
    if (cur == node) break;
    cur = dom.nodes[cur].next_sibling;
  }
  const std::vector<uint32_t>& chosen = items.empty() ? links : items;
  for (uint32_t item : chosen) {
    if (out->size() >= 12) break;
    std::string text = CollapseWhitespace(ElementText(dom, item, 300));
    // Separators written as text ("Home > News") are not items.
    while (!text.empty() && (text.back() == '>' || text.back() == '/' || text.back() == '|' || text.back() == ' ')) {
      text.pop_back();
    }
    if (!text.empty() && text.size() < 120 && HasLetter(text)) out->push_back(text);
  }
}


struct BodyState {
  bool breadcrumbs_done = false;
  size_t text_dates = 0;
  ClassWordsMemo* class_words = nullptr;  // class/id words of this page, per distinct value
};

bool StartsWithAny(std::string_view folded, std::initializer_list<std::string_view> prefixes) {
  for (std::string_view p : prefixes) {
    if (StartsWith(folded, p)) return true;
  }
  return false;
}

// A short text that opens like a byline: "By ...", "Von ...", "Text: ...", "Written by: ...".
bool OpensLikeByline(std::string_view folded) {
  return StartsWithAny(folded, {"by ", "by:", "von ", "von:", "par ", "por ", "door ", "text:", "text von ",
                                "texte :", "texte:", "texto:", "autor:", "autorin:", "author:", "written by",
                                "posted by", "erstellt von", "geschrieben von", "verfasst von", "a cura di",
                                "escrito por", "scritto da", "écrit par", "geschreven door"});
}

// Words around a date that say it is the publication date (or, for the second list, not).
bool SaysPublished(std::string_view folded) {
  for (std::string_view w : {"publi", "posted", "veröffentlicht", "erschienen", "datum", "erstellt", "created",
                             "date:", "date :", "fecha", "data:", "gepubliceerd"}) {
    if (folded.find(w) != std::string_view::npos) return true;
  }
  return false;
}
bool SaysUpdated(std::string_view folded) {
  for (std::string_view w : {"updat", "aktualisiert", "modifi", "geändert", "änderung", "mis à jour",
                             "actualizado", "aggiornato", "bijgewerkt", "stand:"}) {
    if (folded.find(w) != std::string_view::npos) return true;
  }
  return false;
}

bool IsArticleItem(std::string_view type) {
  return !type.empty() && (ContainsAsciiCi(type, "Article") || ContainsAsciiCi(type, "BlogPosting") ||
                           ContainsAsciiCi(type, "NewsArticle"));
}

// One body element: furniture and visibility, then the metadata it may carry.
void BodyElement(const Dom& dom, uint32_t cur, std::string_view tag, Flags* f, BodyState* body, PageSources* out) {
  const Attrs a(dom, cur);
  const bool named = !a.cls.empty() || !a.id.empty();
  const uint32_t words = named ? ClassIdWords(a.cls, a.id, body->class_words) : 0;
  if (!f->hidden && IsHidden(a.cls, a.aria_hidden, a.style, a.hidden)) f->hidden = true;
  if (!f->furniture) {
    const Furniture kind = Classify(a.role, tag, words, named);
    if (kind == Furniture::kHard) f->furniture = true;
    if (kind == Furniture::kSoft) f->footer = true;
  }
  const std::string_view itemprop = a.itemprop;
  if (Is(tag, "article") || Is(tag, "main") || HasToken(itemprop, "articlebody") || IsArticleItem(a.itemtype) ||
      (words & kClassEntry)) {
    f->in_article = true;
  }
  if (f->hidden || f->furniture) return;
  const bool main_region = !f->footer;  // not in a footer or aside
  if (Is(tag, "h1") && out->h1s.size() < kMaxH1) {
    std::string text = CollapseWhitespace(ElementText(dom, cur, 1000));
    if (!text.empty()) {
      if (out->h1s.empty()) out->h1_position = cur;
      out->h1s.push_back(std::move(text));
    }
  }
  // Microdata and RDFa.
  if (!itemprop.empty()) {
    if (HasToken(itemprop, "datepublished") || HasToken(itemprop, "datecreated")) {
      if (out->published_dates.size() < kMaxDates) {
        out->published_dates.push_back(
            {MachineValue(dom, cur), HasToken(itemprop, "datepublished") ? 6 : 4, "microdata", cur});
      }
    } else if (HasToken(itemprop, "datemodified")) {
      if (out->modified_dates.size() < 4) out->modified_dates.push_back(MachineValue(dom, cur));
    } else if (HasToken(itemprop, "headline") && out->microdata_headline.empty() && main_region) {
      out->microdata_headline = MachineValue(dom, cur);
    } else if (HasToken(itemprop, "image") && out->microdata_image.empty()) {
      for (std::string_view attr : {"content", "src", "href", "data-src"}) {
        if (dom.HasAttr(cur, attr)) {
          out->microdata_image = CollapseWhitespace(dom.Attr(cur, attr));
          break;
        }
      }
    }
  }
  if (!a.property.empty() && !Is(tag, "meta") && a.has_content) {
    const std::string p = AsciiLower(a.property);
    if ((p == "schema:datepublished" || p == "schema:datecreated" || p == "dc:created" || p == "dcterms:created" ||
         p == "dc:date" || p == "dcterms:issued") &&
        out->published_dates.size() < kMaxDates) {
      out->published_dates.push_back({CollapseWhitespace(a.content), 4, "microdata", cur});
    }
  }
  // <time datetime>: trusted in the byline and the article's header, less elsewhere.
  if (Is(tag, "time") && out->published_dates.size() < kMaxDates) {
    std::string value = CollapseWhitespace(a.datetime);
    const bool says_updated = (words & (kClassUpdate | kClassModified)) != 0;
    if (value.empty()) value = CollapseWhitespace(ElementText(dom, cur, 200));
    if (!value.empty() && !says_updated) {
      int rank = 1;
      if (a.pubdate || (words & kClassPublish)) rank = 5;
      else if (f->in_byline) rank = 4;
      else if (f->in_article) rank = 3;
      out->published_dates.push_back({value, rank, "time", cur});
    }
  }
  // Bylines (rel=author, itemprop~author, byline-like class/id); in an article's footer only as a fallback.
  const bool is_byline = !f->in_byline && (HasToken(a.rel, "author") ||
                                           ContainsAsciiCi(itemprop, "author") || (words & kClassByline));
  if (is_byline && (main_region || f->in_article)) {
    const uint32_t name_node = ItempropNameDescendant(dom, cur);
    std::string text = Is(tag, "meta") ? std::string(a.content)
                                     : ElementText(dom, name_node != kNoNode ? name_node : cur, 1000);
    const std::string collapsed = CollapseWhitespace(text);
    size_t chars = 0;
    for (char c : collapsed) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    std::vector<std::string>& texts = main_region ? out->byline_texts : out->footer_byline_texts;
    if (chars > 0 && chars < 100 && texts.size() < kMaxBylineTexts) {
      texts.push_back(std::move(text));
      f->in_byline = true;
    }
  }
  if (Is(tag, "a") && out->author_hrefs.size() < 8) {
    const std::string_view href = a.href;
    if (HasToken(a.rel, "author") || (f->in_byline && !href.empty())) {
      out->author_hrefs.push_back(CollapseWhitespace(href));
    }
  }
  // Date-like elements without a machine value: their short text, parsed later.
  if (!Is(tag, "time") && !Is(tag, "a") && itemprop.empty() && out->published_dates.size() < kMaxDates &&
      named && (words & kClassDate) && !(words & kClassUpdate)) {
    std::string text = CollapseWhitespace(ElementText(dom, cur, 300));
    if (!text.empty() && text.size() < 120) {
      out->published_dates.push_back({std::move(text), f->in_article ? 2 : 1, "text", cur});
    }
  }
  // The first breadcrumb trail.
  if (!body->breadcrumbs_done && ((words & kClassBreadcrumb) ||
                                  ContainsAsciiCi(a.aria_label, "breadcrumb") ||
                                  ContainsAsciiCi(a.itemtype, "BreadcrumbList"))) {
    CollectBreadcrumbs(dom, cur, &out->breadcrumbs);
    body->breadcrumbs_done = !out->breadcrumbs.empty();
  }
}

// One visible body text outside furniture: a written date ("Veröffentlicht am 16.08.2019", a lone
// "02.01.2022") or a byline written as text ("Von Claudia Lindner").
void BodyText(const Dom& dom, uint32_t cur, const Flags& f, BodyState* body, PageSources* out) {
  const std::string_view raw = dom.nodes[cur].text;
  if (raw.size() > 300) return;
  // Cheap filters first: most text nodes are neither a byline opener nor a date.
  const bool has_digit = std::any_of(raw.begin(), raw.end(), [](char c) { return c >= '0' && c <= '9'; });
  size_t first = 0;
  while (first < raw.size() && static_cast<unsigned char>(raw[first]) <= ' ') ++first;
  if (first == raw.size()) return;
  const char c0 = static_cast<char>(raw[first] | 0x20);
  const bool may_open_byline = c0 == 'b' || c0 == 'v' || c0 == 'p' || c0 == 't' || c0 == 'a' || c0 == 'w' ||
                               c0 == 'e' || c0 == 'g' || c0 == 's' || c0 == 'd';
  if (!has_digit && !may_open_byline && raw.size() > 40) return;
  const std::string text = CollapseWhitespace(raw);
  if (text.empty() || text.size() > 200) return;
  const uint32_t parent = dom.nodes[cur].parent;
  const std::string folded = Fold(text);
  if (!f.in_byline && !f.footer && out->text_byline_texts.size() < 4 && OpensLikeByline(folded)) {
    // The name is often in the next element: "von <em>Klaus Stanjek</em>".
    std::string context = ElementText(dom, parent, 400);
    if (CollapseWhitespace(context).size() > 120) context = text;
    out->text_byline_texts.push_back(std::move(context));
  }
  if (body->text_dates >= 24 || out->published_dates.size() >= kMaxDates) return;
  const bool published_word = SaysPublished(folded) && !SaysUpdated(folded);
  if (!has_digit && !published_word) return;
  std::string candidate = text;
  if (published_word && !has_digit) {
    // "Veröffentlichung: <a>04.02.2022</a>": the date follows in the parent element.
    candidate = CollapseWhitespace(ElementText(dom, parent, 300));
    if (candidate.size() > 200) return;
  }
  if (FindDateInText(candidate).empty()) return;
  int rank = 0;
  if (published_word) rank = 2;
  else if (IsDateOrTimePhrase(candidate) && !SaysUpdated(folded)) rank = 1;
  if (rank == 0) return;
  ++body->text_dates;
  out->published_dates.push_back({std::move(candidate), rank, "text", cur});
}

}  // namespace

void IndexMetas(PageSources* sources);

void ScanPage(const Dom& dom, PageSources* out) {
  if (dom.nodes.size() <= 1) return;
  std::vector<Flags> flags;  // by depth
  flags.push_back({});
  BodyState body;
  // Reused across the pages of a thread; its keys point into `dom`, so it starts empty each time.
  thread_local ClassWordsMemo class_words;
  class_words.Clear();
  body.class_words = &class_words;
  size_t visited = 0;
  uint32_t cur = dom.nodes[Dom::kDocumentNode].first_child;
  size_t depth = 1;
  while (cur != kNoNode && visited++ < kMaxNodes) {
    const Node& n = dom.nodes[cur];
    Flags f = flags[depth - 1];
    bool descend = false;
    if (n.type == NodeType::kElement && n.ns == Namespace::kHtml) {
      const std::string_view tag = n.name;
      descend = true;
      if (Is(tag, "head")) f.in_head = true;
      if (Is(tag, "html")) {
        if (out->html_lang.empty()) {
          out->html_lang = CollapseWhitespace(dom.Attr(cur, "lang"));
          if (out->html_lang.empty()) out->html_lang = CollapseWhitespace(dom.Attr(cur, "xml:lang"));
        }
      } else if (Is(tag, "title")) {
        if (out->title_tag.empty()) out->title_tag = CollapseWhitespace(ElementText(dom, cur, 2000));
        descend = false;
      } else if (Is(tag, "base")) {
        if (out->base_href.empty()) out->base_href = CollapseWhitespace(dom.Attr(cur, "href"));
      } else if (Is(tag, "meta")) {
        const std::string content = CollapseWhitespace(dom.Attr(cur, "content"));
        if (!content.empty()) {
          AddMetaKeys(dom.Attr(cur, "property"), content, true, out);
          AddMetaKeys(dom.Attr(cur, "name"), content, false, out);
          AddMetaKeys(dom.Attr(cur, "http-equiv"), content, false, out);
          if (f.in_head) AddMetaKeys(dom.Attr(cur, "itemprop"), content, false, out);
        }
      } else if (Is(tag, "link")) {
        const std::string_view rel = dom.Attr(cur, "rel");
        const std::string href = CollapseWhitespace(dom.Attr(cur, "href"));
        if (!href.empty()) {
          if (HasToken(rel, "canonical") && out->canonical.empty()) out->canonical = href;
          if (HasToken(rel, "author")) out->author_hrefs.push_back(href);
          if (HasToken(rel, "image_src") && out->image_src.empty()) out->image_src = href;
        }
      } else if (Is(tag, "script")) {
        std::string type = AsciiLower(CollapseWhitespace(dom.Attr(cur, "type")));
        if (StartsWith(type, "application/ld+json") && out->jsonld.size() < 32) {
          std::string text;
          for (uint32_t c = n.first_child; c != kNoNode; c = dom.nodes[c].next_sibling) {
            if (dom.nodes[c].type == NodeType::kText) text.append(dom.nodes[c].text);
          }
          if (text.size() < (4u << 20)) out->jsonld.push_back(std::move(text));
        }
        descend = false;
      } else if (Is(tag, "style") || Is(tag, "template") || Is(tag, "noscript") || Is(tag, "iframe")) {
        descend = false;
      }
      if (descend && !f.in_head) BodyElement(dom, cur, tag, &f, &body, out);
    } else if (n.type == NodeType::kElement) {
      descend = false;  // svg / math: nothing for us
    } else if (n.type == NodeType::kText && !f.in_head && !f.hidden && !f.furniture) {
      BodyText(dom, cur, f, &body, out);
    }
    if (descend && n.first_child != kNoNode) {
      if (flags.size() <= depth) flags.resize(depth + 1);
      flags[depth] = f;
      cur = n.first_child;
      ++depth;
      continue;
    }
    while (cur != kNoNode && dom.nodes[cur].next_sibling == kNoNode) {
      cur = dom.nodes[cur].parent;
      --depth;
      if (depth == 0 || cur == Dom::kDocumentNode) {
        cur = kNoNode;
        break;
      }
    }
    if (cur != kNoNode) cur = dom.nodes[cur].next_sibling;
  }
  IndexMetas(out);
}

namespace {

// The indices of `key`'s entries, in document order.
std::pair<const uint32_t*, const uint32_t*> MetaRange(const PageSources& sources, std::string_view key) {
  const auto& idx = sources.metas_by_key;
  const auto& metas = sources.metas;
  const auto lo = std::lower_bound(idx.begin(), idx.end(), key,
                                   [&](uint32_t i, std::string_view k) { return metas[i].key < k; });
  const auto hi = std::upper_bound(lo, idx.end(), key,
                                   [&](std::string_view k, uint32_t i) { return k < metas[i].key; });
  return {idx.data() + (lo - idx.begin()), idx.data() + (hi - idx.begin())};
}

}  // namespace

void IndexMetas(PageSources* sources) {
  sources->metas_by_key.resize(sources->metas.size());
  for (uint32_t i = 0; i < sources->metas.size(); ++i) sources->metas_by_key[i] = i;
  std::stable_sort(sources->metas_by_key.begin(), sources->metas_by_key.end(),
                   [&](uint32_t a, uint32_t b) { return sources->metas[a].key < sources->metas[b].key; });
}

const std::string* FindMeta(const PageSources& sources, std::initializer_list<std::string_view> keys) {
  for (std::string_view key : keys) {
    const std::string* by_name = nullptr;
    const auto [begin, end] = MetaRange(sources, key);
    for (const uint32_t* i = begin; i != end; ++i) {
      const MetaEntry& m = sources.metas[*i];
      if (m.value.empty()) continue;
      if (m.property) return &m.value;
      if (!by_name) by_name = &m.value;
    }
    if (by_name) return by_name;
  }
  return nullptr;
}

std::vector<std::string> AllMeta(const PageSources& sources, std::initializer_list<std::string_view> keys) {
  std::vector<uint32_t> found;
  for (std::string_view key : keys) {
    const auto [begin, end] = MetaRange(sources, key);
    found.insert(found.end(), begin, end);
  }
  std::sort(found.begin(), found.end());
  std::vector<std::string> values;
  for (uint32_t i : found) {
    if (!sources.metas[i].value.empty()) values.push_back(sources.metas[i].value);
  }
  return values;
}

}  // namespace dossier::html::meta
