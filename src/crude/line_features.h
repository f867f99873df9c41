// Features of one crude-text line in its context, for the line classifier.
//
// Features are hashed strings (no vocabulary to store): the line's own shape (length, final and
// first characters, capitalisation, digits), the hand-written signals of line_signals.h, its first
// word, and the same shape and signals of the neighbouring lines, what a short line shares with the
// lines after it (line_context.h), plus the label of the previous line (the decoder chooses the
// labels of the whole text at once: line_classifier.cc).
#ifndef DOSSIER_CRUDE_LINE_FEATURES_H_
#define DOSSIER_CRUDE_LINE_FEATURES_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace dossier {

// The shape of a line: coarse length, word and capitalisation buckets, first and last character
// classes. Each line's shape is a feature of three lines (its own and its two neighbours'), so it
// is computed once, with the line's view.
struct LineShape {
  int len_bucket = 0, words_bucket = 0, cap_ratio_bucket = 0;
  char first = 0, last = 0;
  bool has_digit = false, all_caps = false, has_sentence_inside = false;
  uint32_t first_word_feature = 0;  // the hashed feature of the lower-cased first word
};

// What the classifier needs to know of a line, computed once per line.
struct LineView {
  std::string_view text;
  uint32_t signals = 0;
  LineShape shape;
};

std::vector<LineView> MakeLineViews(const std::vector<std::string_view>& lines);

// Appends the feature hashes of line `i` that do not depend on the labels of other lines.
void LineFeatures(const std::vector<LineView>& lines, size_t i, std::vector<uint32_t>* out);

// Appends the features that pair line `i` with the label of line i-1 (`prev_label`, -1 for none).
// Kept apart so a decoder can score a line once and add these for each possible previous label.
void PrevLabelFeatures(const std::vector<LineView>& lines, size_t i, int prev_label, std::vector<uint32_t>* out);

}  // namespace dossier

#endif  // DOSSIER_CRUDE_LINE_FEATURES_H_
