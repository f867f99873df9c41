// CleanLine: UTF-8 repair, invisible-character removal, whitespace folding and NFC, with an exact
// map back to the input.
//
// Design: CleanLineReference does the work in obvious, separate steps (decode -> classify ->
// collapse -> NFC) and is the definition of the output and of the map. CleanLine is a single scan
// that proves a line needs none of it (the overwhelmingly common case) and then returns it as one
// copied piece; any other line goes to the reference. So the two can only disagree if the scan's
// "nothing to do" verdict is wrong, which is what the property tests hunt for.
#include <algorithm>
#include <bit>
#include <cstring>

#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>

#include "dossier/text.h"
#include "util/utf8.h"

namespace dossier {
namespace {

enum class Action { kKeep, kSpace, kRemove };

// What CleanLine does with one code point. Spaces are the Unicode White_Space set: the separators
// the brief lists plus the remaining White_Space controls (\n \v \f \r, NEL, LS, PS), which would
// otherwise glue words together if deleted. Removed: other C0/C1 controls, DEL, and invisible format
// characters (soft hyphen, zero-width space/joiners, word joiner, BOM, bidi marks and embeddings).
inline Action Classify(int32_t c) {
  if (c < 0x80) {
    if (c == ' ' || (c >= 0x09 && c <= 0x0D)) return Action::kSpace;
    return (c < 0x20 || c == 0x7F) ? Action::kRemove : Action::kKeep;
  }
  if (c < 0xA0) return c == 0x85 ? Action::kSpace : Action::kRemove;  // C1 controls
  switch (c) {
    case 0xA0: case 0x1680: case 0x2028: case 0x2029: case 0x202F: case 0x205F: case 0x3000:
      return Action::kSpace;
    case 0xAD: case 0x61C: case 0x180E: case 0xFEFF:
      return Action::kRemove;
    default:
      break;
  }
  if (c >= 0x2000 && c <= 0x200A) return Action::kSpace;
  if ((c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
      (c >= 0x2060 && c <= 0x2064) || (c >= 0x2066 && c <= 0x206F)) {
    return Action::kRemove;
  }
  return Action::kKeep;
}

// Code points >= U+0300 that NFC leaves alone in any context (ICU Normalizer2::isInert; a test
// checks every one), so lines whose only non-Latin characters are typographic punctuation (’ “ ” –
// — …) or currency signs skip the ICU check. Everything below U+0300 is NFC_Quick_Check=Yes and
// cannot combine with what precedes it.
inline bool KnownInert(int32_t c) {
  return (c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x205E) ||
         (c >= 0x20A0 && c <= 0x20C0);
}

const icu::Normalizer2* Nfc() {
  static const icu::Normalizer2* nfc = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
    return U_SUCCESS(status) ? n : nullptr;
  }();
  return nfc;
}

// High bit of each byte of x that is zero (exact, no false positives).
inline uint64_t ZeroBytes(uint64_t x) {
  constexpr uint64_t k7F = 0x7F7F7F7F7F7F7F7FULL;
  return ~(((x & k7F) + k7F) | x | k7F);
}

// True when CleanLineReference would return `line` unchanged as one copied piece: valid UTF-8, no
// character to remove or map to a space, spaces single and not at either end, already NFC.
// Eight ASCII bytes at a time; other bytes one character at a time.
bool LineIsClean(std::string_view line) {
  static_assert(std::endian::native == std::endian::little, "the SWAR scan assumes little endian");
  constexpr uint64_t k01 = 0x0101010101010101ULL, k80 = 0x8080808080808080ULL;
  const uint8_t* s = reinterpret_cast<const uint8_t*>(line.data());
  const size_t n = line.size();
  size_t i = 0;
  bool prev_space = true;  // a space at the very start is a leading space
  bool need_nfc_check = false;
  while (i < n) {
    if (i + 8 <= n) {
      uint64_t w;
      std::memcpy(&w, s + i, 8);
      // Any byte >= 0x80, < 0x20 or == 0x7F sends this word to the scalar path.
      const uint64_t odd = (w & k80) | ((w - k01 * 0x20) & ~w & k80) | ZeroBytes(w ^ (k01 * 0x7F));
      if (odd == 0) {
        const uint64_t sp = ZeroBytes(w ^ (k01 * 0x20));
        if (sp != 0) {
          if ((sp & (sp << 8)) != 0) return false;         // two spaces inside the word
          if (prev_space && (sp & 0x80) != 0) return false;  // across words, or leading
        }
        prev_space = (sp >> 63) != 0;
        i += 8;
        continue;
      }
    }
    const uint8_t b = s[i];
    if (b < 0x80) {
      if (b == ' ') {
        if (prev_space) return false;
        prev_space = true;
      } else if (b < 0x21 || b == 0x7F) {
        return false;
      } else {
        prev_space = false;
      }
      ++i;
      continue;
    }
    int32_t c;
    i += DecodeUtf8Char(s, n, i, &c);
    if (c < 0 || Classify(c) != Action::kKeep) return false;
    if (c >= 0x300 && !KnownInert(c)) need_nfc_check = true;
    prev_space = false;
  }
  if (n > 0 && prev_space) return false;  // trailing space
  if (need_nfc_check) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = Nfc();
    if (nfc == nullptr) return false;
    bool ok = nfc->isNormalizedUTF8(icu::StringPiece(line.data(), static_cast<int32_t>(n)), status);
    return U_SUCCESS(status) && ok;
  }
  return true;
}

// A run of the intermediate text (after repair and whitespace rules, before NFC) and the input
// bytes it came from. `copied` runs equal their input bytes.
struct Segment {
  uint32_t mid_begin;
  uint32_t mid_len;
  uint32_t src_begin;  // offset in the line
  uint32_t src_len;
  bool copied;
};

class SegmentedText {
 public:
  void Copy(std::string_view line, uint32_t src_begin, uint32_t len) {
    if (!segs_.empty() && segs_.back().copied &&
        segs_.back().src_begin + segs_.back().src_len == src_begin) {
      segs_.back().mid_len += len;
      segs_.back().src_len += len;
    } else {
      segs_.push_back({Size(), len, src_begin, len, true});
    }
    text_.append(line.substr(src_begin, len));
  }
  void Replace(std::string_view with, uint32_t src_begin, uint32_t src_len) {
    segs_.push_back({Size(), static_cast<uint32_t>(with.size()), src_begin, src_len, false});
    text_.append(with);
  }
  uint32_t Size() const { return static_cast<uint32_t>(text_.size()); }
  const std::string& text() const { return text_; }
  const std::vector<Segment>& segments() const { return segs_; }

