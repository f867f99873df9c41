// The corpus store on small hand-written documents, the same assertions on both backends (SQLite,
// and PostgreSQL when $DOSSIER_TEST_POSTGRES_URL names a server): round trips, replacement, search
// with its filters, corpus entities, and hostile input that must stay data.
#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <map>
#include <set>
#include <cstdio>
#include <string>
#include <vector>

#include "dossier/corpus_store.h"
#include "corpus_test_support.h"
#include "store/compressed_text.h"
#include "store/sqlite.h"
#include "store/sqlite_schema.h"
#include "test_corpus.h"
#include "version3_rows.h"

namespace dossier {
namespace {

using Doc = CorpusDocument;
using testing_support::AddEntity;
using testing_support::Backend;
using testing_support::TestCorpus;

// Adds a block of `text` (one line) to the document, keeping the canonical text in step.
void AddBlock(Doc* d, const std::string& text, BlockKind kind = BlockKind::kBody) {
  if (!d->text.empty()) d->text.push_back('\n');
  Doc::Block b;
  b.kind = kind;
  b.story = 0;
  b.line = static_cast<uint32_t>(d->blocks.size() + 1);
  b.begin = static_cast<uint32_t>(d->text.size());
  d->text += text;
  b.end = static_cast<uint32_t>(d->text.size());
  b.source_begin = b.begin;
  b.source_end = b.end;
  d->blocks.push_back(b);
}

Doc MakeDoc(const std::string& path, const std::vector<std::string>& lines) {
  Doc d;
  d.path = path;
  d.format = "text";
  for (const auto& l : lines) AddBlock(&d, l);
  d.size_bytes = d.text.size() + 1;
  d.encoding = "UTF-8";
  d.stories.push_back({lines.empty() ? "" : lines[0], 0, 0, static_cast<uint32_t>(lines.size() ? lines.size() - 1 : 0),
                       0, d.text.size()});
  d.title = lines.empty() ? "" : lines[0];
  d.content_hash = ContentHash(d.text);
  return d;
}

class CorpusStoreTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override { DOSSIER_REQUIRE_CORPUS(corpus_); }
  std::unique_ptr<CorpusStore> Open(StoreOptions options = {}) {
    std::string error;
    auto s = OpenCorpusStore(corpus_.db(), options, &error);
    EXPECT_NE(s, nullptr) << error;
    return s;
  }
  TestCorpus corpus_{GetParam()};
};

void Put(CorpusStore* s, const Doc& d, PutResult expect = PutResult::kAdded) {
  PutResult r;
  std::string error;
  ASSERT_TRUE(s->Put(d, &r, &error)) << error;
  EXPECT_EQ(static_cast<int>(r), static_cast<int>(expect)) << d.path;
}

std::vector<std::string> SearchPaths(CorpusStore* s, SearchRequest r) {
  std::vector<SearchHit> hits;
  std::string error;
  EXPECT_TRUE(s->Search(r, &hits, &error)) << r.query << ": " << error;
  std::vector<std::string> out;
  for (const auto& h : hits) out.push_back(h.path);
  return out;
}

SearchRequest Q(const std::string& q) {
  SearchRequest r;
  r.query = q;
  return r;
}

// Three short news texts with entities, a quote, a time expression and an amount.
std::vector<Doc> SmallCorpus() {
  Doc a = MakeDoc("a.txt", {"Starmer visits Paris", "Keir Starmer met Emmanuel Macron in Paris on Monday.",
                            "Mr Starmer said the talks on climate change went well."});
  a.format = "html";
  a.site = "Sky News";
  a.published = "2025-11-20T10:00:00Z";
  a.bylines = {"Jane Doe", "John Roe"};
  a.url = "https://example.com/a";
  AddEntity(&a, EntityType::kPerson, "Keir Starmer", {"Keir Starmer", "Mr Starmer"});
  AddEntity(&a, EntityType::kPerson, "Emmanuel Macron", {"Emmanuel Macron"});
  AddEntity(&a, EntityType::kLocation, "Paris", {"Paris"});
  {
    Doc::Quote q;
    q.type = QuoteType::kIndirect;
    q.text = "the talks on climate change went well";
    q.has_speaker = true;
    q.speaker_text = "Mr Starmer";
    q.speaker_name = "Keir Starmer";
    q.speaker_entity = 0;
    q.cue = "said";
    a.quotes.push_back(q);
  }
  a.timexes.push_back({TimexType::kDate, "Monday", "2025-11-17", "", 60, 66});
  Doc::Amount amount;
  amount.kind = AmountKind::kMoney;
  amount.text = "£5bn";
  amount.value = 5e9;
  amount.unit = "GBP";
  amount.approximate = true;
  amount.modifier = "APPROX";
  a.amounts.push_back(amount);

  Doc b = MakeDoc("b.txt", {"Budget row", "Starmer told MPs the budget would protect climate funding.",
                            "Rachel Reeves said the figures were sound."});
  b.published = "2025-11-26";
  AddEntity(&b, EntityType::kPerson, "Starmer", {"Starmer"});
  AddEntity(&b, EntityType::kPerson, "Rachel Reeves", {"Rachel Reeves"});
  {
    Doc::Quote q;
    q.type = QuoteType::kIndirect;
    q.text = "the figures were sound";
    q.has_speaker = true;
    q.speaker_text = "Rachel Reeves";
    q.speaker_name = "Rachel Reeves";
    q.speaker_entity = 1;
    b.quotes.push_back(q);
  }
  Doc c = MakeDoc("c.txt", {"Weather warning", "Heavy rain is expected in Paris and London this weekend.",
                            "Forecasters said the climate is changing."});
  c.format = "html";
  c.site = "BBC News";
  c.published = "2025-10-01";
  AddEntity(&c, EntityType::kLocation, "Paris", {"Paris"});
  AddEntity(&c, EntityType::kLocation, "London", {"London"});
  for (Doc* d : {&a, &b, &c}) d->content_hash = ContentHash(d->text + d->path);
  return {a, b, c};
}

TEST_P(CorpusStoreTest, ADocumentComesBackAsItWasPut) {
  auto s = Open();
  const std::vector<Doc> docs = SmallCorpus();
  for (const Doc& d : docs) Put(s.get(), d);
  std::string error;
  ASSERT_TRUE(s->Commit(&error)) << error;
  Doc back;
  ASSERT_TRUE(s->GetDocument(1, &back, &error)) << error;
  const Doc& a = docs[0];
  EXPECT_EQ(back.path, a.path);
  EXPECT_EQ(back.content_hash, a.content_hash);
  EXPECT_EQ(back.format, "html");
  EXPECT_EQ(back.site, "Sky News");
  EXPECT_EQ(back.url, a.url);
  EXPECT_EQ(back.bylines, a.bylines);
  EXPECT_EQ(back.text, a.text);
  ASSERT_EQ(back.blocks.size(), a.blocks.size());
  for (size_t i = 0; i < a.blocks.size(); ++i) {
    EXPECT_EQ(back.blocks[i].begin, a.blocks[i].begin);
    EXPECT_EQ(back.blocks[i].end, a.blocks[i].end);
    EXPECT_EQ(back.blocks[i].source_end, a.blocks[i].source_end);
    EXPECT_EQ(back.blocks[i].line, a.blocks[i].line);
  }
  ASSERT_EQ(back.mentions.size(), a.mentions.size());
  for (size_t i = 0; i < a.mentions.size(); ++i) {
    EXPECT_EQ(back.mentions[i].entity, a.mentions[i].entity);
    EXPECT_EQ(back.text.substr(back.mentions[i].begin, back.mentions[i].end - back.mentions[i].begin),
              a.text.substr(a.mentions[i].begin, a.mentions[i].end - a.mentions[i].begin));
  }
  ASSERT_EQ(back.entities.size(), 3u);
  EXPECT_EQ(back.entities[1].name, "Emmanuel Macron");
  ASSERT_EQ(back.quotes.size(), 1u);
  EXPECT_EQ(back.quotes[0].speaker_name, "Keir Starmer");
  EXPECT_EQ(back.quotes[0].speaker_entity, 0);
  EXPECT_EQ(back.quotes[0].cue, "said");
  EXPECT_EQ(back.quotes[0].type, QuoteType::kIndirect);
  ASSERT_EQ(back.timexes.size(), 1u);
  EXPECT_EQ(back.timexes[0].value, "2025-11-17");
  EXPECT_EQ(back.timexes[0].source_begin, 60u);
  ASSERT_EQ(back.amounts.size(), 1u);
  EXPECT_EQ(back.amounts[0].value, 5e9);
  EXPECT_EQ(back.amounts[0].unit, "GBP");
  EXPECT_TRUE(back.amounts[0].approximate);
  EXPECT_FALSE(back.amounts[0].has_high);
  // No such document: false, and no error.
  EXPECT_FALSE(s->GetDocument(99, &back, &error));
  EXPECT_EQ(error, "");
}

TEST_P(CorpusStoreTest, UnchangedIsANoOpAndAChangeReplacesEveryRow) {
  auto s = Open();
  std::vector<Doc> docs = SmallCorpus();
  for (const Doc& d : docs) Put(s.get(), d);
  Put(s.get(), docs[0], PutResult::kUnchanged);
  Doc changed = MakeDoc("a.txt", {"Starmer visits Berlin", "Keir Starmer met Olaf Scholz in Berlin."});
  AddEntity(&changed, EntityType::kPerson, "Keir Starmer", {"Keir Starmer"});
  Put(s.get(), changed, PutResult::kReplaced);
  std::string error;
  ASSERT_TRUE(s->Commit(&error));
  StoreStats st;
  ASSERT_TRUE(s->Stats(&st, &error)) << error;
  EXPECT_EQ(st.documents, 3u);
  EXPECT_EQ(st.quotes, 1u);   // a.txt's quote went with the old version
  EXPECT_EQ(st.timexes, 0u);
  EXPECT_EQ(st.amounts, 0u);
  EXPECT_EQ(st.mentions, 1u + 2u + 2u);
  // The document keeps its id, and the full-text index follows the new text only.
  Doc back;
  ASSERT_TRUE(s->GetDocument(1, &back, &error));
  EXPECT_EQ(back.title, "Starmer visits Berlin");
  EXPECT_EQ(SearchPaths(s.get(), Q("Berlin")), std::vector<std::string>{"a.txt"});
  EXPECT_EQ(SearchPaths(s.get(), Q("Macron")), std::vector<std::string>{});
  // Removing it takes every row.
  ASSERT_TRUE(s->Remove("a.txt", &error)) << error;
  ASSERT_TRUE(s->Commit(&error));
  ASSERT_TRUE(s->Stats(&st, &error));
  EXPECT_EQ(st.documents, 2u);
  EXPECT_EQ(st.mentions, 4u);
  EXPECT_EQ(SearchPaths(s.get(), Q("Berlin")), std::vector<std::string>{});
}

TEST_P(CorpusStoreTest, SearchRanksAndFilters) {
  auto s = Open();
  for (const Doc& d : SmallCorpus()) Put(s.get(), d);
  std::string error;
  ASSERT_TRUE(s->Commit(&error));
  using V = std::vector<std::string>;
  EXPECT_EQ(SearchPaths(s.get(), Q("budget")), V{"b.txt"});
  // Every word must occur; a phrase must occur as written.
  {
    std::vector<std::string> both = SearchPaths(s.get(), Q("climate Paris"));
    std::sort(both.begin(), both.end());
    EXPECT_EQ(both, (V{"a.txt", "c.txt"}));
  }
  EXPECT_EQ(SearchPaths(s.get(), Q("\"climate change\"")), V{"a.txt"});
  EXPECT_EQ(SearchPaths(s.get(), Q("climat*")).size(), 3u);
  EXPECT_EQ(SearchPaths(s.get(), Q("budget OR rain")).size(), 2u);
  EXPECT_EQ(SearchPaths(s.get(), Q("climate -Paris")), V{"b.txt"});
  // A title match outranks a body match (title weighted 4:1).
  EXPECT_EQ(SearchPaths(s.get(), Q("Starmer")).front(), "a.txt");
  // Filters.
  SearchRequest r = Q("climate");
  r.site = "sky news";
  EXPECT_EQ(SearchPaths(s.get(), r), V{"a.txt"});
  r = Q("climate");
  r.type = "text";
  EXPECT_EQ(SearchPaths(s.get(), r), V{"b.txt"});
  r = Q("climate");
  r.published_from = "2025-11-01";
  r.published_to = "2025-11-20";
  EXPECT_EQ(SearchPaths(s.get(), r), V{"a.txt"});
  // Filters alone: newest first.
  r = Q("");
  r.published_from = "2025-01-01";
  EXPECT_EQ(SearchPaths(s.get(), r), (V{"b.txt", "a.txt", "c.txt"}));
  // Snippets mark the matched words.
  std::vector<SearchHit> hits;
  r = Q("rain");
  r.mark_open = "<";
  r.mark_close = ">";
  ASSERT_TRUE(s->Search(r, &hits, &error)) << error;
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_NE(hits[0].snippet.find("<rain>"), std::string::npos) << hits[0].snippet;
  EXPECT_GT(hits[0].score, 0);
  EXPECT_EQ(hits[0].site, "BBC News");
  EXPECT_EQ(hits[0].published, "2025-10-01");
}

TEST_P(CorpusStoreTest, EntityAndSpeakerFiltersGoThroughCorpusEntities) {
  auto s = Open();
  for (const Doc& d : SmallCorpus()) Put(s.get(), d);
  std::string error;
  ASSERT_TRUE(s->Commit(&error));
  EXPECT_TRUE(s->EntitiesStale());
  using V = std::vector<std::string>;
  // "Mr Starmer" is an alias of Keir Starmer (a.txt); b.txt's "Starmer" joins him (the only Starmer).
  SearchRequest r = Q("climate");
  r.entity = "mr starmer";
  {
    V both = SearchPaths(s.get(), r);
    std::sort(both.begin(), both.end());
    EXPECT_EQ(both, (V{"a.txt", "b.txt"}));
  }
  EXPECT_FALSE(s->EntitiesStale());  // the filter relinked first
  r.entity = "Rachel Reeves";
  EXPECT_EQ(SearchPaths(s.get(), r), V{"b.txt"});
  r.entity = "Nobody Atall";
  EXPECT_EQ(SearchPaths(s.get(), r), V{});
  r = Q("");
  r.speaker = "Starmer";
  EXPECT_EQ(SearchPaths(s.get(), r), V{"a.txt"});
  r.speaker = "rachel reeves";
  EXPECT_EQ(SearchPaths(s.get(), r), V{"b.txt"});

  std::vector<StoredEntity> ents;
  EntityListRequest all;
  ASSERT_TRUE(s->ListEntities(all, &ents, &error)) << error;
  ASSERT_EQ(ents.size(), 5u);  // Starmer, Macron, Paris, Reeves, London
  EXPECT_EQ(ents[0].name, "Keir Starmer");
  EXPECT_EQ(ents[0].documents, 2u);
  EXPECT_EQ(ents[0].mentions, 3u);
  EXPECT_EQ(ents[0].joined_by_surname, 1u);
  EXPECT_EQ(ents[2].name, "Paris");
  EXPECT_EQ(ents[2].documents, 2u);
  all.sort = "mentions";
  all.type = "LOC";
  ASSERT_TRUE(s->ListEntities(all, &ents, &error));
  ASSERT_EQ(ents.size(), 2u);
  EXPECT_EQ(ents[0].name, "Paris");

  // Browsing: entity detail, quotes by speaker, timeline.
  EntityDetail detail;
  ASSERT_TRUE(s->GetEntity(0, 10, &detail, &error)) << error;
  EXPECT_EQ(detail.entity.name, "Keir Starmer");
  ASSERT_EQ(detail.documents.size(), 2u);
  EXPECT_EQ(detail.documents[0].path, "b.txt");  // newest first
  EXPECT_EQ(detail.documents[1].mentions, 2u);
  ASSERT_EQ(detail.quotes.size(), 1u);
  EXPECT_EQ(detail.quotes[0].quote.text, "the talks on climate change went well");
  ASSERT_GE(detail.co_occurring.size(), 3u);
  EXPECT_EQ(detail.co_occurring_over, 2u);  // both of his documents: under kCoOccurrenceDocuments
  EXPECT_EQ(detail.co_occurring[0].name, "Emmanuel Macron");  // one shared document each; then by id
  EXPECT_EQ(detail.co_occurring[0].documents, 1u);
  std::vector<QuoteHit> quotes;
  ASSERT_TRUE(s->QuotesBySpeaker("Reeves", 10, &quotes, &error)) << error;
  EXPECT_EQ(quotes.size(), 0u);  // "Reeves" alone is not one of her aliases
  ASSERT_TRUE(s->QuotesBySpeaker("Rachel Reeves", 10, &quotes, &error));
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].path, "b.txt");
  std::vector<CorpusTimelineEvent> events;
  TimelineRequest tl;
  tl.entity = "Emmanuel Macron";
  ASSERT_TRUE(s->Timeline(tl, &events, &error)) << error;
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].date, "2025-11-17");
  tl.entity = "London";
  ASSERT_TRUE(s->Timeline(tl, &events, &error));
  EXPECT_EQ(events.size(), 0u);
}

