#include "document/mapped_text_ops.h"

#include <algorithm>

namespace dossier {

namespace {

// Rebuilds `t.map` as the old map with canonical [begin, end) removed and `inserted` bytes added
// at `begin` (mapped to input position `insert_source`).
void Rebuild(MappedText* t, uint32_t begin, uint32_t end, uint32_t inserted, uint64_t insert_source) {
  // Three passes keep the pieces sorted: what lies before the edit, the inserted bytes, what
  // lies after it (shifted).
  OffsetMap out;
  for (const auto& p : t->map.pieces()) {
    if (p.canon_begin >= begin) break;
    uint32_t len = std::min(p.canon_begin + p.canon_len, begin) - p.canon_begin;
    if (p.copied) out.AddCopy(p.canon_begin, p.source_begin, len);
    else out.AddReplacement(p.canon_begin, len, p.source_begin, p.source_len);
  }
  if (inserted > 0) out.AddReplacement(begin, inserted, insert_source, 0);
  const int64_t shift = static_cast<int64_t>(inserted) - static_cast<int64_t>(end - begin);
  for (const auto& p : t->map.pieces()) {
    uint32_t pe = p.canon_begin + p.canon_len;
    if (pe <= end) continue;
    uint32_t keep_begin = std::max(p.canon_begin, end);
    uint32_t len = pe - keep_begin;
    uint32_t new_begin = static_cast<uint32_t>(static_cast<int64_t>(keep_begin) + shift);
    if (p.copied) out.AddCopy(new_begin, p.source_begin + (keep_begin - p.canon_begin), len);
    else out.AddReplacement(new_begin, len, p.source_begin, p.source_len);
  }
  t->map = std::move(out);
}

}  // namespace

void InsertText(MappedText* t, uint32_t pos, std::string_view what) {
  if (what.empty()) return;
  uint64_t src = t->map.empty() ? pos : (pos == 0 ? t->map.ToSourceBegin(0) : t->map.ToSourceEnd(pos));
  Rebuild(t, pos, pos, static_cast<uint32_t>(what.size()), src);
  t->text.insert(pos, what);
}

void EraseText(MappedText* t, uint32_t begin, uint32_t end) {
  if (end <= begin) return;
  Rebuild(t, begin, end, 0, 0);
  t->text.erase(begin, end - begin);
}

void AppendMapped(const MappedText& piece, std::string* out, OffsetMap* out_map) {
  uint32_t base = static_cast<uint32_t>(out->size());
  for (const auto& p : piece.map.pieces()) {
    if (p.copied) out_map->AddCopy(base + p.canon_begin, p.source_begin, p.canon_len);
    else out_map->AddReplacement(base + p.canon_begin, p.canon_len, p.source_begin, p.source_len);
  }
  out->append(piece.text);
}

}  // namespace dossier
