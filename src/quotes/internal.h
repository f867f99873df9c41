// Shared by the parts of the quote stage: the token view of a document they all read, the pairs
// of quotation marks, and the steps (marks.cc, attribution.cc, speakers.cc).
#ifndef DOSSIER_QUOTES_INTERNAL_H_
#define DOSSIER_QUOTES_INTERNAL_H_

#include <cstdint>
#include <vector>

#include "dossier/document.h"
#include "quotes/lexicon.h"

namespace dossier::quotes {

inline constexpr uint32_t kNone = 0xFFFFFFFFu;

// What a quotation-mark token is.
enum class Mark : uint8_t { kNotMark, kOpenDouble, kCloseDouble, kOpenSingle, kCloseSingle,
                            kStraightDouble, kStraightSingle };

// A token-level view of the speech blocks of a document: each token's sentence, lexicon flags and
// mark kind, and whether a found attribution already uses it.
struct TokenView {
  const Document* doc = nullptr;
  const Lexicon* lex = nullptr;
  std::vector<uint32_t> sentence;  // token -> sentence index (kNone outside speech blocks)
  std::vector<uint32_t> flags;     // WordFlag bits of the lower-cased word
  std::vector<Mark> mark;
  std::vector<uint8_t> used;
  std::vector<uint8_t> cap;        // first letter upper case
  std::vector<uint8_t> in_mention; // inside an entity mention
  std::vector<uint8_t> doubled;    // a '' written for a double mark: this token and the next
  // Speech blocks in order: [first token, end token) and the block index.
  // Headings are in the view only for the "Name: words" headline form (colon_cue below).
  struct BlockRange { uint32_t block, begin, end; bool heading; };
  std::vector<BlockRange> blocks;
  std::vector<uint32_t> token_block;  // token -> index into `blocks` (kNone outside)

  bool IsPunct(uint32_t t, char c) const {
    const Token& k = doc->tokens[t];
    return k.span.size() == 1 && doc->text[k.span.begin] == c;
  }
  bool IsWord(uint32_t t) const {
    TokenKind k = doc->tokens[t].kind;
    return k == TokenKind::kWord || k == TokenKind::kNumber || k == TokenKind::kHandle;
  }
  uint32_t SentenceBegin(uint32_t t) const { return doc->sentences[sentence[t]].first_token; }
  uint32_t SentenceEnd(uint32_t t) const {
    const Sentence& s = doc->sentences[sentence[t]];
    return s.first_token + s.token_count;
  }
  Span TokenSpan(uint32_t first, uint32_t end) const {  // tokens [first, end)
    return {doc->tokens[first].span.begin, doc->tokens[end - 1].span.end};
  }
};

TokenView BuildTokenView(const Document& doc, const Lexicon& lex);

// A pair of quotation marks (or an opening mark left open to the end of its paragraph).
struct MarkPair {
  uint32_t open = 0;    // the opening mark's token
  uint32_t close = 0;   // the closing mark's token; for an unclosed quote the paragraph's last token
  bool closed = true;
  bool single = false;  // ‘…’ at the top level (single marks inside double ones are not pairs here)
  uint32_t words = 0;   // word tokens inside
};
std::vector<MarkPair> PairQuoteMarks(const TokenView& v);

// A quote before speaker resolution: token positions kept for the coreference step.
struct Found {
  Quote quote;
  uint32_t sentence = 0;          // where the speaker (or the quote) is
  uint32_t block = 0;             // index into TokenView::blocks of the content's start
  uint32_t speaker_first = kNone; // the speaker's tokens, kNone when none
  uint32_t speaker_end = kNone;
};
std::vector<Found> FindAttributions(TokenView& v, const std::vector<MarkPair>& pairs);

void ResolveSpeakers(const TokenView& v, const Lexicon& lex, const std::vector<MarkPair>& pairs,
                     std::vector<Found>* found);

}  // namespace dossier::quotes

#endif  // DOSSIER_QUOTES_INTERNAL_H_
