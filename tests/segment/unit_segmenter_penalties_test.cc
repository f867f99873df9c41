// Segmentation at several penalties at once (the story segmenter's global evidence), the
// `no_start` constraint, and the DCM log-likelihood scorer.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "dossier/segment.h"
#include "segment/unit_segmenter_internal.h"

namespace dossier {
namespace {

using segment_internal::DcmScorer;
using segment_internal::ExtractTerms;

std::vector<std::string_view> Views(const std::vector<std::string>& lines) {
  return std::vector<std::string_view>(lines.begin(), lines.end());
}

const std::vector<std::string> kSailing = {
    "The yacht sailed across the harbour with its mainsail and jib fully raised.",
    "Sailors trimmed the mainsail as the yacht heeled in the strong wind.",
    "The skipper steered the yacht past the harbour wall and into open sea.",
    "A gust of wind filled the jib and the yacht surged through the waves.",
    "The sailors lowered the mainsail and anchored the yacht in the harbour.",
};
const std::vector<std::string> kChess = {
    "The grandmaster moved her bishop and threatened the opponent's queen.",
    "Her opponent castled early, guarding the king behind a wall of pawns.",
    "The grandmaster sacrificed a rook to open the file towards the king.",
    "With the queen and bishop together, checkmate followed in three moves.",
    "Chess players studied the game, calling the rook sacrifice brilliant.",
};
const std::vector<std::string> kVolcano = {
    "The volcano erupted overnight, sending lava and ash high above the island.",
    "Villagers fled as molten lava flowed down the volcano's slopes.",
    "Geologists measured sulphur gas and tremors beneath the crater.",
    "Ash from the eruption grounded flights across the island's airport.",
    "The crater glowed red as lava kept pouring from the volcano.",
};
const std::vector<std::string> kBaking = {
    "Bake the bread dough in a hot oven until the crust turns golden.",
    "The baker kneads the dough with flour, butter and yeast.",
    "Fresh bread from the oven smells of butter and warm flour.",
    "Let the dough rise twice so the bread has a light crumb and crisp crust.",
    "Slice the loaf once the bread has cooled on a rack beside the oven.",
};

std::vector<std::string> Concat(std::initializer_list<const std::vector<std::string>*> parts) {
  std::vector<std::string> out;
  for (const auto* p : parts) out.insert(out.end(), p->begin(), p->end());
  return out;
}

const std::vector<double> kPenalties = {0.25, 1.0, 4.0, 16.0};

std::vector<std::vector<std::string>> Documents() {
  return {
      Concat({&kSailing, &kChess, &kVolcano}),
      Concat({&kBaking, &kVolcano}),
      Concat({&kChess, &kBaking, &kSailing, &kVolcano}),
      Concat({&kVolcano, &kVolcano}),
      kChess,
      {"One lonely sentence about a yacht."},
      {"A yacht.", "A rook."},
  };
}

TEST(SegmentUnitsAtPenalties, SameAsSegmentUnitsAtEachPenalty) {
  for (const auto& doc : Documents()) {
    const auto units = Views(doc);
    const auto all = SegmentUnitsAtPenalties(units, kPenalties);
    ASSERT_EQ(all.size(), kPenalties.size());
    for (size_t k = 0; k < kPenalties.size(); ++k) {
      EXPECT_EQ(all[k], SegmentUnits(units, UnitSegmenterOptions{kPenalties[k]}))
          << "penalty " << kPenalties[k] << ", document of " << doc.size() << " units starting \"" << doc[0] << "\"";
      ASSERT_FALSE(all[k].empty());
      EXPECT_EQ(all[k][0], 0u);
      for (size_t i = 1; i < all[k].size(); ++i) EXPECT_LT(all[k][i - 1], all[k][i]);
      EXPECT_LT(all[k].back(), doc.size());
    }
  }
}

TEST(SegmentUnitsAtPenalties, FindsTheTopicBoundaries) {
  const auto doc = Concat({&kSailing, &kChess, &kVolcano});
  const auto all = SegmentUnitsAtPenalties(Views(doc), {1.0});
  EXPECT_EQ(all[0], (std::vector<uint32_t>{0, 5, 10}));
  const auto four = Concat({&kChess, &kBaking, &kSailing, &kVolcano});
  EXPECT_EQ(SegmentUnitsAtPenalties(Views(four), {1.0})[0], (std::vector<uint32_t>{0, 5, 10, 15}));
}

TEST(SegmentUnitsAtPenalties, LargerPenaltyNeverMoreSegments) {
  for (const auto& doc : Documents()) {
    const auto all = SegmentUnitsAtPenalties(Views(doc), kPenalties);
    for (size_t k = 1; k < all.size(); ++k)
      EXPECT_LE(all[k].size(), all[k - 1].size())
          << "penalties " << kPenalties[k - 1] << " -> " << kPenalties[k] << " on \"" << doc[0] << "\"";
  }
  // At a prohibitive penalty everything is one segment.
  const auto doc = Concat({&kSailing, &kChess, &kVolcano});
  EXPECT_EQ(SegmentUnitsAtPenalties(Views(doc), {1000.0})[0], (std::vector<uint32_t>{0}));
}

TEST(SegmentUnitsAtPenalties, EmptyInputGivesOneEmptyVectorPerPenalty) {
  const auto all = SegmentUnitsAtPenalties({}, {0.5, 1.0, 2.0});
  ASSERT_EQ(all.size(), 3u);
  for (const auto& s : all) EXPECT_TRUE(s.empty());
  EXPECT_TRUE(SegmentUnitsAtPenalties({}, {}).empty());
  // No penalty at all: no segmentation.
  const auto doc = Concat({&kSailing, &kChess});
  EXPECT_TRUE(SegmentUnitsAtPenalties(Views(doc), {}).empty());
}

TEST(SegmentUnitsAtPenalties, OneUnitIsOneSegmentAtEveryPenalty) {
  const std::vector<std::string_view> units = {"Only one unit about chess."};
  const auto all = SegmentUnitsAtPenalties(units, {0.1, 10.0});
  EXPECT_EQ(all, (std::vector<std::vector<uint32_t>>{{0}, {0}}));
}

// The objective the segmenter maximises, computed independently with DcmScorer: the sum of the
// segments' log-likelihoods minus penalty * ln(units) per segment.
double Objective(DcmScorer& dcm, const std::vector<uint32_t>& starts, size_t n, double penalty) {
  double o = 0;
  for (size_t i = 0; i < starts.size(); ++i) {
    const size_t end = i + 1 < starts.size() ? starts[i + 1] : n;
    o += dcm.LogLikelihood(starts[i], end) - penalty * std::log(static_cast<double>(n));
  }
  return o;
}

// The best segmentation by trying all 2^(n-1) of them (n <= 16), honouring no_start.
std::vector<uint32_t> BruteForce(DcmScorer& dcm, size_t n, double penalty, const std::vector<uint8_t>& no_start) {
  double best = -1e300;
  std::vector<uint32_t> best_starts;
  for (uint32_t mask = 0; mask < (1u << (n - 1)); ++mask) {
    std::vector<uint32_t> starts = {0};
    bool ok = true;
    for (uint32_t u = 1; u < n && ok; ++u) {
      if (!((mask >> (u - 1)) & 1)) continue;
      if (no_start[u]) ok = false;
      starts.push_back(u);
    }
    if (!ok) continue;
    const double o = Objective(dcm, starts, n, penalty);
    if (o > best) {
      best = o;
      best_starts = starts;
    }
  }
  return best_starts;
}

TEST(SegmentUnitsAtPenalties, NoStartMovesOnlyThatBoundary) {
  const auto doc = Concat({&kSailing, &kChess, &kVolcano});
  const auto units = Views(doc);
  const auto free = SegmentUnitsAtPenalties(units, {2.0});
  ASSERT_EQ(free[0], (std::vector<uint32_t>{0, 5, 10}));
  std::vector<uint8_t> no_start(doc.size(), 0);
  no_start[5] = 1;  // the first unit of the chess topic may not open a segment
  // The sailing/chess boundary moves one unit on; the chess/volcano boundary stays.
  EXPECT_EQ(SegmentUnitsAtPenalties(units, {2.0}, &no_start)[0], (std::vector<uint32_t>{0, 6, 10}));
  // Likewise in the four-topic document at the same penalty.
  const auto four = Concat({&kChess, &kBaking, &kSailing, &kVolcano});
  ASSERT_EQ(SegmentUnitsAtPenalties(Views(four), {2.0})[0], (std::vector<uint32_t>{0, 5, 10, 15}));
  std::vector<uint8_t> no_start4(four.size(), 0);
  no_start4[10] = 1;
  const auto c4 = SegmentUnitsAtPenalties(Views(four), {2.0}, &no_start4)[0];
  ASSERT_EQ(c4.size(), 4u);
  EXPECT_EQ(c4[1], 5u);
  EXPECT_TRUE(c4[2] == 9u || c4[2] == 11u) << c4[2];
  EXPECT_EQ(c4[3], 15u);
}

TEST(SegmentUnitsAtPenalties, NoStartResultIsTheConstrainedOptimum) {
  // At other penalties the optimum under the constraint may rearrange more than one boundary (at 4.0
  // it is {0, 9}); whatever it is, it must be the exact constrained optimum of the model.
  const auto doc = Concat({&kSailing, &kChess, &kVolcano});
  const auto units = Views(doc);
  const std::vector<double> penalties = {0.5, 1.0, 2.0, 4.0};
  std::vector<uint8_t> no_start(doc.size(), 0);
  no_start[5] = 1;
  const auto constrained = SegmentUnitsAtPenalties(units, penalties, &no_start);
  const auto free = SegmentUnitsAtPenalties(units, penalties);
  DcmScorer dcm(units);
  const std::vector<uint8_t> unconstrained(doc.size(), 0);
  for (size_t k = 0; k < penalties.size(); ++k) {
    for (uint32_t u : constrained[k]) EXPECT_NE(u, 5u) << "penalty " << penalties[k];
    EXPECT_EQ(constrained[k], BruteForce(dcm, doc.size(), penalties[k], no_start)) << "penalty " << penalties[k];
    EXPECT_EQ(free[k], BruteForce(dcm, doc.size(), penalties[k], unconstrained)) << "penalty " << penalties[k];
  }
}

TEST(SegmentUnitsAtPenalties, NoStartEdgeCases) {
  const auto doc = Concat({&kSailing, &kChess, &kVolcano});
  const auto units = Views(doc);
  const std::vector<double> penalties = {1.0, 2.0};
  const auto free = SegmentUnitsAtPenalties(units, penalties);
  // Marking every unit after the first as no_start leaves one segment.
  std::vector<uint8_t> none(doc.size(), 1);
  for (const auto& s : SegmentUnitsAtPenalties(units, penalties, &none)) EXPECT_EQ(s, (std::vector<uint32_t>{0}));
  // Unit 0 always starts, even when flagged.
  std::vector<uint8_t> first(doc.size(), 0);
  first[0] = 1;
  EXPECT_EQ(SegmentUnitsAtPenalties(units, penalties, &first), free);
  // A flag vector shorter than the units constrains only the units it covers.
  std::vector<uint8_t> short_flags(3, 1);
  EXPECT_EQ(SegmentUnitsAtPenalties(units, penalties, &short_flags), free);
  // All-zero flags change nothing.
  std::vector<uint8_t> zeros(doc.size(), 0);
  EXPECT_EQ(SegmentUnitsAtPenalties(units, penalties, &zeros), free);
}

// The likelihood band the DP hands out (what the story segmenter's likelihood ratios use) is, to
// the last bit, what DcmScorer computes for the same runs, for every start, including starts that
// may not open a segment; and asking for it does not change the segmentation.
TEST(SegmentTermsAtPenalties, LikelihoodBandEqualsDcmScorer) {
  for (const auto& doc : Documents()) {
    const auto units = Views(doc);
    DcmScorer dcm(units);
    const segment_internal::UnitTerms terms = segment_internal::ExtractUnitTerms(units);
    std::vector<uint8_t> no_start(doc.size(), 0);
    for (size_t u = 1; u < doc.size(); u += 3) no_start[u] = 1;
    for (size_t width : {1, 4, 24, 150}) {
      std::vector<size_t> starts_seen;
      segment_internal::LikelihoodBand band;
      band.width = width;
      band.fn = [&](size_t s, const double* ll, size_t count) {
        starts_seen.push_back(s);
        ASSERT_EQ(count, std::min(width, doc.size() - s));
        for (size_t i = 0; i < count; ++i)
          EXPECT_EQ(ll[i], dcm.LogLikelihood(s, s + i + 1)) << "run [" << s << ", " << s + i + 1 << ")";
      };
      const segment_internal::UnitSegmenterParams params;
      const auto with = segment_internal::SegmentTermsAtPenalties(terms, params, kPenalties, &no_start, &band);
      const auto without = segment_internal::SegmentTermsAtPenalties(terms, params, kPenalties, &no_start);
      EXPECT_EQ(with, without);
      EXPECT_EQ(with, SegmentUnitsAtPenalties(units, kPenalties, &no_start));
      ASSERT_EQ(starts_seen.size(), doc.size());
      for (size_t s = 0; s < doc.size(); ++s) EXPECT_EQ(starts_seen[s], s);
    }
  }
}

TEST(ExtractUnitTerms, SameTermsAsExtractTerms) {
  for (const auto& doc : Documents()) {
    const auto units = Views(doc);
    const segment_internal::UnitTerms terms = segment_internal::ExtractUnitTerms(units);
    ASSERT_EQ(terms.units(), doc.size());
    // Equal terms get equal ids and different terms different ids.
    std::map<std::string, uint32_t> id_of;
    std::set<uint32_t> ids;
    for (size_t u = 0; u < doc.size(); ++u) {
      const auto expected = ExtractTerms(doc[u]);
      ASSERT_EQ(terms.Count(u, u + 1), expected.size()) << doc[u];
      for (size_t i = 0; i < expected.size(); ++i) {
        const uint32_t id = terms.ids[terms.offsets[u] + i];
        auto [it, fresh] = id_of.emplace(expected[i], id);
        EXPECT_EQ(it->second, id) << expected[i];
        if (fresh) {
          EXPECT_TRUE(ids.insert(id).second) << expected[i];
        }
      }
    }
    EXPECT_EQ(terms.vocabulary, id_of.size());
    for (uint32_t id : ids) EXPECT_LT(id, terms.vocabulary);
  }
}

TEST(DcmScorer, TwoTopicsSplitBetterThanJoined) {
  const auto doc = Concat({&kSailing, &kChess});
  const auto units = Views(doc);
  DcmScorer dcm(units);
  const size_t m = kSailing.size(), n = doc.size();
  const double split = dcm.LogLikelihood(0, m) + dcm.LogLikelihood(m, n);
  const double joint = dcm.LogLikelihood(0, n);
  EXPECT_GT(split, joint);
  // Log-likelihoods of non-empty runs are negative; an empty run has likelihood 1.
  EXPECT_LT(dcm.LogLikelihood(0, m), 0.0);
  EXPECT_DOUBLE_EQ(dcm.LogLikelihood(3, 3), 0.0);
  // Repeatable: the scorer's scratch state is reset after each call.
  EXPECT_DOUBLE_EQ(dcm.LogLikelihood(0, n), joint);
  EXPECT_DOUBLE_EQ(dcm.LogLikelihood(0, m) + dcm.LogLikelihood(m, n), split);
}

TEST(DcmScorer, OneTopicGainsLessFromASplit) {
  const auto two = Concat({&kSailing, &kChess});
  const auto one = Concat({&kSailing, &kSailing});
  DcmScorer d2(Views(two));
  DcmScorer d1(Views(one));
  const size_t m = kSailing.size(), n = two.size();
  ASSERT_EQ(one.size(), n);
  const double gain2 = d2.LogLikelihood(0, m) + d2.LogLikelihood(m, n) - d2.LogLikelihood(0, n);
  const double gain1 = d1.LogLikelihood(0, m) + d1.LogLikelihood(m, n) - d1.LogLikelihood(0, n);
  EXPECT_LT(gain1, gain2);
  // Repeating one topic: one segment explains it better than two halves.
  EXPECT_LT(gain1, 0.0);
}

TEST(DcmScorer, TermsCountsContentTerms) {
  const std::vector<std::string> lines = {"The cat sat on the mat", "", "and of the", "Dogs chase cats, rapidly!"};
  const auto units = Views(lines);
  DcmScorer dcm(units);
  EXPECT_EQ(ExtractTerms("The cat sat on the mat"), (std::vector<std::string>{"cat", "sat", "mat"}));
  EXPECT_EQ(dcm.Terms(0, 1), 3u);
  EXPECT_EQ(dcm.Terms(1, 2), 0u);
  EXPECT_EQ(dcm.Terms(2, 3), ExtractTerms(lines[2]).size());
  EXPECT_EQ(dcm.Terms(3, 4), ExtractTerms(lines[3]).size());
  size_t total = 0;
  for (const auto& l : lines) total += ExtractTerms(l).size();
  EXPECT_EQ(dcm.Terms(0, lines.size()), total);
  // Ranges past the end are clipped.
  EXPECT_EQ(dcm.Terms(0, 100), total);
  EXPECT_EQ(dcm.Terms(5, 9), 0u);
  for (const auto& doc : Documents()) {
    DcmScorer d(Views(doc));
    for (size_t u = 0; u < doc.size(); ++u) EXPECT_EQ(d.Terms(u, u + 1), ExtractTerms(doc[u]).size()) << doc[u];
  }
}

}  // namespace
}  // namespace dossier
