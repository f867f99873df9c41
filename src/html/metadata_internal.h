// Internals of the metadata extractor (html/metadata.h), shared by its files:
//
//   metadata_classes.cc  what class and id values say (furniture, byline, date words), memoised
//   metadata_scan.cc     one walk over the tree: <head> (meta, link, title, JSON-LD text, html lang)
//                        and a bounded look at the body (h1, byline elements, microdata, <time>,
//                        breadcrumbs)
//   metadata_jsonld.cc   JSON-LD: lenient parsing, @graph, @id references, the page's article
//   metadata_title.cc    the title: sources by priority, site names stripped from <title>, agreement
//   metadata_byline.cc   bylines: people only, "By", roles, dates and organisations removed, split
//   metadata_date.cc     dates: ISO 8601 normalisation as written, dates in text and in URLs
//   metadata_site.cc     site name, canonical URL, language
//   metadata_text.cc     text helpers (whitespace, references, case folding, element text)
//   metadata_url.cc      URL helpers (absolute URLs, host, path)
//   metadata.cc          ExtractMetadata: the fields chosen from the sources above
#ifndef DOSSIER_HTML_METADATA_INTERNAL_H_
#define DOSSIER_HTML_METADATA_INTERNAL_H_

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "dossier/html.h"
#include "html/dom.h"
#include "html/string_memo.h"
#include "util/ascii.h"

