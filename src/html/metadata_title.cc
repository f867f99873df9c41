// The title: the page's own statements first (JSON-LD headline, Dublin Core, og:title, meta title,
// twitter:title, parsely), then <title> with the site name stripped, then h1. Sources are checked
// against each other: a value equal to the site name is skipped, a value cut short (og:title limited
// to 100 characters) gives way to the complete one, and <title> parts are dropped by agreement.
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "html/metadata_internal.h"

namespace dossier::html::meta {
namespace {

struct Candidate {
  std::string text;
  const char* evidence;
};

// Separators between title parts, written between spaces: "Title | Site", "Site - Title".
constexpr std::string_view kSeparators[] = {"|",  "-", "–", "—", "/", "\\", ">", "»", "·", "•",
                                            "::", "~", "«", "‹", "›", "||", "ǀ", "//", ":"};
// Separators that may end a title as a stray leftover ("National Rail Enquiries -").
constexpr std::string_view kStraySeparators[] = {"|", "-", "–", "—", "/", "//", "»", "·", "•", "ǀ"};

bool IsSeparator(std::string_view w) {
  for (std::string_view s : kSeparators) {
    if (w == s) return true;
  }
  return false;
}

size_t WordCount(std::string_view s) { return Words(CollapseWhitespace(s)).size(); }

// True for text in scripts written without spaces (CJK), where word counts mean little.
bool MostlyUnspaced(std::string_view s) {
  size_t wide = 0, total = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if ((c & 0xC0) == 0x80) continue;
    ++total;
    if (c >= 0xE3 && c <= 0xED) ++wide;  // U+3000..U+DFFF: CJK, kana, hangul
  }
  return total > 0 && wide * 3 > total;
}

// Long enough to stand alone as a title: at least 5 words, or 10 characters of unspaced script.
bool LongEnough(std::string_view s) {
  if (MostlyUnspaced(s)) return s.size() >= 30;
  return WordCount(s) >= 5;
}

struct Parts {
  std::vector<std::string> parts;       // the text between separators
  std::vector<std::string> separators;  // separators[i] sits between parts[i] and parts[i + 1]
};

Parts SplitTitle(std::string_view title) {
  Parts p;
  p.parts.emplace_back();
  for (std::string_view w : Words(title)) {
    if (IsSeparator(w) && !p.parts.back().empty()) {
      p.separators.emplace_back(w);
      p.parts.emplace_back();
      continue;
    }
    if (!p.parts.back().empty()) p.parts.back().push_back(' ');
    p.parts.back().append(w);
  }
  if (p.parts.back().empty() && p.parts.size() > 1) {
    // A trailing separator ("Title ::"): no part after it.
    p.parts.pop_back();
    p.separators.pop_back();
  }
  return p;
}

std::string JoinParts(const Parts& p, size_t begin, size_t end) {
  std::string out;
  for (size_t i = begin; i < end; ++i) {
    if (i > begin) {
      out.push_back(' ');
      out += p.separators[i - 1];
      out.push_back(' ');
    }
    out += p.parts[i];
  }
  return out;
}

bool SameText(std::string_view a, std::string_view b) {
  const std::string fa = FoldAlnum(a);
  return !fa.empty() && fa == FoldAlnum(b);
}

bool Valid(std::string_view t, const std::vector<std::string>& site_names) {
  if (t.empty() || t.size() > 600 || !HasLetter(t) || LooksLikeUrl(t)) return false;
  for (const std::string& s : site_names) {
    if (SameText(t, s)) return false;
  }
  return true;
}

// True if the character starting at byte i is a letter or digit.
bool IsWordChar(std::string_view s, size_t i) {
  if (i >= s.size()) return false;
  auto n = static_cast<int32_t>(s.size()), k = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), k, n, c);
  return c >= 0 && u_isalnum(c);
}
// True if the character ending at byte i (exclusive) is a letter or digit.
bool IsWordCharBefore(std::string_view s, size_t i) {
  if (i == 0) return false;
  auto k = static_cast<int32_t>(i);
  UChar32 c;
  U8_PREV(reinterpret_cast<const uint8_t*>(s.data()), 0, k, c);
  return c >= 0 && u_isalnum(c);
}

