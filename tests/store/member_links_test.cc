// A document's links to the corpus entities (schema 5, src/store/member_links.h): exact round
// trips (sorted, repeats dropped), the bytes of a small case, and hostile blobs refused cleanly.
#include "store/member_links.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <limits>
#include <random>

namespace dossier::store {
namespace {

TEST(MemberLinks, ASmallCaseHasTheseBytes) {
  std::string blob;
  PackMemberLinks({{3, 200}, {0, 7}, {3, 200}, {1, 5}}, &blob);
  // version 1, 3 links: (0, 7), (+1, 5), (+2, 200 = 0xC8 0x01)
  EXPECT_EQ(blob, std::string("\x01\x03\x00\x07\x01\x05\x02\xC8\x01", 9));
  std::vector<MemberLink> links;
  std::string error;
  ASSERT_TRUE(UnpackMemberLinks(blob, &links, &error)) << error;
  EXPECT_EQ(links, (std::vector<MemberLink>{{0, 7}, {1, 5}, {3, 200}}));
}

TEST(MemberLinks, RandomLinksComeBackSortedAndOnce) {
  std::mt19937_64 rng(5);
  for (int round = 0; round < 300; ++round) {
    std::vector<MemberLink> links;
    for (size_t i = rng() % 100; i > 0; --i) {
      MemberLink l;
      l.doc_entity = rng() % 3 == 0 ? std::numeric_limits<uint32_t>::max() - rng() % 3 : rng() % 80;
      l.entity = rng() % 3 == 0 ? static_cast<int64_t>(rng() >> 1) : static_cast<int64_t>(rng() % 1000);
      links.push_back(l);
      if (rng() % 5 == 0) links.push_back(l);  // a repeat
    }
    std::string blob;
    PackMemberLinks(links, &blob);
    std::sort(links.begin(), links.end());
    links.erase(std::unique(links.begin(), links.end()), links.end());
    std::vector<MemberLink> back;
    std::string error;
    ASSERT_TRUE(UnpackMemberLinks(blob, &back, &error)) << error;
    EXPECT_EQ(back, links);
  }
}

TEST(MemberLinks, HostileBlobsAreRefused) {
  std::string blob;
  PackMemberLinks({{0, 7}, {1, 5}, {3, 200}}, &blob);
  std::vector<MemberLink> out;
  std::string error;
  for (size_t n = 0; n < blob.size(); ++n) {  // every truncation
    EXPECT_FALSE(UnpackMemberLinks(blob.substr(0, n), &out, &error)) << n;
    EXPECT_TRUE(out.empty());
  }
  EXPECT_FALSE(UnpackMemberLinks(blob + '\0', &out, &error));
  EXPECT_EQ(error, "member links: trailing bytes");
  EXPECT_FALSE(UnpackMemberLinks(std::string("\x02\x00", 2), &out, &error));
  EXPECT_EQ(error, "member links: unknown version");
  // A forged count far beyond the bytes: refused before anything is allocated for it.
  EXPECT_FALSE(UnpackMemberLinks(std::string("\x01\xFF\xFF\xFF\xFF\x0F\x00\x01", 8), &out, &error));
  EXPECT_EQ(error, "member links: a count the blob cannot hold");
  // A document entity beyond 32 bits (deltas adding up), and a varint of more than 64 bits.
  EXPECT_FALSE(UnpackMemberLinks(std::string("\x01\x02\xFF\xFF\xFF\xFF\x0F\x01\x01\x01", 10), &out, &error));
  EXPECT_EQ(error, "member links: a value out of range");
  EXPECT_FALSE(UnpackMemberLinks(std::string("\x01\x01\x00\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\x7F", 13), &out,
                                 &error));
  EXPECT_TRUE(out.empty());
  // Random bytes never crash and never give links the bytes cannot hold.
  std::mt19937_64 rng(9);
  for (int i = 0; i < 2000; ++i) {
    std::string junk(rng() % 24, '\0');
    for (char& c : junk) c = static_cast<char>(rng());
    if (UnpackMemberLinks(junk, &out, &error)) {
      EXPECT_LE(out.size() * 2 + 2, junk.size());
    }
  }
}

}  // namespace
}  // namespace dossier::store
