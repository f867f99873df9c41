// The unit segmenter's fast paths against their references: SweepPair (two likelihood sweeps at
// once) against the plain Sweep, the dynamic programme against one written with one Sweep per
// start, and ExtractUnitTerms (hashing, ASCII inline) against ExtractTerms on hostile bytes.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <map>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "segment/unit_segmenter_internal.h"

namespace dossier {
namespace {

using segment_internal::SegmentLikelihood;
using segment_internal::UnitTerms;

// Units of random words from a small vocabulary, so that words repeat within and across units.
std::vector<std::string> RandomUnits(std::mt19937& rng, size_t n) {
  static const char* kWords[] = {"yacht", "harbour", "mainsail", "grandmaster", "bishop", "queen",
                                 "volcano", "lava", "crater", "bread", "oven", "dough", "minister",
                                 "election", "budget", "tax", "court", "judge", "appeal", "storm"};
  std::vector<std::string> units(n);
  for (auto& u : units) {
    const size_t words = rng() % 12;  // some units have no terms at all
    for (size_t w = 0; w < words; ++w) u += std::string(kWords[rng() % 20]) + " ";
  }
  return units;
}

// The programme of SegmentTermsAtPenalties, one Sweep per start, as it was before SweepPair.
std::vector<std::vector<uint32_t>> ReferenceProgramme(const UnitTerms& terms, const std::vector<double>& penalties,
                                                      const std::vector<uint8_t>& no_start, size_t max_len) {
  const size_t n = terms.units(), np = penalties.size();
  SegmentLikelihood likelihood(terms, 0.5);
  std::vector<std::vector<double>> best(np, std::vector<double>(n + 1, -std::numeric_limits<double>::infinity()));
  std::vector<std::vector<uint32_t>> back(np, std::vector<uint32_t>(n + 1, 0));
  for (auto& b : best) b[0] = 0;
  for (size_t s = 0; s < n; ++s) {
    if (s > 0 && no_start[s]) continue;
    likelihood.Sweep(s, std::min(n, s + max_len), [&](size_t t, double ll) {
      for (size_t k = 0; k < np; ++k) {
        const double score = best[k][s] + ll - penalties[k] * std::log(static_cast<double>(n));
        if (score > best[k][t]) {
          best[k][t] = score;
          back[k][t] = static_cast<uint32_t>(s);
        }
      }
    });
  }
  std::vector<std::vector<uint32_t>> all(np);
  for (size_t k = 0; k < np; ++k) {
    for (size_t t = n; t > 0; t = back[k][t]) all[k].insert(all[k].begin(), back[k][t]);
  }
  return all;
}

TEST(SweepPair, SameValuesInTheSameOrderAsTwoSweeps) {
  std::mt19937 rng(7);
  for (int round = 0; round < 40; ++round) {
    const auto units = RandomUnits(rng, 2 + rng() % 60);
    const UnitTerms terms = segment_internal::ExtractUnitTerms({units.begin(), units.end()});
    const size_t n = terms.units();
    SegmentLikelihood pair(terms, 0.5), plain(terms, 0.5);
    for (size_t s = 0; s + 1 < n; ++s) {
      const size_t end0 = s + 1 + rng() % (n - s), end1 = s + 2 + rng() % (n - s - 1);
      std::vector<std::pair<int, double>> got, want;  // (which run, value), in call order
      std::vector<size_t> ends0, ends1;
      pair.SweepPair(
          s, end0, end1, [&](size_t t, double v) { got.push_back({0, v}); ends0.push_back(t); },
          [&](size_t t, double v) { got.push_back({1, v}); ends1.push_back(t); });
      std::vector<double> v0, v1;
      plain.Sweep(s, end0, [&](size_t, double v) { v0.push_back(v); });
      plain.Sweep(s + 1, end1, [&](size_t, double v) { v1.push_back(v); });
      // Values bit for bit; run 0 first at every end t.
      std::vector<double> g0, g1;
      for (auto [which, v] : got) (which ? g1 : g0).push_back(v);
      ASSERT_EQ(g0, v0);
      ASSERT_EQ(g1, v1);
      for (size_t i = 0; i < ends0.size(); ++i) EXPECT_EQ(ends0[i], s + 1 + i);
      for (size_t i = 0; i < ends1.size(); ++i) EXPECT_EQ(ends1[i], s + 2 + i);
      ASSERT_EQ(got.front().first, 0);
      // When run 1 reaches end t, run 0 has reached every end up to t it has.
      size_t seen0 = 0, seen1 = 0;
      for (auto [which, v] : got) {
        if (which == 0) {
          ++seen0;
        } else {
          const size_t t = s + 2 + seen1++;
          EXPECT_EQ(seen0, std::min(ends0.size(), t - s)) << "run 1 at " << t;
        }
      }
    }
  }
}

TEST(SegmentTermsAtPenalties, SameAsTheOneSweepPerStartReference) {
  std::mt19937 rng(11);
  const std::vector<double> penalties = {0.5, 1.0, 3.0, 12.0};
  for (int round = 0; round < 60; ++round) {
    const auto units = RandomUnits(rng, 1 + rng() % 150);
    const UnitTerms terms = segment_internal::ExtractUnitTerms({units.begin(), units.end()});
    std::vector<uint8_t> no_start(units.size(), 0);
    for (auto& x : no_start) x = rng() % 4 == 0;
    segment_internal::UnitSegmenterParams params;
    params.max_segment_units = 1 + rng() % 120;
    segment_internal::LikelihoodBand band;
    band.width = rng() % 30;
    band.fn = [](size_t, const double*, size_t) {};
    const auto fast = segment_internal::SegmentTermsAtPenalties(terms, params, penalties, &no_start,
                                                                band.width ? &band : nullptr);
    EXPECT_EQ(fast, ReferenceProgramme(terms, penalties, no_start, params.max_segment_units)) << "round " << round;
  }
}

TEST(ExtractUnitTerms, SameTermsAsExtractTermsOnAnyBytes) {
  std::mt19937 rng(5);
  const std::string pieces[] = {"Yacht", "HARBOUR", "caf\xC3\xA9", "Z\xC3\xBCrich", "\xE2\x80\x9C", "\xE2\x80\x94",
                                "\xC3", "\xE2\x80", "\xF0\x9F\x98\x80", "\xC3" "Ab", "\xE2QRs", "\xF0" "ABC",
                                "12", "x", " ", ".", "-", "'s", "the", "Running", "\xFF", "\x80"};
  for (int round = 0; round < 300; ++round) {
    std::vector<std::string> units(1 + rng() % 5);
    for (auto& u : units)
      for (size_t k = rng() % 14; k > 0; --k) u += pieces[rng() % std::size(pieces)];
    const segment_internal::UnitTerms terms = segment_internal::ExtractUnitTerms({units.begin(), units.end()});
    std::map<std::string, uint32_t> id_of;
    for (size_t u = 0; u < units.size(); ++u) {
      const auto expected = segment_internal::ExtractTerms(units[u]);
      ASSERT_EQ(terms.Count(u, u + 1), expected.size()) << units[u];
      for (size_t i = 0; i < expected.size(); ++i) {
        auto [it, fresh] = id_of.emplace(expected[i], terms.ids[terms.offsets[u] + i]);
        EXPECT_EQ(it->second, terms.ids[terms.offsets[u] + i]) << expected[i];
      }
    }
    EXPECT_EQ(terms.vocabulary, id_of.size());
  }
}


// A document with more distinct stems than the thread's cache keeps after a document (a scrape of
// several MB analysed whole) drops the cache; the documents before and after it must get the same
// terms as without the cache.
TEST(ExtractUnitTerms, SameTermsAfterAVeryLargeVocabularyDropsTheCache) {
  auto check = [](const std::vector<std::string>& units) {
    const segment_internal::UnitTerms terms = segment_internal::ExtractUnitTerms({units.begin(), units.end()});
    std::map<std::string, uint32_t> id_of;
    for (size_t u = 0; u < units.size(); ++u) {
      const auto expected = segment_internal::ExtractTerms(units[u]);
      EXPECT_EQ(terms.Count(u, u + 1), expected.size());
      for (size_t i = 0; i < expected.size() && i < terms.Count(u, u + 1); ++i) {
        auto [it, fresh] = id_of.emplace(expected[i], terms.ids[terms.offsets[u] + i]);
        EXPECT_EQ(it->second, terms.ids[terms.offsets[u] + i]) << expected[i];
      }
    }
    EXPECT_EQ(terms.vocabulary, id_of.size());
    return terms.vocabulary;
  };
  const std::vector<std::string> small = {"The harbour master fined the yacht.", "Yachts left the harbour."};
  check(small);
  // 80,000 distinct made-up words (six letters from a consonant-heavy alphabet, then "k" so that
  // no suffix rule of the stemmer applies): 80,000 distinct stems, 200 words a unit.
  std::vector<std::string> large(400);
  uint32_t n = 0;
  for (auto& unit : large)
    for (int w = 0; w < 200; ++w, ++n) {
      uint32_t x = n;
      for (int letter = 0; letter < 6; ++letter, x /= 16) unit += "bcdfghjlmnpqrstv"[x % 16];
      unit += "k ";
    }
  EXPECT_EQ(check(large), 80000u);
  EXPECT_EQ(check(small), 5u);  // harbour, master, fine, yacht, left
  EXPECT_EQ(check(large), 80000u);
}

}  // namespace
}  // namespace dossier
