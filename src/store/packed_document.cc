#include "store/packed_document.h"

#include <cstring>
#include <limits>
#include <vector>

#include "store/varint.h"

namespace dossier::store {
namespace {

// --- writing ---

// A signed difference as an unsigned varint: 0, -1, 1, -2, ... -> 0, 1, 2, 3, ...
void PutSigned(int64_t v, std::string* out) {
  PutVarint((static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63), out);
}

// `v` relative to `base`, wrapping: exact for any two 64-bit values.
void PutDelta(uint64_t v, uint64_t base, std::string* out) { PutSigned(static_cast<int64_t>(v - base), out); }

void PutString(std::string_view s, std::string* out) {
  PutVarint(s.size(), out);
  out->append(s);
}

void PutDouble(double d, std::string* out) {
  uint64_t bits;
  std::memcpy(&bits, &d, 8);
  for (int i = 0; i < 8; ++i) out->push_back(static_cast<char>(bits >> (8 * i)));
}

// --- reading: every accessor checks the bounds and latches the first failure ---

class Reader {
 public:
  explicit Reader(std::string_view in) : p_(in.data()), end_(in.data() + in.size()) {}
  bool ok() const { return ok_; }
  bool done() const { return p_ == end_; }
  const char* failure() const { return failure_; }
  void Fail(const char* why) {
    if (ok_) failure_ = why;
    ok_ = false;
    p_ = end_;
  }

  uint64_t Varint() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (p_ == end_) {
        Fail("truncated");
        return 0;
      }
      const uint8_t b = static_cast<uint8_t>(*p_++);
      if (shift == 63 && b > 1) break;  // more than 64 bits
      v |= static_cast<uint64_t>(b & 0x7F) << shift;
      if (!(b & 0x80)) return v;
    }
    Fail("a varint longer than 64 bits");
    return 0;
  }
  int64_t Signed() {
    const uint64_t u = Varint();
    return static_cast<int64_t>((u >> 1) ^ (~(u & 1) + 1));
  }
  uint64_t Delta(uint64_t base) { return base + static_cast<uint64_t>(Signed()); }
  uint32_t U32(uint64_t v) {
    if (v > std::numeric_limits<uint32_t>::max()) Fail("a 32-bit value out of range");
    return static_cast<uint32_t>(v);
  }
  int32_t I32(int64_t v) {
    if (v < std::numeric_limits<int32_t>::min() || v > std::numeric_limits<int32_t>::max())
      Fail("a 32-bit value out of range");
    return static_cast<int32_t>(v);
  }
  uint8_t Byte() {
    if (p_ == end_) {
      Fail("truncated");
      return 0;
    }
    return static_cast<uint8_t>(*p_++);
  }
  template <typename Enum>
  Enum EnumValue(int count) {
    const uint8_t b = Byte();
    if (b >= count) Fail("an unknown enum value");
    return static_cast<Enum>(ok_ ? b : 0);
  }
  std::string String() {
    const uint64_t n = Varint();
    if (n > static_cast<uint64_t>(end_ - p_)) {
      Fail("truncated");
      return {};
    }
    std::string s(p_, n);
    p_ += n;
    return s;
  }
  double Double() {
    if (end_ - p_ < 8) {
      Fail("truncated");
      return 0;
    }
    uint64_t bits = 0;
    for (int i = 0; i < 8; ++i) bits |= static_cast<uint64_t>(static_cast<uint8_t>(p_[i])) << (8 * i);
    p_ += 8;
    double d;
    std::memcpy(&d, &bits, 8);
    return d;
  }
  // A record count: each record takes at least `min_bytes`, so a count beyond what is left is a
  // lie (refused before anything is allocated).
  size_t Count(size_t min_bytes) {
    const uint64_t n = Varint();
    if (n > static_cast<uint64_t>(end_ - p_) / min_bytes) {
      Fail("a count larger than the blob");
      return 0;
    }
    return static_cast<size_t>(n);
  }

 private:
  const char* p_;
  const char* end_;
  bool ok_ = true;
  const char* failure_ = "";
};

// Enum value counts (include/dossier/document.h).
constexpr int kBlockKinds = 7, kEntityTypes = 4, kAmountKinds = 6;

}  // namespace

