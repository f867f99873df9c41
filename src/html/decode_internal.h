// Pieces of DecodeHtml (src/html/decode*.cc), exposed for the tests.
//
//   decode_labels.cc   WHATWG Encoding Standard: label -> encoding, and how each is decoded
//   decode_prescan.cc  the HTML spec's <meta> prescan and the Content-Type charset parameter
//   decode_utf8.cc     UTF-8 validation (ASCII fast path) and decoding with U+FFFD + offsets
//   decode_convert.cc  every other encoding: single-byte tables and ICU converters, with offsets
//   decode_detect.cc   byte statistics and ICU charset detection (ucsdet)
//   decode.cc          DecodeHtml: which evidence wins
#ifndef DOSSIER_HTML_DECODE_INTERNAL_H_
#define DOSSIER_HTML_DECODE_INTERNAL_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "dossier/html.h"

namespace dossier::html {

// ---- encodings (decode_labels.cc) ---------------------------------------------------------------

// The encodings of the WHATWG Encoding Standard, plus two that only the detector can choose
// (ICU decodes them; the standard maps their labels to "replacement").
enum class Encoding : uint8_t {
  kUtf8,
  kIbm866,
  kIso8859_2, kIso8859_3, kIso8859_4, kIso8859_5, kIso8859_6, kIso8859_7, kIso8859_8,
  kIso8859_8I, kIso8859_10, kIso8859_13, kIso8859_14, kIso8859_15, kIso8859_16,
  kKoi8R, kKoi8U, kMacintosh, kWindows874,
  kWindows1250, kWindows1251, kWindows1252, kWindows1253, kWindows1254, kWindows1255,
  kWindows1256, kWindows1257, kWindows1258, kXMacCyrillic,
  kGbk, kGb18030, kBig5, kEucJp, kIso2022Jp, kShiftJis, kEucKr,
  kReplacement,
  kUtf16Be, kUtf16Le,
  kXUserDefined,
  kIso2022Kr, kIso2022Cn,  // detector only
  kCount,
};

enum class EncodingKind : uint8_t {
  kUtf8,
  kUtf16,
  kSingleByte,   // ASCII-compatible, one byte per character: decoded by a 128-entry table
  kMultiByte,    // decoded by an ICU converter
  kReplacement,  // the standard's "replacement" encoding: a label we cannot decode by
};

// Canonical (WHATWG) name: "UTF-8", "windows-1252", "Shift_JIS", "GBK", ...
std::string_view EncodingName(Encoding e);
EncodingKind KindOf(Encoding e);
// ICU converter name for kSingleByte and kMultiByte encodings (nullptr for ISO-8859-16 and
// x-user-defined, whose tables are built in).
const char* IcuConverterName(Encoding e);
// "Get an encoding" (Encoding Standard): trims ASCII whitespace, matches the label ASCII
// case-insensitively. False for an unknown label.
bool EncodingForLabel(std::string_view label, Encoding* out);
// A charset name as ICU's detector reports it ("ISO-8859-1", "GB18030", "ISO-2022-KR", ...).
bool EncodingForDetectorName(std::string_view name, Encoding* out);
// For tests: the label table is sorted (binary search) and complete (the 228 labels of the standard).
bool LabelTableIsSorted();
size_t LabelCount();

// ---- declarations (decode_prescan.cc) -----------------------------------------------------------

struct PrescanResult {
  bool found = false;
  Encoding encoding = Encoding::kUtf8;
  size_t position = 0;  // byte offset of the <meta> (or of the XML declaration) that declared it
  bool utf16_xml_declaration = false;  // found by the UTF-16 "<?x" check, not a <meta>
};

// The HTML spec's "prescan a byte stream to determine its encoding" over bytes[0, limit):
// comments, <!...>, </...> and <?...> skipped, attributes of every tag parsed, the first <meta>
// with charset= or http-equiv=content-type + content="...charset=..." wins. UTF-16 labels in a
// <meta> become UTF-8 and x-user-defined becomes windows-1252, as the spec says.
// `late` emulates what the tree builder does with a <meta> found after the first 1024 bytes (the
// spec's "change the encoding"): the scan also skips the content of raw-text elements (script,
// style, title, ...) and ends at the <body> start tag.
PrescanResult PrescanMeta(std::string_view bytes, size_t limit, bool late = false);

// "Extracting a character encoding from a meta element" on a content attribute value
// ("text/html; charset=koi8-r").
bool CharsetFromMetaContent(std::string_view content, Encoding* out);

// The charset parameter of a Content-Type header value (MIME parameter syntax, quoted strings
// allowed). Returns the raw label (empty when none).
std::string CharsetParameter(std::string_view content_type);

// ---- UTF-8 (decode_utf8.cc) ---------------------------------------------------------------------

// One UTF-8 sequence: DecodeUtf8Char of util/utf8.h.

struct Utf8Scan {
  size_t valid_prefix = 0;  // bytes before the first ill-formed sequence (== size when valid)
  size_t multibyte = 0;     // well-formed sequences of 2-4 bytes in the valid prefix
};
// Validates `bytes` until the first ill-formed sequence: ASCII 32 bytes at a time.
Utf8Scan ScanUtf8(std::string_view bytes);

struct Utf8Stats {
  size_t multibyte = 0;  // well-formed multi-byte sequences
  size_t invalid = 0;    // maximal subparts that would become U+FFFD
};
// Counts over the whole input (for deciding between UTF-8 and a legacy encoding).
Utf8Stats CountUtf8(std::string_view bytes);

// Appends bytes[begin, end), known to be valid UTF-8, as one copied piece.
void CopyValidUtf8(std::string_view bytes, size_t begin, DecodedHtml* out);
// Appends bytes[begin, end) decoded as UTF-8 to out->text, U+FFFD per maximal subpart (counted in
// out->invalid_bytes_replaced); valid runs are copied and mapped by one piece each.
void DecodeUtf8Into(std::string_view bytes, size_t begin, DecodedHtml* out);

// ---- other encodings (decode_convert.cc) --------------------------------------------------------

// Decodes bytes[begin, end) from `e` (any kind but kUtf8 and kReplacement) into out->text with
// offsets: ASCII runs of ASCII-compatible encodings are one copied piece, every other character
// one piece mapped to the input bytes it came from. Undecodable sequences become U+FFFD (counted).
void DecodeLegacyInto(std::string_view bytes, size_t begin, Encoding e, DecodedHtml* out);

// ---- detection (decode_detect.cc) ---------------------------------------------------------------

struct Detection {
  bool found = false;
  Encoding encoding = Encoding::kWindows1252;
  int confidence = 0;  // ICU's 0-100
};
// ICU's charset detector over (a prefix of) the bytes with markup filtered out; the best match
// that we can decode. UTF-32 and EBCDIC answers are skipped, and so is UTF-16 (without a BOM the
// detector only guesses it from NULs; LooksLikeUtf16 does that better).
Detection DetectCharset(std::string_view bytes);

// True if the bytes look like BOM-less UTF-16 of a mostly-ASCII document (NUL in every other byte
// near the start); *big_endian says which byte is the NUL.
bool LooksLikeUtf16(std::string_view bytes, bool* big_endian);

}  // namespace dossier::html

#endif  // DOSSIER_HTML_DECODE_INTERNAL_H_