  // The segment holding intermediate byte `mid` (mid < Size()).
  const Segment& At(uint32_t mid) const {
    size_t lo = 0, hi = segs_.size();
    while (hi - lo > 1) {
      size_t m = (lo + hi) / 2;
      (segs_[m].mid_begin <= mid ? lo : hi) = m;
    }
    return segs_[lo];
  }
  uint32_t SourceBegin(uint32_t mid) const {
    const Segment& s = At(mid);
    return s.copied ? s.src_begin + (mid - s.mid_begin) : s.src_begin;
  }
  uint32_t SourceEnd(uint32_t mid_end) const {
    const Segment& s = At(mid_end - 1);
    return s.copied ? s.src_begin + (mid_end - s.mid_begin) : s.src_begin + s.src_len;
  }

 private:
  std::string text_;
  std::vector<Segment> segs_;
};

// Emits intermediate bytes [mid, mid+len), unchanged by NFC, at output offset `out`.
void EmitUnchanged(const SegmentedText& st, uint32_t mid, uint32_t len, uint32_t out,
                   uint64_t source_offset, OffsetMap* map) {
  const uint32_t end = mid + len;
  while (mid < end) {
    const Segment& s = st.At(mid);
    const uint32_t take = std::min(end, s.mid_begin + s.mid_len) - mid;
    if (s.copied) {
      map->AddCopy(out, source_offset + s.src_begin + (mid - s.mid_begin), take);
    } else {
      // Replacement segments are single code points and NFC edits fall on code point boundaries,
      // so the whole segment is here.
      map->AddReplacement(out, take, source_offset + s.src_begin, s.src_len);
    }
    mid += take;
    out += take;
  }
}

}  // namespace

bool IsValidUtf8(std::string_view s) {
  const uint8_t* p = reinterpret_cast<const uint8_t*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    if (i + 8 <= n) {
      uint64_t w;
      std::memcpy(&w, p + i, 8);
      if ((w & 0x8080808080808080ULL) == 0) {
        i += 8;
        continue;
      }
    }
    int32_t c;
    i += DecodeUtf8Char(p, n, i, &c);
    if (c < 0) return false;
  }
  return true;
}

