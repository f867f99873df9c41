#include <algorithm>
#include <array>
#include <cmath>
#include <set>
#include <span>
#include <sstream>
#include <string>

#include "crude/line_signals.h"
#include "dossier/segment.h"
#include "dossier/stories.h"
#include "segment/unit_segmenter_internal.h"
#include "ml/feature_hash.h"
#include "ml/linear_model.h"
#include "util/hash_slots.h"

namespace dossier {

namespace {

constexpr const char* kModelKind = "stories";
constexpr uint32_t kBits = 14;
constexpr uint32_t kMinStoryBlocks = 3;
// A gap becomes a candidate boundary when the boundary score beats the no-boundary score by more
// than this (a negative value favours recall: the competition between close candidates and the
// minimum story length remove most false alarms). Chosen by 5-fold cross-validation on the
// scraped-text dev files (-10..-15 give the same figures; 0 loses 0.03 story-start F1).
constexpr float kBoundaryMargin = -12.0f;

// (32-bit word hash, weight), sorted by hash: 8 bytes a distinct word of a block.
using BagOfWords = std::vector<std::pair<uint32_t, float>>;

constexpr std::string_view kStopwords[] = {
      "the", "and", "for", "that", "this", "with", "from", "have", "has", "had", "was", "were", "are",
      "but", "not", "they", "their", "them", "his", "her", "she", "him", "its", "you", "your", "our",
      "who", "what", "when", "where", "which", "will", "would", "could", "should", "been", "being",
      "there", "than", "then", "also", "about", "into", "over", "after", "more", "most", "some", "said",
      "says", "one", "two", "all", "any", "can", "may", "just", "like", "out", "new", "year", "years",
      "time", "people", "very", "much", "other", "only", "even", "such", "how", "why", "these", "those",
      "because", "while", "did", "does", "get", "got", "make", "made", "many", "last", "first"};

uint64_t WordHash(std::string_view w) {
  uint64_t h = 14695981039346656037ull;
  for (char ch : w) h = (h ^ static_cast<unsigned char>(ch)) * 1099511628211ull;
  return h;
}

// The stopwords as a small open-addressing table of their hashes, built once.
class StopwordTable {
 public:
  StopwordTable() {
    for (auto w : kStopwords) {
      uint64_t h = WordHash(w);
      size_t i = h & kMask;
      while (slots_[i] != 0) i = (i + 1) & kMask;
      slots_[i] = h;
    }
  }
  bool Contains(uint64_t h) const {
    for (size_t i = h & kMask; slots_[i] != 0; i = (i + 1) & kMask)
      if (slots_[i] == h) return true;
    return false;
  }

