// Input preprocessing for the HTML parser, done once before tokenizing so the tokenizer's inner
// loops only look for '<', '&' and NUL.
//
// Mirrors gumbo 0.10.1's UTF-8 reader (which the differential test compares against):
//  - CR LF and a lone CR become LF (the spec's newline normalisation);
//  - C0 controls other than tab, LF, FF and CR, DEL, the C1 controls U+0080-U+009F and the
//    Unicode noncharacters (U+FDD0-U+FDEF, U+xFFFE, U+xFFFF) become U+FFFD. The spec only calls
//    these parse errors; gumbo replaces them, and so do we.
//  - NUL is left for the tokenizer, whose handling depends on the state.
//  - A leading byte order mark is NOT removed: gumbo keeps it as text (removing it is the
//    decoder's job, before parsing).
// Input that is not valid UTF-8 is passed through byte for byte (the parser never crashes on it,
// but the tree may then hold invalid UTF-8); callers decode first.
//
// When nothing needs replacing (the common case) the text is the input itself; otherwise a copy,
// with a map from its offsets back to input offsets for the nodes' source ranges.
#ifndef DOSSIER_HTML_INPUT_STREAM_H_
#define DOSSIER_HTML_INPUT_STREAM_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::html {

// `bytes` with every invalid UTF-8 sequence replaced by U+FFFD, one per maximal invalid subpart
// (the WHATWG decoder's rule, also gumbo's). For callers and tests that start from raw bytes;
// ParseHtml itself expects valid UTF-8.
std::string ReplaceInvalidUtf8(std::string_view bytes);

// Index of the first byte of s[i, end) that may start something to replace (CR, the C0 controls
// other than NUL, tab, LF and FF, DEL, and the lead bytes C2, EF, F0-F4), or s.size(). SSE2 where
// the compiler has it; the Reference form is the plain table scan it is tested against.
size_t NextSuspectByte(std::string_view s, size_t i);
size_t NextSuspectByteReference(std::string_view s, size_t i);

class InputStream {
 public:
  void Reset(std::string_view input);

  std::string_view text() const { return text_; }
  // Offset in the preprocessed text -> offset in the original input.
  uint32_t ToSource(uint32_t offset) const;
  bool changed_length() const { return !anchors_.empty(); }

 private:
  struct Anchor {
    uint32_t text_offset;
    uint32_t source_offset;
  };
  std::string_view text_;
  std::string copy_;
  std::vector<Anchor> anchors_;  // one after every replacement that changed the length
};

}  // namespace dossier::html

#endif  // DOSSIER_HTML_INPUT_STREAM_H_