// A timeline of one story: only the time expressions inside its blocks' input range, in date order,
// whatever other documents and stories hold.
TEST_P(CorpusStoreTest, ATimelineCanBeOneDocumentOrOneStory) {
  auto s = Open();
  for (const Doc& d : SmallCorpus()) Put(s.get(), d);  // a.txt has one dated event
  Doc two = MakeDoc("two.txt", {"Flood story", "The river rose on 3 May 2024 and again on 1 May 2024.",
                                "Budget story", "The budget passed on 9 June 2024."});
  two.blocks[2].story = 1;
  two.blocks[3].story = 1;
  two.stories[0].last_block = 1;
  two.stories.push_back({"Budget story", 2, 2, 3, two.blocks[2].source_begin, two.blocks[3].source_end});
  two.stories[0].source_end = two.blocks[1].source_end;
  auto timex = [&](const std::string& text, const std::string& value) {
    const size_t at = two.text.find(text);
    two.timexes.push_back({TimexType::kDate, text, value, "", at, at + text.size()});
  };
  timex("3 May 2024", "2024-05-03");
  timex("1 May 2024", "2024-05-01");
  timex("9 June 2024", "2024-06-09");
  two.content_hash = ContentHash(two.text + two.path);
  Put(s.get(), two);
  std::string error;
  ASSERT_TRUE(s->Commit(&error)) << error;
  auto dates = [&](const TimelineRequest& r) {
    std::vector<CorpusTimelineEvent> events;
    EXPECT_TRUE(s->Timeline(r, &events, &error)) << error;
    std::vector<std::string> out;
    for (const auto& e : events) out.push_back(e.date + " " + e.path);
    return out;
  };
  using V = std::vector<std::string>;
  TimelineRequest r;
  EXPECT_EQ(dates(r), (V{"2024-05-01 two.txt", "2024-05-03 two.txt", "2024-06-09 two.txt", "2025-11-17 a.txt"}));
  r.limit = 2;
  EXPECT_EQ(dates(r), (V{"2024-05-01 two.txt", "2024-05-03 two.txt"}));
  r.limit = 0;
  r.doc_id = 4;  // two.txt, the fourth document put
  EXPECT_EQ(dates(r), (V{"2024-05-01 two.txt", "2024-05-03 two.txt", "2024-06-09 two.txt"}));
  r.story = 0;
  EXPECT_EQ(dates(r), (V{"2024-05-01 two.txt", "2024-05-03 two.txt"}));
  r.story = 1;
  EXPECT_EQ(dates(r), (V{"2024-06-09 two.txt"}));
  r.story = 2;  // no such story
  EXPECT_EQ(dates(r), V{});
  r.doc_id = 1;  // a.txt
  r.story = -1;
  EXPECT_EQ(dates(r), V{"2025-11-17 a.txt"});
  r.entity = "Rachel Reeves";  // not named in a.txt
  EXPECT_EQ(dates(r), V{});
}

