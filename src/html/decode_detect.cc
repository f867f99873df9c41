// Evidence from the bytes themselves: ICU's charset detector, and BOM-less UTF-16.
#include <unicode/ucsdet.h>

#include <algorithm>
#include <memory>

#include "html/decode_internal.h"

namespace dossier::html {

Detection DetectCharset(std::string_view bytes) {
  Detection result;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> det(ucsdet_open(&status), &ucsdet_close);
  if (U_FAILURE(status) || !det) return result;
  // Markup (tags) is filtered out so that ASCII tag soup does not drown the text's statistics.
  ucsdet_enableInputFilter(det.get(), true);
  // The detector's statistics settle long before this; bounded so huge inputs cost nothing more.
  constexpr size_t kSample = 1 << 18;
  ucsdet_setText(det.get(), bytes.data(), static_cast<int32_t>(std::min(bytes.size(), kSample)), &status);
  int32_t count = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(det.get(), &count, &status);
  if (U_FAILURE(status)) return result;
  for (int32_t k = 0; k < count; ++k) {
    UErrorCode s = U_ZERO_ERROR;
    const char* name = ucsdet_getName(matches[k], &s);
    const int32_t confidence = ucsdet_getConfidence(matches[k], &s);
    Encoding e;
    if (U_FAILURE(s) || name == nullptr || !EncodingForDetectorName(name, &e)) continue;  // UTF-32, EBCDIC
    if (KindOf(e) == EncodingKind::kUtf16) continue;  // BOM-less UTF-16 is LooksLikeUtf16's call
    result.found = true;
    result.encoding = e;
    result.confidence = confidence;
    return result;
  }
  return result;
}

bool LooksLikeUtf16(std::string_view bytes, bool* big_endian) {
  // Mostly-ASCII markup in UTF-16 has a NUL in every other byte. Count NULs at even and odd
  // positions over the first 1 KiB; one side must be nearly all NUL and the other nearly none.
  const size_t n = std::min<size_t>(bytes.size(), 1024) & ~size_t{1};
  if (n < 8) return false;
  size_t even = 0, odd = 0;
  for (size_t i = 0; i < n; i += 2) {
    even += bytes[i] == 0;
    odd += bytes[i + 1] == 0;
  }
  const size_t pairs = n / 2;
  if (odd * 10 >= pairs * 7 && even * 10 <= pairs) {
    *big_endian = false;
    return true;
  }
  if (even * 10 >= pairs * 7 && odd * 10 <= pairs) {
    *big_endian = true;
    return true;
  }
  return false;
}

}  // namespace dossier::html
