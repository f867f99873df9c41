// Hand-written line signals on typical lines of crude scrapes.
#include "crude/line_signals.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace dossier {
namespace {

bool Has(std::string_view line, LineSignal s) { return (DetectLineSignals(line) & s) != 0; }

TEST(LineSignals, Durations) {
  EXPECT_TRUE(Has("5:57", kSigDuration));
  EXPECT_TRUE(Has("0:50", kSigDuration));
  EXPECT_TRUE(Has("13:31", kSigDuration));
  EXPECT_TRUE(Has("02:50", kSigDuration));
  EXPECT_TRUE(Has("1:02:03", kSigDuration));
  EXPECT_TRUE(Has("Duration 13:43", kSigDuration));
  EXPECT_TRUE(Has("Duration: 2:14", kSigDuration));
  EXPECT_TRUE(Has("duration 3:05", kSigDuration));

  EXPECT_FALSE(Has("5:57 pm news", kSigDuration));
  EXPECT_FALSE(Has("Duration", kSigDuration));
  EXPECT_FALSE(Has("557", kSigDuration));
  EXPECT_FALSE(Has("5:", kSigDuration));
  EXPECT_FALSE(Has("123:45", kSigDuration));
  EXPECT_FALSE(Has("1:2:3:4", kSigDuration));
  EXPECT_FALSE(Has("Chapter 5:57 of the report", kSigDuration));
  EXPECT_FALSE(Has("", kSigDuration));
}

TEST(LineSignals, PlayerNotices) {
  EXPECT_TRUE(Has("Please switch to a newer browser for the video player", kSigPlayerNotice));
  EXPECT_TRUE(Has("Media playback is unsupported on your device", kSigPlayerNotice));
  EXPECT_TRUE(Has("This video can not be played", kSigPlayerNotice));
  EXPECT_TRUE(Has("Your browser does not support the video tag.", kSigPlayerNotice));
  EXPECT_FALSE(Has("The council will meet again in March to review the plan.", kSigPlayerNotice));
}

TEST(LineSignals, WatchTitles) {
  EXPECT_TRUE(Has("Watch: Floodwater pours through the high street", kSigWatchTitle));
  EXPECT_TRUE(Has("WATCH: Drone footage of the flooding", kSigWatchTitle));
  EXPECT_TRUE(Has("Video: The moment the bridge collapsed", kSigWatchTitle));
  EXPECT_FALSE(Has("Drone footage shows the extent of flooding", kSigWatchTitle));
}

TEST(LineSignals, ConsentSentences) {
  EXPECT_TRUE(Has("This clip is hosted by Vimeo, which may place cookies on your device.", kSigConsent));
  EXPECT_TRUE(Has("We need your permission before we load content from other sites.", kSigConsent));
  EXPECT_TRUE(Has("Open Privacy Options to review what you have agreed to.", kSigConsent));
  EXPECT_TRUE(Has("Select \xE2\x80\x9C" "Accept and continue\xE2\x80\x9D to allow YouTube content on this page.",
                  kSigConsent));
  EXPECT_TRUE(Has("You can withdraw your consent at any time.", kSigConsent));
  EXPECT_FALSE(Has("The baker said the biscuits sold out by noon.", kSigConsent));
}

TEST(LineSignals, ProviderName) {
  EXPECT_TRUE(Has("YouTube", kSigProviderName));
  EXPECT_TRUE(Has("Spotify", kSigProviderName));
  EXPECT_FALSE(Has("YouTube and Spotify", kSigProviderName));  // more than one word
  EXPECT_FALSE(Has("spotify", kSigProviderName));              // not capitalised
  EXPECT_FALSE(Has("X", kSigProviderName));                    // too short
}

TEST(LineSignals, CaptionMarkersAndCredits) {
  uint32_t no_credit = DetectLineSignals("Image: A map of the border");
  EXPECT_NE(no_credit & kSigCaptionMarker, 0u);
  EXPECT_EQ(no_credit & kSigCredit, 0u);

  uint32_t with_credit = DetectLineSignals("Image: Firefighters outside the station on Friday. Pic: AP");
  EXPECT_NE(with_credit & kSigCaptionMarker, 0u);
  EXPECT_NE(with_credit & kSigCredit, 0u);

  uint32_t ap = DetectLineSignals("Residents wade through floodwater on Mill Lane. (AP Photo/Jon Whitaker)");
  EXPECT_EQ(ap & kSigCaptionMarker, 0u);
  EXPECT_NE(ap & kSigCredit, 0u);

  uint32_t photo = DetectLineSignals("Crowds in the square on Saturday (Photo: Jane Roe)");
  EXPECT_NE(photo & kSigPicturedWords, 0u);  // "(Photo"
  EXPECT_NE(photo & kSigCredit, 0u);

  EXPECT_TRUE(Has("Halcyra's offices in Dublin, pictured last year | Credit: Getty Images", kSigPicturedWords));
  EXPECT_TRUE(Has("Sandbags on the riverbank. Photograph: Mei Tanaka/PA", kSigCredit));
}

TEST(LineSignals, Bylines) {
  EXPECT_TRUE(Has("By Jane Smith", kSigByline));
  EXPECT_TRUE(Has("by Tom Ashworth, weather correspondent", kSigByline));
  EXPECT_FALSE(Has("Nearby residents were moved to a leisure centre.", kSigByline));
  EXPECT_FALSE(Has("Bystanders filmed the rescue.", kSigByline));
}

TEST(LineSignals, Datelines) {
  EXPECT_TRUE(Has("Thursday 13 November 2025 07:45 GMT", kSigDateline));
  EXPECT_TRUE(Has("Nov 18, 2019 at 9:24 pm ET", kSigDateline));
  EXPECT_TRUE(Has("Published 3 hours ago", kSigDateline));
  EXPECT_TRUE(Has("Updated 14 November 2025", kSigDateline));
  EXPECT_TRUE(Has("2 hours ago", kSigDateline));
  EXPECT_FALSE(Has("The vote was held in November after months of debate among council members.",
                   kSigDateline));
  EXPECT_FALSE(Has("What happens next year?", kSigDateline));
}

TEST(LineSignals, SemicolonEndings) {
  EXPECT_TRUE(Has("keep all 14 bus routes running at their current frequency;", kSigSemicolonEnd));
  EXPECT_FALSE(Has("set aside $400,000 for winter road gritting.", kSigSemicolonEnd));
  EXPECT_FALSE(Has("He said; then left.", kSigSemicolonEnd));
}

TEST(LineSignals, FurnitureQuestionsQuotesBullets) {
  EXPECT_TRUE(Has("Advertisement", kSigFurniture));
  EXPECT_TRUE(Has("Read more: Why small cities are running out of money", kSigFurniture));
  EXPECT_TRUE(Has("Share this article", kSigFurniture));
  EXPECT_TRUE(Has("Sign up for our Weather Watch newsletter", kSigFurniture));
  EXPECT_TRUE(Has("\xC2\xA9 2025 Example News Group. All rights reserved.", kSigFurniture));

  EXPECT_TRUE(Has("What happens next year?", kSigQuestion));
  EXPECT_FALSE(Has("What happens next year", kSigQuestion));

  EXPECT_TRUE(Has("\xE2\x80\x9CWe will not hesitate.\xE2\x80\x9D", kSigQuoted));
  EXPECT_TRUE(Has("\xE2\x80\x98" "A one-year fix\xE2\x80\x99", kSigQuoted));
  EXPECT_FALSE(Has("\xE2\x80\x9CWe will not hesitate,\xE2\x80\x9D she said.", kSigQuoted));

  EXPECT_TRUE(Has("\xE2\x80\xA2 Schools closed", kSigBullet));
  EXPECT_TRUE(Has("1. Keep the bus routes", kSigBullet));
  EXPECT_TRUE(Has("- Reopen the pool", kSigBullet));
  EXPECT_FALSE(Has("1,200 jobs will go", kSigBullet));

  EXPECT_TRUE(Has("@DossierNews", kSigHandle));
  EXPECT_TRUE(Has("More at www.example.com", kSigUrl));
  EXPECT_TRUE(Has("Media caption Residents describe the flood", kSigMediaCaption));
}

TEST(LineSignals, PlainBodySentenceHasNoSignal) {
  EXPECT_EQ(DetectLineSignals(
                "The harbour authority has long argued that the cranes will pay for themselves."),
            0u);
  EXPECT_EQ(DetectLineSignals("The rest is made up of savings across departments, including a freeze on new hires."),
            0u);
  EXPECT_EQ(DetectLineSignals(""), 0u);
}

// The fast detector agrees with the reference on every line of the samples and the dev files, and
// on generated lines built from the phrases, in every case and around every length threshold.
std::vector<std::string> LinesOf(const std::string& path) {
  std::vector<std::string> out;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) out.push_back(line);
  return out;
}

