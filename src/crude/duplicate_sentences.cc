#include "crude/duplicate_sentences.h"

#include "util/hash_slots.h"

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

// FNV-1a over the bytes.
uint64_t TextHash(std::string_view s) {
  uint64_t h = 14695981039346656037ull;
  for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  return h;
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
  auto text_of = [&](size_t i) {
    const LineSentence& s = sentences[i];
    return lines[s.line].substr(s.span.begin, s.span.size());
  };
  // Sentence text -> the copy that stays (an index into `sentences`), keyed by a hash of the text
  // and compared byte for byte.
  HashSlots<uint32_t> first_seen;
  for (size_t i = 0; i < sentences.size(); ++i) {
    const LineSentence& s = sentences[i];
    std::string_view text = text_of(i);
    if (text.size() < 25 || CountWords(text) < 5) continue;
    const uint64_t h = TextHash(text);
    uint32_t* seen = first_seen.Find(h, [&](uint32_t j) { return text_of(j) == text; });
    if (seen == nullptr) {
      first_seen.Append(h, static_cast<uint32_t>(i));
      continue;
    }
    const LineSentence& a = sentences[*seen];
    const LineSentence& b = s;
    // Which copy did the scraper add? One glued onto the end of another paragraph is the copy.
    bool a_inserted = IsLineEnd(lines, a) && (IsWholeLine(lines, b) || !IsLineEnd(lines, b));
    bool b_inserted = IsLineEnd(lines, b) && (IsWholeLine(lines, a) || !IsLineEnd(lines, a));
    if (a_inserted && !b_inserted) {
      out.push_back({b, a});
      *seen = static_cast<uint32_t>(i);  // later copies repeat the one that stays
    } else {
      out.push_back({a, b});
    }
  }
  return out;
}

}  // namespace dossier
