// The alias linker's reference path, for tests: LinkEntities compares each mention only with the
// clusters an index of their words gives; this compares it with every cluster of the document
// (quadratic, the way the linker worked before the index). Both must give the same entities.
#ifndef DOSSIER_ENTITIES_LINKER_INTERNAL_H_
#define DOSSIER_ENTITIES_LINKER_INTERNAL_H_

#include <vector>

#include "dossier/entity_linking.h"

namespace dossier::entities_internal {

std::vector<Entity> LinkEntitiesScanningEveryCluster(const Document& doc, const std::vector<EntityMention>& mentions,
                                                     const LinkingKnowledge& knowledge);

}  // namespace dossier::entities_internal

#endif  // DOSSIER_ENTITIES_LINKER_INTERNAL_H_
