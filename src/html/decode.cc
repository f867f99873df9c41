// DecodeHtml. Placeholder until the charset detector lands: treats the bytes as UTF-8 and replaces
// invalid sequences with U+FFFD, mapping offsets back.
#include "dossier/html.h"

#include <unicode/utf8.h>

namespace dossier {

DecodedHtml DecodeHtml(std::string_view bytes, std::string_view http_content_type) {
  DecodedHtml out;
  out.charset = "UTF-8";
  out.charset_evidence = "default";
  size_t start = 0;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    start = 3;
    out.charset_evidence = "bom";
  }
  out.text.reserve(bytes.size() - start);
  size_t run = start;
  int32_t i = static_cast<int32_t>(start);
  const auto n = static_cast<int32_t>(bytes.size());
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  while (i < n) {
    const int32_t at = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) {
      if (static_cast<size_t>(at) > run) {
        out.offsets.AddCopy(static_cast<uint32_t>(out.text.size()), run, static_cast<uint32_t>(at - run));
        out.text.append(bytes.substr(run, at - run));
      }
      out.offsets.AddReplacement(static_cast<uint32_t>(out.text.size()), 3, at, i - at);
      out.text.append("\xEF\xBF\xBD");
      ++out.invalid_bytes_replaced;
      run = static_cast<size_t>(i);
    }
  }
  if (bytes.size() > run) {
    out.offsets.AddCopy(static_cast<uint32_t>(out.text.size()), run, static_cast<uint32_t>(bytes.size() - run));
    out.text.append(bytes.substr(run));
  }
  return out;
}

}  // namespace dossier
