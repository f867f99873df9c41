// LooksLikeHtml: tell an HTML page from crude text by its first bytes, not by its file name.
#include <algorithm>
#include <array>
#include <string>

#include "dossier/html.h"
#include "html/decode_internal.h"
#include "util/ascii.h"

namespace dossier {
namespace {

inline bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// The ASCII view of the first `limit` characters of UTF-16 text (other characters become '?').
std::string NarrowUtf16(std::string_view bytes, bool big_endian, size_t limit) {
  std::string out;
  for (size_t i = 0; i + 1 < bytes.size() && out.size() < limit; i += 2) {
    const auto hi = static_cast<unsigned char>(bytes[i + (big_endian ? 0 : 1)]);
    const auto lo = static_cast<unsigned char>(bytes[i + (big_endian ? 1 : 0)]);
    out.push_back(hi == 0 && lo < 0x80 ? static_cast<char>(lo) : '?');
  }
  return out;
}

// True if `tag` (lowercase, e.g. "<html") starts at s[i] and is followed by the end of the tag
// name (whitespace, '>', '/', or the end of the prefix), so "<header" is not "<head".
bool TagAt(std::string_view s, size_t i, std::string_view tag) {
  if (s.size() - i < tag.size() || s.compare(i, tag.size(), tag) != 0) return false;
  const size_t after = i + tag.size();
  return after == s.size() || IsSpace(s[after]) || s[after] == '>' || s[after] == '/';
}

}  // namespace

bool LooksLikeHtml(std::string_view bytes) {
  constexpr size_t kPrefix = 4096;
  // The prefix in lowercase ASCII, whatever the BOM or byte order.
  std::string head;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    head = std::string(bytes.substr(3, kPrefix));
  } else if (bytes.substr(0, 2) == "\xFF\xFE") {
    head = NarrowUtf16(bytes.substr(2), false, kPrefix);
  } else if (bytes.substr(0, 2) == "\xFE\xFF") {
    head = NarrowUtf16(bytes.substr(2), true, kPrefix);
  } else if (bool be = false; html::LooksLikeUtf16(bytes, &be)) {
    head = NarrowUtf16(bytes, be, kPrefix);
  } else {
    head = std::string(bytes.substr(0, kPrefix));
  }
  std::transform(head.begin(), head.end(), head.begin(), AsciiLowerChar);

  // Skip what may precede the first element: whitespace, comments, an XML declaration or other
  // processing instructions, and conditional-comment debris.
  size_t i = 0;
  bool xml_declaration = false;
  for (;;) {
    while (i < head.size() && IsSpace(head[i])) ++i;
    if (head.compare(i, 4, "<!--") == 0) {
      const size_t end = head.find("-->", i + 4);
      if (end == std::string::npos) return false;  // a comment longer than the prefix: no verdict
      i = end + 3;
      continue;
    }
    if (head.compare(i, 2, "<?") == 0) {
      xml_declaration = xml_declaration || head.compare(i, 5, "<?xml") == 0;
      const size_t end = head.find('>', i + 2);
      if (end == std::string::npos) return false;
      i = end + 1;
      continue;
    }
    break;
  }
  const std::string_view rest = std::string_view(head).substr(i);
  // A page nearly always opens with a doctype or the root element.
  if (rest.starts_with("<!doctype")) {
    size_t k = 9;
    while (k < rest.size() && IsSpace(rest[k])) ++k;
    if (rest.substr(k).starts_with("html")) return true;
  }
  if (TagAt(rest, 0, "<html") || TagAt(rest, 0, "<head") || TagAt(rest, 0, "<body")) return true;
  // An XML document whose root is not <html> (RSS, Atom, SVG) is not a page.
  if (xml_declaration) return false;
  // Otherwise: markup that crude text does not contain, near the start.
  static constexpr std::array<std::string_view, 12> kTags = {
      "<html", "<head", "<body", "<meta", "<title", "<div", "<p", "<link", "<script", "<style",
      "<table", "<br"};
  for (std::string_view tag : kTags) {
    if (TagAt(rest, 0, tag)) return true;  // a fragment that opens with a known tag
  }
  int found = 0;
  for (std::string_view tag : kTags) {
    for (size_t p = rest.find(tag); p != std::string_view::npos; p = rest.find(tag, p + 1)) {
      if (TagAt(rest, p, tag)) {
        ++found;
        break;
      }
    }
  }
  // A document that opens with another tag needs one known tag; text needs three, so prose that
  // mentions "<p>" or "<div>" is still text.
  return rest.starts_with("<") ? found >= 1 : found >= 3;
}

}  // namespace dossier
