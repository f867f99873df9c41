#include "quotes/training.h"
#include "util/utf8.h"

#include <algorithm>

namespace dossier::quotes {

namespace {

// A small JSON reader: just what the gold lines hold (objects, arrays, strings, numbers, literals).
struct JsonReader {
  std::string_view s;
  size_t i = 0;
  std::string error;

  void Space() {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
  }
  bool Fail(const char* why) {
    if (error.empty()) error = std::string(why) + " at byte " + std::to_string(i);
    return false;
  }
  bool Expect(char c) {
    Space();
    if (i >= s.size() || s[i] != c) return Fail("expected another character");
    ++i;
    return true;
  }
  bool Peek(char c) {
    Space();
    return i < s.size() && s[i] == c;
  }
  bool Hex4(uint32_t* v) {
    if (i + 4 > s.size()) return Fail("short \\u escape");
    *v = 0;
    for (int k = 0; k < 4; ++k) {
      const char c = s[i++];
      *v <<= 4;
      if (c >= '0' && c <= '9') *v |= static_cast<uint32_t>(c - '0');
      else if (c >= 'a' && c <= 'f') *v |= static_cast<uint32_t>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F') *v |= static_cast<uint32_t>(c - 'A' + 10);
      else return Fail("bad \\u escape");
    }
    return true;
  }
  bool String(std::string* out) {
    if (!Expect('"')) return false;
    out->clear();
    while (i < s.size() && s[i] != '"') {
      if (s[i] != '\\') {
        out->push_back(s[i++]);
        continue;
      }
      if (++i >= s.size()) return Fail("unterminated escape");
      const char c = s[i++];
      switch (c) {
        case 'n': out->push_back('\n'); break;
        case 't': out->push_back('\t'); break;
        case 'r': out->push_back('\r'); break;
        case 'b': out->push_back('\b'); break;
        case 'f': out->push_back('\f'); break;
        case 'u': {
          uint32_t cp = 0;
          if (!Hex4(&cp)) return false;
          if (cp >= 0xD800 && cp < 0xDC00 && i + 6 <= s.size() && s[i] == '\\' && s[i + 1] == 'u') {
            i += 2;
            uint32_t lo = 0;
            if (!Hex4(&lo)) return false;
            if (lo >= 0xDC00 && lo < 0xE000) cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            else cp = 0xFFFD;
          } else if (cp >= 0xD800 && cp < 0xE000) {
            cp = 0xFFFD;  // a lone surrogate
          }
          AppendUtf8(cp, out);
          break;
        }
        default: out->push_back(c);  // \" \\ \/
      }
    }
    if (i >= s.size()) return Fail("unterminated string");
    ++i;
    return true;
  }
  bool Number(int64_t* v) {
    Space();
    const size_t start = i;
    bool neg = false;
    if (i < s.size() && s[i] == '-') neg = true, ++i;
    int64_t x = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
      if (x > (int64_t{1} << 40)) return Fail("number too large");
      x = x * 10 + (s[i++] - '0');
    }
    if (i == start + neg) return Fail("expected a number");
    while (i < s.size() && (s[i] == '.' || s[i] == 'e' || s[i] == 'E' || s[i] == '+' || s[i] == '-' ||
                            (s[i] >= '0' && s[i] <= '9')))
      ++i;
    *v = neg ? -x : x;
    return true;
  }
  // Skips any value (bounded nesting).
  bool Skip(int depth = 0) {
    if (depth > 64) return Fail("nested too deeply");
    Space();
    if (i >= s.size()) return Fail("unexpected end");
    const char c = s[i];
    if (c == '"') {
      std::string tmp;
      return String(&tmp);
    }
    if (c == '{' || c == '[') {
      const char close = c == '{' ? '}' : ']';
      ++i;
      if (Peek(close)) return ++i, true;
      while (true) {
        if (c == '{') {
          std::string key;
          if (!String(&key) || !Expect(':')) return false;
        }
        if (!Skip(depth + 1)) return false;
        if (Peek(',')) {
          ++i;
          continue;
        }
        return Expect(close);
      }
    }
    if (c == '-' || (c >= '0' && c <= '9')) {
      int64_t v;
      return Number(&v);
    }
    for (std::string_view lit : {"true", "false", "null"})
      if (s.substr(i, lit.size()) == lit) return i += lit.size(), true;
    return Fail("unexpected character");
  }
  // [[s, e], ...]
  bool Pieces(std::vector<std::pair<uint32_t, uint32_t>>* out) {
    if (!Expect('[')) return false;
    if (Peek(']')) return ++i, true;
    while (true) {
      int64_t a = 0, b = 0;
      if (!Expect('[') || !Number(&a) || !Expect(',') || !Number(&b) || !Expect(']')) return false;
      if (a < 0 || b < a || b > (int64_t{1} << 31)) return Fail("bad piece");
      out->emplace_back(static_cast<uint32_t>(a), static_cast<uint32_t>(b));
      if (Peek(',')) {
        ++i;
        continue;
      }
      return Expect(']');
    }
  }
  bool Attribution(GoldAttribution* a) {
    if (!Expect('{')) return false;
    if (Peek('}')) return ++i, true;
    while (true) {
      std::string key;
      if (!String(&key) || !Expect(':')) return false;
      bool ok = key == "source" && !Peek('n') ? Pieces(&a->source)
                : key == "cue"                ? Pieces(&a->cue)
                : key == "content"            ? Pieces(&a->content)
                                              : Skip();
      if (!ok) return false;
      if (Peek(',')) {
        ++i;
        continue;
      }
      return Expect('}');
    }
  }
  bool Article(GoldArticle* art) {
    if (!Expect('{')) return false;
    if (Peek('}')) return ++i, true;
    while (true) {
      std::string key;
      if (!String(&key) || !Expect(':')) return false;
      bool ok = true;
      if (key == "id") {
        ok = Peek('"') ? String(&art->id) : Skip();
      } else if (key == "text") {
        ok = String(&art->text);
      } else if (key == "attributions") {
        ok = Expect('[');
        if (ok && Peek(']')) ++i;
        else
          while (ok) {
            art->attributions.emplace_back();
            ok = Attribution(&art->attributions.back());
            if (ok && Peek(',')) {
              ++i;
              continue;
            }
            ok = ok && Expect(']');
            break;
          }
      } else {
        ok = Skip();
      }
      if (!ok) return false;
      if (Peek(',')) {
        ++i;
        continue;
      }
      return Expect('}');
    }
  }
};

}  // namespace