 private:
  static constexpr size_t kMask = 511;
  uint64_t slots_[kMask + 1] = {};
};

const StopwordTable& Stopwords() {
  static const StopwordTable table;
  return table;
}

// Sorts (hash, weight) pairs and sums the weights of equal hashes, in place.
void Compact(BagOfWords* bag) {
  std::sort(bag->begin(), bag->end(), [](const auto& x, const auto& y) { return x.first < y.first; });
  size_t out = 0;
  for (size_t i = 0; i < bag->size(); ++i) {
    if (out > 0 && (*bag)[out - 1].first == (*bag)[i].first) (*bag)[out - 1].second += (*bag)[i].second;
    else (*bag)[out++] = (*bag)[i];
  }
  bag->resize(out);
}

BagOfWords Words(std::string_view t) {
  BagOfWords bag;
  char w[32];
  bool sentence_start = true;
  size_t i = 0;
  while (i < t.size()) {
    char c = t[i];
    bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (!letter) {
      if (c == '.' || c == '?' || c == '!') sentence_start = true;
      ++i;
      continue;
    }
    size_t b = i, n = 0;
    while (i < t.size() && (((t[i] | 32) >= 'a' && (t[i] | 32) <= 'z'))) {
      if (n < sizeof w) w[n++] = static_cast<char>(t[i] | 32);
      ++i;
    }
    bool capital = t[b] >= 'A' && t[b] <= 'Z';
    bool was_start = sentence_start;
    sentence_start = false;
    std::string_view word(w, n);
    if (n < 3) continue;
    uint64_t h = WordHash(word);
    if (Stopwords().Contains(h)) continue;
    if (n > 4 && w[n - 1] == 's' && w[n - 2] != 's') h = WordHash(word.substr(0, n - 1));
    bag.push_back({static_cast<uint32_t>(h ^ (h >> 32)), (capital && !was_start) ? 2.0f : 1.0f});
  }
  Compact(&bag);
  return bag;
}

// The word bags of the article blocks with each 32-bit word hash replaced by a dense id
// 0 .. words-1 (equal hashes, equal ids; the order within a bag stays the hash order), so the
// window counts and dot products below index arrays instead of hashing.
struct IdBags {
  std::vector<std::pair<uint32_t, float>> entries;  // (id, weight), bag after bag
  std::vector<uint32_t> offsets{0};                 // bag b: entries[offsets[b] .. offsets[b + 1])
  size_t words = 0;
  size_t size() const { return offsets.size() - 1; }
  const std::pair<uint32_t, float>* begin(size_t b) const { return entries.data() + offsets[b]; }
  const std::pair<uint32_t, float>* end(size_t b) const { return entries.data() + offsets[b + 1]; }
};

IdBags MakeIdBags(const std::vector<StoryBlock>& blocks, const std::vector<uint32_t>& article) {
  IdBags bags;
  HashSlots<uint32_t> ids;
  for (uint32_t a : article) {
    for (const auto& [h, w] : Words(blocks[a].text)) {
      bool fresh = false;
      const uint32_t id = ids.FindOrInsert(h, static_cast<uint32_t>(bags.words), &fresh);
      bags.words += fresh;
      bags.entries.push_back({id, w});
    }
    bags.offsets.push_back(static_cast<uint32_t>(bags.entries.size()));
  }
  return bags;
}

// dots[i * span + d] = bags[i] . bags[i + d] for d < span. The weights are small whole numbers,
// so every sum is exact and equals the sorted merge of the two bags it replaces.
std::vector<float> NearDots(const IdBags& bags, size_t span) {
  const size_t nb = bags.size();
  std::vector<float> dots(nb * span, 0.0f);
  std::vector<float> weight(bags.words, 0.0f);  // bag i spread over the ids, zero elsewhere
  for (size_t i = 0; i < nb; ++i) {
    for (auto e = bags.begin(i); e != bags.end(i); ++e) weight[e->first] = e->second;
    for (size_t d = 0; d < span && i + d < nb; ++d) {
      double dot = 0;
      for (auto e = bags.begin(i + d); e != bags.end(i + d); ++e)
        dot += static_cast<double>(weight[e->first]) * e->second;
      dots[i * span + d] = static_cast<float>(dot);
    }
    for (auto e = bags.begin(i); e != bags.end(i); ++e) weight[e->first] = 0.0f;
  }
  return dots;
}


uint32_t Hash(std::string_view name, int value) { return FeatureHash(name, value); }

int Bucket(double x, double step, int max) { return std::min(max, static_cast<int>(x / step)); }

bool HeadlineLike(std::string_view t) {
  if (t.empty() || t.size() > 160) return false;
  char last = t.back();
  return last != '.' && last != ',' && last != ';';
}

// More opening than closing double quotation marks (curly or, when unpaired, straight).
bool OpensUnclosedQuote(std::string_view t) {
  int open = 0, close = 0, straight = 0;
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '"') ++straight;
    if (i + 2 < t.size() && static_cast<unsigned char>(t[i]) == 0xE2 && static_cast<unsigned char>(t[i + 1]) == 0x80) {
      unsigned char c = static_cast<unsigned char>(t[i + 2]);
      if (c == 0x9C) ++open;
      if (c == 0x9D) ++close;
    }
  }
  return open > close || (straight % 2 == 1 && open == 0 && close == 0);
}

