#include "ner/evaluate.h"

#include <cstdio>
#include <set>
#include <tuple>

namespace dossier::ner {

namespace {
void Prf(long c, long p, long g, double* P, double* R, double* F) {
  *P = p ? 100.0 * c / p : 0.0;
  *R = g ? 100.0 * c / g : 0.0;
  *F = *P + *R > 0 ? 2 * *P * *R / (*P + *R) : 0.0;
}
}  // namespace

void NerScores::Add(const NerDoc& doc, const std::vector<int>& pred) {
  for (size_t s = 0; s < doc.sentences(); ++s) {
    const uint32_t b = doc.SentenceBegin(s), e = doc.SentenceEnd(s);
    std::set<std::tuple<uint32_t, uint32_t, int>> gold_set;
    for (const Phrase& p : PhrasesFromLabels(doc.gold.data() + b, e - b)) {
      ++gold[p.type];
      gold_set.insert({p.first, p.last, p.type});
    }
    for (const Phrase& p : PhrasesFromLabels(pred.data() + b, e - b)) {
      ++predicted[p.type];
      correct[p.type] += gold_set.count({p.first, p.last, p.type}) ? 1 : 0;
    }
    for (uint32_t t = b; t < e; ++t) {
      ++tokens;
      tokens_right += Iob2Tag(doc.gold[t]) == Iob2Tag(pred[t]);
    }
  }
}

double NerScores::F1() const {
  long g = 0, p = 0, c = 0;
  for (int t = 0; t < kTypes; ++t) g += gold[t], p += predicted[t], c += correct[t];
  double P, R, F;
  Prf(c, p, g, &P, &R, &F);
  return F;
}

std::string NerScores::Table() const {
  std::string out = "| type | gold | predicted | correct | P | R | F1 |\n|---|---:|---:|---:|---:|---:|---:|\n";
  char line[256];
  long g = 0, p = 0, c = 0;
  // Alphabetical, as the scorer prints them.
  for (int t : {1, 3, 2, 0}) {
    double P, R, F;
    Prf(correct[t], predicted[t], gold[t], &P, &R, &F);
    std::snprintf(line, sizeof(line), "| %s | %ld | %ld | %ld | %.2f | %.2f | %.2f |\n",
                  std::string(TypeName(t)).c_str(), gold[t], predicted[t], correct[t], P, R, F);
    out += line;
    g += gold[t], p += predicted[t], c += correct[t];
  }
  double P, R, F;
  Prf(c, p, g, &P, &R, &F);
  std::snprintf(line, sizeof(line), "| **overall** | %ld | %ld | %ld | **%.2f** | **%.2f** | **%.2f** |\n", g, p, c, P,
                R, F);
  out += line;
  std::snprintf(line, sizeof(line), "\nToken accuracy: %.2f%% (%ld tokens)\n",
                tokens ? 100.0 * tokens_right / tokens : 0.0, tokens);
  out += line;
  return out;
}

}  // namespace dossier::ner