TEST_P(CorpusStoreTest, TwoPeopleSharingASurnameAreNotMerged) {
  auto s = Open();
  Doc a = MakeDoc("a.txt", {"Donald Trump spoke.", "Melania Trump listened."});
  AddEntity(&a, EntityType::kPerson, "Donald Trump", {"Donald Trump"});
  AddEntity(&a, EntityType::kPerson, "Melania Trump", {"Melania Trump"});
  Doc b = MakeDoc("b.txt", {"Mr Trump left early."});
  AddEntity(&b, EntityType::kPerson, "Trump", {"Mr Trump"});
  b.content_hash = "b";
  Put(s.get(), a);
  Put(s.get(), b);
  std::string error;
  ASSERT_TRUE(s->RelinkEntities(&error)) << error;
  std::vector<StoredEntity> ents;
  ASSERT_TRUE(s->ListEntities({}, &ents, &error));
  ASSERT_EQ(ents.size(), 3u);
  for (const auto& e : ents) EXPECT_EQ(e.documents, 1u) << e.name;
  std::vector<int64_t> ids;
  ASSERT_TRUE(s->FindEntities("TRUMP", &ids, &error));
  EXPECT_EQ(ids.size(), 1u);  // only the bare "Trump" of b.txt has that name
}

TEST_P(CorpusStoreTest, HostileQueriesAreDataNeverSql) {
  auto s = Open();
  for (const Doc& d : SmallCorpus()) Put(s.get(), d);
  std::string error;
  ASSERT_TRUE(s->Commit(&error));
  const std::vector<std::string> hostile = {
      "'; DROP TABLE documents; --", "\" OR 1=1 --", "\"", "\"\"\"", "NEAR(climate rain, 2)", "climate AND",
      "OR", "AND OR NOT", "title:climate", "text : rain", "*", "climate*)", "^climate", "{title text}: rain",
      "rank MATCH 'x'", "documents_fts", std::string("rain\0x", 6), "\xff\xfe", "-climate", "--", "(((",
      "climate\" OR \"rain", std::string(5000, '('), "' UNION SELECT path FROM documents --"};
  for (const std::string& q : hostile) {
    std::vector<SearchHit> hits;
    std::string e;
    const bool ok = s->Search(Q(q), &hits, &e);
    // Either hits for the words in it, or a one-line complaint about having no words: never an
    // SQLite/FTS5 syntax error.
    if (!ok) {
      EXPECT_TRUE(e.find("query") != std::string::npos) << q << ": " << e;
    }
    for (const auto& filter : {&SearchRequest::site, &SearchRequest::entity, &SearchRequest::speaker,
                               &SearchRequest::type}) {
      SearchRequest r = Q("climate");
      r.*filter = q;
      EXPECT_TRUE(s->Search(r, &hits, &e)) << q << ": " << e;
      EXPECT_TRUE(hits.empty()) << q;
    }
  }
  // A date filter that is not a date is refused, not compared.
  {
    SearchRequest r = Q("climate");
    r.published_from = "' OR 1=1 --";
    std::vector<SearchHit> hits;
    EXPECT_FALSE(s->Search(r, &hits, &error));
    EXPECT_NE(error.find("YYYY-MM-DD"), std::string::npos) << error;
    error.clear();
  }
  // The words inside hostile text are still searched for.
  EXPECT_EQ(SearchPaths(s.get(), Q("rain, (climate)")), std::vector<std::string>{"c.txt"});
  EXPECT_EQ(SearchPaths(s.get(), Q("title:climate")).size(), 0u);  // "title" is a word, not a column
  StoreStats st;
  ASSERT_TRUE(s->Stats(&st, &error)) << error;
  EXPECT_EQ(st.documents, 3u);
  // Hostile paths and texts are stored as they are.
  Doc evil = MakeDoc("x'); DELETE FROM documents; --.txt", {"Robert'); DROP TABLE blocks;--", "\"quoted\" words"});
  Put(s.get(), evil);
  ASSERT_TRUE(s->Commit(&error));
  ASSERT_TRUE(s->Stats(&st, &error));
  EXPECT_EQ(st.documents, 4u);
  EXPECT_EQ(SearchPaths(s.get(), Q("Robert")), std::vector<std::string>{evil.path});
}

