#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "dossier/entity_linking.h"
#include "entities/names.h"

namespace dossier {
namespace {

using T = EntityType;

// A document whose tagger mentions are given by hand: (surface, type, occurrence of the surface).
struct Given {
  std::string surface;
  T type;
  int occurrence = 0;
};

Document Doc(const std::string& text) {
  Document d;
  d.text = text;
  return d;
}

std::vector<EntityMention> Mentions(const Document& doc, const std::vector<Given>& given) {
  std::vector<EntityMention> out;
  for (const auto& g : given) {
    size_t at = 0;
    for (int k = 0;; ++k) {
      at = doc.text.find(g.surface, k == 0 ? 0 : at + 1);
      EXPECT_NE(at, std::string::npos) << g.surface;
      if (k == g.occurrence) break;
    }
    EntityMention m;
    m.type = g.type;
    m.span = {static_cast<uint32_t>(at), static_cast<uint32_t>(at + g.surface.size())};
    out.push_back(m);
  }
  std::sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.span.begin < b.span.begin; });
  return out;
}

std::vector<std::string> Surfaces(const Document& doc, const Entity& e) {
  std::vector<std::string> out;
  for (const auto& m : e.mentions) out.emplace_back(doc.Text(m.span));
  return out;
}

TEST(NameForms, TitlesAreStrippedAndInitialsJoined) {
  EXPECT_EQ(entities::ParseName("Sir Keir Starmer").Joined(), "Keir Starmer");
  EXPECT_EQ(entities::ParseName("Mr Trump").Joined(), "Trump");
  EXPECT_EQ(entities::ParseName("Army Secretary Dan Driscoll").Joined(), "Dan Driscoll");
  EXPECT_EQ(entities::ParseName("Secretary of State Marco Rubio").Joined(), "Marco Rubio");
  EXPECT_EQ(entities::ParseName("US President Donald Trump").Joined(), "Donald Trump");
  EXPECT_EQ(entities::ParseName("US President Donald Trump").title, "us president");
  EXPECT_EQ(entities::ParseName("J.D. Vance").Joined(), "JD Vance");
  EXPECT_EQ(entities::ParseName("the European Union", false).Joined(), "European Union");
  EXPECT_EQ(entities::ParseName("US Justice Department", false).Joined(), "US Justice Department");
  EXPECT_EQ(entities::ParseName("General Motors", false).Joined(), "General Motors");
  EXPECT_EQ(entities::ParseName("President").Joined(), "President");  // nothing but a title: kept
  EXPECT_EQ(entities::Acronym(entities::ParseName("North Atlantic Treaty Organization")), "NATO");
}

TEST(LinkEntities, PersonWithTitlesSurnameAndFullName) {
  Document doc = Doc(
      "Donald Trump met the press. Mr Trump said he was pleased. Trump later left. "
      "Sir Keir Starmer spoke next, and Starmer said little.");
  auto mentions = Mentions(doc, {{"Donald Trump", T::kPerson}, {"Mr Trump", T::kPerson},
                                 {"Trump", T::kPerson, 2}, {"Sir Keir Starmer", T::kPerson},
                                 {"Starmer", T::kPerson, 1}});
  auto entities = LinkEntities(doc, mentions);
  ASSERT_EQ(entities.size(), 2u);
  EXPECT_EQ(entities[0].name, "Donald Trump");
  EXPECT_EQ(entities[0].mentions.size(), 3u);
  EXPECT_EQ(entities[0].aliases, (std::vector<std::string>{"Donald Trump", "Mr Trump", "Trump"}));
  EXPECT_EQ(entities[1].name, "Keir Starmer");
  EXPECT_EQ(Surfaces(doc, entities[1]), (std::vector<std::string>{"Sir Keir Starmer", "Starmer"}));
  EXPECT_EQ(entities[0].id, 0u);
  EXPECT_EQ(entities[1].id, 1u);
}

TEST(LinkEntities, TwoPeopleSharingASurnameAreNeverMerged) {
  Document doc = Doc(
      "Donald Trump spoke first. Melania Trump arrived later. Trump waved.");
  auto mentions = Mentions(doc, {{"Donald Trump", T::kPerson}, {"Melania Trump", T::kPerson},
                                 {"Trump", T::kPerson, 2}});
  auto entities = LinkEntities(doc, mentions);
  ASSERT_EQ(entities.size(), 2u);
  EXPECT_EQ(entities[0].name, "Donald Trump");
  EXPECT_EQ(entities[1].name, "Melania Trump");
  // The bare surname goes to the one mentioned last before it, never merging the two.
  EXPECT_EQ(entities[0].mentions.size(), 1u);
  EXPECT_EQ(entities[1].mentions.size(), 2u);
}

