// Character references (&amp; &#233; &#xE9;) for the HTML tokenizer, decoded as gumbo 0.10.1
// decodes them (which follows the spec of its time):
//  - named references: the longest name from the WHATWG list (named_char_refs.inc) that prefixes
//    the text after '&'; names without ';' only for the legacy ones that have such a variant
//    ("&notit;" is "¬it;"). In an attribute value a match that does not end in ';' and is followed
//    by '=' or an ASCII letter or digit is not a reference ("?a=1&amp=2" keeps "&amp").
//  - numeric references: decimal or hex digits, ';' optional; 0 becomes U+FFFD, 0x80-0x9F the
//    windows-1252 characters, surrogates and values past U+10FFFF U+FFFD; other control
//    characters and noncharacters are kept (gumbo only reports them).
// Difference from gumbo, on hostile input only: values past 2^31 wrap around in gumbo (32-bit
// int), and a negative result becomes a single byte of the low 8 bits (possibly NUL or an
// invalid UTF-8 byte). We wrap the same way, keep that byte when it is printable ASCII and use
// U+FFFD otherwise, so the text stays valid UTF-8.
#ifndef DOSSIER_HTML_CHAR_REFS_H_
#define DOSSIER_HTML_CHAR_REFS_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "util/utf8.h"

namespace dossier::html {

// `text` starts with the '&' and runs to the end of the input. If a reference starts there,
// appends its UTF-8 to `out` and returns the number of bytes it spans (at least 2); otherwise
// returns 0 (the '&' is literal text) and leaves `out` alone.
size_t DecodeCharRef(std::string_view text, bool in_attribute, std::string* out);

// AppendUtf8 (encoding one code point) is in util/utf8.h.

}  // namespace dossier::html

#endif  // DOSSIER_HTML_CHAR_REFS_H_
