// TempEval-3 documents: the text content of <TEXT> with a map back to the raw bytes, and the
// document written back with TIMEX3 tags inserted and every other byte unchanged.
#include <algorithm>
#include <cstring>

#include "dossier/time.h"
#include "util/utf8.h"

namespace dossier {

namespace {


// Decodes the reference at raw[i] ('&'); returns its length, 0 when it is not a valid reference.
size_t DecodeRef(std::string_view raw, size_t i, uint32_t* cp) {
  size_t semi = raw.find(';', i);
  if (semi == std::string_view::npos || semi - i > 12 || semi == i + 1) return 0;
  std::string_view name = raw.substr(i + 1, semi - i - 1);
  static const std::pair<std::string_view, uint32_t> kNamed[] = {
      {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}};
  for (const auto& [n, c] : kNamed)
    if (name == n) {
      *cp = c;
      return semi - i + 1;
    }
  if (name[0] != '#' || name.size() < 2) return 0;
  uint32_t v = 0;
  bool hex = name[1] == 'x' || name[1] == 'X';
  size_t k = hex ? 2 : 1;
  if (k >= name.size()) return 0;
  for (; k < name.size(); ++k) {
    char c = name[k];
    int d;
    if (c >= '0' && c <= '9') d = c - '0';
    else if (hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f') d = (c | 0x20) - 'a' + 10;
    else return 0;
    v = v * (hex ? 16 : 10) + static_cast<uint32_t>(d);
    if (v > 0x10FFFF) return 0;
  }
  if (v == 0 || (v >= 0xD800 && v <= 0xDFFF)) return 0;
  *cp = v;
  return semi - i + 1;
}

// The element name of a tag starting at raw[i] = '<' (after '/' for end tags).
std::string_view TagName(std::string_view tag) {
  size_t k = 1;
  if (k < tag.size() && tag[k] == '/') ++k;
  size_t e = k;
  while (e < tag.size() && tag[e] != ' ' && tag[e] != '>' && tag[e] != '/' && tag[e] != '\t' && tag[e] != '\n' &&
         tag[e] != '\r')
    ++e;
  return tag.substr(k, e - k);
}

// Scans the tags of raw[from, to): start, end, empty elements, comments, declarations. Returns
// false with a reason when the markup is not well formed (unclosed '<', mismatched end tag).
bool ScanTags(std::string_view raw, size_t from, size_t to, std::vector<std::string_view>* stack,
              std::vector<Te3Document::Tag>* tags, std::string* error) {
  size_t i = from;
  while (i < to) {
    size_t lt = raw.find('<', i);
    if (lt == std::string_view::npos || lt >= to) break;
    if (raw.compare(lt, 4, "<!--") == 0) {
      size_t e = raw.find("-->", lt + 4);
      if (e == std::string_view::npos) {
        *error = "unterminated comment";
        return false;
      }
      i = e + 3;
      if (tags) tags->push_back({static_cast<uint32_t>(lt), static_cast<uint32_t>(i), 0, false});
      continue;
    }
    size_t gt = raw.find('>', lt + 1);
    size_t next_lt = raw.find('<', lt + 1);
    if (gt == std::string_view::npos || (next_lt != std::string_view::npos && next_lt < gt)) {
      *error = "unclosed '<' at byte " + std::to_string(lt);
      return false;
    }
    std::string_view tag = raw.substr(lt, gt - lt + 1);
    int depth = 0;
    if (tag.size() >= 2 && (tag[1] == '?' || tag[1] == '!')) {
      depth = 0;
    } else if (tag.size() >= 2 && tag[1] == '/') {
      std::string_view name = TagName(tag);
      if (stack->empty() || stack->back() != name) {
        *error = "end tag </" + std::string(name) + "> does not match" +
                 (stack->empty() ? std::string(" any open element") : " <" + std::string(stack->back()) + ">");
        return false;
      }
      stack->pop_back();
      depth = -1;
    } else if (tag.size() >= 3 && tag[tag.size() - 2] == '/') {
      depth = 0;
    } else {
      std::string_view name = TagName(tag);
      if (name.empty()) {
        *error = "bad tag at byte " + std::to_string(lt);
        return false;
      }
      stack->push_back(name);
      depth = 1;
    }
    if (tags) tags->push_back({static_cast<uint32_t>(lt), static_cast<uint32_t>(gt + 1), depth, TagName(tag) == "TIMEX3"});
    i = gt + 1;
  }
  return true;
}

std::string EscapeAttr(std::string_view v) {
  std::string out;
  for (char c : v) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

}  // namespace

bool ParseTe3Document(std::string_view raw, Te3Document* doc, std::string* error) {
  *doc = Te3Document();
  if (raw.size() > 0x7FFFFFF0u) {
    *error = "larger than 2 GiB";
    return false;
  }
  if (raw.find('\0') != std::string_view::npos) {
    *error = "binary data, not a TimeML document";
    return false;
  }
  size_t open = raw.find("<TEXT>");
  if (open == std::string_view::npos) {
    *error = "no <TEXT> element (not a TimeML / TE3input document)";
    return false;
  }
  size_t begin = open + 6;
  size_t close = raw.find("</TEXT>", begin);
  if (close == std::string_view::npos) {
    *error = "<TEXT> is never closed";
    return false;
  }
  // Well-formedness of the whole document (tags balanced, every '<' closed).
  std::vector<std::string_view> stack;
  std::vector<Te3Document::Tag> all;
  if (!ScanTags(raw, 0, raw.size(), &stack, &all, error)) return false;
  if (!stack.empty()) {
    *error = "element <" + std::string(stack.back()) + "> is never closed";
    return false;
  }
  doc->raw = std::string(raw);
  doc->content_begin = static_cast<uint32_t>(begin);
  doc->content_end = static_cast<uint32_t>(close);
  for (const auto& t : all)
    if (t.begin >= begin && t.end <= close) doc->tags.push_back(t);
  // Text content with its map to raw bytes.
  doc->text.reserve(close - begin);
  doc->raw_begin.reserve(close - begin);
  doc->raw_end.reserve(close - begin);
  size_t ti = 0;
  size_t i = begin;
  while (i < close) {
    if (ti < doc->tags.size() && doc->tags[ti].begin == i) {
      i = doc->tags[ti].end;
      ++ti;
      continue;
    }
    char c = raw[i];
    if (c == '&') {
      uint32_t cp = 0;
      size_t n = DecodeRef(raw, i, &cp);
      if (n == 0) {
        *error = "bad character or entity reference at byte " + std::to_string(i);
        return false;
      }
      size_t before = doc->text.size();
      AppendUtf8(cp, &doc->text);
      for (size_t k = before; k < doc->text.size(); ++k) {
        doc->raw_begin.push_back(static_cast<uint32_t>(i));
        doc->raw_end.push_back(static_cast<uint32_t>(i + n));
      }
      i += n;
      continue;
    }
    if (c == '\r') {
      // CR LF and a lone CR are one LF, as an XML parser reads them.
      size_t n = i + 1 < close && raw[i + 1] == '\n' ? 2 : 1;
      doc->text.push_back('\n');
      doc->raw_begin.push_back(static_cast<uint32_t>(i));
      doc->raw_end.push_back(static_cast<uint32_t>(i + n));
      i += n;
      continue;
    }
    doc->text.push_back(c);
    doc->raw_begin.push_back(static_cast<uint32_t>(i));
    doc->raw_end.push_back(static_cast<uint32_t>(i + 1));
    ++i;
  }
  // The creation time.
  size_t dct = raw.find("<DCT>");
  if (dct != std::string_view::npos) {
    size_t tx = raw.find("<TIMEX3", dct);
    size_t dct_end = raw.find("</DCT>", dct);
    if (tx != std::string_view::npos && (dct_end == std::string_view::npos || tx < dct_end)) {
      size_t gt = raw.find('>', tx);
      std::string_view tag = raw.substr(tx, gt == std::string_view::npos ? std::string_view::npos : gt - tx);
      size_t v = tag.find(" value=\"");
      if (v != std::string_view::npos) {
        size_t q = tag.find('"', v + 8);
        if (q != std::string_view::npos) doc->dct_value = std::string(tag.substr(v + 8, q - v - 8));
      }
    }
  }
  DocumentDate::Parse(doc->dct_value, &doc->dct);
  // The largest tid used, so ours do not clash.
  for (size_t p = raw.find("tid=\"t"); p != std::string_view::npos; p = raw.find("tid=\"t", p + 1)) {
    int v = 0;
    size_t k = p + 6;
    while (k < raw.size() && raw[k] >= '0' && raw[k] <= '9' && v < 100000000) v = v * 10 + (raw[k++] - '0');
    doc->max_tid = std::max(doc->max_tid, v);
  }
  return true;
}

std::string WriteTe3Document(const Te3Document& doc, const std::vector<Timex>& timexes) {
  struct Insert {
    uint32_t at;
    int order;  // close tags (0) before open tags (1) at the same place
    size_t seq;
    std::string text;
  };
  std::vector<Insert> inserts;
  int tid = doc.max_tid;
  // Kept tags (not TIMEX3) in order, for the nesting check.
  std::vector<const Te3Document::Tag*> kept;
  for (const auto& t : doc.tags)
    if (!t.timex) kept.push_back(&t);
  size_t seq = 0;
  for (const Timex& x : timexes) {
    if (x.span.empty() || x.span.end > doc.text.size()) continue;
    uint32_t p = doc.raw_begin[x.span.begin];
    uint32_t q = doc.raw_end[x.span.end - 1];
    // The kept tags between p and q must balance, or the element would cross a boundary.
    int depth = 0;
    bool ok = true;
    for (const auto* t : kept) {
      if (t->begin < p) continue;
      if (t->begin >= q) break;
      depth += t->depth;
      if (depth < 0) ok = false;
    }
    if (!ok || depth != 0) continue;
    ++tid;
    std::string open = "<TIMEX3 tid=\"t" + std::to_string(tid) + "\" type=\"" + std::string(TimexTypeName(x.type)) +
                       "\" value=\"" + EscapeAttr(x.value) + "\"";
    if (!x.mod.empty()) open += " mod=\"" + EscapeAttr(x.mod) + "\"";
    open += ">";
    inserts.push_back({p, 1, seq++, std::move(open)});
    inserts.push_back({q, 0, seq++, "</TIMEX3>"});
  }
  std::stable_sort(inserts.begin(), inserts.end(), [](const Insert& a, const Insert& b) {
    if (a.at != b.at) return a.at < b.at;
    if (a.order != b.order) return a.order < b.order;
    // Two closes at one place: the later-opened closes first; two opens: the earlier first.
    return a.order == 0 ? a.seq > b.seq : a.seq < b.seq;
  });
  std::string out;
  out.reserve(doc.raw.size() + inserts.size() * 48);
  size_t pos = 0;
  size_t ii = 0;
  size_t ti = 0;
  auto copy_to = [&](size_t to) {
    // Copies raw[pos, to) leaving out existing TIMEX3 tags inside <TEXT>.
    while (pos < to) {
      // The next TIMEX3 tag at or after pos.
      while (ti < doc.tags.size() && (doc.tags[ti].end <= pos || !doc.tags[ti].timex)) ++ti;
      if (ti < doc.tags.size() && doc.tags[ti].begin < to) {
        const auto& t = doc.tags[ti];
        if (t.begin > pos) out.append(doc.raw, pos, t.begin - pos);
        pos = t.end;
        ++ti;
        continue;
      }
      out.append(doc.raw, pos, to - pos);
      pos = to;
    }
  };
  for (; ii < inserts.size(); ++ii) {
    copy_to(inserts[ii].at);
    out += inserts[ii].text;
  }
  copy_to(doc.raw.size());
  return out;
}

}  // namespace dossier
