// Corpus entities: document entities merged across documents, on hand-made summaries.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "dossier/corpus_entities.h"

namespace dossier {
namespace {

using T = EntityType;

EntitySummary E(uint32_t id, T type, const std::string& name, std::vector<std::pair<std::string, uint32_t>> surfaces) {
  EntitySummary s;
  s.entity = id;
  s.type = type;
  s.name = name;
  for (auto& [text, n] : surfaces) s.surfaces.push_back({text, n});
  return s;
}

// The corpus entities as sets of "document:entity" members, for order-free comparison.
std::set<std::set<std::string>> Groups(const std::vector<CorpusEntity>& es, const std::vector<std::string>& docs) {
  std::set<std::set<std::string>> out;
  for (const auto& e : es) {
    std::set<std::string> g;
    for (const auto& m : e.members) g.insert(docs[m.document] + ":" + std::to_string(m.entity));
    out.insert(g);
  }
  return out;
}

const CorpusEntity* Named(const std::vector<CorpusEntity>& es, const std::string& name) {
  for (const auto& e : es)
    if (e.name == name) return &e;
  return nullptr;
}

TEST(CorpusEntities, FullNamesAndAUniqueSurnameJoinAcrossDocuments) {
  CorpusEntityLinker linker;
  linker.Add({E(0, T::kPerson, "Donald Trump", {{"Donald Trump", 1}, {"Mr Trump", 3}, {"the US president", 1}})});
  linker.Add({E(0, T::kPerson, "Trump", {{"Mr Trump", 2}})});
  linker.Add({E(0, T::kPerson, "Donald J. Trump", {{"Donald J. Trump", 1}}),
              E(1, T::kPerson, "Keir Starmer", {{"Sir Keir Starmer", 1}, {"Starmer", 1}})});
  const auto es = linker.Link();
  ASSERT_EQ(es.size(), 2u);
  const CorpusEntity* trump = Named(es, "Donald Trump");
  ASSERT_NE(trump, nullptr);
  EXPECT_EQ(trump->id, 0u);
  EXPECT_EQ(trump->type, T::kPerson);
  EXPECT_EQ(trump->documents(), 3u);
  EXPECT_EQ(trump->mentions, 8u);
  EXPECT_EQ(trump->joined_by_name, 1u);     // "Donald J. Trump": first and last name
  EXPECT_EQ(trump->joined_by_surname, 1u);  // "Mr Trump" alone: the only Trump
  ASSERT_GE(trump->aliases.size(), 2u);
  EXPECT_EQ(trump->aliases[0].text, "Mr Trump");  // most used first
  EXPECT_EQ(trump->aliases[0].mentions, 5u);
  EXPECT_EQ(es[1].name, "Keir Starmer");
}

TEST(CorpusEntities, TwoPeopleSharingASurnameLeaveTheBareSurnameApart) {
  CorpusEntityLinker linker;
  linker.Add({E(0, T::kPerson, "Donald Trump", {{"Donald Trump", 2}})});
  linker.Add({E(0, T::kPerson, "Melania Trump", {{"Melania Trump", 1}, {"Mrs Trump", 1}})});
  linker.Add({E(0, T::kPerson, "Trump", {{"Trump", 4}})});
  linker.Add({E(3, T::kPerson, "Trump", {{"Mr Trump", 1}})});
  const std::vector<std::string> docs{"a", "b", "c", "d"};
  const auto es = linker.Link();
  EXPECT_EQ(Groups(es, docs), (std::set<std::set<std::string>>{{"a:0"}, {"b:0"}, {"c:0", "d:3"}}));
}

TEST(CorpusEntities, DescriptionsAreAliasesButNeverJoin) {
  CorpusEntityLinker linker;
  linker.Add({E(0, T::kPerson, "Joe Biden", {{"Joe Biden", 1}, {"the US president", 2}})});
  linker.Add({E(0, T::kPerson, "Donald Trump", {{"Donald Trump", 1}, {"the US president", 1}})});
  const auto es = linker.Link();
  ASSERT_EQ(es.size(), 2u);
  EXPECT_EQ(es[0].aliases[0].text, "the US president");
  EXPECT_EQ(es[0].aliases[0].mentions, 2u);
}

TEST(CorpusEntities, AnAliasJoinsOnlyWhenNoOtherNameHasIt) {
  const std::vector<std::string> docs{"a", "b", "c"};
  {
    CorpusEntityLinker linker;
    linker.Add({E(0, T::kOrganization, "European Union", {{"European Union", 1}, {"EU", 3}})});
    linker.Add({E(0, T::kOrganization, "EU", {{"EU", 2}})});
    const auto es = linker.Link();
    EXPECT_EQ(Groups(es, docs), (std::set<std::set<std::string>>{{"a:0", "b:0"}}));
    EXPECT_EQ(es[0].name, "European Union");
    EXPECT_EQ(es[0].joined_by_alias, 1u);
  }
  {
    CorpusEntityLinker linker;
    linker.Add({E(0, T::kOrganization, "European Union", {{"European Union", 1}, {"EU", 3}})});
    linker.Add({E(0, T::kOrganization, "EU", {{"EU", 2}})});
    linker.Add({E(0, T::kOrganization, "Equity Union", {{"Equity Union", 1}, {"EU", 1}})});
    EXPECT_EQ(Groups(linker.Link(), docs), (std::set<std::set<std::string>>{{"a:0"}, {"b:0"}, {"c:0"}}));
  }
}

TEST(CorpusEntities, PlacesTypedDifferentlyByTheTaggerAreOneAndPeopleStayPeople) {
  CorpusEntityLinker linker;
  linker.Add({E(0, T::kLocation, "Ukraine", {{"Ukraine", 5}}), E(1, T::kPerson, "Jordan", {{"Jordan", 1}})});
  linker.Add({E(0, T::kOrganization, "Ukraine", {{"Ukraine", 1}}), E(1, T::kLocation, "Jordan", {{"Jordan", 2}})});
  const std::vector<std::string> docs{"a", "b"};
  const auto es = linker.Link();
  EXPECT_EQ(Groups(es, docs), (std::set<std::set<std::string>>{{"a:0", "b:0"}, {"a:1"}, {"b:1"}}));
  EXPECT_EQ(Named(es, "Ukraine")->type, T::kLocation);  // most mentions
}

TEST(CorpusEntities, TheGroupsDoNotDependOnTheOrderOfDocuments) {
  std::vector<std::vector<EntitySummary>> docs{
      {E(0, T::kPerson, "Trump", {{"Mr Trump", 1}})},
      {E(0, T::kPerson, "Donald Trump", {{"Donald Trump", 1}}), E(1, T::kOrganization, "EU", {{"EU", 1}})},
      {E(0, T::kPerson, "Melania Trump", {{"Melania Trump", 1}})},
      {E(0, T::kOrganization, "European Union", {{"European Union", 1}, {"EU", 1}}),
       E(1, T::kPerson, "Starmer", {{"Starmer", 1}})},
      {E(0, T::kPerson, "Keir Starmer", {{"Keir Starmer", 1}})},
  };
  std::vector<int> order{0, 1, 2, 3, 4};
  std::set<std::set<std::string>> first;
  do {
    CorpusEntityLinker linker;
    std::vector<std::string> names;
    for (int d : order) {
      linker.Add(docs[d]);
      names.push_back(std::to_string(d));
    }
    auto groups = Groups(linker.Link(), names);
    if (first.empty()) first = groups;
    EXPECT_EQ(groups, first);
  } while (std::next_permutation(order.begin(), order.end()));
  EXPECT_TRUE(first.count({"3:0", "1:1"}));  // EU joined the European Union
  EXPECT_TRUE(first.count({"3:1", "4:0"}));  // Starmer joined the only Starmer
  EXPECT_TRUE(first.count({"0:0"}));         // Mr Trump: two Trumps, stays apart
}

TEST(CorpusEntities, JsonOfOneEntity) {
  CorpusEntityLinker linker;
  linker.Add({E(2, T::kPerson, "Ana \"Pat\" Lind", {{"Ana \"Pat\" Lind", 1}, {"Lind", 2}})});
  linker.Add({E(0, T::kPerson, "Lind", {{"Ms Lind", 1}})});
  const auto es = linker.Link();
  ASSERT_EQ(es.size(), 1u);
  std::string json;
  WriteCorpusEntityJson(es[0], {"a.txt", "b.txt"}, &json);
  EXPECT_EQ(json,
            "{\"id\":0,\"type\":\"PER\",\"name\":\"Ana \\\"Pat\\\" Lind\",\"aliases\":[{\"text\":\"Lind\","
            "\"mentions\":2},{\"text\":\"Ana \\\"Pat\\\" Lind\",\"mentions\":1},{\"text\":\"Ms Lind\",\"mentions\":1}],"
            "\"documents\":2,\"mentions\":4,\"evidence\":{\"same_name\":0,\"surname\":1,\"alias\":0},"
            "\"members\":[{\"document\":\"a.txt\",\"entity\":2},{\"document\":\"b.txt\",\"entity\":0}]}");
}

TEST(CorpusEntities, NothingAddedNothingOut) {
  CorpusEntityLinker linker;
  EXPECT_TRUE(linker.Link().empty());
  linker.Add({});
  EXPECT_TRUE(linker.Link().empty());
  EXPECT_EQ(linker.documents(), 1u);
}

}  // namespace
}  // namespace dossier
