// Features of one crude-text line in its context, for the line classifier.
//
// Features are hashed strings (no vocabulary to store): the line's own shape (length, final and
// first characters, capitalisation, digits), the hand-written signals of line_signals.h, its first
// word, and the same shape and signals of the neighbouring lines, plus the label predicted for the
// previous line (decoding is left to right).
#ifndef DOSSIER_CRUDE_LINE_FEATURES_H_
#define DOSSIER_CRUDE_LINE_FEATURES_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace dossier {

// What the classifier needs to know of a line, computed once per line.
struct LineView {
  std::string_view text;
  uint32_t signals = 0;
};

std::vector<LineView> MakeLineViews(const std::vector<std::string_view>& lines);

// Appends the feature hashes of line `i`; `prev_label` is the label chosen for line i-1 (or -1).
void LineFeatures(const std::vector<LineView>& lines, size_t i, int prev_label,
                  std::vector<uint32_t>* out);

}  // namespace dossier

#endif  // DOSSIER_CRUDE_LINE_FEATURES_H_
