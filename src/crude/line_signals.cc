// The line-signal detector on the hot path: every line of every input goes through it.
//
// The reference (line_signals_reference.cc) runs about ninety substring searches over a lower-cased
// copy of the line. Here one pass over the line (lower-cased into a stack buffer) finds the first
// occurrence of every phrase at once: at each byte only the phrases that start with that byte are
// compared. The rules below are then the reference's rules, asked of that table. The two must
// agree on every line (tests/crude/line_signals_test.cc compares them).
#include <algorithm>
#include <array>
#include <vector>

#include "crude/caption_credit.h"
#include "crude/line_signals.h"
#include "crude/line_signals_internal.h"

namespace dossier {

namespace {

using namespace line_signals_internal;

// Lines longer than this only get the shape signals (as in the reference).
constexpr size_t kScanLimit = 320;
constexpr uint16_t kAbsent = UINT16_MAX;

// The phrases searched anywhere in the lower-cased line, in groups.
struct PhraseList {
  std::vector<std::string_view> all;
  size_t player_begin, consent_begin, furniture_begin, months_begin, singles_begin;
};

// Phrases searched one by one in the reference; their indices follow the groups.
enum Single : size_t {
  kBrowser, kVideo, kAgo, kAm, kPm, kGmt, kEt, kAllRightsReserved, kHttp, kWww, kDotCom,
  kPictured, kFilePhoto, kFilePicture, kSeenHere, kParenPhoto, kSingleCount
};
constexpr std::array<std::string_view, kSingleCount> kSingles = {
    "browser", "video", " ago", " am", " pm", "gmt", " et", "all rights reserved", "http", "www.",
    ".com", "pictured", "file photo", "file picture", "seen here", "(photo"};

const PhraseList& Phrases() {
  static const PhraseList list = [] {
    PhraseList l;
    auto add = [&](const auto& group) {
      const size_t begin = l.all.size();
      l.all.insert(l.all.end(), group.begin(), group.end());
      return begin;
    };
    l.player_begin = add(kPlayer);
    l.consent_begin = add(kConsent);
    l.furniture_begin = add(kFurniture);
    l.months_begin = add(kMonths);
    l.singles_begin = add(kSingles);
    return l;
  }();
  return list;
}

// Finds the first occurrence of every phrase of a list in one pass: phrases are bucketed by their
// first byte, so each position of the text is compared with only the few phrases that start with
// its byte.
class PhraseScanner {
 public:
  explicit PhraseScanner(const std::vector<std::string_view>& phrases) {
    for (size_t i = 0; i < phrases.size(); ++i) {
      const std::string_view ph = phrases[i];
      entries_.push_back({ph.data(), static_cast<uint16_t>(i), static_cast<uint16_t>(ph.size()),
                          ph.size() > 1 ? ph[1] : '\0'});
    }
    std::stable_sort(entries_.begin(), entries_.end(), [](const Entry& a, const Entry& b) {
      return static_cast<unsigned char>(a.text[0]) < static_cast<unsigned char>(b.text[0]);
    });
    size_t k = 0;
    for (int c = 0; c < 256; ++c) {
      bucket_[c] = static_cast<uint16_t>(k);
      while (k < entries_.size() && static_cast<unsigned char>(entries_[k].text[0]) == c) ++k;
    }
    bucket_[256] = static_cast<uint16_t>(k);
    // The three bytes a phrase can start with: its first three, or for a shorter phrase its bytes
    // followed by any bytes (the text is padded with zeros, so the last positions have three too).
    for (const Entry& e : entries_) {
      const auto byte = [&](size_t j) { return static_cast<uint32_t>(static_cast<unsigned char>(e.text[j])); };
      if (e.size >= 3) {
        SetTriple(byte(0) << 16 | byte(1) << 8 | byte(2));
      } else {
        const uint32_t fixed = e.size == 2 ? byte(0) << 16 | byte(1) << 8 : byte(0) << 16;
        const uint32_t free = e.size == 2 ? 256 : 65536;
        for (uint32_t x = 0; x < free; ++x) SetTriple(fixed | x);
      }
    }
  }

  size_t size() const { return entries_.size(); }