// Token overlap of two titles: shared case-folded words over the larger word count.
double Similarity(std::string_view a, std::string_view b) {
  auto tokens = [](std::string_view s) {
    std::vector<std::string> out;
    // Named: the words are views into it, and a temporary in a range-for initialiser would be
    // destroyed before the loop runs (C++20).
    const std::string collapsed = CollapseWhitespace(s);
    for (std::string_view w : Words(collapsed)) {
      std::string f = FoldAlnum(w);
      if (!f.empty()) out.push_back(std::move(f));
    }
    return out;
  };
  const std::vector<std::string> ta = tokens(a), tb = tokens(b);
  if (ta.empty() || tb.empty()) return 0;
  size_t shared = 0;
  for (const std::string& t : ta) shared += std::find(tb.begin(), tb.end(), t) != tb.end();
  return static_cast<double>(shared) / static_cast<double>(std::max(ta.size(), tb.size()));
}

// `shorter` looks cut from `longer`: a proper prefix ending mid-word, with an ellipsis, or at a word
// boundary when it is long (length limits cut at 60-110 characters).
bool TruncatedFrom(std::string_view shorter, std::string_view longer, bool raw_had_trailing_space) {
  std::string_view cut = shorter;
  bool ellipsis = false;
  for (std::string_view e : {"…", "...", "[…]", "[...]"}) {
    if (EndsWith(cut, e)) {
      cut.remove_suffix(e.size());
      ellipsis = true;
    }
  }
  const std::string s = CollapseWhitespace(cut);
  if (s.size() < 20 || longer.size() <= s.size() || !StartsWith(longer, s)) return false;
  if (ellipsis || raw_had_trailing_space) return true;
  const bool next_is_word = IsWordChar(longer, s.size());
  const bool last_is_word = IsWordCharBefore(s, s.size());
  if (next_is_word && last_is_word) return true;  // cut inside a word
  const auto next = static_cast<unsigned char>(longer[s.size()]);
  return next == ' ' && s.size() >= 60 && last_is_word && longer.size() > s.size() + 1 &&
         longer[s.size() + 1] != '|' && longer[s.size() + 1] != '-';
}

// Drops a separator left alone at either end of a title ("Title -", "| Title").
std::string TrimStraySeparators(std::string t) {
  for (bool changed = true; changed;) {
    changed = false;
    const std::vector<std::string_view> words = Words(t);
    if (words.size() < 2) break;
    for (std::string_view sep : kStraySeparators) {
      if (words.back() == sep) {
        t = CollapseWhitespace(std::string_view(t).substr(0, t.size() - sep.size()));
        changed = true;
        break;
      }
      if (words.front() == sep) {
        t = CollapseWhitespace(std::string_view(t).substr(sep.size()));
        changed = true;
        break;
      }
    }
  }
  return t;
}

// Drops parts that are only a date ("08.11.2021 | Title", "Title - 21/12/2018 - Section").
std::string DropDateParts(const std::string& title) {
  Parts p = SplitTitle(title);
  if (p.parts.size() < 2) return title;
  Parts kept;
  auto digit_edge = [](std::string_view part, bool at_end) {
    if (part.empty()) return false;
    const char c = at_end ? (part.back() == '.' && part.size() > 1 ? part[part.size() - 2] : part.back()) : part.front();
    return c >= '0' && c <= '9';
  };
  for (size_t i = 0; i < p.parts.size(); ++i) {
    // A date part goes, unless it is half of a range ("Wochenbericht 14. - 20. Januar 2022").
    const bool range = (i > 0 && digit_edge(p.parts[i - 1], true)) ||
                       (i + 1 < p.parts.size() && digit_edge(p.parts[i + 1], false));
    if (IsDateOrTimePhrase(p.parts[i]) && !range) continue;
    if (!kept.parts.empty()) kept.separators.push_back(p.separators[i - 1]);
    kept.parts.push_back(p.parts[i]);
  }
  if (kept.parts.empty() || kept.parts.size() == p.parts.size()) return title;
  return JoinParts(kept, 0, kept.parts.size());
}

}  // namespace

