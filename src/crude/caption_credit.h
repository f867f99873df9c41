// Finds the picture credit inside a caption line: "Pic: Reuters/ Kevin Lamarque", "(AP Photo/Jon
// Whitaker)", "Photograph: Mei Tanaka/PA", "| Credit: AFP", "Image copyright EPA", "(Getty Images)".
#ifndef DOSSIER_CRUDE_CAPTION_CREDIT_H_
#define DOSSIER_CRUDE_CAPTION_CREDIT_H_

#include <string_view>

#include "dossier/document.h"

namespace dossier {

// Byte span of the credit within `caption` (marker included, surrounding spaces and a leading '|'
// excluded), or an empty span when there is none. A line that is only a credit ("Photograph: EPA")
// returns the whole line.
Span FindCaptionCredit(std::string_view caption);

// What FindCaptionCredit answers, without its quick rejection of lines that cannot hold a credit
// (every line of the input is asked, through the line signals): the plain version the fast one is
// tested against (tests/crude/caption_credit_test.cc).
Span FindCaptionCreditReference(std::string_view caption);

// True when the line opens with a caption marker ("Image:", "Picture:", "Photo:", "Caption:").
bool StartsWithCaptionMarker(std::string_view line);

}  // namespace dossier

#endif  // DOSSIER_CRUDE_CAPTION_CREDIT_H_