namespace dossier::html::meta {

// ---- text helpers (metadata_text.cc) ------------------------------------------------------------

// Every run of whitespace (ASCII, no-break and other Unicode spaces) becomes one space; trimmed.
// Zero-width spaces and BOMs are dropped.
std::string CollapseWhitespace(std::string_view s);
// The same, byte by byte: the statement CollapseWhitespace (which copies runs of plain bytes whole)
// is tested against (tests/html/metadata_text_test.cc).
std::string CollapseWhitespaceReference(std::string_view s);
// Decodes character references (&amp; &#39; &#x2019; and the common named ones) left in text that
// did not go through the HTML parser (JSON-LD strings). Unknown references are kept as written.
std::string DecodeReferences(std::string_view s);
// CollapseWhitespace(DecodeReferences(s)).
std::string CleanText(std::string_view s);
// Unicode case folding (ICU).
std::string Fold(std::string_view s);
// Case-folded letters and digits only: "The Washington-Post" -> "thewashingtonpost". For comparing
// names that differ in spacing and punctuation.
std::string FoldAlnum(std::string_view s);
bool StartsWith(std::string_view s, std::string_view prefix);
bool EndsWith(std::string_view s, std::string_view suffix);
// ASCII case-insensitive substring search.
bool ContainsAsciiCi(std::string_view haystack, std::string_view needle);
// True if the space-separated (space, tab, newline) tokens of `attr` include `token` (lower-case),
// ASCII case ignored: rel="Author nofollow" has "author".
bool HasToken(std::string_view attr, std::string_view token);
// Space-separated words of a collapsed string.
std::vector<std::string_view> Words(std::string_view collapsed);
// True if the string has at least one letter (any script).
bool HasLetter(std::string_view s);
// Text content of an element: text nodes in order, script/style/template/noscript skipped, a line
// break at block elements and <br>, at most `max_bytes` bytes gathered (then cut at a character
// boundary). Whitespace is left as found (callers collapse).
std::string ElementText(const Dom& dom, uint32_t node, size_t max_bytes = 4096);

// ---- class and id words (metadata_classes.cc) ---------------------------------------------------

enum ClassWord : uint32_t {
  kClassMaybeContent = 1u << 0,  // "article", "body", "content", "main", ... (not furniture after all)
  kClassUnlikely = 1u << 1,      // furniture: "comment", "sidebar", "related", "menu", ...
  kClassSoftUnlikely = 1u << 2,  // "footer"
  kClassEntry = 1u << 3,         // the token "hentry" or "h-entry"
  kClassUpdate = 1u << 4,        // "update"
  kClassModified = 1u << 5,      // "modif"
  kClassPublish = 1u << 6,       // "publish"
  kClassByline = 1u << 7,        // "byline", "author" (not "authorization", "authoring"), ...
  kClassDate = 1u << 8,          // "date", "time", "posted", ...
  kClassBreadcrumb = 1u << 9,    // "breadcrumb"
};
// The ClassWord bits of a lower-cased class or id value (or of both joined by a space), in one pass
// over the string.
uint32_t ClassWords(std::string_view lowered);
// The same, one search through the string per word (the reference for ClassWords).
uint32_t ClassWordsReference(std::string_view lowered);
// The bits of an element's class and id: ClassWordsReference of the lower-cased "class id", as the
// scan once computed them for every element (the reference for the memoised form below).
uint32_t ClassIdWordsReference(std::string_view cls, std::string_view id);
// The same bits, from each value's words remembered per distinct value. Clear() the memo before
// each tree (its keys are views into the tree).
using ClassWordsMemo = StringMemo<uint32_t>;
uint32_t ClassIdWords(std::string_view cls, std::string_view id, ClassWordsMemo* memo);

// ---- URL helpers (metadata_url.cc) --------------------------------------------------------------

bool IsAbsoluteHttpUrl(std::string_view s);
// True for strings that are clearly URLs or domains ("http://...", "www.x.com", "x.com/path").
bool LooksLikeUrl(std::string_view s);
// `ref` resolved against `base` (RFC 3986, the common cases); "" when it cannot be made absolute.
std::string ResolveUrl(std::string_view base, std::string_view ref);
// Lower-cased host of an absolute URL without "www." ("www.BBC.co.uk" -> "bbc.co.uk"); "" if none.
std::string HostOf(std::string_view url);
// The path of an absolute or relative URL (no query or fragment).
std::string_view PathOf(std::string_view url);

// ---- the raw sources of one page (metadata_scan.cc) ---------------------------------------------

struct MetaEntry {
  std::string key;    // lower-cased; "dc:" / "dcterms:" prefixes written "dc." / "dcterms."
  std::string value;  // the content attribute, whitespace collapsed
  bool property = false;  // from property= (OpenGraph/RDFa) rather than name= / itemprop= / http-equiv=
};

struct DomDate {
  std::string value;  // a datetime/content attribute or short element text
  int rank = 0;       // higher is more trustworthy (itemprop datePublished > <time> in the byline > ...)
  const char* evidence = "time";  // "microdata", "time" or "text"
  uint32_t position = 0;          // node index (for the distance to the headline)
};

struct PageSources {
  std::vector<MetaEntry> metas;                 // document order
  std::vector<uint32_t> metas_by_key;           // indices into metas, sorted by key (then order)
  std::string title_tag;                        // the first <title> (HTML namespace), collapsed
  std::vector<std::string> h1s;                 // collapsed texts of the first h1 elements
  uint32_t h1_position = 0;                     // node index of the first visible h1 (0: none)
  std::string html_lang;
  std::string base_href;
  std::string canonical;                        // <link rel=canonical href>, as written
  std::string image_src;                        // <link rel=image_src href>
  std::vector<std::string> jsonld;              // texts of <script type=application/ld+json>
  // Body, bounded: byline elements (rel=author, itemprop~author, class/id byline|author|...) in
  // document order, their text with line breaks kept; the first one inside <article>/<main> first.
  std::vector<std::string> byline_texts;
  // The same inside the article's own footer or aside (blogs put the author there), and short texts
  // that start like a byline ("By ...", "Von ...", "Text: ...", "Written by: ...").
  std::vector<std::string> footer_byline_texts;
  std::vector<std::string> text_byline_texts;
  std::vector<std::string> author_hrefs;        // href of author links (rel=author, /author/...)
  std::vector<DomDate> published_dates;         // <time>, itemprop=datePublished, date elements
  std::vector<std::string> modified_dates;      // itemprop=dateModified
  std::vector<std::string> breadcrumbs;         // texts of the items of the first breadcrumb trail
  std::string microdata_headline;               // itemprop=headline
  std::string microdata_image;                  // itemprop=image (src/content/href)
};

void ScanPage(const Dom& dom, PageSources* out);

// First non-empty value for the first of `keys` present (in the order given); for one key a
// property= value wins over a name= one. nullptr if none.
const std::string* FindMeta(const PageSources& sources, std::initializer_list<std::string_view> keys);
// Every non-empty value of the keys, in document order.
std::vector<std::string> AllMeta(const PageSources& sources, std::initializer_list<std::string_view> keys);

// ---- JSON-LD (metadata_jsonld.cc) ---------------------------------------------------------------

struct JsonLd {
  bool has_article = false;          // an Article/Posting-type object was found (the page's article)
  std::string headline;
  std::string name;                  // the article's name (often the headline again, sometimes the site)
  std::vector<std::string> person_authors;  // author entries typed Person (or untyped), names
  std::vector<std::string> org_authors;     // author entries typed Organization
  std::string publisher;             // the article's publisher name
  std::string date_published;
  std::string date_created;
  std::string date_modified;
  std::string description;
  std::string url;                   // url / mainEntityOfPage of the article
  std::string image;
  std::string section;               // articleSection (first)
  std::vector<std::string> keywords;
  std::string language;              // inLanguage
  std::vector<std::string> site_names;      // WebSite names, then other Organization names
  std::vector<std::string> breadcrumbs;     // BreadcrumbList item names by position
  std::string page_name;             // a WebPage's name (fallback title)
  std::string page_date_published;   // a WebPage's datePublished (fallback date)
  std::string page_date_modified;
};

// Parses every script (lenient: CDATA/comment wrappers, JS comments, trailing commas, raw control
// characters, escaped-as-HTML quotes) and merges what they say; scripts that still fail are skipped.
JsonLd ReadJsonLd(const std::vector<std::string>& scripts);

// ---- dates (metadata_date.cc) -------------------------------------------------------------------

// ISO 8601 form of a date written in a metadata field: "2015-07-10 09:53:00 -0400" ->
// "2015-07-10T09:53:00-04:00", "20160729" -> "2016-07-29", "Fri Mar 13 21:30:09 EST 2015" ->
// "2015-03-13T21:30:09", "March 11, 2015" -> "2015-03-11". The date and time are kept as written
// (no time-zone conversion). "" if the value holds no plausible date.
std::string NormalizeDate(std::string_view value);
// The first date written in running text ("Updated March 3, 2020 at 5pm", "12. Oktober 2019",
// "2019年3月10日", "03/11/2015"), as YYYY-MM-DD; "" if none. `month_first` decides n/n/yyyy.
std::string FindDateInText(std::string_view text, bool month_first = true);
// A date in a URL path: /2019/03/12/, /2019/jan/03/, 2019-03-12, /20190312/ -> "2019-03-12"; "" if none.
std::string DateFromUrl(std::string_view url);
// The published and modified dates, best source first (JSON-LD, meta, microdata and <time> in the
// article, the URL, other dates on the page, a date in the byline).
void ChooseDates(const PageSources& sources, const JsonLd& jsonld, std::string_view url,
                 std::string_view language, PageMetadata* md);
// True if the text is a date, time or timestamp phrase ("March 11, 2015 3:46 PM", "Updated 2 hours
// ago", "5 Minute Read") with no other words.
bool IsDateOrTimePhrase(std::string_view text);

// ---- bylines (metadata_byline.cc) ---------------------------------------------------------------

// The people named in a raw byline ("By JANE DOE and John Smith, Staff Writers | Updated March 3,
// 2020" -> {"JANE DOE", "John Smith"}). Organisations are dropped: names with an organisation word,
// names equal to one of `site_names` (unless person-shaped), e-mail addresses, handles and URLs.
// `strict` (text read off the page) wants every word of a name capitalised; names declared in
// metadata need one.
std::vector<std::string> PeopleInByline(std::string_view raw, const std::vector<std::string>& site_names,
                                        bool strict = false);
// The bylines, best source first: JSON-LD authors (people), meta author tags, byline elements of
// the page, article:author, then a name derived from an author page URL.
std::vector<MetaValue> ChooseBylines(const PageSources& sources, const JsonLd& jsonld,
                                     const std::vector<std::string>& site_names, std::string_view base_url);
// A person's name from an author page URL (/author/jane-doe, /profile/jane-doe) or "".
std::string PersonFromAuthorUrl(std::string_view url);

// ---- title (metadata_title.cc) ------------------------------------------------------------------

MetaValue ChooseTitle(const PageSources& sources, const JsonLd& jsonld,
                      const std::vector<std::string>& site_names, std::string* title_tag_site);
// The <title> text with site names stripped (" | Site", " - Site", "Site: "), or a generic trailing
// part dropped when what remains is long enough or agrees with another title source. `stripped`
// receives the part removed when it looks like a site name.
std::string StripTitleTag(std::string_view title, const std::vector<std::string>& site_names,
                          const std::vector<std::string>& other_titles, std::string* stripped);
// True if `part` names one of the sites (case, spacing and punctuation ignored; "@arstechnica" and
// "Ars Technica" agree; a host label such as "washingtonpost" agrees with "The Washington Post").
bool MatchesSiteName(std::string_view part, const std::vector<std::string>& site_names);

// ---- site, URL, language (metadata_site.cc) -----------------------------------------------------

// Names the page gives its site, best first (JSON-LD publisher, og:site_name, WebSite, application
// name, twitter:site without "@", the host's main label), for title stripping and organisation tests.
std::vector<std::string> SiteNameHints(const PageSources& sources, const JsonLd& jsonld, std::string_view page_url);
MetaValue ChooseSite(const PageSources& sources, const JsonLd& jsonld, std::string_view page_url,
                     std::string_view title_tag_site);
MetaValue ChooseCanonicalUrl(const PageSources& sources, const JsonLd& jsonld, std::string_view page_url);
// BCP 47 form of a language tag or locale ("en_us" -> "en-US", "zh-hant-tw" -> "zh-Hant-TW"); ""
// when it is not one.
std::string NormalizeLanguageTag(std::string_view tag);
MetaValue ChooseLanguage(const PageSources& sources, const JsonLd& jsonld);

}  // namespace dossier::html::meta

#endif  // DOSSIER_HTML_METADATA_INTERNAL_H_