TEST_P(CorpusStoreTest, BytesThatAreNotTextAreStoredWithTheirOffsets) {
  auto s = Open();
  // A NUL and an invalid byte: SQLite keeps them; PostgreSQL's text cannot, and gets '?' for each
  // (docs/corpus-store.md), so every offset into the text still points at the same words.
  Doc d = MakeDoc(std::string("bad\xff.txt"), {"Odd\xff bytes", std::string("a NUL\0here and Paris", 20)});
  AddEntity(&d, EntityType::kLocation, "Paris", {"Paris"});
  Put(s.get(), d);
  std::string error;
  ASSERT_TRUE(s->Commit(&error)) << error;
  Doc back;
  ASSERT_TRUE(s->GetDocument(1, &back, &error)) << error;
  const bool pg = GetParam() == Backend::kPostgres;
  EXPECT_EQ(back.path, pg ? "bad?.txt" : d.path);
  EXPECT_EQ(back.text, pg ? "Odd? bytes\na NUL?here and Paris" : d.text);
  ASSERT_EQ(back.mentions.size(), 1u);
  EXPECT_EQ(back.text.substr(back.mentions[0].begin, 5), "Paris");
  EXPECT_EQ(SearchPaths(s.get(), Q("Paris")), std::vector<std::string>{back.path});
  // The same input again is unchanged, whatever became of its bytes.
  Put(s.get(), d, PutResult::kUnchanged);
}

