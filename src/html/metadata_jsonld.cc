// JSON-LD: lenient parsing of every <script type="application/ld+json">, then the page's article
// (the first Article/Posting-type object, at the top level, in an array, in @graph or as a
// mainEntity), its authors (Person vs Organization, arrays, @id references), publisher, dates,
// URL, image, section, keywords; WebSite/Organization names and the breadcrumb trail on the side.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "html/metadata_internal.h"

namespace dossier::html::meta {
namespace {

using nlohmann::json;

constexpr int kMaxDepth = 24;

std::string_view Trim(std::string_view s) {
  while (!s.empty() && static_cast<unsigned char>(s.front()) <= ' ') s.remove_prefix(1);
  while (!s.empty() && static_cast<unsigned char>(s.back()) <= ' ') s.remove_suffix(1);
  return s;
}

// Drops <!-- -->, <![CDATA[ ]]> and //<![CDATA[ //]]> wrappers around the JSON.
std::string_view StripWrappers(std::string_view s) {
  for (bool changed = true; changed;) {
    changed = false;
    s = Trim(s);
    for (std::string_view open : {"//<![CDATA[", "<![CDATA[", "<!--"}) {
      if (StartsWith(s, open)) {
        s.remove_prefix(open.size());
        changed = true;
      }
    }
    for (std::string_view close : {"//]]>", "]]>", "-->"}) {
      if (EndsWith(s, close)) {
        s.remove_suffix(close.size());
        changed = true;
      }
    }
  }
  return s;
}

bool TryParse(std::string_view s, json* out) {
  *out = json::parse(s.begin(), s.end(), nullptr, /*allow_exceptions=*/false, /*ignore_comments=*/true);
  return !out->is_discarded();
}

// The usual hand-written mistakes, repaired outside strings: trailing commas before } or ], raw
// control characters inside strings, a trailing semicolon, objects written one after another.
std::string Repair(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  bool in_string = false, escape = false;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (in_string) {
      if (escape) {
        escape = false;
      } else if (c == '\\') {
        escape = true;
      } else if (c == '"') {
        in_string = false;
      } else if (static_cast<unsigned char>(c) < 0x20) {
        out.push_back(' ');
        continue;
      }
      out.push_back(c);
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == ',') {
      size_t j = i + 1;
      while (j < s.size() && static_cast<unsigned char>(s[j]) <= ' ') ++j;
      if (j < s.size() && (s[j] == '}' || s[j] == ']')) continue;
    } else if (c == '}') {
      // "}{" or "}\n{" at the top level: several objects; joined into an array below.
      size_t j = i + 1;
      while (j < s.size() && static_cast<unsigned char>(s[j]) <= ' ') ++j;
      if (j < s.size() && s[j] == '{') {
        out.append("},");
        continue;
      }
    }
    out.push_back(c);
  }
  while (!out.empty() && (out.back() == ';' || static_cast<unsigned char>(out.back()) <= ' ')) out.pop_back();
  if (!out.empty() && out.front() == '{' && out.find("},{") != std::string::npos) out = "[" + out + "]";
  return out;
}

bool ParseLenient(std::string_view text, json* out) {
  const std::string_view s = StripWrappers(text);
  if (s.empty()) return false;
  if (TryParse(s, out)) return true;
  std::string repaired = Repair(s);
  if (TryParse(repaired, out)) return true;
  // Quotes written as HTML references ({&quot;@type&quot;: ...}).
  if (s.find("&quot;") != std::string_view::npos || s.find("&#34;") != std::string_view::npos) {
    repaired = Repair(DecodeReferences(s));
    if (TryParse(repaired, out)) return true;
  }
  return false;
}

std::string_view TypeName(std::string_view t) {
  for (std::string_view prefix : {"http://schema.org/", "https://schema.org/", "schema:"}) {
    if (StartsWith(t, prefix)) return t.substr(prefix.size());
  }
  return t;
}

std::vector<std::string_view> Types(const json& obj) {
  std::vector<std::string_view> types;
  const auto it = obj.find("@type");
  if (it == obj.end()) return types;
  if (it->is_string()) {
    types.push_back(TypeName(it->get_ref<const std::string&>()));
  } else if (it->is_array()) {
    for (const json& t : *it) {
      if (t.is_string()) types.push_back(TypeName(t.get_ref<const std::string&>()));
    }
  }
  return types;
}

bool IsArticleType(std::string_view t) {
  return EndsWith(t, "Article") || EndsWith(t, "Posting") || t == "Report" || t == "APIReference";
}
bool IsCreativeWorkType(std::string_view t) {
  return t == "Recipe" || t == "HowTo" || t == "VideoObject" || t == "Review" || t == "Blog" ||
         t == "CreativeWork" || t == "Guide";
}
bool IsPageType(std::string_view t) {
  return t == "WebPage" || t == "ItemPage" || t == "AboutPage" || t == "ProfilePage" || t == "QAPage" ||
         t == "FAQPage" || t == "ContactPage" || t == "MedicalWebPage";
}
bool IsOrganizationType(std::string_view t) {
  return t.find("Organization") != std::string_view::npos || t.find("Organisation") != std::string_view::npos ||
         t == "Corporation" || t == "NGO" || t == "LocalBusiness" || t == "Brand" || t == "WebSite" ||
         t == "NewsMediaOrganization" || t == "Airline" || t == "Consortium";
}
bool IsPersonType(std::string_view t) { return t == "Person"; }

// 3 for the page's article, 2 for another creative work, 1 for a web page, 0 otherwise.
int ArticleRank(const json& obj) {
  int rank = 0;
  for (std::string_view t : Types(obj)) {
    if (IsArticleType(t)) rank = std::max(rank, 3);
    else if (IsCreativeWorkType(t)) rank = std::max(rank, 2);
    else if (IsPageType(t)) rank = std::max(rank, 1);
  }
  return rank;
}

bool HasType(const json& obj, bool (*pred)(std::string_view)) {
  for (std::string_view t : Types(obj)) {
    if (pred(t)) return true;
  }
  return false;
}

// Every object reachable from the script (for @id look-ups), and the candidates for the page's
// article: top-level objects, array members, @graph members and mainEntity values.
struct Collected {
  std::vector<const json*> all;
  std::vector<const json*> top;
};

void Collect(const json& j, int depth, bool top, Collected* c) {
  if (depth > kMaxDepth) return;
  if (j.is_array()) {
    for (const json& e : j) Collect(e, depth + 1, top, c);
    return;
  }
  if (!j.is_object()) return;
  c->all.push_back(&j);
  if (top) c->top.push_back(&j);
  for (auto it = j.begin(); it != j.end(); ++it) {
    const bool child_top = top && (it.key() == "@graph" || it.key() == "mainEntity");
    if (it->is_object() || it->is_array()) Collect(*it, depth + 1, child_top, c);
  }
}

std::string Str(const json& j) {
  if (j.is_string()) return CleanText(j.get_ref<const std::string&>());
  if (j.is_array()) {
    for (const json& e : j) {
      if (e.is_string()) return CleanText(e.get_ref<const std::string&>());
    }
  }
  if (j.is_number_integer()) return std::to_string(j.get<long long>());
  return {};
}

std::string Field(const json& obj, const char* key) {
  const auto it = obj.find(key);
  return it == obj.end() ? std::string() : Str(*it);
}

class IdIndex {
 public:
  void Add(const std::vector<const json*>& objects) {
    for (const json* o : objects) {
      const auto it = o->find("@id");
      // Only objects that say more than their @id are definitions.
      if (it != o->end() && it->is_string() && o->size() > 1) by_id_.emplace(it->get<std::string>(), o);
    }
  }
  // The definition of {"@id": ...} if the object is a bare reference; else the object itself.
  const json& Resolve(const json& j) const {
    if (j.is_object() && j.size() == 1) {
      const auto it = j.find("@id");
      if (it != j.end() && it->is_string()) {
        const auto found = by_id_.find(it->get<std::string>());
        if (found != by_id_.end()) return *found->second;
      }
    }
    return j;
  }

