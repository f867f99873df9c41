#include "store/member_links.h"

#include <algorithm>
#include <limits>

namespace dossier::store {
namespace {

void PutVarint(uint64_t v, std::string* out) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>((v & 0x7F) | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

// Reads a varint at *p (before end); false if truncated or longer than 64 bits.
bool GetVarint(const char** p, const char* end, uint64_t* v) {
  *v = 0;
  for (int shift = 0; shift < 64 && *p != end; shift += 7) {
    const uint8_t b = static_cast<uint8_t>(*(*p)++);
    if (shift == 63 && b > 1) return false;
    *v |= static_cast<uint64_t>(b & 0x7F) << shift;
    if (!(b & 0x80)) return true;
  }
  return false;
}

}  // namespace

void PackMemberLinks(std::vector<MemberLink> links, std::string* out) {
  std::sort(links.begin(), links.end());
  links.erase(std::unique(links.begin(), links.end()), links.end());
  out->clear();
  out->push_back(static_cast<char>(kMemberLinksVersion));
  PutVarint(links.size(), out);
  uint32_t previous = 0;
  for (const MemberLink& l : links) {
    PutVarint(l.doc_entity - previous, out);
    PutVarint(static_cast<uint64_t>(l.entity), out);
    previous = l.doc_entity;
  }
}

bool UnpackMemberLinks(std::string_view blob, std::vector<MemberLink>* out, std::string* error) {
  out->clear();
  auto fail = [&](const char* why) {
    out->clear();
    *error = std::string("member links: ") + why;
    return false;
  };
  if (blob.empty()) return fail("empty");
  if (static_cast<uint8_t>(blob[0]) != kMemberLinksVersion) return fail("unknown version");
  const char* p = blob.data() + 1;
  const char* end = blob.data() + blob.size();
  uint64_t count = 0;
  if (!GetVarint(&p, end, &count)) return fail("truncated");
  if (count > static_cast<uint64_t>(end - p) / 2) return fail("a count the blob cannot hold");  // two bytes a link at least
  out->reserve(count);
  uint64_t doc_entity = 0;
  for (uint64_t i = 0; i < count; ++i) {
    uint64_t delta = 0, entity = 0;
    if (!GetVarint(&p, end, &delta) || !GetVarint(&p, end, &entity)) return fail("truncated");
    doc_entity += delta;
    if (doc_entity > std::numeric_limits<uint32_t>::max() ||
        entity > static_cast<uint64_t>(std::numeric_limits<int64_t>::max()))
      return fail("a value out of range");
    out->push_back({static_cast<uint32_t>(doc_entity), static_cast<int64_t>(entity)});
  }
  if (p != end) return fail("trailing bytes");
  return true;
}

}  // namespace dossier::store