TEST_P(CorpusStoreTest, SchemaIsVersionedAndANewerOneIsRefused) {
  { auto s = Open(); }
  StoreStats st;
  std::string error;
  {
    auto s = Open();
    ASSERT_TRUE(s->Stats(&st, &error));
    EXPECT_EQ(st.schema_version, GetParam() == Backend::kSqlite ? 5 : 1);  // each backend's own numbering
  }
  ASSERT_EQ(corpus_.SetSchemaVersion(99), "");
  EXPECT_EQ(OpenCorpusStore(corpus_.db(), {}, &error), nullptr);
  EXPECT_NE(error.find("newer"), std::string::npos) << error;
  // A query never creates a corpus.
  TestCorpus empty(GetParam());
  ASSERT_TRUE(empty.ok()) << empty.why();
  StoreOptions no_create;
  no_create.create = false;
  EXPECT_EQ(OpenCorpusStore(empty.db(), no_create, &error), nullptr);
  EXPECT_FALSE(empty.Exists());
}

// Everything a caller can ask of the small corpus, written out: the same text means the same
// answers (documents whole, hits with scores and snippets, entities, quotes, timelines, counts).
// `relink` false answers from the corpus entities as stored (a migrated database's).
std::string Answers(CorpusStore* s, bool relink = true) {
  std::string out, error;
  if (relink) {
    EXPECT_TRUE(s->RelinkEntities(&error)) << error;
  }
  char num[64];
  auto add = [&](const auto&... parts) { ((out += parts, out += '|'), ...); };
  auto n = [&](double v) {
    std::snprintf(num, sizeof num, "%.12g", v);
    return std::string(num);
  };
  StoreStats st;
  EXPECT_TRUE(s->Stats(&st, &error)) << error;
  add("stats", n(st.documents), n(st.blocks), n(st.entities), n(st.mentions), n(st.quotes), n(st.timexes),
      n(st.amounts), n(st.corpus_entities), n(st.text_bytes), "\n");
  for (int64_t id = 1; id <= 4; ++id) {
    Doc d;
    if (!s->GetDocument(id, &d, &error)) {
      add("no document", n(id), error, "\n");
      continue;
    }
    add(d.path, d.content_hash, d.format, n(d.size_bytes), d.encoding, d.title, d.site, d.url, d.published, d.language,
        d.description, d.section, d.time_reference, d.text, "\n");
    for (const auto& b : d.bylines) add("byline", b);
    for (const auto& b : d.blocks)
      add("block", BlockKindName(b.kind), n(b.story), n(b.line), n(b.begin), n(b.end), n(b.source_begin), n(b.source_end));
    for (const auto& x : d.stories)
      add("story", x.title, n(x.title_block), n(x.first_block), n(x.last_block), n(x.source_begin), n(x.source_end));
    for (const auto& e : d.entities) add("entity", EntityTypeName(e.type), e.name);
    for (const auto& m : d.mentions)
      add("mention", n(m.entity), n(m.begin), n(m.end), n(m.source_begin), n(m.source_end), n(m.description));
    for (const auto& q : d.quotes)
      add("quote", QuoteTypeName(q.type), q.text, n(q.source_begin), n(q.source_end), n(q.has_speaker), q.speaker_text,
          q.speaker_name, n(q.speaker_entity), n(q.speaker_source_begin), n(q.speaker_source_end), q.cue,
          n(q.cue_begin), n(q.cue_end));
    for (const auto& x : d.timexes)
      add("timex", TimexTypeName(x.type), x.text, x.value, x.mod, n(x.source_begin), n(x.source_end));
    for (const auto& a : d.amounts)
      add("amount", AmountKindName(a.kind), a.text, a.unit, a.modifier, n(a.value), n(a.high), n(a.has_high),
          n(a.approximate), n(a.source_begin), n(a.source_end));
    out += '\n';
  }
  std::vector<SearchRequest> searches = {Q("climate"), Q("Paris"), Q("\"climate change\""), Q(""), Q("rain OR budget")};
  searches.push_back(Q(""));
  searches.back().entity = "Starmer";
  searches.push_back(Q("climate"));
  searches.back().speaker = "Keir Starmer";
  for (const SearchRequest& r : searches) {
    std::vector<SearchHit> hits;
    EXPECT_TRUE(s->Search(r, &hits, &error)) << error;
    for (const SearchHit& h : hits)
      add("hit", n(h.doc_id), h.path, h.title, h.site, h.published, h.format, n(h.score), h.snippet, "\n");
  }
  std::vector<StoredEntity> entities;
  EXPECT_TRUE(s->ListEntities({}, &entities, &error)) << error;
  for (const StoredEntity& e : entities) {
    add("corpus entity", n(e.id), EntityTypeName(e.type), e.name, n(e.mentions), n(e.documents));
    for (const auto& a : e.aliases) add(a.text, n(a.mentions));
    EntityDetail detail;
    EXPECT_TRUE(s->GetEntity(e.id, 50, &detail, &error)) << error;
    for (const auto& d : detail.documents) add("doc", n(d.doc_id), d.path, d.title, d.published, n(d.mentions));
    for (const auto& c : detail.co_occurring) add("with", n(c.id), c.name, n(c.documents));
    for (const auto& q : detail.quotes) add("quote", n(q.doc_id), q.quote.text);
    out += '\n';
  }
  std::vector<QuoteHit> quotes;
  EXPECT_TRUE(s->QuotesBySpeaker("Starmer", 10, &quotes, &error)) << error;
  for (const QuoteHit& q : quotes) add("said", n(q.doc_id), q.path, q.quote.text);
  TimelineRequest whole, story;
  story.doc_id = 1;
  story.story = 0;
  for (const TimelineRequest& r : {whole, story}) {
    std::vector<CorpusTimelineEvent> events;
    EXPECT_TRUE(s->Timeline(r, &events, &error)) << error;
    for (const auto& e : events) add("event", e.date, n(e.doc_id), e.path, e.title, e.timex.text);
    out += '\n';
  }
  return out;
}

