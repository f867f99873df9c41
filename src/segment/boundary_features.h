// Evidence for "a new segment starts at unit i" (i >= 1), for the trained topic segmenter
// (topic_segmenter.h). Every unit gets named, real-valued features from three sources:
//   * the unsupervised DCM model (unit_segmenter.cc): the posterior probability of a segment start
//     at i and next to it, by forward-backward over all segmentations, at several segment costs,
//     and whether the best segmentation starts one there;
//   * local lexical cohesion: how much better two windows of w units on either side of i explain
//     their words with two word distributions than with one, per word, for several w;
//   * how the unit opens: a unit that begins with a pronoun or a connective ("He", "This",
//     "However") continues a text more often than it starts one.
#ifndef DOSSIER_SEGMENT_BOUNDARY_FEATURES_H_
#define DOSSIER_SEGMENT_BOUNDARY_FEATURES_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "segment/unit_segmenter_internal.h"

namespace dossier::segment_internal {

using Feature = std::pair<std::string, double>;

// features[i] for every unit i (features[0] is empty: unit 0 always starts a segment).
std::vector<std::vector<Feature>> BoundaryFeatures(const std::vector<std::string_view>& units);

// The lower-cased first word of a unit (letters, digits and apostrophes), "" when the unit opens
// with something else.
std::string FirstWord(std::string_view unit);

}  // namespace dossier::segment_internal

#endif  // DOSSIER_SEGMENT_BOUNDARY_FEATURES_H_
