#include "html/metadata.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "html/dom.h"
#include "html/gumbo_dom.h"
#include "html/metadata_internal.h"

namespace dossier::html {
namespace {

PageMetadata Extract(const std::string& html, std::string_view url = {}) {
  Dom dom;
  BuildDomWithGumbo(html, &dom);
  return ExtractMetadata(dom, url);
}

std::vector<std::string> Values(const std::vector<MetaValue>& values) {
  std::vector<std::string> out;
  for (const MetaValue& v : values) out.push_back(v.value);
  return out;
}

std::vector<std::string> Evidence(const std::vector<MetaValue>& values) {
  std::vector<std::string> out;
  for (const MetaValue& v : values) out.push_back(v.evidence);
  return out;
}

using Strings = std::vector<std::string>;

// ---- JSON-LD ------------------------------------------------------------------------------------

TEST(Metadata, JsonLdPeopleAreBylinesOrganizationsAreNot) {
  const PageMetadata md = Extract(R"(<html><head><script type="application/ld+json">
    {"@context":"https://schema.org","@type":"NewsArticle","headline":"Rates rise again",
     "author":[{"@type":"Person","name":"Jane Doe"},{"@type":"Organization","name":"Daily Planet Staff"},
               {"@type":"Person","name":"John Smith"}],
     "publisher":{"@type":"Organization","name":"Daily Planet"},
     "datePublished":"2020-03-03T09:15:00-05:00","dateModified":"2020-03-04T10:00:00-05:00"}
    </script></head><body><h1>Rates rise again</h1></body></html>)");
  EXPECT_EQ(md.title.value, "Rates rise again");
  EXPECT_EQ(md.title.evidence, "json-ld");
  EXPECT_EQ(Values(md.bylines), (Strings{"Jane Doe", "John Smith"}));
  EXPECT_EQ(Evidence(md.bylines), (Strings{"json-ld", "json-ld"}));
  EXPECT_EQ(md.published.value, "2020-03-03T09:15:00-05:00");
  EXPECT_EQ(md.published.evidence, "json-ld");
  EXPECT_EQ(md.modified.value, "2020-03-04T10:00:00-05:00");
  EXPECT_EQ(md.site.value, "Daily Planet");
  EXPECT_EQ(md.site.evidence, "json-ld");
}

TEST(Metadata, OrganizationAuthorFallsThroughToTheMetaAuthor) {
  const PageMetadata md = Extract(R"(<html><head>
    <meta name="author" content="Jane Doe">
    <script type="application/ld+json">
      {"@context":"https://schema.org","@type":"Article","headline":"H",
       "author":{"@type":"Organization","name":"Reuters"}}
    </script></head><body></body></html>)");
  EXPECT_EQ(Values(md.bylines), (Strings{"Jane Doe"}));
  EXPECT_EQ(Evidence(md.bylines), (Strings{"meta"}));
}

TEST(Metadata, JsonLdGraphWithIdReferences) {
  const PageMetadata md = Extract(R"(<html><head><script type="application/ld+json">
    {"@context":"https://schema.org","@graph":[
      {"@type":"WebSite","@id":"https://ex.com/#website","name":"Example Blog"},
      {"@type":"WebPage","@id":"https://ex.com/post/#webpage","name":"My post - Example Blog"},
      {"@type":"Article","@id":"https://ex.com/post/#article","headline":"My post",
       "author":{"@id":"https://ex.com/#/schema/person/1"},"datePublished":"2021-06-01T08:00:00+00:00",
       "mainEntityOfPage":{"@id":"https://ex.com/post/"},"publisher":{"@id":"https://ex.com/#org"},
       "keywords":"Travel, Spain,travel","articleSection":["Trips","Europe"]},
      {"@type":"Person","@id":"https://ex.com/#/schema/person/1","name":"Maria Garcia"},
      {"@type":"Organization","@id":"https://ex.com/#org","name":"Example Media"}]}
    </script></head><body></body></html>)");
  EXPECT_EQ(md.title.value, "My post");
  EXPECT_EQ(Values(md.bylines), (Strings{"Maria Garcia"}));
  EXPECT_EQ(md.published.value, "2021-06-01T08:00:00+00:00");
  EXPECT_EQ(md.site.value, "Example Media");
  EXPECT_EQ(md.url.value, "https://ex.com/post/");
  EXPECT_EQ(md.url.evidence, "json-ld");
  EXPECT_EQ(md.section.value, "Trips");
  EXPECT_EQ(Values(md.tags), (Strings{"Travel", "Spain"}));  // deduplicated case-insensitively
}

TEST(Metadata, InvalidJsonLdIsRepairedWhenItCanBe) {
  // CDATA wrapper, a comment, trailing commas.
  PageMetadata md = Extract(R"(<html><head><script type="application/ld+json">//<![CDATA[
    { "@context": "http://schema.org", "@type": "BlogPosting", // the post
      "headline": "Broken but readable", "author": { "@type": "Person", "name": "Ann Lee", }, }
    //]]></script></head><body></body></html>)");
  EXPECT_EQ(md.title.value, "Broken but readable");
  EXPECT_EQ(Values(md.bylines), (Strings{"Ann Lee"}));
  // Quotes written as HTML references; a raw line break inside a string.
  md = Extract(
      "<script type=\"application/ld+json\">{&quot;@type&quot;:&quot;NewsArticle&quot;,"
      "&quot;headline&quot;:&quot;Quoted\nheadline&quot;}</script>");
  EXPECT_EQ(md.title.value, "Quoted headline");
  // Hopeless JSON is skipped: the OpenGraph title is used.
  md = Extract(R"(<meta property="og:title" content="From OpenGraph">
    <script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>)");
  EXPECT_EQ(md.title.value, "From OpenGraph");
  EXPECT_EQ(md.title.evidence, "opengraph");
}

TEST(Metadata, JsonLdHeadlineGivesWayToANameTheOtherSourcesAgreeWith) {
  // Wikipedia-style: the headline is a description, the name is the title.
  const PageMetadata md = Extract(R"(<html><head><title>New Zealand - Wikipedia</title>
    <script type="application/ld+json">{"@context":"https://schema.org","@type":"Article","name":"New Zealand",
      "headline":"island country in the Pacific"}</script></head><body><h1>New Zealand</h1></body></html>)");
  EXPECT_EQ(md.title.value, "New Zealand");
}

// ---- OpenGraph and meta fallbacks ----------------------------------------------------------------

TEST(Metadata, OpenGraphAndMetaFallbacks) {
  const PageMetadata md = Extract(R"(<html lang="en_us"><head>
    <title>Ignored | The Site</title>
    <link rel="canonical" href="/news/story.html">
    <meta property="og:title" content="The OpenGraph title">
    <meta property="og:site_name" content="The Site">
    <meta property="og:image" content="/img/lead.jpg">
    <meta property="article:published_time" content="2015-07-10 09:53:00 -0400">
    <meta property="article:modified_time" content="2015-07-11T10:00:00Z">
    <meta property="article:section" content="Science">
    <meta property="article:tag" content="Space"><meta property="article:tag" content="Moon">
    <meta name="keywords" content="space, NASA; moon">
    <meta name="description" content="A short description &amp; more.">
    <meta name="author" content="By Jane Doe">
    </head><body><h1>Heading</h1></body></html>)",
                                  "https://www.example.com/section/index.html");
  EXPECT_EQ(md.title.value, "The OpenGraph title");
  EXPECT_EQ(md.title.evidence, "opengraph");
  EXPECT_EQ(md.site.value, "The Site");
  EXPECT_EQ(md.site.evidence, "opengraph");
  EXPECT_EQ(md.published.value, "2015-07-10T09:53:00-04:00");
  EXPECT_EQ(md.published.evidence, "opengraph");
  EXPECT_EQ(md.modified.value, "2015-07-11T10:00:00Z");
  EXPECT_EQ(md.url.value, "https://www.example.com/news/story.html");
  EXPECT_EQ(md.url.evidence, "link");
  EXPECT_EQ(md.image.value, "https://www.example.com/img/lead.jpg");
  EXPECT_EQ(md.image.evidence, "opengraph");
  EXPECT_EQ(md.language.value, "en-US");
  EXPECT_EQ(md.language.evidence, "html-lang");
  EXPECT_EQ(md.description.value, "A short description & more.");
  EXPECT_EQ(md.section.value, "Science");
  EXPECT_EQ(Values(md.tags), (Strings{"Space", "Moon", "NASA"}));
  EXPECT_EQ(Values(md.bylines), (Strings{"Jane Doe"}));
  EXPECT_EQ(Evidence(md.bylines), (Strings{"meta"}));
}

TEST(Metadata, DublinCorePropertyWinsOverTheSameName) {
  const PageMetadata md = Extract(R"(<head>
    <meta name="DC.title" content="Name title"><meta property="dc:title" content="Property title">
    <meta property="og:title" content="OpenGraph title"><meta name="DC.creator" content="Kooman, F.">
    <meta name="DC.creator" content="Jong, Michiel de"></head>)");
  EXPECT_EQ(md.title.value, "Property title");
  EXPECT_EQ(md.title.evidence, "meta");
  // "Last, First" stays one name; both creators are kept.
  EXPECT_EQ(Values(md.bylines), (Strings{"Kooman, F.", "Jong, Michiel de"}));
}

TEST(Metadata, SiteNameThatIsAUrlBecomesTheTitleSuffixOrHost) {
  PageMetadata md = Extract(R"(<head><title>A story about things | Planet.com</title>
    <meta property="og:site_name" content="http://www.planet.com"></head>)");
  EXPECT_EQ(md.site.value, "Planet.com");
  md = Extract("<title>Nothing else</title>", "https://news.example.org/a/b");
  EXPECT_EQ(md.site.value, "news.example.org");
  EXPECT_EQ(md.site.evidence, "url");
}

// ---- title ---------------------------------------------------------------------------------------

TEST(Metadata, TitleTagLosesTheSiteName) {
  PageMetadata md = Extract(R"(<head><title>Rates rise again | Daily Planet</title>
    <meta property="og:site_name" content="Daily Planet"></head>)");
  EXPECT_EQ(md.title.value, "Rates rise again");
  EXPECT_EQ(md.title.evidence, "title-tag");
  md = Extract(R"(<head><title>Daily Planet: Rates rise again</title>
    <meta property="og:site_name" content="Daily Planet"></head>)");
  EXPECT_EQ(md.title.value, "Rates rise again");
  // No site name known: a generic trailing part goes when five words or more remain...
  md = Extract("<title>Lorem ipsum dolor sit amet – My website</title>");
  EXPECT_EQ(md.title.value, "Lorem ipsum dolor sit amet");
  // ...or when the headline agrees; a short remainder without agreement keeps the whole title.
  md = Extract("<title>On Recent Events - Bradley M. Kuhn</title><body><h1>Other</h1></body>");
  EXPECT_EQ(md.title.value, "On Recent Events - Bradley M. Kuhn");
  md = Extract("<title>A long headline of many words - Some Blog</title><body><h1>Other</h1></body>");
  EXPECT_EQ(md.title.value, "A long headline of many words");
  // A date part is not the title.
  md = Extract("<title>08.11.2021 | Online meeting on the future of the city</title>");
  EXPECT_EQ(md.title.value, "Online meeting on the future of the city");
  // Nothing but an h1.
  md = Extract("<body><h1> The only heading </h1></body>");
  EXPECT_EQ(md.title.value, "The only heading");
  EXPECT_EQ(md.title.evidence, "h1");
}

TEST(Metadata, StripTitleTagDirectly) {
  std::string stripped;
  EXPECT_EQ(meta::StripTitleTag("Story of the day - The Washington Post", {"washingtonpost"}, {}, &stripped),
            "Story of the day");
  EXPECT_EQ(stripped, "The Washington Post");
  EXPECT_EQ(meta::StripTitleTag("Colophon | Daring Fireball", {}, {"Colophon"}, &stripped),
            "Colophon | Daring Fireball");
  EXPECT_EQ(meta::StripTitleTag("Tite diz que errou - 21/12/2018 - Esporte - Folha", {"Folha de S.Paulo"},
                                {"Tite diz que errou"}, &stripped),
            "Tite diz que errou");
}

TEST(Metadata, TruncatedOpenGraphTitleGivesWayToTheCompleteOne) {
  const PageMetadata md = Extract(R"(<head>
    <title>Stack Overflow Jobs Data Shows ReactJS Skills in High Demand, WordPress Market Oversaturated with Developers – WordPress Tavern</title>
    <meta property="og:title" content="Stack Overflow Jobs Data Shows ReactJS Skills in High Demand, WordPress Market Oversaturated with De">
    <meta property="og:site_name" content="WordPress Tavern"></head>)");
  EXPECT_EQ(md.title.value,
            "Stack Overflow Jobs Data Shows ReactJS Skills in High Demand, WordPress Market Oversaturated with "
            "Developers");
  EXPECT_EQ(md.title.evidence, "title-tag");
}

// ---- bylines -------------------------------------------------------------------------------------

TEST(Metadata, BylineCleanup) {
  EXPECT_EQ(meta::PeopleInByline("By JANE DOE and John Smith, Staff Writers | Updated March 3, 2020", {}),
            (Strings{"JANE DOE", "John Smith"}));
  EXPECT_EQ(meta::PeopleInByline("5 Minute Read", {}), Strings{});
  EXPECT_EQ(meta::PeopleInByline("By GILLIAN MOHNEY\n  March 11, 2015 3:46 PM", {}), (Strings{"GILLIAN MOHNEY"}));
  EXPECT_EQ(meta::PeopleInByline("Written by Rob Ewaschuk\nEdited by Betsy Beyer", {}), (Strings{"Rob Ewaschuk"}));
  EXPECT_EQ(meta::PeopleInByline("By Brenda  Goodman, MA\n WebMD Health News", {}), (Strings{"Brenda Goodman"}));
  EXPECT_EQ(meta::PeopleInByline("Jane Doe, Reuters, London", {}), (Strings{"Jane Doe"}));
  EXPECT_EQ(meta::PeopleInByline("By Jane Doe (jane@example.com)", {}), (Strings{"Jane Doe"}));
  EXPECT_EQ(meta::PeopleInByline("Bradley M. Kuhn (http://ebb.org/bkuhn/)", {}), (Strings{"Bradley M. Kuhn"}));
  EXPECT_EQ(meta::PeopleInByline("Senior Reporter Ana Lima • 2 hours ago", {}), (Strings{"Ana Lima"}));
  EXPECT_EQ(meta::PeopleInByline("Text von Christian Seiler   Illustration von Markus Roost", {}),
            (Strings{"Christian Seiler"}));
  EXPECT_EQ(meta::PeopleInByline("Martin Untersinger (avec Damien Leloup et Morgane Tual)", {}),
            (Strings{"Martin Untersinger", "Damien Leloup", "Morgane Tual"}));
  // Organisations and the site's own name are not people; a personal site's owner is.
  EXPECT_EQ(meta::PeopleInByline("By Staff", {}), Strings{});
  EXPECT_EQ(meta::PeopleInByline("The Associated Press", {}), Strings{});
  EXPECT_EQ(meta::PeopleInByline("Mac & i", {"Mac & i"}), Strings{});
  EXPECT_EQ(meta::PeopleInByline("Haki Benita", {"Haki Benita"}), (Strings{"Haki Benita"}));
  // Page furniture read as a byline.
  EXPECT_EQ(meta::PeopleInByline("Follow Author", {}, true), Strings{});
  EXPECT_EQ(meta::PeopleInByline("Last Updated: January 7, 2025", {}, true), Strings{});
  EXPECT_EQ(meta::PeopleInByline("Credaris ist ein Partner-Service von", {}, true), Strings{});
}

TEST(Metadata, BylineElementOfThePage) {
  const PageMetadata md = Extract(R"(<html><body>
    <nav><a class="author" href="/authors">Our Authors</a></nav>
    <article><h1>Headline</h1>
      <div class="byline">By JANE DOE and John Smith, Staff Writers | Updated March 3, 2020</div>
      <p>Text.</p></article>
    <div class="comments"><span class="comment-author">Troll Person</span></div></body></html>)");
  EXPECT_EQ(Values(md.bylines), (Strings{"JANE DOE", "John Smith"}));
  EXPECT_EQ(Evidence(md.bylines), (Strings{"byline", "byline"}));
  // The only date is the update: it is the modified date, not the published one.
  EXPECT_FALSE(md.published.known());
  EXPECT_EQ(md.modified.value, "2020-03-03");
  EXPECT_EQ(md.modified.evidence, "byline");
}

TEST(Metadata, ReadingTimeIsNotAByline) {
  const PageMetadata md = Extract(R"(<body><article><h1>H</h1>
    <div class="article-byline"><span class="author">5 Minute Read</span></div></article></body>)");
  EXPECT_TRUE(md.bylines.empty());
}

TEST(Metadata, ItempropAuthorNameAndRelAuthor) {
  PageMetadata md = Extract(R"(<body><article>
    <span itemprop="author" itemscope itemtype="http://schema.org/Person">
      <a href="/p/1" rel="author"><span itemprop="name">T. V. Raman</span></a></span></article></body>)");
  EXPECT_EQ(Values(md.bylines), (Strings{"T. V. Raman"}));
  // Only an author page URL: the name is derived from it, as a last resort.
  md = Extract(R"(<head><meta property="article:author" content="https://www.example.com/author/jane-doe/"></head>)");
  EXPECT_EQ(Values(md.bylines), (Strings{"Jane Doe"}));
  EXPECT_EQ(Evidence(md.bylines), (Strings{"url"}));
}

TEST(Metadata, BylineWrittenAsText) {
  const PageMetadata md = Extract(R"(<body><article><h1>Ein Titel</h1>
    <p><i>von Daniela Obers</i></p><p>Der Text beginnt hier und geht weiter.</p></article></body>)");
  EXPECT_EQ(Values(md.bylines), (Strings{"Daniela Obers"}));
  EXPECT_EQ(Evidence(md.bylines), (Strings{"text"}));
}

// ---- dates ---------------------------------------------------------------------------------------

TEST(Metadata, NormalizeDateKeepsTheDateAsWritten) {
  EXPECT_EQ(meta::NormalizeDate("2015-07-10 09:53:00 -0400"), "2015-07-10T09:53:00-04:00");
  EXPECT_EQ(meta::NormalizeDate("2021-11-01T10:52:50+0100"), "2021-11-01T10:52:50+01:00");
  EXPECT_EQ(meta::NormalizeDate("2019-01-03T07:00:02.000Z"), "2019-01-03T07:00:02.000Z");
  EXPECT_EQ(meta::NormalizeDate("2018-04-05T06:00"), "2018-04-05T06:00");
  EXPECT_EQ(meta::NormalizeDate("20160729"), "2016-07-29");
  EXPECT_EQ(meta::NormalizeDate("20160801013024"), "2016-08-01T01:30:24");
  EXPECT_EQ(meta::NormalizeDate("Fri Mar 13 21:30:09 EST 2015"), "2015-03-13T21:30:09");
  EXPECT_EQ(meta::NormalizeDate("Wed, 11 Mar 2015 15:46:00 GMT"), "2015-03-11T15:46:00Z");
  EXPECT_EQ(meta::NormalizeDate("March 11, 2015 3:46 PM"), "2015-03-11T15:46");
  EXPECT_EQ(meta::NormalizeDate("11. März 2015"), "2015-03-11");
  EXPECT_EQ(meta::NormalizeDate("2017年3月10日"), "2017-03-10");
  EXPECT_EQ(meta::NormalizeDate("not a date"), "");
  EXPECT_EQ(meta::NormalizeDate("2015-02-30"), "");
}

TEST(Metadata, DatesInTextAndUrls) {
  EXPECT_EQ(meta::FindDateInText("Updated March 3, 2020 at 5pm"), "2020-03-03");
  EXPECT_EQ(meta::FindDateInText("Veröffentlicht am 16.08.2019"), "2019-08-16");
  EXPECT_EQ(meta::FindDateInText("03/11/2015", true), "2015-03-11");
  EXPECT_EQ(meta::FindDateInText("03/11/2015", false), "2015-11-03");
  EXPECT_EQ(meta::FindDateInText("le 11 de marzo de 2015"), "2015-03-11");
  EXPECT_EQ(meta::DateFromUrl("https://ex.com/news/2019/03/12/some-story"), "2019-03-12");
  EXPECT_EQ(meta::DateFromUrl("https://www.theguardian.com/world/2019/jan/03/story"), "2019-01-03");
  EXPECT_EQ(meta::DateFromUrl("https://ex.com/story-20191019-abc.html"), "2019-10-19");
  EXPECT_EQ(meta::DateFromUrl("https://ex.com/aktuelles/08112021-fachtag"), "2021-11-08");
  EXPECT_EQ(meta::DateFromUrl("https://ex.com/2019/03/archive"), "");
  EXPECT_EQ(meta::DateFromUrl("https://ex.com/id/12345678/"), "");
  EXPECT_TRUE(meta::IsDateOrTimePhrase("5 Minute Read"));
  EXPECT_TRUE(meta::IsDateOrTimePhrase("Updated 2 hours ago"));
  EXPECT_FALSE(meta::IsDateOrTimePhrase("Jane Doe 2020"));
}

TEST(Metadata, DateFromTheUrlWhenThePageHasNone) {
  const PageMetadata md = Extract("<title>A story without dates in it at all</title>",
                                  "https://ex.com/news/2019/03/12/some-story");
  EXPECT_EQ(md.published.value, "2019-03-12");
  EXPECT_EQ(md.published.evidence, "url");
}

TEST(Metadata, DateSourcesByTrust) {
  // Microdata in the article beats a <time> elsewhere; the URL comes after both.
  PageMetadata md = Extract(R"(<body><aside class="sidebar"><time datetime="2001-01-01">old</time></aside>
    <article><h1>H</h1><time itemprop="datePublished" datetime="2017-07-27">Thursday 27 July 2017</time></article>
    </body>)",
                            "https://ex.com/2019/03/12/x");
  EXPECT_EQ(md.published.value, "2017-07-27");
  EXPECT_EQ(md.published.evidence, "microdata");
  // A date written near the headline, after the URL.
  md = Extract(R"(<body><article><h3>02.01.2022</h3><h1>Land zahlte rund 1,4 Millionen</h1></article></body>)");
  EXPECT_EQ(md.published.value, "2022-01-02");
  EXPECT_EQ(md.published.evidence, "text");
}

// ---- language, URLs, robustness ------------------------------------------------------------------

TEST(Metadata, LanguageTags) {
  EXPECT_EQ(meta::NormalizeLanguageTag("en_us"), "en-US");
  EXPECT_EQ(meta::NormalizeLanguageTag("zh-hant-tw"), "zh-Hant-TW");
  EXPECT_EQ(meta::NormalizeLanguageTag("EN"), "en");
  EXPECT_EQ(meta::NormalizeLanguageTag("en, fr"), "en");
  EXPECT_EQ(meta::NormalizeLanguageTag("x"), "");
  EXPECT_EQ(meta::NormalizeLanguageTag("1234"), "");
  const PageMetadata md = Extract(R"(<head><meta property="og:locale" content="pt_BR"></head>)");
  EXPECT_EQ(md.language.value, "pt-BR");
  EXPECT_EQ(md.language.evidence, "opengraph");
}

TEST(Metadata, ResolveUrl) {
  EXPECT_EQ(meta::ResolveUrl("https://a.com/b/c.html", "d.html"), "https://a.com/b/d.html");
  EXPECT_EQ(meta::ResolveUrl("https://a.com/b/c.html", "../d"), "https://a.com/d");
  EXPECT_EQ(meta::ResolveUrl("https://a.com/b/c.html", "//cdn.a.com/x.jpg"), "https://cdn.a.com/x.jpg");
  EXPECT_EQ(meta::ResolveUrl("https://a.com/b/c.html", "/x?y=1#z"), "https://a.com/x?y=1#z");
  EXPECT_EQ(meta::ResolveUrl("", "/x"), "");
  EXPECT_EQ(meta::ResolveUrl("", "javascript:void(0)"), "");
  EXPECT_EQ(meta::HostOf("https://WWW.Example.co.uk:8080/p"), "example.co.uk");
}

TEST(Metadata, EmptyAndHostilePagesGiveUnknownNotJunk) {
  PageMetadata md = Extract("");
  EXPECT_FALSE(md.title.known());
  EXPECT_TRUE(md.bylines.empty());
  EXPECT_FALSE(md.published.known());
  EXPECT_FALSE(md.site.known());
  // Deeply nested JSON-LD and a huge keyword list do not break anything.
  std::string nested = "<script type=\"application/ld+json\">";
  for (int i = 0; i < 5000; ++i) nested += "{\"a\":";
  nested += "1";
  for (int i = 0; i < 5000; ++i) nested += "}";
  nested += "</script><title>Still a title</title>";
  md = Extract(nested);
  EXPECT_EQ(md.title.value, "Still a title");
  std::string keywords = "<meta name=\"keywords\" content=\"";
  for (int i = 0; i < 1000; ++i) keywords += "kw" + std::to_string(i) + ",";
  keywords += "\">";
  md = Extract(keywords);
  EXPECT_LE(md.tags.size(), 40u);
}

}  // namespace
}  // namespace dossier::html