  // first[i] = position of the first occurrence of phrase i in `text`, or kAbsent. The two bytes
  // after the text must be readable and zero (`text` is padded).
  void Scan(std::string_view text, uint16_t* first) const {
    std::fill(first, first + entries_.size(), kAbsent);
    const char* t = text.data();
    const size_t n = text.size();
    const auto byte = [&](size_t j) { return static_cast<uint32_t>(static_cast<unsigned char>(t[j])); };
    uint32_t window = n == 0 ? 0 : byte(0) << 8 | byte(1);  // the bytes at p and p + 1
    for (size_t p = 0; p < n; ++p) {
      window = (window << 8 | byte(p + 2)) & 0xFFFFFF;
      // Most positions start no phrase: one bit of a hash of their three bytes says so (the bucket
      // loop below compares each phrase starting with the byte, and ' ', 's', 'c', 'p', the first
      // letters of the months start many).
      if (!HasTriple(window)) continue;
      const unsigned char c = static_cast<unsigned char>(t[p]);
      for (uint16_t k = bucket_[c]; k < bucket_[c + 1]; ++k) {
        const Entry& e = entries_[k];
        // Phrases are a few bytes long: the second byte rejects almost every candidate.
        if (e.size > n - p || first[e.index] != kAbsent || (e.size > 1 && t[p + 1] != e.second)) continue;
        size_t j = 2;
        while (j < e.size && t[p + j] == e.text[j]) ++j;
        if (j >= e.size) first[e.index] = static_cast<uint16_t>(p);
      }
    }
  }

 private:
  struct Entry {
    const char* text;
    uint16_t index;  // the phrase's position in the list given
    uint16_t size;
    char second;
  };
  static uint32_t TripleBit(uint32_t bytes3) { return (bytes3 * 0x9E3779B1u) >> 16; }  // 16 bits
  void SetTriple(uint32_t bytes3) {
    const uint32_t b = TripleBit(bytes3);
    triples_[b >> 6] |= uint64_t{1} << (b & 63);
  }
  bool HasTriple(uint32_t bytes3) const {
    const uint32_t b = TripleBit(bytes3);
    return (triples_[b >> 6] >> (b & 63)) & 1;
  }

