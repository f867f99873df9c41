// The trained part of the quote stage: a sequence labeller that tags every token of a speech block
// (one paragraph) as part of a cue, a source or a content (BIO), trained on PolNeAR, which
// annotates every attribution relation (speech, beliefs, stances, reports) and not only speech with
// a verb the cue list knows. Features: the words around the token, their shape, the cue lexicon,
// quotation-mark state, entity mentions, the distance to the nearest cue candidate, and what the
// rules (attribution.cc) made of the token. A first-order structured averaged perceptron over
// hashed features (LinearModel), decoded by Viterbi restricted to well-formed BIO sequences.
#ifndef DOSSIER_QUOTES_TAGGER_H_
#define DOSSIER_QUOTES_TAGGER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "ml/linear_model.h"
#include "quotes/internal.h"

namespace dossier::quotes {

enum TagLabel : int {
  kTagO, kTagBeginCue, kTagInCue, kTagBeginSource, kTagInSource, kTagBeginContent, kTagInContent,
  kTagLabels
};
// What a token is part of (the BIO label without its position).
enum class Role : uint8_t { kNone, kCue, kSource, kContent };
inline Role RoleOf(int label) { return static_cast<Role>((label + 1) / 2); }
inline int BeginLabel(Role r) { return r == Role::kNone ? kTagO : 2 * static_cast<int>(r) - 1; }
inline bool IsBegin(int label) { return label != kTagO && (label % 2) == 1; }
// BIO well-formedness: an inside label only continues its own role.
inline bool AllowedTag(int prev, int next) {
  if (next == kTagO || IsBegin(next)) return true;
  return prev != kTagO && prev >= 0 && RoleOf(prev) == RoleOf(next);
}

// What the features read besides the token view, computed once per document: each token's role
// in the rules' attributions (Role as a byte) and whether it is inside a quotation (1) or one of
// its marks (2).
struct FeatureContext {
  const TokenView* v = nullptr;
  std::vector<uint8_t> rule_roles;
  std::vector<uint8_t> quote_state;
};
FeatureContext BuildFeatureContext(const TokenView& v, const std::vector<MarkPair>& pairs,
                                   const std::vector<Found>& rules);

// The hashed features of one speech block's tokens: token `first + i` has the ids
// ids[offsets[i] .. offsets[i + 1]).
struct BlockFeatures {
  uint32_t first = 0;
  std::vector<uint32_t> ids;
  std::vector<uint32_t> offsets;
  size_t size() const { return offsets.empty() ? 0 : offsets.size() - 1; }
};
// `block` indexes TokenView::blocks.
void ExtractBlockFeatures(const FeatureContext& ctx, uint32_t block, BlockFeatures* out);

class SpanTagger {
 public:
  static constexpr uint32_t kDefaultBits = 16;  // 2^16 hashed feature rows of 7 weights (a 2 MB file)
  static constexpr const char* kKind = "quotes";

  struct TrainingBlock {
    BlockFeatures features;
    std::vector<int> gold;  // one TagLabel per token
  };
  // Deterministic for a seed: the blocks are visited in an order shuffled by it.
  static SpanTagger Train(const std::vector<TrainingBlock>& blocks, uint32_t seed, uint32_t epochs,
                          uint32_t bits = kDefaultBits);

  bool Save(const std::string& path, uint64_t data_fingerprint, const std::string& settings,
            std::string* error) const {
    return model_.Save(path, kKind, data_fingerprint, settings, error);
  }
  bool Load(const std::string& path, std::string* error) { return model_.Load(path, kKind, error); }
  bool empty() const { return model_.empty(); }
  uint64_t data_fingerprint() const { return model_.data_fingerprint(); }

  // Best labels for the block's tokens (labels->size() == features.size()).
  void Decode(const BlockFeatures& features, std::vector<int>* labels) const;

 private:
  static LinearModel TrainPass(const std::vector<const BlockFeatures*>& features,
                               const std::vector<const std::vector<int>*>& gold, int pass, uint32_t seed,
                               uint32_t epochs, uint32_t bits);
  static void DecodePass(const LinearModel& m, int pass, const BlockFeatures& f, std::vector<int>* labels);
  LinearModel model_;
};

// Tags every speech block of the view (kTagO outside them), one label per document token.
std::vector<int> TagDocument(const SpanTagger& tagger, const FeatureContext& ctx);

// Attributions from the tags: each cue with the nearest source of its sentence and the contents of
// its paragraph that are nearer to it than to any other cue (a paragraph without a cue continues
// the previous paragraph's last one). Contents beyond two parts make further quotes with the same
// cue and source. Speakers are left for ResolveSpeakers.
std::vector<Found> AssembleAttributions(const TokenView& v, const std::vector<MarkPair>& pairs,
                                        const std::vector<int>& labels);

}  // namespace dossier::quotes

#endif  // DOSSIER_QUOTES_TAGGER_H_
