// Training data for the quote tagger: PolNeAR articles (JSON Lines as in
// ../shared/data/nlp/PROTOCOLS.md section 2) read without a JSON library, and each analysed
// article's speech blocks labelled with the gold cue / source / content tokens.
#ifndef DOSSIER_QUOTES_TRAINING_H_
#define DOSSIER_QUOTES_TRAINING_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "quotes/tagger.h"

namespace dossier::quotes {

struct GoldAttribution {
  // [start, end) in code points of the article text, several pieces each.
  std::vector<std::pair<uint32_t, uint32_t>> source, cue, content;
};
struct GoldArticle {
  std::string id;
  std::string text;  // UTF-8
  std::vector<GoldAttribution> attributions;
};

// One article per non-empty line: {"id": ..., "text": ..., "attributions": [{"source": [[s, e]],
// "cue": [...], "content": [...], ...}], ...}; other members are skipped. False with the line
// number and a reason on malformed input.
bool ReadGoldArticles(std::string_view jsonl, std::vector<GoldArticle>* out, std::string* error);

// The speech blocks of an analysed article (its text run through the pipeline as crude text, so
// tokens map back to the text's bytes) with their features and gold labels. A token takes the
// role of the gold piece it overlaps (cue before source before content when several do), and
// begins a span where a new piece starts.
std::vector<SpanTagger::TrainingBlock> LabelledBlocks(const Document& doc, const GoldArticle& gold,
                                                      const Lexicon& lexicon);

}  // namespace dossier::quotes

#endif  // DOSSIER_QUOTES_TRAINING_H_
