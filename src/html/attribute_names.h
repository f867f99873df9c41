// The attribute names pages use most, as static strings: the tree builder takes an element's
// attribute names from here before it interns them (a hash-table lookup per attribute otherwise;
// about 60,000 elements with attributes on the 136 ScrapingHub pages).
#ifndef DOSSIER_HTML_ATTRIBUTE_NAMES_H_
#define DOSSIER_HTML_ATTRIBUTE_NAMES_H_

#include <string_view>

namespace dossier::html {

// The static copy of `name` (lower-case, as the tokenizer gives it) if it is a common attribute
// name, else an empty view.
std::string_view KnownAttributeName(std::string_view name);

}  // namespace dossier::html

#endif  // DOSSIER_HTML_ATTRIBUTE_NAMES_H_
