#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "dossier/entity_linking.h"
#include "dossier/text.h"
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

TEST(LinkEntities, AnHonorificMakesAPersonAndPullsItsNamesakesAlong) {
  // The tagger called "Mr Trump" and one "Trump" organisations; the honorific settles it.
  Document doc = Doc("Mr Trump spoke. Trump said so. Trump left, and Mr Trump returned.");
  auto mentions = Mentions(doc, {{"Mr Trump", T::kOrganization, 0}, {"Trump", T::kOrganization, 1},
                                 {"Trump", T::kPerson, 2}, {"Mr Trump", T::kOrganization, 1}});
  auto entities = LinkEntities(doc, mentions);
  ASSERT_EQ(entities.size(), 1u);
  EXPECT_EQ(entities[0].type, T::kPerson);
  EXPECT_EQ(entities[0].name, "Trump");
  EXPECT_EQ(entities[0].mentions.size(), 4u);
}

TEST(LinkEntities, ATieBetweenTypesGoesToTheFirstMention) {
  Document doc = Doc("Zelenskyy wrote. Zelenskyy added.");
  auto mentions = Mentions(doc, {{"Zelenskyy", T::kPerson, 0}, {"Zelenskyy", T::kOrganization, 1}});
  auto entities = LinkEntities(doc, mentions);
  ASSERT_EQ(entities.size(), 1u);
  EXPECT_EQ(entities[0].type, T::kPerson);
}

TEST(LinkEntities, PossessivesAreNotPartOfTheName) {
  // A left single quote typed as an apostrophe, a right one, and a straight one.
  Document doc = Doc("Donald Trump\u2018s envoy met Trump\u2019s aide and Trump's lawyer.");
  auto mentions = Mentions(doc, {{"Donald Trump\u2018s", T::kPerson}, {"Trump\u2019s", T::kPerson},
                                 {"Trump's", T::kPerson}});
  auto entities = LinkEntities(doc, mentions);
  ASSERT_EQ(entities.size(), 1u);
  EXPECT_EQ(entities[0].name, "Donald Trump");
  EXPECT_EQ(Surfaces(doc, entities[0]), (std::vector<std::string>{"Donald Trump", "Trump", "Trump"}));
}

TEST(LinkEntities, PronounsTaggedAsNamesAreDropped) {
  Document doc = Doc("I\u2019m here, said Ann Lee. I'm not, said Bob.");
  auto mentions = Mentions(doc, {{"I\u2019m", T::kMisc}, {"Ann Lee", T::kPerson}, {"I'm", T::kPerson}});
  auto entities = LinkEntities(doc, mentions);
  ASSERT_EQ(entities.size(), 1u);
  EXPECT_EQ(entities[0].name, "Ann Lee");
}

TEST(LinkEntities, ATitleOnlyOnePersonCarriesMakesTheDescription) {
  Document doc = Doc(
      "President Trump and Vice President JD Vance spoke. Later the president left, the vice "
      "president stayed, and the president of the club said nothing.");
  auto mentions = Mentions(doc, {{"President Trump", T::kPerson}, {"Vice President JD Vance", T::kPerson}});
  auto entities = LinkEntities(doc, mentions);
  ASSERT_EQ(entities.size(), 2u);
  EXPECT_EQ(Surfaces(doc, entities[0]), (std::vector<std::string>{"President Trump", "the president"}));
  EXPECT_EQ(Surfaces(doc, entities[1]),
            (std::vector<std::string>{"Vice President JD Vance", "the vice president"}));
}

TEST(LinkEntities, ATitleTwoPeopleCarryIsNoDescription) {
  Document doc = Doc("President Trump met President Macron. The president said yes.");
  auto mentions = Mentions(doc, {{"President Trump", T::kPerson}, {"President Macron", T::kPerson}});
  auto entities = LinkEntities(doc, mentions);
  ASSERT_EQ(entities.size(), 2u);
  EXPECT_EQ(entities[0].mentions.size(), 1u);
  EXPECT_EQ(entities[1].mentions.size(), 1u);
}

TEST(LinkEntities, ASurnameTypedAsAPlaceIsTheNamedPerson) {
  Document doc = Doc("Jeffrey Epstein died in 2019. The Epstein files were released; Epstein's victims spoke.");
  auto mentions = Mentions(doc, {{"Jeffrey Epstein", T::kPerson}, {"Epstein", T::kLocation, 1},
                                 {"Epstein", T::kMisc, 2}});
  auto entities = LinkEntities(doc, mentions);
  ASSERT_EQ(entities.size(), 1u);
  EXPECT_EQ(entities[0].type, T::kPerson);
  EXPECT_EQ(Surfaces(doc, entities[0]), (std::vector<std::string>{"Jeffrey Epstein", "Epstein", "Epstein"}));
}