// A headline: a short heading-like line, most of its words capitalised or a heading block.
bool TitleLike(const StoryBlock& b) {
  std::string_view t = b.text;
  if (!HeadlineLike(t) || t.size() < 15 || t.size() > 160 || t.find(". ") != std::string_view::npos) return false;
  if (b.kind == BlockKind::kHeading) return true;
  size_t words = 0, caps = 0;
  bool start = true;
  for (char c : t) {
    if (c == ' ') {
      start = true;
      continue;
    }
    if (start) {
      ++words;
      caps += (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
    start = false;
  }
  return words >= 4 && caps * 4 >= words;
}

// Pronouns and connectives that tie a paragraph to what came before.
bool StartsWithContinuation(std::string_view t) {
  static constexpr std::string_view kCont[] = {"He ", "She ", "They ", "It ", "This ", "That ", "These ",
                                               "But ", "And ", "However", "Also", "His ", "Her ",
                                               "Their ", "Its ", "Meanwhile", "The ", "In "};
  for (auto c : kCont)
    if (t.substr(0, c.size()) == c) return c != "The " && c != "In ";
  return false;
}

// Words in the first sentence of a block (ledes are long single sentences).
int FirstSentenceWords(std::string_view t) {
  int words = 0;
  bool in_word = false;
  for (size_t i = 0; i < t.size(); ++i) {
    char c = t[i];
    if (c == ' ') {
      in_word = false;
      continue;
    }
    if (!in_word) ++words;
    in_word = true;
    if ((c == '.' || c == '?' || c == '!') && i + 1 < t.size() && t[i + 1] == ' ' && words > 3) break;
  }
  return words;
}

// "has signed", "have agreed": the present perfect of news ledes, in the first sentence.
bool PresentPerfectLede(std::string_view t) {
  size_t end = t.find(". ");
  std::string_view first = t.substr(0, end);
  for (std::string_view aux : {" has ", " have "}) {
    size_t at = 0;
    while ((at = first.find(aux, at)) != std::string_view::npos) {
      size_t b = at + aux.size(), e = b;
      while (e < first.size() && first[e] >= 'a' && first[e] <= 'z') ++e;
      std::string_view w = first.substr(b, e - b);
      if (w.size() > 3 && (w.ends_with("ed") || w.ends_with("en") || w == "told" || w == "said")) return true;
      if (w == "been") return true;
      at = b;
    }
  }
  return false;
}

// Capitalised words not at a sentence start, and which of them open a two-word name.
struct NameWords {
  std::vector<uint64_t> single;     // hash of every mid-sentence capitalised word
  std::vector<uint64_t> name_last;  // hash of the second word of "First Last" pairs
};
NameWords NamesOf(std::string_view t) {
  NameWords out;
  size_t i = 0;
  bool sentence_start = true;
  bool prev_cap = false;
  while (i < t.size()) {
    char c = t[i];
    bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (!letter) {
      if (c == '.' || c == '?' || c == '!' || c == ':') sentence_start = true;
      if (c != ' ') prev_cap = false;
      ++i;
      continue;
    }
    size_t b = i;
    while (i < t.size() && (((t[i] | 32) >= 'a' && (t[i] | 32) <= 'z'))) ++i;
    bool cap = t[b] >= 'A' && t[b] <= 'Z' && i - b >= 3;
    if (cap && !sentence_start) {
      uint64_t h = WordHash(t.substr(b, i - b));
      out.single.push_back(h);
      if (prev_cap) out.name_last.push_back(h);
    }
    prev_cap = cap;
    sentence_start = false;
  }
  return out;
}

// Computes the features of every gap between consecutive article blocks and hands them to
// `on_gap(k, gaps, next_block, features)` one gap at a time (features are not kept: a long input has
// hundreds of thousands of gaps).
template <typename OnGap>
void ForEachGap(const std::vector<StoryBlock>& blocks, OnGap on_gap) {
  std::vector<uint32_t> article;
  for (uint32_t i = 0; i < blocks.size(); ++i)
    if (IsArticleKind(blocks[i].kind)) article.push_back(i);
  if (article.size() < 2) return;
  const IdBags bags = MakeIdBags(blocks, article);
  const size_t gaps = article.size() - 1;
  const size_t nb = article.size();
  // Global evidence: where a likelihood-based dynamic-programming segmentation of the article
  // blocks (the one behind `dossier segment`) cuts, at three granularities. Local cues cannot see
  // that the whole of what follows is about something else; this can.
  std::vector<std::string_view> units_of_article;
  units_of_article.reserve(article.size());
  for (uint32_t a : article) units_of_article.push_back(blocks[a].text);
  // The article blocks reduced to content terms once, for both the DP and the likelihood ratios.
  const segment_internal::UnitTerms terms = segment_internal::ExtractUnitTerms(units_of_article);
  // A paragraph that continues a quotation opened in the previous one cannot start a story.
  std::vector<uint8_t> no_start(article.size(), 0);
  for (size_t u = 1; u < article.size(); ++u) no_start[u] = OpensUnclosedQuote(blocks[article[u - 1]].text);
  // How much better two windows of article blocks explain their words than one window spanning
  // the gap: the log-likelihood ratio of a cut under the segmenter's word model, per word. The
  // three runs it needs are runs the DP sweeps anyway, so they are taken from its sweeps: the run
  // left of gap k starts at lb and the run right of it at k+1, and the sweep from lb comes first.
  static constexpr size_t kLlrWindows[] = {3, 6, 12};
  std::vector<std::array<double, 3>> llr(gaps), left(gaps), joint(gaps);
  segment_internal::LikelihoodBand band;
  band.width = 2 * kLlrWindows[2];
  band.fn = [&](size_t s, const double* ll, size_t) {
    auto run = [&](size_t end) { return ll[std::min(end, nb) - s - 1]; };  // ln P([s, end))
    for (int wi = 0; wi < 3; ++wi) {
      const size_t w = kLlrWindows[wi];
      // Gaps whose left window starts at s (at s = 0, every gap whose window is clipped there).
      const size_t first = s == 0 ? 0 : s + w - 1, last = s == 0 ? w - 1 : s + w - 1;
      for (size_t k = first; k <= last && k < gaps; ++k) {
        left[k][wi] = run(k + 1);
        joint[k][wi] = run(k + 1 + w);
      }
      // The gap just before s: its right window starts here, so its ratio is complete.
      if (s >= 1 && s - 1 < gaps) {
        const size_t k = s - 1, lb = k + 1 >= w ? k + 1 - w : 0;
        const double split = left[k][wi] + run(s + w);
        const size_t n = terms.Count(lb, s + w);
        llr[k][wi] = n > 0 ? (split - joint[k][wi]) / static_cast<double>(n) : 0.0;
      }
    }
  };
  static constexpr double kDpPenalties[] = {3.0, 6.0, 12.0};
  std::vector<std::vector<uint8_t>> dp_cut(3, std::vector<uint8_t>(gaps + 1, 0));
  {
    auto cuts = segment_internal::SegmentTermsAtPenalties(terms, segment_internal::UnitSegmenterParams{},
                                                          {kDpPenalties[0], kDpPenalties[1], kDpPenalties[2]},
                                                          &no_start, &band);
    for (int p = 0; p < 3; ++p)
      for (uint32_t u : cuts[p])
        if (u > 0) dp_cut[p][u - 1] = 1;  // unit u starts a segment: gap u-1 is a cut
  }
  left.clear();
  left.shrink_to_fit();
  joint.clear();
  joint.shrink_to_fit();
  static constexpr int kWindows[] = {1, 2, 4, 8};
  // Cosine similarity is bilinear, so the similarity of two windows (sums of block bags) follows
  // from the dot products of their blocks: dots[i * kSpan + d] = bags[i] . bags[i + d], computed
  // once for every pair closer than kSpan blocks, instead of summing bags for every window.
  constexpr size_t kSpan = 16;
  const std::vector<float> dots = NearDots(bags, kSpan);
  auto dot = [&](size_t i, size_t j) -> double {
    return i <= j ? dots[i * kSpan + (j - i)] : dots[j * kSpan + (i - j)];
  };
  // sim[w][k]: cohesion across gap k (between article k and k+1) with windows of w blocks.
  std::vector<std::vector<double>> sim(4, std::vector<double>(gaps, 0));
  for (int wi = 0; wi < 4; ++wi) {
    const size_t w = static_cast<size_t>(kWindows[wi]);
    for (size_t k = 0; k < gaps; ++k) {
      const size_t lb = k + 1 >= w ? k + 1 - w : 0, le = k + 1;
      const size_t rb = k + 1, re = std::min(nb, k + 1 + w);
      double cross = 0, ln = 0, rn = 0;
      for (size_t i = lb; i < le; ++i) {
        for (size_t j = rb; j < re; ++j) cross += dot(i, j);
        for (size_t j = lb; j < le; ++j) ln += dot(i, j);
      }
      for (size_t i = rb; i < re; ++i)
        for (size_t j = rb; j < re; ++j) rn += dot(i, j);
      sim[wi][k] = (ln > 0 && rn > 0) ? cross / std::sqrt(ln * rn) : 0.0;
    }
  }
  // in_window[id]: how many of the blocks k-7..k hold the word (slid along with k).
  std::vector<uint32_t> in_window(bags.words, 0);
  auto window_add = [&](size_t b) {
    for (auto e = bags.begin(b); e != bags.end(b); ++e) ++in_window[e->first];
  };
  auto window_remove = [&](size_t b) {
    for (auto e = bags.begin(b); e != bags.end(b); ++e) --in_window[e->first];
  };
  // The names of every article block, found once (each gap looks at the block after it and the
  // four before it).
  // Flat: single[single_at[i] .. single_at[i + 1]) and name_last[last_at[i] .. last_at[i + 1]) are
  // article block i's (a vector per block would cost more memory than the hashes on large inputs).
  std::vector<uint64_t> single, name_last;
  std::vector<uint32_t> single_at{0}, last_at{0};
  single_at.reserve(nb + 1);
  last_at.reserve(nb + 1);
  for (uint32_t a : article) {
    NameWords nw = NamesOf(blocks[a].text);
    single.insert(single.end(), nw.single.begin(), nw.single.end());
    name_last.insert(name_last.end(), nw.name_last.begin(), nw.name_last.end());
    single_at.push_back(static_cast<uint32_t>(single.size()));
    last_at.push_back(static_cast<uint32_t>(name_last.size()));
  }
  std::vector<uint64_t> before;
  std::vector<uint32_t> f;
  for (size_t k = 0; k < gaps; ++k) {
    f.clear();
    f.push_back(Hash("bias", 0));
    for (int wi = 0; wi < 4; ++wi) {
      double s = sim[wi][k];
      f.push_back(Hash("sim", wi * 100 + Bucket(s, 0.04, 12)));
      // Depth of the dip: how much higher cohesion is on both sides within 3 gaps.
      double lmax = s, rmax = s;
      for (size_t d = 1; d <= 3; ++d) {
        if (k >= d) lmax = std::max(lmax, sim[wi][k - d]);
        if (k + d < gaps) rmax = std::max(rmax, sim[wi][k + d]);
      }
      double depth = (lmax - s) + (rmax - s);
      f.push_back(Hash("depth", wi * 100 + Bucket(depth, 0.05, 10)));
      bool local_min = true;
      for (size_t d = 1; d <= 2; ++d) {
        if (k >= d && sim[wi][k - d] < s) local_min = false;
        if (k + d < gaps && sim[wi][k + d] < s) local_min = false;
      }
      if (local_min) f.push_back(Hash("localmin", wi));
    }
    for (int wi = 0; wi < 3; ++wi) {
      // Buckets of the per-word log-likelihood ratio (negative: the cut does not pay).
      const double x = llr[k][wi];
      int b = x < -0.05 ? 0 : x < 0 ? 1 : x < 0.02 ? 2 : x < 0.05 ? 3 : x < 0.1 ? 4 : x < 0.2 ? 5 : 6;
      f.push_back(Hash("llr", wi * 10 + b));
    }
    for (int p = 0; p < 3; ++p) {
      if (dp_cut[p][k]) f.push_back(Hash("dp_cut", p));
      else if ((k > 0 && dp_cut[p][k - 1]) || dp_cut[p][k + 1]) f.push_back(Hash("dp_near", p));
    }
    // Leftovers in the gap.
    uint32_t from = article[k] + 1, to = article[k + 1];
    int n_left = static_cast<int>(to - from);
    f.push_back(Hash("nleft", std::min(n_left, 5)));
    uint32_t sig_or = 0;
    for (uint32_t b = from; b < to; ++b) {
      f.push_back(Hash("leftkind", static_cast<int>(blocks[b].kind)));
      sig_or |= DetectLineSignals(blocks[b].text);
    }
    for (int b = 0; b < kNumLineSignals; ++b)
      if (sig_or & (1u << b)) f.push_back(Hash("gapsig", b));
    const StoryBlock& next = blocks[article[k + 1]];
    const StoryBlock& prev = blocks[article[k]];
    f.push_back(Hash("nextkind", static_cast<int>(next.kind)));
    f.push_back(Hash("prevkind", static_cast<int>(prev.kind)));
    if (HeadlineLike(next.text)) f.push_back(Hash("nexthead", n_left > 0));
    if (StartsWithContinuation(next.text)) f.push_back(Hash("nextcont", 1));
    // A paragraph that opens a quotation without closing it continues into the next paragraph
    // (the newspaper convention for quotes over several paragraphs): no story ends there.
    if (no_start[k + 1]) f.push_back(Hash("prev_open_quote", 1));
    if (!next.text.empty() && (next.text[0] == '"' || static_cast<unsigned char>(next.text[0]) == 0xE2))
      f.push_back(Hash("nextquote", 1));
    // Words after the gap never seen in the eight blocks before it.
    {
      window_add(k);
      if (k >= 8) window_remove(k - 8);
      float fresh = 0, total = 0;
      for (size_t d = 1; d <= 3 && k + d < article.size(); ++d)
        for (auto e = bags.begin(k + d); e != bags.end(k + d); ++e) {
          total += e->second;
          if (in_window[e->first] == 0) fresh += e->second;
        }
      f.push_back(Hash("fresh", total > 0 ? Bucket(fresh / total, 0.1, 9) : 10));
    }
    // What the block after the gap looks like: ledes are long single sentences, often in the
    // present perfect ("has signed"), and introduce people by their full names.
    {
      int w = FirstSentenceWords(next.text);
      f.push_back(Hash("next_first_len", w <= 8 ? 0 : w <= 15 ? 1 : w <= 25 ? 2 : w <= 35 ? 3 : 4));
    }
    if (PresentPerfectLede(next.text)) f.push_back(Hash("next_present_perfect", 1));
    {
      // Names in the next block: a full name ("First Last") whose last word the previous blocks
      // used (a continuation) or did not (a new person: a lede), and bare capitalised words seen
      // before (surname references continue a story).
      const std::span<const uint64_t> next_single(single.data() + single_at[k + 1], single.data() + single_at[k + 2]);
      const std::span<const uint64_t> next_last(name_last.data() + last_at[k + 1], name_last.data() + last_at[k + 2]);
      before.clear();
      for (size_t d = 0; d < 4 && d <= k; ++d)
        before.insert(before.end(), single.begin() + single_at[k - d], single.begin() + single_at[k - d + 1]);
      std::sort(before.begin(), before.end());
      int known_full = 0, new_full = 0, known_single = 0;
      for (uint64_t h : next_last) {
        if (std::binary_search(before.begin(), before.end(), h)) ++known_full;
        else ++new_full;
      }
      for (uint64_t h : next_single)
        if (std::binary_search(before.begin(), before.end(), h)) ++known_single;
      f.push_back(Hash("names_new_full", std::min(new_full, 3)));
      f.push_back(Hash("names_known_full", std::min(known_full, 3)));
      int total = static_cast<int>(next_single.size());
      f.push_back(Hash("names_known_share", total == 0 ? 9 : Bucket(static_cast<double>(known_single) / total, 0.25, 4)));
    }
    f.push_back(Hash("pos", std::min<int>(static_cast<int>(k), 3)));
    f.push_back(Hash("rpos", std::min<int>(static_cast<int>(gaps - 1 - k), 3)));
    on_gap(k, gaps, article[k + 1], f);
  }
}

}  // namespace

StorySegmenter::StorySegmenter() = default;
StorySegmenter::~StorySegmenter() = default;
StorySegmenter::StorySegmenter(StorySegmenter&&) noexcept = default;
StorySegmenter& StorySegmenter::operator=(StorySegmenter&&) noexcept = default;
bool StorySegmenter::loaded() const { return model_ != nullptr; }

bool StorySegmenter::Load(const std::string& path, std::string* error) {
  auto m = std::make_unique<LinearModel>();
  if (!m->Load(path, kModelKind, error)) return false;
  model_ = std::move(m);
  return true;
}

bool StorySegmenter::Save(const std::string& path, std::string* error) const {
  if (!model_) {
    *error = "no model to save";
    return false;
  }
  return model_->Save(path, kModelKind, model_->data_fingerprint(), model_->settings(), error);
}

std::vector<uint32_t> StorySegmenter::Segment(const std::vector<StoryBlock>& blocks) const {
  std::vector<uint32_t> starts;
  uint32_t first = 0;
  while (first < blocks.size() && !IsArticleKind(blocks[first].kind)) ++first;
  if (first == blocks.size()) return starts;
  starts.push_back(first);
  if (!model_) return starts;
  std::vector<std::pair<float, size_t>> candidates;
  std::vector<uint32_t> next_block;
  std::vector<float> scores;
  size_t gaps = 0;
  ForEachGap(blocks, [&](size_t k, size_t n, uint32_t next, const std::vector<uint32_t>& f) {
    gaps = n;
    next_block.push_back(next);
    model_->Score(f, &scores);
    float margin = scores[1] - scores[0];
    if (margin > kBoundaryMargin) candidates.push_back({margin, k});
  });
  // Strongest first; a boundary within kMinStoryBlocks article blocks of a stronger one is dropped.
  std::sort(candidates.begin(), candidates.end(), [](auto& a, auto& b) { return a.first > b.first; });
  std::set<size_t> chosen;
  for (auto& [m, k] : candidates) {
    // Too close to the start of the text, or leaving a last story of a single block.
    if (k + 1 < kMinStoryBlocks || k + 1 >= gaps) continue;
    auto after = chosen.lower_bound(k);
    if (after != chosen.end() && *after - k < kMinStoryBlocks) continue;
    if (after != chosen.begin() && k - *std::prev(after) < kMinStoryBlocks) continue;
    chosen.insert(k);
  }
  for (size_t k : chosen) starts.push_back(next_block[k]);
  return starts;
}

StorySegmenter StorySegmenter::Train(const std::vector<TrainingFile>& files, uint32_t seed, uint32_t epochs) {
  std::vector<LinearModel::Example> examples;
  uint64_t fp = 14695981039346656037ull;
  for (const auto& file : files) {
    std::vector<StoryBlock> blocks;
    for (size_t i = 0; i < file.lines.size(); ++i) {
      blocks.push_back({file.lines[i], file.kinds[i]});
      fp = Fingerprint64(file.lines[i].data(), file.lines[i].size(), fp);
    }
    ForEachGap(blocks, [&](size_t, size_t, uint32_t next, const std::vector<uint32_t>& f) {
      bool boundary = std::find(file.story_starts.begin(), file.story_starts.end(), next) != file.story_starts.end();
      examples.push_back({f, boundary ? 1 : 0});
    });
    for (uint32_t s : file.story_starts) fp = Fingerprint64(&s, sizeof s, fp);
  }
  auto model = std::make_unique<LinearModel>(2, kBits);
  model->Train(examples, epochs, seed);
  std::ostringstream settings;
  settings << "averaged perceptron; seed=" << seed << " epochs=" << epochs << " files=" << files.size()
           << " gaps=" << examples.size();
  model->SetProvenance(fp, settings.str());
  StorySegmenter s;
  s.model_ = std::move(model);
  return s;
}

namespace {

// Content words two bags share (each counted once).
int SharedWords(const BagOfWords& a, const BagOfWords& b) {
  int shared = 0;
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i].first < b[j].first) ++i;
    else if (b[j].first < a[i].first) ++j;
    else ++shared, ++i, ++j;
  }
  return shared;
}

