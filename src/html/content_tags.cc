#include "html/content_tags.h"

#include <array>

namespace dossier::html {
namespace {

struct TagName {
  std::string_view name;
  ContentTag tag;
};

// Sorted by length, then name, so lookups compare only names of the right length.
constexpr std::array kTags = {
    TagName{"a", ContentTag::kA},
    TagName{"p", ContentTag::kP},
    TagName{"br", ContentTag::kBr},
    TagName{"dd", ContentTag::kDd},
    TagName{"dl", ContentTag::kDl},
    TagName{"dt", ContentTag::kDt},
    TagName{"h1", ContentTag::kH1},
    TagName{"h2", ContentTag::kH2},
    TagName{"h3", ContentTag::kH3},
    TagName{"h4", ContentTag::kH4},
    TagName{"h5", ContentTag::kH5},
    TagName{"h6", ContentTag::kH6},
    TagName{"hr", ContentTag::kHr},
    TagName{"li", ContentTag::kLi},
    TagName{"ol", ContentTag::kOl},
    TagName{"td", ContentTag::kTd},
    TagName{"th", ContentTag::kTh},
    TagName{"tr", ContentTag::kTr},
    TagName{"ul", ContentTag::kUl},
    TagName{"div", ContentTag::kDiv},
    TagName{"img", ContentTag::kSkip},
    TagName{"map", ContentTag::kSkip},
    TagName{"nav", ContentTag::kNav},
    TagName{"pre", ContentTag::kPre},
    TagName{"svg", ContentTag::kSkip},
    TagName{"wbr", ContentTag::kWbr},
    TagName{"xmp", ContentTag::kPre},
    TagName{"area", ContentTag::kSkip},
    TagName{"base", ContentTag::kSkip},
    TagName{"body", ContentTag::kBody},
    TagName{"code", ContentTag::kCode},
    TagName{"form", ContentTag::kForm},
    TagName{"head", ContentTag::kSkip},
    TagName{"html", ContentTag::kHtml},
    TagName{"link", ContentTag::kSkip},
    TagName{"main", ContentTag::kMain},
    TagName{"math", ContentTag::kSkip},
    TagName{"menu", ContentTag::kMenu},
    TagName{"meta", ContentTag::kSkip},
    TagName{"time", ContentTag::kTime},
    TagName{"aside", ContentTag::kAside},
    TagName{"audio", ContentTag::kSkip},
    TagName{"embed", ContentTag::kSkip},
    TagName{"frame", ContentTag::kSkip},
    TagName{"input", ContentTag::kSkip},
    TagName{"label", ContentTag::kInline},
    TagName{"param", ContentTag::kSkip},
    TagName{"style", ContentTag::kSkip},
    TagName{"table", ContentTag::kTable},
    TagName{"tbody", ContentTag::kTbody},
    TagName{"tfoot", ContentTag::kTfoot},
    TagName{"thead", ContentTag::kThead},
    TagName{"title", ContentTag::kSkip},
    TagName{"track", ContentTag::kSkip},
    TagName{"video", ContentTag::kSkip},
    TagName{"button", ContentTag::kSkip},
    TagName{"canvas", ContentTag::kSkip},
    TagName{"center", ContentTag::kOtherBlock},
    TagName{"dialog", ContentTag::kSkip},
    TagName{"figure", ContentTag::kFigure},
    TagName{"footer", ContentTag::kFooter},
    TagName{"header", ContentTag::kHeader},
    TagName{"hgroup", ContentTag::kOtherBlock},
    TagName{"iframe", ContentTag::kSkip},
    TagName{"legend", ContentTag::kLegend},
    TagName{"object", ContentTag::kSkip},
    TagName{"option", ContentTag::kSkip},
    TagName{"output", ContentTag::kSkip},
    TagName{"script", ContentTag::kSkip},
    TagName{"select", ContentTag::kSkip},
    TagName{"source", ContentTag::kSkip},
    TagName{"address", ContentTag::kAddress},
    TagName{"applet", ContentTag::kSkip},
    TagName{"article", ContentTag::kArticle},
    TagName{"caption", ContentTag::kCaption},
    TagName{"details", ContentTag::kDetails},
    TagName{"listing", ContentTag::kPre},
    TagName{"noembed", ContentTag::kSkip},
    TagName{"picture", ContentTag::kSkip},
    TagName{"section", ContentTag::kSection},
    TagName{"summary", ContentTag::kSummary},
    TagName{"datalist", ContentTag::kSkip},
    TagName{"fieldset", ContentTag::kFieldset},
    TagName{"frameset", ContentTag::kSkip},
    TagName{"noframes", ContentTag::kSkip},
    TagName{"noscript", ContentTag::kSkip},
    TagName{"optgroup", ContentTag::kSkip},
    TagName{"progress", ContentTag::kSkip},
    TagName{"template", ContentTag::kSkip},
    TagName{"textarea", ContentTag::kSkip},
    TagName{"blockquote", ContentTag::kBlockquote},
    TagName{"figcaption", ContentTag::kFigcaption},
};

// Where each length's names start and end in kTags, so a lookup compares only the names of its
// own length, first byte first. The table is meant to be sorted by length and the lookup used to
// stop at the first longer name, so an entry after a longer one ("applet" after "address") was
// never found; it still is not (the output stays the same), hence `reachable`.
struct LengthRange {
  uint8_t begin = 0, end = 0;
};
constexpr size_t kMaxTagLength = 16;
constexpr std::array<LengthRange, kMaxTagLength + 1> MakeLengthRanges() {
  std::array<LengthRange, kMaxTagLength + 1> r{};
  size_t longest = 0;
  for (size_t i = 0; i < kTags.size(); ++i) {
    const size_t len = kTags[i].name.size();
    const bool reachable = len >= longest;
    if (!reachable) continue;
    longest = len;
    if (r[len].end == 0) r[len].begin = static_cast<uint8_t>(i);
    r[len].end = static_cast<uint8_t>(i + 1);
  }
  return r;
}
constexpr std::array<LengthRange, kMaxTagLength + 1> kLengthRanges = MakeLengthRanges();

constexpr bool FitsTheRanges() {
  for (const TagName& t : kTags) {
    if (t.name.empty() || t.name.size() > kMaxTagLength) return false;
  }
  return kTags.size() < 256;
}
static_assert(FitsTheRanges(), "kTags names must be 1-16 bytes, fewer than 256 of them");

}  // namespace

ContentTag ClassifyTagReference(std::string_view name) {
  for (const TagName& t : kTags) {
    if (t.name.size() > name.size()) break;
    if (t.name.size() == name.size() && t.name == name) return t.tag;
  }
  if (name.find('-') != std::string_view::npos) return ContentTag::kCustom;
  return ContentTag::kInline;
}

ContentTag ClassifyTag(std::string_view name) {
  if (!name.empty() && name.size() <= kMaxTagLength) {
    const LengthRange r = kLengthRanges[name.size()];
    for (size_t i = r.begin; i < r.end; ++i) {  // (unreachable entries inside differ in length)
      const std::string_view t = kTags[i].name;
      if (t[0] == name[0] && t == name) return kTags[i].tag;
    }
  }
  if (name.find('-') != std::string_view::npos) return ContentTag::kCustom;
  return ContentTag::kInline;
}

}  // namespace dossier::html
