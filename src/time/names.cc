#include "dossier/document.h"

namespace dossier {

std::string_view TimexTypeName(TimexType type) {
  switch (type) {
    case TimexType::kDate: return "DATE";
    case TimexType::kTime: return "TIME";
    case TimexType::kDuration: return "DURATION";
    case TimexType::kSet: return "SET";
  }
  return "DATE";
}

std::string_view AmountKindName(AmountKind kind) {
  switch (kind) {
    case AmountKind::kMoney: return "money";
    case AmountKind::kCount: return "count";
    case AmountKind::kPercent: return "percent";
    case AmountKind::kOrdinal: return "ordinal";
    case AmountKind::kNumber: return "number";
    case AmountKind::kTally: return "tally";
  }
  return "number";
}

}  // namespace dossier
