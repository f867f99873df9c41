#include "html/input_stream.h"

#include "html/byte_scan.h"

#include <algorithm>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace dossier::html {
namespace {

// Bytes that may start something to replace: CR, the C0 controls gumbo replaces, DEL, and the
// lead bytes of C1 controls (C2), of U+FDD0-FDEF / U+FFFE-FFFF (EF) and of the supplementary
// noncharacters (F0-F4).
constexpr ByteSet BuildSuspects() {
  ByteSet t{};
  for (int c = 0x01; c <= 0x1F; ++c) t[c] = 1;
  t['\t'] = t['\n'] = t['\f'] = 0;
  t[0x7F] = t[0xC2] = t[0xEF] = 1;
  for (int c = 0xF0; c <= 0xF4; ++c) t[c] = 1;
  return t;
}
constexpr ByteSet kSuspect = BuildSuspects();

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

uint8_t At(std::string_view s, size_t i) {
  return i < s.size() ? static_cast<uint8_t>(s[i]) : 0;
}

// How many input bytes at `i` are replaced (0: none), and by what.
size_t Replaced(std::string_view in, size_t i, std::string_view* by) {
  const uint8_t c = At(in, i);
  *by = kReplacement;
  if (c == '\r') {
    *by = At(in, i + 1) == '\n' ? std::string_view() : std::string_view("\n");
    return 1;
  }
  if (c < 0x20 || c == 0x7F) return 1;
  if (c == 0xC2) return (At(in, i + 1) >= 0x80 && At(in, i + 1) <= 0x9F) ? 2 : 0;
  if (c == 0xEF) {
    const uint8_t c1 = At(in, i + 1), c2 = At(in, i + 2);
    const bool fdd0 = c1 == 0xB7 && c2 >= 0x90 && c2 <= 0xAF;
    const bool fffe = c1 == 0xBF && (c2 == 0xBE || c2 == 0xBF);
    return fdd0 || fffe ? 3 : 0;
  }
  // F0-F4: a plane's last two code points, U+xFFFE and U+xFFFF.
  const uint8_t c1 = At(in, i + 1), c2 = At(in, i + 2), c3 = At(in, i + 3);
  return ((c1 & 0x0F) == 0x0F && c2 == 0xBF && (c3 == 0xBE || c3 == 0xBF)) ? 4 : 0;
}

}  // namespace

size_t NextSuspectByteReference(std::string_view s, size_t i) { return FindFirstOf(s, i, kSuspect); }

size_t NextSuspectByte(std::string_view s, size_t i) {
#ifdef __SSE2__
  // The same set as kSuspect, sixteen bytes at a time (SSE2 is part of x86-64): most pages have
  // nothing to replace, and this scan reads every byte of every page.
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const size_t n = s.size();
  const __m128i c1f = _mm_set1_epi8(0x1F), four = _mm_set1_epi8(4), zero = _mm_setzero_si128();
  const __m128i tab = _mm_set1_epi8('\t'), lf = _mm_set1_epi8('\n'), ff = _mm_set1_epi8('\f');
  const __m128i del = _mm_set1_epi8(0x7F), c2 = _mm_set1_epi8(static_cast<char>(0xC2)),
                ef = _mm_set1_epi8(static_cast<char>(0xEF)), f0 = _mm_set1_epi8(static_cast<char>(0xF0));
  while (i + 16 <= n) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    // C0 controls (x <= 0x1F, unsigned) other than NUL, tab, LF and FF.
    const __m128i c0 = _mm_cmpeq_epi8(_mm_min_epu8(x, c1f), x);
    const __m128i kept = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, zero), _mm_cmpeq_epi8(x, tab)),
                                      _mm_or_si128(_mm_cmpeq_epi8(x, lf), _mm_cmpeq_epi8(x, ff)));
    const __m128i d = _mm_sub_epi8(x, f0);  // F0-F4 -> 0-4
    const __m128i lead4 = _mm_cmpeq_epi8(_mm_min_epu8(d, four), d);
    const __m128i other = _mm_or_si128(_mm_cmpeq_epi8(x, del), _mm_or_si128(_mm_cmpeq_epi8(x, c2), _mm_cmpeq_epi8(x, ef)));
    const int mask = _mm_movemask_epi8(_mm_or_si128(_mm_andnot_si128(kept, c0), _mm_or_si128(lead4, other)));
    if (mask != 0) return i + static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
    i += 16;
  }
#endif
  return FindFirstOf(s, i, kSuspect);
}

std::string ReplaceInvalidUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    const uint8_t c = At(s, i);
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
      ++i;
      continue;
    }
    // Length and the allowed range of the second byte (no overlongs, surrogates or > U+10FFFF).
    size_t len = 0;
    uint8_t lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    }
    size_t k = 1;
    if (len > 0 && i + 1 < n && At(s, i + 1) >= lo && At(s, i + 1) <= hi) {
      for (k = 2; k < len && i + k < n && At(s, i + k) >= 0x80 && At(s, i + k) <= 0xBF; ++k) {
      }
    }
    if (len > 0 && k == len) {
      out.append(s.data() + i, len);
    } else {
      out.append(kReplacement);  // the maximal subpart that could have started a character
    }
    i += k;
  }
  return out;
}

void InputStream::Reset(std::string_view input) {
  anchors_.clear();
  text_ = input;
  const size_t n = input.size();
  size_t i = 0;
  std::string_view by;
  // Fast path: find the first byte that really needs replacing.
  for (;; ++i) {
    i = NextSuspectByte(input, i);
    if (i == n) return;
    if (Replaced(input, i, &by) != 0) break;
  }
  copy_.clear();
  copy_.reserve(n + n / 64);
  size_t done = 0;  // input bytes copied so far
  while (i < n) {
    const size_t len = Replaced(input, i, &by);
    if (len == 0) {
      ++i;
    } else {
      copy_.append(input.data() + done, i - done);
      const auto at = static_cast<uint32_t>(copy_.size());
      copy_.append(by);
      if (by.empty()) {
        // A CR dropped before its LF: the LF's offset maps to the CR, so ranges that start
        // or end at the line break include the whole CR LF.
        anchors_.push_back({at, static_cast<uint32_t>(i)});
        anchors_.push_back({at + 1, static_cast<uint32_t>(i + 2)});
      } else if (by.size() != len) {
        anchors_.push_back({static_cast<uint32_t>(copy_.size()), static_cast<uint32_t>(i + len)});
      }
      i += len;
      done = i;
    }
    i = NextSuspectByte(input, i);
  }
  copy_.append(input.data() + done, n - done);
  text_ = copy_;
}

uint32_t InputStream::ToSource(uint32_t offset) const {
  if (anchors_.empty() || offset < anchors_.front().text_offset) return offset;
  auto it = std::upper_bound(anchors_.begin(), anchors_.end(), offset,
                             [](uint32_t o, const Anchor& a) { return o < a.text_offset; });
  --it;
  return it->source_offset + (offset - it->text_offset);
}

}  // namespace dossier::html
