// Quote texts stored as slices of the document's text (schema 5, src/store/quote_text.h).
#include "store/quote_text.h"

#include <gtest/gtest.h>

namespace dossier::store {
namespace {

TEST(QuoteText, AQuoteInTheTextBecomesItsPlace) {
  const std::string text = "Mr Starmer said the talks on climate change went well.";
  std::string blob, error;
  ASSERT_TRUE(EncodeQuoteSlice("the talks on climate change went well", text, &blob));
  EXPECT_EQ(blob, std::string("\x10\x25", 2));  // begin 16, length 37
  std::string_view quote;
  ASSERT_TRUE(DecodeQuoteSlice(blob, text, &quote, &error)) << error;
  EXPECT_EQ(quote, "the talks on climate change went well");
  // Short quotes, and quotes not in the text as they are, keep their bytes.
  EXPECT_FALSE(EncodeQuoteSlice("talks", text, &blob));
  EXPECT_FALSE(EncodeQuoteSlice("the talks went well, he said", text, &blob));
  EXPECT_FALSE(EncodeQuoteSlice("", text, &blob));
}

TEST(QuoteText, ASliceOutsideTheTextOrMalformedIsRefused) {
  const std::string text = "0123456789";
  std::string_view quote;
  std::string error;
  EXPECT_TRUE(DecodeQuoteSlice(std::string("\x02\x08", 2), text, &quote, &error));  // to the very end
  EXPECT_EQ(quote, "23456789");
  EXPECT_FALSE(DecodeQuoteSlice(std::string("\x02\x09", 2), text, &quote, &error));
  EXPECT_EQ(error, "quote text: a slice outside the document's text");
  EXPECT_FALSE(DecodeQuoteSlice(std::string("\x0B\x00", 2), text, &quote, &error));
  // Lengths that would wrap around: 2^64 - 1 from offset 2.
  EXPECT_FALSE(DecodeQuoteSlice(std::string("\x02\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\x01", 11), text, &quote, &error));
  EXPECT_EQ(error, "quote text: a slice outside the document's text");
  for (const std::string& bad : {std::string(), std::string("\x02", 1), std::string("\x82", 1), std::string("\x02\x02\x00", 3)}) {
    EXPECT_FALSE(DecodeQuoteSlice(bad, text, &quote, &error));
    EXPECT_EQ(error, "quote text: a malformed slice");
  }
}

}  // namespace
}  // namespace dossier::store
