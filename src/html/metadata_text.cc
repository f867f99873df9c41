// Text helpers of the metadata extractor: whitespace, character references, case folding, element text.
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "html/metadata_internal.h"
#include "util/ascii.h"
#include "util/utf8.h"

namespace dossier::html::meta {
namespace {

// Length of a whitespace character at s[i] (0 if none); `drop` is set for invisible characters
// that should vanish rather than become a space (zero-width space, BOM, soft hyphen).
size_t SpaceAt(std::string_view s, size_t i, bool* drop) {
  *drop = false;
  const auto c = static_cast<unsigned char>(s[i]);
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
  if (c < 0xC2 || i + 1 >= s.size()) return 0;
  const auto c1 = static_cast<unsigned char>(s[i + 1]);
  if (c == 0xC2) {
    if (c1 == 0xA0 || c1 == 0x85) return 2;
    if (c1 == 0xAD) { *drop = true; return 2; }
    return 0;
  }
  if (i + 2 >= s.size()) return 0;
  const auto c2 = static_cast<unsigned char>(s[i + 2]);
  if (c == 0xE2 && c1 == 0x80) {
    if (c2 >= 0x80 && c2 <= 0x8A) return 3;        // U+2000..U+200A
    if (c2 == 0x8B) { *drop = true; return 3; }     // U+200B zero-width space
    if (c2 == 0xA8 || c2 == 0xA9 || c2 == 0xAF) return 3;  // U+2028, U+2029, U+202F
    return 0;
  }
  if (c == 0xE2 && c1 == 0x81 && c2 == 0x9F) return 3;  // U+205F
  if (c == 0xE3 && c1 == 0x80 && c2 == 0x80) return 3;  // U+3000
  if (c == 0xE1 && c1 == 0x9A && c2 == 0x80) return 3;  // U+1680
  if (c == 0xEF && c1 == 0xBB && c2 == 0xBF) { *drop = true; return 3; }  // BOM
  return 0;
}

// Escapes in metadata may name anything: NUL, surrogates and values past U+10FFFF become U+FFFD.
void AppendCheckedUtf8(uint32_t cp, std::string* out) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  AppendUtf8(static_cast<char32_t>(cp), out);
}

struct NamedReference {
  const char* name;
  uint32_t cp;
};
// The references that occur in metadata strings in practice (JSON-LD written from HTML-escaped text).
constexpr NamedReference kNamed[] = {
    {"amp", '&'},      {"lt", '<'},         {"gt", '>'},         {"quot", '"'},      {"apos", '\''},
    {"nbsp", 0xA0},    {"ndash", 0x2013},   {"mdash", 0x2014},   {"hellip", 0x2026}, {"lsquo", 0x2018},
    {"rsquo", 0x2019}, {"sbquo", 0x201A},   {"ldquo", 0x201C},   {"rdquo", 0x201D},  {"bdquo", 0x201E},
    {"laquo", 0xAB},   {"raquo", 0xBB},     {"copy", 0xA9},      {"reg", 0xAE},      {"trade", 0x2122},
    {"middot", 0xB7},  {"bull", 0x2022},    {"deg", 0xB0},       {"euro", 0x20AC},   {"pound", 0xA3},
    {"aacute", 0xE1},  {"agrave", 0xE0},    {"acirc", 0xE2},     {"atilde", 0xE3},   {"auml", 0xE4},
    {"aring", 0xE5},   {"ccedil", 0xE7},    {"eacute", 0xE9},    {"egrave", 0xE8},   {"ecirc", 0xEA},
    {"euml", 0xEB},    {"iacute", 0xED},    {"igrave", 0xEC},    {"icirc", 0xEE},    {"iuml", 0xEF},
    {"ntilde", 0xF1},  {"oacute", 0xF3},    {"ograve", 0xF2},    {"ocirc", 0xF4},    {"otilde", 0xF5},
    {"ouml", 0xF6},    {"oslash", 0xF8},    {"uacute", 0xFA},    {"ugrave", 0xF9},   {"ucirc", 0xFB},
    {"uuml", 0xFC},    {"yacute", 0xFD},    {"szlig", 0xDF},     {"Aacute", 0xC1},   {"Agrave", 0xC0},
    {"Auml", 0xC4},    {"Ccedil", 0xC7},    {"Eacute", 0xC9},    {"Egrave", 0xC8},   {"Iacute", 0xCD},
    {"Ntilde", 0xD1},  {"Oacute", 0xD3},    {"Ouml", 0xD6},      {"Uacute", 0xDA},   {"Uuml", 0xDC},
};

bool IsBlockTag(std::string_view tag) {
  static constexpr std::string_view kBlocks[] = {
      "p",    "div",  "br",     "li",      "ul",     "ol",     "dl",      "dt",  "dd",   "h1",
      "h2",   "h3",   "h4",     "h5",      "h6",     "tr",     "td",      "th",  "table", "blockquote",
      "pre",  "section", "article", "header", "footer", "figure", "figcaption", "address", "nav",
      "aside", "main", "hr",    "time"};
  return std::find(std::begin(kBlocks), std::end(kBlocks), tag) != std::end(kBlocks);
}

}  // namespace

