// Features of the quote tagger (see tagger.h). Word features are hashed once per token, and every
// template combines small integers, so a token costs a few dozen multiplications and no allocation
// beyond the lower-cased word.
#include <algorithm>

#include "ml/feature_hash.h"
#include "quotes/tagger.h"

namespace dossier::quotes {

namespace {

// Template number and one or two values into a feature id (a 64-bit mix, folded to 32 bits).
inline uint32_t Mix(uint32_t tmpl, uint32_t a, uint32_t b = 0) {
  uint64_t h = (static_cast<uint64_t>(tmpl) + 1) * 0x9E3779B97F4A7C15ull;
  h ^= (static_cast<uint64_t>(a) + 0x165667B1ull) * 0xC2B2AE3D27D4EB4Full;
  h = (h ^ (h >> 29)) * 0xBF58476D1CE4E5B9ull;
  h ^= (static_cast<uint64_t>(b) + 0x27D4EB2Full) * 0x94D049BB133111EBull;
  h ^= h >> 32;
  return static_cast<uint32_t>(h);
}

enum Template : uint32_t {
  kBias, kWord, kPrevWord, kNextWord, kPrev2Word, kNext2Word, kPrevBigram, kNextBigram, kSuffix, kShape,
  kFlags, kPrevFlags, kNextFlags, kRuleRole, kRuleRoleFlags, kQuoteState, kMention, kLeftCue, kRightCue,
  kLeftCueWord, kRightCueWord, kSentencePosition, kThatAfterCue, kPrevRuleRole, kNextRuleRole,
  kQuoteStateRole, kLeftCueRole, kPrev3Word, kNext3Word, kStem, kPrevStem, kNextStem, kShapeTrigram,
  kStemNextWord, kPrevWordStem
};

// A crude stem: the lower-case word without a common inflection (characterized -> characteriz,
// warns -> warn), so rare forms of a cue share weights with the common ones.
std::string_view Stem(std::string_view w) {
  for (std::string_view suf : {"ing", "ed", "es", "s", "ly", "e"})
    if (w.size() > suf.size() + 3 && w.substr(w.size() - suf.size()) == suf) return w.substr(0, w.size() - suf.size());
  return w;
}

// Bucketed token distance (0 = no cue in the sentence on that side).
uint32_t DistanceBucket(uint32_t d) {
  if (d == 0) return 0;
  if (d <= 3) return d;
  if (d <= 5) return 4;
  if (d <= 10) return 5;
  if (d <= 20) return 6;
  return 7;
}

// A word's shape with runs collapsed: "Trump" Xx, "NBC" X, "2016" d, "'s" 'x.
uint32_t ShapeHash(std::string_view w) {
  char buf[8];
  size_t n = 0;
  for (unsigned char c : w) {
    char k = c >= 'A' && c <= 'Z' ? 'X' : c >= 'a' && c <= 'z' ? 'x' : c >= '0' && c <= '9' ? 'd' : c >= 0x80 ? 'u' : static_cast<char>(c);
    if (n && buf[n - 1] == k) continue;
    if (n == sizeof(buf)) break;
    buf[n++] = k;
  }
  return FeatureHash("shape", std::string_view(buf, n));
}

}  // namespace

FeatureContext BuildFeatureContext(const TokenView& v, const std::vector<MarkPair>& pairs,
                                   const std::vector<Found>& rules) {
  FeatureContext ctx;
  ctx.v = &v;
  const Document& doc = *v.doc;
  const size_t n = doc.tokens.size();
  ctx.rule_roles.assign(n, static_cast<uint8_t>(Role::kNone));
  ctx.quote_state.assign(n, 0);
  // Tokens covered by a span (byte offsets), found by binary search over the token starts.
  auto mark = [&](Span s, Role r) {
    if (s.empty()) return;
    auto it = std::lower_bound(doc.tokens.begin(), doc.tokens.end(), s.begin,
                               [](const Token& t, uint32_t b) { return t.span.end <= b; });
    for (; it != doc.tokens.end() && it->span.begin < s.end; ++it) {
      uint8_t& x = ctx.rule_roles[static_cast<size_t>(it - doc.tokens.begin())];
      if (x == static_cast<uint8_t>(Role::kNone)) x = static_cast<uint8_t>(r);
    }
  };
  for (const Found& f : rules) {
    mark(f.quote.cue, Role::kCue);
    if (!f.quote.inherited) mark(f.quote.speaker, Role::kSource);
    mark(f.quote.content, Role::kContent);
    mark(f.quote.content2, Role::kContent);
  }
  for (const MarkPair& p : pairs) {
    if (p.close >= n) continue;
    for (uint32_t t = p.open; t <= p.close; ++t) ctx.quote_state[t] = std::max<uint8_t>(ctx.quote_state[t], 1);
    ctx.quote_state[p.open] = 2;
    if (p.closed) ctx.quote_state[p.close] = 2;
  }
  return ctx;
}

void ExtractBlockFeatures(const FeatureContext& ctx, uint32_t block, BlockFeatures* out) {
  const TokenView& v = *ctx.v;
  const Document& doc = *v.doc;
  const uint32_t b = v.blocks[block].begin, e = v.blocks[block].end;
  const uint32_t n = e - b;
  out->first = b;
  out->ids.clear();
  out->offsets.assign(1, 0);
  if (n == 0) return;
  // Per token: word hash, suffix hash, shape hash, flags (lexicon bits, mark kind, capital).
  std::vector<uint32_t> word(n), suffix(n), shape(n), flags(n), stem(n);
  std::string lower;
  for (uint32_t i = 0; i < n; ++i) {
    const uint32_t t = b + i;
    std::string_view text = doc.Text(doc.tokens[t].span);
    if (text.size() > 24) {
      word[i] = FeatureHash("w", "<long>");
      suffix[i] = FeatureHash("s", "<long>");
      stem[i] = word[i];
    } else {
      lower = LowerWord(text);
      word[i] = FeatureHash("w", lower);
      suffix[i] = FeatureHash("s", lower.size() > 3 ? std::string_view(lower).substr(lower.size() - 3) : std::string_view(lower));
      stem[i] = FeatureHash("stem", Stem(lower));
    }
    shape[i] = ShapeHash(text.substr(0, 16));
    flags[i] = (v.flags[t] & 0x7ff) | (static_cast<uint32_t>(v.mark[t]) << 11) | (v.cap[t] << 14);
  }
  // Nearest cue candidate on each side within the sentence, and whether "that" or a comma lies
  // between the left one and the token.
  auto is_cue = [&](uint32_t t) { return (v.flags[t] & (kCueVerb | kPhraseStart)) != 0 && !ctx.quote_state[t]; };
  std::vector<uint32_t> left(n, kNone), right(n, kNone);
  std::vector<uint8_t> that_after(n, 0);
  for (uint32_t i = 0; i < n; ++i) {
    const uint32_t t = b + i;
    if (i > 0 && v.sentence[t] == v.sentence[t - 1]) {
      left[i] = left[i - 1];
      that_after[i] = that_after[i - 1];
      if (is_cue(t - 1)) left[i] = i - 1, that_after[i] = 0;
      else if (left[i] != kNone && (v.IsPunct(t - 1, ',') || word[i - 1] == FeatureHash("w", "that")))
        that_after[i] |= v.IsPunct(t - 1, ',') ? 1 : 2;
    }
  }
  for (uint32_t i = n; i-- > 0;) {
    const uint32_t t = b + i;
    if (i + 1 < n && v.sentence[t] == v.sentence[t + 1]) right[i] = is_cue(t + 1) ? i + 1 : right[i + 1];
  }
  const uint32_t none_word = FeatureHash("w", "<none>");
  auto w_at = [&](int64_t i) { return i < 0 ? FeatureHash("w", "<s>") : i >= n ? FeatureHash("w", "</s>") : word[i]; };
  auto stem_at = [&](int64_t i) { return i < 0 || i >= n ? 0u : stem[i]; };
  auto shape_at = [&](int64_t i) { return i < 0 || i >= n ? 0u : shape[i]; };
  auto flags_at = [&](int64_t i) { return i < 0 || i >= n ? 0xffffu : flags[i]; };
  auto role_at = [&](int64_t i) { return i < 0 || i >= n ? 9u : static_cast<uint32_t>(ctx.rule_roles[b + i]); };
  out->ids.reserve(static_cast<size_t>(n) * 28);
  for (uint32_t i = 0; i < n; ++i) {
    const uint32_t t = b + i;
    auto add = [&](uint32_t tmpl, uint32_t a, uint32_t x = 0) { out->ids.push_back(Mix(tmpl, a, x)); };
    const uint32_t role = ctx.rule_roles[t];
    const uint32_t qs = ctx.quote_state[t];
    add(kBias, 0);
    add(kWord, word[i]);
    add(kPrevWord, w_at(int64_t{i} - 1));
    add(kNextWord, w_at(int64_t{i} + 1));
    add(kPrev2Word, w_at(int64_t{i} - 2));
    add(kNext2Word, w_at(int64_t{i} + 2));
    add(kPrevBigram, w_at(int64_t{i} - 1), word[i]);
    add(kNextBigram, word[i], w_at(int64_t{i} + 1));
    add(kPrev3Word, w_at(int64_t{i} - 3));
    add(kNext3Word, w_at(int64_t{i} + 3));
    add(kStem, stem[i]);
    add(kPrevStem, stem_at(int64_t{i} - 1));
    add(kNextStem, stem_at(int64_t{i} + 1));
    add(kShapeTrigram, shape_at(int64_t{i} - 1) * 31 + shape_at(int64_t{i} + 1), shape[i]);
    add(kStemNextWord, stem[i], w_at(int64_t{i} + 1));
    add(kPrevWordStem, w_at(int64_t{i} - 1), stem[i]);
    add(kSuffix, suffix[i]);
    add(kShape, shape[i]);
    add(kFlags, flags[i]);
    add(kPrevFlags, flags_at(int64_t{i} - 1));
    add(kNextFlags, flags_at(int64_t{i} + 1));
    add(kRuleRole, role);
    add(kRuleRoleFlags, role, flags[i]);
    add(kPrevRuleRole, role_at(int64_t{i} - 1), role);
    add(kNextRuleRole, role, role_at(int64_t{i} + 1));
    add(kQuoteState, qs, flags[i] & 0x7800);
    add(kQuoteStateRole, qs, role);
    add(kMention, v.in_mention[t], v.cap[t]);
    const uint32_t ld = left[i] == kNone ? 0 : DistanceBucket(i - left[i]);
    const uint32_t rd = right[i] == kNone ? 0 : DistanceBucket(right[i] - i);
    add(kLeftCue, ld, that_after[i]);
    add(kRightCue, rd, v.cap[t]);
    add(kLeftCueWord, left[i] == kNone ? none_word : word[left[i]], std::min<uint32_t>(ld, 3));
    add(kRightCueWord, right[i] == kNone ? none_word : word[right[i]], std::min<uint32_t>(rd, 3));
    add(kLeftCueRole, ld, left[i] == kNone ? 9u : role_at(left[i]));
    add(kThatAfterCue, that_after[i], word[i]);
    const uint32_t sb = v.SentenceBegin(t), se = v.SentenceEnd(t);
    add(kSentencePosition, (t == sb) + 2 * (t + 1 == se) + 4 * (t == b), shape[i]);
    out->offsets.push_back(static_cast<uint32_t>(out->ids.size()));
  }
}

}  // namespace dossier::quotes