TEST(LinkEntities, FirstNameAndHyphenatedSurname) {
  Document doc = Doc(
      "Andrew Mountbatten-Windsor was asked to testify. Andrew declined; Mountbatten-Windsor's "
      "lawyers said nothing.");
  auto mentions = Mentions(doc, {{"Andrew Mountbatten-Windsor", T::kPerson}, {"Andrew", T::kPerson, 1},
                                 {"Mountbatten-Windsor", T::kPerson, 1}});
  auto entities = LinkEntities(doc, mentions);
  ASSERT_EQ(entities.size(), 1u);
  EXPECT_EQ(entities[0].mentions.size(), 3u);
}

TEST(LinkEntities, AcronymsAndTailsOfOrganisations) {
  Document doc = Doc(
      "The European Union and NATO met. The EU said the US Justice Department and the Justice "
      "Department's lawyers agreed.");
  auto mentions = Mentions(doc, {{"European Union", T::kOrganization}, {"NATO", T::kOrganization},
                                 {"EU", T::kOrganization}, {"US Justice Department", T::kOrganization},
                                 {"Justice Department", T::kOrganization, 1}});
  auto entities = LinkEntities(doc, mentions);
  ASSERT_EQ(entities.size(), 3u);
  EXPECT_EQ(entities[0].name, "European Union");
  EXPECT_EQ(Surfaces(doc, entities[0]), (std::vector<std::string>{"European Union", "EU"}));
  EXPECT_EQ(entities[1].name, "NATO");
  EXPECT_EQ(entities[2].name, "US Justice Department");
  EXPECT_EQ(entities[2].mentions.size(), 2u);
}

TEST(LinkEntities, InconsistentTypesOfOneNameAreUnified) {
  Document doc = Doc("Reuters reported it. Reuters said so. Reuters confirmed.");
  auto mentions = Mentions(doc, {{"Reuters", T::kOrganization, 0}, {"Reuters", T::kPerson, 1},
                                 {"Reuters", T::kOrganization, 2}});
  auto entities = LinkEntities(doc, mentions);
  ASSERT_EQ(entities.size(), 1u);
  EXPECT_EQ(entities[0].type, T::kOrganization);
}

TEST(LinkEntities, DescriptionsTiedByTitleOrApposition) {
  Document doc = Doc(
      "US President Donald Trump met Volodymyr Zelenskyy, the Ukrainian leader, on Friday. "
      "The US president said talks went well, and the Ukrainian leader agreed.");
  auto mentions = Mentions(doc, {{"Donald Trump", T::kPerson}, {"Volodymyr Zelenskyy", T::kPerson}});
  auto entities = LinkEntities(doc, mentions);
  ASSERT_EQ(entities.size(), 2u);
  EXPECT_EQ(Surfaces(doc, entities[0]), (std::vector<std::string>{"Donald Trump", "The US president"}));
  EXPECT_EQ(Surfaces(doc, entities[1]),
            (std::vector<std::string>{"Volodymyr Zelenskyy", "the Ukrainian leader", "the Ukrainian leader"}));
  EXPECT_EQ(entities[0].mentions[1].tagger_index, -1);
}

TEST(LinkEntities, ADescriptionTiedToTwoPeopleIsDropped) {
  Document doc = Doc(
      "Ann Lee, the party leader, spoke. Bob Ray, the party leader, replied. The party leader left.");
  auto mentions = Mentions(doc, {{"Ann Lee", T::kPerson}, {"Bob Ray", T::kPerson}});
  auto entities = LinkEntities(doc, mentions);
  ASSERT_EQ(entities.size(), 2u);
  EXPECT_EQ(entities[0].mentions.size(), 1u);
  EXPECT_EQ(entities[1].mentions.size(), 1u);
}

TEST(LinkEntities, NoMentionsNoEntities) {
  Document doc = Doc("Nothing named here.");
  EXPECT_TRUE(LinkEntities(doc, {}).empty());
}

}  // namespace
}  // namespace dossier