// A SQLite database at an older schema `version` (1-3) holding `docs` as those schemas stored them.
void MakeOldSqliteDatabase(const std::string& path, int version, const std::vector<Doc>& docs) {
  store::Db db;
  std::string error;
  ASSERT_TRUE(db.Open(path, false, true, &error)) << error;
  ASSERT_TRUE(store::MigrateSchema(db, version, &error)) << error;
  ASSERT_EQ(testing_support::WriteVersion3Rows(db, docs), "");
}

// SQLite only: the PostgreSQL schema is still at its version 1 (its own numbering).
TEST_P(CorpusStoreTest, AVersionThreeSqliteDatabaseIsPackedAndAnswersAsBefore) {
  if (GetParam() != Backend::kSqlite) GTEST_SKIP() << "a SQLite migration";
  std::string expected;
  {
    auto s = Open();
    for (const Doc& d : SmallCorpus()) Put(s.get(), d);
    expected = Answers(s.get());
  }
  testing_support::TempDb old;
  MakeOldSqliteDatabase(old.path(), 3, SmallCorpus());
  std::string error;
  auto s = OpenCorpusStore(old.path(), {}, &error);
  ASSERT_NE(s, nullptr) << error;
  StoreStats st;
  ASSERT_TRUE(s->Stats(&st, &error)) << error;
  EXPECT_EQ(st.schema_version, store::kCorpusSchemaVersion);
  EXPECT_EQ(Answers(s.get()), expected);
  EXPECT_NE(expected.find("Keir Starmer met Emmanuel Macron"), std::string::npos);  // the answers are not empty
  // Written to after the migration: a replaced document leaves the full-text index right.
  Doc changed = SmallCorpus()[2];
  const std::string old_hash = changed.content_hash;
  changed.content_hash = "changed";
  Put(s.get(), changed, PutResult::kReplaced);
  ASSERT_TRUE(s->Commit(&error)) << error;
  expected.replace(expected.find(old_hash), old_hash.size(), "changed");
  EXPECT_EQ(Answers(s.get()), expected);
  EXPECT_EQ(SearchPaths(s.get(), Q("rain")), std::vector<std::string>{"c.txt"});
}

// What schema 4 wrote as text: a zlib stream (level 1), as an SQL function for the test.
void ZlibText(sqlite3_context* ctx, int, sqlite3_value** argv) {
  const auto* text = static_cast<const Bytef*>(sqlite3_value_blob(argv[0]));
  const uLong n = static_cast<uLong>(sqlite3_value_bytes(argv[0]));
  std::string out(compressBound(n), '\0');
  uLongf size = out.size();
  compress2(reinterpret_cast<Bytef*>(out.data()), &size, text ? text : reinterpret_cast<const Bytef*>(""), n, 1);
  sqlite3_result_blob64(ctx, out.data(), size, SQLITE_TRANSIENT);
}

