#include "html/attribute_names.h"

#include <array>
#include <cstring>

namespace dossier::html {
namespace {

// Grouped by length (the lookup compares only names of the input's length), most frequent first
// within a length.
constexpr std::string_view kNames[] = {
    "d",
    "id", "rx", "ry", "cx", "cy", "x1", "x2", "y1", "y2",
    "src", "rel", "alt", "for", "dir",
    "href", "type", "name", "role", "lang", "fill", "size", "data", "span",
    "class", "style", "title", "width", "value", "sizes", "media", "async", "defer", "nonce", "xmlns", "label",
    "target", "height", "srcset", "action", "method", "hidden", "poster", "stroke", "points",
    "content", "loading", "charset", "viewbox", "onclick", "pubdate", "colspan", "rowspan", "data-id",
    "itemprop", "property", "decoding", "datetime", "itemtype", "data-src", "tabindex", "disabled", "selected", "autoplay", "controls", "required",
    "itemscope", "aria-live", "data-type", "data-name", "data-lazy", "integrity",
    "aria-label", "http-equiv", "data-track", "data-index", "aria-modal",
    "aria-hidden", "crossorigin", "frameborder", "placeholder", "data-srcset",
    "aria-expanded", "aria-controls",
    "referrerpolicy",
    "aria-labelledby", "allowfullscreen",
    "aria-describedby",
};

struct Range {
  unsigned char begin = 0, end = 0;
};

constexpr size_t kMaxLength = 24;

constexpr std::array<Range, kMaxLength + 1> MakeRanges() {
  std::array<Range, kMaxLength + 1> r{};
  // Every length's names, wherever they are in kNames, must be one contiguous run.
  for (size_t len = 1; len <= kMaxLength; ++len) {
    bool open = false;
    for (size_t i = 0; i < std::size(kNames); ++i) {
      if (kNames[i].size() != len) continue;
      if (!open) r[len].begin = static_cast<unsigned char>(i), open = true;
      r[len].end = static_cast<unsigned char>(i + 1);
    }
  }
  return r;
}
constexpr std::array<Range, kMaxLength + 1> kRanges = MakeRanges();

constexpr bool RunsAreContiguous() {
  for (size_t len = 1; len <= kMaxLength; ++len) {
    for (size_t i = kRanges[len].begin; i < kRanges[len].end; ++i) {
      if (kNames[i].size() != len) return false;
    }
  }
  return true;
}
static_assert(RunsAreContiguous(), "kNames must be grouped by length");

}  // namespace

std::string_view KnownAttributeName(std::string_view name) {
  if (name.empty() || name.size() > kMaxLength) return {};
  const Range r = kRanges[name.size()];
  for (size_t i = r.begin; i < r.end; ++i) {
    const std::string_view k = kNames[i];
    if (k[0] == name[0] && std::memcmp(k.data(), name.data(), name.size()) == 0) return k;
  }
  return {};
}

}  // namespace dossier::html