TEST(LinkEntities, APlaceSharingTwoPeoplesSurnameStaysAPlace) {
  Document doc = Doc("Ann Jordan and Bob Jordan flew to Jordan.");
  auto mentions = Mentions(doc, {{"Ann Jordan", T::kPerson}, {"Bob Jordan", T::kPerson},
                                 {"Jordan", T::kLocation, 2}});
  auto entities = LinkEntities(doc, mentions);
  ASSERT_EQ(entities.size(), 3u);
  EXPECT_EQ(entities[2].type, T::kLocation);
}

TEST(LinkEntities, AFullNameEndingInAnHonouredSurnameIsAPerson) {
  Document doc = Doc("Donald Trump met Mr Trump's aides at Trump Tower.");
  auto mentions = Mentions(doc, {{"Donald Trump", T::kOrganization}, {"Mr Trump", T::kPerson},
                                 {"Trump Tower", T::kLocation}});
  auto entities = LinkEntities(doc, mentions);
  ASSERT_EQ(entities.size(), 2u);
  EXPECT_EQ(entities[0].type, T::kPerson);
  EXPECT_EQ(Surfaces(doc, entities[0]), (std::vector<std::string>{"Donald Trump", "Mr Trump"}));
  EXPECT_EQ(entities[1].type, T::kLocation);
}

TEST(LinkEntities, ATitleLeftOutsideTheNameStillCounts) {
  Document doc = Doc("Only President Trump can do it, she said. The president agreed.");
  auto mentions = Mentions(doc, {{"Trump", T::kPerson}});
  auto entities = LinkEntities(doc, mentions);
  ASSERT_EQ(entities.size(), 1u);
  EXPECT_EQ(Surfaces(doc, entities[0]), (std::vector<std::string>{"Trump", "The president"}));
  EXPECT_EQ(entities::TitleWordBefore("said President Trump", 15), "president");
  EXPECT_EQ(entities::TitleWordBefore("said Mr Trump", 8), "");  // an honorific, not a role
  EXPECT_EQ(entities::TitleWordBefore("Trump", 0), "");
  EXPECT_EQ(entities::TitleWordBefore("by Vice President JD Vance", 18), "vice president");
}

TEST(LinkEntities, ABareTitleIsUniqueWithinItsStory) {
  // Two stories in one file: President Macron in the first, President Trump in the second.
  Document doc = Doc("President Macron spoke. The president left.\nPresident Trump spoke. The president left.");
  doc.blocks.push_back({{0, 43}, BlockKind::kBody});
  doc.blocks.back().story = 0;
  doc.blocks.push_back({{44, 86}, BlockKind::kBody});
  doc.blocks.back().story = 1;
  auto mentions = Mentions(doc, {{"Macron", T::kPerson}, {"Trump", T::kPerson}});
  auto entities = LinkEntities(doc, mentions);
  ASSERT_EQ(entities.size(), 2u);
  ASSERT_EQ(entities[0].mentions.size(), 2u);
  EXPECT_EQ(entities[0].mentions[1].span.begin, 24u);
  ASSERT_EQ(entities[1].mentions.size(), 2u);
  EXPECT_EQ(entities[1].mentions[1].span.begin, 67u);
}

TEST(LinkEntities, AHyphenatedPairOfSurnamesNamesBothPeople) {
  Document doc = Doc(
      "Steve Witkoff met Kirill Dmitriev. The Witkoff-Dmitriev plan followed the Trump-Putin summit, "
      "said Andrew Mountbatten-Windsor.");
  auto mentions = Mentions(doc, {{"Steve Witkoff", T::kPerson}, {"Kirill Dmitriev", T::kPerson},
                                 {"Witkoff-Dmitriev", T::kMisc}, {"Trump-Putin", T::kLocation},
                                 {"Andrew Mountbatten-Windsor", T::kPerson}});
  auto entities = LinkEntities(doc, mentions);
  ASSERT_EQ(entities.size(), 4u);
  EXPECT_EQ(Surfaces(doc, entities[0]), (std::vector<std::string>{"Steve Witkoff", "Witkoff"}));
  EXPECT_EQ(Surfaces(doc, entities[1]), (std::vector<std::string>{"Kirill Dmitriev", "Dmitriev"}));
  // Trump and Putin are not named in full: the pair stays as the tagger had it.
  EXPECT_EQ(Surfaces(doc, entities[2]), (std::vector<std::string>{"Trump-Putin"}));
  EXPECT_EQ(entities[3].name, "Andrew Mountbatten-Windsor");
}