void PackAnnotations(const CorpusDocument& doc, std::string* out) {
  out->push_back(static_cast<char>(kPackedAnnotationsVersion));
  PutVarint(doc.blocks.size(), out);
  uint64_t begin = 0, source = 0;
  for (const auto& b : doc.blocks) {
    out->push_back(static_cast<char>(b.kind));
    PutSigned(b.story, out);
    PutVarint(b.line, out);
    PutDelta(b.begin, begin, out);
    PutDelta(b.end, b.begin, out);
    PutDelta(b.source_begin, source, out);
    PutDelta(b.source_end, b.source_begin, out);
    begin = b.begin;
    source = b.source_begin;
  }
  PutVarint(doc.stories.size(), out);
  source = 0;
  for (const auto& s : doc.stories) {
    PutString(s.title, out);
    PutSigned(s.title_block, out);
    PutVarint(s.first_block, out);
    PutVarint(s.last_block, out);
    PutDelta(s.source_begin, source, out);
    PutDelta(s.source_end, s.source_begin, out);
    source = s.source_begin;
  }
  PutVarint(doc.mentions.size(), out);
  begin = source = 0;
  for (const auto& m : doc.mentions) {
    PutVarint(static_cast<uint64_t>(m.entity) << 1 | (m.description ? 1 : 0), out);
    PutDelta(m.begin, begin, out);
    PutDelta(m.end, m.begin, out);
    PutDelta(m.source_begin, source, out);
    PutDelta(m.source_end, m.source_begin, out);
    begin = m.begin;
    source = m.source_begin;
  }
  // An entity's name is most often the text of one of its mentions ("Keir Starmer"): then it is
  // that mention's number, not the name again (a tenth of the blob on news text).
  PutVarint(doc.entities.size(), out);
  for (size_t i = 0; i < doc.entities.size(); ++i) {
    const auto& e = doc.entities[i];
    out->push_back(static_cast<char>(e.type));
    size_t ref = 0;  // 0: the name follows; k: the text of mention k - 1
    for (size_t k = 0; k < doc.mentions.size() && ref == 0 && !e.name.empty(); ++k) {
      const auto& m = doc.mentions[k];
      if (m.entity == i && m.begin <= m.end && m.end <= doc.text.size() &&
          std::string_view(doc.text).substr(m.begin, m.end - m.begin) == e.name)
        ref = k + 1;
    }
    PutVarint(ref, out);
    if (ref == 0) PutString(e.name, out);
  }
  PutVarint(doc.amounts.size(), out);
  source = 0;
  for (const auto& a : doc.amounts) {
    out->push_back(static_cast<char>(a.kind));
    out->push_back(static_cast<char>((a.has_high ? 1 : 0) | (a.approximate ? 2 : 0)));
    PutString(a.text, out);
    PutString(a.unit, out);
    PutString(a.modifier, out);
    PutDouble(a.value, out);
    if (a.has_high) PutDouble(a.high, out);
    PutDelta(a.source_begin, source, out);
    PutDelta(a.source_end, a.source_begin, out);
    source = a.source_begin;
  }
}

bool UnpackAnnotations(std::string_view blob, std::string_view text, CorpusDocument* doc, std::string* error) {
  doc->blocks.clear();
  doc->stories.clear();
  doc->entities.clear();
  doc->mentions.clear();
  doc->amounts.clear();
  Reader r(blob);
  const uint8_t version = r.Byte();
  if (r.ok() && version != kPackedAnnotationsVersion) r.Fail("an unknown format version");
  // Minimal record sizes, so that a forged count cannot make us allocate more than the blob holds.
  size_t n = r.Count(7);
  doc->blocks.reserve(n);
  uint64_t begin = 0, source = 0;
  for (size_t i = 0; i < n && r.ok(); ++i) {
    CorpusDocument::Block b;
    b.kind = r.EnumValue<BlockKind>(kBlockKinds);
    b.story = r.I32(r.Signed());
    b.line = r.U32(r.Varint());
    begin = r.Delta(begin);
    b.begin = r.U32(begin);
    b.end = r.U32(r.Delta(begin));
    source = b.source_begin = r.Delta(source);
    b.source_end = r.Delta(source);
    doc->blocks.push_back(b);
  }
  n = r.Count(6);
  doc->stories.reserve(n);
  source = 0;
  for (size_t i = 0; i < n && r.ok(); ++i) {
    CorpusDocument::Story s;
    s.title = r.String();
    s.title_block = r.I32(r.Signed());
    s.first_block = r.U32(r.Varint());
    s.last_block = r.U32(r.Varint());
    source = s.source_begin = r.Delta(source);
    s.source_end = r.Delta(source);
    doc->stories.push_back(std::move(s));
  }
  n = r.Count(5);
  doc->mentions.reserve(n);
  begin = source = 0;
  for (size_t i = 0; i < n && r.ok(); ++i) {
    CorpusDocument::Mention m;
    const uint64_t entity = r.Varint();
    m.entity = r.U32(entity >> 1);
    m.description = entity & 1;
    begin = r.Delta(begin);
    m.begin = r.U32(begin);
    m.end = r.U32(r.Delta(begin));
    source = m.source_begin = r.Delta(source);
    m.source_end = r.Delta(source);
    doc->mentions.push_back(m);
  }
  n = r.Count(2);
  doc->entities.reserve(n);
  for (size_t i = 0; i < n && r.ok(); ++i) {
    CorpusDocument::Entity e;
    e.type = r.EnumValue<EntityType>(kEntityTypes);
    const uint64_t ref = r.Varint();
    if (ref == 0) {
      e.name = r.String();
    } else if (ref > doc->mentions.size()) {
      r.Fail("a name from a mention that does not exist");
    } else {
      const auto& m = doc->mentions[ref - 1];
      if (m.begin > m.end || m.end > text.size()) r.Fail("a name from a mention outside the text");
      else e.name = std::string(text.substr(m.begin, m.end - m.begin));
    }
    doc->entities.push_back(std::move(e));
  }
  n = r.Count(15);
  doc->amounts.reserve(n);
  source = 0;
  for (size_t i = 0; i < n && r.ok(); ++i) {
    CorpusDocument::Amount a;
    a.kind = r.EnumValue<AmountKind>(kAmountKinds);
    const uint8_t flags = r.Byte();
    if (flags > 3) r.Fail("unknown amount flags");
    a.has_high = flags & 1;
    a.approximate = flags & 2;
    a.text = r.String();
    a.unit = r.String();
    a.modifier = r.String();
    a.value = r.Double();
    if (a.has_high) a.high = r.Double();
    source = a.source_begin = r.Delta(source);
    a.source_end = r.Delta(source);
    doc->amounts.push_back(std::move(a));
  }
  if (r.ok() && !r.done()) r.Fail("trailing bytes");
  if (r.ok()) return true;
  *error = std::string("packed annotations: ") + r.failure();
  doc->blocks.clear();
  doc->stories.clear();
  doc->entities.clear();
  doc->mentions.clear();
  doc->amounts.clear();
  return false;
}

}  // namespace dossier::store
