#include "ner/tags.h"

#include <array>

namespace dossier::ner {

namespace {
constexpr std::array<std::string_view, kTypes> kTypeNames = {"PER", "LOC", "ORG", "MISC"};
constexpr std::array<std::string_view, kLabels> kIob2 = {
    "O",      "B-PER", "I-PER", "I-PER", "B-PER", "B-LOC",  "I-LOC",  "I-LOC",  "B-LOC",
    "B-ORG",  "I-ORG", "I-ORG", "B-ORG", "B-MISC", "I-MISC", "I-MISC", "B-MISC"};
}  // namespace

std::string_view TypeName(int type) { return type >= 0 && type < kTypes ? kTypeNames[type] : "O"; }

int TypeFromName(std::string_view name) {
  for (int t = 0; t < kTypes; ++t)
    if (kTypeNames[t] == name) return t;
  return -1;
}

std::string_view Iob2Tag(int label) { return label >= 0 && label < kLabels ? kIob2[label] : "O"; }

bool AllowedTransition(int prev, int next) {
  const bool prev_open = prev > 0 && (LabelPosition(prev) == kBegin || LabelPosition(prev) == kInside);
  if (next < 0) return !prev_open;
  const int np = LabelPosition(next);
  const bool next_continues = next > 0 && (np == kInside || np == kLast);
  if (prev_open) return next_continues && LabelType(next) == LabelType(prev);
  return !next_continues;
}

std::vector<int> BilouFromTags(const std::vector<std::string_view>& tags) {
  // First the phrases, by conlleval's rules, then BILOU labels for them.
  const size_t n = tags.size();
  std::vector<int> out(n, 0);
  char prev_p = 'O';
  int prev_t = -1;
  long start = -1;
  int ctype = -1;
  auto close = [&](long end) {
    if (start < 0) return;
    if (ctype >= 0) {
      if (end == start) {
        out[start] = MakeLabel(ctype, kUnit);
      } else {
        out[start] = MakeLabel(ctype, kBegin);
        for (long k = start + 1; k < end; ++k) out[k] = MakeLabel(ctype, kInside);
        out[end] = MakeLabel(ctype, kLast);
      }
    }
    start = -1;
  };
  for (size_t i = 0; i < n; ++i) {
    std::string_view tag = tags[i];
    char p = 'O';
    int t = -1;
    if (tag != "O" && !tag.empty()) {
      if (tag.size() >= 2 && tag[1] == '-' && std::string_view("BIES").find(tag[0]) != std::string_view::npos) {
        p = tag[0];
        t = TypeFromName(tag.substr(2));
      } else {
        p = 'I';
        t = TypeFromName(tag);
      }
    }
    if (start >= 0 && (p == 'O' || p == 'B' || p == 'S' || t != ctype || prev_p == 'E' || prev_p == 'S'))
      close(static_cast<long>(i) - 1);
    if (p != 'O' && start < 0) {
      start = static_cast<long>(i);
      ctype = t;
    }
    prev_p = p;
    prev_t = t;
  }
  (void)prev_t;
  close(static_cast<long>(n) - 1);
  return out;
}

std::vector<Phrase> PhrasesFromLabels(const int* labels, size_t n) {
  std::vector<Phrase> out;
  long start = -1;
  int type = -1;
  for (size_t i = 0; i < n; ++i) {
    const int l = labels[i];
    const int t = LabelType(l), p = LabelPosition(l);
    if (start >= 0 && (l == 0 || t != type || p == kBegin || p == kUnit)) {
      out.push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(i - 1), type});
      start = -1;
    }
    if (l == 0) continue;
    if (start < 0) {
      start = static_cast<long>(i);
      type = t;
    }
    if (p == kLast || p == kUnit) {
      out.push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(i), type});
      start = -1;
    }
  }
  if (start >= 0) out.push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(n - 1), type});
  return out;
}

}  // namespace dossier::ner