std::string CollapseWhitespaceReference(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  for (size_t i = 0; i < s.size();) {
    bool drop = false;
    const size_t n = SpaceAt(s, i, &drop);
    if (n) {
      if (!drop && !out.empty()) pending_space = true;
      i += n;
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(s[i++]);
  }
  return out;
}

namespace {
// Bytes that may start a whitespace character of SpaceAt: ASCII whitespace and the lead bytes of
// U+0085/U+00A0/U+00AD (C2), U+1680 (E1), U+2000.. (E2), U+3000 (E3) and the BOM (EF). Runs of
// other bytes are copied whole.
constexpr std::array<bool, 256> MakeMaySpace() {
  std::array<bool, 256> t{};
  for (unsigned char c : {' ', '\t', '\n', '\r', '\f', '\v'}) t[c] = true;
  for (int c : {0xC2, 0xE1, 0xE2, 0xE3, 0xEF}) t[c] = true;
  return t;
}
constexpr std::array<bool, 256> kMaySpace = MakeMaySpace();
}  // namespace

std::string CollapseWhitespace(std::string_view s) {
  // The output is never longer than the input (a space is written only for whitespace consumed),
  // so it is written in place and cut to size at the end.
  std::string out(s.size(), '\0');
  char* const begin = out.data();
  char* o = begin;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  bool pending_space = false;
  size_t i = 0;
  while (i < n) {
    size_t j = i;
    while (j < n && !kMaySpace[p[j]]) ++j;
    if (j == i) {
      bool drop = false;
      const size_t len = SpaceAt(s, i, &drop);
      if (len) {
        if (!drop && o != begin) pending_space = true;
        i += len;
        continue;
      }
      j = i + 1;  // a lead byte that starts no whitespace character: copied like the others
    }
    if (pending_space) *o++ = ' ';
    pending_space = false;
    std::memcpy(o, p + i, j - i);
    o += j - i;
    i = j;
  }
  out.resize(static_cast<size_t>(o - begin));
  return out;
}

std::string DecodeReferences(std::string_view s) {
  if (s.find('&') == std::string_view::npos) return std::string(s);
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    if (s[i] != '&') {
      out.push_back(s[i++]);
      continue;
    }
    const size_t semi = s.find(';', i + 1);
    if (semi != std::string_view::npos && semi - i <= 10 && semi > i + 1) {
      std::string_view body = s.substr(i + 1, semi - i - 1);
      if (body[0] == '#') {
        uint32_t cp = 0;
        bool ok = body.size() > 1;
        const bool hex = ok && (body[1] == 'x' || body[1] == 'X');
        for (size_t k = hex ? 2 : 1; ok && k < body.size(); ++k) {
          const char c = body[k];
          int digit = -1;
          if (c >= '0' && c <= '9') digit = c - '0';
          else if (hex && c >= 'a' && c <= 'f') digit = c - 'a' + 10;
          else if (hex && c >= 'A' && c <= 'F') digit = c - 'A' + 10;
          if (digit < 0) ok = false;
          else cp = std::min<uint32_t>(cp * (hex ? 16 : 10) + static_cast<uint32_t>(digit), 0x110000);
        }
        if (ok && body.size() > (hex ? 2u : 1u)) {
          AppendCheckedUtf8(cp, &out);
          i = semi + 1;
          continue;
        }
      } else {
        for (const NamedReference& r : kNamed) {
          if (body == r.name) {
            AppendCheckedUtf8(r.cp, &out);
            i = semi + 1;
            goto next;
          }
        }
      }
    }
    out.push_back(s[i++]);
  next:;
  }
  return out;
}

std::string CleanText(std::string_view s) { return CollapseWhitespace(DecodeReferences(s)); }

std::string Fold(std::string_view s) {
  bool ascii = true;
  for (char c : s) ascii &= static_cast<unsigned char>(c) < 0x80;
  if (ascii) return AsciiLower(s);
  std::string out;
  icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())))
      .foldCase()
      .toUTF8String(out);
  return out;
}

