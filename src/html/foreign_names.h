// Name adjustments for SVG and MathML elements (the spec's "adjust SVG attributes", "adjust
// MathML attributes", "adjust foreign attributes" and the SVG tag-name table), with gumbo
// 0.10.1's tables: its foreign-attribute table lacks xlink:arcrole (a gumbo slip, kept so the
// trees match) and still has xml:base, which the spec has since dropped.
//
// Every function takes a lower-case name and returns either a static string or its argument.
#ifndef DOSSIER_HTML_FOREIGN_NAMES_H_
#define DOSSIER_HTML_FOREIGN_NAMES_H_

#include <string_view>

namespace dossier::html {

// "clippath" -> "clipPath", "foreignobject" -> "foreignObject", ...
std::string_view AdjustSvgTagName(std::string_view name);
// "viewbox" -> "viewBox", ...
std::string_view AdjustSvgAttributeName(std::string_view name);
// "definitionurl" -> "definitionURL".
std::string_view AdjustMathMlAttributeName(std::string_view name);
// Namespaced attributes, written as the tree dumps them: "xlink:href" -> "xlink href",
// "xml:lang" -> "xml lang", "xmlns" -> "xmlns xmlns", "xmlns:xlink" -> "xmlns xlink".
std::string_view AdjustForeignAttributeName(std::string_view name);

}  // namespace dossier::html

#endif  // DOSSIER_HTML_FOREIGN_NAMES_H_
