// The alias linker finds a mention's candidate clusters through an index of their members' words;
// the reference compares every mention with every cluster. On random documents drawn from names
// that exercise every rule (full names and surnames, first names, honorifics of both sexes,
// hyphenated surnames, acronyms, organisation tails, types the tagger got wrong) both must give
// the same entities, mention for mention.
#include <gtest/gtest.h>

#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "dossier/entity_linking.h"
#include "entities/linker_internal.h"

namespace dossier {
namespace {

std::string Describe(const Document& doc, const std::vector<Entity>& entities) {
  std::ostringstream out;
  for (const Entity& e : entities) {
    out << e.id << ' ' << EntityTypeName(e.type) << " [" << e.name << "]:";
    for (const auto& m : e.mentions) out << ' ' << m.span.begin << '-' << m.span.end << '/' << m.tagger_index;
    out << " aliases:";
    for (const auto& a : e.aliases) out << " [" << a << ']';
    out << '\n';
  }
  (void)doc;
  return out.str();
}

TEST(LinkerIndex, SameEntitiesAsScanningEveryCluster) {
  static const char* kNames[] = {
      "Donald Trump", "Trump", "Mr Trump", "Ms Trump", "Melania Trump", "Donald J. Trump", "Donald",
      "Sarah Jones-Smith", "Jones-Smith", "Smith", "Jones", "Mr Smith", "Anna Smith",
      "NATO", "North Atlantic Treaty Organization", "European Union", "EU", "Justice Department",
      "US Justice Department", "Department", "Sir John Marlow", "Marlow", "Ms Marlow", "Mr Marlow",
      "John", "Kirill Dmitriev", "Dmitriev", "Dan Driscoll", "Army Secretary Dan Driscoll", "Driscoll",
      "Washington", "Lord Mandelson", "Mandelson", "Peter Mandelson", "Trump Tower", "Mill Lane",
      "Mr Lane", "Epstein", "Jeffrey Epstein", "Dame Judi Dench", "Dench", "Judi", "BBC",
      "British Broadcasting Corporation", "Mrs Smith", "Witkoff-Dmitriev", "Steve Witkoff", "Witkoff"};
  const EntityType kTypes[] = {EntityType::kPerson, EntityType::kLocation, EntityType::kOrganization,
                               EntityType::kMisc};
  std::mt19937 rng(11);
  for (int round = 0; round < 200; ++round) {
    Document doc;
    std::vector<EntityMention> mentions;
    const int n = 1 + static_cast<int>(rng() % 60);
    for (int k = 0; k < n; ++k) {
      doc.text += (rng() % 3 == 0) ? "Then " : "And ";
      const std::string name = kNames[rng() % std::size(kNames)];
      EntityMention m;
      m.span = {static_cast<uint32_t>(doc.text.size()), static_cast<uint32_t>(doc.text.size() + name.size())};
      m.type = rng() % 3 == 0 ? kTypes[rng() % 4] : EntityType::kPerson;
      doc.text += name;
      doc.text += (rng() % 2) ? " said so. " : "'s plan went on. ";
      mentions.push_back(m);
    }
    const std::vector<Entity> fast = LinkEntities(doc, mentions);
    const std::vector<Entity> reference = entities_internal::LinkEntitiesScanningEveryCluster(doc, mentions, {});
    ASSERT_EQ(Describe(doc, fast), Describe(doc, reference)) << "round " << round << ": " << doc.text;
  }
}

// Many people sharing a surname and many clusters: still the reference's answer.
TEST(LinkerIndex, ManyClustersSameAnswers) {
  Document doc;
  std::vector<EntityMention> mentions;
  auto add = [&](const std::string& name, EntityType type) {
    EntityMention m;
    m.span = {static_cast<uint32_t>(doc.text.size()), static_cast<uint32_t>(doc.text.size() + name.size())};
    m.type = type;
    doc.text += name + " spoke. ";
    mentions.push_back(m);
  };
  const char* first[] = {"Anna", "Ben", "Carl", "Dora", "Emil", "Fay", "Gus", "Hana"};
  const char* last[] = {"Abel", "Brand", "Cole", "Dunn", "Ede", "Ford", "Gale", "Hart", "Ives", "Judd"};
  for (int k = 0; k < 400; ++k) {
    add(std::string(first[k % 8]) + " " + last[(k * 7) % 10], EntityType::kPerson);
    add(std::string(last[(k * 3) % 10]), EntityType::kPerson);
    add(std::string(first[(k * 5) % 8]), EntityType::kPerson);
    if (k % 9 == 0) add(std::string("Mr ") + last[k % 10], EntityType::kPerson);
  }
  const std::vector<Entity> fast = LinkEntities(doc, mentions);
  EXPECT_EQ(Describe(doc, fast), Describe(doc, entities_internal::LinkEntitiesScanningEveryCluster(doc, mentions, {})));
  EXPECT_GT(fast.size(), 10u);
}

}  // namespace
}  // namespace dossier
