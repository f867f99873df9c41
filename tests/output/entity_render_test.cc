// The Entities section of the renderings for people: order, counts, aliases, both formats.
#include <gtest/gtest.h>

#include <string>

#include "output/entity_render.h"

namespace dossier {
namespace {

Document TwoEntities() {
  Document doc;
  doc.text = "Kyiv. Donald Trump met Mr Trump. Trump left.";
  Entity place;
  place.type = EntityType::kLocation;
  place.name = "Kyiv";
  place.aliases = {"Kyiv"};
  place.mentions = {{{0, 4}, 0}};
  Entity person;
  person.type = EntityType::kPerson;
  person.name = "Donald Trump";
  person.aliases = {"Donald Trump", "Mr Trump", "Trump"};
  person.mentions = {{{6, 18}, 1}, {{23, 31}, 2}, {{33, 38}, 3}};
  doc.entities = {place, person};
  return doc;
}

TEST(RenderEntities, PeopleFirstWithCountsAndOtherNames) {
  std::string out;
  RenderEntities(TwoEntities(), false, &out);
  EXPECT_EQ(out,
            "\n-- Entities\n"
            "  Donald Trump (PER, 3 mentions): Mr Trump, Trump\n"
            "  Kyiv (LOC, 1 mention)\n");
}

TEST(RenderEntities, Markdown) {
  std::string out;
  RenderEntities(TwoEntities(), true, &out);
  EXPECT_EQ(out,
            "\n## Entities\n\n"
            "- **Donald Trump** (PER, 3 mentions): Mr Trump, Trump\n"
            "- **Kyiv** (LOC, 1 mention)\n");
}

TEST(RenderEntities, NothingWithoutEntities) {
  std::string out;
  RenderEntities(Document{}, false, &out);
  EXPECT_TRUE(out.empty());
}

}  // namespace
}  // namespace dossier