 private:
  std::unordered_map<std::string, const json*> by_id_;
};

std::string NameOf(const json& obj) {
  std::string name = Field(obj, "name");
  if (name.empty()) {
    const std::string given = Field(obj, "givenName"), family = Field(obj, "familyName");
    if (!given.empty() || !family.empty()) name = CollapseWhitespace(given + " " + family);
  }
  return name;
}

void ReadAuthors(const json& value, const IdIndex& ids, int depth, JsonLd* out) {
  if (depth > 4) return;
  if (value.is_array()) {
    for (const json& e : value) ReadAuthors(e, ids, depth + 1, out);
    return;
  }
  if (value.is_string()) {
    std::string s = CleanText(value.get_ref<const std::string&>());
    if (!s.empty()) out->person_authors.push_back(std::move(s));
    return;
  }
  if (!value.is_object()) return;
  const json& obj = ids.Resolve(value);
  if (const auto list = obj.find("@list"); list != obj.end()) {
    ReadAuthors(*list, ids, depth + 1, out);
    return;
  }
  std::string name = NameOf(obj);
  if (name.empty()) return;
  if (HasType(obj, IsOrganizationType) && !HasType(obj, IsPersonType)) out->org_authors.push_back(std::move(name));
  else out->person_authors.push_back(std::move(name));
}

std::string ReadOrganizationName(const json& value, const IdIndex& ids) {
  if (value.is_string()) return CleanText(value.get_ref<const std::string&>());
  if (value.is_array()) {
    for (const json& e : value) {
      std::string name = ReadOrganizationName(e, ids);
      if (!name.empty()) return name;
    }
    return {};
  }
  if (!value.is_object()) return {};
  return NameOf(ids.Resolve(value));
}

std::string ReadUrlish(const json& value, const IdIndex& ids, int depth = 0) {
  if (depth > 3) return {};
  if (value.is_string()) return CollapseWhitespace(value.get_ref<const std::string&>());
  if (value.is_array()) {
    for (const json& e : value) {
      std::string u = ReadUrlish(e, ids, depth + 1);
      if (!u.empty()) return u;
    }
    return {};
  }
  if (!value.is_object()) return {};
  const json& obj = ids.Resolve(value);
  for (const char* key : {"url", "contentUrl", "@id"}) {
    const auto it = obj.find(key);
    if (it != obj.end()) {
      std::string u = ReadUrlish(*it, ids, depth + 1);
      if (!u.empty()) return u;
    }
  }
  return {};
}

void ReadKeywords(const json& value, JsonLd* out) {
  auto add_split = [out](const std::string& s) {
    size_t i = 0;
    while (i <= s.size()) {
      size_t j = s.find(',', i);
      if (j == std::string::npos) j = s.size();
      std::string k = CleanText(std::string_view(s).substr(i, j - i));
      if (!k.empty()) out->keywords.push_back(std::move(k));
      i = j + 1;
    }
  };
  if (value.is_string()) {
    add_split(value.get_ref<const std::string&>());
  } else if (value.is_array()) {
    for (const json& e : value) {
      if (e.is_string()) add_split(e.get_ref<const std::string&>());
      else if (e.is_object()) add_split(Field(e, "name"));
    }
  }
}

void ReadArticle(const json& obj, const IdIndex& ids, JsonLd* out) {
  out->headline = Field(obj, "headline");
  if (out->headline.empty()) out->headline = Field(obj, "alternativeHeadline");
  out->name = Field(obj, "name");
  if (const auto it = obj.find("author"); it != obj.end()) ReadAuthors(*it, ids, 0, out);
  if (const auto it = obj.find("publisher"); it != obj.end()) out->publisher = ReadOrganizationName(*it, ids);
  if (out->publisher.empty()) {
    if (const auto it = obj.find("sourceOrganization"); it != obj.end()) out->publisher = ReadOrganizationName(*it, ids);
  }
  out->date_published = Field(obj, "datePublished");
  out->date_created = Field(obj, "dateCreated");
  if (out->date_created.empty()) out->date_created = Field(obj, "uploadDate");
  out->date_modified = Field(obj, "dateModified");
  out->description = Field(obj, "description");
  if (const auto it = obj.find("url"); it != obj.end()) out->url = ReadUrlish(*it, ids);
  if (out->url.empty()) {
    if (const auto it = obj.find("mainEntityOfPage"); it != obj.end() && !it->is_boolean()) {
      out->url = ReadUrlish(*it, ids);
    }
  }
  if (const auto it = obj.find("image"); it != obj.end()) out->image = ReadUrlish(*it, ids);
  if (out->image.empty()) {
    if (const auto it = obj.find("thumbnailUrl"); it != obj.end()) out->image = ReadUrlish(*it, ids);
  }
  out->section = Field(obj, "articleSection");
  if (const auto it = obj.find("keywords"); it != obj.end()) ReadKeywords(*it, out);
  if (const auto it = obj.find("inLanguage"); it != obj.end()) {
    out->language = it->is_object() ? Field(*it, "alternateName") : Str(*it);
    if (out->language.empty() && it->is_object()) out->language = Field(*it, "name");
  }
}

void ReadBreadcrumbs(const json& list, const IdIndex& ids, JsonLd* out) {
  const auto items = list.find("itemListElement");
  if (items == list.end() || !items->is_array()) return;
  std::vector<std::pair<double, std::string>> crumbs;
  double order = 0;
  for (const json& raw : *items) {
    const json& item = ids.Resolve(raw);
    if (!item.is_object()) continue;
    std::string name = Field(item, "name");
    if (const auto inner = item.find("item"); name.empty() && inner != item.end() && inner->is_object()) {
      name = Field(ids.Resolve(*inner), "name");
    }
    double position = ++order;
    if (const auto p = item.find("position"); p != item.end()) {
      if (p->is_number()) position = p->get<double>();
      else if (p->is_string()) position = std::atof(p->get_ref<const std::string&>().c_str());
    }
    if (!name.empty()) crumbs.emplace_back(position, std::move(name));
  }
  std::stable_sort(crumbs.begin(), crumbs.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& c : crumbs) out->breadcrumbs.push_back(std::move(c.second));
}

}  // namespace