// A line that could be a headline, before we know what it shares with the story: short, no final
// stop, three words at least, none of the signals of page furniture.
bool HeadlineCandidate(std::string_view t) {
  constexpr uint32_t kNotTitle = kSigFurniture | kSigByline | kSigDateline | kSigHandle | kSigUrl |
                                 kSigCopyright | kSigWatchTitle | kSigCredit | kSigCaptionMarker |
                                 kSigPlayerNotice | kSigConsent | kSigDuration | kSigMediaCaption;
  if (!HeadlineLike(t) || t.size() < 12 || t.size() > 200) return false;
  if (std::count(t.begin(), t.end(), ' ') < 2) return false;
  return (DetectLineSignals(t) & kNotTitle) == 0;
}

}  // namespace

void RecoverStoryTitles(const std::vector<StoryBlock>& blocks, std::vector<BlockKind>* kinds,
                        std::vector<uint32_t>* starts) {
  // How far back from a story's first article block its headline may sit: bylines, dates, share
  // and menu lines often come between the two.
  constexpr uint32_t kMaxBack = 8;
  for (size_t si = 0; si < starts->size(); ++si) {
    const uint32_t s = (*starts)[si];
    const uint32_t floor = si > 0 ? (*starts)[si - 1] + 1 : 0;
    // The words of the story's opening (its first three article blocks).
    BagOfWords opening;
    for (uint32_t b = s, n = 0; b < blocks.size() && n < 3; ++b) {
      if (!IsArticleKind((*kinds)[b])) continue;
      BagOfWords w = Words(blocks[b].text);
      opening.insert(opening.end(), w.begin(), w.end());
      ++n;
    }
    Compact(&opening);
    // Among the leftovers right before the story (not crossing an article block), the headline is
    // the candidate sharing most words with the opening (at least two); related-story links and
    // section names in the same gap share few or none.
    int best_shared = 1;
    int64_t best = -1;
    for (uint32_t back = 1; back <= kMaxBack && s >= floor + back; ++back) {
      const uint32_t b = s - back;
      if (IsArticleKind((*kinds)[b])) break;  // the gap ends here
      // Headlines the line classifier took for leftovers are `other` or, when they name someone,
      // `caption`; media and consent blocks are never headlines.
      if ((*kinds)[b] != BlockKind::kOther && (*kinds)[b] != BlockKind::kCaption) continue;
      if (!HeadlineCandidate(blocks[b].text)) continue;
      const int shared = SharedWords(Words(blocks[b].text), opening);
      if (shared > best_shared) {
        best_shared = shared;
        best = b;
      }
    }
    if (best < 0) {
      // No headline shares the story's words: the older rule, a title-cased line close by.
      for (uint32_t back = 1; back <= 3 && s >= floor + back; ++back) {
        const uint32_t b = s - back;
        if (IsArticleKind((*kinds)[b])) break;
        if ((*kinds)[b] != BlockKind::kOther) continue;
        StoryBlock candidate{blocks[b].text, (*kinds)[b]};
        if (!TitleLike(candidate) || !HeadlineCandidate(blocks[b].text)) continue;
        best = b;
        break;
      }
    }
    if (best < 0) continue;
    (*kinds)[best] = BlockKind::kHeading;
    (*starts)[si] = static_cast<uint32_t>(best);
  }
}

std::string InferStoryTitle(const std::vector<StoryBlock>& blocks, int32_t* title_block) {
  *title_block = -1;
  for (size_t i = 0; i < blocks.size(); ++i) {
    if (!IsArticleKind(blocks[i].kind)) continue;
    // Only the story's first article block can be its title.
    if (blocks[i].kind == BlockKind::kHeading || (HeadlineLike(blocks[i].text) && blocks[i].text.size() < 140 &&
                                                   blocks[i].text.find(". ") == std::string_view::npos &&
                                                   blocks[i].kind != BlockKind::kListItem &&
                                                   blocks[i].text.back() != '?')) {
      *title_block = static_cast<int32_t>(i);
      return std::string(blocks[i].text);
    }
    return "";
  }
  return "";
}

}  // namespace dossier