int64_t CountRows(const std::string& db_path, const std::string& sql) {
  store::Db db;
  std::string error;
  EXPECT_TRUE(db.Open(db_path, true, false, &error)) << error;
  return store::QueryInt(db, sql, &error);
}

// Schema 4 -> 5: corpus_members' index by document becomes document_members (the links of each
// document), built from the corpus members as they were, without relinking; the zlib text of
// schema 4 is read as it is. Every answer is a fresh database's.
TEST_P(CorpusStoreTest, AVersionFourSqliteDatabaseGetsItsMemberLinksAndAnswersAsBefore) {
  if (GetParam() != Backend::kSqlite) GTEST_SKIP() << "a SQLite migration";
  testing_support::TempDb fresh, old;
  std::string expected, error;
  {
    auto s = OpenCorpusStore(fresh.path(), {}, &error);
    ASSERT_NE(s, nullptr) << error;
    for (const Doc& d : SmallCorpus()) Put(s.get(), d);
    expected = Answers(s.get());
  }
  {
    // Schema 4 as it was written: packed rows, zlib text, corpus tables with corpus_members_doc.
    store::Db db;
    ASSERT_TRUE(db.Open(old.path(), false, true, &error)) << error;
    ASSERT_EQ(store::RegisterTextFunction(db.get()), SQLITE_OK);
    ASSERT_TRUE(store::MigrateSchema(db, 3, &error)) << error;
    ASSERT_EQ(testing_support::WriteVersion3Rows(db, SmallCorpus()), "");
    ASSERT_TRUE(store::MigrateSchema(db, 4, &error)) << error;
    ASSERT_EQ(sqlite3_create_function_v2(db.get(), "test_zlib", 1, SQLITE_UTF8, nullptr, ZlibText, nullptr, nullptr,
                                         nullptr),
              SQLITE_OK);
    ASSERT_TRUE(db.Exec("UPDATE documents SET text = test_zlib(dossier_text(text, text_bytes));"
                        "ATTACH '" + fresh.path() + "' AS fresh;"
                        "INSERT INTO corpus_entities SELECT * FROM fresh.corpus_entities;"
                        "INSERT INTO corpus_aliases SELECT * FROM fresh.corpus_aliases;"
                        "INSERT INTO corpus_keys SELECT * FROM fresh.corpus_keys;"
                        "INSERT INTO corpus_members SELECT * FROM fresh.corpus_members;"
                        "INSERT INTO corpus_speakers SELECT * FROM fresh.corpus_speakers;"
                        "UPDATE meta SET value = '0' WHERE key = 'entities_stale';"
                        "DETACH fresh;",
                        &error))
        << error;
    EXPECT_EQ(store::QueryInt(db, "SELECT count(*) FROM sqlite_schema WHERE name = 'corpus_members_doc'", &error), 1);
  }
  EXPECT_EQ(CountRows(old.path(), "SELECT count(*) FROM documents WHERE hex(substr(text, 1, 1)) = '78'"), 3);
  auto s = OpenCorpusStore(old.path(), {}, &error);
  ASSERT_NE(s, nullptr) << error;
  StoreStats st;
  ASSERT_TRUE(s->Stats(&st, &error)) << error;
  EXPECT_EQ(st.schema_version, 5);
  EXPECT_FALSE(s->EntitiesStale());  // the links come from the stored members: no relinking needed
  EXPECT_EQ(CountRows(old.path(), "SELECT count(*) FROM sqlite_schema WHERE name = 'corpus_members_doc'"), 0);
  EXPECT_EQ(CountRows(old.path(), "SELECT count(*) FROM document_members"), 3);
  // The quotes of a.txt and b.txt, slices of their texts, are stored as their places, as a fresh database stores it.
  EXPECT_EQ(CountRows(old.path(), "SELECT count(*) FROM quotes WHERE typeof(text) = 'blob'"), 2);
  EXPECT_EQ(CountRows(fresh.path(), "SELECT count(*) FROM quotes WHERE typeof(text) = 'blob'"), 2);
  EXPECT_EQ(Answers(s.get(), /*relink=*/false), expected);
  EXPECT_NE(expected.find("with|"), std::string::npos);  // co-occurring entities are among the answers
  EXPECT_EQ(Answers(s.get()), expected);
  // Replacing a document takes its corpus members with it (found through its links).
  ASSERT_GT(CountRows(old.path(), "SELECT count(*) FROM corpus_members WHERE doc_id = 1"), 0);
  Doc changed = SmallCorpus()[0];
  changed.content_hash = "changed";
  Put(s.get(), changed, PutResult::kReplaced);
  ASSERT_TRUE(s->Commit(&error)) << error;
  EXPECT_EQ(CountRows(old.path(), "SELECT count(*) FROM corpus_members WHERE doc_id = 1"), 0);
  EXPECT_EQ(CountRows(old.path(), "SELECT count(*) FROM document_members WHERE doc_id = 1"), 0);
  EXPECT_GT(CountRows(old.path(), "SELECT count(*) FROM corpus_members WHERE doc_id = 2"), 0);
  expected.replace(expected.find(SmallCorpus()[0].content_hash), SmallCorpus()[0].content_hash.size(), "changed");
  EXPECT_EQ(Answers(s.get()), expected);
  // The replaced document is written as zstd; the others stay zlib.
  EXPECT_EQ(CountRows(old.path(), "SELECT count(*) FROM documents WHERE hex(substr(text, 1, 4)) = '28B52FFD'"), 1);
}

