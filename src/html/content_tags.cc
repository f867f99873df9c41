#include "html/content_tags.h"

#include <array>

namespace dossier::html {
namespace {

struct TagName {
  std::string_view name;
  Tag tag;
};

// Sorted by length, then name, so lookups compare only names of the right length.
constexpr std::array kTags = {
    TagName{"a", Tag::kA},
    TagName{"p", Tag::kP},
    TagName{"br", Tag::kBr},
    TagName{"dd", Tag::kDd},
    TagName{"dl", Tag::kDl},
    TagName{"dt", Tag::kDt},
    TagName{"h1", Tag::kH1},
    TagName{"h2", Tag::kH2},
    TagName{"h3", Tag::kH3},
    TagName{"h4", Tag::kH4},
    TagName{"h5", Tag::kH5},
    TagName{"h6", Tag::kH6},
    TagName{"hr", Tag::kHr},
    TagName{"li", Tag::kLi},
    TagName{"ol", Tag::kOl},
    TagName{"td", Tag::kTd},
    TagName{"th", Tag::kTh},
    TagName{"tr", Tag::kTr},
    TagName{"ul", Tag::kUl},
    TagName{"div", Tag::kDiv},
    TagName{"img", Tag::kSkip},
    TagName{"map", Tag::kSkip},
    TagName{"nav", Tag::kNav},
    TagName{"pre", Tag::kPre},
    TagName{"svg", Tag::kSkip},
    TagName{"wbr", Tag::kWbr},
    TagName{"xmp", Tag::kPre},
    TagName{"area", Tag::kSkip},
    TagName{"base", Tag::kSkip},
    TagName{"body", Tag::kBody},
    TagName{"code", Tag::kCode},
    TagName{"form", Tag::kForm},
    TagName{"head", Tag::kSkip},
    TagName{"html", Tag::kHtml},
    TagName{"link", Tag::kSkip},
    TagName{"main", Tag::kMain},
    TagName{"math", Tag::kSkip},
    TagName{"menu", Tag::kMenu},
    TagName{"meta", Tag::kSkip},
    TagName{"time", Tag::kTime},
    TagName{"aside", Tag::kAside},
    TagName{"audio", Tag::kSkip},
    TagName{"embed", Tag::kSkip},
    TagName{"frame", Tag::kSkip},
    TagName{"input", Tag::kSkip},
    TagName{"label", Tag::kInline},
    TagName{"param", Tag::kSkip},
    TagName{"style", Tag::kSkip},
    TagName{"table", Tag::kTable},
    TagName{"tbody", Tag::kTbody},
    TagName{"tfoot", Tag::kTfoot},
    TagName{"thead", Tag::kThead},
    TagName{"title", Tag::kSkip},
    TagName{"track", Tag::kSkip},
    TagName{"video", Tag::kSkip},
    TagName{"button", Tag::kSkip},
    TagName{"canvas", Tag::kSkip},
    TagName{"center", Tag::kOtherBlock},
    TagName{"dialog", Tag::kSkip},
    TagName{"figure", Tag::kFigure},
    TagName{"footer", Tag::kFooter},
    TagName{"header", Tag::kHeader},
    TagName{"hgroup", Tag::kOtherBlock},
    TagName{"iframe", Tag::kSkip},
    TagName{"legend", Tag::kLegend},
    TagName{"object", Tag::kSkip},
    TagName{"option", Tag::kSkip},
    TagName{"output", Tag::kSkip},
    TagName{"script", Tag::kSkip},
    TagName{"select", Tag::kSkip},
    TagName{"source", Tag::kSkip},
    TagName{"address", Tag::kAddress},
    TagName{"applet", Tag::kSkip},
    TagName{"article", Tag::kArticle},
    TagName{"caption", Tag::kCaption},
    TagName{"details", Tag::kDetails},
    TagName{"listing", Tag::kPre},
    TagName{"noembed", Tag::kSkip},
    TagName{"picture", Tag::kSkip},
    TagName{"section", Tag::kSection},
    TagName{"summary", Tag::kSummary},
    TagName{"datalist", Tag::kSkip},
    TagName{"fieldset", Tag::kFieldset},
    TagName{"frameset", Tag::kSkip},
    TagName{"noframes", Tag::kSkip},
    TagName{"noscript", Tag::kSkip},
    TagName{"optgroup", Tag::kSkip},
    TagName{"progress", Tag::kSkip},
    TagName{"template", Tag::kSkip},
    TagName{"textarea", Tag::kSkip},
    TagName{"blockquote", Tag::kBlockquote},
    TagName{"figcaption", Tag::kFigcaption},
};

}  // namespace

Tag ClassifyTag(std::string_view name) {
  for (const TagName& t : kTags) {
    if (t.name.size() > name.size()) break;
    if (t.name.size() == name.size() && t.name == name) return t.tag;
  }
  if (name.find('-') != std::string_view::npos) return Tag::kCustom;
  return Tag::kInline;
}

}  // namespace dossier::html
