// Glued-word repair: which tokens are split and exactly where.
//
// Most tests build a small lexicon in memory (Lexicon::FromWords) so they do not depend on the
// word lists installed on the machine; the last one loads the real Debian lists when present.
#include "crude/glued_words.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "crude/lexicon.h"

namespace dossier {
namespace {

const std::vector<std::string> kFunctionWords = {"a",  "an", "the", "of",  "to", "in", "on",  "at",
                                                 "by", "for", "and", "or", "nor", "is", "was", "it"};

// Ordinary words of the base tier. "Ukraine" is listed capitalised only (a proper noun); the rest
// are common lower-case words.
const std::vector<std::string> kBase = {
    "Ukraine", "war",   "story",  "feathers", "feather", "plucked", "announced", "mission",
    "news",    "night", "soft",   "bank",     "multi",   "link",    "wave",      "length",
    "front",   "load",  "camp",   "reached",  "aid",     "cable",   "shares",    "interview"};

Lexicon SmallLexicon(const std::vector<std::string>& known = {}) {
  return Lexicon::FromWords(kBase, known, kFunctionWords);
}

// The fix for `token` in `line` splitting after `first_len` bytes.
GlueFix FixAt(std::string_view line, std::string_view token, uint32_t first_len) {
  size_t b = line.find(token);
  EXPECT_NE(b, std::string_view::npos) << token;
  return GlueFix{static_cast<uint32_t>(b), static_cast<uint32_t>(b + first_len),
                 static_cast<uint32_t>(b + token.size())};
}

std::vector<GlueFix> Find(std::string_view line, const Lexicon& lex) {
  return FindGluedWords(line, line, lex);
}

TEST(GluedWords, LexiconFromWordsForms) {
  Lexicon lex = SmallLexicon();
  EXPECT_EQ(lex.Base("Ukraine"), Lexicon::BaseForm::kCapitalizedOnly);
  EXPECT_EQ(lex.Base("ukraine"), Lexicon::BaseForm::kCapitalizedOnly);  // lookups ignore case
  EXPECT_EQ(lex.Base("war"), Lexicon::BaseForm::kLower);
  EXPECT_EQ(lex.Base("Ukrainewar"), Lexicon::BaseForm::kAbsent);
  EXPECT_TRUE(lex.IsFunctionWord("the"));
  EXPECT_FALSE(lex.IsFunctionWord("war"));
  EXPECT_TRUE(lex.IsKnown("feathers"));
  EXPECT_FALSE(lex.IsKnown("thefeathers"));
}

TEST(GluedWords, SplitsProperNounGluedToCommonWord) {
  Lexicon lex = SmallLexicon();
  const std::string_view line = "Talks on ending the Ukrainewar resumed in Geneva.";
  std::vector<GlueFix> fixes = Find(line, lex);
  ASSERT_EQ(fixes.size(), 1u);
  EXPECT_EQ(fixes[0], (GlueFix{20, 27, 30}));
  EXPECT_EQ(line.substr(fixes[0].word_begin, fixes[0].split - fixes[0].word_begin), "Ukraine");
  EXPECT_EQ(line.substr(fixes[0].split, fixes[0].word_end - fixes[0].split), "war");
}

TEST(GluedWords, SplitsFunctionWordGluedToCommonWord) {
  Lexicon lex = SmallLexicon();
  const std::string_view line = "The farmer plucked thefeathers from the bird.";
  std::vector<GlueFix> fixes = Find(line, lex);
  ASSERT_EQ(fixes.size(), 1u);
  EXPECT_EQ(fixes[0], FixAt(line, "thefeathers", 3));
  EXPECT_EQ(fixes[0], (GlueFix{19, 22, 30}));
}

TEST(GluedWords, SplitsAcronymGluedToLowerCaseWord) {
  Lexicon lex = SmallLexicon();
  const std::string_view line = "Officials said NASAannounced a new mission.";
  std::vector<GlueFix> fixes = Find(line, lex);
  ASSERT_EQ(fixes.size(), 1u);
  EXPECT_EQ(fixes[0], (GlueFix{15, 19, 28}));
}

TEST(GluedWords, SplitsLowerCaseWordGluedToName) {
  Lexicon lex = SmallLexicon();
  // "Rukban" is in no list at all: the case change is the evidence.
  const std::string_view line = "Aid finally reached theRukban camp on Monday.";
  std::vector<GlueFix> fixes = Find(line, lex);
  ASSERT_EQ(fixes.size(), 1u);
  EXPECT_EQ(fixes[0], (GlueFix{20, 23, 29}));
}

TEST(GluedWords, SeveralFixesInOneLineInOrder) {
  Lexicon lex = SmallLexicon();
  const std::string_view line = "He plucked thefeathers before NASAannounced the mission.";
  std::vector<GlueFix> fixes = Find(line, lex);
  ASSERT_EQ(fixes.size(), 2u);
  EXPECT_EQ(fixes[0], FixAt(line, "thefeathers", 3));
  EXPECT_EQ(fixes[1], FixAt(line, "NASAannounced", 4));
}

TEST(GluedWords, KnownWordIsNotSplit) {
  const std::string_view line = "The signal changed its wavelength twice.";
  // Without the word in the known tier it would be cut into two ordinary words...
  ASSERT_EQ(Find(line, SmallLexicon()).size(), 1u);
  EXPECT_EQ(Find(line, SmallLexicon())[0], FixAt(line, "wavelength", 4));
  // ...and once known it is left alone, whatever its case.
  EXPECT_TRUE(Find(line, SmallLexicon({"wavelength"})).empty());
  EXPECT_TRUE(Find(line, SmallLexicon({"Wavelength"})).empty());
}

TEST(GluedWords, QuotedSingleWordIsNotSplit) {
  Lexicon lex = SmallLexicon();
  // The same token outside quotes is split (so the quotes are what protects it).
  const std::string_view plain = "Europe would frontload the agreement.";
  ASSERT_EQ(Find(plain, lex).size(), 1u);
  EXPECT_EQ(Find(plain, lex)[0], FixAt(plain, "frontload", 5));
  EXPECT_TRUE(Find("Europe would \xE2\x80\x9C" "frontload\xE2\x80\x9D the agreement.", lex).empty());
  EXPECT_TRUE(Find("Europe would \"frontload\" the agreement.", lex).empty());
  EXPECT_TRUE(Find("Europe would \xE2\x80\x98" "frontload\xE2\x80\x99 the agreement.", lex).empty());
}

TEST(GluedWords, HashtagsHandlesAndUrlsAreNotSplit) {
  Lexicon lex = SmallLexicon();
  EXPECT_TRUE(Find("Posts tagged #Ukrainewar spread quickly.", lex).empty());
  EXPECT_TRUE(Find("A reply from @Ukrainewar followed.", lex).empty());
  EXPECT_TRUE(Find("See https://example.com/thefeathers for more.", lex).empty());
  EXPECT_TRUE(Find("See www.thefeathers.com for more.", lex).empty());
  EXPECT_TRUE(Find("See thefeathers.com for more.", lex).empty());
  EXPECT_TRUE(Find("Write to thefeathers@example.com today.", lex).empty());
  EXPECT_TRUE(Find("The file thefeathers_2024 was lost.", lex).empty());
}

TEST(GluedWords, TokenOccurringTwiceInTheDocumentIsNotSplit) {
  Lexicon lex = SmallLexicon();
  const std::string_view line = "He plucked thefeathers from the bird.";
  // Alone it is glue...
  ASSERT_EQ(FindGluedWords(line, line, lex).size(), 1u);
  // ...but the document spells it that way twice: somebody's spelling, not an accident.
  const std::string document = std::string(line) + "\nThe shop Thefeathers sells thefeathers online.\n";
  EXPECT_TRUE(FindGluedWords(line, document, lex).empty());
  // A longer word that merely contains it does not count as a second occurrence.
  const std::string other = std::string(line) + "\nThe thefeathersome brand.\n";
  EXPECT_EQ(FindGluedWords(line, other, lex).size(), 1u);
}

TEST(GluedWords, MidSentenceCapitalisedUnknownNameIsNotSplit) {
  Lexicon lex = SmallLexicon();
  // "news" and "night" are ordinary lower-case words, but a capitalised token in mid-sentence
  // whose first part is not itself a proper noun is more likely an unlisted name.
  EXPECT_TRUE(Find("She watched the Newsnight debate on Tuesday.", lex).empty());
}

TEST(GluedWords, NameNextToAnotherCapitalisedWordIsNotSplit) {
  Lexicon lex = SmallLexicon();
  // "Ukrainewar Fund" reads as a multi-word name.
  EXPECT_TRUE(Find("Money went to the Ukrainewar Fund last year.", lex).empty());
}

TEST(GluedWords, CamelCaseBrandIsNotSplit) {
  Lexicon lex = SmallLexicon();
  EXPECT_TRUE(Find("Shares in SoftBank fell sharply on Monday.", lex).empty());
  EXPECT_TRUE(Find("The new iPhone went on sale.", lex).empty());
}

TEST(GluedWords, PrefixCompoundIsNotSplit) {
  Lexicon lex = SmallLexicon();
  EXPECT_TRUE(Find("The multilink cable was cut.", lex).empty());
}

TEST(GluedWords, ShortTokensAndEmptyLines) {
  Lexicon lex = SmallLexicon();
  EXPECT_TRUE(Find("", lex).empty());
  // A bare glued token that is the whole line.
  ASSERT_EQ(Find("thewar", lex).size(), 1u);
  EXPECT_EQ(Find("thewar", lex)[0], (GlueFix{0, 3, 6}));
  EXPECT_TRUE(Find("a b c", lex).empty());
  EXPECT_TRUE(Find("1234 5678", lex).empty());
}

// The real word lists (Debian's wamerican/wbritish and the -insane lists) decide the cases that
// matter on the showcase sample. Skipped where the lists are not installed.
TEST(GluedWords, RealWordLists) {
  if (!std::filesystem::exists("/usr/share/dict/american-english"))
    GTEST_SKIP() << "/usr/share/dict/american-english not installed";
  const std::string data_dir =
      std::filesystem::path(DOSSIER_SAMPLES_DIR).parent_path().string() + "/data";
  std::vector<std::string> missing;
  Lexicon lex = Lexicon::Load(LexiconPaths::Defaults(data_dir), &missing);
  ASSERT_FALSE(lex.empty());

  EXPECT_TRUE(lex.IsKnown("airpower"));
  EXPECT_TRUE(lex.IsKnown("Mountbatten"));
  EXPECT_EQ(lex.Base("Ukrainians"), Lexicon::BaseForm::kCapitalizedOnly);
  EXPECT_EQ(lex.Base("nor"), Lexicon::BaseForm::kLower);
  EXPECT_TRUE(lex.IsFunctionWord("nor"));

  EXPECT_TRUE(Find("Analysts said airpower would decide the outcome.", lex).empty());
  EXPECT_TRUE(Find("He met Lord Mountbatten in India.", lex).empty());
  EXPECT_TRUE(Find("Mountbatten travelled to India.", lex).empty());

  const std::string_view line = "Neither the Ukrainiansnor their allies were consulted.";
  std::vector<GlueFix> fixes = Find(line, lex);
  ASSERT_EQ(fixes.size(), 1u);
  EXPECT_EQ(fixes[0], (GlueFix{12, 22, 25}));
  EXPECT_EQ(line.substr(12, 10), "Ukrainians");
  EXPECT_EQ(line.substr(22, 3), "nor");
}

}  // namespace
}  // namespace dossier
