// Time expressions on hand-written sentences: exact extents, types and values against a fixed
// creation time (Thursday 20 November 2025 unless a test says otherwise).
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "dossier/pipeline.h"
#include "dossier/time.h"
#include "time/calendar.h"

namespace dossier {
namespace {

const TimeTagger& Tagger() {
  static std::unique_ptr<TimeTagger> t = [] {
    std::string error;
    auto p = TimeTagger::Load(ResolveDataDir(""), "en", &error);
    EXPECT_TRUE(p) << error;
    return p;
  }();
  return *t;
}

struct Found {
  std::string text, type, value, mod;
};

std::vector<Found> Tag(const std::string& text, const char* dct = "2025-11-20") {
  DocumentDate d;
  if (dct) DocumentDate::Parse(dct, &d);
  std::vector<Timex> out;
  Tagger().Tag(text, TimeTagger::SplitText(text), d, &out);
  std::vector<Found> r;
  for (const Timex& x : out)
    r.push_back({text.substr(x.span.begin, x.span.size()), std::string(TimexTypeName(x.type)), x.value, x.mod});
  return r;
}

std::string Show(const std::vector<Found>& v) {
  std::string s;
  for (const auto& f : v) s += "[" + f.text + "|" + f.type + "|" + f.value + (f.mod.empty() ? "" : "|" + f.mod) + "] ";
  return s;
}

// Exactly one expression with this extent, type and value.
void ExpectTimex(const std::string& sentence, const std::string& extent, const std::string& type,
                 const std::string& value, const char* dct = "2025-11-20") {
  std::vector<Found> got = Tag(sentence, dct);
  int hits = 0;
  for (const auto& f : got)
    if (f.text == extent) {
      ++hits;
      EXPECT_EQ(f.type, type) << sentence << " -> " << Show(got);
      EXPECT_EQ(f.value, value) << sentence << " -> " << Show(got);
    }
  EXPECT_EQ(hits, 1) << "extent '" << extent << "' in: " << sentence << " -> " << Show(got);
}

void ExpectNone(const std::string& sentence) {
  std::vector<Found> got = Tag(sentence);
  EXPECT_TRUE(got.empty()) << sentence << " -> " << Show(got);
}

TEST(Calendar, WeekdaysAndIsoWeeks) {
  using time::CivilDate;
  EXPECT_EQ(time::IsoWeekday({2025, 11, 20}), 4);  // Thursday
  EXPECT_EQ(time::IsoWeekOf({2025, 11, 20}).week, 47);
  EXPECT_EQ(time::IsoWeekOf({2021, 1, 3}).year, 2020);  // Sunday of 2020-W53
  EXPECT_EQ(time::IsoWeekOf({2021, 1, 3}).week, 53);
  EXPECT_EQ(time::MondayOfIsoWeek(2025, 47), (CivilDate{2025, 11, 17}));
  EXPECT_EQ(time::AddMonths({2025, 1, 31}, 1), (CivilDate{2025, 2, 28}));
  EXPECT_EQ(time::CivilFromDays(time::DaysFromCivil({1994, 12, 5})), (CivilDate{1994, 12, 5}));
}

TEST(DocumentDate, Parses) {
  DocumentDate d;
  EXPECT_TRUE(DocumentDate::Parse("2025-11-20", &d));
  EXPECT_EQ(d.Iso(), "2025-11-20");
  EXPECT_TRUE(DocumentDate::Parse("1998-03-22T14:57:00", &d));
  EXPECT_EQ(d.Iso(), "1998-03-22");
  EXPECT_TRUE(DocumentDate::Parse("19980108", &d));
  EXPECT_EQ(d.Iso(), "1998-01-08");
  EXPECT_FALSE(DocumentDate::Parse("2025-02-30", &d));
  EXPECT_FALSE(DocumentDate::Parse("yesterday", &d));
  EXPECT_FALSE(DocumentDate::Parse("", &d));
}

TEST(Timex, DaysRelativeToTheCreationTime) {
  ExpectTimex("The bill passed today.", "today", "DATE", "2025-11-20");
  ExpectTimex("The bill passed yesterday.", "yesterday", "DATE", "2025-11-19");
  ExpectTimex("The vote is tomorrow.", "tomorrow", "DATE", "2025-11-21");
  ExpectTimex("He spoke tonight.", "tonight", "TIME", "2025-11-20TNI");
  ExpectTimex("Sources told me this morning they were not aware.", "this morning", "TIME", "2025-11-20TMO");
  ExpectTimex("The talks ended last night.", "last night", "TIME", "2025-11-19TNI");
  ExpectTimex("It happened three days ago.", "three days ago", "DATE", "2025-11-17");
}

TEST(Timex, CalendarUnitsRelativeToTheCreationTime) {
  ExpectTimex("Mr Zelenskyy said this week.", "this week", "DATE", "2025-W47");
  ExpectTimex("They met last week.", "last week", "DATE", "2025-W46");
  ExpectTimex("They will meet next week.", "next week", "DATE", "2025-W48");
  ExpectTimex("Trump won last year's election.", "last year", "DATE", "2024");
  ExpectTimex("Prices rose this month.", "this month", "DATE", "2025-11");
  ExpectTimex("Prices rose last month.", "last month", "DATE", "2025-10");
  ExpectTimex("Prices will rise next month.", "next month", "DATE", "2025-12");
  ExpectTimex("It was signed two years ago.", "two years ago", "DATE", "2023");
  ExpectTimex("It was signed a month ago.", "a month ago", "DATE", "2025-10");
  ExpectTimex("Dmitriev was in Alaska earlier this year.", "earlier this year", "DATE", "2025");
  ExpectTimex("They were present at the weekend.", "the weekend", "DATE", "2025-W46-WE");
  ExpectTimex("Witkoff met Umerov last weekend.", "last weekend", "DATE", "2025-W46-WE");
}

TEST(Timex, WeekdaysFollowTheTense) {
  // Thursday 20 November 2025.
  ExpectTimex("He met his counterpart in Washington on Monday.", "Monday", "DATE", "2025-11-17");
  ExpectTimex("He will meet his counterpart on Monday.", "Monday", "DATE", "2025-11-24");
  ExpectTimex("The leaders are due to meet on Wednesday to discuss options.", "Wednesday", "DATE", "2025-11-26");
  ExpectTimex("Trump spoke in Washington on Wednesday.", "Wednesday", "DATE", "2025-11-19");
  ExpectTimex("The development came at lunchtime on Thursday.", "lunchtime on Thursday", "TIME", "2025-11-20TMI");
  ExpectTimex("He said on Thursday that it was over.", "Thursday", "DATE", "2025-11-20");
  ExpectTimex("They voted last Friday.", "last Friday", "DATE", "2025-11-14");
  ExpectTimex("They will vote next Friday.", "next Friday", "DATE", "2025-11-21");
  ExpectTimex("It ended Friday evening.", "Friday evening", "TIME", "2025-11-14TEV");
  ExpectTimex("Shares fell ahead of Tuesday's votes.", "Tuesday", "DATE", "2025-11-18");
}

TEST(Timex, AbsoluteDates) {
  ExpectTimex("In December 1994, Ukraine signed the Budapest Memorandum.", "December 1994", "DATE", "1994-12");
  ExpectTimex("The Minsk Agreements of 2014 were designed to end the war.", "2014", "DATE", "2014");
  ExpectTimex("It was signed on Nov. 5, 1998, in Paris.", "Nov. 5, 1998", "DATE", "1998-11-05");
  ExpectTimex("It was signed on 5 November 1998.", "5 November 1998", "DATE", "1998-11-05");
  ExpectTimex("The deal closed on 2025-11-20.", "2025-11-20", "DATE", "2025-11-20");
  ExpectTimex("The deal was signed on March 3.", "March 3", "DATE", "2025-03-03");
  ExpectTimex("Since March, many have claimed it.", "March", "DATE", "2025-03");
  ExpectTimex("Prices peaked in the 1990s.", "the 1990s", "DATE", "199");
  ExpectTimex("Prices peaked in the early 1980s.", "the early 1980s", "DATE", "198");
  ExpectTimex("It was the turn of the 20th century.", "the 20th century", "DATE", "19");
  ExpectTimex("The deficit widened in fiscal 1998.", "fiscal 1998", "DATE", "1998");
  ExpectTimex("Profit rose in the third quarter.", "the third quarter", "DATE", "2025-Q3");
  ExpectTimex("Third-quarter profit rose.", "Third-quarter", "DATE", "2025-Q3");
  ExpectTimex("Profit rose in the first half of 1998.", "the first half of 1998", "DATE", "1998-H1");
  ExpectTimex("The harvest was poor last summer.", "last summer", "DATE", "2025-SU");
  ExpectTimex("It happened in mid-November.", "mid-November", "DATE", "2025-11");
}

TEST(Timex, TheLastMentionedDate) {
  std::vector<Found> got = Tag("He met his counterpart on Monday. Writing on X the following day, he said more.");
  ASSERT_EQ(got.size(), 2u) << Show(got);
  EXPECT_EQ(got[1].text, "the following day");
  EXPECT_EQ(got[1].value, "2025-11-18");
  got = Tag("In December 1994, Ukraine signed the memorandum. Twenty years later in 2014, Russia violated it.");
  ASSERT_GE(got.size(), 2u) << Show(got);
  EXPECT_EQ(got[1].text, "Twenty years later");
  EXPECT_EQ(got[1].value, "2014");
  got = Tag("Profit rose 5% in the third quarter, compared with a year earlier.", "1989-10-26");
  ASSERT_EQ(got.size(), 2u) << Show(got);
  EXPECT_EQ(got[0].value, "1989-Q3");
  EXPECT_EQ(got[1].text, "a year earlier");
  EXPECT_EQ(got[1].value, "1988-Q3");
}

TEST(Timex, Durations) {
  ExpectTimex("Stocks have plunged in the past three years.", "the past three years", "DURATION", "P3Y");
  ExpectTimex("The Justice Department now has 30 days to release them.", "30 days", "DURATION", "P30D");
  ExpectTimex("It will be formalised within the next 10 days.", "the next 10 days", "DURATION", "P10D");
  ExpectTimex("He spoke for two hours.", "two hours", "DURATION", "PT2H");
  ExpectTimex("The talks lasted 18 months.", "18 months", "DURATION", "P18M");
  ExpectTimex("A five-year plan was agreed.", "five-year", "DURATION", "P5Y");
  ExpectTimex("It took several weeks.", "several weeks", "DURATION", "PXW");
  ExpectTimex("It took about a decade.", "about a decade", "DURATION", "P1E");
  ExpectTimex("It took 2 1/2 years.", "2 1/2 years", "DURATION", "P2Y6M");
  ExpectTimex("He waited for more than four hours.", "more than four hours", "DURATION", "PT4H");
  ExpectTimex("Zelenskyy has been in Turkey over the past 24 hours.", "the past 24 hours", "DURATION", "PT24H");
}

TEST(Timex, Sets) {
  ExpectTimex("They meet every Monday.", "every Monday", "SET", "XXXX-WXX-1");
  ExpectTimex("The index is published each month.", "each month", "SET", "P1M");
  ExpectTimex("The fee is paid annually.", "annually", "SET", "XXXX");
  ExpectTimex("The club meets on Tuesday nights.", "Tuesday nights", "SET", "XXXX-WXX-2TNI");
}

TEST(Timex, VagueReferences) {
  ExpectTimex("The US has refused to be drawn on it until now.", "now", "DATE", "PRESENT_REF");
  ExpectTimex("The region is currently under attack.", "currently", "DATE", "PRESENT_REF");
  ExpectTimex("The two envoys met recently in Florida.", "recently", "DATE", "PAST_REF");
  ExpectTimex("It could change in the future.", "the future", "DATE", "FUTURE_REF");
  ExpectTimex("Details will be finalised in the coming days.", "the coming days", "DATE", "FUTURE_REF");
}

TEST(Timex, ClockTimes) {
  ExpectTimex("The polls close at 5:30 p.m. today.", "5:30 p.m. today", "TIME", "2025-11-20T17:30");
  ExpectTimex("The vote is at noon Thursday.", "noon Thursday", "TIME", "2025-11-20T12:00");
}

TEST(Timex, NotTimeExpressions) {
  ExpectNone("The former president may speak.");
  ExpectNone("5:57");                                      // a video's running time
  ExpectNone("Sky's Mark Stone takes you inside Zelenskyy-Trump 2.0");
  ExpectNone("It would require around 100,000 soldiers at a time.");
  ExpectNone("Article 5 is one of the founding principles of NATO.");
  ExpectNone("The 9/11 attacks changed everything.");
  ExpectNone("Imposing a no-fly zone would play to NATO's strengths.");
  ExpectNone("About two-thirds of the members agreed.");
}

TEST(Timex, UnknownCreationTime) {
  ExpectTimex("The bill passed yesterday.", "yesterday", "DATE", "XXXX-XX-XX", nullptr);
  ExpectTimex("He met his counterpart on Monday.", "Monday", "DATE", "XXXX-WXX-1", nullptr);
  ExpectTimex("He was given until 20 November to respond.", "20 November", "DATE", "XXXX-11-20", nullptr);
  ExpectTimex("In December 1994, Ukraine signed it.", "December 1994", "DATE", "1994-12", nullptr);
}

TEST(Timex, FindsTheTextsOwnToday) {
  std::string text = "Andrew was given until today, 20 November, to respond.";
  int y = -1, m = 0, d = 0;
  ASSERT_TRUE(Tagger().FindToday(text, TimeTagger::SplitText(text), &y, &m, &d));
  EXPECT_EQ(y, 0);
  EXPECT_EQ(m, 11);
  EXPECT_EQ(d, 20);
  text = "The talks resumed today (Nov. 20, 2025) in Geneva.";
  ASSERT_TRUE(Tagger().FindToday(text, TimeTagger::SplitText(text), &y, &m, &d));
  EXPECT_EQ(y, 2025);
  text = "The talks resumed today in Geneva. On 20 November they ended.";
  EXPECT_FALSE(Tagger().FindToday(text, TimeTagger::SplitText(text), &y, &m, &d));
}

TEST(Timex, HostileInput) {
  EXPECT_TRUE(Tag("").empty());
  EXPECT_TRUE(Tag("   \n\n  ").empty());
  // Huge and odd numbers neither crash nor produce nonsense values.
  for (const Found& f : Tag("It took 99999999999999999999999 years and the 99999th century, in 99999."))
    EXPECT_LT(f.value.size(), 32u) << f.value;
  std::string big(200000, 'a');
  EXPECT_TRUE(Tag(big).empty());
  std::string many;
  for (int i = 0; i < 2000; ++i) many += "Monday ";
  EXPECT_EQ(Tag(many).size(), 2000u);
  // Invalid UTF-8 and control bytes.
  Tag(std::string("\xff\xfe on Friday \x01\x02 \xe2\x80"));
}

TEST(Timex, RuleFileErrorsAreReported) {
  std::string error;
  EXPECT_FALSE(TimeTagger::FromFile("/nonexistent/en.timex", &error));
  EXPECT_NE(error.find("cannot read"), std::string::npos) << error;
}

}  // namespace
}  // namespace dossier
