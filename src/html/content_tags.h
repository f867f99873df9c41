// Main-content extraction: what each HTML tag means for text (skipped, a block boundary, inline).
#ifndef DOSSIER_HTML_CONTENT_TAGS_H_
#define DOSSIER_HTML_CONTENT_TAGS_H_

#include <cstdint>
#include <string_view>

namespace dossier::html {

// The tags the extractor treats specially; everything else is kInline (or kCustom for
// custom elements, whose names contain a '-'). Named apart from html::Tag (tags.h, the parser's
// full list): two types of one name in one namespace break the One Definition Rule, which LTO
// reported once the extract path linked both.
enum class ContentTag : uint8_t {
  kInline,  // a, b, span, em, ... and unknown names: no text boundary
  kCustom,  // <my-widget>: a block boundary (custom elements are nearly always laid out as blocks)
  kA,
  kBr,
  kWbr,
  kHr,
  kP,
  kDiv,
  kH1, kH2, kH3, kH4, kH5, kH6,
  kLi, kUl, kOl, kDl, kDt, kDd, kMenu,
  kBlockquote,
  kPre,
  kCode,
  kTime,
  kTable, kCaption, kTr, kTd, kTh, kThead, kTbody, kTfoot,
  kFigure, kFigcaption,
  kArticle, kMain, kSection, kHeader, kFooter, kNav, kAside, kAddress,
  kForm, kFieldset, kLegend, kDetails, kSummary,
  kBody, kHtml,
  kOtherBlock,  // center, hgroup, dialog(open), ...: a block boundary without meaning
  kSkip,        // never text: script, style, head, svg, iframe, form controls, media, ...
};

// The tag of an HTML element given its (lower-case) name; elements outside the HTML namespace
// are kSkip (SVG and MathML text is not article text).
ContentTag ClassifyTag(std::string_view name);
// The plain linear lookup ClassifyTag (indexed by length) is tested against.
ContentTag ClassifyTagReference(std::string_view name);

inline bool IsHeading(ContentTag t) { return t >= ContentTag::kH1 && t <= ContentTag::kH6; }
inline int HeadingLevel(ContentTag t) { return static_cast<int>(t) - static_cast<int>(ContentTag::kH1) + 1; }
// A block boundary: text before and after it never joins into one block.
inline bool IsBlockTag(ContentTag t) {
  return t != ContentTag::kInline && t != ContentTag::kA && t != ContentTag::kBr && t != ContentTag::kWbr && t != ContentTag::kCode &&
         t != ContentTag::kTime && t != ContentTag::kSkip;
}

}  // namespace dossier::html

#endif  // DOSSIER_HTML_CONTENT_TAGS_H_
