#include "crude/duplicate_sentences.h"

#include <unordered_map>

namespace dossier {

namespace {

size_t CountWords(std::string_view s) {
  size_t n = 0;
  bool in = false;
  for (char c : s) {
    bool space = c == ' ';
    if (!space && !in) ++n;
    in = !space;
  }
  return n;
}

bool IsWholeLine(const std::vector<std::string_view>& lines, const LineSentence& s) {
  return s.span.begin == 0 && s.span.end == lines[s.line].size();
}
bool IsLineEnd(const std::vector<std::string_view>& lines, const LineSentence& s) {
  return s.span.end == lines[s.line].size() && s.span.begin > 0;
}

}  // namespace

std::vector<SentenceRepeat> FindRepeatedSentences(const std::vector<std::string_view>& lines,
                                                  const std::vector<LineSentence>& sentences) {
  std::vector<SentenceRepeat> out;
  std::unordered_map<std::string_view, size_t> first_seen;
  for (size_t i = 0; i < sentences.size(); ++i) {
    const LineSentence& s = sentences[i];
    std::string_view text = lines[s.line].substr(s.span.begin, s.span.size());
    if (text.size() < 25 || CountWords(text) < 5) continue;
    auto [it, inserted] = first_seen.emplace(text, i);
    if (inserted) continue;
    const LineSentence& a = sentences[it->second];
    const LineSentence& b = s;
    // Which copy did the scraper add? One glued onto the end of another paragraph is the copy.
    bool a_inserted = IsLineEnd(lines, a) && (IsWholeLine(lines, b) || !IsLineEnd(lines, b));
    bool b_inserted = IsLineEnd(lines, b) && (IsWholeLine(lines, a) || !IsLineEnd(lines, a));
    if (a_inserted && !b_inserted) {
      out.push_back({b, a});
      it->second = i;  // later copies repeat the one that stays
    } else {
      out.push_back({a, b});
    }
  }
  return out;
}

}  // namespace dossier
