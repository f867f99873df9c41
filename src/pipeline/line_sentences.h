// Sentence spans of the lines of a crude-text input, before the canonical text exists.
//
// The repeated-sentence finder needs the sentences of the article lines before the text is built;
// their tokens are not kept. A scrape that repeats itself loses most of its text to erased repeats,
// and holding the tokens of every line until then cost more memory than anything else at the peak
// (12 bytes a token, about one token per 4.5 bytes). The document's tokens are made afterwards from
// the blocks of the canonical text; a block's text is its line's final text and the tokenizer and
// the sentence splitter look at nothing outside the text they are given, so the spans found here
// are those of the document's sentences of unedited lines.
#ifndef DOSSIER_PIPELINE_LINE_SENTENCES_H_
#define DOSSIER_PIPELINE_LINE_SENTENCES_H_

#include <string_view>
#include <vector>

#include "dossier/document.h"
#include "dossier/text.h"

namespace dossier {

class LineSentences {
 public:
  // Appends the line-local byte spans of the sentences of `line`, in order (empty sentences left out).
  void Spans(std::string_view line, std::vector<Span>* out);

 private:
  std::vector<Token> tokens_;  // scratch, reused from line to line
  std::vector<TokenRange> ranges_;
};

}  // namespace dossier

#endif  // DOSSIER_PIPELINE_LINE_SENTENCES_H_
