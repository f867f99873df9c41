#include "store/member_links.h"

#include <algorithm>
#include <limits>

#include "store/varint.h"

namespace dossier::store {
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
  std::string_view rest = blob.substr(1);
  uint64_t count = 0;
  if (!GetVarint(&rest, &count)) return fail("truncated");
  if (count > rest.size() / 2) return fail("a count the blob cannot hold");  // two bytes a link at least
  out->reserve(count);
  uint64_t doc_entity = 0;
  for (uint64_t i = 0; i < count; ++i) {
    uint64_t delta = 0, entity = 0;
    if (!GetVarint(&rest, &delta) || !GetVarint(&rest, &entity)) return fail("truncated");
    doc_entity += delta;
    if (doc_entity > std::numeric_limits<uint32_t>::max() ||
        entity > static_cast<uint64_t>(std::numeric_limits<int64_t>::max()))
      return fail("a value out of range");
    out->push_back({static_cast<uint32_t>(doc_entity), static_cast<int64_t>(entity)});
  }
  if (!rest.empty()) return fail("trailing bytes");
  return true;
}

}  // namespace dossier::store
