// ExtractMetadata: one scan of the page's sources, JSON-LD read once, then every field chosen from
// them with the evidence it came from; an unknown field stays empty rather than holding junk.
#include "html/metadata.h"

#include <string>
#include <string_view>
#include <vector>

#include "html/metadata_internal.h"

namespace dossier::html {
namespace {

using meta::AllMeta;
using meta::CleanText;
using meta::FindMeta;
using meta::JsonLd;
using meta::PageSources;

MetaValue ChooseDescription(const PageSources& s, const JsonLd& j) {
  for (const auto& [key, evidence] : std::initializer_list<std::pair<std::string_view, const char*>>{
           {"description", "meta"},
           {"og:description", "opengraph"},
           {"twitter:description", "twitter"},
           {"dc.description", "meta"},
           {"dcterms.description", "meta"}}) {
    if (const std::string* v = FindMeta(s, {key})) {
      std::string text = CleanText(*v);
      if (!text.empty() && meta::HasLetter(text)) return {std::move(text), evidence};
    }
  }
  if (std::string text = CleanText(j.description); !text.empty()) return {std::move(text), "json-ld"};
  return {};
}

bool IsHomeCrumb(std::string_view crumb) {
  const std::string f = meta::Fold(crumb);
  for (std::string_view home : {"home", "start", "startseite", "accueil", "inicio", "início", "home page",
                                "homepage", "index", "news", "главная", "首页"}) {
    if (f == home) return true;
  }
  return false;
}

// The deepest breadcrumb that is neither the home page nor the article itself.
std::string SectionFromCrumbs(const std::vector<std::string>& crumbs, const MetaValue& title) {
  for (size_t i = crumbs.size(); i-- > 0;) {
    const std::string& c = crumbs[i];
    if (c.empty() || c.size() > 80 || IsHomeCrumb(c)) continue;
    if (title.known() && (meta::FoldAlnum(c) == meta::FoldAlnum(title.value) ||
                          meta::StartsWith(meta::FoldAlnum(title.value), meta::FoldAlnum(c)) ||
                          meta::Words(c).size() > 6)) {
      continue;
    }
    return c;
  }
  return {};
}

MetaValue ChooseSection(const PageSources& s, const JsonLd& j, const MetaValue& title) {
  if (const std::string* v = FindMeta(s, {"article:section", "og:article:section"})) {
    if (std::string t = CleanText(*v); !t.empty()) return {std::move(t), "opengraph"};
  }
  if (std::string t = CleanText(j.section); !t.empty()) return {std::move(t), "json-ld"};
  if (const std::string* v = FindMeta(s, {"parsely-section", "section", "category", "sailthru.section", "cxenseparse:recs:articlesection"})) {
    if (std::string t = CleanText(*v); !t.empty() && t.size() <= 80) return {std::move(t), "meta"};
  }
  if (std::string t = SectionFromCrumbs(j.breadcrumbs, title); !t.empty()) return {std::move(t), "json-ld"};
  if (std::string t = SectionFromCrumbs(s.breadcrumbs, title); !t.empty()) return {std::move(t), "text"};
  return {};
}

std::vector<MetaValue> ChooseTags(const PageSources& s, const JsonLd& j) {
  std::vector<MetaValue> tags;
  std::vector<std::string> seen;
  auto add = [&](std::string_view raw, const char* evidence, bool split) {
    std::string_view rest = raw;
    while (!rest.empty() && tags.size() < 40) {
      size_t cut = split ? rest.find_first_of(",;") : std::string_view::npos;
      std::string tag = CleanText(rest.substr(0, cut));
      rest = cut == std::string_view::npos ? std::string_view() : rest.substr(cut + 1);
      if (tag.empty() || tag.size() > 80 || !meta::HasLetter(tag)) continue;
      std::string key = meta::Fold(tag);
      bool dup = false;
      for (const std::string& k : seen) dup |= k == key;
      if (dup) continue;
      seen.push_back(std::move(key));
      tags.push_back({std::move(tag), evidence});
    }
  };
  for (const std::string& v : AllMeta(s, {"article:tag", "og:article:tag", "book:tag", "video:tag"})) add(v, "opengraph", false);
  for (const std::string& v : AllMeta(s, {"keywords", "news_keywords", "parsely-tags", "sailthru.tags"})) add(v, "meta", true);
  for (const std::string& k : j.keywords) add(k, "json-ld", false);
  return tags;
}

MetaValue ChooseImage(const PageSources& s, const JsonLd& j, std::string_view base) {
  auto absolute = [&](std::string_view raw, const char* evidence) -> MetaValue {
    if (raw.empty() || meta::StartsWith(raw, "data:")) return {};
    std::string u = meta::ResolveUrl(base, raw);
    if (u.empty()) return {};
    return {std::move(u), evidence};
  };
  MetaValue v;
  if (const std::string* og = FindMeta(s, {"og:image", "og:image:url", "og:image:secure_url"})) v = absolute(*og, "opengraph");
  if (!v.known()) v = absolute(j.image, "json-ld");
  if (!v.known()) {
    if (const std::string* tw = FindMeta(s, {"twitter:image", "twitter:image:src"})) v = absolute(*tw, "twitter");
  }
  if (!v.known()) v = absolute(s.image_src, "link");
  if (!v.known()) v = absolute(s.microdata_image, "microdata");
  return v;
}

}  // namespace

PageMetadata ExtractMetadata(const Dom& dom, std::string_view url) {
  PageSources sources;
  meta::ScanPage(dom, &sources);
  const JsonLd jsonld = meta::ReadJsonLd(sources.jsonld);
  const std::string page_url = meta::IsAbsoluteHttpUrl(url) ? meta::CollapseWhitespace(url) : std::string();

  PageMetadata md;
  md.url = meta::ChooseCanonicalUrl(sources, jsonld, page_url);
  // Where the page lives: its own URL when given, else the canonical one (for hosts, dates, links).
  const std::string& where = page_url.empty() ? md.url.value : page_url;
  const std::vector<std::string> site_names = meta::SiteNameHints(sources, jsonld, where);
  std::string title_tag_site;
  md.title = meta::ChooseTitle(sources, jsonld, site_names, &title_tag_site);
  md.site = meta::ChooseSite(sources, jsonld, where, title_tag_site);
  md.language = meta::ChooseLanguage(sources, jsonld);
  std::string base = where;
  if (!sources.base_href.empty()) {
    if (std::string b = meta::ResolveUrl(where, sources.base_href); !b.empty()) base = b;
  }
  md.bylines = meta::ChooseBylines(sources, jsonld, site_names, base);
  meta::ChooseDates(sources, jsonld, where, md.language.value, &md);
  md.description = ChooseDescription(sources, jsonld);
  md.section = ChooseSection(sources, jsonld, md.title);
  md.tags = ChooseTags(sources, jsonld);
  md.image = ChooseImage(sources, jsonld, base);
  return md;
}

}  // namespace dossier::html
