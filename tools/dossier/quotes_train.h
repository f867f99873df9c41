// `dossier train quotes --data POLNEAR.jsonl[.gz] --out models/quotes.model`: the quote tagger
// (src/quotes/tagger.h), trained on PolNeAR train deterministically from a seed.
#ifndef DOSSIER_TOOLS_QUOTES_TRAIN_H_
#define DOSSIER_TOOLS_QUOTES_TRAIN_H_

#include <cstdint>
#include <string>

namespace dossier::cli {

struct QuotesTrainFlags {
  std::string data;
  std::string out = "models/quotes.model";
  std::string models, data_dir;  // the pipeline's models and word lists (default: the repository's)
  uint32_t seed = 1, epochs = 12, bits = 16;
  // "K:k": leave out the articles whose 0-based position in the file is k modulo K (to choose
  // settings on train without dev; bench/run_quotes.py --fold K:k scores those articles).
  std::string hold_out;
};
int RunQuotesTrain(const QuotesTrainFlags& flags);

}  // namespace dossier::cli

#endif  // DOSSIER_TOOLS_QUOTES_TRAIN_H_
