#include "ner/viterbi.h"

namespace dossier::ner {

const TransitionTable& Transitions() {
  static const TransitionTable table;
  return table;
}

}  // namespace dossier::ner
