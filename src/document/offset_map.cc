#include "dossier/offset_map.h"

#include <algorithm>
#include <limits>

namespace dossier {

static_assert(sizeof(OffsetMap::Piece) == 24, "see OffsetMap::Piece");

void OffsetMap::AddCopy(uint32_t canon_begin, uint64_t source_begin, uint32_t len) {
  if (len == 0) return;
  if (!pieces_.empty()) {
    Piece& last = pieces_.back();
    // Merge with the previous copy when both sides continue where it ended.
    if (last.copied && last.canon_begin + last.canon_len == canon_begin &&
        last.source_begin + last.source_len == source_begin) {
      last.canon_len += len;
      last.source_len += len;
      return;
    }
  }
  pieces_.push_back({canon_begin, len, source_begin, len, true});
}

void OffsetMap::AddReplacement(uint32_t canon_begin, uint32_t canon_len, uint64_t source_begin,
                               uint64_t source_len) {
  if (canon_len == 0) return;
  constexpr uint64_t kMaxLen = std::numeric_limits<uint32_t>::max();
  pieces_.push_back({canon_begin, canon_len, source_begin, static_cast<uint32_t>(std::min(source_len, kMaxLen)),
                     false});
}

uint64_t OffsetMap::ToSourceBegin(uint32_t canon) const {
  if (pieces_.empty()) return canon;
  // The last piece whose canon_begin <= canon.
  auto it = std::upper_bound(pieces_.begin(), pieces_.end(), canon,
                             [](uint32_t c, const Piece& p) { return c < p.canon_begin; });
  if (it == pieces_.begin()) return pieces_.front().source_begin;
  const Piece& p = *(it - 1);
  uint32_t delta = canon - p.canon_begin;
  if (delta >= p.canon_len) return p.source_begin + p.source_len;  // past the piece: its end
  return p.copied ? p.source_begin + delta : p.source_begin;
}

uint64_t OffsetMap::ToSourceEnd(uint32_t canon_end) const {
  if (pieces_.empty()) return canon_end;
  if (canon_end == 0) return pieces_.front().source_begin;
  // The piece holding the byte canon_end - 1.
  uint32_t last_byte = canon_end - 1;
  auto it = std::upper_bound(pieces_.begin(), pieces_.end(), last_byte,
                             [](uint32_t c, const Piece& p) { return c < p.canon_begin; });
  if (it == pieces_.begin()) return pieces_.front().source_begin;
  const Piece& p = *(it - 1);
  uint32_t delta = last_byte - p.canon_begin;
  if (delta >= p.canon_len) return p.source_begin + p.source_len;
  return p.copied ? p.source_begin + delta + 1 : p.source_begin + p.source_len;
}

OffsetMap ComposeOffsetMaps(const OffsetMap& first, const OffsetMap& second) {
  if (second.empty()) return first;  // an empty map is the identity
  OffsetMap out;
  const auto& mid = second.pieces();
  for (const auto& p : first.pieces()) {
    if (!p.copied) {
      uint64_t b = second.ToSourceBegin(static_cast<uint32_t>(p.source_begin));
      uint64_t e = p.source_len == 0 ? b
                                     : second.ToSourceEnd(static_cast<uint32_t>(p.source_begin + p.source_len));
      out.AddReplacement(p.canon_begin, p.canon_len, b, e > b ? e - b : 0);
      continue;
    }
    // A copied run of A: walk the pieces of `second` it passes through.
    uint32_t done = 0;
    while (done < p.canon_len) {
      const auto y = static_cast<uint32_t>(p.source_begin + done);
      auto it = std::upper_bound(mid.begin(), mid.end(), y,
                                 [](uint32_t c, const OffsetMap::Piece& q) { return c < q.canon_begin; });
      if (it == mid.begin() || y >= (it - 1)->canon_begin + (it - 1)->canon_len) {
        // B bytes that `second` does not cover (should not happen): map the rest as one range.
        uint64_t b = second.ToSourceBegin(y);
        out.AddReplacement(p.canon_begin + done, p.canon_len - done, b, 0);
        break;
      }
      const OffsetMap::Piece& q = *(it - 1);
      const uint32_t in_q = y - q.canon_begin;
      const uint32_t len = std::min(p.canon_len - done, q.canon_len - in_q);
      if (q.copied) {
        out.AddCopy(p.canon_begin + done, q.source_begin + in_q, len);
      } else {
        out.AddReplacement(p.canon_begin + done, len, q.source_begin, q.source_len);
      }
      done += len;
    }
  }
  return out;
}

}  // namespace dossier