bool MatchesSiteName(std::string_view part, const std::vector<std::string>& site_names) {
  const std::string p = FoldAlnum(part);
  if (p.empty()) return false;
  const size_t words = WordCount(part);
  for (const std::string& s : site_names) {
    const std::string f = FoldAlnum(s);
    if (f.empty()) continue;
    if (p == f) return true;
    const std::string& shorter = p.size() < f.size() ? p : f;
    const std::string& longer = p.size() < f.size() ? f : p;
    if (shorter.size() >= 4 && words <= 6 && longer.find(shorter) != std::string::npos) return true;
  }
  return false;
}

std::string StripTitleTag(std::string_view title, const std::vector<std::string>& site_names,
                          const std::vector<std::string>& other_titles, std::string* stripped) {
  stripped->clear();
  const std::string t = TrimStraySeparators(DropDateParts(CollapseWhitespace(title)));
  Parts p = SplitTitle(t);
  if (p.parts.size() == 1) {
    // "Site: Title" with a known site name.
    const size_t colon = t.find(": ");
    if (colon != std::string::npos && colon > 0 && MatchesSiteName(t.substr(0, colon), site_names)) {
      const std::string rest = CollapseWhitespace(t.substr(colon + 2));
      if (!rest.empty()) {
        *stripped = t.substr(0, colon);
        return rest;
      }
    }
    return t;
  }
  // 1. Site names at either end.
  size_t begin = 0, end = p.parts.size();
  while (end - begin > 1 && MatchesSiteName(p.parts[end - 1], site_names)) {
    *stripped = p.parts[--end];
  }
  while (end - begin > 1 && MatchesSiteName(p.parts[begin], site_names)) {
    *stripped = p.parts[begin++];
  }
  // 2. Agreement: a run of leading (or trailing) parts that another source gives as the title. A
  // short run (a few words) is only trusted once a site name has been stripped: otherwise the
  // whole <title> is kept, as a reader would ("Colophon | Daring Fireball").
  const bool site_stripped = begin > 0 || end < p.parts.size();
  for (size_t k = end - 1; k > begin; --k) {
    const std::string prefix = JoinParts(p, begin, k);
    if (!site_stripped && !LongEnough(prefix)) continue;
    for (const std::string& other : other_titles) {
      if (SameText(prefix, other)) return prefix;
    }
  }
  for (size_t k = begin + 1; k < end; ++k) {
    const std::string suffix = JoinParts(p, k, end);
    if (!site_stripped && !LongEnough(suffix)) continue;
    for (const std::string& other : other_titles) {
      if (SameText(suffix, other)) return suffix;
    }
  }
  if (begin > 0 || end < p.parts.size()) return JoinParts(p, begin, end);
  // 3. No site name known and no agreement: drop the last part (or, when too little would remain,
  // the first) if what remains can stand alone as a title.
  // A colon separates a title from its subtitle as often as from a site: never cut there blindly.
  if (p.separators.back() == ":") return t;
  std::string candidate = JoinParts(p, 0, end - 1);
  std::string dropped = p.parts[end - 1];
  if (WordCount(candidate) < 3 && !MostlyUnspaced(candidate)) {
    candidate = JoinParts(p, 1, end);
    dropped = p.parts[0];
  }
  if (!LongEnough(candidate)) return t;
  if (WordCount(dropped) <= 4) *stripped = dropped;
  return candidate;
}

