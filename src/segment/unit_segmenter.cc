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

// Maps each distinct surface word of a document to its term id (or kNoTerm for stopwords and
// words without a letter), so stemming and the stopword test run once per distinct word rather
// than once per occurrence.
class TermTable {
 public:
  static constexpr uint32_t kNoTerm = UINT32_MAX;

  // Appends the term ids of `unit` to `out`, in order, the same terms ExtractTerms gives.
  void Extract(std::string_view unit, std::vector<uint32_t>* out) {
    size_t i = 0;
    while (i < unit.size()) {
      if (WordCharLength(unit, i) == 0) {
        const unsigned char b = static_cast<unsigned char>(unit[i]);
        i += b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
        continue;
      }
      const size_t begin = i;
      uint64_t h = 14695981039346656037ull;
      while (i < unit.size()) {
        const size_t l = WordCharLength(unit, i);
        if (l == 0) break;
        for (size_t k = 0; k < l; ++k) {
          char ch = unit[i + k];
          if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
          h = (h ^ static_cast<unsigned char>(ch)) * 1099511628211ull;
        }
        i += l;
      }
      auto [it, fresh] = by_word_.emplace(h, kNoTerm);
      if (fresh) it->second = Lookup(unit.substr(begin, i - begin));
      if (it->second != kNoTerm) out->push_back(it->second);
    }
  }
  size_t size() const { return ids_.size(); }

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
    return ids_.emplace(std::move(word), static_cast<uint32_t>(ids_.size())).first->second;
  }

  std::unordered_map<uint64_t, uint32_t> by_word_;
  std::unordered_map<std::string, uint32_t> ids_;
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

std::vector<std::vector<uint32_t>> SegmentUnitsAtPenalties(const std::vector<std::string_view>& units,
                                                           const UnitSegmenterParams& p,
                                                           const std::vector<double>& penalties,
                                                           const std::vector<uint8_t>* no_start) {
  // Term ids per unit.
  TermTable table;
  std::vector<std::vector<uint32_t>> terms(units.size());
  for (size_t u = 0; u < units.size(); ++u) table.Extract(units[u], &terms[u]);
  return SegmentTermsAtPenalties(terms, table.size(), p, penalties, no_start);
}

std::vector<std::vector<uint32_t>> SegmentTermsAtPenalties(const std::vector<std::vector<uint32_t>>& terms,
                                                           size_t vocabulary, const UnitSegmenterParams& p,
                                                           const std::vector<double>& penalties,
                                                           const std::vector<uint8_t>* no_start) {
  const size_t n = terms.size();
  const size_t np = penalties.size();
  if (n == 0) return std::vector<std::vector<uint32_t>>(np);
  if (n == 1) return std::vector<std::vector<uint32_t>>(np, std::vector<uint32_t>{0});

  const double prior = p.prior > 0 ? p.prior : 0.5;
  const double concentration = prior * static_cast<double>(std::max<size_t>(vocabulary, 1));
  const double lg_concentration = std::lgamma(concentration);
  // One dynamic programme per penalty, sharing the segment scores (the expensive part).
  std::vector<double> penalty(np);
  for (size_t k = 0; k < np; ++k) penalty[k] = penalties[k] * std::log(static_cast<double>(n));
  const size_t max_len = std::max<size_t>(1, p.max_segment_units);
  // ln(c + prior) for small counts c, the increment of lgamma(c + prior) when a term is added.
  std::vector<double> log_count(64);
  for (size_t c = 0; c < log_count.size(); ++c) log_count[c] = std::log(static_cast<double>(c) + prior);

  // Forward dynamic programming: best[t] = best score of units [0, t) cut into segments.
  std::vector<std::vector<double>> best(np, std::vector<double>(n + 1, -std::numeric_limits<double>::infinity()));
  std::vector<std::vector<uint32_t>> back(np, std::vector<uint32_t>(n + 1, 0));
  for (auto& b : best) b[0] = 0;
  std::vector<uint32_t> count(vocabulary, 0);
  std::vector<double> lg_words{lg_concentration};  // lg_words[w] = lgamma(w + concentration)
  std::vector<uint32_t> touched;
  for (size_t s = 0; s < n; ++s) {
    if (s > 0 && no_start && s < no_start->size() && (*no_start)[s]) continue;  // may not open a segment
    double words = 0;
    double sum = 0;  // sum_w [lgamma(c_w + prior) - lgamma(prior)] of the segment [s, t)
    for (size_t t = s + 1; t <= n && t - s <= max_len; ++t) {
      for (uint32_t id : terms[t - 1]) {
        const uint32_t c = count[id]++;
        if (c == 0) touched.push_back(id);
        sum += c < log_count.size() ? log_count[c] : std::log(c + prior);
        words += 1;
      }
      // lgamma(words + concentration) from a table grown by the recurrence
      // lgamma(x + 1) = lgamma(x) + ln(x): one lookup instead of an lgamma call per (s, t).
      const size_t w = static_cast<size_t>(words);
      while (lg_words.size() <= w) {
        const double x = static_cast<double>(lg_words.size() - 1) + concentration;
        lg_words.push_back(lg_words.back() + std::log(x));
      }
      const double likelihood = lg_concentration - lg_words[w] + sum;
      for (size_t k = 0; k < np; ++k) {
        const double score = best[k][s] + likelihood - penalty[k];
        if (score > best[k][t]) {
          best[k][t] = score;
          back[k][t] = static_cast<uint32_t>(s);
        }
      }
    }
    for (uint32_t id : touched) count[id] = 0;
    touched.clear();
  }
  std::vector<std::vector<uint32_t>> all(np);
  for (size_t k = 0; k < np; ++k) {
    for (size_t t = n; t > 0; t = back[k][t]) all[k].push_back(back[k][t]);
    std::reverse(all[k].begin(), all[k].end());
  }
  return all;
}

DcmScorer::DcmScorer(const std::vector<std::string_view>& units, double prior) : terms_(units.size()), prior_(prior) {
  TermTable table;
  for (size_t u = 0; u < units.size(); ++u) table.Extract(units[u], &terms_[u]);
  vocabulary_ = table.size();
  count_.assign(table.size(), 0);
  for (uint32_t c = 0; c < 64; ++c) log_count_.push_back(std::log(static_cast<double>(c) + prior_));
  concentration_ = prior_ * static_cast<double>(std::max<size_t>(table.size(), 1));
  lg_words_.push_back(std::lgamma(concentration_));
}

DcmScorer::~DcmScorer() = default;

size_t DcmScorer::Terms(size_t begin, size_t end) const {
  size_t n = 0;
  for (size_t u = begin; u < end && u < terms_.size(); ++u) n += terms_[u].size();
  return n;
}

double DcmScorer::LogLikelihood(size_t begin, size_t end) {
  double sum = 0;
  size_t words = 0;
  for (size_t u = begin; u < end && u < terms_.size(); ++u) {
    for (uint32_t id : terms_[u]) {
      const uint32_t c = count_[id]++;
      if (c == 0) touched_.push_back(id);
      sum += c < log_count_.size() ? log_count_[c] : std::log(static_cast<double>(c) + prior_);
      ++words;
    }
  }
  for (uint32_t id : touched_) count_[id] = 0;
  touched_.clear();
  while (lg_words_.size() <= words) {
    const double x = static_cast<double>(lg_words_.size() - 1) + concentration_;
    lg_words_.push_back(lg_words_.back() + std::log(x));
  }
  return lg_words_[0] - lg_words_[words] + sum;
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
