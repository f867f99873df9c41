// Phrase-level scoring of BILOU labels against gold (the conlleval rules of PROTOCOLS.md section 1,
// which agree with bench/score_conll.py on well-formed sequences): per-type and overall P/R/F1.
#ifndef DOSSIER_NER_EVALUATE_H_
#define DOSSIER_NER_EVALUATE_H_

#include <array>
#include <string>
#include <vector>

#include "ner/ner_doc.h"
#include "ner/tags.h"

namespace dossier::ner {

struct NerScores {
  std::array<long, kTypes> gold{}, predicted{}, correct{};
  long tokens = 0, tokens_right = 0;
  void Add(const NerDoc& doc, const std::vector<int>& predicted_labels);
  double F1() const;  // overall, percent
  std::string Table() const;  // markdown table like bench/score_conll.py
};

}  // namespace dossier::ner

#endif  // DOSSIER_NER_EVALUATE_H_
