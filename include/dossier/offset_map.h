// Maps byte offsets of the canonical text back to byte offsets of the input.
//
// The canonical text is built left to right from the input by copying runs of bytes unchanged,
// replacing runs (invalid UTF-8, NFC changes, an inserted space), inserting separators and skipping
// input (trimmed whitespace, a removed repeat). The map records that as a sorted list of pieces, so
// a lookup is a binary search; a copied run costs one piece however long it is.
#ifndef DOSSIER_OFFSET_MAP_H_
#define DOSSIER_OFFSET_MAP_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace dossier {

class OffsetMap {
 public:
  // 24 bytes: a scrape has about two pieces a line (the line and the break before it), and the map
  // of a large input is held with everything else at the peak. Lengths fit in 32 bits since an
  // input is at most 4 GiB (Analyzer rejects larger ones).
  struct Piece {
    uint32_t canon_begin;
    uint32_t canon_len;
    uint64_t source_begin;
    uint32_t source_len;
    bool copied;  // canon bytes equal the source bytes one for one
  };

  // Appends canonical bytes [canon_begin, canon_begin+len) copied from input [source_begin, +len).
  void AddCopy(uint32_t canon_begin, uint64_t source_begin, uint32_t len);
  // Appends canonical bytes that replace the input range [source_begin, source_begin+source_len)
  // (source_len may be 0 for an insertion; a range over 4 GiB is cut to 4 GiB - 1, see Piece).
  void AddReplacement(uint32_t canon_begin, uint32_t canon_len, uint64_t source_begin,
                      uint64_t source_len);

  // Input offset where the canonical byte at `canon` starts. Inside a replaced run this is the start
  // of the input run, so a span never shrinks below what it replaced.
  uint64_t ToSourceBegin(uint32_t canon) const;
  // Input offset just past the canonical byte before `canon_end` (for end-exclusive spans).
  uint64_t ToSourceEnd(uint32_t canon_end) const;

  const std::vector<Piece>& pieces() const { return pieces_; }
  bool empty() const { return pieces_.empty(); }
  void reserve(size_t pieces) { pieces_.reserve(pieces); }
  void clear() { pieces_.clear(); }

 private:
  std::vector<Piece> pieces_;
};

// Chains two maps: `first` maps text A to text B, `second` maps B to the input C; the result maps
// A to C. A byte copied in both stays copied (exact offsets); anything replaced on either side maps
// to the whole input range it came from. Used where text passes through several stages (HTML:
// canonical text -> extracted block -> decoded page -> input bytes).
OffsetMap ComposeOffsetMaps(const OffsetMap& first, const OffsetMap& second);

}  // namespace dossier

#endif  // DOSSIER_OFFSET_MAP_H_
