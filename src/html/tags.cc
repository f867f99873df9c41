#include "html/tags.h"

#include <array>
#include <cstddef>

namespace dossier::html {
namespace {

constexpr std::string_view kNames[] = {
#define DOSSIER_HTML_TAG_NAME(id, name) name,
    DOSSIER_HTML_TAG_LIST(DOSSIER_HTML_TAG_NAME)
#undef DOSSIER_HTML_TAG_NAME
};
constexpr int kKnown = static_cast<int>(Tag::kUnknown);
static_assert(std::size(kNames) == kKnown);

constexpr size_t kLongestName = 14;  // "annotation-xml"

constexpr uint32_t Hash(std::string_view s) {
  uint32_t h = 2166136261u;  // FNV-1a
  for (char c : s) h = (h ^ static_cast<uint8_t>(c)) * 16777619u;
  return h;
}

// Open addressing with linear probing, built at compile time; a quarter full, so a lookup
// compares against one or two names.
constexpr size_t kSlots = 512;
constexpr uint8_t kEmpty = 0xFF;

constexpr std::array<uint8_t, kSlots> BuildTable() {
  std::array<uint8_t, kSlots> slots{};
  for (auto& s : slots) s = kEmpty;
  for (int i = 0; i < kKnown; ++i) {
    size_t h = Hash(kNames[i]) & (kSlots - 1);
    while (slots[h] != kEmpty) h = (h + 1) & (kSlots - 1);
    slots[h] = static_cast<uint8_t>(i);
  }
  return slots;
}
constexpr std::array<uint8_t, kSlots> kTable = BuildTable();

}  // namespace

Tag LookupTag(std::string_view name) {
  if (name.empty() || name.size() > kLongestName) return Tag::kUnknown;
  for (size_t h = Hash(name) & (kSlots - 1); kTable[h] != kEmpty; h = (h + 1) & (kSlots - 1)) {
    if (kNames[kTable[h]] == name) return static_cast<Tag>(kTable[h]);
  }
  return Tag::kUnknown;
}

std::string_view TagName(Tag tag) {
  const int i = static_cast<int>(tag);
  return i < kKnown ? kNames[i] : std::string_view();
}

}  // namespace dossier::html
