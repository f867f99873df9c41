// Declared encodings: the HTML spec's <meta> prescan ("prescan a byte stream to determine its
// encoding", https://html.spec.whatwg.org/multipage/parsing.html#prescan-a-byte-stream-to-determine-its-encoding)
// and the charset parameter of an HTTP Content-Type.
#include <algorithm>
#include <string>
#include <vector>

#include "html/decode_internal.h"
#include "util/ascii.h"

namespace dossier::html {
namespace {

inline bool IsWs(uint8_t c) { return c == 0x09 || c == 0x0A || c == 0x0C || c == 0x0D || c == 0x20; }
inline bool IsAlpha(uint8_t c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

// Case-insensitive match of the ASCII lowercase `word` at s[pos].
bool MatchAt(const uint8_t* s, size_t end, size_t pos, std::string_view word) {
  if (end - pos < word.size()) return false;
  for (size_t k = 0; k < word.size(); ++k) {
    if (AsciiLowerChar(s[pos + k]) != static_cast<uint8_t>(word[k])) return false;
  }
  return true;
}

enum class AttrResult { kAttribute, kNone, kEnd };

// "Get an attribute". Names and values are ASCII-lowercased as the spec does. On kNone the position
// is at the '>' that ended the tag.
AttrResult GetAttribute(const uint8_t* s, size_t end, size_t* position, std::string* name,
                        std::string* value) {
  size_t p = *position;
  name->clear();
  value->clear();
  while (p < end && (IsWs(s[p]) || s[p] == '/')) ++p;
  if (p >= end) return AttrResult::kEnd;
  if (s[p] == '>') {
    *position = p;
    return AttrResult::kNone;
  }
  // The name.
  for (;;) {
    if (p >= end) return AttrResult::kEnd;
    const uint8_t c = s[p];
    if (c == '=' && !name->empty()) {
      ++p;
      goto value;
    }
    if (IsWs(c)) break;  // to "spaces"
    if (c == '/' || c == '>') {
      *position = p;
      return AttrResult::kAttribute;
    }
    name->push_back(static_cast<char>(AsciiLowerChar(c)));
    ++p;
  }
  // Spaces between the name and a possible '='.
  while (p < end && IsWs(s[p])) ++p;
  if (p >= end) return AttrResult::kEnd;
  if (s[p] != '=') {
    *position = p;
    return AttrResult::kAttribute;
  }
  ++p;
value:
  while (p < end && IsWs(s[p])) ++p;
  if (p >= end) return AttrResult::kEnd;
  if (s[p] == '"' || s[p] == '\'') {
    const uint8_t quote = s[p];
    for (++p;; ++p) {
      if (p >= end) return AttrResult::kEnd;
      if (s[p] == quote) {
        *position = p + 1;
        return AttrResult::kAttribute;
      }
      value->push_back(static_cast<char>(AsciiLowerChar(s[p])));
    }
  }
  if (s[p] == '>') {
    *position = p;
    return AttrResult::kAttribute;
  }
  value->push_back(static_cast<char>(AsciiLowerChar(s[p])));
  for (++p;; ++p) {
    if (p >= end) return AttrResult::kEnd;
    if (IsWs(s[p]) || s[p] == '>') {
      *position = p;
      return AttrResult::kAttribute;
    }
    value->push_back(static_cast<char>(AsciiLowerChar(s[p])));
  }
}

// Elements whose content the tokenizer reads as raw text: the late scan skips to their end tag
// so that script strings ("<meta charset=" + x) are not taken for markup.
bool IsRawTextElement(std::string_view tag) {
  return tag == "script" || tag == "style" || tag == "title" || tag == "textarea" ||
         tag == "xmp" || tag == "noembed" || tag == "noframes" || tag == "iframe";
}

// Position of the "</tag" that closes a raw-text element opened before `from`, or `end`.
size_t FindEndTag(const uint8_t* s, size_t end, size_t from, std::string_view tag) {
  for (size_t p = from; p + 2 + tag.size() <= end; ++p) {
    if (s[p] == '<' && s[p + 1] == '/' && MatchAt(s, end, p + 2, tag)) {
      const size_t after = p + 2 + tag.size();
      if (after >= end || IsWs(s[after]) || s[after] == '>' || s[after] == '/') return p;
    }
  }
  return end;
}

}  // namespace

bool CharsetFromMetaContent(std::string_view content, Encoding* out) {
  const auto* s = reinterpret_cast<const uint8_t*>(content.data());
  const size_t n = content.size();
  size_t pos = 0;
  for (;;) {
    // Loop: the next "charset", ASCII case-insensitively.
    size_t at = pos;
    while (at < n && !MatchAt(s, n, at, "charset")) ++at;
    if (at >= n) return false;
    size_t p = at + 7;
    while (p < n && IsWs(s[p])) ++p;
    if (p >= n || s[p] != '=') {
      pos = p;  // "just before that next character"
      continue;
    }
    ++p;
    while (p < n && IsWs(s[p])) ++p;
    if (p >= n) return false;
    if (s[p] == '"' || s[p] == '\'') {
      const size_t close = content.find(static_cast<char>(s[p]), p + 1);
      if (close == std::string_view::npos) return false;  // unmatched quote
      return EncodingForLabel(content.substr(p + 1, close - p - 1), out);
    }
    size_t e = p;
    while (e < n && !IsWs(s[e]) && s[e] != ';') ++e;
    return EncodingForLabel(content.substr(p, e - p), out);
  }
}

PrescanResult PrescanMeta(std::string_view bytes, size_t limit, bool late) {
  PrescanResult result;
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  const size_t end = std::min(limit, bytes.size());
  // A UTF-16 XML declaration ("<?x" in UTF-16) at the very start.
  if (end >= 6) {
    if (s[0] == 0x3C && s[1] == 0 && s[2] == 0x3F && s[3] == 0 && s[4] == 0x78 && s[5] == 0) {
      result.found = true;
      result.encoding = Encoding::kUtf16Le;
      result.utf16_xml_declaration = true;
      return result;
    }
    if (s[0] == 0 && s[1] == 0x3C && s[2] == 0 && s[3] == 0x3F && s[4] == 0 && s[5] == 0x78) {
      result.found = true;
      result.encoding = Encoding::kUtf16Be;
      result.utf16_xml_declaration = true;
      return result;
    }
  }
  std::string name, value, tag;
  for (size_t pos = 0; pos < end; ++pos) {
    if (s[pos] != '<') continue;
    const size_t tag_start = pos;
    if (MatchAt(s, end, pos, "<!--")) {
      // To the '>' of the first "-->" (the dashes of "<!--" count: "<!-->" is a whole comment).
      size_t p = pos + 2;
      while (p + 2 < end && !(s[p] == '-' && s[p + 1] == '-' && s[p + 2] == '>')) ++p;
      if (p + 2 >= end) return result;
      pos = p + 2;
      continue;
    }
    if (MatchAt(s, end, pos, "<meta") && pos + 5 < end && (IsWs(s[pos + 5]) || s[pos + 5] == '/')) {
      pos += 6;
      std::vector<std::string> seen;
      bool got_pragma = false;
      int need_pragma = -1;  // null
      bool have_charset = false, charset_ok = false;
      Encoding charset = Encoding::kUtf8;
      for (;;) {
        const AttrResult r = GetAttribute(s, end, &pos, &name, &value);
        if (r == AttrResult::kEnd) return result;
        if (r == AttrResult::kNone) break;
        bool dup = false;
        for (const std::string& n : seen) dup = dup || n == name;
        if (dup) continue;
        seen.push_back(name);
        if (name == "http-equiv") {
          if (value == "content-type") got_pragma = true;
        } else if (name == "content") {
          Encoding e;
          if (!have_charset && CharsetFromMetaContent(value, &e)) {
            have_charset = charset_ok = true;
            charset = e;
            need_pragma = 1;
          }
        } else if (name == "charset") {
          have_charset = true;
          charset_ok = EncodingForLabel(value, &charset);
          need_pragma = 0;
        }
      }
      if (need_pragma == -1 || (need_pragma == 1 && !got_pragma) || !charset_ok) continue;
      if (charset == Encoding::kUtf16Be || charset == Encoding::kUtf16Le) charset = Encoding::kUtf8;
      if (charset == Encoding::kXUserDefined) charset = Encoding::kWindows1252;
      result.found = true;
      result.encoding = charset;
      result.position = tag_start;
      return result;
    }
    const bool end_tag = pos + 1 < end && s[pos + 1] == '/';
    const size_t letter = pos + (end_tag ? 2 : 1);
    if (letter < end && IsAlpha(s[letter])) {
      // A tag: skip its name, then parse (and ignore) its attributes.
      size_t p = letter;
      tag.clear();
      while (p < end && !IsWs(s[p]) && s[p] != '>') tag.push_back(static_cast<char>(AsciiLowerChar(s[p++])));
      if (p >= end) return result;
      if (late && !end_tag && tag == "body") return result;
      for (;;) {
        const AttrResult r = GetAttribute(s, end, &p, &name, &value);
        if (r == AttrResult::kEnd) return result;
        if (r == AttrResult::kNone) break;
      }
      pos = p;
      if (late && !end_tag) {
        if (!tag.empty() && tag.back() == '/') tag.pop_back();
        if (IsRawTextElement(tag)) pos = FindEndTag(s, end, p + 1, tag) - 1;
      }
      continue;
    }
    if (end_tag || (pos + 1 < end && (s[pos + 1] == '!' || s[pos + 1] == '?'))) {
      size_t p = pos + 1;
      while (p < end && s[p] != '>') ++p;
      if (p >= end) return result;
      pos = p;
      continue;
    }
  }
  return result;
}

std::string CharsetParameter(std::string_view header) {
  // type/subtype *( ";" name "=" ( token / quoted-string ) ); the first charset parameter wins.
  // A value without a type ("charset=utf-8") is read as a parameter list.
  std::string with_type;
  std::string_view content_type = header;
  if (header.find('/') == std::string_view::npos) {
    with_type = ";" + std::string(header);
    content_type = with_type;
  }
  const size_t n = content_type.size();
  size_t p = content_type.find(';');
  while (p != std::string_view::npos && p < n) {
    ++p;
    while (p < n && (content_type[p] == ' ' || content_type[p] == '\t')) ++p;
    size_t eq = p;
    while (eq < n && content_type[eq] != '=' && content_type[eq] != ';') ++eq;
    std::string pname(content_type.substr(p, eq - p));
    while (!pname.empty() && (pname.back() == ' ' || pname.back() == '\t')) pname.pop_back();
    for (char& c : pname) c = static_cast<char>(AsciiLowerChar(static_cast<uint8_t>(c)));
    if (eq >= n || content_type[eq] == ';') {
      p = eq;
      continue;
    }
    size_t v = eq + 1;
    std::string val;
    if (v < n && content_type[v] == '"') {
      for (++v; v < n && content_type[v] != '"'; ++v) {
        if (content_type[v] == '\\' && v + 1 < n) ++v;
        val.push_back(content_type[v]);
      }
      p = content_type.find(';', v);
    } else {
      const size_t semi = content_type.find(';', v);
      val = std::string(content_type.substr(v, semi == std::string_view::npos ? n - v : semi - v));
      while (!val.empty() && (val.back() == ' ' || val.back() == '\t')) val.pop_back();
      p = semi;
    }
    if (pname == "charset") return val;
  }
  return {};
}

}  // namespace dossier::html