TEST_P(CorpusStoreTest, AVersionOneSqliteDatabaseIsMigratedAndItsSpeakersFilled) {
  if (GetParam() != Backend::kSqlite) GTEST_SKIP() << "a SQLite migration";
  // A database as version 1 wrote it (no corpus_speakers, no index on format), its corpus entities
  // up to date.
  MakeOldSqliteDatabase(corpus_.db(), 1, SmallCorpus());
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(corpus_.db().c_str(), &raw), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(raw, "UPDATE meta SET value = '0' WHERE key = 'entities_stale'", nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(raw);
  StoreOptions read_only;
  read_only.read_only = true;
  std::string error;
  EXPECT_EQ(OpenCorpusStore(corpus_.db(), read_only, &error), nullptr);  // a reader never migrates
  EXPECT_NE(error.find("schema version 1"), std::string::npos) << error;
  auto s = Open();
  StoreStats st;
  ASSERT_TRUE(s->Stats(&st, &error)) << error;
  EXPECT_EQ(st.schema_version, 5);
  EXPECT_TRUE(s->EntitiesStale());  // the migration asks for the speakers to be filled
  EXPECT_EQ(st.documents, 3u);
  EXPECT_EQ(st.mentions, 9u);
  SearchRequest r = Q("");
  r.speaker = "Starmer";  // only through the corpus entity: the quote's speaker_name is "Keir Starmer"
  EXPECT_EQ(SearchPaths(s.get(), r), std::vector<std::string>{"a.txt"});
  r.type = "text";  // a.txt is a page: the type filter (served by the new index) leaves nothing
  EXPECT_EQ(SearchPaths(s.get(), r), std::vector<std::string>{});
}

// The search plans differ by the size of an entity or speaker filter's document set (a small one
// drives the query, a large one is only checked): either way, a filtered search must list exactly
// the unfiltered hits that pass the filter, in the same order.
TEST_P(CorpusStoreTest, FilteringNeverChangesTheOrderOfWhatIsFound) {
  auto s = Open();
  std::map<std::string, std::set<std::string>> named, speaking;  // person -> paths
  // 900 documents: Anna Berg's 450 are above both thresholds (64 for ranked, 400 for newest-first
  // lists), Carl Dahl's 3 below them.
  for (int i = 0; i < 900; ++i) {
    const std::string path = "doc" + std::to_string(i) + ".txt";
    std::string body = "Report number " + std::to_string(i) + ".";
    if (i % 3 == 0) body += " The budget vote was close.";
    if (i % 7 == 0) body += " The budget budget budget debate went on.";  // ranked higher
    std::vector<std::string> people;
    if (i % 2 == 0) people.push_back("Anna Berg");
    if (i % 300 == 0) people.push_back("Carl Dahl");
    for (const std::string& p : people) body += " " + p + " said things.";
    Doc d = MakeDoc(path, {"Title " + std::to_string(i), body});
    d.site = i % 4 == 0 ? "Site A" : "Site B";
    if (i % 5 != 0) d.published = "2025-0" + std::to_string(1 + i % 9) + "-1" + std::to_string(i % 10);
    for (const std::string& p : people) {
      AddEntity(&d, EntityType::kPerson, p, {p});
      named[p].insert(path);
      if (i % 4 == 0) {  // quoted in half of the documents naming them
        Doc::Quote q;
        q.type = QuoteType::kIndirect;
        q.text = "things";
        q.has_speaker = true;
        q.speaker_text = p;
        q.speaker_name = p;
        q.speaker_entity = static_cast<int32_t>(d.entities.size() - 1);
        d.quotes.push_back(q);
        speaking[p].insert(path);
      }
    }
    d.content_hash = ContentHash(d.text + path);
    Put(s.get(), d);
  }
  std::string error;
  ASSERT_TRUE(s->Commit(&error)) << error;
  for (const std::string query : {"budget", ""}) {
    for (const std::string site : {"", "Site A"}) {
      SearchRequest all = Q(query);
      all.site = site;
      all.limit = 1000;  // every hit
      const std::vector<std::string> unfiltered = SearchPaths(s.get(), all);
      ASSERT_FALSE(unfiltered.empty());
      for (const std::string person : {"Anna Berg", "Carl Dahl", "Nobody Here"}) {
        for (const bool as_speaker : {false, true}) {
          SearchRequest r = all;
          (as_speaker ? r.speaker : r.entity) = person;
          const std::set<std::string>& members = (as_speaker ? speaking : named)[person];
          std::vector<std::string> expected;
          for (const std::string& p : unfiltered)
            if (members.count(p)) expected.push_back(p);
          EXPECT_EQ(SearchPaths(s.get(), r), expected)
              << "query '" << query << "' site '" << site << "' " << (as_speaker ? "speaker " : "entity ") << person;
          // Paging through the filtered hits gives the same list.
          r.limit = 40;
          std::vector<std::string> paged;
          for (r.offset = 0; r.offset < expected.size() + 40; r.offset += 40)
            for (const std::string& p : SearchPaths(s.get(), r)) paged.push_back(p);
          EXPECT_EQ(paged, expected) << "paged, " << person;
        }
      }
    }
  }
}

TEST_P(CorpusStoreTest, ABatchLeftUncommittedLeavesNoHalfDocument) {
  {
    StoreOptions o;
    o.batch_documents = 2;
    auto s = Open(o);
    const std::vector<Doc> docs = SmallCorpus();
    for (const Doc& d : docs) Put(s.get(), d);  // two committed, the third pending
    // What another connection sees meanwhile is whole documents only (the crash itself is
    // tested end to end in tests/cli/test_index_cli.py, with SIGKILL mid-document, on both backends).
    StoreOptions read_only;
    read_only.read_only = true;
    std::string error;
    auto reader = OpenCorpusStore(corpus_.db(), read_only, &error);
    ASSERT_NE(reader, nullptr) << error;
    StoreStats st;
    ASSERT_TRUE(reader->Stats(&st, &error)) << error;
    EXPECT_EQ(st.documents, 2u);
    EXPECT_EQ(st.mentions, 5u + 2u);  // a.txt and b.txt, every mention
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, CorpusStoreTest, ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         testing_support::BackendName);

}  // namespace
}  // namespace dossier
