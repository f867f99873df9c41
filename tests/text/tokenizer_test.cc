#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "dossier/text.h"

namespace dossier {
namespace {

std::vector<Token> Tok(std::string_view s, uint32_t base = 0) {
  std::vector<Token> v;
  Tokenize(s, base, &v);
  return v;
}

// "a|b|c": the token texts, so expectations read like the text itself.
std::string Toks(std::string_view s) {
  std::string r;
  for (const Token& t : Tok(s)) {
    if (!r.empty()) r += '|';
    r.append(s.substr(t.span.begin, t.span.size()));
  }
  return r;
}

// "text:kind text:kind".
std::string Kinds(std::string_view s) {
  std::string r;
  for (const Token& t : Tok(s)) {
    if (!r.empty()) r += ' ';
    r.append(s.substr(t.span.begin, t.span.size()));
    r += ':';
    r.append(TokenKindName(t.kind));
  }
  return r;
}

TEST(Tokenizer, TitlesAndAbbreviations) {
  EXPECT_EQ(Toks("Mr Trump"), "Mr|Trump");
  EXPECT_EQ(Toks("Mr. Trump"), "Mr.|Trump");
  EXPECT_EQ(Toks("the U.S. and the U.K."), "the|U.S.|and|the|U.K.");
  EXPECT_EQ(Toks("on Jan. 5"), "on|Jan.|5");
  EXPECT_EQ(Toks("at 3 p.m. today, e.g. now"), "at|3|p.m.|today|,|e.g.|now");
  EXPECT_EQ(Toks("J. R. R. Tolkien"), "J.|R.|R.|Tolkien");
  EXPECT_EQ(Toks("Acme Inc. said"), "Acme|Inc.|said");
  // A word that is no abbreviation leaves its period alone, also when glued to the next word.
  EXPECT_EQ(Toks("He left. Then"), "He|left|.|Then");
  EXPECT_EQ(Toks("end.The"), "end|.|The");
  EXPECT_EQ(Toks("a U.S.-led force"), "a|U.S.-led|force");
}

TEST(Tokenizer, Numbers) {
  EXPECT_EQ(Kinds("1,000 3.5 1,000.50"), "1,000:number 3.5:number 1,000.50:number");
  EXPECT_EQ(Kinds("$90bn (£66.6bn)"),
            "$:symbol 90bn:number (:punct £:symbol 66.6bn:number ):punct");
  EXPECT_EQ(Kinds("10%"), "10:number %:symbol");
  EXPECT_EQ(Kinds("5:57 13:31"), "5:57:number 13:31:number");
  EXPECT_EQ(Kinds("2025-11-20 9/11"), "2025-11-20:number 9/11:number");
  EXPECT_EQ(Kinds("21st 1990s 5km 10pc 3m"),
            "21st:number 1990s:number 5km:number 10pc:number 3m:number");
  // A comma needs exactly three digits after it to be a thousands separator.
  EXPECT_EQ(Toks("1,2 and 1,0000"), "1|,|2|and|1|,|0000");
  // Letters before digits, or a hyphenated compound, make a word.
  EXPECT_EQ(Kinds("G7 Covid-19 5-year-old"), "G7:word Covid-19:word 5-year-old:word");
  EXPECT_EQ(Kinds("Article 5-like 1,000-mile 28-point"),
            "Article:word 5-like:word 1,000-mile:word 28-point:word");
  EXPECT_EQ(Kinds("5-ж 5ж"), "5-ж:word 5ж:number");
  EXPECT_EQ(Kinds("3.5."), "3.5:number .:punct");
}

TEST(Tokenizer, ApostrophesAndHyphens) {
  EXPECT_EQ(Toks("Trump’s Trump's don't I’m"), "Trump’s|Trump's|don't|I’m");
  EXPECT_EQ(Toks("Zelenskyy-Trump Kyiv-born Article-5"), "Zelenskyy-Trump|Kyiv-born|Article-5");
  EXPECT_EQ(Kinds("a – b — c - d"), "a:word –:dash b:word —:dash c:word -:dash d:word");
  EXPECT_EQ(Kinds("wait--what"), "wait:word --:dash what:word");
  // A trailing ’ is a closing quote, not part of the word.
  EXPECT_EQ(Kinds("Ukrainians’ lives"), "Ukrainians:word ’:quote lives:word");
  EXPECT_EQ(Kinds("AT&T M&S"), "AT&T:word M&S:word");
}

TEST(Tokenizer, QuotesAndEllipses) {
  EXPECT_EQ(Kinds("“Go” ‘now’ \"x\""),
            "“:quote Go:word ”:quote ‘:quote now:word ’:quote \":quote x:word \":quote");
  EXPECT_EQ(Kinds("K… wait... ok"), "K:word …:ellipsis wait:word ...:ellipsis ok:word");
  EXPECT_EQ(Kinds("Why?! No!"), "Why:word ?!:punct No:word !:punct");
}

TEST(Tokenizer, WebThings) {
  EXPECT_EQ(Kinds("see https://news.sky.com/story/x-123."),
            "see:word https://news.sky.com/story/x-123:url .:punct");
  EXPECT_EQ(Kinds("(www.bbc.co.uk/news)"), "(:punct www.bbc.co.uk/news:url ):punct");
  EXPECT_EQ(Kinds("on news.sky.com, today"), "on:word news.sky.com:url ,:punct today:word");
  EXPECT_EQ(Kinds("mail a@b.com now"), "mail:word a@b.com:email now:word");
  EXPECT_EQ(Kinds("@POTUS #Ukraine #1"),
            "@POTUS:handle #Ukraine:hashtag #:symbol 1:number");
  // Unknown "TLDs" are ordinary words and periods.
  EXPECT_EQ(Toks("it ended.it"), "it|ended|.|it");
}

TEST(Tokenizer, EmojiAndSymbols) {
  EXPECT_EQ(Kinds("hi 😀 👍🏽 🇺🇦 ™"), "hi:word 😀:emoji 👍🏽:emoji 🇺🇦:emoji ™:symbol");
  EXPECT_EQ(Kinds("a+b=c"), "a:word +:symbol b:word =:symbol c:word");
  EXPECT_EQ(Kinds("«oui»"), "«:quote oui:word »:quote");
}

TEST(Tokenizer, NonLatinAndMarks) {
  EXPECT_EQ(Toks("Київ, Zürich e\u0301te"), "Київ|,|Zürich|e\u0301te");
  EXPECT_EQ(Toks("東京で"), "東京で");
}

TEST(Tokenizer, FlagsAndSpans) {
  const std::string s = "NATO (Nato) said iPhone";
  const std::vector<Token> v = Tok(s, 100);
  ASSERT_EQ(v.size(), 6u);
  EXPECT_EQ(v[0].span, (Span{100, 104}));
  EXPECT_EQ(v[0].flags, kSpaceBefore | kCapitalized | kAllCaps);
  EXPECT_EQ(v[1].flags, kSpaceBefore);         // "(" has no letters
  EXPECT_EQ(v[2].flags, kCapitalized);         // "Nato": no space before, not all caps
  EXPECT_EQ(v[3].flags, 0);                    // ")"
  EXPECT_EQ(v[4].flags, kSpaceBefore);         // "said"
  EXPECT_EQ(v[5].flags, kSpaceBefore);         // "iPhone": first letter lower case
  EXPECT_EQ(Tok("A I")[0].flags, kSpaceBefore | kCapitalized);  // one letter is not "all caps"
  EXPECT_EQ(Tok("ÉLYSÉE")[0].flags, kSpaceBefore | kCapitalized | kAllCaps);
}

TEST(Tokenizer, AppendsAndSeparatesOnAnyWhitespace) {
  std::vector<Token> v(1);
  Tokenize("a\tb\nc\u00A0d", 0, &v);
  ASSERT_EQ(v.size(), 5u);
  EXPECT_EQ(v[4].span, (Span{7, 8}));  // "d" after a two-byte NBSP
  EXPECT_EQ(Tok("").size(), 0u);
  EXPECT_EQ(Tok("   ").size(), 0u);
}

// The case flags recomputed with ICU, for punctuation-free tokens as the tokenizer sets them.
uint8_t ExpectedCaseFlags(std::string_view s) {
  int letters = 0, uppers = 0;
  bool first_upper = false;
  for (int32_t i = 0; i < static_cast<int32_t>(s.size());) {
    UChar32 c;
    U8_NEXT(s.data(), i, static_cast<int32_t>(s.size()), c);
    if (c < 0 || !u_isalpha(c)) continue;
    if (letters++ == 0) first_upper = u_isupper(c);
    uppers += u_isupper(c);
  }
  if (letters == 0) return 0;
  return (first_upper ? kCapitalized : 0) | (letters >= 2 && uppers == letters ? kAllCaps : 0);
}

// On any input, tokens are in order, non-empty, never overlap and never contain whitespace.
TEST(Tokenizer, RandomInputInvariants) {
  const char* pieces[] = {"a", "Z", "1", " ", ".", ",", "'", "’", "-", "–", "@", "#", "$", "é",
                          "…", "“", "/", ":", "&", "😀", "\xFF", "\xE2\x80", "\u0301", "http://",
                          "www.", ".com", "\n", "\u00A0", "Ж", "ж", "U.S.", "Mr.", "9"};
  std::mt19937 rng(42);
  for (int iter = 0; iter < 20000; ++iter) {
    std::string s;
    const int len = rng() % 24;
    for (int k = 0; k < len; ++k) s += pieces[rng() % std::size(pieces)];
    const std::vector<Token> v = Tok(s);
    uint32_t prev_end = 0;
    for (const Token& t : v) {
      ASSERT_GE(t.span.begin, prev_end) << s;
      ASSERT_LT(t.span.begin, t.span.end) << s;
      ASSERT_LE(t.span.end, s.size()) << s;
      const std::string_view text = std::string_view(s).substr(t.span.begin, t.span.size());
      ASSERT_EQ(text.find_first_of(" \n"), std::string_view::npos) << s;
      ASSERT_EQ(text.find("\u00A0"), std::string_view::npos) << s;
      // Only whitespace lies between tokens.
      for (uint32_t k = prev_end; k < t.span.begin; ++k) {
        ASSERT_TRUE(s[k] == ' ' || s[k] == '\n' || s[k] == '\xC2' || s[k] == '\xA0') << s;
      }
      ASSERT_EQ((t.flags & kSpaceBefore) != 0, t.span.begin == 0 || t.span.begin > prev_end) << s;
      ASSERT_EQ(t.flags & (kCapitalized | kAllCaps), ExpectedCaseFlags(text)) << s;
      prev_end = t.span.end;
    }
  }
}

}  // namespace
}  // namespace dossier
