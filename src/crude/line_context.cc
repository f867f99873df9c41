#include "crude/line_context.h"

#include <algorithm>
#include <string>

#include "segment/stopwords.h"

namespace dossier {

namespace {

bool Letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool Upper(char c) { return c >= 'A' && c <= 'Z'; }

uint64_t Fnv(std::string_view w) {
  uint64_t h = 14695981039346656037ull;
  for (char ch : w) h = (h ^ static_cast<unsigned char>(ch)) * 1099511628211ull;
  return h;
}

// Calls on_word(begin, end) for every run of ASCII letters in t.
template <typename F>
void ForEachWord(std::string_view t, F on_word) {
  size_t i = 0;
  while (i < t.size()) {
    if (!Letter(t[i])) {
      ++i;
      continue;
    }
    size_t b = i;
    while (i < t.size() && Letter(t[i])) ++i;
    on_word(b, i);
  }
}

}  // namespace

std::vector<uint64_t> ContentStems(std::string_view line, size_t max_bytes) {
  std::string_view t = line.substr(0, max_bytes);
  std::vector<uint64_t> out;
  std::string lower;
  ForEachWord(t, [&](size_t b, size_t e) {
    // A word cut by max_bytes is not a word.
    if (e - b < 4 || (e == t.size() && t.size() < line.size())) return;
    lower.assign(t.substr(b, e - b));
    for (char& c : lower) c = static_cast<char>(c | 32);
    if (segment_internal::IsStopword(lower)) return;
    out.push_back(Fnv(std::string_view(lower).substr(0, 5)));
  });
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

int SharedStems(const std::vector<uint64_t>& stems, const std::vector<uint64_t>& other) {
  int n = 0;
  for (uint64_t h : stems) n += std::binary_search(other.begin(), other.end(), h);
  return n;
}

bool AcronymSpelledOutIn(std::string_view line, std::string_view text) {
  // Most lines have no acronym to look for: then `text` (up to 400 bytes) is not read at all.
  bool any_acronym = false;
  ForEachWord(line, [&](size_t b, size_t e) {
    const size_t n = e - b;
    if (any_acronym || n < 3 || n > 6) return;
    for (size_t i = b; i < e; ++i)
      if (!Upper(line[i])) return;
    any_acronym = true;
  });
  if (!any_acronym) return false;
  // Initials of the runs of consecutive capitalised words in `text`, runs separated by '|'.
  std::string initials;
  size_t prev_end = 0;
  bool in_run = false;
  ForEachWord(text, [&](size_t b, size_t e) {
    const bool cap = Upper(text[b]) && e - b >= 2 && !Upper(text[b + 1]);
    // Words of a run are separated by one space (or a hyphen): anything else ends the run.
    const bool adjacent = in_run && b == prev_end + 1 && (text[prev_end] == ' ' || text[prev_end] == '-');
    if (cap) {
      if (!adjacent && !initials.empty()) initials += '|';
      initials += text[b];
      in_run = true;
    } else {
      in_run = false;
    }
    prev_end = e;
  });
  bool found = false;
  ForEachWord(line, [&](size_t b, size_t e) {
    const size_t n = e - b;
    if (found || n < 3 || n > 6) return;
    for (size_t i = b; i < e; ++i)
      if (!Upper(line[i])) return;
    found = initials.find(line.substr(b, n)) != std::string::npos;
  });
  return found;
}

bool QuestionForm(std::string_view line) {
  if (line.empty() || line.back() != '?') return false;
  size_t e = 0;
  while (e < line.size() && Letter(line[e])) ++e;
  if (e == 0) return false;  // opens with a quotation mark, a digit, a bullet
  std::string w(line.substr(0, e));
  for (char& c : w) c = static_cast<char>(c | 32);
  static constexpr std::string_view kOpeners[] = {
      "what", "why", "how", "who", "whom", "whose", "where", "when", "which", "is", "are", "was",
      "were", "do", "does", "did", "can", "could", "will", "would", "should", "has", "have", "had",
      "may", "might", "must", "shall"};
  return std::find(std::begin(kOpeners), std::end(kOpeners), w) != std::end(kOpeners);
}

}  // namespace dossier