  std::vector<Entry> entries_;  // sorted by first byte
  uint16_t bucket_[257];        // entries starting with byte c: [bucket_[c], bucket_[c + 1])
  std::array<uint64_t, 1024> triples_{};  // bit TripleBit(c0 c1 c2): some phrase may start so
};

const PhraseScanner& Scanner() {
  static const PhraseScanner scanner(Phrases().all);
  return scanner;
}

// m:ss, mm:ss or h:mm:ss, optionally after "Duration" / "Duration:", in the first 600 bytes (the
// reference's copy), compared case-insensitively without copying.
bool IsDuration(std::string_view s) {
  s = s.substr(0, 600);
  auto starts_with = [&](std::string_view p) {
    if (s.size() < p.size()) return false;
    for (size_t i = 0; i < p.size(); ++i)
      if (AsciiLowerChar(s[i]) != p[i]) return false;
    return true;
  };
  size_t i = 0;
  for (std::string_view p : {"duration", "running time", "length"}) {
    if (starts_with(p)) {
      i = p.size();
      while (i < s.size() && (s[i] == ' ' || s[i] == ':')) ++i;
      break;
    }
  }
  int groups = 0;
  while (i < s.size()) {
    size_t d = i;
    while (i < s.size() && IsDigit(s[i])) ++i;
    if (i - d < 1 || i - d > 2) return false;
    ++groups;
    if (i == s.size()) break;
    if (s[i] != ':') return false;
    ++i;
  }
  return groups >= 2 && groups <= 3;
}

}  // namespace

uint32_t DetectLineSignals(std::string_view line) {
  const PhraseList& ph = Phrases();
  uint32_t sig = 0;
  // Leftovers are short; a long paragraph only gets the cheap shape signals.
  char lower[kScanLimit + 2];
  const size_t n = line.size() <= kScanLimit ? line.size() : 0;
  for (size_t i = 0; i < n; ++i) lower[i] = AsciiLowerChar(line[i]);
  lower[n] = lower[n + 1] = '\0';  // the scanner's padding
  const std::string_view l(lower, n);
  uint16_t first[128];
  static_assert(kPlayer.size() + kConsent.size() + kFurniture.size() + kMonths.size() + kSingleCount <= 128);
  Scanner().Scan(l, first);
  auto has = [&](size_t i) { return first[i] != kAbsent; };
  auto single = [&](Single s) { return has(ph.singles_begin + s); };
  auto any = [&](size_t begin, size_t count) {
    for (size_t i = begin; i < begin + count; ++i)
      if (has(i)) return true;
    return false;
  };

  if (IsDuration(line)) sig |= kSigDuration;
  // Player notices and page furniture are short; consent text can run to a few sentences.
  const bool short_line = line.size() <= 200;
  if (short_line && (any(ph.player_begin, kPlayer.size()) || (single(kBrowser) && single(kVideo))))
    sig |= kSigPlayerNotice;
  if (StartsWith(l, "watch:") || StartsWith(l, "video:") || StartsWith(l, "watch ") || StartsWith(l, "listen:"))
    sig |= kSigWatchTitle;
  if (StartsWith(l, "media caption")) sig |= kSigMediaCaption;
  if (any(ph.consent_begin, kConsent.size())) sig |= kSigConsent;
  if (StartsWithCaptionMarker(line)) sig |= kSigCaptionMarker;
  if (!FindCaptionCredit(line).empty()) sig |= kSigCredit;
  if (short_line && any(ph.furniture_begin, kFurniture.size())) sig |= kSigFurniture;
  for (auto w : kFurnitureOpeners)
    if ((short_line && StartsWithWord(l, w)) || (line.size() <= 40 && ContainsWord(l, w))) sig |= kSigFurniture;
  // Datelines: "3 hours ago", "Published ...", or a short line with a digit and a month name (the
  // month's first occurrence not inside a word), a clock time or a time zone.
  bool dateline = (single(kAgo) && l.size() < 60) ||
                  ((StartsWith(l, "published") || StartsWith(l, "updated") || StartsWith(l, "posted")) &&
                   l.size() < 80);
  if (!dateline && l.size() <= 60 && std::any_of(l.begin(), l.end(), IsDigit)) {
    for (size_t m = 0; m < kMonths.size() && !dateline; ++m) {
      const uint16_t p = first[ph.months_begin + m];
      dateline = p != kAbsent && (p == 0 || !(l[p - 1] >= 'a' && l[p - 1] <= 'z'));
    }
    dateline = dateline || single(kAm) || single(kPm) || single(kGmt) || single(kEt);
  }
  if (dateline) sig |= kSigDateline;
  if (StartsWith(l, "by ") && line.size() < 80) sig |= kSigByline;
  if (StartsWith(l, "\xc2\xa9") || StartsWith(l, "copyright ") || StartsWith(l, "(c) ") ||
      (single(kAllRightsReserved) && line.size() < 160))
    sig |= kSigCopyright;
  if (!l.empty() && l[0] == '@') sig |= kSigHandle;
  if (single(kHttp) || single(kWww) || single(kDotCom)) sig |= kSigUrl;
  if (!line.empty() && line.back() == ';') sig |= kSigSemicolonEnd;
  if (!line.empty() && line.back() == '?') sig |= kSigQuestion;
  if (line.rfind("\xe2\x80\xa2", 0) == 0 || line.rfind("- ", 0) == 0 || line.rfind("* ", 0) == 0 ||
      (line.size() > 2 && IsDigit(line[0]) && (line[1] == '.' || line[1] == ')') && line[2] == ' '))
    sig |= kSigBullet;
  if (single(kPictured) || single(kFilePhoto) || single(kFilePicture) || single(kSeenHere) || single(kParenPhoto))
    sig |= kSigPicturedWords;
  // A lone capitalised word before a consent block names the provider ("Spotify", "YouTube").
  if (line.size() >= 3 && line.size() <= 20 && line.find(' ') == std::string_view::npos &&
      line[0] >= 'A' && line[0] <= 'Z')
    sig |= kSigProviderName;
  auto starts_quote = [&](std::string_view s) {
    return s.rfind("\xe2\x80\x9c", 0) == 0 || s.rfind("\xe2\x80\x98", 0) == 0 || s.rfind("\"", 0) == 0;
  };
  if (starts_quote(line) && (line.size() > 3) &&
      (line.compare(line.size() - 3, 3, "\xe2\x80\x9d") == 0 ||
       line.compare(line.size() - 3, 3, "\xe2\x80\x99") == 0 || line.back() == '"'))
    sig |= kSigQuoted;
  return sig;
}

}  // namespace dossier
