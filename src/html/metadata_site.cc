// Site name, canonical URL and language.
#include <string>
#include <string_view>
#include <vector>

#include "html/metadata_internal.h"

namespace dossier::html::meta {
namespace {

// The registrable label of a host: "sport.aktualne.cz" -> "aktualne", "bbc.co.uk" -> "bbc".
std::string MainLabel(std::string_view host) {
  std::vector<std::string_view> labels;
  size_t i = 0;
  while (i <= host.size()) {
    size_t j = host.find('.', i);
    if (j == std::string_view::npos) j = host.size();
    if (j > i) labels.push_back(host.substr(i, j - i));
    i = j + 1;
  }
  if (labels.size() < 2) return labels.empty() ? std::string() : std::string(labels[0]);
  labels.pop_back();  // the top-level domain
  static constexpr std::string_view kSecondLevel[] = {"co", "com", "org", "net", "gov", "ac", "edu", "or", "ne", "go"};
  if (labels.size() >= 2) {
    for (std::string_view s : kSecondLevel) {
      if (labels.back() == s) {
        labels.pop_back();
        break;
      }
    }
  }
  return std::string(labels.back());
}

void AddName(std::string_view raw, std::vector<std::string>* names) {
  std::string name = CleanText(raw);
  if (name.empty() || name.size() > 150) return;
  for (const std::string& n : *names) {
    if (n == name) return;
  }
  names->push_back(std::move(name));
}

// A site "name" that is a URL ("http://www.tmz.com"): the <title> suffix naming the same host
// ("TMZ.com"), else the host itself.
std::string SiteFromUrlName(std::string_view value, std::string_view title_tag_site) {
  const std::string host = HostOf(value);
  if (host.empty()) return {};
  if (!title_tag_site.empty() && FoldAlnum(title_tag_site) == FoldAlnum(host)) return std::string(title_tag_site);
  return host;
}

std::string_view Upper(std::string& s) {
  for (char& c : s) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return s;
}

}  // namespace

std::vector<std::string> SiteNameHints(const PageSources& sources, const JsonLd& jsonld, std::string_view page_url) {
  std::vector<std::string> names;
  AddName(jsonld.publisher, &names);
  if (const std::string* v = FindMeta(sources, {"og:site_name"})) AddName(*v, &names);
  for (const std::string& s : jsonld.site_names) AddName(s, &names);
  for (std::string_view key : {"application-name", "apple-mobile-web-app-title", "publisher", "dc.publisher",
                               "twitter:site", "twitter:app:name:iphone"}) {
    if (const std::string* v = FindMeta(sources, {key})) {
      std::string_view value = *v;
      if (!value.empty() && value[0] == '@') value.remove_prefix(1);
      if (!LooksLikeUrl(value)) AddName(value, &names);
    }
  }
  std::string host = HostOf(page_url);
  if (host.empty() && !sources.canonical.empty()) host = HostOf(sources.canonical);
  if (host.empty()) {
    if (const std::string* og = FindMeta(sources, {"og:url"})) host = HostOf(*og);
  }
  if (!host.empty()) {
    AddName(host, &names);
    const std::string label = MainLabel(host);
    if (label.size() >= 3) AddName(label, &names);
  }
  return names;
}

MetaValue ChooseSite(const PageSources& sources, const JsonLd& jsonld, std::string_view page_url,
                     std::string_view title_tag_site) {
  auto accept = [&](std::string_view raw, const char* evidence) -> MetaValue {
    std::string name = CleanText(raw);
    if (name.empty() || name.size() > 150 || !HasLetter(name)) return {};
    if (LooksLikeUrl(name)) {
      name = SiteFromUrlName(name, title_tag_site);
      if (name.empty()) return {};
    }
    return {std::move(name), evidence};
  };
  MetaValue v;
  if (!jsonld.publisher.empty()) v = accept(jsonld.publisher, "json-ld");
  if (!v.known()) {
    if (const std::string* og = FindMeta(sources, {"og:site_name"})) v = accept(*og, "opengraph");
  }
  for (size_t i = 0; !v.known() && i < jsonld.site_names.size() && i < 1; ++i) v = accept(jsonld.site_names[i], "json-ld");
  if (!v.known()) {
    if (const std::string* app = FindMeta(sources, {"application-name", "apple-mobile-web-app-title"})) {
      v = accept(*app, "meta");
    }
  }
  if (!v.known() && !title_tag_site.empty()) v = accept(title_tag_site, "title-tag");
  if (!v.known()) {
    std::string host = HostOf(page_url);
    if (host.empty() && !sources.canonical.empty()) host = HostOf(sources.canonical);
    if (!host.empty()) v = {std::move(host), "url"};
  }
  return v;
}

MetaValue ChooseCanonicalUrl(const PageSources& sources, const JsonLd& jsonld, std::string_view page_url) {
  const std::string* og_url = FindMeta(sources, {"og:url"});
  // Base for relative references: the page's URL, else <base href>, else og:url.
  std::string base(page_url);
  if (!IsAbsoluteHttpUrl(base)) base = ResolveUrl(page_url, sources.base_href);
  if (!IsAbsoluteHttpUrl(base) && og_url && IsAbsoluteHttpUrl(*og_url)) base = *og_url;
  if (!sources.canonical.empty()) {
    std::string u = ResolveUrl(base, sources.canonical);
    if (!u.empty()) return {std::move(u), "link"};
  }
  if (og_url) {
    std::string u = ResolveUrl(base, *og_url);
    if (!u.empty()) return {std::move(u), "opengraph"};
  }
  if (!jsonld.url.empty()) {
    std::string u = ResolveUrl(base, jsonld.url);
    if (!u.empty()) return {std::move(u), "json-ld"};
  }
  if (IsAbsoluteHttpUrl(page_url)) return {std::string(page_url), "url"};
  return {};
}

std::string NormalizeLanguageTag(std::string_view tag) {
  std::string t = CollapseWhitespace(tag);
  // "en, fr" or "en;q=0.8": the first.
  if (const size_t cut = t.find_first_of(",; "); cut != std::string::npos) t.resize(cut);
  if (t.empty() || t.size() > 35) return {};
  std::vector<std::string> subtags;
  size_t i = 0;
  while (i <= t.size()) {
    size_t j = t.find_first_of("-_", i);
    if (j == std::string::npos) j = t.size();
    subtags.push_back(AsciiLower(t.substr(i, j - i)));
    i = j + 1;
  }
  auto alpha = [](const std::string& s) {
    for (char c : s) {
      if (c < 'a' || c > 'z') return false;
    }
    return !s.empty();
  };
  auto alnum = [](const std::string& s) {
    for (char c : s) {
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) return false;
    }
    return !s.empty();
  };
  if (subtags[0].size() < 2 || subtags[0].size() > 3 || !alpha(subtags[0])) return {};
  std::string out = subtags[0];
  for (size_t k = 1; k < subtags.size(); ++k) {
    std::string s = subtags[k];
    if (!alnum(s) || s.size() > 8) return out;  // keep what was valid so far
    if (s.size() == 4 && alpha(s)) {
      s[0] = static_cast<char>(s[0] - 'a' + 'A');  // script: Hant
    } else if (s.size() == 2 && alpha(s)) {
      Upper(s);  // region: US
    }
    out += "-" + s;
  }
  return out;
}

MetaValue ChooseLanguage(const PageSources& sources, const JsonLd& jsonld) {
  if (std::string l = NormalizeLanguageTag(sources.html_lang); !l.empty()) return {std::move(l), "html-lang"};
  if (const std::string* v = FindMeta(sources, {"content-language", "language", "dc.language", "dcterms.language"})) {
    if (std::string l = NormalizeLanguageTag(*v); !l.empty()) return {std::move(l), "meta"};
  }
  if (const std::string* v = FindMeta(sources, {"og:locale"})) {
    if (std::string l = NormalizeLanguageTag(*v); !l.empty()) return {std::move(l), "opengraph"};
  }
  if (std::string l = NormalizeLanguageTag(jsonld.language); !l.empty()) return {std::move(l), "json-ld"};
  return {};
}

}  // namespace dossier::html::meta