std::string FoldAlnum(std::string_view s) {
  const std::string folded = Fold(s);
  std::string out;
  out.reserve(folded.size());
  int32_t i = 0;
  const auto* p = reinterpret_cast<const uint8_t*>(folded.data());
  const auto n = static_cast<int32_t>(folded.size());
  while (i < n) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c >= 0 && u_isalnum(c)) out.append(folded, static_cast<size_t>(start), static_cast<size_t>(i - start));
  }
  return out;
}

bool HasToken(std::string_view attr, std::string_view token) {
  // `token` is lower-case; the attribute is compared case-insensitively, without copying it.
  size_t i = 0;
  while (i < attr.size()) {
    while (i < attr.size() && (attr[i] == ' ' || attr[i] == '\t' || attr[i] == '\n')) ++i;
    size_t j = i;
    while (j < attr.size() && attr[j] != ' ' && attr[j] != '\t' && attr[j] != '\n') ++j;
    if (j - i == token.size()) {
      size_t k = 0;
      while (k < token.size()) {
        char c = attr[i + k];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != token[k]) break;
        ++k;
      }
      if (k == token.size()) return true;
    }
    i = j;
  }
  return false;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}
bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool ContainsAsciiCi(std::string_view haystack, std::string_view needle) {
  if (needle.empty()) return true;
  if (haystack.size() < needle.size()) return false;
  auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; };
  for (size_t i = 0; i + needle.size() <= haystack.size(); ++i) {
    size_t k = 0;
    while (k < needle.size() && lower(haystack[i + k]) == lower(needle[k])) ++k;
    if (k == needle.size()) return true;
  }
  return false;
}

std::vector<std::string_view> Words(std::string_view collapsed) {
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < collapsed.size()) {
    while (i < collapsed.size() && collapsed[i] == ' ') ++i;
    const size_t start = i;
    while (i < collapsed.size() && collapsed[i] != ' ') ++i;
    if (i > start) words.push_back(collapsed.substr(start, i - start));
  }
  return words;
}

bool HasLetter(std::string_view s) {
  int32_t i = 0;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const auto n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c >= 0 && u_isalpha(c)) return true;
  }
  return false;
}

std::string ElementText(const Dom& dom, uint32_t node, size_t max_bytes) {
  std::string out;
  if (node >= dom.nodes.size()) return out;
  auto block_break = [&out]() {
    if (!out.empty() && out.back() != '\n') out.push_back('\n');
  };
  // Pre-order walk of the subtree by first_child / next_sibling / parent.
  uint32_t cur = dom.nodes[node].first_child;
  while (cur != kNoNode && out.size() < max_bytes) {
    const Node& n = dom.nodes[cur];
    bool descend = false;
    if (n.type == NodeType::kText) {
      out.append(n.text.substr(0, max_bytes - out.size()));
    } else if (n.type == NodeType::kElement) {
      const std::string_view tag = n.name;
      const bool skip = tag == "script" || tag == "style" || tag == "template" || tag == "noscript" ||
                        tag == "svg" || tag == "button" || tag == "select";
      if (!skip) {
        if (n.ns == Namespace::kHtml && IsBlockTag(tag)) block_break();
        descend = n.first_child != kNoNode;
      }
    }
    if (descend) {
      cur = n.first_child;
      continue;
    }
    // Next in pre-order, closing blocks on the way up.
    while (cur != node) {
      const Node& c = dom.nodes[cur];
      if (c.next_sibling != kNoNode) {
        if (c.type == NodeType::kElement && IsBlockTag(c.name)) block_break();
        cur = c.next_sibling;
        break;
      }
      cur = c.parent;
      if (cur != node && cur != kNoNode && dom.nodes[cur].type == NodeType::kElement &&
          IsBlockTag(dom.nodes[cur].name)) {
        block_break();
      }
    }
    if (cur == node) break;
  }
  if (out.size() > max_bytes) out.resize(max_bytes);
  // Never end inside a UTF-8 sequence.
  size_t end = out.size();
  while (end > 0 && (static_cast<unsigned char>(out[end - 1]) & 0xC0) == 0x80) --end;
  if (end > 0 && static_cast<unsigned char>(out[end - 1]) >= 0xC0) {
    const auto lead = static_cast<unsigned char>(out[end - 1]);
    const size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
    if (out.size() - (end - 1) < need) out.resize(end - 1);
  }
  return out;
}

}  // namespace dossier::html::meta
