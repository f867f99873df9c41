#include "html/foreign_names.h"

#include <algorithm>
#include <iterator>
#include <utility>

namespace dossier::html {
namespace {

using Pair = std::pair<std::string_view, std::string_view>;

// Sorted by the lower-case name (checked in the tests through Lookup's binary search).
constexpr Pair kSvgTags[] = {
    {"altglyph", "altGlyph"},
    {"altglyphdef", "altGlyphDef"},
    {"altglyphitem", "altGlyphItem"},
    {"animatecolor", "animateColor"},
    {"animatemotion", "animateMotion"},
    {"animatetransform", "animateTransform"},
    {"clippath", "clipPath"},
    {"feblend", "feBlend"},
    {"fecolormatrix", "feColorMatrix"},
    {"fecomponenttransfer", "feComponentTransfer"},
    {"fecomposite", "feComposite"},
    {"feconvolvematrix", "feConvolveMatrix"},
    {"fediffuselighting", "feDiffuseLighting"},
    {"fedisplacementmap", "feDisplacementMap"},
    {"fedistantlight", "feDistantLight"},
    {"feflood", "feFlood"},
    {"fefunca", "feFuncA"},
    {"fefuncb", "feFuncB"},
    {"fefuncg", "feFuncG"},
    {"fefuncr", "feFuncR"},
    {"fegaussianblur", "feGaussianBlur"},
    {"feimage", "feImage"},
    {"femerge", "feMerge"},
    {"femergenode", "feMergeNode"},
    {"femorphology", "feMorphology"},
    {"feoffset", "feOffset"},
    {"fepointlight", "fePointLight"},
    {"fespecularlighting", "feSpecularLighting"},
    {"fespotlight", "feSpotLight"},
    {"fetile", "feTile"},
    {"feturbulence", "feTurbulence"},
    {"foreignobject", "foreignObject"},
    {"glyphref", "glyphRef"},
    {"lineargradient", "linearGradient"},
    {"radialgradient", "radialGradient"},
    {"textpath", "textPath"},
};

// gumbo's list, which (unlike today's spec) still has contentscripttype, contentstyletype,
// externalresourcesrequired and filterres.
constexpr Pair kSvgAttributes[] = {
    {"attributename", "attributeName"},
    {"attributetype", "attributeType"},
    {"basefrequency", "baseFrequency"},
    {"baseprofile", "baseProfile"},
    {"calcmode", "calcMode"},
    {"clippathunits", "clipPathUnits"},
    {"contentscripttype", "contentScriptType"},
    {"contentstyletype", "contentStyleType"},
    {"diffuseconstant", "diffuseConstant"},
    {"edgemode", "edgeMode"},
    {"externalresourcesrequired", "externalResourcesRequired"},
    {"filterres", "filterRes"},
    {"filterunits", "filterUnits"},
    {"glyphref", "glyphRef"},
    {"gradienttransform", "gradientTransform"},
    {"gradientunits", "gradientUnits"},
    {"kernelmatrix", "kernelMatrix"},
    {"kernelunitlength", "kernelUnitLength"},
    {"keypoints", "keyPoints"},
    {"keysplines", "keySplines"},
    {"keytimes", "keyTimes"},
    {"lengthadjust", "lengthAdjust"},
    {"limitingconeangle", "limitingConeAngle"},
    {"markerheight", "markerHeight"},
    {"markerunits", "markerUnits"},
    {"markerwidth", "markerWidth"},
    {"maskcontentunits", "maskContentUnits"},
    {"maskunits", "maskUnits"},
    {"numoctaves", "numOctaves"},
    {"pathlength", "pathLength"},
    {"patterncontentunits", "patternContentUnits"},
    {"patterntransform", "patternTransform"},
    {"patternunits", "patternUnits"},
    {"pointsatx", "pointsAtX"},
    {"pointsaty", "pointsAtY"},
    {"pointsatz", "pointsAtZ"},
    {"preservealpha", "preserveAlpha"},
    {"preserveaspectratio", "preserveAspectRatio"},
    {"primitiveunits", "primitiveUnits"},
    {"refx", "refX"},
    {"refy", "refY"},
    {"repeatcount", "repeatCount"},
    {"repeatdur", "repeatDur"},
    {"requiredextensions", "requiredExtensions"},
    {"requiredfeatures", "requiredFeatures"},
    {"specularconstant", "specularConstant"},
    {"specularexponent", "specularExponent"},
    {"spreadmethod", "spreadMethod"},
    {"startoffset", "startOffset"},
    {"stddeviation", "stdDeviation"},
    {"stitchtiles", "stitchTiles"},
    {"surfacescale", "surfaceScale"},
    {"systemlanguage", "systemLanguage"},
    {"tablevalues", "tableValues"},
    {"targetx", "targetX"},
    {"targety", "targetY"},
    {"textlength", "textLength"},
    {"viewbox", "viewBox"},
    {"viewtarget", "viewTarget"},
    {"xchannelselector", "xChannelSelector"},
    {"ychannelselector", "yChannelSelector"},
    {"zoomandpan", "zoomAndPan"},
};

constexpr Pair kForeignAttributes[] = {
    {"xlink:actuate", "xlink actuate"},
    {"xlink:href", "xlink href"},
    {"xlink:role", "xlink role"},
    {"xlink:show", "xlink show"},
    {"xlink:title", "xlink title"},
    {"xlink:type", "xlink type"},
    {"xml:base", "xml base"},
    {"xml:lang", "xml lang"},
    {"xml:space", "xml space"},
    {"xmlns", "xmlns xmlns"},
    {"xmlns:xlink", "xmlns xlink"},
};

template <size_t N>
constexpr bool IsSorted(const Pair (&table)[N]) {
  for (size_t i = 1; i < N; ++i) {
    if (!(table[i - 1].first < table[i].first)) return false;
  }
  return true;
}
static_assert(IsSorted(kSvgTags) && IsSorted(kSvgAttributes) && IsSorted(kForeignAttributes));

template <size_t N>
std::string_view Lookup(const Pair (&table)[N], std::string_view name) {
  const auto it = std::lower_bound(std::begin(table), std::end(table), name,
                                   [](const Pair& p, std::string_view n) { return p.first < n; });
  return it != std::end(table) && it->first == name ? it->second : name;
}

}  // namespace

std::string_view AdjustSvgTagName(std::string_view name) { return Lookup(kSvgTags, name); }

std::string_view AdjustSvgAttributeName(std::string_view name) {
  return Lookup(kSvgAttributes, name);
}

std::string_view AdjustMathMlAttributeName(std::string_view name) {
  return name == "definitionurl" ? std::string_view("definitionURL") : name;
}

std::string_view AdjustForeignAttributeName(std::string_view name) {
  // Only names with a ':' or "xmlns" can change; skip the search for the rest.
  if (name.size() < 5 || (name[0] != 'x')) return name;
  return Lookup(kForeignAttributes, name);
}

}  // namespace dossier::html
