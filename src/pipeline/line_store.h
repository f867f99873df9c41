// The lines of a crude-text input on their way to blocks, without copying the clean ones.
//
// Nearly every line of a scrape is clean (CleanLine would return it as it is) and is never edited:
// such a line stays a view of the input. A line that cleaning changed, or that is edited later (a
// glued word split, a repeated sentence erased), has its own MappedText. Copying every line, as the
// analyzer once did, held a second copy of the input (plus a heap block per line) at the peak.
#ifndef DOSSIER_PIPELINE_LINE_STORE_H_
#define DOSSIER_PIPELINE_LINE_STORE_H_

#include <algorithm>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "dossier/offset_map.h"
#include "dossier/text.h"

namespace dossier {

class LineStore {
 public:
  // A clean line: its text is the input bytes at `source_begin`.
  void AddView(std::string_view text, uint64_t source_begin) {
    lines_.push_back({text, source_begin, -1});
  }
  // A line that cleaning changed.
  void AddOwned(MappedText text) {
    lines_.push_back({{}, 0, static_cast<int32_t>(owned_.size())});
    owned_.push_back(std::move(text));
  }

  void reserve(size_t n) { lines_.reserve(n); }
  size_t size() const { return lines_.size(); }
  std::string_view text(size_t i) const {
    return lines_[i].owned < 0 ? lines_[i].view : std::string_view(owned_[lines_[i].owned].text);
  }
  // Line i as an editable MappedText (a view becomes a copy with one copied piece, exactly what
  // CleanLine returns for a clean line).
  MappedText& Own(size_t i) {
    Line& l = lines_[i];
    if (l.owned < 0) {
      MappedText t;
      t.text.assign(l.view);
      t.map.AddCopy(0, l.source_begin, static_cast<uint32_t>(l.view.size()));
      l.owned = static_cast<int32_t>(owned_.size());
      owned_.push_back(std::move(t));
    }
    return owned_[l.owned];
  }
  // Gives back the spare capacity of an owned line's text (erasures leave it); views of its old
  // text are invalid afterwards.
  void Shrink(size_t i) {
    if (lines_[i].owned >= 0) owned_[lines_[i].owned].text.shrink_to_fit();
  }
  // Input offsets of line positions, as OffsetMap::ToSourceBegin / ToSourceEnd of the line's map.
  uint64_t SourceBegin(size_t i, uint32_t pos) const {
    const Line& l = lines_[i];
    return l.owned < 0 ? l.source_begin + std::min<size_t>(pos, l.view.size()) : owned_[l.owned].map.ToSourceBegin(pos);
  }
  uint64_t SourceEnd(size_t i, uint32_t pos) const {
    const Line& l = lines_[i];
    return l.owned < 0 ? l.source_begin + std::min<size_t>(pos, l.view.size()) : owned_[l.owned].map.ToSourceEnd(pos);
  }
  // How many offset-map pieces AppendTo adds for line i (at most).
  size_t PieceCount(size_t i) const {
    return lines_[i].owned < 0 ? 1 : owned_[lines_[i].owned].map.pieces().size();
  }
  // Appends line i to the document text and its map (as AppendMapped does for a MappedText).
  void AppendTo(size_t i, std::string* text, OffsetMap* map) const;

  void clear() {
    lines_.clear();
    lines_.shrink_to_fit();
    owned_ = std::deque<MappedText>();
  }

 private:
  struct Line {
    std::string_view view;  // the input bytes of a clean, unedited line
    uint64_t source_begin;  // where they start in the input
    int32_t owned;          // index into owned_, or -1 for a view
  };
  std::vector<Line> lines_;
  // A deque, so an owned line never moves: views of its text (short strings live inside the
  // object) stay valid while other lines are copied.
  std::deque<MappedText> owned_;
};

}  // namespace dossier

#endif  // DOSSIER_PIPELINE_LINE_STORE_H_
