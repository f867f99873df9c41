// Linear text segmentation by lexical cohesion: the segmentation of maximum posterior probability
// under a Dirichlet-compound-multinomial (DCM) language model per segment.
//
// Model (a "BayesSeg"-style objective, Eisenstein & Barzilay 2008, with the segment-count prior of
// Utiyama & Isahara 2001): each segment draws its own word distribution from a symmetric
// Dirichlet(prior); the words of its units are drawn from it. Integrating the distribution out, the
// log-likelihood of a segment with term counts c_w (n terms in all, V = vocabulary of the document) is
//     lgamma(V*prior) - lgamma(n + V*prior) + sum_w [lgamma(c_w + prior) - lgamma(prior)],
// which is high when a segment keeps re-using its own words. Every segment costs
// penalty_per_segment * ln(N) nats (N = number of units). The best segmentation is found exactly by
// dynamic programming over segment ends, with segments of at most max_segment_units units:
// O(N * max_segment_units * terms per unit) time, O(N + V) memory.
//
// Units are reduced to content terms: lower-cased, split at non-alphanumeric characters, stopwords
// (stopwords.cc) and tokens without a letter dropped, Porter-stemmed. The number of segments is not
// given; it follows from the penalty. Hyperparameters (unit_segmenter_internal.h): prior = 0.5 and
// penalty_per_segment = 1.0, chosen on Choi dev and news dev together (grid: prior 0.03..1, penalty
// constant 0..25 or 0.5..2.5 x ln N); other options tried and dropped on dev: a cosine/binary
// similarity matrix with a B/L^r cohesion score (Fragkou et al. 2004 style; Choi Pk 0.11-0.15),
// modularity (0.13), hapax removal, capitalised-word weighting, a document-frequency Dirichlet base.
#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <unordered_map>
#include <utility>

#include "dossier/segment.h"
#include "segment/porter_stemmer.h"
#include "segment/stopwords.h"
#include "segment/unit_segmenter_internal.h"
#include "util/hash_slots.h"