MappedText CleanLineReference(std::string_view line, uint64_t source_offset, CleanStats* stats) {
  CleanStats local;
  const uint8_t* s = reinterpret_cast<const uint8_t*>(line.data());
  const uint32_t n = static_cast<uint32_t>(line.size());

  // Steps 1-3: decode (U+FFFD per maximal subpart), drop invisibles, fold each run of spaces into
  // one ' ' and drop the runs at either end. A lone ' ' stays a copy; any other run is replaced.
  SegmentedText mid;
  bool in_space = false, seen_text = false, prev_removed = false;
  uint32_t space_begin = 0, space_end = 0, space_count = 0;
  for (uint32_t i = 0; i < n;) {
    int32_t c;
    const uint32_t len = static_cast<uint32_t>(DecodeUtf8Char(s, n, i, &c));
    const Action action = c < 0 ? Action::kKeep : Classify(c);
    if (action == Action::kRemove) {
      if (!prev_removed) ++local.normalized_runs;
      prev_removed = true;
    } else if (action == Action::kSpace) {
      prev_removed = false;
      if (!in_space) {
        in_space = true;
        space_begin = i;
        space_count = 0;
      }
      space_end = i + len;
      ++space_count;
    } else {
      prev_removed = false;
      if (in_space) {
        in_space = false;
        const bool plain = space_count == 1 && space_end - space_begin == 1 && s[space_begin] == ' ';
        if (!seen_text) {
          ++local.normalized_runs;  // leading run: trimmed
        } else if (plain) {
          mid.Copy(line, space_begin, 1);
        } else {
          ++local.normalized_runs;
          mid.Replace(" ", space_begin, space_end - space_begin);
        }
      }
      seen_text = true;
      if (c < 0) {
        ++local.invalid_bytes_replaced;
        mid.Replace("\xEF\xBF\xBD", i, len);
      } else {
        mid.Copy(line, i, len);
      }
    }
    i += len;
  }
  if (in_space) ++local.normalized_runs;  // trailing run: trimmed

  // Step 4: NFC. The coarse edits give the exact changed pieces; each maps back to the input from
  // the start of its first intermediate byte to the end of its last.
  MappedText result;
  const std::string& m = mid.text();
  if (!m.empty()) {
    UErrorCode status = U_ZERO_ERROR;
    icu::Edits edits;
    icu::StringByteSink<std::string> sink(&result.text);
    const icu::Normalizer2* nfc = Nfc();
    if (nfc != nullptr) {
      nfc->normalizeUTF8(0, icu::StringPiece(m.data(), static_cast<int32_t>(m.size())), sink,
                         &edits, status);
    }
    if (nfc == nullptr || U_FAILURE(status)) {
      result.text = m;  // cannot happen with ICU's built-in data; keep the text un-normalised
      EmitUnchanged(mid, 0, mid.Size(), 0, source_offset, &result.map);
    } else {
      icu::Edits::Iterator it = edits.getCoarseIterator();
      while (it.next(status)) {
        const uint32_t from = static_cast<uint32_t>(it.sourceIndex());
        const uint32_t old_len = static_cast<uint32_t>(it.oldLength());
        const uint32_t to = static_cast<uint32_t>(it.destinationIndex());
        const uint32_t new_len = static_cast<uint32_t>(it.newLength());
        // ICU may report a re-composed segment that came out byte-identical; that is no change.
        const bool changed = it.hasChange() && std::string_view(m).substr(from, old_len) !=
                                                   std::string_view(result.text).substr(to, new_len);
        if (!changed) {
          EmitUnchanged(mid, from, old_len, to, source_offset, &result.map);
        } else {
          ++local.normalized_runs;
          const uint32_t src_begin = mid.SourceBegin(from);
          result.map.AddReplacement(to, new_len, source_offset + src_begin,
                                    mid.SourceEnd(from + old_len) - src_begin);
        }
      }
    }
  }
  if (stats != nullptr) {
    stats->invalid_bytes_replaced += local.invalid_bytes_replaced;
    stats->normalized_runs += local.normalized_runs;
  }
  return result;
}

bool IsCleanLine(std::string_view line) { return LineIsClean(line); }

MappedText CleanLine(std::string_view line, uint64_t source_offset, CleanStats* stats) {
  if (!LineIsClean(line)) return CleanLineReference(line, source_offset, stats);
  MappedText result;
  result.text.assign(line);
  result.map.AddCopy(0, source_offset, static_cast<uint32_t>(line.size()));
  return result;
}

}  // namespace dossier
