#include "output/entity_render.h"

#include <algorithm>
#include <vector>

namespace dossier {

void RenderEntities(const Document& doc, bool markdown, std::string* out) {
  if (doc.entities.empty()) return;
  auto rank = [](EntityType t) {
    switch (t) {
      case EntityType::kPerson: return 0;
      case EntityType::kOrganization: return 1;
      case EntityType::kLocation: return 2;
      default: return 3;
    }
  };
  std::vector<const Entity*> order;
  for (const Entity& e : doc.entities) order.push_back(&e);
  std::stable_sort(order.begin(), order.end(), [&](const Entity* a, const Entity* b) {
    if (rank(a->type) != rank(b->type)) return rank(a->type) < rank(b->type);
    return a->mentions.size() > b->mentions.size();
  });
  out->append(markdown ? "\n## Entities\n\n" : "\n-- Entities\n");
  for (const Entity* e : order) {
    out->append(markdown ? "- **" : "  ");
    out->append(e->name);
    out->append(markdown ? "** (" : " (");
    out->append(EntityTypeName(e->type));
    out->append(", ");
    out->append(std::to_string(e->mentions.size()));
    out->append(e->mentions.size() == 1 ? " mention)" : " mentions)");
    // The other names, canonical one excluded (aliases[0] is the canonical name).
    for (size_t i = 1; i < e->aliases.size(); ++i) {
      out->append(i == 1 ? ": " : ", ");
      out->append(e->aliases[i]);
    }
    out->push_back('\n');
  }
}

}  // namespace dossier
