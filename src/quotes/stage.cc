// The quote stage: marks paired, attributions found, speakers resolved (see dossier/quotes.h).
#include <fstream>
#include <sstream>

#include "dossier/quotes.h"
#include "quotes/internal.h"

namespace dossier {

std::string_view QuoteTypeName(QuoteType type) {
  switch (type) {
    case QuoteType::kDirect: return "direct";
    case QuoteType::kIndirect: return "indirect";
    case QuoteType::kMixed: return "mixed";
  }
  return "direct";
}

QuoteStage::QuoteStage() = default;
QuoteStage::~QuoteStage() = default;

std::unique_ptr<QuoteStage> QuoteStage::Load(const std::string& data_dir, std::string* error) {
  return FromFile(data_dir + "/quotes/en.cues", error);
}

std::unique_ptr<QuoteStage> QuoteStage::FromFile(const std::string& path, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = "cannot read the quote cues " + path;
    return nullptr;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  std::unique_ptr<QuoteStage> st(new QuoteStage());
  st->lexicon_ = std::make_unique<quotes::Lexicon>();
  std::string why;
  if (!st->lexicon_->Parse(ss.str(), &why)) {
    *error = path + ": " + why;
    return nullptr;
  }
  return st;
}

void QuoteStage::Annotate(Document* doc) const {
  doc->quotes.clear();
  if (doc->tokens.empty() || doc->sentences.empty()) return;
  quotes::TokenView view = quotes::BuildTokenView(*doc, *lexicon_);
  if (view.blocks.empty()) return;
  std::vector<quotes::MarkPair> pairs = quotes::PairQuoteMarks(view);
  std::vector<quotes::Found> found = quotes::FindAttributions(view, pairs);
  quotes::ResolveSpeakers(view, *lexicon_, pairs, &found);
  doc->quotes.reserve(found.size());
  for (auto& f : found) doc->quotes.push_back(std::move(f.quote));
}

}  // namespace dossier
