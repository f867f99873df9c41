// Finds sentences that occur twice, byte for byte, in the article text of a document, and decides
// which copy a scraper inserted: a copy glued onto the end of another paragraph loses to one that
// stands as a paragraph of its own or inside the flow of one; otherwise the later copy is the repeat.
#ifndef DOSSIER_CRUDE_DUPLICATE_SENTENCES_H_
#define DOSSIER_CRUDE_DUPLICATE_SENTENCES_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "dossier/document.h"

namespace dossier {

struct LineSentence {
  uint32_t line;  // index of the line
  Span span;      // byte span within the line
};

struct SentenceRepeat {
  LineSentence kept;
  LineSentence repeat;
};

// `lines` are the texts; `sentences` the sentences of the article lines in reading order.
// Sentences shorter than five words are ignored (short stock phrases repeat legitimately).
std::vector<SentenceRepeat> FindRepeatedSentences(const std::vector<std::string_view>& lines,
                                                  const std::vector<LineSentence>& sentences);

}  // namespace dossier

#endif  // DOSSIER_CRUDE_DUPLICATE_SENTENCES_H_
