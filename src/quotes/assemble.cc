// From the tagger's BIO labels to attributions (see AssembleAttributions in tagger.h). PolNeAR
// scores parts by their tokens, so what matters most is that every tagged span reaches the output;
// which cue a source or content belongs to matters for the speaker and the whole-attribution score.
#include <algorithm>

#include "quotes/tagger.h"

namespace dossier::quotes {

namespace {

struct TagSpan {
  Role role;
  uint32_t first, end;  // tokens [first, end)
  uint32_t block;       // index into TokenView::blocks
};

// Tokens between two spans (0 when they touch or overlap).
uint32_t Gap(const TagSpan& a, const TagSpan& b) {
  if (a.end <= b.first) return b.first - a.end;
  if (b.end <= a.first) return a.first - b.end;
  return 0;
}

QuoteType TypeOfContent(const TokenView& v, uint32_t first, uint32_t end) {
  bool any = false;
  for (uint32_t t = first; t < end; ++t) any = any || v.mark[t] != Mark::kNotMark;
  if (!any) return QuoteType::kIndirect;
  const bool opens = v.mark[first] != Mark::kNotMark;
  const bool closes = v.mark[end - 1] != Mark::kNotMark || (end - first >= 2 && v.mark[end - 2] != Mark::kNotMark);
  return opens && closes ? QuoteType::kDirect : QuoteType::kMixed;
}

}  // namespace

std::vector<Found> AssembleAttributions(const TokenView& v, const std::vector<MarkPair>& pairs,
                                        const std::vector<int>& labels) {
  (void)pairs;
  std::vector<TagSpan> spans;
  for (uint32_t t = 0; t < labels.size(); ++t) {
    const int l = labels[t];
    if (l == kTagO || v.token_block[t] == kNone) continue;
    const Role r = RoleOf(l);
    if (!IsBegin(l) && !spans.empty() && spans.back().role == r && spans.back().end == t &&
        spans.back().block == v.token_block[t]) {
      spans.back().end = t + 1;
      continue;
    }
    spans.push_back({r, t, t + 1, v.token_block[t]});
  }
  std::vector<uint32_t> cues;
  for (uint32_t i = 0; i < spans.size(); ++i)
    if (spans[i].role == Role::kCue) cues.push_back(i);
  // Each cue's source: the nearest source span of the cue's sentence. A source no cue chose goes
  // to the nearest cue of its paragraph without one, else makes one more quote with the nearest.
  std::vector<uint32_t> source_of(cues.size(), kNone);
  std::vector<std::pair<uint32_t, uint32_t>> extra_sources;  // (cue, source)
  for (uint32_t ci = 0; ci < cues.size(); ++ci) {
    const TagSpan& c = spans[cues[ci]];
    uint32_t best = kNone, best_gap = 0;
    for (uint32_t i = 0; i < spans.size(); ++i) {
      const TagSpan& s = spans[i];
      if (s.role != Role::kSource || v.sentence[s.first] != v.sentence[c.first]) continue;
      const uint32_t g = Gap(s, c);
      if (best == kNone || g < best_gap) best = i, best_gap = g;
    }
    source_of[ci] = best;
  }
  for (uint32_t i = 0; i < spans.size(); ++i) {
    const TagSpan& s = spans[i];
    if (s.role != Role::kSource || std::find(source_of.begin(), source_of.end(), i) != source_of.end()) continue;
    uint32_t best = kNone, best_gap = 0;
    bool best_free = false;
    for (uint32_t ci = 0; ci < cues.size(); ++ci) {
      const TagSpan& c = spans[cues[ci]];
      if (c.block != s.block) continue;
      const bool free = source_of[ci] == kNone;
      const uint32_t g = Gap(s, c);
      if (best == kNone || (free && !best_free) || (free == best_free && g < best_gap))
        best = ci, best_gap = g, best_free = free;
    }
    if (best == kNone) continue;
    if (best_free) source_of[best] = i;
    else extra_sources.push_back({best, i});
  }
  // Each content span goes to the nearest cue of its paragraph, else to the last cue of the
  // paragraph before (a quotation that goes on), else it stands alone.
  std::vector<std::vector<uint32_t>> contents_of(cues.size());
  std::vector<uint32_t> orphans;
  for (uint32_t i = 0; i < spans.size(); ++i) {
    const TagSpan& s = spans[i];
    if (s.role != Role::kContent) continue;
    uint32_t best = kNone, best_gap = 0, previous_block_last = kNone;
    for (uint32_t ci = 0; ci < cues.size(); ++ci) {
      const TagSpan& c = spans[cues[ci]];
      if (c.block == s.block) {
        const uint32_t g = Gap(s, c);
        if (best == kNone || g < best_gap) best = ci, best_gap = g;
      } else if (c.block + 1 == s.block) {
        previous_block_last = ci;
      }
    }
    if (best == kNone) best = previous_block_last;
    if (best == kNone) orphans.push_back(i);
    else contents_of[best].push_back(i);
  }
  // A cue left without content shares the nearest content of its paragraph, else the first of the
  // next paragraph (X said:  / the words), else the last of the paragraph before.
  for (uint32_t ci = 0; ci < cues.size(); ++ci) {
    if (!contents_of[ci].empty()) continue;
    const TagSpan& c = spans[cues[ci]];
    uint32_t best = kNone, best_gap = 0, next_first = kNone, prev_last = kNone;
    for (uint32_t i = 0; i < spans.size(); ++i) {
      const TagSpan& s = spans[i];
      if (s.role != Role::kContent) continue;
      if (s.block == c.block) {
        const uint32_t g = Gap(s, c);
        if (best == kNone || g < best_gap) best = i, best_gap = g;
      } else if (s.block == c.block + 1 && next_first == kNone) {
        next_first = i;
      } else if (s.block + 1 == c.block) {
        prev_last = i;
      }
    }
    if (best == kNone) best = next_first != kNone ? next_first : prev_last;
    if (best != kNone) contents_of[ci].push_back(best);
  }
  std::vector<Found> out;
  auto emit = [&](uint32_t content_a, uint32_t content_b, uint32_t ci, uint32_t source) {
    const TagSpan& c1 = spans[content_a];
    Found f;
    f.quote.content = v.TokenSpan(c1.first, c1.end);
    uint32_t last = c1.end;
    if (content_b != kNone) {
      const TagSpan& c2 = spans[content_b];
      f.quote.content2 = v.TokenSpan(c2.first, c2.end);
      last = c2.end;
    }
    f.quote.type = TypeOfContent(v, c1.first, last);
    f.block = c1.block;
    f.sentence = v.sentence[c1.first];
    if (ci != kNone) {
      const TagSpan& cue = spans[cues[ci]];
      f.quote.cue = v.TokenSpan(cue.first, cue.end);
      f.sentence = v.sentence[cue.first];
      if (source != kNone) {
        const TagSpan& s = spans[source];
        f.quote.speaker = v.TokenSpan(s.first, s.end);
        f.speaker_first = s.first;
        f.speaker_end = s.end;
        f.sentence = v.sentence[s.first];
      }
    } else if (f.quote.type == QuoteType::kDirect) {
      f.quote.inherited = true;  // a quotation with no cue of its own continues a speaker's turn
    }
    out.push_back(std::move(f));
  };
  for (uint32_t ci = 0; ci < cues.size(); ++ci) {
    const auto& cs = contents_of[ci];
    for (size_t k = 0; k < cs.size(); k += 2) emit(cs[k], k + 1 < cs.size() ? cs[k + 1] : kNone, ci, source_of[ci]);
  }
  for (auto [ci, source] : extra_sources)
    if (!contents_of[ci].empty()) emit(contents_of[ci][0], kNone, ci, source);
  for (uint32_t i : orphans) emit(i, kNone, kNone, kNone);
  std::sort(out.begin(), out.end(),
            [](const Found& a, const Found& b) { return a.quote.content.begin < b.quote.content.begin; });
  return out;
}

}  // namespace dossier::quotes
