#include "segment/boundary_features.h"

#include <algorithm>
#include <cmath>

#include "segment/segment_lattice.h"
#include "segment/stopwords.h"

namespace dossier::segment_internal {
namespace {

bool IsWordByte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '\'';
}

// Lower-cased words of a unit (letters, digits, apostrophes), in order.
std::vector<std::string> Words(std::string_view unit) {
  std::vector<std::string> words;
  std::string w;
  for (char c : unit) {
    if (IsWordByte(c)) {
      w.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    } else if (!w.empty()) {
      words.push_back(std::move(w));
      w.clear();
    }
  }
  if (!w.empty()) words.push_back(std::move(w));
  return words;
}

bool IsPronoun(const std::string& w) {
  static const char* const kPronouns[] = {"he", "she", "it", "they", "him", "her", "them", "his", "its", "their",
                                          "this", "these", "those", "we", "i"};
  for (const char* p : kPronouns)
    if (w == p) return true;
  return false;
}

// Evidence beyond the opening word: a pronoun among the first words (an anaphor that needs an
// antecedent before it), the first two words when both are function words, how the previous unit
// ends, and how much of the unit's vocabulary is new with respect to the units just before.
void AddContextFeatures(const std::vector<std::string_view>& units, const UnitTerms& terms,
                        std::vector<std::vector<Feature>>* out) {
  const size_t n = units.size();
  constexpr size_t kWindow = 10;
  std::vector<uint32_t> last_seen(terms.vocabulary, UINT32_MAX);  // last unit using the term, < i
  std::vector<uint32_t> next_seen(terms.vocabulary, UINT32_MAX);
  for (size_t i = 0; i < n; ++i) {
    if (i >= 1) {
      const std::vector<std::string> words = Words(units[i]);
      for (size_t j = 0; j < std::min<size_t>(4, words.size()); ++j) {
        if (IsPronoun(words[j])) {
          (*out)[i].push_back({j == 0 ? "pron@0" : "pron@1-3", 1});
          break;
        }
      }
      if (words.size() >= 2 && IsStopword(words[0]) && IsStopword(words[1]))
        (*out)[i].push_back({"open2=" + words[0] + "_" + words[1], 1});
      std::string_view prev = units[i - 1];
      while (!prev.empty() && (prev.back() == ' ' || prev.back() == '\t')) prev.remove_suffix(1);
      const char end = prev.empty() ? ' ' : prev.back();
      (*out)[i].push_back({std::string("prevend:") + (end == '.' ? "stop" : end == '?' ? "question" : end == ':' ? "colon"
                                                     : end == '"' || end == '\'' ? "quote" : "other"), 1});
      // Share of the unit's distinct terms that occurred in the previous kWindow units.
      size_t distinct = 0, seen = 0;
      for (uint32_t k = terms.offsets[i]; k < terms.offsets[i + 1]; ++k) {
        const uint32_t id = terms.ids[k];
        if (next_seen[id] == i) continue;  // already counted in this unit
        next_seen[id] = static_cast<uint32_t>(i);
        ++distinct;
        seen += last_seen[id] != UINT32_MAX && i - last_seen[id] <= kWindow;
      }
      if (distinct > 0) (*out)[i].push_back({"seen", static_cast<double>(seen) / static_cast<double>(distinct)});
      else (*out)[i].push_back({"noterms", 1});
    }
    for (uint32_t k = terms.offsets[i]; k < terms.offsets[i + 1]; ++k) last_seen[terms.ids[k]] = static_cast<uint32_t>(i);
  }
}

}  // namespace

std::string FirstWord(std::string_view unit) {
  size_t i = 0;
  while (i < unit.size() && (unit[i] == ' ' || unit[i] == '\t')) ++i;
  std::string w;
  while (i < unit.size() && IsWordByte(unit[i])) {
    char c = unit[i++];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    w.push_back(c);
  }
  return w;
}

std::vector<std::vector<Feature>> BoundaryFeatures(const std::vector<std::string_view>& units) {
  const size_t n = units.size();
  std::vector<std::vector<Feature>> out(n);
  if (n < 2) return out;
  const UnitTerms terms = ExtractUnitTerms(units);
  const double log_n = std::log(static_cast<double>(n));
  constexpr size_t kMaxLen = 100;
  const SegmentLattice dcm = DcmLattice(terms, 0.5, kMaxLen);

  // Posterior starts at several (temperature, cost) settings: a sharp model at the tuned cost, and
  // flatter ones whose posteriors spread over the competing positions.
  struct Setting {
    const char* name;
    double temperature, cost;
  };
  constexpr Setting kSettings[] = {{"a", 1, 1.0}, {"b", 2, 0.5}, {"c", 4, 0.25}, {"d", 1, 2.0}};
  for (const Setting& st : kSettings) {
    SegmentLattice l(n, kMaxLen);
    for (size_t s = 0; s < n; ++s)
      for (size_t len = 1, m = l.MaxLenAt(s); len <= m; ++len)
        l.at(s, len) = dcm.at(s, len) / st.temperature - st.cost * log_n;
    const std::vector<double> p = StartMarginals(l);
    const std::vector<uint32_t> best = BestSegmentation(l);
    std::vector<char> is_best(n + 1, 0);
    for (uint32_t b : best) is_best[b] = 1;
    const std::string pre = std::string("m") + st.name;
    for (size_t i = 1; i < n; ++i) {
      const double prev = i > 1 ? p[i - 1] : 0, next = i + 1 < n ? p[i + 1] : 0;
      out[i].push_back({pre + ".p", p[i]});
      out[i].push_back({pre + ".near", std::min(1.0, prev + p[i] + next)});
      out[i].push_back({pre + ".peak", p[i] >= prev && p[i] >= next ? p[i] : 0.0});
      out[i].push_back({pre + ".map", is_best[i]});
      out[i].push_back({pre + ".map1", is_best[i - 1] || is_best[i + 1] ? 1.0 : 0.0});
    }
  }

  // Local cohesion: ln P(left) + ln P(right) - ln P(both), per word of the two windows.
  for (size_t w : {2, 4, 8}) {
    const std::string name = "coh" + std::to_string(w);
    for (size_t i = 1; i < n; ++i) {
      const size_t a = i >= w ? i - w : 0, b = std::min(n, i + w);
      const double gain = dcm.at(a, i - a) + dcm.at(i, b - i) - dcm.at(a, b - a);
      const double words = static_cast<double>(terms.Count(a, b)) + 1.0;
      out[i].push_back({name, std::clamp(gain / words, -2.0, 2.0)});
    }
  }

  // How the unit opens, and how the one before it ends.
  for (size_t i = 1; i < n; ++i) {
    const std::string first = FirstWord(units[i]);
    size_t lead = 0;
    while (lead < units[i].size() && units[i][lead] == ' ') ++lead;
    const char c0 = lead < units[i].size() ? units[i][lead] : ' ';
    if (!first.empty() && IsStopword(first)) out[i].push_back({"open=" + first, 1});
    else if (c0 >= 'A' && c0 <= 'Z') out[i].push_back({"open:cap", 1});
    else if (c0 >= 'a' && c0 <= 'z') out[i].push_back({"open:lower", 1});
    else if (c0 >= '0' && c0 <= '9') out[i].push_back({"open:digit", 1});
    else out[i].push_back({std::string("open:") + (c0 == '"' || c0 == '`' || c0 == '\'' ? "quote" : "other"), 1});
    out[i].push_back({"bias", 1});
  }
  AddContextFeatures(units, terms, &out);
  return out;
}

}  // namespace dossier::segment_internal
