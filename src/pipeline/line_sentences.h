// Sentence spans of the lines of a crude-text input, before the canonical text exists.
//
// The repeated-sentence finder needs the sentences of the article lines before the text is built.
// A scrape that repeats itself loses most of its text to erased repeats, and holding the tokens of
// every line until then cost more memory than anything else at the peak (12 bytes a token, about
// one token per 4.5 bytes). So for a large input the tokens are not kept: the document's tokens are
// made afterwards from the blocks of the canonical text. A block's text is its line's final text
// and the tokenizer and the sentence splitter look at nothing outside the text they are given, so
// the tokens and sentences found here are the document's for every line that no erasure changed.
// For a small input (`keep`), they are kept and handed to the document for those lines instead of
// tokenising them a second time (about 8 % of the foundation's instructions); the memory this
// holds is bounded by the input size the caller allows it for.
#ifndef DOSSIER_PIPELINE_LINE_SENTENCES_H_
#define DOSSIER_PIPELINE_LINE_SENTENCES_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "dossier/document.h"
#include "dossier/text.h"

namespace dossier {

class LineSentences {
 public:
  // `keep`: remember each line's tokens and sentences for Take; `lines`: how many lines there are.
  LineSentences(bool keep, size_t lines);

  // Appends the line-local byte spans of the sentences of line `index` (text `line`), in order
  // (empty sentences left out).
  void Spans(size_t index, std::string_view line, std::vector<Span>* out);

  // The line's text has changed since Spans: what was kept of it is no longer its tokens.
  void Forget(size_t index);

  // If the line's tokens and sentences were kept (and not forgotten): appends its tokens, shifted
  // to start at `base` in the document's text, to `tokens`, sets `ranges` to its sentences
  // (indices from its first token, as SplitSentences gives them) and returns true.
  bool Take(size_t index, uint32_t base, std::vector<Token>* tokens, std::vector<TokenRange>* ranges) const;

 private:
  struct Kept {
    uint32_t first_token = 0, token_count = 0;
    uint32_t first_range = 0, range_count = 0;
    bool valid = false;
  };
  std::vector<Token> tokens_;  // scratch, or every kept line's tokens one after another
  std::vector<TokenRange> ranges_;
  std::vector<Kept> kept_;  // by line; empty unless keeping
};

}  // namespace dossier

#endif  // DOSSIER_PIPELINE_LINE_SENTENCES_H_
