#include "ner/features.h"

#include <algorithm>
#include <array>

#include "ner/flat_map.h"
#include "ner/tags.h"
#include "ner/word_shape.h"

namespace dossier::ner {

namespace {

// Template numbers (never reuse one for a different meaning without retraining).
enum Tmpl : uint32_t {
  kBias = 1, kLower, kForm, kLowerM1, kLowerP1, kLowerM2, kLowerP2, kShape, kShapeM1, kShapeP1,
  kShape3, kBigramM, kBigramP, kPrefix, kSuffix = kPrefix + 4, kCapCtx = kSuffix + 4, kCapsSentWord,
  kSentIndexCap, kPosInSent, kSentLength, kDocCase, kGaz, kGazM1, kGazP1, kCluster, kClusterM1 = kCluster + 4,
  kClusterP1, kLengthCap, kFormM1Cap, kLowerP1Cap,
  // second stage
  kNlSame = 100, kNlMajority, kNlSelf, kNlPrev, kNlNext, kNlSelfCap, kNlPhraseType, kNlSameLabel, kNlNeighbours, kNlPhraseSame, kNlFirst,
};

constexpr uint64_t kBos = 0x1234567890abcdefull, kEos = 0xfedcba0987654321ull;

uint64_t IntValue(uint64_t a, uint64_t b = 0, uint64_t c = 0) { return Combine(Combine(a + 1, b + 7), c + 13); }

// Cluster path prefixes of these lengths (bits) are features.
constexpr int kClusterLengths[4] = {4, 6, 10, 20};
uint64_t ClusterPrefix(uint32_t code, int k) {
  if (!code) return 0;
  const int len = 31 - __builtin_clz(code);
  return k >= len ? code : (code >> (len - k)) | (1u << 31);
}

}  // namespace

FeatureExtractor::TokenInfo FeatureExtractor::Describe(std::string_view w, uint64_t form_hash) {
  TokenInfo ti;
  ti.form = form_hash;
  LowerInto(w, &lower_);
  ti.lower = Hash64(lower_);
  ShapeInto(w, &shape_);
  ti.shape = Hash64(shape_);
  ti.cap = ClassifyCase(w);
  ti.letter = ti.cap != kCapNone;
  ti.length = static_cast<uint8_t>(std::min<size_t>(w.size(), 255));
  for (int k = 0; k < 4; ++k) {
    const size_t len = static_cast<size_t>(k) + 1;
    ti.prefix[k] = len < w.size() ? Hash64(std::string_view(lower_).substr(0, len)) : 0;
    ti.suffix[k] = len < w.size() ? Hash64(std::string_view(lower_).substr(lower_.size() - len)) : 0;
  }
  ti.cluster = clusters_ ? clusters_->Find(ti.lower) : 0;
  return ti;
}

void FeatureExtractor::WordFeatures(uint32_t type, std::vector<uint32_t>* out) const {
  // Keep in step with the word-only features of Extract (tested: split + these = unsplit).
  const TokenInfo& ti = types_[type];
  out->clear();
  auto emit = [&](uint32_t tmpl, uint64_t value) { out->push_back(FeatureId(tmpl, value)); };
  emit(kBias, 0);
  emit(kLower, ti.lower);
  emit(kForm, ti.form);
  emit(kShape, ti.shape);
  emit(kLengthCap, IntValue(std::min<uint64_t>(ti.length, 8), ti.cap));
  if (groups_ & kFeatAffixes) {
    for (int k = 0; k < 4; ++k) {
      if (ti.prefix[k]) emit(kPrefix + k, ti.prefix[k]);
      if (ti.suffix[k]) emit(kSuffix + k, ti.suffix[k]);
    }
  }
  if ((groups_ & kFeatClusters) && clusters_ && !clusters_->empty())
    for (int k = 0; k < 4; ++k) emit(kCluster + k, ClusterPrefix(ti.cluster, kClusterLengths[k]));
}

void FeatureExtractor::Extract(const NerDoc& doc, DocFeatures* out, bool split) {
  const size_t n = doc.words.size();
  out->Clear();
  out->ids.reserve(n * (split ? 32 : 48));
  out->offsets.reserve(n + 1);
  info_.resize(n);
  lower_hashes_.resize(n);
  token_types_.resize(n);
  if (types_.size() > kMaxTypes) {
    type_index_ = FlatMap();
    types_.clear();
    ++generation_;
  }
  for (size_t t = 0; t < n; ++t) {
    std::string_view w = doc.words[t];
    const uint64_t form = Hash64(w);
    uint32_t& slot = type_index_[form];
    if (slot == 0) {
      types_.push_back(Describe(w, form));
      slot = static_cast<uint32_t>(types_.size());
    }
    token_types_[t] = slot - 1;
    info_[t] = types_[slot - 1];
    lower_hashes_[t] = info_[t].lower;
  }
  // ALL-CAPS sentences (headlines, sports tables): most of their words are upper case.
  const size_t sentences = doc.sentences();
  caps_sentence_.assign(sentences, 0);
  for (size_t s = 0; s < sentences; ++s) {
    int letters = 0, caps = 0;
    for (uint32_t t = doc.SentenceBegin(s); t < doc.SentenceEnd(s); ++t) {
      if (!info_[t].letter) continue;
      ++letters;
      caps += info_[t].cap == kCapAll;
    }
    caps_sentence_[s] = letters >= 2 && caps * 4 >= letters * 3;
  }
  // How each word is written elsewhere in running text: lower case / capitalised mid-sentence.
  FlatMap doc_case;  // lower hash -> (lower count << 16) | capitalised count
  if (groups_ & kFeatDocument) {
    for (size_t s = 0; s < sentences; ++s) {
      if (caps_sentence_[s]) continue;
      for (uint32_t t = doc.SentenceBegin(s); t < doc.SentenceEnd(s); ++t) {
        if (!info_[t].letter) continue;
        uint32_t& v = doc_case[info_[t].lower];
        if (info_[t].cap == kCapLower) v = std::min(v + (1u << 16), 0xffff0000u | (v & 0xffff));
        else if (t > doc.SentenceBegin(s) && (v & 0xffff) < 0xffff) ++v;
      }
    }
  }
  auto emit = [&](uint32_t tmpl, uint64_t value) { out->ids.push_back(FeatureId(tmpl, value)); };
  for (size_t s = 0; s < sentences; ++s) {
    const uint32_t b = doc.SentenceBegin(s), e = doc.SentenceEnd(s);
    const size_t len = e - b;
    const bool caps = caps_sentence_[s];
    if (groups_ & kFeatGazetteers) {
      for (size_t k = 0; k < len && k < gaz_.size(); ++k) gaz_[k].clear();
      if (gaz_.size() < len) gaz_.resize(len);
      gazetteers_->Match(&lower_hashes_[b], len, &gaz_);
    }
    const uint64_t sent_index = std::min<size_t>(s, 3);
    const uint64_t sent_len = len <= 3 ? len : len <= 5 ? 4 : len <= 10 ? 5 : 6;
    for (uint32_t t = b; t < e; ++t) {
      const TokenInfo& ti = info_[t];
      const size_t pos = t - b;
      const uint64_t lm1 = t > b ? info_[t - 1].lower : kBos;
      const uint64_t lp1 = t + 1 < e ? info_[t + 1].lower : kEos;
      const uint64_t lm2 = t > b + 1 ? info_[t - 2].lower : kBos;
      const uint64_t lp2 = t + 2 < e ? info_[t + 2].lower : kEos;
      const uint64_t sm1 = t > b ? info_[t - 1].shape : kBos;
      const uint64_t sp1 = t + 1 < e ? info_[t + 1].shape : kEos;
      const uint64_t initial = pos == 0 ? 1 : 0;
      if (!split) {
        emit(kBias, 0);
        emit(kLower, ti.lower);
        emit(kForm, ti.form);
        emit(kShape, ti.shape);
        emit(kLengthCap, IntValue(std::min<uint64_t>(ti.length, 8), ti.cap));
      }
      if (groups_ & kFeatContext) {
        emit(kLowerM1, lm1);
        emit(kLowerP1, lp1);
        emit(kLowerM2, lm2);
        emit(kLowerP2, lp2);
        emit(kShapeM1, sm1);
        emit(kShapeP1, sp1);
        emit(kShape3, Combine(Combine(sm1, ti.shape), sp1));
        emit(kBigramM, Combine(lm1, ti.lower));
        emit(kBigramP, Combine(ti.lower, lp1));
        emit(kFormM1Cap, Combine(t > b ? info_[t - 1].form : kBos, ti.cap));
        emit(kLowerP1Cap, Combine(lp1, ti.cap));
      }
      if ((groups_ & kFeatAffixes) && !split) {
        for (int k = 0; k < 4; ++k) {
          if (ti.prefix[k]) emit(kPrefix + k, ti.prefix[k]);
          if (ti.suffix[k]) emit(kSuffix + k, ti.suffix[k]);
        }
      }
      if (groups_ & kFeatCapsContext) {
        emit(kCapCtx, IntValue(ti.cap, initial, caps));
        if (caps) emit(kCapsSentWord, ti.lower);
        emit(kSentIndexCap, IntValue(sent_index, ti.cap, caps));
        emit(kPosInSent, IntValue(std::min<size_t>(pos, 2), ti.cap));
        emit(kSentLength, IntValue(sent_len, ti.cap, initial));
      }
      if ((groups_ & kFeatDocument) && ti.letter) {
        const uint32_t* v = doc_case.Find(ti.lower);
        uint32_t lower_n = v ? *v >> 16 : 0, cap_n = v ? *v & 0xffff : 0;
        // Not counting this token itself.
        if (!caps) {
          if (ti.cap == kCapLower && lower_n) --lower_n;
          else if (ti.cap != kCapLower && pos > 0 && cap_n) --cap_n;
        }
        emit(kDocCase, IntValue(std::min<uint32_t>(lower_n, 2), std::min<uint32_t>(cap_n, 2),
                                ti.cap * 4 + initial * 2 + caps));
      }
      if (groups_ & kFeatGazetteers) {
        for (uint16_t g : gaz_[pos]) {
          emit(kGaz, IntValue(g));
          emit(kGaz, IntValue(g, ti.cap == kCapLower ? 1 : 2));
        }
        if (pos > 0)
          for (uint16_t g : gaz_[pos - 1]) emit(kGazM1, IntValue(g));
        if (t + 1 < e)
          for (uint16_t g : gaz_[pos + 1]) emit(kGazP1, IntValue(g));
      }
      if ((groups_ & kFeatClusters) && clusters_ && !clusters_->empty()) {
        if (!split)
          for (int k = 0; k < 4; ++k) emit(kCluster + k, ClusterPrefix(ti.cluster, kClusterLengths[k]));
        emit(kClusterM1, ClusterPrefix(t > b ? info_[t - 1].cluster : 0, 6) + (t > b ? 0 : 5));
        emit(kClusterP1, ClusterPrefix(t + 1 < e ? info_[t + 1].cluster : 0, 6) + (t + 1 < e ? 0 : 5));
      }
      out->offsets.push_back(static_cast<uint32_t>(out->ids.size()));
    }
  }
}

void FeatureExtractor::AddNonLocal(const NerDoc& doc, const DocFeatures& base, const std::vector<int>& stage1,
                                   DocFeatures* out) {
  DocFeatures nonlocal;
  ExtractNonLocal(doc, stage1, &nonlocal);
  const size_t n = doc.words.size();
  out->Clear();
  out->ids.reserve(base.ids.size() + nonlocal.ids.size());
  for (size_t t = 0; t < n; ++t) {
    out->ids.insert(out->ids.end(), base.ids.begin() + base.offsets[t], base.ids.begin() + base.offsets[t + 1]);
    out->ids.insert(out->ids.end(), nonlocal.ids.begin() + nonlocal.offsets[t],
                    nonlocal.ids.begin() + nonlocal.offsets[t + 1]);
    out->offsets.push_back(static_cast<uint32_t>(out->ids.size()));
  }
}

void FeatureExtractor::ExtractNonLocal(const NerDoc& doc, const std::vector<int>& stage1, DocFeatures* out) {
  const size_t n = doc.words.size();
  out->Clear();
  out->ids.reserve(n * 8);
  // Per word (lower-cased): how often the first stage gave it each type (O = 4).
  // And which BILOU labels it got: "Smith" last of a PER phrase elsewhere is likely a PER alone here.
  FlatMap counts;  // lower hash -> index into `hist`
  std::vector<std::array<uint16_t, 5>> hist;
  std::vector<std::array<uint16_t, kLabels>> label_hist;
  std::vector<uint32_t> first_token;  // the word's first occurrence in the document
  for (size_t t = 0; t < n; ++t) {
    if (!info_[t].letter) continue;
    uint32_t& slot = counts[info_[t].lower];
    if (slot == 0) {
      hist.push_back({});
      label_hist.push_back({});
      first_token.push_back(static_cast<uint32_t>(t));
      slot = static_cast<uint32_t>(hist.size());
    }
    const int type = LabelType(stage1[t]);
    auto& h = hist[slot - 1][type < 0 ? 4 : type];
    if (h < 0xffff) ++h;
    auto& hl = label_hist[slot - 1][stage1[t]];
    if (hl < 0xffff) ++hl;
  }
  // Each token's majority type elsewhere in the document (0-3 types, 4 = O; 5 = no other
  // occurrence, 6 = not a word), for its neighbours' features ("Bank of X": X a place elsewhere).
  std::vector<uint8_t> majority(n, 6);
  for (size_t t = 0; t < n; ++t) {
    if (!info_[t].letter) continue;
    std::array<uint16_t, 5> h = hist[*counts.Find(info_[t].lower) - 1];
    const int own = LabelType(stage1[t]);
    --h[own < 0 ? 4 : own];
    int best = -1;
    for (int k = 0; k < 5; ++k)
      if (h[k] && (best < 0 || h[k] > h[best])) best = k;
    majority[t] = static_cast<uint8_t>(best < 0 ? 5 : best);
  }
  // The type of the first-stage phrase each token is in (-1 when outside).
  // And the types the same phrase (its lower-cased words) got elsewhere in the document.
  std::vector<int> phrase_type(n, -1);
  std::vector<uint32_t> phrase_slot(n, 0);  // index + 1 into phrase_hist
  FlatMap phrase_index;
  std::vector<std::array<uint16_t, kTypes>> phrase_hist;
  for (size_t s = 0; s < doc.sentences(); ++s) {
    const uint32_t b = doc.SentenceBegin(s), e = doc.SentenceEnd(s);
    for (const Phrase& p : PhrasesFromLabels(stage1.data() + b, e - b)) {
      uint64_t key = 0x5bd1e995u;
      for (uint32_t k = p.first; k <= p.last; ++k) key = Combine(key, info_[b + k].lower);
      uint32_t& slot = phrase_index[key];
      if (slot == 0) {
        phrase_hist.push_back({});
        slot = static_cast<uint32_t>(phrase_hist.size());
      }
      if (phrase_hist[slot - 1][p.type] < 0xffff) ++phrase_hist[slot - 1][p.type];
      for (uint32_t k = p.first; k <= p.last; ++k) {
        phrase_type[b + k] = p.type;
        phrase_slot[b + k] = slot;
      }
    }
  }
  auto emit = [&](uint32_t tmpl, uint64_t value) { out->ids.push_back(FeatureId(tmpl, value)); };
  for (size_t s = 0; s < doc.sentences(); ++s) {
    const uint32_t b = doc.SentenceBegin(s), e = doc.SentenceEnd(s);
    for (uint32_t t = b; t < e; ++t) {
      const TokenInfo& ti = info_[t];
      emit(kNlSelf, IntValue(stage1[t]));
      emit(kNlPrev, IntValue(t > b ? stage1[t - 1] : 99));
      emit(kNlNext, IntValue(t + 1 < e ? stage1[t + 1] : 99));
      emit(kNlSelfCap, IntValue(stage1[t], ti.cap, caps_sentence_[s]));
      if (ti.letter) {
        const uint32_t* slot = counts.Find(ti.lower);
        std::array<uint16_t, 5> h = hist[*slot - 1];
        const int own = LabelType(stage1[t]);
        --h[own < 0 ? 4 : own];  // elsewhere only
        int total = 0, best = -1;
        for (int k = 0; k < 5; ++k) {
          total += h[k];
          if (h[k] && (best < 0 || h[k] > h[best])) best = k;
        }
        if (total > 0) {
          for (int k = 0; k < 5; ++k)
            if (h[k]) emit(kNlSame, IntValue(k, ti.cap == kCapLower));
          std::array<uint16_t, kLabels> hl = label_hist[*slot - 1];
          --hl[stage1[t]];
          for (int l = 1; l < kLabels; ++l)
            if (hl[l]) emit(kNlSameLabel, IntValue(l, ti.cap == kCapLower));
          const int share = h[best] * 4 / total;  // 1..4
          emit(kNlMajority, IntValue(best, share, ti.cap == kCapLower ? 1 : caps_sentence_[s] ? 2 : 0));
        } else {
          emit(kNlSame, IntValue(9, ti.cap == kCapLower));
        }
      }
      if (phrase_slot[t]) {
        std::array<uint16_t, kTypes> h = phrase_hist[phrase_slot[t] - 1];
        --h[phrase_type[t]];  // elsewhere only
        bool any = false;
        for (int k = 0; k < kTypes; ++k)
          if (h[k]) {
            emit(kNlPhraseSame, IntValue(k, phrase_type[t]));
            any = true;
          }
        if (!any) emit(kNlPhraseSame, IntValue(9, phrase_type[t]));
      }
      if (ti.letter) {
        const uint32_t first = first_token[*counts.Find(ti.lower) - 1];
        if (first != t) emit(kNlFirst, IntValue(LabelType(stage1[first]) + 1, ti.cap == kCapLower));
      }
      emit(kNlNeighbours, IntValue(t > b ? majority[t - 1] : 7, t + 1 < e ? majority[t + 1] : 7, ti.cap));
      emit(kNlPhraseType, IntValue(phrase_type[t] + 1, t > b ? phrase_type[t - 1] + 1 : 9,
                                   t + 1 < e ? phrase_type[t + 1] + 1 : 9));
      out->offsets.push_back(static_cast<uint32_t>(out->ids.size()));
    }
  }
}

}  // namespace dossier::ner
