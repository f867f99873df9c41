#include "crude/lexicon.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace dossier {

namespace {

constexpr uint64_t kFormMask = 3;

char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

// Calls `fn` with every word of a list file: one word per line, or hunspell's "word/FLAGS" with an
// entry count on the first line. The file is read in one go; words are views into that buffer.
template <typename Fn>
bool ForEachWord(const std::string& path, bool hunspell, Fn fn) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return false;
  std::string buf;
  char chunk[1 << 16];
  size_t n;
  while ((n = std::fread(chunk, 1, sizeof chunk, f)) > 0) buf.append(chunk, n);
  std::fclose(f);
  std::string_view all(buf);
  size_t pos = 0;
  bool first = true;
  while (pos < all.size()) {
    size_t nl = all.find('\n', pos);
    if (nl == std::string_view::npos) nl = all.size();
    std::string_view line = all.substr(pos, nl - pos);
    pos = nl + 1;
    if (hunspell) {
      if (first) {  // the entry count
        first = false;
        continue;
      }
      size_t slash = line.find('/');
      if (slash != std::string_view::npos) line = line.substr(0, slash);
    }
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    fn(line);
  }
  return true;
}


}  // namespace

uint64_t LowerWordHash(std::string_view word) {
  // FNV-1a over the ASCII-lowercased bytes; the low bits are cleared by callers that pack flags.
  uint64_t h = 14695981039346656037ull;
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
#ifdef DOSSIER_KNOWN_WORDS_CACHE
  p.known_cache = DOSSIER_KNOWN_WORDS_CACHE;
#endif
  return p;
}

void Lexicon::HashTable::Reserve(size_t n) {
  size_t cap = 16;
  while (cap < 2 * n) cap <<= 1;
  if (cap <= slots_.size()) return;
  std::vector<uint64_t> old;
  old.swap(slots_);
  slots_.assign(cap, 0);
  size_ = 0;
  for (uint64_t k : old)
    if (k) Insert(k);
}

void Lexicon::HashTable::Insert(uint64_t key) {
  if (2 * (size_ + 1) > slots_.size()) Reserve(2 * (size_ + 1));
  const uint64_t hash = key & ~kFormMask;
  const size_t mask = slots_.size() - 1;
  for (size_t i = (hash >> 7) & mask;; i = (i + 1) & mask) {
    uint64_t& slot = slots_[i];
    if (slot == 0) {
      slot = key;
      ++size_;
      return;
    }
    if ((slot & ~kFormMask) == hash) {
      // A word listed both capitalised and lower case ("Bill"/"bill") counts as lower case.
      slot = std::min(slot, key);
      return;
    }
  }
}

uint64_t Lexicon::HashTable::Find(uint64_t hash) const {
  if (slots_.empty()) return 0;
  const size_t mask = slots_.size() - 1;
  for (size_t i = (hash >> 7) & mask;; i = (i + 1) & mask) {
    uint64_t slot = slots_[i];
    if (slot == 0) return 0;
    if ((slot & ~kFormMask) == hash) return slot;
  }
}

namespace {
constexpr char kCacheMagic[8] = {'D', 'S', 'L', 'X', 'K', 'N', 'W', '1'};
}  // namespace

namespace {
uint64_t NewLexiconId() {
  static std::atomic<uint64_t> next{1};
  return next.fetch_add(1, std::memory_order_relaxed);
}

// The last answers of Lexicon::Base on this thread, direct-mapped by hash: an entry is the word's
// hash (low two bits clear, bit 2 set, so never zero) with its BaseForm in the low two bits.
struct BaseMemo {
  static constexpr size_t kSlots = 8192;  // 64 KB: stays in the core's cache
  uint64_t owner = 0;                     // Lexicon id_ the entries belong to
  uint64_t slots[kSlots];
};
}  // namespace