MetaValue ChooseTitle(const PageSources& sources, const JsonLd& jsonld, const std::vector<std::string>& site_names,
                      std::string* title_tag_site) {
  title_tag_site->clear();
  // The page's own statements of its title, best first.
  std::vector<Candidate> stated;
  auto add = [&](std::string_view raw, const char* evidence) {
    if (raw.empty()) return;
    std::string text = TrimStraySeparators(DropDateParts(CleanText(raw)));
    if (!Valid(text, site_names)) return;
    stated.push_back({std::move(text), evidence});
  };
  // JSON-LD: the headline, unless the name agrees better with the page's other titles (some sites
  // put a description in the headline, others the site name in the name).
  {
    std::vector<std::string> refs = sources.h1s;
    if (!sources.title_tag.empty()) refs.push_back(sources.title_tag);
    for (std::string_view key : {"og:title", "twitter:title"}) {
      if (const std::string* v = FindMeta(sources, {key})) refs.push_back(*v);
    }
    auto best = [&refs](std::string_view t) {
      double b = 0;
      for (const std::string& r : refs) b = std::max(b, Similarity(t, r));
      return b;
    };
    const bool name_first = !jsonld.name.empty() && !jsonld.headline.empty() && jsonld.name != jsonld.headline &&
                            best(jsonld.name) > best(jsonld.headline) + 0.2;
    add(name_first ? jsonld.name : jsonld.headline, "json-ld");
    add(name_first ? jsonld.headline : jsonld.name, "json-ld");
  }
  for (const auto& [key, evidence] : std::initializer_list<std::pair<std::string_view, const char*>>{
           {"dc.title", "meta"},
           {"dcterms.title", "meta"},
           {"og:title", "opengraph"},
           {"weibo:article:title", "meta"},
           {"weibo:webpage:title", "meta"},
           {"title", "meta"},
           {"twitter:title", "twitter"},
           {"parsely-title", "meta"},
           {"sailthru.title", "meta"}}) {
    if (const std::string* v = FindMeta(sources, {key})) add(*v, evidence);
  }
  add(sources.microdata_headline, "microdata");

  // <title>, stripped of the site name with the help of the other sources.
  std::vector<std::string> others;
  for (const Candidate& c : stated) others.push_back(c.text);
  for (const std::string& h : sources.h1s) others.push_back(h);
  std::string from_tag;
  if (!sources.title_tag.empty()) from_tag = StripTitleTag(sources.title_tag, site_names, others, title_tag_site);
  if (from_tag.empty() && !jsonld.page_name.empty()) {
    std::string ignored;
    from_tag = StripTitleTag(CleanText(jsonld.page_name), site_names, others, &ignored);
  }

  MetaValue chosen;
  if (!stated.empty()) {
    chosen = {stated[0].text, stated[0].evidence};
  } else if (!from_tag.empty() && HasLetter(from_tag)) {
    chosen = {from_tag, "title-tag"};
    // A generic <title> ("Home", "Blog") on a page with one headline that can stand alone.
    if (from_tag.size() < 15 && sources.h1s.size() == 1 && LongEnough(sources.h1s[0])) {
      chosen = {sources.h1s[0], "h1"};
    }
  } else if (!sources.h1s.empty()) {
    chosen = {sources.h1s[0], "h1"};
  }
  if (!chosen.known()) return chosen;

  // A value cut at a length limit gives way to the complete one from another source.
  const std::string* raw_og = FindMeta(sources, {"og:title"});
  std::vector<Candidate> complete = stated;
  if (!from_tag.empty()) complete.push_back({from_tag, "title-tag"});
  for (const std::string& h : sources.h1s) complete.push_back({h, "h1"});
  const bool raw_space = chosen.evidence == std::string_view("opengraph") && raw_og && !raw_og->empty() &&
                         (raw_og->back() == ' ');
  for (const Candidate& c : complete) {
    if (TruncatedFrom(chosen.value, c.text, raw_space)) {
      chosen = {c.text, c.evidence};
      break;
    }
  }
  return chosen;
}

}  // namespace dossier::html::meta