TEST(LineSignals, FastDetectorEqualsReferenceOnRealLines) {
  std::vector<std::string> lines = LinesOf(std::string(DOSSIER_SAMPLES_DIR) + "/crude-scrape-example.txt");
  const std::filesystem::path dev = std::string(DOSSIER_SHARED_DIR) + "/data/scraped-text/dev";
  if (std::filesystem::exists(dev)) {
    for (const auto& e : std::filesystem::recursive_directory_iterator(dev))
      if (e.path().extension() == ".txt") {
        auto more = LinesOf(e.path().string());
        lines.insert(lines.end(), more.begin(), more.end());
      }
  }
  ASSERT_GT(lines.size(), 50u);
  for (const auto& l : lines) ASSERT_EQ(DetectLineSignals(l), DetectLineSignalsReference(l)) << l;
}

TEST(LineSignals, FastDetectorEqualsReferenceOnGeneratedLines) {
  const std::vector<std::string> pieces = {
      "video player", "Media Playback", "cannot be played", "Browser", "VIDEO", "cookie", "Consent",
      "privacy policy", "Third-party content", "Advertisement", "Subscribe", "sign up", "Related:",
      "Copyright", "\xc2\xa9", "All Rights Reserved", "Read more", "related", "Comments", "topics",
      "Email", "share", "see also", "Jan", "feb", "MAR", "sept", "Nov", "decade", "may", " ago", " am",
      " pm", "GMT", " ET", "Published", "Updated", "posted", "By ", "@", "http", "www.", ".com",
      "pictured", "file photo", "file picture", "seen here", "(Photo", "Image:", "Picture:",
      "Pic: AP", "(Getty Images)", "Photograph: Mei Tanaka/PA", "| Reuters", "Duration", "Duration: ",
      "running time ", "length:", "5:57", "1:02:03", "12", "3", ":", ";", "?", "\xe2\x80\x9c",
      "\xe2\x80\x9d", "\"", "\xe2\x80\xa2 ", "- ", "* ", "1. ", "Watch: ", "Listen:", "Media caption",
      "(c) ", "Spotify", " ", " ", " ", "the council", "said", "a", "x", "Z", "\xc3\xa9t\xc3\xa9", "."};
  std::mt19937 rng(7);
  for (int n = 0; n < 40000; ++n) {
    std::string line;
    const int parts = 1 + static_cast<int>(rng() % 8);
    for (int k = 0; k < parts; ++k) line += pieces[rng() % pieces.size()];
    // Pad to just below or above a threshold of the rules.
    if (rng() % 3 == 0) {
      static const size_t kLengths[] = {20, 39, 40, 41, 59, 60, 61, 79, 80, 159, 160, 199, 200, 201, 319, 320, 321, 599, 600, 601};
      const size_t target = kLengths[rng() % std::size(kLengths)];
      const std::string fill = rng() % 2 ? "x" : " words";
      while (line.size() < target) {
        if (rng() % 2) line.insert(0, fill);
        else line += fill;
      }
      line.resize(target);
    }
    ASSERT_EQ(DetectLineSignals(line), DetectLineSignalsReference(line)) << line;
  }
}

// Random bytes over an alphabet of the phrases' letters (and some that start none): the phrase
// scanner skips positions by their first two bytes, which must never skip a phrase.
TEST(LineSignals, FastDetectorEqualsReferenceOnRandomBytes) {
  const std::string alphabet = "abcdeghilmnoprstuvwy :.(@\xc2\xa9" "ACPSW5";
  std::mt19937 rng(13);
  for (int n = 0; n < 60000; ++n) {
    std::string line;
    const size_t len = rng() % (n % 10 == 0 ? 400 : 60);
    for (size_t k = 0; k < len; ++k)
      line += n % 3 == 0 ? static_cast<char>(rng() % 256) : alphabet[rng() % alphabet.size()];
    ASSERT_EQ(DetectLineSignals(line), DetectLineSignalsReference(line)) << line;
  }
}

}  // namespace
}  // namespace dossier