Lexicon::Lexicon() : id_(NewLexiconId()) {}
Lexicon::~Lexicon() {
  if (mapping_) munmap(mapping_, mapping_size_);
}
Lexicon::Lexicon(Lexicon&& o) noexcept : id_(NewLexiconId()) { *this = std::move(o); }
Lexicon& Lexicon::operator=(Lexicon&& o) noexcept {
  if (this == &o) return *this;
  if (mapping_) munmap(mapping_, mapping_size_);
  base_ = std::move(o.base_);
  known_ = std::move(o.known_);
  function_ = std::move(o.function_);
  // The contents move, and their memo entries with them; `o` is now another (empty) lexicon.
  id_ = o.id_;
  o.id_ = NewLexiconId();
  known_sorted_ = o.known_sorted_;
  known_sorted_count_ = o.known_sorted_count_;
  mapping_ = o.mapping_;
  mapping_size_ = o.mapping_size_;
  o.known_sorted_ = nullptr;
  o.known_sorted_count_ = 0;
  o.mapping_ = nullptr;
  o.mapping_size_ = 0;
  return *this;
}

bool WriteKnownWordCache(const LexiconPaths& paths, const std::string& out_path, std::string* error) {
  std::vector<uint64_t> hashes;
  for (const auto& p : paths.known) {
    bool hunspell = p.size() > 4 && p.compare(p.size() - 4, 4, ".dic") == 0;
    if (!ForEachWord(p, hunspell, [&](std::string_view w) { hashes.push_back(LowerWordHash(w) | 4); })) {
      *error = "cannot read " + p;
      return false;
    }
  }
  std::sort(hashes.begin(), hashes.end());
  hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
  std::FILE* f = std::fopen(out_path.c_str(), "wb");
  if (!f) {
    *error = "cannot write " + out_path;
    return false;
  }
  uint64_t count = hashes.size();
  bool ok = std::fwrite(kCacheMagic, 1, 8, f) == 8 && std::fwrite(&count, 8, 1, f) == 1 &&
            std::fwrite(hashes.data(), 8, hashes.size(), f) == hashes.size();
  ok = (std::fclose(f) == 0) && ok;
  if (!ok) *error = "write failed: " + out_path;
  return ok;
}

void Lexicon::AddBase(std::string_view word) {
  if (word.empty()) return;
  bool capital = word[0] >= 'A' && word[0] <= 'Z';
  // Hashes are never 0 in practice; `| 4` keeps a pathological zero hash from reading as empty.
  base_.Insert((LowerWordHash(word) | 4) |
               static_cast<uint64_t>(capital ? BaseForm::kCapitalizedOnly : BaseForm::kLower));
}

void Lexicon::AddKnown(std::string_view word) {
  if (!word.empty()) known_.Insert(LowerWordHash(word) | 4);
}

void Lexicon::AddFunction(std::string_view word) {
  if (!word.empty()) function_.Insert(LowerWordHash(word) | 4);
}

