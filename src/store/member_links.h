// A document's links to the corpus entities (schema 5's document_members.links): which corpus
// entity merges each of its entities. corpus_members holds the same pairs keyed by corpus entity
// (the entity filter, entity pages); this is the other direction, read only a document at a time
// (co-occurring entities, the speakers filled at relinking, replacing a document), so one small
// blob a document replaces an index of corpus_members by document (100 MB on 100,000 documents,
// against ~25 MB of blobs).
//
// Format (version 1): a version byte, a varint count, then each link as two varints: its document
// entity as the difference from the previous link's (links are sorted), and its corpus entity id.
#ifndef DOSSIER_STORE_MEMBER_LINKS_H_
#define DOSSIER_STORE_MEMBER_LINKS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::store {

inline constexpr uint8_t kMemberLinksVersion = 1;

struct MemberLink {
  uint32_t doc_entity = 0;  // the entity's number in its document
  int64_t entity = 0;       // the corpus entity (>= 0)
  bool operator==(const MemberLink& o) const { return doc_entity == o.doc_entity && entity == o.entity; }
  bool operator<(const MemberLink& o) const {
    return doc_entity != o.doc_entity ? doc_entity < o.doc_entity : entity < o.entity;
  }
};

// Sorts `links`, drops repeated pairs and writes them to `out` (replacing it).
void PackMemberLinks(std::vector<MemberLink> links, std::string* out);

// Reads a blob back (sorted, as packed). A truncated or extended blob, an unknown version, a
// count the blob cannot hold or a value out of range is refused with a one-line reason and `out`
// left empty; never reads outside `blob`.
bool UnpackMemberLinks(std::string_view blob, std::vector<MemberLink>* out, std::string* error);

}  // namespace dossier::store

#endif  // DOSSIER_STORE_MEMBER_LINKS_H_
