// DecodeHtml: which evidence decides the encoding, then the decoding itself.
//
// Order (the HTML spec's encoding sniffing, https://html.spec.whatwg.org/#encoding-sniffing-algorithm):
//   1. a byte order mark (UTF-8, UTF-16LE, UTF-16BE);
//   2. the charset of the HTTP Content-Type;
//   3. the <meta> prescan of the first 1024 bytes, then of the rest of the head (what the
//      spec's "change the encoding" does when the tree builder meets a later <meta>);
//   4. the bytes: BOM-less UTF-16, valid UTF-8, ICU's detector, and windows-1252 as the default.
// Evidence over labels: a declared legacy encoding loses to bytes that are valid UTF-8 with
// multi-byte characters in them (no legacy text is valid UTF-8 by accident for long), and a
// declared UTF-8 loses when most non-ASCII sequences are ill-formed and the detector names
// another encoding. A few stray bad bytes in a UTF-8 page stay UTF-8, replaced by U+FFFD.
#include "dossier/html.h"
#include "html/decode_internal.h"

namespace dossier {
namespace {

using html::Encoding;
using html::EncodingKind;

// The late <meta> scan stops at <body>, or after this many bytes of head.
constexpr size_t kLatePrescanLimit = 512 * 1024;
// A declared UTF-8 gives way only when ill-formed sequences outnumber well-formed multi-byte ones
// this many times over, and the detector names another encoding with at least this confidence.
constexpr size_t kUtf8InvalidRatio = 2;
constexpr int kMinDetectorConfidence = 20;

// Multi-byte UTF-8 sequences needed (with no ill-formed one) to overrule a declared legacy
// encoding. In single-byte text a non-ASCII letter followed by the right symbol is rare and any
// lone accented letter breaks UTF-8; two-byte CJK encodings form valid UTF-8 pairs more often.
size_t Utf8EvidenceNeeded(Encoding declared) {
  return html::KindOf(declared) == EncodingKind::kSingleByte ? 1 : 4;
}

// `valid_utf8`: the bytes from `begin` on are known to be valid UTF-8 (copied without a rescan).
void Finish(std::string_view bytes, size_t begin, Encoding e, std::string_view evidence,
            DecodedHtml* out, bool valid_utf8 = false) {
  out->charset = std::string(html::EncodingName(e));
  out->charset_evidence = std::string(evidence);
  if (e == Encoding::kUtf8 && valid_utf8) {
    html::CopyValidUtf8(bytes, begin, out);
  } else if (e == Encoding::kUtf8) {
    html::DecodeUtf8Into(bytes, begin, out);
  } else {
    html::DecodeLegacyInto(bytes, begin, e, out);
  }
}

// A declared UTF-16 without a BOM is followed only if the bytes look like UTF-16; the byte order
// is the one the NULs show.
bool Utf16LabelFits(std::string_view bytes, Encoding* declared) {
  bool big_endian = false;
  if (!html::LooksLikeUtf16(bytes, &big_endian)) return false;
  *declared = big_endian ? Encoding::kUtf16Be : Encoding::kUtf16Le;
  return true;
}

// True if the label can be followed at all: the "replacement" encoding (labels such as
// iso-2022-kr, which browsers refuse to decode) and a UTF-16 label on bytes that are not UTF-16
// leave the decision to the next evidence.
bool Usable(std::string_view bytes, Encoding* declared) {
  switch (html::KindOf(*declared)) {
    case EncodingKind::kReplacement:
      return false;
    case EncodingKind::kUtf16:
      return Utf16LabelFits(bytes, declared);
    default:
      return true;
  }
}

// Decodes following a usable declaration, unless the bytes contradict it.
void DecodeDeclared(std::string_view bytes, Encoding declared, std::string_view evidence,
                    DecodedHtml* out) {
  if (declared == Encoding::kUtf8) {
    if (html::ScanUtf8(bytes).valid_prefix == bytes.size()) {
      Finish(bytes, 0, Encoding::kUtf8, evidence, out, /*valid_utf8=*/true);
      return;
    }
    const html::Utf8Stats stats = html::CountUtf8(bytes);
    if (stats.invalid > kUtf8InvalidRatio * stats.multibyte) {
      const html::Detection d = html::DetectCharset(bytes);
      if (d.found && d.encoding != Encoding::kUtf8 && d.confidence >= kMinDetectorConfidence) {
        Finish(bytes, 0, d.encoding, "detected", out);
        return;
      }
    }
    Finish(bytes, 0, Encoding::kUtf8, evidence, out);
    return;
  }
  if (html::KindOf(declared) != EncodingKind::kUtf16) {
    const html::Utf8Scan scan = html::ScanUtf8(bytes);
    if (scan.valid_prefix == bytes.size() && scan.multibyte >= Utf8EvidenceNeeded(declared)) {
      Finish(bytes, 0, Encoding::kUtf8, "detected", out, /*valid_utf8=*/true);
      return;
    }
  }
  Finish(bytes, 0, declared, evidence, out);
}

// Nothing usable was declared: the bytes decide. `scan` is ScanUtf8(bytes).
void DecodeUndeclared(std::string_view bytes, const html::Utf8Scan& scan, DecodedHtml* out) {
  if (scan.valid_prefix == bytes.size()) {
    // Pure ASCII decodes the same in every ASCII-compatible encoding; UTF-8 is the default then.
    Finish(bytes, 0, Encoding::kUtf8, scan.multibyte > 0 ? "detected" : "default", out,
           /*valid_utf8=*/true);
    return;
  }
  const html::Utf8Stats stats = html::CountUtf8(bytes);
  if (stats.multibyte > 0 && stats.multibyte >= stats.invalid) {
    Finish(bytes, 0, Encoding::kUtf8, "detected", out);
    return;
  }
  const html::Detection d = html::DetectCharset(bytes);
  if (d.found) {
    Finish(bytes, 0, d.encoding, "detected", out);
    return;
  }
  Finish(bytes, 0, Encoding::kWindows1252, "default", out);  // the spec's default for most locales
}

}  // namespace

namespace {

// The body of DecodeHtml, into `*result` (fresh, or cleared with its text buffer kept).
void DecodeInto(std::string_view bytes, std::string_view http_content_type, DecodedHtml* result) {
  DecodedHtml& out = *result;
  // 1. A byte order mark wins over everything.
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    Finish(bytes, 3, Encoding::kUtf8, "bom", &out);
    return;
  }
  if (bytes.size() >= 2 && bytes.substr(0, 2) == "\xFF\xFE") {
    Finish(bytes, 2, Encoding::kUtf16Le, "bom", &out);
    return;
  }
  if (bytes.size() >= 2 && bytes.substr(0, 2) == "\xFE\xFF") {
    Finish(bytes, 2, Encoding::kUtf16Be, "bom", &out);
    return;
  }
  // 2. The transport layer's label.
  Encoding declared;
  const std::string header_label = html::CharsetParameter(http_content_type);
  if (!header_label.empty() && html::EncodingForLabel(header_label, &declared)) {
    out.declared_charset = std::string(html::EncodingName(declared));
    if (Usable(bytes, &declared)) {
      DecodeDeclared(bytes, declared, "http-header", &out);
      return;
    }
  }
  // 3. The document's own <meta> in the first 1024 bytes (the spec's prescan).
  const html::PrescanResult meta = html::PrescanMeta(bytes, 1024);
  if (meta.found) {
    declared = meta.encoding;
    if (meta.utf16_xml_declaration) {  // "<?xml" in UTF-16: the bytes themselves say so
      Finish(bytes, 0, declared, "detected", &out);
      return;
    }
    if (out.declared_charset.empty()) out.declared_charset = std::string(html::EncodingName(declared));
    if (Usable(bytes, &declared)) {
      DecodeDeclared(bytes, declared, "meta", &out);
      return;
    }
  }
  // 4. The bytes, and a <meta> further down the head.
  if (bytes.empty()) {
    out.charset = "UTF-8";
    out.charset_evidence = "default";
    return;
  }
  bool big_endian = false;
  if (html::LooksLikeUtf16(bytes, &big_endian)) {
    Finish(bytes, 0, big_endian ? Encoding::kUtf16Be : Encoding::kUtf16Le, "detected", &out);
    return;
  }
  const html::Utf8Scan scan = html::ScanUtf8(bytes);
  // Valid UTF-8 is decoded as UTF-8 whatever a later <meta> says: a single-byte label would lose
  // to the multi-byte evidence, and pure ASCII is the same text either way. So the late scan is
  // skipped and the common case stays one validation pass and a copy. (A CJK label further down
  // a page whose 1-3 multi-byte sequences all happen to be valid UTF-8 is overruled too.) The
  // exception is 7-bit ISO-2022-JP: ASCII with escape sequences.
  const bool ascii_with_escapes =
      scan.multibyte == 0 && bytes.find('\x1B') != std::string_view::npos;
  if (!meta.found && (scan.valid_prefix != bytes.size() || ascii_with_escapes)) {
    const html::PrescanResult late = html::PrescanMeta(bytes, kLatePrescanLimit, /*late=*/true);
    if (late.found && !late.utf16_xml_declaration) {
      declared = late.encoding;
      if (out.declared_charset.empty()) out.declared_charset = std::string(html::EncodingName(declared));
      if (Usable(bytes, &declared)) {
        DecodeDeclared(bytes, declared, "meta", &out);
        return;
      }
    }
  }
  DecodeUndeclared(bytes, scan, &out);
}

}  // namespace

DecodedHtml DecodeHtml(std::string_view bytes, std::string_view http_content_type) {
  DecodedHtml out;
  DecodeInto(bytes, http_content_type, &out);
  return out;
}

void DecodeHtml(std::string_view bytes, std::string_view http_content_type, DecodedHtml* out) {
  std::string text = std::move(out->text);  // keeps its capacity for this page
  text.clear();
  *out = DecodedHtml{};
  out->text = std::move(text);
  DecodeInto(bytes, http_content_type, out);
}

}  // namespace dossier
