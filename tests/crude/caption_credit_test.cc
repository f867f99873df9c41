// Picture credits inside caption lines, in the styles different publishers use.
#include "crude/caption_credit.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace dossier {
namespace {

// The credit as text, so a failure shows what was found rather than two offsets.
std::string CreditOf(std::string_view caption) {
  Span s = FindCaptionCredit(caption);
  EXPECT_LE(s.begin, s.end) << caption;
  EXPECT_LE(s.end, caption.size()) << caption;
  return std::string(caption.substr(s.begin, s.size()));
}

// Checks the exact span: the credit must be `credit` and sit at the very end of the caption, after
// `caption.size() - credit.size() - trailing` bytes.
void ExpectCreditAtEnd(std::string_view caption, std::string_view credit) {
  Span s = FindCaptionCredit(caption);
  Span want{static_cast<uint32_t>(caption.size() - credit.size()), static_cast<uint32_t>(caption.size())};
  EXPECT_EQ(s, want) << "caption: " << caption << "\n got: \"" << CreditOf(caption) << "\"";
  EXPECT_EQ(CreditOf(caption), credit);
}

TEST(CaptionCredit, PicAgency) {
  const std::string_view c = "Image: Firefighters outside the station on Friday. Pic: AP";
  EXPECT_EQ(FindCaptionCredit(c), (Span{51, 58}));
  EXPECT_EQ(CreditOf(c), "Pic: AP");
}

TEST(CaptionCredit, PicAgencySlashPhotographer) {
  ExpectCreditAtEnd("Image: Two leaders shake hands at the airbase on Friday. Pic: Reuters/ Kevin Lamarque",
                    "Pic: Reuters/ Kevin Lamarque");
}

TEST(CaptionCredit, ApPhotoInParentheses) {
  // The parentheses belong to the credit.
  const std::string_view c = "Residents wade through floodwater on Mill Lane. (AP Photo/Jon Whitaker)";
  EXPECT_EQ(FindCaptionCredit(c), (Span{48, 71}));
  EXPECT_EQ(CreditOf(c), "(AP Photo/Jon Whitaker)");
}

TEST(CaptionCredit, GuardianPhotograph) {
  ExpectCreditAtEnd("Sandbags stacked outside homes on the riverbank. Photograph: Mei Tanaka/PA",
                    "Photograph: Mei Tanaka/PA");
}

TEST(CaptionCredit, PipeCreditExcludesThePipe) {
  const std::string_view c = "Protesters gather outside parliament | Credit: AFP";
  EXPECT_EQ(FindCaptionCredit(c), (Span{39, 50}));
  EXPECT_EQ(CreditOf(c), "Credit: AFP");
}

TEST(CaptionCredit, ImageCreditTwoWordMarker) {
  // The marker is "Image credit", both words (the header promises "Image credit: X" as a credit and
  // the marker list puts "image credit" first so that it wins over the shorter markers).
  const std::string_view c = "A drone view of the flooded valley. Image credit: Omar Haddad/Reuters";
  EXPECT_EQ(FindCaptionCredit(c), (Span{36, 69})) << "got: \"" << CreditOf(c) << "\"";
  EXPECT_EQ(CreditOf(c), "Image credit: Omar Haddad/Reuters");
}

TEST(CaptionCredit, GettyImagesInParentheses) {
  ExpectCreditAtEnd("Ministers arrive for the summit in Brussels (Getty Images)", "(Getty Images)");
}

TEST(CaptionCredit, ParenthesisedNonCreditIsNotACredit) {
  // A bracketed aside with no agency, slash or marker is part of the description.
  EXPECT_TRUE(FindCaptionCredit("The old bridge at Lower Brayford (built in 1890)").empty());
}

TEST(CaptionCredit, WholeLineCredit) {
  const std::string_view c = "Photograph: EPA";
  EXPECT_EQ(FindCaptionCredit(c), (Span{0, 15}));
  EXPECT_EQ(FindCaptionCredit("Image copyright Reuters"), (Span{0, 23}));
}

TEST(CaptionCredit, CaptionMarkerFollowedByDescriptionIsNoCredit) {
  EXPECT_TRUE(FindCaptionCredit("Image: A map of the border").empty());
  EXPECT_TRUE(FindCaptionCredit("Image: Residents queue for bottled water").empty());
}

TEST(CaptionCredit, NytStyleGluedCredit) {
  // The scraper lost the space between the caption and "Credit" (New York Times layout).
  const std::string_view c = "Workers on the surface of the dam on Sunday.CreditJane Roe for The New York Times";
  EXPECT_EQ(FindCaptionCredit(c), (Span{44, 81}));
  EXPECT_EQ(CreditOf(c), "CreditJane Roe for The New York Times");
}

TEST(CaptionCredit, TrailingSpacesAreNotPartOfTheCredit) {
  const std::string_view c = "Image: Crowds on the seafront. Pic: PA  ";
  EXPECT_EQ(FindCaptionCredit(c), (Span{31, 38}));
}

TEST(CaptionCredit, OrdinarySentencesHaveNoCredit) {
  EXPECT_TRUE(FindCaptionCredit("The photo was taken by a passer-by on the bridge.").empty());
  EXPECT_TRUE(FindCaptionCredit("He said the source of the leak was still unclear.").empty());
  EXPECT_TRUE(FindCaptionCredit("").empty());
  EXPECT_TRUE(FindCaptionCredit(")").empty());
  EXPECT_TRUE(FindCaptionCredit("(").empty());
}

TEST(CaptionCredit, StartsWithCaptionMarker) {
  EXPECT_TRUE(StartsWithCaptionMarker("Image: A map of the border"));
  EXPECT_TRUE(StartsWithCaptionMarker("image: lower case marker"));
  EXPECT_TRUE(StartsWithCaptionMarker("IMAGE: capitals"));
  EXPECT_TRUE(StartsWithCaptionMarker("Picture: The harbour at dawn"));
  EXPECT_TRUE(StartsWithCaptionMarker("Photo: Crowds in the square"));
  EXPECT_TRUE(StartsWithCaptionMarker("Caption: Flood defences on the Wend"));
  EXPECT_TRUE(StartsWithCaptionMarker("Pictured: The mayor with council members"));
  EXPECT_TRUE(StartsWithCaptionMarker("Photograph: EPA"));

  EXPECT_FALSE(StartsWithCaptionMarker("Images of the flood were shared widely."));
  EXPECT_FALSE(StartsWithCaptionMarker("Imagine a city without buses."));
  EXPECT_FALSE(StartsWithCaptionMarker("The image: a city without buses"));
  EXPECT_FALSE(StartsWithCaptionMarker(" Image: leading space"));
  EXPECT_FALSE(StartsWithCaptionMarker("Image"));
  EXPECT_FALSE(StartsWithCaptionMarker("Photographer Jane Roe said"));
  EXPECT_FALSE(StartsWithCaptionMarker(""));
}

// FindCaptionCredit rejects lines that cannot hold a credit before running the full search: its
// answer must be the reference's on every line, credits or not, in any case, with any bytes.
TEST(CaptionCredit, FastEqualsReferenceOnGeneratedAndHostileLines) {
  const std::vector<std::string> pieces = {
      "Pic", "pic:", "PIC: AP", "Photo", "photo:", "Image", "image credit", "Image Credit:",
      "image copyright", "IMAGE COPYRIGHT EPA", "copyright", "Copyrigh", "credit", "CREDIT",
      "Credit", "CreditName", "cRedit", "picture", "Picture credit:", "photograph", "Photograph: ",
      "courtesy of", "source", "Source:", "(", ")", "(AP Photo/Jon Whitaker)", "(Getty Images)",
      "(Reuters)", "(ap)", "|", " | ", "| Getty Images", "Reuters", "AFP", "AP", "PA Media", "ansa",
      ":", " : ", ". ", "Mei Tanaka/PA", "Kevin Lamarque", "the mayor", "a", "r", "R", "cr", "ight",
      " ", " ", "x", "\xe2\x80\x99", "\xc3\xa9", "\xff", std::string(1, '\0')};
  std::mt19937 rng(5);
  for (int n = 0; n < 60000; ++n) {
    std::string line;
    const int parts = 1 + static_cast<int>(rng() % 7);
    for (int k = 0; k < parts; ++k) line += pieces[rng() % pieces.size()];
    if (n % 5 == 0)  // raw bytes, now and then a letter of a marker
      for (int k = static_cast<int>(rng() % 30); k > 0; --k) line += static_cast<char>(rng() % 256);
    ASSERT_EQ(FindCaptionCredit(line), FindCaptionCreditReference(line)) << line;
  }
}

}  // namespace
}  // namespace dossier
