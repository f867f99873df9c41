#include "pipeline/line_tokens.h"

#include <algorithm>
#include <cstring>

namespace dossier {

void LineTokens::TokenizeLine(std::string_view text, std::vector<Token>* tokens, std::vector<TokenRange>* ranges) {
  const size_t first = tokens->size();
  Tokenize(text, 0, tokens);
  SplitSentences(text, 0, tokens->data() + first, tokens->size() - first, ranges);
}

void LineTokens::Build(const LineStore& lines, const std::vector<uint8_t>& want, size_t expected_tokens) {
  tokens_.clear();
  tokens_.reserve(expected_tokens);
  ranges_.clear();
  token_offsets_.assign(1, 0);
  range_offsets_.assign(1, 0);
  redone_.clear();
  for (size_t i = 0; i < lines.size(); ++i) {
    if (want[i]) TokenizeLine(lines.text(i), &tokens_, &ranges_);
    token_offsets_.push_back(static_cast<uint32_t>(tokens_.size()));
    range_offsets_.push_back(static_cast<uint32_t>(ranges_.size()));
  }
}

const Token* LineTokens::LineTokensOf(size_t i, size_t* count) const {
  if (auto it = redone_.find(i); it != redone_.end()) {
    *count = it->second.tokens.size();
    return it->second.tokens.data();
  }
  *count = token_offsets_[i + 1] - token_offsets_[i];
  return tokens_.data() + token_offsets_[i];
}

void LineTokens::SentenceSpans(size_t i, std::vector<Span>* out) const {
  out->clear();
  size_t n = 0;
  const Token* t = LineTokensOf(i, &n);
  const TokenRange* r = ranges_.data() + range_offsets_[i];
  const TokenRange* end = ranges_.data() + range_offsets_[i + 1];
  if (auto it = redone_.find(i); it != redone_.end()) {
    r = it->second.ranges.data();
    end = r + it->second.ranges.size();
  }
  for (; r != end; ++r)
    if (r->count > 0) out->push_back({t[r->first].span.begin, t[r->first + r->count - 1].span.end});
}

void LineTokens::Redo(size_t i, std::string_view text) {
  Redone& r = redone_[i];
  r.tokens.clear();
  r.ranges.clear();
  TokenizeLine(text, &r.tokens, &r.ranges);
}

void LineTokens::MoveInto(const std::vector<uint32_t>& line_start, Document* doc) {
  const size_t lines = token_offsets_.size() - 1;
  // The redone lines replace their old tokens in place when every line still fits where the old
  // tokens were (erasing text seldom adds tokens); otherwise the array is rebuilt.
  bool in_place = true;
  size_t written = 0;
  for (size_t i = 0; i < lines && in_place; ++i) {
    size_t n = 0;
    LineTokensOf(i, &n);
    written += n;
    in_place = written <= token_offsets_[i + 1];
  }
  std::vector<Token> rebuilt;
  std::vector<Token>* out = &tokens_;
  if (!in_place) {
    rebuilt.reserve(written);
    out = &rebuilt;
  }
  size_t w = 0;
  doc->sentences.clear();
  for (size_t i = 0; i < lines; ++i) {
    size_t n = 0;
    const Token* src = LineTokensOf(i, &n);
    const uint32_t first = static_cast<uint32_t>(w);
    if (in_place) {
      if (src != out->data() + w && n > 0) std::memmove(out->data() + w, src, n * sizeof(Token));
    } else {
      out->insert(out->end(), src, src + n);
    }
    Token* t = out->data() + w;
    for (size_t k = 0; k < n; ++k) {
      t[k].span.begin += line_start[i];
      t[k].span.end += line_start[i];
    }
    w += n;
    const TokenRange* r = ranges_.data() + range_offsets_[i];
    const TokenRange* end = ranges_.data() + range_offsets_[i + 1];
    if (auto it = redone_.find(i); it != redone_.end()) {
      r = it->second.ranges.data();
      end = r + it->second.ranges.size();
    }
    for (; r != end; ++r) {
      if (r->count == 0) continue;
      Sentence s;
      s.first_token = first + r->first;
      s.token_count = r->count;
      s.span = {t[r->first].span.begin, t[r->first + r->count - 1].span.end};
      s.block = static_cast<uint32_t>(i);
      doc->sentences.push_back(s);
    }
  }
  out->resize(w);
  doc->tokens = std::move(*out);
  tokens_ = std::vector<Token>();
  ranges_ = std::vector<TokenRange>();
  redone_.clear();
}

}  // namespace dossier
