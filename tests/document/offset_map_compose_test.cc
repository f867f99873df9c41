#include <gtest/gtest.h>

#include "dossier/offset_map.h"

namespace dossier {
namespace {

TEST(ComposeOffsetMaps, CopiesThroughCopiesStayExact) {
  OffsetMap a_to_b, b_to_c;
  a_to_b.AddCopy(0, 5, 10);   // A 0..10 <- B 5..15
  b_to_c.AddCopy(0, 100, 8);  // B 0..8  <- C 100..108
  b_to_c.AddCopy(8, 200, 20); // B 8..28 <- C 200..220
  OffsetMap a_to_c = ComposeOffsetMaps(a_to_b, b_to_c);
  ASSERT_EQ(a_to_c.pieces().size(), 2u);  // split where B's pieces change
  EXPECT_EQ(a_to_c.ToSourceBegin(0), 105u);
  EXPECT_EQ(a_to_c.ToSourceEnd(3), 108u);
  EXPECT_EQ(a_to_c.ToSourceBegin(3), 200u);
  EXPECT_EQ(a_to_c.ToSourceEnd(10), 207u);
}

TEST(ComposeOffsetMaps, ReplacementOnEitherSideCoversTheWholeRange) {
  OffsetMap a_to_b, b_to_c;
  a_to_b.AddCopy(0, 0, 3);          // "Caf"
  a_to_b.AddReplacement(3, 2, 3, 8);  // "é" (2 bytes) <- "&eacute;" in B
  b_to_c.AddCopy(0, 0, 6);          // B 0..6 copied
  b_to_c.AddReplacement(6, 5, 6, 1);  // B 6..11 replaced one byte of C at 6
  OffsetMap a_to_c = ComposeOffsetMaps(a_to_b, b_to_c);
  EXPECT_EQ(a_to_c.ToSourceBegin(0), 0u);
  EXPECT_EQ(a_to_c.ToSourceEnd(3), 3u);
  // "é" came from B 3..11, which is C 3..7.
  EXPECT_EQ(a_to_c.ToSourceBegin(3), 3u);
  EXPECT_EQ(a_to_c.ToSourceEnd(5), 7u);
}

TEST(ComposeOffsetMaps, CopyIntoAReplacedRunMapsToThatRun) {
  OffsetMap a_to_b, b_to_c;
  a_to_b.AddCopy(0, 2, 2);            // A 0..2 <- B 2..4
  b_to_c.AddReplacement(0, 6, 10, 3); // B 0..6 <- C 10..13 (e.g. a converted character run)
  OffsetMap a_to_c = ComposeOffsetMaps(a_to_b, b_to_c);
  EXPECT_EQ(a_to_c.ToSourceBegin(0), 10u);
  EXPECT_EQ(a_to_c.ToSourceEnd(2), 13u);
}

TEST(ComposeOffsetMaps, EmptySecondMapIsIdentity) {
  OffsetMap a_to_b, b_to_c;
  a_to_b.AddCopy(0, 7, 4);
  a_to_b.AddReplacement(4, 1, 11, 0);  // an inserted separator
  OffsetMap a_to_c = ComposeOffsetMaps(a_to_b, b_to_c);
  EXPECT_EQ(a_to_c.ToSourceBegin(1), 8u);
  EXPECT_EQ(a_to_c.ToSourceEnd(4), 11u);
  EXPECT_EQ(a_to_c.ToSourceBegin(4), 11u);
}

}  // namespace
}  // namespace dossier
