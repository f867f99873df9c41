// What a short line shares with the lines after it: crude stems, shared counts, acronyms spelled
// out, question form (crude/line_context.h).
#include "crude/line_context.h"

#include <gtest/gtest.h>

namespace dossier {
namespace {

TEST(ContentStems, FiveLetterStemsOfContentWordsOnly) {
  // "of", "the", "in" are stopwords or short; "Railways" and "railway" share "railw".
  const auto a = ContentStems("Collapse of the railways in Wales");
  const auto b = ContentStems("The railway company said the collapse was sudden.");
  EXPECT_EQ(a.size(), 3u);  // colla, railw, wales
  EXPECT_EQ(SharedStems(a, b), 2);
  EXPECT_TRUE(ContentStems("What is it?").empty());
  EXPECT_TRUE(ContentStems("").empty());
}

TEST(ContentStems, OnlyTheOpeningIsRead) {
  const std::string para = "Ministers met today. " + std::string(500, 'x') + " harbour";
  const auto stems = ContentStems(para);
  EXPECT_EQ(SharedStems(ContentStems("harbour"), stems), 0);
  EXPECT_EQ(SharedStems(ContentStems("ministers"), stems), 1);
  // A word cut by the limit is not a word.
  EXPECT_TRUE(ContentStems("abc harbourmaster", 10).empty());
}

TEST(AcronymSpelledOutIn, InitialsOfConsecutiveCapitalisedWords) {
  EXPECT_TRUE(AcronymSpelledOutIn("Strain on the NHS", "Doctors at the National Health Service warned of delays."));
  EXPECT_TRUE(AcronymSpelledOutIn("Anger in the RMT", "Members of the Rail Maritime Transport union walked out."));
  // Not consecutive: "National" and "Service" are apart.
  EXPECT_FALSE(AcronymSpelledOutIn("Strain on the NHS", "National figures on Health and Service show delays."));
  // No acronym in the line, or one too short.
  EXPECT_FALSE(AcronymSpelledOutIn("Strain on hospitals", "The National Health Service warned of delays."));
  EXPECT_FALSE(AcronymSpelledOutIn("UK figures", "United Kingdom figures were released."));
  EXPECT_FALSE(AcronymSpelledOutIn("", ""));
}

TEST(QuestionForm, InterrogativeOrAuxiliaryOpeningAndQuestionMark) {
  EXPECT_TRUE(QuestionForm("What happens to the harbour now?"));
  EXPECT_TRUE(QuestionForm("How did the council get here?"));
  EXPECT_TRUE(QuestionForm("Is the bridge safe?"));
  EXPECT_TRUE(QuestionForm("What\xe2\x80\x99s next for the mayor?"));
  EXPECT_FALSE(QuestionForm("The bridge is safe, isn't it"));
  EXPECT_FALSE(QuestionForm("The bridge, safe?"));  // a question mark, not question form
  EXPECT_FALSE(QuestionForm("\xe2\x80\x9cWhy now?\xe2\x80\x9d"));
  EXPECT_FALSE(QuestionForm("?"));
  EXPECT_FALSE(QuestionForm(""));
}

}  // namespace
}  // namespace dossier
