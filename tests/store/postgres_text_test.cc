// What the PostgreSQL store does to text PostgreSQL cannot hold (invalid UTF-8, NUL): each bad byte
// becomes '?', so that byte offsets into the text stay right; and array parameters stay data.
#include <gtest/gtest.h>

#include <string>

#include "store/postgres.h"

namespace dossier::store::pg {
namespace {

TEST(PostgresText, BadBytesBecomeOneQuestionMarkEach) {
  EXPECT_TRUE(IsValidText("Zoë – “quoted” 日本 😀"));
  EXPECT_EQ(ValidText("Zoë – 😀"), "Zoë – 😀");
  EXPECT_FALSE(IsValidText(std::string("a\0b", 3)));
  EXPECT_EQ(ValidText(std::string("a\0b", 3)), "a?b");
  EXPECT_EQ(ValidText("\xff\xfe"), "??");
  EXPECT_EQ(ValidText("caf\xc3"), "caf?");               // a sequence cut short
  EXPECT_EQ(ValidText("\xc0\xaf"), "??");                // an overlong '/'
  EXPECT_EQ(ValidText("\xed\xa0\x80!"), "???!");         // a UTF-16 surrogate
  EXPECT_EQ(ValidText("\xf4\x90\x80\x80"), "????");      // above U+10FFFF
  EXPECT_EQ(ValidText("x\xe2\x82y").size(), 4u);         // the length never changes
}

TEST(PostgresText, ArrayLiteralsQuoteEveryElement) {
  ArrayBuilder a;
  EXPECT_EQ(a.Take(), "{}");
  a.Text("plain");
  a.Text("a \"quoted\" \\ back,slash}");
  a.Null();
  a.Text("");
  a.Text("NULL");
  a.Text(std::string("nul\0!", 5));
  EXPECT_EQ(a.Take(), "{\"plain\",\"a \\\"quoted\\\" \\\\ back,slash}\",NULL,\"\",\"NULL\",\"nul?!\"}");
  a.Int(-3);
  a.Real(0.1);
  EXPECT_EQ(a.Take(), "{-3,0.10000000000000001}");
}

}  // namespace
}  // namespace dossier::store::pg
