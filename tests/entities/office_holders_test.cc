// Role phrases tied to a named person by world knowledge (OfficeHolders), on hand-made tables and
// texts: what links, what stays unlinked (two candidates, another story, another date, no name).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "dossier/entity_linking.h"
#include "entities/office_holders.h"

namespace dossier {
namespace {

constexpr char kCountries[] =
    "# key\tmodifiers\tnames\n"
    "ruritania\tRuritanian\tRuritania\n"
    "borduria\tBordurian\tBorduria\n";
constexpr char kOffices[] =
    "# country\toffice\tleader\tperson\tfrom\tto\n"
    "ruritania\tpresident\t1\tAnna Velda|Ana Velda\t2019-01-01\t2024-01-01\n"
    "ruritania\tpresident\t1\tOtto Brandt\t2024-01-01\n"
    "ruritania\tforeign minister\t0\tKarl Maas\t2020-01-01\n"
    "borduria\tprime minister|pm\t1\tIvo Plek\t2018-05-01\n";

std::unique_ptr<OfficeHolders> Table() {
  std::string error;
  auto kb = OfficeHolders::FromText(kCountries, kOffices, &error);
  EXPECT_TRUE(kb) << error;
  return kb;
}

// A one-story document with person mentions given by their surface (every occurrence).
struct Fixture {
  Document doc;
  std::vector<EntityMention> mentions;
  Fixture(const std::string& text, const std::vector<std::string>& people) {
    doc.text = text;
    Block b;
    b.span = {0, static_cast<uint32_t>(text.size())};
    b.story = 0;
    doc.blocks.push_back(b);
    for (const auto& p : people) {
      size_t at = text.find(p);
      EXPECT_NE(at, std::string::npos) << p;
      for (; at != std::string::npos; at = text.find(p, at + 1)) {
        EntityMention m;
        m.type = EntityType::kPerson;
        m.span = {static_cast<uint32_t>(at), static_cast<uint32_t>(at + p.size())};
        mentions.push_back(m);
      }
    }
    std::sort(mentions.begin(), mentions.end(), [](auto& a, auto& b) { return a.span.begin < b.span.begin; });
  }
};

std::vector<std::string> MentionsOf(const Document& doc, const std::vector<Entity>& es, const std::string& name) {
  std::vector<std::string> out;
  for (const auto& e : es)
    if (e.name == name)
      for (const auto& m : e.mentions) out.emplace_back(doc.Text(m.span));
  return out;
}

TEST(OfficeHolders, RolePhrasesJoinTheOnePersonWhoHeldTheOffice) {
  auto kb = Table();
  Fixture f("Otto Brandt met Ivo Plek on Monday. The Ruritanian president said talks went well, and "
            "the Bordurian leader agreed. Ruritania's president left; his Bordurian counterpart stayed.",
            {"Otto Brandt", "Ivo Plek"});
  const auto es = LinkEntities(f.doc, f.mentions, {kb.get(), ""});
  EXPECT_EQ(MentionsOf(f.doc, es, "Otto Brandt"),
            (std::vector<std::string>{"Otto Brandt", "The Ruritanian president", "Ruritania's president"}));
  EXPECT_EQ(MentionsOf(f.doc, es, "Ivo Plek"),
            (std::vector<std::string>{"Ivo Plek", "the Bordurian leader", "his Bordurian counterpart"}));
}

TEST(OfficeHolders, TheDocumentDateChoosesBetweenTwoHolders) {
  auto kb = Table();
  const std::string text = "Anna Velda and Otto Brandt spoke. The Ruritanian president was confident.";
  Fixture f(text, {"Anna Velda", "Otto Brandt"});
  auto es = LinkEntities(f.doc, f.mentions, {kb.get(), "2021-06-30"});
  EXPECT_EQ(MentionsOf(f.doc, es, "Anna Velda"), (std::vector<std::string>{"Anna Velda", "The Ruritanian president"}));
  es = LinkEntities(f.doc, f.mentions, {kb.get(), "2024-01-01"});  // the day the term changed
  EXPECT_EQ(MentionsOf(f.doc, es, "Otto Brandt"), (std::vector<std::string>{"Otto Brandt", "The Ruritanian president"}));
  // Two holders and neither in office at the date: unlinked.
  es = LinkEntities(f.doc, f.mentions, {kb.get(), "2010-01-01"});
  EXPECT_EQ(MentionsOf(f.doc, es, "Anna Velda").size(), 1u);
  EXPECT_EQ(MentionsOf(f.doc, es, "Otto Brandt").size(), 1u);
}

TEST(OfficeHolders, TwoHoldersNeitherStillInOfficeStayUnlinked) {
  std::string error;
  auto kb = OfficeHolders::FromText(kCountries,
                                    "ruritania\tpresident\t1\tAnna Velda\t2000-01-01\t2005-01-01\n"
                                    "ruritania\tpresident\t1\tOtto Brandt\t2005-01-01\t2010-01-01\n",
                                    &error);
  ASSERT_TRUE(kb) << error;
  Fixture f("Anna Velda and Otto Brandt spoke. The Ruritanian president was confident.", {"Anna Velda", "Otto Brandt"});
  auto es = LinkEntities(f.doc, f.mentions, {kb.get(), ""});
  EXPECT_EQ(MentionsOf(f.doc, es, "Anna Velda").size(), 1u);
  EXPECT_EQ(MentionsOf(f.doc, es, "Otto Brandt").size(), 1u);
}

TEST(OfficeHolders, UndatedTextTakesThePersonStillInOffice) {
  auto kb = Table();
  Fixture f("Anna Velda and Otto Brandt spoke. The Ruritanian president was confident.", {"Anna Velda", "Otto Brandt"});
  // Without a date both held the office; Brandt still holds it (an open term) and is taken.
  // (With a date, the date decides: see the test above.)
  auto es = LinkEntities(f.doc, f.mentions, {kb.get(), ""});
  EXPECT_EQ(MentionsOf(f.doc, es, "Otto Brandt"), (std::vector<std::string>{"Otto Brandt", "The Ruritanian president"}));
}

TEST(OfficeHolders, ABareOfficeJoinsTheHolderNamedBeforeIt) {
  auto kb = Table();
  Fixture f("The prime minister arrived late. Ivo Plek and Karl Maas met. Later the prime minister spoke, "
            "and the foreign minister listened.",
            {"Ivo Plek", "Karl Maas"});
  auto es = LinkEntities(f.doc, f.mentions, {kb.get(), ""});
  // Before Plek is named, "The prime minister" is not his: a bare office needs its holder first.
  EXPECT_EQ(MentionsOf(f.doc, es, "Ivo Plek"), (std::vector<std::string>{"Ivo Plek", "the prime minister"}));
  EXPECT_EQ(MentionsOf(f.doc, es, "Karl Maas"), (std::vector<std::string>{"Karl Maas", "the foreign minister"}));
}

TEST(OfficeHolders, NothingWithoutANamedHolderOrWithoutTheTable) {
  auto kb = Table();
  // The named person holds another office: "the Ruritanian president" is someone the text never names.
  Fixture f("Karl Maas flew in. The Ruritanian president stayed home.", {"Karl Maas"});
  auto es = LinkEntities(f.doc, f.mentions, {kb.get(), ""});
  EXPECT_EQ(MentionsOf(f.doc, es, "Karl Maas"), (std::vector<std::string>{"Karl Maas"}));
  Fixture g("Otto Brandt spoke. The Ruritanian president was confident.", {"Otto Brandt"});
  es = LinkEntities(g.doc, g.mentions);  // no table: only what the text ties
  EXPECT_EQ(MentionsOf(g.doc, es, "Otto Brandt"), (std::vector<std::string>{"Otto Brandt"}));
}

TEST(OfficeHolders, SpellingsSurnamesAndPhrasesThatNameSomethingElse) {
  auto kb = Table();
  // Another spelling of the name; "the Ruritanian president of the senate" is another office;
  // "the Ruritanian president Ana Velda" is a title before the name, part of no new mention.
  Fixture f("Ana Velda arrived. The Ruritanian president of the senate greeted the Ruritanian "
            "president Ana Velda. Later the Ruritanian president, tired, left.",
            {"Ana Velda"});
  auto es = LinkEntities(f.doc, f.mentions, {kb.get(), ""});
  EXPECT_EQ(MentionsOf(f.doc, es, "Ana Velda"), (std::vector<std::string>{"Ana Velda", "Ana Velda", "the Ruritanian president"}));
  // Known by surname only ("Mr Brandt"): the table's only Brandt.
  Fixture g("Mr Brandt spoke. The Ruritanian leader was confident.", {"Mr Brandt"});
  es = LinkEntities(g.doc, g.mentions, {kb.get(), ""});
  EXPECT_EQ(MentionsOf(g.doc, es, "Brandt"), (std::vector<std::string>{"Mr Brandt", "The Ruritanian leader"}));
}

TEST(OfficeHolders, ASurnameTwoHoldersShareNamesNeitherAlone) {
  // Two Plek in the table: "Mr Plek" alone cannot tell which one held the office; the full name can.
  std::string error;
  auto kb = OfficeHolders::FromText(kCountries,
                                    std::string(kOffices) + "borduria\tforeign minister\t0\tMira Plek\t2019-01-01\n",
                                    &error);
  ASSERT_TRUE(kb) << error;
  Fixture f("Mr Plek spoke. The Bordurian prime minister was confident.", {"Mr Plek"});
  auto es = LinkEntities(f.doc, f.mentions, {kb.get(), ""});
  EXPECT_EQ(MentionsOf(f.doc, es, "Plek"), (std::vector<std::string>{"Mr Plek"}));
  Fixture g("Ivo Plek spoke. The Bordurian prime minister was confident.", {"Ivo Plek"});
  es = LinkEntities(g.doc, g.mentions, {kb.get(), ""});
  EXPECT_EQ(MentionsOf(g.doc, es, "Ivo Plek"), (std::vector<std::string>{"Ivo Plek", "The Bordurian prime minister"}));
}

TEST(OfficeHolders, OnlyPeopleNamedInTheSameStory) {
  auto kb = Table();
  const std::string one = "Otto Brandt spoke.";
  Fixture f(one + "\nThe Ruritanian president was absent.", {"Otto Brandt"});
  f.doc.blocks[0].span = {0, static_cast<uint32_t>(one.size())};
  Block second;
  second.span = {static_cast<uint32_t>(one.size() + 1), static_cast<uint32_t>(f.doc.text.size())};
  second.story = 1;
  f.doc.blocks.push_back(second);
  auto es = LinkEntities(f.doc, f.mentions, {kb.get(), ""});
  EXPECT_EQ(MentionsOf(f.doc, es, "Otto Brandt"), (std::vector<std::string>{"Otto Brandt"}));
}

TEST(OfficeHolders, MalformedTablesAreRejectedWithTheRow) {
  std::string error;
  EXPECT_FALSE(OfficeHolders::FromText(kCountries, "ruritania\tpresident\t1\tX Y\tsoon\n", &error));
  EXPECT_NE(error.find("row 1"), std::string::npos) << error;
  EXPECT_FALSE(OfficeHolders::FromText(kCountries, "atlantis\tpresident\t1\tX Y\t2020-01-01\n", &error));
  EXPECT_NE(error.find("atlantis"), std::string::npos) << error;
  EXPECT_FALSE(OfficeHolders::FromText("only-one-column\n", "", &error));
}

TEST(OfficeHolders, TheShippedTablesLoad) {
  std::string error;
  auto kb = OfficeHolders::Load(std::filesystem::path(DOSSIER_SAMPLES_DIR).parent_path().string() + "/data", &error);
  ASSERT_TRUE(kb) << error;
  EXPECT_GT(kb->impl().terms.size(), 50u);
  EXPECT_TRUE(kb->impl().phrases.count("the us president"));
  EXPECT_TRUE(kb->impl().phrases.count("his ukrainian counterpart"));
}

}  // namespace
}  // namespace dossier
