// Names of the model's enums back to values (the store keeps the JSON names, which are readable in
// SQL and identical to `dossier analyze`'s).
#ifndef DOSSIER_STORE_ENUM_NAMES_H_
#define DOSSIER_STORE_ENUM_NAMES_H_

#include <string_view>

#include "dossier/document.h"

namespace dossier::store {

// Finds the value of an enum with values 0..count-1 whose name is `name`; false if none.
template <typename Enum>
bool EnumFromName(std::string_view name, std::string_view (*to_name)(Enum), int count, Enum* out) {
  for (int i = 0; i < count; ++i) {
    const Enum e = static_cast<Enum>(i);
    if (to_name(e) == name) {
      *out = e;
      return true;
    }
  }
  return false;
}

inline bool BlockKindFromName(std::string_view n, BlockKind* k) { return EnumFromName(n, BlockKindName, 7, k); }
inline bool EntityTypeFromName(std::string_view n, EntityType* t) { return EnumFromName(n, EntityTypeName, 4, t); }
inline bool QuoteTypeFromName(std::string_view n, QuoteType* t) { return EnumFromName(n, QuoteTypeName, 3, t); }
inline bool TimexTypeFromName(std::string_view n, TimexType* t) { return EnumFromName(n, TimexTypeName, 4, t); }
inline bool AmountKindFromName(std::string_view n, AmountKind* k) { return EnumFromName(n, AmountKindName, 6, k); }

}  // namespace dossier::store

#endif  // DOSSIER_STORE_ENUM_NAMES_H_
