// The tagger's input: one document as a flat list of word strings cut into sentences. Built from a
// CoNLL file (conll_io.h) or from a Dossier Document (entities.h); the views point into storage
// the caller keeps alive.
#ifndef DOSSIER_NER_NER_DOC_H_
#define DOSSIER_NER_NER_DOC_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace dossier::ner {

struct NerDoc {
  std::vector<std::string_view> words;
  std::vector<uint32_t> sentence_starts;  // first word of each sentence, ascending
  std::vector<int> gold;                  // BILOU labels per word (training data only)

  size_t sentences() const { return sentence_starts.size(); }
  uint32_t SentenceBegin(size_t s) const { return sentence_starts[s]; }
  uint32_t SentenceEnd(size_t s) const {
    return s + 1 < sentence_starts.size() ? sentence_starts[s + 1] : static_cast<uint32_t>(words.size());
  }
};

}  // namespace dossier::ner

#endif  // DOSSIER_NER_NER_DOC_H_
