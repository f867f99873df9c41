// HTML front door: bytes of a web page in, the article's blocks and the page's metadata out.
//
//   DecodeHtml   bytes (any charset, maybe gzip) -> valid UTF-8, with a map back to input bytes
//   ExtractArticle  UTF-8 HTML -> main-content blocks in reading order + metadata with evidence
//
// The pipeline (dossier/pipeline.h) turns an ExtractedArticle into a Document, so every later
// stage (entities, quotes, time) runs on HTML exactly as on crude text.
#ifndef DOSSIER_HTML_H_
#define DOSSIER_HTML_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dossier/offset_map.h"

namespace dossier {

// ---- input sniffing and decoding ----------------------------------------------------------------

// True if `bytes` start with the gzip magic (1f 8b).
bool IsGzip(std::string_view bytes);
// Decompresses a (possibly multi-member) gzip stream into `out`. At most `max_output` bytes are
// produced; returns false with a one-line reason in `error` on a corrupt or truncated stream or
// when the limit is hit.
bool Gunzip(std::string_view bytes, std::string* out, std::string* error,
            uint64_t max_output = uint64_t{1} << 31);
// True if the (decompressed) bytes look like an HTML document rather than plain text: a doctype,
// <html>, <head>, <body> or a few common tags near the start, after an optional BOM/whitespace.
bool LooksLikeHtml(std::string_view bytes);

struct DecodedHtml {
  std::string text;                 // valid UTF-8
  std::string charset;              // canonical name of the charset used ("UTF-8", "windows-1252", ...)
  // Where the charset came from: "bom", "http-header", "meta", "detected" or "default".
  std::string charset_evidence;
  // The charset the header or a <meta> declared (WHATWG name), empty when none was found. It
  // differs from `charset` when the bytes overruled the label ("detected").
  std::string declared_charset;
  uint32_t invalid_bytes_replaced = 0;  // input bytes that could not be decoded (U+FFFD written)
  // text byte offset -> input byte offset. For UTF-8 input this is one copied piece per run
  // between replacements; for other charsets one piece per converted run.
  OffsetMap offsets;
};

// Decodes an HTML page to UTF-8. `http_content_type` is the Content-Type header when known
// ("text/html; charset=iso-8859-1"). Order of evidence: BOM, then the header, then a
// <meta charset>/http-equiv prescan of the first 1024 bytes (per the HTML spec; labels mapped by
// the WHATWG Encoding Standard, so iso-8859-1 means windows-1252), then the bytes: BOM-less
// UTF-16, valid UTF-8, a <meta> further down the head, ICU detection, windows-1252. A declared
// label that the bytes contradict (e.g. "iso-8859-1" on valid multi-byte UTF-8, or "utf-8" on
// bytes that are mostly ill-formed UTF-8 and that the detector reads as windows-1252) loses to
// the evidence. Never fails; undecodable bytes become U+FFFD. Inputs must be under 4 GiB.
DecodedHtml DecodeHtml(std::string_view bytes, std::string_view http_content_type = {});
// The same into `*out`, whose text buffer is reused (a batch decodes page after page into one
// DecodedHtml without allocating and faulting in a fresh buffer each time).
void DecodeHtml(std::string_view bytes, std::string_view http_content_type, DecodedHtml* out);

// ---- main content and metadata ------------------------------------------------------------------

enum class HtmlBlockKind : uint8_t {
  kParagraph,
  kHeading,     // h1-h6 (level in ExtractedBlock::level)
  kListItem,
  kBlockquote,
  kTable,       // one table row per block; cells separated by " | "
  kCode,        // pre/code; whitespace kept
  kCaption,     // figcaption and caption-like elements
};
std::string_view HtmlBlockKindName(HtmlBlockKind kind);

// Where a piece of block text came from: text [text_begin, next piece's text_begin) was taken
// from input bytes [source_begin, source_end) of the decoded page (a text node, references and
// whitespace included), so spans inside a block map back to the page.
struct TextPiece {
  uint32_t text_begin = 0;
  uint32_t source_begin = 0;
  uint32_t source_end = 0;
};

struct ExtractedBlock {
  HtmlBlockKind kind = HtmlBlockKind::kParagraph;
  uint8_t level = 0;            // heading level 1-6, list nesting depth, 0 otherwise
  std::string text;             // whitespace collapsed (except kCode), references decoded
  std::vector<TextPiece> pieces;
  uint32_t source_begin = 0;    // byte range in DecodedHtml::text covered by the block
  uint32_t source_end = 0;
};

// A metadata value with the evidence it came from: "json-ld", "opengraph", "twitter", "meta",
// "microdata", "time", "byline", "title-tag", "h1", "url", "link", "html-lang", "text".
// An empty value means unknown.
struct MetaValue {
  std::string value;
  std::string evidence;
  bool known() const { return !value.empty(); }
};

struct PageMetadata {
  MetaValue title;
  std::vector<MetaValue> bylines;  // people only, one per person, "By" and roles stripped
  MetaValue published;             // ISO 8601 (YYYY-MM-DD or with time and zone as given)
  MetaValue modified;
  MetaValue site;                  // site name ("BBC News"), not the domain unless nothing else
  MetaValue url;                   // canonical URL
  MetaValue language;              // BCP 47 ("en", "en-GB")
  MetaValue description;
  MetaValue section;
  std::vector<MetaValue> tags;
  MetaValue image;
};

struct ExtractedArticle {
  PageMetadata metadata;
  std::vector<ExtractedBlock> blocks;  // main content, reading order
  std::string strategy;                // which strategy produced the blocks (for diagnostics)
};

struct ExtractOptions {
  std::string_view url;            // the page's URL when known (WARC, command line); may be empty
  bool reference_parser = false;   // parse with gumbo instead of our own parser
  uint32_t max_depth = 512;        // deeper elements are flattened into their ancestor
  uint64_t max_nodes = 5'000'000;  // the tree builder stops (tree kept) beyond this
};

// Extracts the article from a decoded page. Never throws; a page without an article gives an
// empty block list and whatever metadata was found.
ExtractedArticle ExtractArticle(std::string_view utf8_html, const ExtractOptions& options = {});

}  // namespace dossier

#endif  // DOSSIER_HTML_H_
