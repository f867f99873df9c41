#include "html/content_clean.h"

#include <algorithm>
#include <array>
#include <string>

#include "html/content_score.h"
#include "html/content_teasers.h"

namespace dossier::html {
namespace {

// Lower-case ASCII, Latin-1 capitals (À-Þ) and Cyrillic capitals (А-Я, Ё); other bytes as is.
std::string Fold(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 'A' && c <= 'Z') {
      out.push_back(static_cast<char>(c - 'A' + 'a'));
    } else if (c == 0xC3 && i + 1 < s.size()) {
      const unsigned char d = static_cast<unsigned char>(s[i + 1]);
      out.push_back(static_cast<char>(c));
      out.push_back(static_cast<char>(d >= 0x80 && d <= 0x9E && d != 0x97 ? d + 0x20 : d));
      ++i;
    } else if (c == 0xD0 && i + 1 < s.size()) {
      const unsigned char d = static_cast<unsigned char>(s[i + 1]);
      if (d >= 0x90 && d <= 0x9F) {  // А-П -> а-п
        out.push_back(static_cast<char>(0xD0));
        out.push_back(static_cast<char>(d + 0x20));
      } else if (d >= 0xA0 && d <= 0xAF) {  // Р-Я -> р-я
        out.push_back(static_cast<char>(0xD1));
        out.push_back(static_cast<char>(d - 0x20));
      } else if (d == 0x81) {  // Ё -> ё
        out.push_back(static_cast<char>(0xD1));
        out.push_back(static_cast<char>(0x91));
      } else {
        out.push_back(static_cast<char>(c));
        out.push_back(static_cast<char>(d));
      }
      ++i;
    } else if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
               (static_cast<unsigned char>(s[i + 2]) == 0x99 || static_cast<unsigned char>(s[i + 2]) == 0x98)) {
      out.push_back('\'');  // curly apostrophes
      i += 2;
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

// Section titles that open boilerplate, folded. A heading matches when it is one of these, or
// starts with one followed by a space.
constexpr std::string_view kBoilerplateHeadings[] = {
    // English
    "related", "related articles", "related stories", "related posts", "related content",
    "related news", "related coverage", "related topics", "related links", "related reading",
    "read more", "read also", "read next", "more from", "more on this", "more stories",
    "more news", "more articles", "more like this", "you may also like", "you might also like",
    "you may like", "you might like", "you may be interested in", "you might be interested in",
    "recommended", "recommended for you", "recommended stories", "recommended articles",
    "most popular", "most read", "most viewed", "popular posts", "popular stories",
    "trending", "trending now", "latest news", "latest stories", "latest posts", "don't miss",
    "see also", "also read", "also on", "comments", "leave a comment", "leave a reply",
    "join the discussion", "join the conversation", "share this", "share this article",
    "share this story", "share this post", "share on", "tags", "topics", "advertisement",
    "sponsored", "sponsored content", "newsletter", "sign up for", "subscribe to",
    "follow us", "about the author", "what to read next", "up next", "keep reading",
    "editor's picks", "top stories", "subscribe", "explore further", "see more photos", "more",
    "share it with a friend", "sign up to our newsletter", "sign up for our newsletter",
    "weitere beiträge",
    // German
    "mehr zum thema", "mehr aus", "mehr zu", "mehr von", "mehr artikel", "weitere artikel",
    "weitere themen", "weitere nachrichten", "auch interessant", "das könnte sie auch interessieren",
    "das könnte dich auch interessieren", "lesen sie auch", "lies auch", "weiterlesen",
    "empfohlene beiträge", "empfehlungen", "ähnliche artikel", "ähnliche beiträge",
    "verwandte artikel", "kommentare", "kommentieren", "schlagworte", "artikel teilen",
    "meistgelesen", "meistgelesene artikel", "schon gelesen",
    // French
    "à lire aussi", "a lire aussi", "lire aussi", "à lire également", "sur le même sujet",
    "dans la même rubrique", "vous aimerez aussi", "vous aimerez peut-être aussi",
    "articles similaires", "articles liés", "commentaires", "partager", "les plus lus", "voir aussi",
    // Spanish, Italian, Portuguese
    "te puede interesar", "también te puede interesar", "lee también", "lea también",
    "noticias relacionadas", "artículos relacionados", "relacionados", "relacionadas",
    "comentarios", "compartir", "lo más leído", "te recomendamos", "leggi anche",
    "potrebbe interessarti", "ti potrebbe interessare", "articoli correlati", "commenti",
    "leia também", "veja também", "você pode gostar", "notícias relacionadas", "comentários",
    // Dutch, Polish, Russian
    "lees ook", "gerelateerd", "reacties", "zobacz także", "zobacz też", "czytaj także",
    "czytaj też", "przeczytaj także", "polecamy", "komentarze", "читайте также", "по теме",
    "комментарии", "похожие статьи",
    // Chinese, Japanese
    "相关阅读", "相关新闻", "相关文章", "推荐阅读", "関連記事",
};

// Starts of datelines and copyright lines, folded: a short block starting with one of these is
// page furniture (the date is in the metadata).
constexpr std::string_view kFurniturePrefixes[] = {
    "published", "first published", "updated", "last updated", "posted on", "posted",
    "copyright", "(c) ", "ⓒ", "©", "veröffentlicht", "aktualisiert", "publié le", "mis à jour",
    "publicado", "actualizado", "pubblicato", "aggiornato", "opublikowano"};

// Starts of picture credits, folded.
constexpr std::string_view kCreditPrefixes[] = {
    "photo:", "photos:", "foto:", "fotos:", "bild:", "bilder:", "image:", "images:", "credit:",
    "photograph:", "titelbild:", "(crédito", "crédito:", "(photo:", "(foto:", "picture:"};

std::string_view Trim(std::string_view s) {
  auto strip = [](std::string_view& t) {
    bool changed = true;
    while (changed && !t.empty()) {
      changed = false;
      const unsigned char c = static_cast<unsigned char>(t.back());
      if (c == ' ' || c == ':' || c == '?' || c == '!' || c == '.' || c == '\n' || c == '>') {
        t.remove_suffix(1);
        changed = true;
      } else if (t.size() >= 3 && t.substr(t.size() - 3) == "\xE2\x80\xA6") {  // …
        t.remove_suffix(3);
        changed = true;
      } else if (t.size() >= 2 && t.substr(t.size() - 2) == "\xC2\xBB") {  // »
        t.remove_suffix(2);
        changed = true;
      }
    }
    while (!t.empty() && (t.front() == ' ' || t.front() == '\n')) t.remove_prefix(1);
  };
  strip(s);
  return s;
}

bool IsWidget(const PageBlocks& page, uint32_t e) {
  const ElementInfo& info = page.elements[e];
  const ContentTag t = info.tag;
  if (t == ContentTag::kUl || t == ContentTag::kOl || t == ContentTag::kDl || t == ContentTag::kTable || t == ContentTag::kTbody ||
      t == ContentTag::kLi || t == ContentTag::kTr) {
    return false;
  }
  const uint32_t n = info.block_end - info.block_begin;
  if (n < 4) return false;
  uint32_t total = 0;
  for (uint32_t i = info.block_begin; i < info.block_end; ++i) {
    const RawBlock& b = page.blocks[i];
    if (b.chars >= 50 || b.kind == HtmlBlockKind::kListItem || b.kind == HtmlBlockKind::kTable) return false;
    total += b.chars;
  }
  return total < 15 * n;
}

}  // namespace

bool IsBoilerplateHeading(std::string_view text) {
  text = Trim(text);
  if (text.empty() || text.size() > 80) return false;
  const std::string folded = Fold(text);
  for (std::string_view phrase : kBoilerplateHeadings) {
    if (folded.size() < phrase.size()) continue;
    if (folded.compare(0, phrase.size(), phrase) != 0) continue;
    if (folded.size() == phrase.size()) return true;
    // A one-word phrase must be the whole heading ("More", not "More than 100 hurt"); a longer
    // one may go on ("Related articles about X", "More from CNN").
    if (folded[phrase.size()] == ' ' && phrase.find(' ') != std::string_view::npos) return true;
  }
  return false;
}

bool IsFurniture(std::string_view text) {
  if (text.size() > 120) return false;
  const std::string folded = Fold(text.substr(0, 24));
  for (std::string_view prefix : kFurniturePrefixes) {
    if (!folded.starts_with(prefix)) continue;
    // A copyright line may hold sentences ("Copyright 2019 Reuters. All rights reserved.").
    if (prefix == "copyright" || prefix == "(c) " || prefix == "ⓒ" || prefix == "©") return true;
    // "Posted in Politics" and "Published: 3 May" alike; but not prose ("Published research
    // shows ...") — require no sentence end inside. A period after a digit is an ordinal date
    // ("Veröffentlicht am 3. Mai 2019"), not a sentence end.
    const std::string_view rest = text.substr(std::min(text.size(), prefix.size()));
    for (size_t dot = rest.find(". "); dot != std::string_view::npos; dot = rest.find(". ", dot + 1)) {
      if (dot == 0 || rest[dot - 1] < '0' || rest[dot - 1] > '9') return false;
    }
    return true;
  }
  return false;
}

bool IsCredit(std::string_view text) {
  if (text.size() > 200) return false;
  if (text.find("\xC2\xA9") != std::string_view::npos) return true;  // ©
  const std::string folded = Fold(text.substr(0, 24));
  for (std::string_view prefix : kCreditPrefixes) {
    if (folded.starts_with(prefix)) return true;
  }
  return false;
}

void CleanSelection(PageBlocks* page_ptr, uint32_t container, std::vector<uint32_t>* blocks) {
  PageBlocks& page = *page_ptr;
  std::vector<uint32_t>& sel = *blocks;
  if (sel.empty()) return;
  const uint32_t end_of_page = static_cast<uint32_t>(page.blocks.size());

  // 1. Boilerplate sections, announced by their heading.
  std::vector<uint32_t> kept;
  kept.reserve(sel.size());
  for (size_t k = 0; k < sel.size(); ++k) {
    const uint32_t i = sel[k];
    RawBlock& b = page.blocks[i];
    const bool heading_like = b.kind == HtmlBlockKind::kHeading ||
                              (b.chars <= 40 && b.kind != HtmlBlockKind::kListItem && b.punct <= 1);
    if (!heading_like || !IsBoilerplateHeading(page.Text(b))) {
      kept.push_back(i);
      continue;
    }
    // The section: the rest of the heading's parent element, when that is not the container;
    // otherwise the run of link lists and short lines after the heading.
    // The heading opens an element of its own (<div class="x"><h3>Related</h3>...</div>) when
    // it is that element's first block.
    const uint32_t parent = page.elements[b.owner].block_parent;
    const bool own_section = parent != kNoNode && parent != container && b.owner != container &&
                             page.elements[parent].block_begin == i &&
                             page.elements[parent].block_end - page.elements[parent].block_begin < 40;
    const uint32_t section_end = own_section ? page.elements[parent].block_end : end_of_page;
    const int level = b.kind == HtmlBlockKind::kHeading ? b.level : 7;
    while (k + 1 < sel.size() && sel[k + 1] < section_end) {
      const RawBlock& next = page.blocks[sel[k + 1]];
      if (next.kind == HtmlBlockKind::kHeading && next.level <= level &&
          !IsBoilerplateHeading(page.Text(next))) {
        break;
      }
      if (!own_section && next.kind != HtmlBlockKind::kHeading && next.chars >= 80 &&
          LinkDensity(next) < 0.3) {
        break;
      }
      ++k;
    }
  }
  sel.swap(kept);

  // 2. Widgets: elements of many tiny fragments.
  kept.clear();
  thread_local std::vector<uint8_t> memo;  // per element: 0 not yet known, 1 no, 2 a widget
  memo.assign(page.elements.size(), 0);
  for (uint32_t i : sel) {
    bool widget = false;
    for (uint32_t e = page.blocks[i].owner; e != kNoNode && e != container && !widget;
         e = page.elements[e].block_parent) {
      if (memo[e] == 0) memo[e] = IsWidget(page, e) ? 2 : 1;
      widget = memo[e] == 2;
    }
    if (!widget) kept.push_back(i);
  }
  sel.swap(kept);

  // 2b. Lists of other stories' teaser cards.
  DropTeaserCards(page, container, &sel);

  // 3. Datelines and copyright lines go; picture credits are captions; a caption repeated word for
  // word goes (galleries and lightboxes print each figure's caption and credit twice or more).
  kept.clear();
  std::vector<std::string_view> captions;
  for (uint32_t i : sel) {
    RawBlock& b = page.blocks[i];
    const std::string_view text = page.Text(b);
    if (b.kind == HtmlBlockKind::kParagraph || b.kind == HtmlBlockKind::kHeading) {
      if (IsFurniture(text)) continue;
      if (b.kind == HtmlBlockKind::kParagraph && IsCredit(text)) b.kind = HtmlBlockKind::kCaption;
    }
    if (b.kind == HtmlBlockKind::kCaption) {
      if (std::find(captions.begin(), captions.end(), text) != captions.end()) continue;
      captions.push_back(text);
    }
    kept.push_back(i);
  }
  sel.swap(kept);

  // 4. Headings with nothing under them: followed by a heading of the same or a higher level, or
  // by nothing but captions.
  kept.clear();
  for (size_t k = 0; k < sel.size(); ++k) {
    const RawBlock& b = page.blocks[sel[k]];
    if (b.kind == HtmlBlockKind::kHeading) {
      size_t m = k + 1;
      while (m < sel.size() && page.blocks[sel[m]].kind == HtmlBlockKind::kCaption) ++m;
      const bool orphan = m == sel.size() || (page.blocks[sel[m]].kind == HtmlBlockKind::kHeading &&
                                              page.blocks[sel[m]].level <= b.level);
      if (orphan) continue;
    }
    kept.push_back(sel[k]);
  }
  sel.swap(kept);
}

}  // namespace dossier::html
