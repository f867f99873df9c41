// Subheadings the line classifier misses, restored by the conventions of news layout.
//
// The classifier learns headings from the benchmark's gold, where a subheading is a heading only
// when the page marked it up as one: question subheadings of explainers are mostly `body` there,
// and a subheading right after a leftover (an advert, a video block) looks to the model like one
// more leftover. The conventions below hold for news text in general:
//  * a subheading is a short line without a final full stop, followed by a paragraph that develops
//    it: the paragraph, or the one after, repeats its content words (or spells out its acronym);
//  * a question in question form heading such a paragraph, between paragraphs, is a subheading;
//  * a paragraph that ends with a full stop and holds a sentence or more is not a heading.
#ifndef DOSSIER_CRUDE_SUBHEADINGS_H_
#define DOSSIER_CRUDE_SUBHEADINGS_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "dossier/document.h"

namespace dossier {

// Applies the three conventions to the classifier's kinds, in place:
//  1. a headline-shaped line labelled `other` (2-14 words, at most 100 bytes, no final . , ; :,
//     no leftover wording: no caption marker, credit, furniture, byline, date, link, player or
//     consent phrase) followed by a paragraph (80 bytes or more, ending a sentence, no leftover
//     wording) that shares a content word with it within two lines becomes a `heading`, and that
//     paragraph, if labelled `other`, `body`;
//  2. a line in question form labelled `body`, of the same shape, after an article line and
//     followed by a `body` paragraph sharing a content word with it within two lines, becomes a
//     `heading`;
//  3. a line labelled `heading` that ends with a full stop and is 80 bytes or more or holds two
//     sentences becomes `body`.
// `signals`, when given, holds DetectLineSignals of every line (the classifier has them already).
void RestoreSubheadings(const std::vector<std::string_view>& lines, std::vector<BlockKind>* kinds,
                        const std::vector<uint32_t>* signals = nullptr);

}  // namespace dossier

#endif  // DOSSIER_CRUDE_SUBHEADINGS_H_
