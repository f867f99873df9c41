// LEB128 varints for the store's packed blobs (packed documents, member links, quote slices): seven
// bits a byte, low bits first, the high bit set on every byte but the last.
#ifndef DOSSIER_STORE_VARINT_H_
#define DOSSIER_STORE_VARINT_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace dossier::store {

inline void PutVarint(uint64_t v, std::string* out) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>((v & 0x7F) | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

// Reads a varint from the front of *in and removes it; false if truncated or longer than 64 bits.
inline bool GetVarint(std::string_view* in, uint64_t* v) {
  *v = 0;
  for (int shift = 0; shift < 64 && !in->empty(); shift += 7) {
    const uint8_t b = static_cast<uint8_t>(in->front());
    in->remove_prefix(1);
    if (shift == 63 && b > 1) return false;
    *v |= static_cast<uint64_t>(b & 0x7F) << shift;
    if (!(b & 0x80)) return true;
  }
  return false;
}

}  // namespace dossier::store

#endif  // DOSSIER_STORE_VARINT_H_