bool ReadGoldArticles(std::string_view jsonl, std::vector<GoldArticle>* out, std::string* error) {
  size_t line_no = 0;
  while (!jsonl.empty()) {
    const size_t nl = jsonl.find('\n');
    std::string_view line = jsonl.substr(0, nl);
    jsonl = nl == std::string_view::npos ? std::string_view() : jsonl.substr(nl + 1);
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    JsonReader r;
    r.s = line;
    GoldArticle art;
    if (!r.Article(&art)) {
      *error = "line " + std::to_string(line_no) + ": " + r.error;
      return false;
    }
    out->push_back(std::move(art));
  }
  return true;
}

std::vector<SpanTagger::TrainingBlock> LabelledBlocks(const Document& doc, const GoldArticle& gold,
                                                      const Lexicon& lexicon) {
  // Code point -> byte offset in the article text (which is the analysed input).
  std::vector<uint32_t> cp_to_byte;
  for (uint32_t b = 0; b < gold.text.size(); ++b)
    if ((static_cast<unsigned char>(gold.text[b]) & 0xC0) != 0x80) cp_to_byte.push_back(b);
  cp_to_byte.push_back(static_cast<uint32_t>(gold.text.size()));
  auto byte = [&](uint32_t cp) { return cp_to_byte[std::min<size_t>(cp, cp_to_byte.size() - 1)]; };
  // Gold pieces in input bytes: (begin, end, role, piece id).
  struct Piece {
    uint64_t begin, end;
    Role role;
    uint32_t id;
  };
  std::vector<Piece> pieces;
  uint32_t id = 0;
  for (const GoldAttribution& a : gold.attributions) {
    for (auto [list, role] : {std::pair{&a.cue, Role::kCue}, std::pair{&a.source, Role::kSource},
                              std::pair{&a.content, Role::kContent}})
      for (auto [s, e] : *list)
        if (e > s) pieces.push_back({byte(s), byte(e), role, id++});
  }
  TokenView v = BuildTokenView(doc, lexicon);
  std::vector<MarkPair> pairs = PairQuoteMarks(v);
  std::vector<Found> rules = FindAttributions(v, pairs);  // as the stage has them when it tags
  const FeatureContext ctx = BuildFeatureContext(v, pairs, rules);
  std::vector<SpanTagger::TrainingBlock> out;
  for (uint32_t bi = 0; bi < v.blocks.size(); ++bi) {
    SpanTagger::TrainingBlock tb;
    ExtractBlockFeatures(ctx, bi, &tb.features);
    uint32_t prev_piece = 0xFFFFFFFFu;
    for (uint32_t t = v.blocks[bi].begin; t < v.blocks[bi].end; ++t) {
      const uint64_t tb_begin = doc.SourceBegin(doc.tokens[t].span), tb_end = doc.SourceEnd(doc.tokens[t].span);
      const Piece* best = nullptr;
      for (const Piece& p : pieces)
        if (p.begin < tb_end && tb_begin < p.end && (!best || static_cast<int>(p.role) < static_cast<int>(best->role)))
          best = &p;
      if (!best) {
        tb.gold.push_back(kTagO);
        prev_piece = 0xFFFFFFFFu;
        continue;
      }
      const int begin = BeginLabel(best->role);
      tb.gold.push_back(best->id == prev_piece ? begin + 1 : begin);
      prev_piece = best->id;
    }
    out.push_back(std::move(tb));
  }
  return out;
}

}  // namespace dossier::quotes