namespace dossier {
namespace segment_internal {
namespace {

bool IsAsciiAlnum(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Length in bytes of the word character at unit[p], or 0 when it is not one. Word characters: ASCII
// letters and digits and every non-ASCII character except the General Punctuation block
// U+2000..U+207F (curly quotes, dashes, ellipsis, invisible spaces).
size_t WordCharLength(std::string_view unit, size_t p) {
  const unsigned char b = static_cast<unsigned char>(unit[p]);
  if (b < 0x80) return IsAsciiAlnum(b) ? 1 : 0;
  if (b == 0xE2 && p + 1 < unit.size()) {
    const unsigned char b1 = static_cast<unsigned char>(unit[p + 1]);
    if (b1 == 0x80 || b1 == 0x81) return 0;
  }
  const size_t len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
  return std::min(len, unit.size() - p);
}

// The stem of a surface word (or kNoTerm for stopwords and words without a letter) is a property
// of the word, not of the document, so it is looked up once per distinct word per thread and kept
// for the documents that follow; a process analysing many files stems each word once. The table is
// emptied between documents when it passes kMaxWords, which bounds its memory (about 40 MB).
class StemCache {
 public:
  static constexpr uint32_t kNoTerm = UINT32_MAX;
  static constexpr size_t kMaxWords = size_t{1} << 20;

  // Global id of the stem of the word whose lower-cased FNV-1a hash is `h`, or kNoTerm.
  uint32_t StemId(uint64_t h, std::string_view surface) {
    bool fresh = false;
    uint32_t& id = by_word_.FindOrInsert(h, kNoTerm, &fresh);
    if (fresh) id = Lookup(surface);
    return id;
  }
  size_t stems() const { return stems_.size(); }
  // Called between documents only: ids handed out before are invalid afterwards.
  void TrimIfLarge() {
    if (by_word_.size() < kMaxWords) return;
    by_word_ = HashSlots<uint32_t>();
    stems_.clear();
  }
  // Gives all of the table's memory back (clear() would keep the map's bucket array).
  void Release() {
    by_word_ = HashSlots<uint32_t>();
    std::unordered_map<std::string, uint32_t>().swap(stems_);
  }

 private:
  uint32_t Lookup(std::string_view surface) {
    std::string word(surface);
    bool has_letter = false;
    for (char& ch : word) {
      if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
      if ((ch >= 'a' && ch <= 'z') || static_cast<unsigned char>(ch) >= 0x80) has_letter = true;
    }
    if (!has_letter || word.size() < 2 || IsStopword(word)) return kNoTerm;
    PorterStem(word);
    return stems_.emplace(std::move(word), static_cast<uint32_t>(stems_.size())).first->second;
  }

  HashSlots<uint32_t> by_word_;                      // surface hash -> stem id
  std::unordered_map<std::string, uint32_t> stems_;  // stem -> stem id
};

// Maps the words of one document to dense term ids 0 .. size()-1 (one per distinct stem), through
// the thread's StemCache.
class TermTable {
 public:
  static constexpr uint32_t kNoTerm = StemCache::kNoTerm;

  TermTable() : cache_(Cache()) {
    cache_.TrimIfLarge();
    local_.Reset(cache_.stems());
  }

  // Appends the term ids of `unit` to `out`, in order, the same terms ExtractTerms gives.
  // ASCII bytes, nearly all of the text, are judged inline; WordCharLength gives the same answer
  // for them (a letter or digit is a one-byte word character, anything else a one-byte non-word).
  void Extract(std::string_view unit, std::vector<uint32_t>* out) {
    const size_t n = unit.size();
    size_t i = 0;
    while (i < n) {
      const unsigned char b = static_cast<unsigned char>(unit[i]);
      if (b < 0x80 ? !IsAsciiAlnum(b) : WordCharLength(unit, i) == 0) {
        i += b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
        continue;
      }
      const size_t begin = i;
      uint64_t h = 14695981039346656037ull;
      while (i < n) {
        const unsigned char c = static_cast<unsigned char>(unit[i]);
        if (c < 0x80) {
          if (!IsAsciiAlnum(c)) break;
          h = (h ^ static_cast<unsigned char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c)) * 1099511628211ull;
          ++i;
          continue;
        }
        const size_t l = WordCharLength(unit, i);
        if (l == 0) break;
        for (size_t k = 0; k < l; ++k) {
          // A malformed sequence may hold ASCII bytes: lower-cased as everywhere else.
          const unsigned char d = static_cast<unsigned char>(unit[i + k]);
          h = (h ^ static_cast<unsigned char>(d >= 'A' && d <= 'Z' ? d - 'A' + 'a' : d)) * 1099511628211ull;
        }
        i += l;
      }
      const uint32_t stem = cache_.StemId(h, unit.substr(begin, i - begin));
      if (stem != kNoTerm) out->push_back(local_.IdOf(stem));
    }
  }
  size_t size() const { return local_.size(); }

  // A document with more distinct stems than this (a scrape of several MB analysed as one
  // document) has filled the thread's cache with words the next, ordinary documents mostly do not
  // share; the cache is dropped after it rather than held resident for the rest of the run (about
  // 9 MB for a 12 MB scrape). Stemming those words again is cheap next to such a document.
  static constexpr size_t kReleaseAfterStems = size_t{1} << 16;
  static void ReleaseThreadState() {
    State().cache.Release();
    State().local.Release();
  }

 private:
  // Dense per-document ids for the cache's stem ids, in order of first occurrence.
  class LocalIds {
   public:
    void Reset(size_t stems) {
      ++stamp_;
      if (stamp_ == 0) {  // wrapped: forget every old stamp
        std::fill(seen_.begin(), seen_.end(), 0);
        stamp_ = 1;
      }
      if (seen_.size() < stems) Grow(stems);
      size_ = 0;
    }
    uint32_t IdOf(uint32_t stem) {
      if (stem >= seen_.size()) Grow(stem + 1);
      if (seen_[stem] != stamp_) {
        seen_[stem] = stamp_;
        id_[stem] = static_cast<uint32_t>(size_++);
      }
      return id_[stem];
    }
    size_t size() const { return size_; }
    void Release() {
      std::vector<uint32_t>().swap(seen_);
      std::vector<uint32_t>().swap(id_);
      stamp_ = 0;
      size_ = 0;
    }

   private:
    void Grow(size_t n) {
      const size_t cap = std::max(n, 2 * seen_.size());
      seen_.resize(cap, 0);
      id_.resize(cap, 0);
    }
    std::vector<uint32_t> seen_;  // stamp_ when the stem has an id in this document
    std::vector<uint32_t> id_;
    uint32_t stamp_ = 0;
    size_t size_ = 0;
  };

  struct PerThread {
    StemCache cache;
    LocalIds local;
  };
  static StemCache& Cache() { return State().cache; }
  static PerThread& State() {
    thread_local PerThread state;
    return state;
  }

  StemCache& cache_;
  LocalIds& local_ = State().local;
};

}  // namespace

std::vector<std::string> ExtractTerms(std::string_view unit) {
  std::vector<std::string> terms;
  size_t i = 0;
  while (i < unit.size()) {
    if (WordCharLength(unit, i) == 0) {
      const unsigned char b = static_cast<unsigned char>(unit[i]);
      i += b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;  // skip the whole UTF-8 sequence
      continue;
    }
    const size_t begin = i;
    while (i < unit.size()) {
      const size_t l = WordCharLength(unit, i);
      if (l == 0) break;
      i += l;
    }
    std::string word(unit.substr(begin, i - begin));
    bool has_letter = false;
    for (char& ch : word) {
      if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
      if ((ch >= 'a' && ch <= 'z') || static_cast<unsigned char>(ch) >= 0x80) has_letter = true;
    }
    if (!has_letter || word.size() < 2 || IsStopword(word)) continue;
    PorterStem(word);
    terms.push_back(std::move(word));
  }
  return terms;
}

std::vector<uint32_t> SegmentUnitsWithParams(const std::vector<std::string_view>& units,
                                             const UnitSegmenterParams& p) {
  return SegmentUnitsAtPenalties(units, p, {p.penalty_per_segment}, nullptr)[0];
}

size_t UnitTerms::Count(size_t begin, size_t end) const {
  end = std::min(end, units());
  return begin < end ? offsets[end] - offsets[begin] : 0;
}

// One TermTable at a time per thread (it borrows the thread's id scratch), so only this function
// makes them.
UnitTerms ExtractUnitTerms(const std::vector<std::string_view>& units) {
  UnitTerms terms;
  TermTable table;
  terms.offsets.reserve(units.size() + 1);
  for (std::string_view u : units) {
    table.Extract(u, &terms.ids);
    terms.offsets.push_back(static_cast<uint32_t>(terms.ids.size()));
  }
  terms.vocabulary = table.size();
  if (terms.vocabulary > TermTable::kReleaseAfterStems) TermTable::ReleaseThreadState();
  return terms;
}

SegmentLikelihood::SegmentLikelihood(const UnitTerms& terms, double prior) : terms_(terms) {
  count_.assign(terms.vocabulary, 0);
  // A term's count within a run never exceeds its count in the document.
  std::vector<uint32_t> total(terms.vocabulary, 0);
  uint32_t most = 0;
  for (uint32_t id : terms.ids) most = std::max(most, ++total[id]);
  log_count_.resize(std::max<size_t>(64, most));
  for (size_t c = 0; c < log_count_.size(); ++c) log_count_[c] = std::log(static_cast<double>(c) + prior);
  concentration_ = prior * static_cast<double>(std::max<size_t>(terms.vocabulary, 1));
  lg_words_.push_back(std::lgamma(concentration_));
}

void SegmentLikelihood::GrowLgWords(size_t words) {
  while (lg_words_.size() <= words) {
    const double x = static_cast<double>(lg_words_.size() - 1) + concentration_;
    lg_words_.push_back(lg_words_.back() + std::log(x));
  }
}

std::vector<std::vector<uint32_t>> SegmentUnitsAtPenalties(const std::vector<std::string_view>& units,
                                                           const UnitSegmenterParams& p,
                                                           const std::vector<double>& penalties,
                                                           const std::vector<uint8_t>* no_start) {
  return SegmentTermsAtPenalties(ExtractUnitTerms(units), p, penalties, no_start);
}

std::vector<std::vector<uint32_t>> SegmentTermsAtPenalties(const UnitTerms& terms, const UnitSegmenterParams& p,
                                                           const std::vector<double>& penalties,
                                                           const std::vector<uint8_t>* no_start,
                                                           const LikelihoodBand* band) {
  const size_t n = terms.units();
  const size_t np = penalties.size();
  if (n == 0) return std::vector<std::vector<uint32_t>>(np);

  const double prior = p.prior > 0 ? p.prior : 0.5;
  SegmentLikelihood likelihood(terms, prior);
  // One dynamic programme per penalty, sharing the segment scores (the expensive part).
  std::vector<double> penalty(np);
  for (size_t k = 0; k < np; ++k) penalty[k] = penalties[k] * std::log(static_cast<double>(n));
  const size_t max_len = std::max<size_t>(1, p.max_segment_units);
  const size_t width = band ? band->width : 0;
  std::vector<double> band_ll(width);

  // Forward dynamic programming: best[t] = best score of units [0, t) cut into segments.
  std::vector<std::vector<double>> best(np, std::vector<double>(n + 1, -std::numeric_limits<double>::infinity()));
  std::vector<std::vector<uint32_t>> back(np, std::vector<uint32_t>(n + 1, 0));
  for (auto& b : best) b[0] = 0;
  std::vector<double> band_ll2(width);
  // How far the runs from s go: dp_end for the programme (a unit that may not start a segment
  // gets none), band_end for the band; the sweep goes to the larger.
  auto dp_end_of = [&](size_t s) {
    const bool may_start = !(s > 0 && no_start && s < no_start->size() && (*no_start)[s]);
    return may_start ? std::min(n, s + max_len) : s;
  };
  auto band_end_of = [&](size_t s) { return std::min(n, s + width); };
  // The run [s, t) with log-likelihood ll: into the band, and a candidate last segment of [0, t).
  auto visit = [&](size_t s, size_t dp_end, double* ll_out, size_t t, double ll) {
    if (t - s <= width) ll_out[t - s - 1] = ll;
    if (t > dp_end) return;
    for (size_t k = 0; k < np; ++k) {
      const double score = best[k][s] + ll - penalty[k];
      if (score > best[k][t]) {
        best[k][t] = score;
        back[k][t] = static_cast<uint32_t>(s);
      }
    }
  };
  // Starts two at a time (SweepPair: the same numbers, compared in the same order, as one sweep
  // after the other; best[s + 1] is final once the run [s, s + 1) is seen, which SweepPair does first).
  for (size_t s = 0; s < n; s += 2) {
    const size_t dp0 = dp_end_of(s), band0 = band_end_of(s), end0 = std::max(dp0, band0);
    auto fn0 = [&](size_t t, double ll) { visit(s, dp0, band_ll.data(), t, ll); };
    if (s + 1 < n) {
      const size_t dp1 = dp_end_of(s + 1), band1 = band_end_of(s + 1), end1 = std::max(dp1, band1);
      auto fn1 = [&](size_t t, double ll) { visit(s + 1, dp1, band_ll2.data(), t, ll); };
      if (end0 >= s + 1 && end1 >= s + 2) {
        likelihood.SweepPair(s, end0, end1, fn0, fn1);
      } else {
        likelihood.Sweep(s, end0, fn0);
        likelihood.Sweep(s + 1, end1, fn1);
      }
      if (band && band0 > s) band->fn(s, band_ll.data(), band0 - s);
      if (band && band1 > s + 1) band->fn(s + 1, band_ll2.data(), band1 - s - 1);
    } else {
      likelihood.Sweep(s, end0, fn0);
      if (band && band0 > s) band->fn(s, band_ll.data(), band0 - s);
    }
  }
  std::vector<std::vector<uint32_t>> all(np);
  for (size_t k = 0; k < np; ++k) {
    for (size_t t = n; t > 0; t = back[k][t]) all[k].push_back(back[k][t]);
    std::reverse(all[k].begin(), all[k].end());
  }
  return all;
}

DcmScorer::DcmScorer(const std::vector<std::string_view>& units, double prior)
    : terms_(ExtractUnitTerms(units)), likelihood_(terms_, prior) {}

double DcmScorer::LogLikelihood(size_t begin, size_t end) {
  end = std::min(end, terms_.units());
  if (begin >= end) return 0.0;
  double ll = 0;
  likelihood_.Sweep(begin, end, [&](size_t t, double v) {
    if (t == end) ll = v;
  });
  return ll;
}

}  // namespace segment_internal

std::vector<std::vector<uint32_t>> SegmentUnitsAtPenalties(const std::vector<std::string_view>& units,
                                                           const std::vector<double>& penalties,
                                                           const std::vector<uint8_t>* no_start) {
  return segment_internal::SegmentUnitsAtPenalties(units, segment_internal::UnitSegmenterParams{}, penalties,
                                                   no_start);
}

std::vector<uint32_t> SegmentUnits(const std::vector<std::string_view>& units,
                                   const UnitSegmenterOptions& options) {
  segment_internal::UnitSegmenterParams params;
  if (options.boundary_penalty >= 0) params.penalty_per_segment = options.boundary_penalty;
  return segment_internal::SegmentUnitsWithParams(units, params);
}

}  // namespace dossier