Lexicon Lexicon::Load(const LexiconPaths& paths, std::vector<std::string>* missing) {
  Lexicon lex;
  bool cached = false;
  if (!paths.known_cache.empty()) {
    int fd = open(paths.known_cache.c_str(), O_RDONLY | O_CLOEXEC);
    struct stat st;
    if (fd >= 0 && fstat(fd, &st) == 0 && st.st_size >= 16) {
      void* m = mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
      if (m != MAP_FAILED) {
        const char* bytes = static_cast<const char*>(m);
        uint64_t count = 0;
        std::memcpy(&count, bytes + 8, 8);
        if (std::memcmp(bytes, kCacheMagic, 8) == 0 && count > 0 &&
            16 + count * 8 == static_cast<uint64_t>(st.st_size)) {
          lex.mapping_ = m;
          lex.mapping_size_ = static_cast<size_t>(st.st_size);
          lex.known_sorted_ = reinterpret_cast<const uint64_t*>(bytes + 16);
          lex.known_sorted_count_ = count;
          cached = true;
        } else {
          munmap(m, static_cast<size_t>(st.st_size));
        }
      }
    }
    if (fd >= 0) close(fd);
  }
  for (const auto& p : paths.base) {
    bool ok = ForEachWord(p, false, [&](std::string_view w) {
      // Possessives ("Trump's") add nothing a split could use.
      if (w.size() > 2 && w.substr(w.size() - 2) == "'s") return;
      lex.AddBase(w);
    });
    if (!ok && missing) missing->push_back(p);
  }
  for (const auto& p : paths.known) {
    if (cached) break;
    bool hunspell = p.size() > 4 && p.compare(p.size() - 4, 4, ".dic") == 0;
    bool ok = ForEachWord(p, hunspell, [&](std::string_view w) {
      // Possessives and words already in the base tier need no second entry.
      if (w.size() > 2 && w.substr(w.size() - 2) == "'s") return;
      lex.AddKnown(w);
    });
    if (!ok && missing) missing->push_back(p);
  }
  bool ok = ForEachWord(paths.function_words, false, [&](std::string_view line) {
    size_t i = 0;
    while (i < line.size()) {
      size_t j = line.find(' ', i);
      if (j == std::string_view::npos) j = line.size();
      if (j > i) lex.AddFunction(line.substr(i, j - i));
      i = j + 1;
    }
  });
  if (!ok && missing) missing->push_back(paths.function_words);
  return lex;
}

Lexicon Lexicon::FromWords(const std::vector<std::string>& base, const std::vector<std::string>& known,
                           const std::vector<std::string>& function_words) {
  Lexicon lex;
  for (const auto& w : base) lex.AddBase(w);
  for (const auto& w : known) lex.AddKnown(w);
  for (const auto& w : function_words) lex.AddFunction(w);
  return lex;
}

Lexicon::BaseForm Lexicon::BaseUncached(std::string_view word) const {
  uint64_t e = base_.Find(LowerWordHash(word) | 4);
  return e == 0 ? BaseForm::kAbsent : static_cast<BaseForm>(e & kFormMask);
}

Lexicon::BaseForm Lexicon::Base(std::string_view word) const {
  thread_local BaseMemo memo;
  if (memo.owner != id_) {
    std::memset(memo.slots, 0, sizeof memo.slots);
    memo.owner = id_;
  }
  const uint64_t h = LowerWordHash(word) | 4;
  uint64_t& slot = memo.slots[(h >> 7) & (BaseMemo::kSlots - 1)];
  if ((slot & ~kFormMask) == h) return static_cast<BaseForm>(slot & kFormMask);
  const uint64_t e = base_.Find(h);
  const BaseForm form = e == 0 ? BaseForm::kAbsent : static_cast<BaseForm>(e & kFormMask);
  slot = h | static_cast<uint64_t>(form);
  return form;
}

bool Lexicon::InKnownExact(uint64_t h) const {
  if (known_sorted_ && std::binary_search(known_sorted_, known_sorted_ + known_sorted_count_, h)) return true;
  return known_.Find(h) != 0 || base_.Find(h) != 0;
}

bool Lexicon::IsKnown(std::string_view word) const {
  if (InKnownExact(LowerWordHash(word) | 4)) return true;
  // Regular inflections of a known stem; hunspell lists stems only.
  static constexpr std::string_view kSuffixes[] = {"s", "es", "ed", "d", "ing", "er", "ers", "ly"};
  for (std::string_view suf : kSuffixes) {
    if (word.size() > suf.size() + 2 &&
        std::equal(suf.begin(), suf.end(), word.end() - suf.size(),
                   [](char a, char b) { return AsciiLower(b) == a; })) {
      if (InKnownExact(LowerWordHash(word.substr(0, word.size() - suf.size())) | 4)) return true;
    }
  }
  return false;
}

bool Lexicon::IsFunctionWord(std::string_view word) const {
  return function_.Find(LowerWordHash(word) | 4) != 0;
}

}  // namespace dossier