JsonLd ReadJsonLd(const std::vector<std::string>& scripts) {
  JsonLd out;
  // Every script is parsed first so that @id references may cross scripts.
  std::vector<json> docs;
  docs.reserve(scripts.size());
  for (const std::string& s : scripts) {
    json j;
    if (ParseLenient(s, &j)) docs.push_back(std::move(j));
  }
  Collected c;
  for (const json& j : docs) Collect(j, 0, true, &c);
  IdIndex ids;
  ids.Add(c.all);

  const json* article = nullptr;
  const json* page = nullptr;
  int best = 0;
  for (const json* o : c.top) {
    const int rank = ArticleRank(*o);
    if (rank >= 2 && rank > best) {
      article = o;
      best = rank;
    }
    if (rank == 1 && !page) page = o;
  }
  if (article) {
    out.has_article = best == 3;
    ReadArticle(*article, ids, &out);
  }
  if (page) {
    out.page_name = Field(*page, "name");
    out.page_date_published = Field(*page, "datePublished");
    out.page_date_modified = Field(*page, "dateModified");
    if (!article) {
      // A web page may carry what an article would: author, publisher, URL, image, language.
      JsonLd from_page;
      ReadArticle(*page, ids, &from_page);
      out.person_authors = std::move(from_page.person_authors);
      out.org_authors = std::move(from_page.org_authors);
      out.publisher = std::move(from_page.publisher);
      out.url = std::move(from_page.url);
      out.image = std::move(from_page.image);
      out.description = std::move(from_page.description);
      out.language = std::move(from_page.language);
      out.keywords = std::move(from_page.keywords);
    }
  }
  // Site names: WebSite names first, then organisations (other than the article's authors).
  for (int pass = 0; pass < 2; ++pass) {
    for (const json* o : c.all) {
      const bool website = HasType(*o, [](std::string_view t) { return t == "WebSite"; });
      if ((pass == 0) != website) continue;
      if (pass == 1 && !(HasType(*o, IsOrganizationType) && !HasType(*o, IsPersonType))) continue;
      std::string name = NameOf(*o);
      if (name.empty()) continue;
      if (std::find(out.org_authors.begin(), out.org_authors.end(), name) != out.org_authors.end()) continue;
      if (std::find(out.site_names.begin(), out.site_names.end(), name) == out.site_names.end()) {
        out.site_names.push_back(std::move(name));
      }
    }
  }
  for (const json* o : c.all) {
    if (HasType(*o, [](std::string_view t) { return t == "BreadcrumbList"; })) {
      ReadBreadcrumbs(*o, ids, &out);
      if (!out.breadcrumbs.empty()) break;
    }
  }
  return out;
}

}  // namespace dossier::html::meta
