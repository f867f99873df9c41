#include "pipeline/line_sentences.h"

namespace dossier {

void LineSentences::Spans(std::string_view line, std::vector<Span>* out) {
  tokens_.clear();
  ranges_.clear();
  Tokenize(line, 0, &tokens_);
  SplitSentences(line, 0, tokens_.data(), tokens_.size(), &ranges_);
  for (const TokenRange& r : ranges_)
    if (r.count > 0) out->push_back({tokens_[r.first].span.begin, tokens_[r.first + r.count - 1].span.end});
}

}  // namespace dossier
