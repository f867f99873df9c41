// Tag names as small integer ids for the HTML parser (src/html/parser*).
//
// The known tags are exactly gumbo 0.10.1's list (in its order), because the tree builder must
// behave like gumbo: gumbo compares elements by tag id, and every tag outside this list shares the
// id kUnknown — so, as in gumbo, </x-a> closes an open <x-b> (both "unknown"). Do not add tags
// here without checking the differential test.
#ifndef DOSSIER_HTML_TAGS_H_
#define DOSSIER_HTML_TAGS_H_

#include <cstdint>
#include <initializer_list>
#include <string_view>

namespace dossier::html {

// X(enumerator, name)
#define DOSSIER_HTML_TAG_LIST(X)                                                              \
  X(kHtml, "html") X(kHead, "head") X(kTitle, "title") X(kBase, "base") X(kLink, "link")      \
  X(kMeta, "meta") X(kStyle, "style") X(kScript, "script") X(kNoscript, "noscript")           \
  X(kTemplate, "template") X(kBody, "body") X(kArticle, "article") X(kSection, "section")     \
  X(kNav, "nav") X(kAside, "aside") X(kH1, "h1") X(kH2, "h2") X(kH3, "h3") X(kH4, "h4")       \
  X(kH5, "h5") X(kH6, "h6") X(kHgroup, "hgroup") X(kHeader, "header") X(kFooter, "footer")    \
  X(kAddress, "address") X(kP, "p") X(kHr, "hr") X(kPre, "pre") X(kBlockquote, "blockquote")  \
  X(kOl, "ol") X(kUl, "ul") X(kLi, "li") X(kDl, "dl") X(kDt, "dt") X(kDd, "dd")               \
  X(kFigure, "figure") X(kFigcaption, "figcaption") X(kMain, "main") X(kDiv, "div")           \
  X(kA, "a") X(kEm, "em") X(kStrong, "strong") X(kSmall, "small") X(kS, "s")                  \
  X(kCite, "cite") X(kQ, "q") X(kDfn, "dfn") X(kAbbr, "abbr") X(kData, "data")                \
  X(kTime, "time") X(kCode, "code") X(kVar, "var") X(kSamp, "samp") X(kKbd, "kbd")            \
  X(kSub, "sub") X(kSup, "sup") X(kI, "i") X(kB, "b") X(kU, "u") X(kMark, "mark")             \
  X(kRuby, "ruby") X(kRt, "rt") X(kRp, "rp") X(kBdi, "bdi") X(kBdo, "bdo") X(kSpan, "span")   \
  X(kBr, "br") X(kWbr, "wbr") X(kIns, "ins") X(kDel, "del") X(kImage, "image")                \
  X(kImg, "img") X(kIframe, "iframe") X(kEmbed, "embed") X(kObject, "object")                 \
  X(kParam, "param") X(kVideo, "video") X(kAudio, "audio") X(kSource, "source")               \
  X(kTrack, "track") X(kCanvas, "canvas") X(kMap, "map") X(kArea, "area") X(kMath, "math")    \
  X(kMi, "mi") X(kMo, "mo") X(kMn, "mn") X(kMs, "ms") X(kMtext, "mtext")                      \
  X(kMglyph, "mglyph") X(kMalignmark, "malignmark") X(kAnnotationXml, "annotation-xml")      \
  X(kSvg, "svg") X(kForeignObject, "foreignobject") X(kDesc, "desc") X(kTable, "table")       \
  X(kCaption, "caption") X(kColgroup, "colgroup") X(kCol, "col") X(kTbody, "tbody")           \
  X(kThead, "thead") X(kTfoot, "tfoot") X(kTr, "tr") X(kTd, "td") X(kTh, "th")                \
  X(kForm, "form") X(kFieldset, "fieldset") X(kLegend, "legend") X(kLabel, "label")           \
  X(kInput, "input") X(kButton, "button") X(kSelect, "select") X(kDatalist, "datalist")       \
  X(kOptgroup, "optgroup") X(kOption, "option") X(kTextarea, "textarea")                      \
  X(kKeygen, "keygen") X(kOutput, "output") X(kProgress, "progress") X(kMeter, "meter")       \
  X(kDetails, "details") X(kSummary, "summary") X(kMenu, "menu") X(kMenuitem, "menuitem")     \
  X(kApplet, "applet") X(kAcronym, "acronym") X(kBgsound, "bgsound") X(kDir, "dir")           \
  X(kFrame, "frame") X(kFrameset, "frameset") X(kNoframes, "noframes")                        \
  X(kIsindex, "isindex") X(kListing, "listing") X(kXmp, "xmp") X(kNextid, "nextid")           \
  X(kNoembed, "noembed") X(kPlaintext, "plaintext") X(kRb, "rb") X(kStrike, "strike")         \
  X(kBasefont, "basefont") X(kBig, "big") X(kBlink, "blink") X(kCenter, "center")             \
  X(kFont, "font") X(kMarquee, "marquee") X(kMulticol, "multicol") X(kNobr, "nobr")           \
  X(kSpacer, "spacer") X(kTt, "tt") X(kRtc, "rtc")

enum class Tag : uint8_t {
#define DOSSIER_HTML_TAG_ENUM(id, name) id,
  DOSSIER_HTML_TAG_LIST(DOSSIER_HTML_TAG_ENUM)
#undef DOSSIER_HTML_TAG_ENUM
  kUnknown,  // any other name; all unknown tags compare equal (as in gumbo)
};
inline constexpr int kTagCount = static_cast<int>(Tag::kUnknown) + 1;

// The id of a lower-case tag name (kUnknown if it is not in the list). A hash lookup, no
// allocation.
Tag LookupTag(std::string_view lowercase_name);

// The canonical (lower-case) name of a known tag, in static storage; empty for kUnknown.
std::string_view TagName(Tag tag);

// A set of tags, usable in constant expressions: kSpecial.Has(tag).
class TagSet {
 public:
  constexpr TagSet(std::initializer_list<Tag> tags) {
    for (Tag t : tags) bits_[Index(t) / 64] |= uint64_t{1} << (Index(t) % 64);
  }
  constexpr bool Has(Tag t) const { return (bits_[Index(t) / 64] >> (Index(t) % 64)) & 1; }

 private:
  static constexpr int Index(Tag t) { return static_cast<int>(t); }
  uint64_t bits_[(kTagCount + 63) / 64] = {};
};

}  // namespace dossier::html

#endif  // DOSSIER_HTML_TAGS_H_
