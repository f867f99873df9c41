// Amounts on hand-written sentences: value, unit, kind, hedge and extent of each form.
#include <gtest/gtest.h>

#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "dossier/pipeline.h"
#include "dossier/time.h"

namespace dossier {
namespace {

const AmountTagger& Tagger() {
  static std::unique_ptr<AmountTagger> t = [] {
    std::string error;
    auto p = AmountTagger::Load(ResolveDataDir(""), "en", &error);
    EXPECT_TRUE(p) << error;
    return p;
  }();
  return *t;
}

struct Found {
  std::string text;
  Amount a;
};

std::vector<Found> Tag(const std::string& text) {
  std::vector<Amount> out;
  Tagger().Tag(text, TimeTagger::SplitText(text), {}, &out);
  std::vector<Found> r;
  for (const Amount& a : out) r.push_back({text.substr(a.span.begin, a.span.size()), a});
  return r;
}

std::string Show(const std::vector<Found>& v) {
  std::string s;
  for (const auto& f : v)
    s += "[" + f.text + "|" + std::string(AmountKindName(f.a.kind)) + "|" + std::to_string(f.a.value) + "|" +
         f.a.unit + "] ";
  return s;
}

const Found* Get(const std::vector<Found>& v, const std::string& text) {
  for (const auto& f : v)
    if (f.text == text) return &f;
  return nullptr;
}

void ExpectAmount(const std::string& sentence, const std::string& extent, AmountKind kind, double value,
                  const std::string& unit, bool approximate = false) {
  auto got = Tag(sentence);
  const Found* f = Get(got, extent);
  ASSERT_TRUE(f) << "'" << extent << "' in: " << sentence << " -> " << Show(got);
  EXPECT_EQ(f->a.kind, kind) << sentence << " -> " << Show(got);
  EXPECT_NEAR(f->a.value, value, std::fabs(value) * 1e-9 + 1e-9) << sentence;
  EXPECT_EQ(f->a.unit, unit) << sentence;
  EXPECT_EQ(f->a.approximate, approximate) << sentence;
}

TEST(Amounts, MoneyWithCurrencyAndScale) {
  auto got = Tag("Ukraine is offering to buy an extra $90bn (£66.6bn) in US weapons.");
  ASSERT_EQ(got.size(), 2u) << Show(got);
  EXPECT_EQ(got[0].text, "$90bn");
  EXPECT_DOUBLE_EQ(got[0].a.value, 9.0e10);
  EXPECT_EQ(got[0].a.unit, "USD");
  EXPECT_EQ(got[1].text, "£66.6bn");
  EXPECT_DOUBLE_EQ(got[1].a.value, 6.66e10);
  EXPECT_EQ(got[1].a.unit, "GBP");
  ExpectAmount("The fund holds €3 million.", "€3 million", AmountKind::kMoney, 3e6, "EUR");
  ExpectAmount("Japan pledged 1.2 trillion yen.", "1.2 trillion yen", AmountKind::kMoney, 1.2e12, "JPY");
  ExpectAmount("He spent seventy million dollars for this house.", "seventy million dollars", AmountKind::kMoney, 7e7, "USD");
  ExpectAmount("It costs US$5m a year.", "US$5m", AmountKind::kMoney, 5e6, "USD");
  ExpectAmount("A stamp costs 50p.", "50p", AmountKind::kMoney, 0.5, "GBP");
  ExpectAmount("Revenue was $1.55 billion.", "$1.55 billion", AmountKind::kMoney, 1.55e9, "USD");
}

TEST(Amounts, CountsWithTheirNoun) {
  ExpectAmount("It would require around 100,000 soldiers at a time.", "around 100,000 soldiers", AmountKind::kCount,
               100000, "soldiers", true);
  ExpectAmount("An attack on any of its 32 member states.", "32 member states", AmountKind::kCount, 32, "member states");
  ExpectAmount("Along Ukraine's 1,000-mile border.", "1,000-mile", AmountKind::kCount, 1000, "mile");
  ExpectAmount("Twenty years later Russia violated it.", "Twenty years", AmountKind::kCount, 20, "years");
  ExpectAmount("The two envoys met in Florida.", "two envoys", AmountKind::kCount, 2, "envoys");
  // A bare number counts what the sentence counted last.
  ExpectAmount("It needs around 100,000 soldiers at a time, requiring 300,000 in total.", "300,000",
               AmountKind::kCount, 300000, "soldiers");
}

TEST(Amounts, Percentages) {
  ExpectAmount("The UK Army would only make up 10% of that.", "10%", AmountKind::kPercent, 10, "%");
  ExpectAmount("Stocks fell twelve percent.", "twelve percent", AmountKind::kPercent, 12, "%");
  ExpectAmount("Inflation hit 4.5 per cent.", "4.5 per cent", AmountKind::kPercent, 4.5, "%");
  ExpectAmount("This would include about 15% of territory.", "about 15%", AmountKind::kPercent, 15, "%", true);
}

TEST(Amounts, Hedges) {
  auto got = Tag("More than 300 people and nearly 50% of voters, up to 5,000 troops.");
  const Found* a = Get(got, "More than 300 people");
  ASSERT_TRUE(a) << Show(got);
  EXPECT_TRUE(a->a.approximate);
  EXPECT_EQ(a->a.modifier, "MORE_THAN");
  const Found* b = Get(got, "nearly 50%");
  ASSERT_TRUE(b) << Show(got);
  EXPECT_EQ(b->a.modifier, "LESS_THAN");
  const Found* c = Get(got, "up to 5,000 troops");
  ASSERT_TRUE(c) << Show(got);
  EXPECT_EQ(c->a.modifier, "EQUAL_OR_LESS");
}

TEST(Amounts, RangesTalliesOrdinalsFractions) {
  auto got = Tag("Between 10 and 20 people were hurt.");
  const Found* r = Get(got, "Between 10 and 20 people");
  ASSERT_TRUE(r) << Show(got);
  EXPECT_EQ(r->a.value, 10);
  EXPECT_TRUE(r->a.has_high);
  EXPECT_EQ(r->a.high, 20);
  EXPECT_EQ(r->a.unit, "people");
  got = Tag("The House passed it, with 427 in favour and one against.");
  const Found* t = Get(got, "427 in favour and one against");
  ASSERT_TRUE(t) << Show(got);
  EXPECT_EQ(t->a.kind, AmountKind::kTally);
  EXPECT_EQ(t->a.value, 427);
  EXPECT_EQ(t->a.high, 1);
  ExpectAmount("This is the second development.", "second development", AmountKind::kOrdinal, 2, "development");
  ExpectAmount("It was the 21st summit.", "21st summit", AmountKind::kOrdinal, 21, "summit");
  ExpectAmount("Two-thirds of members agreed.", "Two-thirds", AmountKind::kNumber, 2.0 / 3.0, "fraction");
}

TEST(Amounts, NotAmounts) {
  for (const char* s : {"Article 5 is one of the founding principles of NATO.", "5:57",
                        "Sky's Mark Stone takes you inside Zelenskyy-Trump 2.0", "The 9/11 attacks of 2001.",
                        "First, we know officials have arrived.", "It is one of those days.",
                        "No. 10 said nothing."}) {
    auto got = Tag(s);
    EXPECT_TRUE(got.empty()) << s << " -> " << Show(got);
  }
}

TEST(Amounts, DatesAreLeftToTheTimeExpressions) {
  std::string text = "In December 1994, 300 soldiers left.";
  DocumentDate dct;
  std::string error;
  auto tt = TimeTagger::Load(ResolveDataDir(""), "en", &error);
  ASSERT_TRUE(tt) << error;
  std::vector<Timex> timexes;
  tt->Tag(text, TimeTagger::SplitText(text), dct, &timexes);
  std::vector<Amount> out;
  Tagger().Tag(text, TimeTagger::SplitText(text), timexes, &out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(text.substr(out[0].span.begin, out[0].span.size()), "300 soldiers");
}

TEST(Amounts, HostileInput) {
  EXPECT_TRUE(Tag("").empty());
  for (const Found& f : Tag("It cost $999,999,999,999,999,999,999,999,999,999,999,999,999 trillion and "
                            "1e999 dollars, 99999999999999999999999999999999999999999999999999999 people."))
    EXPECT_TRUE(std::isfinite(f.a.value)) << f.text;
  Tag("$ £ € % bn million");
  Tag(std::string("\xff 5 \xc3 dollars", 12));
}

}  // namespace
}  // namespace dossier
