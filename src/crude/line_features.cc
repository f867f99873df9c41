#include "crude/line_features.h"

#include <algorithm>
#include <string>

#include "crude/line_context.h"
#include "crude/line_signals.h"
#include "ml/feature_hash.h"

namespace dossier {

namespace {

uint32_t Hash(std::string_view prefix, std::string_view value) { return FeatureHash(prefix, value); }
uint32_t Hash(std::string_view prefix, int value) { return FeatureHash(prefix, value); }

int Bucket(size_t n, std::initializer_list<size_t> edges) {
  int b = 0;
  for (size_t e : edges) {
    if (n < e) return b;
    ++b;
  }
  return b;
}

// A coarse class of a character for shape features.
char CharClass(std::string_view s, bool last) {
  if (s.empty()) return '0';
  unsigned char c = static_cast<unsigned char>(last ? s.back() : s.front());
  if (c >= 'a' && c <= 'z') return 'a';
  if (c >= 'A' && c <= 'Z') return 'A';
  if (c >= '0' && c <= '9') return '9';
  if (c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == ',' || c == ')' || c == '(' ||
      c == '"' || c == '\'' || c == '|' || c == '-' || c == '[' || c == ']')
    return static_cast<char>(c);
  if (c >= 0x80) {
    // Curly quotes and other multi-byte punctuation: look at the whole sequence.
    std::string_view tail = last ? s.substr(s.size() >= 3 ? s.size() - 3 : 0) : s.substr(0, 3);
    if (tail == "\xe2\x80\x9d" || tail == "\xe2\x80\x99") return 'q';  // closing quote
    if (tail == "\xe2\x80\x9c" || tail == "\xe2\x80\x98") return 'Q';  // opening quote
    if (tail == "\xe2\x80\xa6") return 'e';                             // ellipsis
    return 'u';
  }
  return 's';
}

LineShape ComputeShape(std::string_view t) {
  LineShape s{};
  s.len_bucket = Bucket(t.size(), {8, 16, 30, 50, 80, 120, 200, 400});
  size_t words = 0, caps = 0, letters = 0, upper = 0;
  bool in_word = false;
  for (size_t i = 0; i < t.size(); ++i) {
    char c = t[i];
    if (c == ' ') {
      in_word = false;
      continue;
    }
    if (!in_word) {
      ++words;
      if (c >= 'A' && c <= 'Z') ++caps;
      in_word = true;
    }
    if (c >= '0' && c <= '9') s.has_digit = true;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      ++letters;
      upper += (c >= 'A' && c <= 'Z');
    }
    if ((c == '.' || c == '?' || c == '!') && i + 2 < t.size() && t[i + 1] == ' ' &&
        t[i + 2] >= 'A' && t[i + 2] <= 'Z')
      s.has_sentence_inside = true;
  }
  s.words_bucket = Bucket(words, {2, 3, 5, 8, 12, 20, 40});
  s.cap_ratio_bucket = words == 0 ? 0 : static_cast<int>(4 * caps / words);
  s.all_caps = letters >= 4 && upper == letters;
  s.first = CharClass(t, false);
  s.last = CharClass(t, true);
  size_t sp = t.find(' ');
  std::string_view fw = t.substr(0, sp == std::string_view::npos ? t.size() : sp);
  if (fw.size() > 12) fw = fw.substr(0, 12);
  char first_word[12];
  for (size_t i = 0; i < fw.size(); ++i) {
    const char c = fw[i];
    first_word[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  }
  s.first_word_feature = Hash("", std::string_view(first_word, fw.size())) ^ 0x5bd1e995u;
  return s;
}

void AddLineOwn(const LineView& v, std::string_view p, bool full, std::vector<uint32_t>* out) {
  const LineShape& s = v.shape;
  // Feature families are told apart by the high byte of the value.
  out->push_back(Hash(p, (1 << 24) | s.len_bucket));
  out->push_back(Hash(p, (2 << 24) | s.last));
  out->push_back(Hash(p, (3 << 24) | (s.first << 8) | s.last));
  out->push_back(Hash(p, (4 << 24) | (s.len_bucket << 8) | s.last));
  for (int b = 0; b < kNumLineSignals; ++b)
    if (v.signals & (1u << b)) out->push_back(Hash(p, (5 << 24) | b));
  if (!full) return;
  out->push_back(Hash(p, (6 << 24) | s.words_bucket));
  out->push_back(Hash(p, (7 << 24) | (s.cap_ratio_bucket << 8) | s.words_bucket));
  out->push_back(Hash(p, (8 << 24) | s.first));
  if (s.has_digit) out->push_back(Hash(p, "digit"));
  if (s.all_caps) out->push_back(Hash(p, "allcaps"));
  if (s.has_sentence_inside) out->push_back(Hash(p, "multisent"));
  out->push_back(s.first_word_feature);
}

// Does a short line head what follows? A subheading shares words with the paragraphs after it
// (or is spelled out there as an acronym), is followed by a paragraph, and rarely ends with a full
// stop; a link, a video title or an advert of the same shape shares nothing. Counted for short
// lines only: paragraphs are never headings, and the counts cost a tokenisation of the neighbours.
void AddHeadingContext(const std::vector<LineView>& lines, size_t i, std::vector<uint32_t>* out) {
  const std::string_view t = lines[i].text;
  const LineShape& s = lines[i].shape;
  if (t.empty() || t.size() > 160) return;
  const bool next_para = i + 1 < lines.size() && lines[i + 1].text.size() >= 80 &&
                         (lines[i + 1].shape.last == '.' || lines[i + 1].shape.last == 'q');
  const bool no_stop = s.last != '.' && s.last != ',' && s.last != ';' && s.last != ':';
  if (no_stop && next_para) out->push_back(Hash("head_before_para", s.words_bucket));
  if (QuestionForm(t)) {
    out->push_back(Hash("qform", next_para ? 1 : 0));
  }
  const std::vector<uint64_t> stems = ContentStems(t);
  if (stems.empty()) return;
  int next_shared = 0;
  bool acronym = false;
  for (size_t d = 1; d <= 2 && i + d < lines.size(); ++d) {
    next_shared += SharedStems(stems, ContentStems(lines[i + d].text));
    acronym = acronym || AcronymSpelledOutIn(t, lines[i + d].text.substr(0, 400));
  }
  next_shared += acronym;
  const int prev_shared = i > 0 ? SharedStems(stems, ContentStems(lines[i - 1].text)) : 0;
  out->push_back(Hash("ov_next", std::min(next_shared, 3)));
  out->push_back(Hash("ov_next_frac", Bucket(static_cast<size_t>(4 * next_shared / stems.size()), {1, 2, 3, 4})));
  out->push_back(Hash("ov_prev", std::min(prev_shared, 3)));
  if (no_stop) out->push_back(Hash("ov_next_nostop", std::min(next_shared, 3) * 2 + next_para));
}

}  // namespace

std::vector<LineView> MakeLineViews(const std::vector<std::string_view>& lines) {
  std::vector<LineView> v;
  v.reserve(lines.size());
  for (auto l : lines) v.push_back({l, DetectLineSignals(l), ComputeShape(l)});
  return v;
}

void LineFeatures(const std::vector<LineView>& lines, size_t i, std::vector<uint32_t>* out) {
  out->push_back(Hash("bias", ""));
  AddLineOwn(lines[i], "", true, out);
  if (i > 0) AddLineOwn(lines[i - 1], "p1", false, out);
  else out->push_back(Hash("p1", "none"));
  if (i + 1 < lines.size()) AddLineOwn(lines[i + 1], "n1", false, out);
  else out->push_back(Hash("n1", "none"));
  if (i + 2 < lines.size()) {
    for (int b = 0; b < kNumLineSignals; ++b)
      if (lines[i + 2].signals & (1u << b)) out->push_back(Hash("n2sig", b));
  }
  if (i > 1) {
    for (int b = 0; b < kNumLineSignals; ++b)
      if (lines[i - 2].signals & (1u << b)) out->push_back(Hash("p2sig", b));
  }
  AddHeadingContext(lines, i, out);
  out->push_back(Hash("pos", Bucket(i, {1, 2, 4})));
  out->push_back(Hash("rpos", Bucket(lines.size() - 1 - i, {1, 2, 4})));
}

void PrevLabelFeatures(const std::vector<LineView>& lines, size_t i, int prev_label, std::vector<uint32_t>* out) {
  out->push_back(Hash("prevlabel", prev_label));
  // The previous label together with this line's length: a short line after a duration is the
  // video's title; after a provider name, consent text follows.
  out->push_back(Hash("prevlabel_len", prev_label * 16 + Bucket(lines[i].text.size(), {20, 60, 120})));
  // The previous label with this line's final character: a line ending in a full stop after a
  // leftover is a paragraph resuming, not a headline.
  out->push_back(Hash("prevlabel_last", prev_label * 256 + lines[i].shape.last));
}

}  // namespace dossier
