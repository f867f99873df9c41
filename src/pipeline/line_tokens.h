// Tokens and sentences of the lines of a crude-text input, tokenised once.
//
// The repeated-sentence finder needs the sentences of the article lines before the canonical text
// exists; the document needs the tokens and sentences of every block afterwards, and a block is a
// line. So every line is tokenised once, here, with line-local spans; the few lines edited in
// between (a repeat erased) are tokenised again; and the tokens then move into the document,
// shifted to the canonical text. Tokenising a block of the canonical text gives exactly these
// tokens shifted, since a block's text is its line's text and the tokenizer and the sentence
// splitter look at nothing outside the text they are given.
#ifndef DOSSIER_PIPELINE_LINE_TOKENS_H_
#define DOSSIER_PIPELINE_LINE_TOKENS_H_

#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dossier/document.h"
#include "dossier/text.h"
#include "pipeline/line_store.h"

namespace dossier {

class LineTokens {
 public:
  // Tokenises and splits into sentences line i of `lines` for every i with want[i].
  void Build(const LineStore& lines, const std::vector<uint8_t>& want, size_t expected_tokens);

  // Line-local byte spans of the sentences of line i, in order (none if it was not tokenised).
  void SentenceSpans(size_t i, std::vector<Span>* out) const;

  // Line i's text changed after Build: tokenise it again.
  void Redo(size_t i, std::string_view text);

  // Moves the tokens into doc->tokens (line i's spans shifted by line_start[i]) and appends the
  // sentences to doc->sentences; block i is line i. Leaves this object empty.
  void MoveInto(const std::vector<uint32_t>& line_start, Document* doc);

 private:
  struct Redone {
    std::vector<Token> tokens;
    std::vector<TokenRange> ranges;
  };
  // Appends the tokens and sentence ranges of one line.
  static void TokenizeLine(std::string_view text, std::vector<Token>* tokens, std::vector<TokenRange>* ranges);
  // Tokens [first, first + count) of line i: from Build, or from Redo.
  const Token* LineTokensOf(size_t i, size_t* count) const;

  std::vector<Token> tokens_;            // line after line, line-local spans
  std::vector<uint32_t> token_offsets_;  // line i: tokens_[token_offsets_[i] .. token_offsets_[i + 1])
  std::vector<TokenRange> ranges_;       // sentences, as line-local token ranges
  std::vector<uint32_t> range_offsets_;  // line i: ranges_[range_offsets_[i] .. range_offsets_[i + 1])
  std::unordered_map<size_t, Redone> redone_;  // lines tokenised again
};

}  // namespace dossier

#endif  // DOSSIER_PIPELINE_LINE_TOKENS_H_
