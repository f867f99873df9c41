// Document::StoryAt: the story of the block holding an offset, on a hand-built three-block document.
#include <gtest/gtest.h>

#include "dossier/document.h"

namespace dossier {
namespace {

TEST(DocumentStoryAt, TheBlockStartingAtOrBeforeTheOffsetDecides) {
  Document doc;
  doc.text = "Title\nleftover\nBody.";
  auto block = [&](uint32_t begin, uint32_t end, int32_t story) {
    Block b;
    b.span = {begin, end};
    b.story = story;
    doc.blocks.push_back(b);
  };
  EXPECT_EQ(doc.StoryAt(0), kNoStory);  // no blocks at all
  block(0, 5, 0);
  block(6, 14, kNoStory);
  block(15, 20, 1);
  EXPECT_EQ(doc.StoryAt(0), 0);
  EXPECT_EQ(doc.StoryAt(5), 0);  // the newline after a block still belongs to it
  EXPECT_EQ(doc.StoryAt(6), kNoStory);
  EXPECT_EQ(doc.StoryAt(14), kNoStory);
  EXPECT_EQ(doc.StoryAt(15), 1);
  EXPECT_EQ(doc.StoryAt(1000), 1);  // past the end: the last block
}

TEST(DocumentStoryAt, BeforeTheFirstBlockIsNoStory) {
  Document doc;
  doc.text = "  Body.";
  Block b;
  b.span = {2, 7};
  b.story = 0;
  doc.blocks.push_back(b);
  EXPECT_EQ(doc.StoryAt(1), kNoStory);
  EXPECT_EQ(doc.StoryAt(2), 0);
}

}  // namespace
}  // namespace dossier
