#include "html/content_density.h"

#include "html/content_score.h"

namespace dossier::html {

namespace {
enum class Class : uint8_t { kBad, kShort, kNearGood, kGood };

Class Classify(const PageBlocks& page, const RawBlock& b, uint32_t scope) {
  if (b.flags & kBlockHidden) return Class::kBad;
  const double ld = LinkDensity(b);
  if (ld > 0.33) return Class::kBad;
  for (uint32_t e = b.owner; e != kNoNode && e != scope; e = page.elements[e].block_parent) {
    if (IsBoilerplateElement(page.elements[e])) return Class::kBad;
  }
  if (b.chars < 40) return Class::kShort;
  if (b.chars >= 100 && b.punct > 0 && ld < 0.2) return Class::kGood;
  return Class::kNearGood;
}
}  // namespace

std::vector<uint32_t> SelectByDensity(const PageBlocks& page, uint32_t scope) {
  const uint32_t begin = scope == kNoNode ? 0 : page.elements[scope].block_begin;
  const uint32_t end = scope == kNoNode ? static_cast<uint32_t>(page.blocks.size())
                                        : page.elements[scope].block_end;
  const size_t n = end - begin;
  std::vector<Class> cls(n);
  for (size_t i = 0; i < n; ++i) cls[i] = Classify(page, page.blocks[begin + i], scope);
  // Uncertain blocks become good when the nearest certain neighbours on both sides are good
  // (near-good blocks: on either side).
  std::vector<int> prev_good(n, -1), next_good(n, -1);
  int last = -1;  // -1 unknown, 0 bad, 1 good
  for (size_t i = 0; i < n; ++i) {
    prev_good[i] = last;
    if (cls[i] == Class::kGood) last = 1;
    else if (cls[i] == Class::kBad) last = 0;
  }
  last = -1;
  for (size_t i = n; i-- > 0;) {
    next_good[i] = last;
    if (cls[i] == Class::kGood) last = 1;
    else if (cls[i] == Class::kBad) last = 0;
  }
  std::vector<uint32_t> out;
  for (size_t i = 0; i < n; ++i) {
    bool keep = cls[i] == Class::kGood;
    if (cls[i] == Class::kNearGood) keep = prev_good[i] == 1 || next_good[i] == 1;
    if (cls[i] == Class::kShort) keep = prev_good[i] == 1 && next_good[i] == 1;
    if (keep) out.push_back(static_cast<uint32_t>(begin + i));
  }
  return out;
}

}  // namespace dossier::html
