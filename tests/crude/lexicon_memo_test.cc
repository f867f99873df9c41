// Lexicon::Base answers through a per-thread memo: it must always agree with the plain look-up,
// across lexicons, moves, slot collisions and threads.
#include <gtest/gtest.h>

#include <memory>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "crude/lexicon.h"

namespace dossier {
namespace {

std::string RandomWord(std::mt19937& rng) {
  std::string w;
  for (size_t n = 2 + rng() % 6; n > 0; --n) w.push_back(static_cast<char>('a' + rng() % 6));
  if (rng() % 3 == 0) w[0] = static_cast<char>(w[0] - 32);
  return w;
}

std::vector<std::string> RandomWords(uint32_t seed, size_t n) {
  std::mt19937 rng(seed);
  std::vector<std::string> words;
  for (size_t i = 0; i < n; ++i) words.push_back(RandomWord(rng));
  return words;
}

void ExpectAgrees(const Lexicon& lex, const std::vector<std::string>& queries) {
  for (const auto& q : queries) ASSERT_EQ(lex.Base(q), lex.BaseUncached(q)) << q;
}

TEST(LexiconMemo, BaseAgreesWithTheUncachedLookUp) {
  // Far more distinct queries than memo slots, so slots are reused by other words.
  const auto listed = RandomWords(1, 20000);
  Lexicon lex = Lexicon::FromWords(listed, {}, {});
  const auto queries = RandomWords(2, 60000);
  ExpectAgrees(lex, queries);
  ExpectAgrees(lex, queries);  // now mostly from the memo
  ExpectAgrees(lex, listed);
  EXPECT_EQ(lex.Base("Zzzzzz"), Lexicon::BaseForm::kAbsent);
}

TEST(LexiconMemo, TwoLexiconsOnOneThreadNeverShareAnswers) {
  Lexicon a = Lexicon::FromWords({"harbour", "Paris"}, {}, {});
  Lexicon b = Lexicon::FromWords({"crater"}, {}, {});
  for (int round = 0; round < 3; ++round) {
    EXPECT_EQ(a.Base("harbour"), Lexicon::BaseForm::kLower);
    EXPECT_EQ(b.Base("harbour"), Lexicon::BaseForm::kAbsent);
    EXPECT_EQ(a.Base("paris"), Lexicon::BaseForm::kCapitalizedOnly);
    EXPECT_EQ(b.Base("Paris"), Lexicon::BaseForm::kAbsent);
    EXPECT_EQ(a.Base("crater"), Lexicon::BaseForm::kAbsent);
    EXPECT_EQ(b.Base("crater"), Lexicon::BaseForm::kLower);
  }
}

TEST(LexiconMemo, MovesAndNewLexiconsAtTheSameAddress) {
  Lexicon a = Lexicon::FromWords({"harbour"}, {}, {});
  EXPECT_EQ(a.Base("harbour"), Lexicon::BaseForm::kLower);
  Lexicon moved = std::move(a);
  EXPECT_EQ(moved.Base("harbour"), Lexicon::BaseForm::kLower);
  EXPECT_EQ(a.Base("harbour"), Lexicon::BaseForm::kAbsent);  // NOLINT: moved-from is empty
  a = Lexicon::FromWords({"crater"}, {}, {});                 // new contents, same object
  EXPECT_EQ(a.Base("harbour"), Lexicon::BaseForm::kAbsent);
  EXPECT_EQ(a.Base("crater"), Lexicon::BaseForm::kLower);
  for (int i = 0; i < 3; ++i) {
    auto fresh = std::make_unique<Lexicon>(Lexicon::FromWords(i % 2 ? std::vector<std::string>{"lava"}
                                                                     : std::vector<std::string>{}, {}, {}));
    EXPECT_EQ(fresh->Base("lava"), i % 2 ? Lexicon::BaseForm::kLower : Lexicon::BaseForm::kAbsent);
  }
}

TEST(LexiconMemo, EveryThreadHasItsOwnMemo) {
  const auto listed = RandomWords(3, 5000);
  const Lexicon lex = Lexicon::FromWords(listed, {}, {});
  std::vector<std::thread> threads;
  std::vector<int> ok(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      const auto queries = RandomWords(10 + t, 20000);
      int good = 1;
      for (int pass = 0; pass < 2; ++pass)
        for (const auto& q : queries) good &= lex.Base(q) == lex.BaseUncached(q);
      ok[t] = good;
    });
  }
  for (auto& th : threads) th.join();
  for (int t = 0; t < 4; ++t) EXPECT_EQ(ok[t], 1) << "thread " << t;
}

}  // namespace
}  // namespace dossier
