#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "dossier/text.h"

namespace dossier {
namespace {

// The sentences of `s` as text (from the first token's start to the last token's end).
std::vector<std::string> Split(std::string_view s, uint32_t base = 7) {
  std::vector<Token> tokens;
  Tokenize(s, base, &tokens);
  std::vector<TokenRange> ranges;
  SplitSentences(s, base, tokens.data(), tokens.size(), &ranges);
  std::vector<std::string> out;
  for (const TokenRange& r : ranges) {
    const uint32_t b = tokens[r.first].span.begin - base;
    const uint32_t e = tokens[r.first + r.count - 1].span.end - base;
    out.emplace_back(s.substr(b, e - b));
  }
  return out;
}

using V = std::vector<std::string>;

TEST(SentenceSplitter, BriefExamples) {
  EXPECT_EQ(Split("“They want to have boots on the ground”, he told the broadcaster."),
            V{"“They want to have boots on the ground”, he told the broadcaster."});
  EXPECT_EQ(Split("Mr Trump said it. He left."), (V{"Mr Trump said it.", "He left."}));
  EXPECT_EQ(Split("The U.S. has refused. But now..."), (V{"The U.S. has refused.", "But now..."}));
  EXPECT_EQ(Split("He lives in the U.S. state of Ohio."), V{"He lives in the U.S. state of Ohio."});
  EXPECT_EQ(Split("At 3 p.m. the meeting began."), V{"At 3 p.m. the meeting began."});
  EXPECT_EQ(Split("Dr. Smith met St. John on Jan. 5 in Washington."),
            V{"Dr. Smith met St. John on Jan. 5 in Washington."});
  EXPECT_EQ(Split("J. R. R. Tolkien wrote it."), V{"J. R. R. Tolkien wrote it."});
  EXPECT_EQ(Split("It cost $90bn (£66.6bn). Then..."), (V{"It cost $90bn (£66.6bn).", "Then..."}));
  EXPECT_EQ(Split("“I HAVE JUST SIGNED THE BILL TO RELEASE THE EPSTEIN FILES!” he said in a post."),
            V{"“I HAVE JUST SIGNED THE BILL TO RELEASE THE EPSTEIN FILES!” he said in a post."});
  EXPECT_EQ(Split("“He must have got this from K…” wrote Donald Trump‘s special envoy Steve "
                  "Witkoff on X. He clearly thought he was sending a private message."),
            (V{"“He must have got this from K…” wrote Donald Trump‘s special envoy Steve Witkoff "
               "on X.",
               "He clearly thought he was sending a private message."}));
}

TEST(SentenceSplitter, Stops) {
  EXPECT_EQ(Split("Is it? Yes! It is… Really."), (V{"Is it?", "Yes!", "It is…", "Really."}));
  EXPECT_EQ(Split("He waited… and waited."), V{"He waited… and waited."});
  EXPECT_EQ(Split("“Why?” he asked. “Because.”"), (V{"“Why?” he asked.", "“Because.”"}));
  EXPECT_EQ(Split("“Why?” Trump asked."), V{"“Why?” Trump asked."});
  EXPECT_EQ(Split("It ended (finally.) Then"), (V{"It ended (finally.)", "Then"}));
  EXPECT_EQ(Split("He paid. 40 people came."), (V{"He paid.", "40 people came."}));
  EXPECT_EQ(Split("It fell 5%. £3bn was lost."), (V{"It fell 5%.", "£3bn was lost."}));
  EXPECT_EQ(Split("see e.g. the rest. ok."), V{"see e.g. the rest. ok."});
}

TEST(SentenceSplitter, Abbreviations) {
  EXPECT_EQ(Split("He works for Acme Inc. The firm grew."),
            (V{"He works for Acme Inc.", "The firm grew."}));
  EXPECT_EQ(Split("He works for Acme Inc. in Ohio."), V{"He works for Acme Inc. in Ohio."});
  EXPECT_EQ(Split("It opens at 9 a.m. It closes late."), (V{"It opens at 9 a.m.", "It closes late."}));
  EXPECT_EQ(Split("It was in Jan. The rest followed."), (V{"It was in Jan.", "The rest followed."}));
  EXPECT_EQ(Split("They chose Plan B. Then they left."), (V{"They chose Plan B.", "Then they left."}));
  EXPECT_EQ(Split("Gov. Smith and Sen. Jones spoke."), V{"Gov. Smith and Sen. Jones spoke."});
  // A title never ends a sentence, even before a word that usually opens one.
  EXPECT_EQ(Split("Dr. No is a film. Mr. I is not."), (V{"Dr. No is a film.", "Mr. I is not."}));
}

TEST(SentenceSplitter, QuoteFollowedByQuote) {
  EXPECT_EQ(Split("“We will win.” “Nobody doubts it.”"), (V{"“We will win.”", "“Nobody doubts it.”"}));
  EXPECT_EQ(Split("“We will win” “Nobody doubts it”"), (V{"“We will win”", "“Nobody doubts it”"}));
}

TEST(SentenceSplitter, EmptyAndSingle) {
  std::vector<TokenRange> r;
  SplitSentences("", 0, nullptr, 0, &r);
  EXPECT_TRUE(r.empty());
  EXPECT_EQ(Split("Hello"), V{"Hello"});
  EXPECT_EQ(Split("."), V{"."});
}

// Every token lands in exactly one sentence, in order, for any token stream.
TEST(SentenceSplitter, RandomCoversAllTokens) {
  const char* words[] = {"The", "he", "U.S.", "Mr.", ".", "!", "?", "…", "”", "“", "(", ")",
                         "5", "Jan.", "J.", "said", "’", "\"", "It", "$"};
  std::mt19937 rng(7);
  for (int iter = 0; iter < 5000; ++iter) {
    std::string s;
    const int len = rng() % 30;
    for (int k = 0; k < len; ++k) {
      if (rng() % 2) s += ' ';
      s += words[rng() % std::size(words)];
    }
    std::vector<Token> tokens;
    Tokenize(s, 3, &tokens);
    std::vector<TokenRange> ranges;
    SplitSentences(s, 3, tokens.data(), tokens.size(), &ranges);
    uint32_t next = 0;
    for (const TokenRange& r : ranges) {
      ASSERT_EQ(r.first, next) << s;
      ASSERT_GT(r.count, 0u) << s;
      next += r.count;
    }
    ASSERT_EQ(next, tokens.size()) << s;
  }
}

}  // namespace
}  // namespace dossier
