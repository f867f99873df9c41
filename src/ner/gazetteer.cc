#include "ner/gazetteer.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "ner/word_shape.h"

namespace dossier::ner {

void Gazetteers::AddEntry(const std::string& entry, int list) {
  std::string lower;
  uint64_t key = 0;
  int words = 0;
  size_t i = 0;
  std::vector<uint64_t> prefixes;
  while (i < entry.size()) {
    while (i < entry.size() && entry[i] == ' ') ++i;
    if (i == entry.size()) break;
    size_t b = i;
    while (i < entry.size() && entry[i] != ' ') ++i;
    LowerInto(std::string_view(entry).substr(b, i - b), &lower);
    if (words > 0) prefixes.push_back(key);
    key = NgramKey(key, Hash64(lower));
    if (++words > kMaxWords) return;
  }
  if (words == 0) return;
  map_[key] |= 1u << list;
  for (uint64_t p : prefixes) map_[p] |= kPrefixBit;
}

void Gazetteers::AddList(const std::string& name, const std::vector<std::string>& entries) {
  if (static_cast<int>(names_.size()) >= kMaxLists) return;
  const int list = static_cast<int>(names_.size());
  names_.push_back(name);
  fingerprint_ = Hash64(name, fingerprint_);
  for (const std::string& e : entries) {
    fingerprint_ = Hash64(e, fingerprint_);
    fingerprint_ = Hash64("\n", fingerprint_);
    AddEntry(e, list);
  }
}

bool Gazetteers::LoadDir(const std::string& dir, std::string* error) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return true;
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec))
    if (e.path().extension() == ".txt") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& path : files) {
    std::ifstream in(path);
    if (!in) {
      *error = "cannot read gazetteer " + path.string();
      return false;
    }
    std::vector<std::string> entries;
    std::string line;
    while (std::getline(in, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.empty() || line[0] == '#') continue;
      entries.push_back(line);
    }
    AddList(path.stem().string(), entries);
  }
  return true;
}

void Gazetteers::Match(const uint64_t* lower_hashes, size_t n, std::vector<std::vector<uint16_t>>* out) const {
  if (out->size() < n) out->resize(n);
  if (names_.empty()) return;
  // covered_until[list]: tokens before this index already have a (longer, earlier) match.
  uint32_t covered_until[kMaxLists] = {};
  for (size_t i = 0; i < n; ++i) {
    uint64_t key = 0;
    // Longest entry per list starting at i: walk forward while the n-gram is a prefix of some entry.
    uint32_t best_len[kMaxLists] = {};
    for (size_t len = 1; len <= static_cast<size_t>(kMaxWords) && i + len <= n; ++len) {
      key = NgramKey(key, lower_hashes[i + len - 1]);
      const uint32_t* v = map_.Find(key);
      if (!v) break;
      uint32_t lists = *v & ~kPrefixBit;
      while (lists) {
        const int l = __builtin_ctz(lists);
        lists &= lists - 1;
        best_len[l] = static_cast<uint32_t>(len);
      }
      if (!(*v & kPrefixBit)) break;
    }
    for (int l = 0; l < static_cast<int>(names_.size()); ++l) {
      const uint32_t len = best_len[l];
      if (len == 0 || i + len <= covered_until[l]) continue;
      if (i < covered_until[l]) continue;  // overlaps an earlier match of this list
      covered_until[l] = static_cast<uint32_t>(i + len);
      for (uint32_t k = 0; k < len; ++k) {
        const int pos = len == 1 ? 3 : k == 0 ? 0 : k + 1 == len ? 2 : 1;
        (*out)[i + k].push_back(static_cast<uint16_t>(l * 4 + pos));
      }
    }
  }
}

}  // namespace dossier::ner
