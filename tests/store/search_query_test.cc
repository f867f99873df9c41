// User search syntax to FTS5: exact translations, and hostile input that stays quoted data.
#include <gtest/gtest.h>

#include "store/search_query.h"

namespace dossier::store {
namespace {

std::string Fts(const std::string& q) {
  std::string out, error;
  if (!ToFtsQuery(q, &out, &error)) return "error: " + error;
  return out;
}

TEST(SearchQuery, WordsPhrasesPrefixesOrAndExclusions) {
  EXPECT_EQ(Fts("climate"), "(\"climate\")");
  EXPECT_EQ(Fts("  climate   change "), "(\"climate\") AND (\"change\")");
  EXPECT_EQ(Fts("\"climate change\" Paris"), "(\"climate change\") AND (\"Paris\")");
  EXPECT_EQ(Fts("clim*"), "(\"clim\" *)");
  EXPECT_EQ(Fts("budget OR rain OR snow London"), "(\"budget\" OR \"rain\" OR \"snow\") AND (\"London\")");
  EXPECT_EQ(Fts("climate -Paris -\"New York\""), "((\"climate\")) NOT \"Paris\" NOT \"New York\"");
  EXPECT_EQ(Fts("or"), "(\"or\")");  // only upper-case OR is the operator
}

TEST(SearchQuery, HostileInputIsQuotedOrRefused) {
  EXPECT_EQ(Fts("a\"b"), "(\"a\"\"b\")");             // a quote inside a word is doubled
  EXPECT_EQ(Fts("x\" OR 1=1 --"), "(\"x\"\"\" OR \"1=1\")");
  EXPECT_EQ(Fts("title:rain"), "(\"title:rain\")");    // no column filters
  EXPECT_EQ(Fts("NEAR(a b)"), "(\"NEAR(a\") AND (\"b)\")");
  EXPECT_EQ(Fts("\"she said \"\"no\"\"\""), "(\"she said \") AND (\"no\")");
  EXPECT_EQ(Fts("*"), "error: the query has no words to look for");
  EXPECT_EQ(Fts("( ) ; -- '"), "error: the query has no words to look for");
  EXPECT_EQ(Fts("OR"), "error: the query has no words to look for");
  EXPECT_EQ(Fts("-rain"), "error: the query needs a word that is not excluded");
  EXPECT_EQ(Fts("OR rain"), "(\"rain\")");
}

std::string Ts(const std::string& q) {
  std::string out, error;
  if (!ToTsQuery(q, &out, &error)) return "error: " + error;
  return out;
}

TEST(SearchQuery, TheSameSyntaxAsATsquery) {
  EXPECT_EQ(Ts("climate"), "('climate')");
  EXPECT_EQ(Ts("\"climate change\" Paris"), "('climate change') & ('Paris')");
  EXPECT_EQ(Ts("clim*"), "('clim':*)");
  EXPECT_EQ(Ts("budget OR rain London"), "('budget' | 'rain') & ('London')");
  EXPECT_EQ(Ts("climate -Paris"), "(('climate')) & !'Paris'");
  // Quotes and backslashes stay inside the operand; operators in the text are words.
  EXPECT_EQ(Ts("it's"), "('it''s')");
  EXPECT_EQ(Ts("a\\b"), "('a\\\\b')");
  EXPECT_EQ(Ts("x' | !y"), "('x''') & ('!y')");
  EXPECT_EQ(Ts("*"), "error: the query has no words to look for");
  EXPECT_EQ(Ts("-rain"), "error: the query needs a word that is not excluded");
}

}  // namespace
}  // namespace dossier::store
