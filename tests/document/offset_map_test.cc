#include "dossier/offset_map.h"

#include <gtest/gtest.h>

namespace dossier {
namespace {

TEST(OffsetMap, CopiedRunsMapOneForOne) {
  OffsetMap m;
  m.AddCopy(0, 10, 5);   // canon 0..5  <- input 10..15
  m.AddCopy(5, 15, 3);   // merged: continues on both sides
  ASSERT_EQ(m.pieces().size(), 1u);
  EXPECT_EQ(m.ToSourceBegin(0), 10u);
  EXPECT_EQ(m.ToSourceBegin(7), 17u);
  EXPECT_EQ(m.ToSourceEnd(8), 18u);
  EXPECT_EQ(m.ToSourceEnd(1), 11u);
}

TEST(OffsetMap, SkippedInputAndReplacements) {
  OffsetMap m;
  m.AddCopy(0, 0, 4);                 // "abcd" from input 0..4
  m.AddReplacement(4, 1, 4, 3);       // "\n" replacing "\r\n\n" at input 4..7
  m.AddCopy(5, 9, 2);                 // input 7..9 skipped (trimmed)
  m.AddReplacement(7, 3, 11, 1);      // U+FFFD (3 bytes) for one bad byte at input 11
  ASSERT_EQ(m.pieces().size(), 4u);
  EXPECT_EQ(m.ToSourceBegin(5), 9u);
  EXPECT_EQ(m.ToSourceEnd(7), 11u);
  EXPECT_EQ(m.ToSourceBegin(8), 11u);  // inside a replacement: start of what it replaced
  EXPECT_EQ(m.ToSourceEnd(8), 12u);    // ... and its end
  EXPECT_EQ(m.ToSourceEnd(10), 12u);
  EXPECT_EQ(m.ToSourceBegin(4), 4u);
  EXPECT_EQ(m.ToSourceEnd(5), 7u);
}

TEST(OffsetMap, ReplacementOfMoreThanFourGigabytesIsCut) {
  // Pieces hold 32-bit lengths (inputs are at most 4 GiB); a longer range is cut, not wrapped.
  OffsetMap m;
  m.AddReplacement(0, 1, 7, (uint64_t{1} << 32) + 5);
  m.AddCopy(1, (uint64_t{1} << 33), 2);
  ASSERT_EQ(m.pieces().size(), 2u);
  EXPECT_EQ(m.ToSourceBegin(0), 7u);
  EXPECT_EQ(m.ToSourceEnd(1), uint64_t{7} + 0xFFFFFFFFu);
  EXPECT_EQ(m.ToSourceBegin(2), (uint64_t{1} << 33) + 1);  // 64-bit input offsets stay exact
}

TEST(OffsetMap, EmptyMapIsIdentity) {
  OffsetMap m;
  EXPECT_EQ(m.ToSourceBegin(42), 42u);
  EXPECT_EQ(m.ToSourceEnd(42), 42u);
}

}  // namespace
}  // namespace dossier
