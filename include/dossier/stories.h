// Story segmentation of crude text: where one news story ends and the next begins.
//
// No marker is given. The evidence, at each gap between two article blocks: lexical cohesion of
// the text before and after (several window sizes, and how deep the dip is), names that appear
// only after the gap, the leftovers lying in the gap (bylines and datelines open stories;
// share/copyright/topic lines close them), and whether the next block reads like a headline or
// like a continuation ("He said..."). A learned linear model weighs them; boundaries closer than a
// few paragraphs compete and only the stronger survives.
#ifndef DOSSIER_STORIES_H_
#define DOSSIER_STORIES_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dossier/document.h"

namespace dossier {

class LinearModel;

struct StoryBlock {
  std::string_view text;
  BlockKind kind;
};

class StorySegmenter {
 public:
  StorySegmenter();
  ~StorySegmenter();
  StorySegmenter(StorySegmenter&&) noexcept;
  StorySegmenter& operator=(StorySegmenter&&) noexcept;

  bool Load(const std::string& path, std::string* error);
  bool Save(const std::string& path, std::string* error) const;
  bool loaded() const;

  // Indices of the blocks that start a story (each an article block), ascending. The first
  // article block always starts the first story. Empty when there is no article block.
  std::vector<uint32_t> Segment(const std::vector<StoryBlock>& blocks) const;

  struct TrainingFile {
    std::vector<std::string> lines;
    std::vector<BlockKind> kinds;
    std::vector<uint32_t> story_starts;  // 0-based line indices
  };
  static StorySegmenter Train(const std::vector<TrainingFile>& files, uint32_t seed, uint32_t epochs);

 private:
  std::unique_ptr<LinearModel> model_;
};

// A story's headline is often mistaken for page furniture when bylines and datelines surround it.
// For each story start, looks back over the leftover blocks just before it (at most three) for one
// that reads like a headline and carries no furniture, byline, dateline or link wording; when found,
// it becomes a heading and the story starts there. Updates `kinds` and `starts` in place.
void RecoverStoryTitles(const std::vector<StoryBlock>& blocks, std::vector<BlockKind>* kinds,
                        std::vector<uint32_t>* starts);

// Picks a title for a story: its first block when that is a heading (or reads like one), else
// empty. `blocks` are the story's blocks in order.
std::string InferStoryTitle(const std::vector<StoryBlock>& blocks, int32_t* title_block);

}  // namespace dossier

#endif  // DOSSIER_STORIES_H_
