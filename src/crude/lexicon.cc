#include "crude/lexicon.h"

#include <algorithm>
#include <fstream>

namespace dossier {

namespace {

constexpr uint64_t kFormMask = 3;

char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

bool ReadLines(const std::string& path, bool hunspell, std::vector<std::string>* out) {
  std::ifstream in(path);
  if (!in) return false;
  std::string line;
  bool first = true;
  while (std::getline(in, line)) {
    if (hunspell) {
      if (first) {  // the first line of a .dic file is the entry count
        first = false;
        continue;
      }
      auto slash = line.find('/');
      if (slash != std::string::npos) line.resize(slash);
    }
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    out->push_back(line);
  }
  return true;
}

bool SortedContains(const std::vector<uint64_t>& v, uint64_t h) {
  return std::binary_search(v.begin(), v.end(), h);
}

}  // namespace

uint64_t LowerWordHash(std::string_view word) {
  // FNV-1a over the ASCII-lowercased bytes; the low bits are cleared by callers that pack flags.
  uint64_t h = 1469598103934665603ull;
  for (char c : word) {
    h ^= static_cast<unsigned char>(AsciiLower(c));
    h *= 1099511628211ull;
  }
  return h & ~kFormMask;
}

LexiconPaths LexiconPaths::Defaults(const std::string& data_dir) {
  LexiconPaths p;
  p.base = {"/usr/share/dict/american-english", "/usr/share/dict/british-english"};
  p.known = {"/usr/share/dict/american-english-insane", "/usr/share/dict/british-english-insane",
             "/usr/share/hunspell/en_US.dic", "/usr/share/hunspell/en_GB.dic"};
  p.function_words = data_dir + "/lexicon/function-words.txt";
  return p;
}

void Lexicon::AddBase(std::string_view word) {
  if (word.empty()) return;
  bool capital = word[0] >= 'A' && word[0] <= 'Z';
  base_.push_back(LowerWordHash(word) |
                  static_cast<uint64_t>(capital ? BaseForm::kCapitalizedOnly : BaseForm::kLower));
}

void Lexicon::AddKnown(std::string_view word) {
  if (!word.empty()) known_.push_back(LowerWordHash(word));
}

void Lexicon::AddFunction(std::string_view word) {
  if (!word.empty()) function_.push_back(LowerWordHash(word));
}

void Lexicon::Finish() {
  // A word listed both capitalised and in lower case ("Bill"/"bill") counts as lower case: keep, for
  // each hash, the smallest form value (kLower < kCapitalizedOnly).
  std::sort(base_.begin(), base_.end());
  std::vector<uint64_t> merged;
  merged.reserve(base_.size());
  for (uint64_t v : base_) {
    if (!merged.empty() && (merged.back() & ~kFormMask) == (v & ~kFormMask)) continue;
    merged.push_back(v);
  }
  base_.swap(merged);
  for (auto* v : {&known_, &function_}) {
    std::sort(v->begin(), v->end());
    v->erase(std::unique(v->begin(), v->end()), v->end());
  }
}

Lexicon Lexicon::Load(const LexiconPaths& paths, std::vector<std::string>* missing) {
  Lexicon lex;
  std::vector<std::string> words;
  for (const auto& p : paths.base) {
    words.clear();
    if (!ReadLines(p, false, &words)) {
      if (missing) missing->push_back(p);
      continue;
    }
    for (const auto& w : words) {
      // Possessives ("Trump's") add nothing a split could use.
      if (w.size() > 2 && w.compare(w.size() - 2, 2, "'s") == 0) continue;
      lex.AddBase(w);
    }
  }
  for (const auto& p : paths.known) {
    words.clear();
    bool hunspell = p.size() > 4 && p.compare(p.size() - 4, 4, ".dic") == 0;
    if (!ReadLines(p, hunspell, &words)) {
      if (missing) missing->push_back(p);
      continue;
    }
    for (const auto& w : words) lex.AddKnown(w);
  }
  words.clear();
  if (!ReadLines(paths.function_words, false, &words)) {
    if (missing) missing->push_back(paths.function_words);
  }
  for (const auto& line : words) {
    size_t i = 0;
    while (i < line.size()) {
      size_t j = line.find(' ', i);
      if (j == std::string::npos) j = line.size();
      lex.AddFunction(std::string_view(line).substr(i, j - i));
      i = j + 1;
    }
  }
  lex.Finish();
  return lex;
}

Lexicon Lexicon::FromWords(const std::vector<std::string>& base, const std::vector<std::string>& known,
                           const std::vector<std::string>& function_words) {
  Lexicon lex;
  for (const auto& w : base) lex.AddBase(w);
  for (const auto& w : known) lex.AddKnown(w);
  for (const auto& w : function_words) lex.AddFunction(w);
  lex.Finish();
  return lex;
}

Lexicon::BaseForm Lexicon::Base(std::string_view word) const {
  uint64_t h = LowerWordHash(word);
  auto it = std::lower_bound(base_.begin(), base_.end(), h);
  if (it == base_.end() || (*it & ~kFormMask) != h) return BaseForm::kAbsent;
  return static_cast<BaseForm>(*it & kFormMask);
}

bool Lexicon::InKnownExact(uint64_t h) const {
  if (SortedContains(known_, h)) return true;
  auto it = std::lower_bound(base_.begin(), base_.end(), h);
  return it != base_.end() && (*it & ~kFormMask) == h;
}

bool Lexicon::IsKnown(std::string_view word) const {
  if (InKnownExact(LowerWordHash(word))) return true;
  // Regular inflections of a known stem; hunspell lists stems only.
  static constexpr std::string_view kSuffixes[] = {"s", "es", "ed", "d", "ing", "er", "ers", "ly"};
  for (std::string_view suf : kSuffixes) {
    if (word.size() > suf.size() + 2 &&
        std::equal(suf.begin(), suf.end(), word.end() - suf.size(),
                   [](char a, char b) { return AsciiLower(b) == a; })) {
      if (InKnownExact(LowerWordHash(word.substr(0, word.size() - suf.size())))) return true;
    }
  }
  return false;
}

bool Lexicon::IsFunctionWord(std::string_view word) const {
  return SortedContains(function_, LowerWordHash(word));
}

}  // namespace dossier
