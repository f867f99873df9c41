#include "pipeline/line_sentences.h"

namespace dossier {

LineSentences::LineSentences(bool keep, size_t lines) {
  if (keep) kept_.resize(lines);
}

void LineSentences::Spans(size_t index, std::string_view line, std::vector<Span>* out) {
  const bool keep = !kept_.empty();
  if (!keep) {
    tokens_.clear();
    ranges_.clear();
  }
  const size_t first_token = tokens_.size(), first_range = ranges_.size();
  Tokenize(line, 0, &tokens_);
  // SplitSentences appends; its ranges count from the first token it is given.
  SplitSentences(line, 0, tokens_.data() + first_token, tokens_.size() - first_token, &ranges_);
  const Token* t = tokens_.data() + first_token;
  for (size_t r = first_range; r < ranges_.size(); ++r)
    if (ranges_[r].count > 0) out->push_back({t[ranges_[r].first].span.begin, t[ranges_[r].first + ranges_[r].count - 1].span.end});
  if (keep) {
    Kept& k = kept_[index];
    k.first_token = static_cast<uint32_t>(first_token);
    k.token_count = static_cast<uint32_t>(tokens_.size() - first_token);
    k.first_range = static_cast<uint32_t>(first_range);
    k.range_count = static_cast<uint32_t>(ranges_.size() - first_range);
    k.valid = true;
  }
}

void LineSentences::Forget(size_t index) {
  if (index < kept_.size()) kept_[index].valid = false;
}

bool LineSentences::Take(size_t index, uint32_t base, std::vector<Token>* tokens,
                         std::vector<TokenRange>* ranges) const {
  if (index >= kept_.size() || !kept_[index].valid) return false;
  const Kept& k = kept_[index];
  for (uint32_t i = 0; i < k.token_count; ++i) {
    Token t = tokens_[k.first_token + i];
    t.span.begin += base;
    t.span.end += base;
    tokens->push_back(t);
  }
  ranges->assign(ranges_.begin() + k.first_range, ranges_.begin() + k.first_range + k.range_count);
  return true;
}

}  // namespace dossier