TEST(LinkEntities, AnUntaggedHyphenatedPairOfSurnamesIsFoundToo) {
  // The tagger missed the pair used as a modifier; the linker finds it among the tokens. A pair
  // whose parts are not both surnames of people named in full ("Rolls-Royce") is left alone, and
  // so is a hyphenated name inside a tagged mention.
  Document doc = Doc(
      "Ana Pereira met Tomas Lind. Critics of the Pereira-Lind deal flew Rolls-Royce jets, said "
      "Maria Lind-Pereira.");
  Tokenize(doc.text, 0, &doc.tokens);
  auto mentions = Mentions(doc, {{"Ana Pereira", T::kPerson}, {"Tomas Lind", T::kPerson},
                                 {"Maria Lind-Pereira", T::kPerson}});
  auto entities = LinkEntities(doc, mentions);
  ASSERT_EQ(entities.size(), 3u);
  EXPECT_EQ(Surfaces(doc, entities[0]), (std::vector<std::string>{"Ana Pereira", "Pereira"}));
  EXPECT_EQ(Surfaces(doc, entities[1]), (std::vector<std::string>{"Tomas Lind", "Lind"}));
  EXPECT_EQ(Surfaces(doc, entities[2]), (std::vector<std::string>{"Maria Lind-Pereira"}));
}

TEST(LinkEntities, HonorificsKeepAFatherAndDaughterApart) {
  Document doc = Doc("Sir John Marlow and Helen Marlow spoke. Mr Marlow left; Ms Marlow stayed.");
  auto mentions = Mentions(doc, {{"Sir John Marlow", T::kPerson}, {"Helen Marlow", T::kPerson},
                                 {"Mr Marlow", T::kPerson}, {"Ms Marlow", T::kPerson}});
  auto entities = LinkEntities(doc, mentions);
  ASSERT_EQ(entities.size(), 2u);
  EXPECT_EQ(Surfaces(doc, entities[0]), (std::vector<std::string>{"Sir John Marlow", "Mr Marlow"}));
  EXPECT_EQ(Surfaces(doc, entities[1]), (std::vector<std::string>{"Helen Marlow", "Ms Marlow"}));
}

TEST(LinkEntities, AnHonorificLeftOutsideTheNameStillCounts) {
  Document doc = Doc("Sir John Marlow and Helen Marlow spoke. Mr Marlow left; Ms Marlow stayed.");
  auto mentions = Mentions(doc, {{"Sir John Marlow", T::kPerson}, {"Helen Marlow", T::kPerson},
                                 {"Marlow", T::kPerson, 2}, {"Marlow", T::kLocation, 3}});
  auto entities = LinkEntities(doc, mentions);
  ASSERT_EQ(entities.size(), 2u);
  EXPECT_EQ(Surfaces(doc, entities[0]), (std::vector<std::string>{"Sir John Marlow", "Marlow"}));
  EXPECT_EQ(Surfaces(doc, entities[1]), (std::vector<std::string>{"Helen Marlow", "Marlow"}));
  EXPECT_EQ(entities::HonorificBefore("said Ms Marlow", 8), "ms");
  EXPECT_EQ(entities::HonorificBefore("said Dr. Who", 9), "dr");
  EXPECT_EQ(entities::HonorificBefore("said Marlow", 5), "");
}

TEST(LinkEntities, AnAppositionWithAPostModifier) {
  Document doc = Doc(
      "Claire Dunmore, the first foreign minister to visit since the attack, spoke. Later the first "
      "foreign minister to visit left.");
  auto mentions = Mentions(doc, {{"Claire Dunmore", T::kPerson}});
  auto entities = LinkEntities(doc, mentions);
  ASSERT_EQ(entities.size(), 1u);
  EXPECT_EQ(Surfaces(doc, entities[0]),
            (std::vector<std::string>{"Claire Dunmore", "the first foreign minister", "the first foreign minister"}));
}

TEST(LinkEntities, APersonCannotEndInNewsOrFamily) {
  Document doc = Doc("He told Sky News that the Royal Family and Ann News agreed.");
  auto mentions = Mentions(doc, {{"Sky News", T::kPerson}, {"Royal Family", T::kPerson}, {"Ann News", T::kPerson}});
  auto entities = LinkEntities(doc, mentions);
  ASSERT_EQ(entities.size(), 3u);
  EXPECT_EQ(entities[0].type, T::kOrganization);
  EXPECT_EQ(entities[1].type, T::kOrganization);
  // The rule knows head words, not people: a person really named "News" is lost too.
  EXPECT_EQ(entities[2].type, T::kOrganization);
}

TEST(LinkEntities, APersonCannotEndInLaneOrFalls) {
  Document doc = Doc("Mill Lane flooded near Ashby Falls, and Mr Lane said so.");
  auto mentions = Mentions(doc, {{"Mill Lane", T::kPerson}, {"Ashby Falls", T::kPerson}, {"Mr Lane", T::kPerson}});
  auto entities = LinkEntities(doc, mentions);
  ASSERT_EQ(entities.size(), 3u);
  EXPECT_EQ(entities[0].type, T::kLocation);
  EXPECT_EQ(entities[1].type, T::kLocation);
  EXPECT_EQ(entities[2].type, T::kPerson);  // an honorific outweighs the head word
}

TEST(LinkEntities, NoMentionsNoEntities) {
  Document doc = Doc("Nothing named here.");
  EXPECT_TRUE(LinkEntities(doc, {}).empty());
}

}  // namespace
}  // namespace dossier
