// Quotation marks: which token is a mark, and which marks pair up.
//
// Curly marks say their direction; straight ones are read from the spaces around them. Pairs are
// found per paragraph with one open double mark and one open single mark at a time, in one pass,
// so unbalanced or hostile input (thousands of marks) costs linear time. A double quote still open
// at the end of a paragraph continues into the next paragraph when that one opens with a mark (the
// newspaper convention for a quotation over several paragraphs); otherwise it is kept to the end
// of its paragraph only when it opened a sentence, since a stray mark inside a sentence is more
// likely a typo than a quotation.
#include <algorithm>

#include "quotes/internal.h"

namespace dossier::quotes {

namespace {

Mark MarkOf(std::string_view s) {
  if (s == "\"") return Mark::kStraightDouble;
  if (s == "'") return Mark::kStraightSingle;
  if (s == "\u201C" || s == "\u201E" || s == "\u00AB") return Mark::kOpenDouble;
  if (s == "\u201D" || s == "\u00BB") return Mark::kCloseDouble;
  if (s == "\u2018") return Mark::kOpenSingle;
  if (s == "\u2019") return Mark::kCloseSingle;
  return Mark::kNotMark;
}

}  // namespace

TokenView BuildTokenView(const Document& doc, const Lexicon& lex) {
  TokenView v;
  v.doc = &doc;
  v.lex = &lex;
  const size_t n = doc.tokens.size();
  v.sentence.assign(n, kNone);
  v.flags.assign(n, 0);
  v.mark.assign(n, Mark::kNotMark);
  v.used.assign(n, 0);
  v.cap.assign(n, 0);
  v.token_block.assign(n, kNone);
  v.in_mention.assign(n, 0);
  v.doubled.assign(n, 0);
  std::string lower;
  for (uint32_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    if (s.block >= doc.blocks.size()) continue;
    const BlockKind kind = doc.blocks[s.block].kind;
    // Speech is in the body and in list items; headings and captions quote titles, not speakers
    // (a heading is kept for its "Name: words" form only).
    if (kind != BlockKind::kBody && kind != BlockKind::kListItem && kind != BlockKind::kHeading) continue;
    if (v.blocks.empty() || v.blocks.back().block != s.block)
      v.blocks.push_back({s.block, s.first_token, s.first_token, kind == BlockKind::kHeading});
    v.blocks.back().end = s.first_token + s.token_count;
    for (uint32_t t = s.first_token; t < s.first_token + s.token_count && t < n; ++t) {
      v.sentence[t] = si;
      v.token_block[t] = static_cast<uint32_t>(v.blocks.size() - 1);
      const Token& tok = doc.tokens[t];
      const std::string_view text = doc.Text(tok.span);
      if (tok.kind == TokenKind::kQuote) {
        v.mark[t] = MarkOf(text);
        // Two straight single marks written as one double mark (''like this'', a newspaper
        // convention): the first is the mark, the second belongs to it.
        if (t > s.first_token && v.mark[t] == Mark::kStraightSingle && v.mark[t - 1] == Mark::kStraightSingle &&
            !(tok.flags & kSpaceBefore) && !v.doubled[t - 1]) {
          v.mark[t - 1] = Mark::kStraightDouble;
          v.mark[t] = Mark::kNotMark;
          v.doubled[t - 1] = 1;
        }
        continue;
      }
      if (tok.kind != TokenKind::kWord) continue;
      v.cap[t] = (tok.flags & (kCapitalized | kAllCaps)) != 0;
      if (text.size() > 24) continue;
      lower = LowerWord(text);
      v.flags[t] = lex.Flags(lower);
    }
  }
  // Tokens inside entity mentions (both lists are in text order).
  std::vector<Span> spans;
  for (const Entity& e : doc.entities)
    for (const LinkedMention& m : e.mentions) spans.push_back(m.span);
  std::sort(spans.begin(), spans.end(), [](Span a, Span b) { return a.begin < b.begin; });
  size_t k = 0;
  for (uint32_t t = 0; t < n && k < spans.size(); ++t) {
    while (k < spans.size() && spans[k].end <= doc.tokens[t].span.begin) ++k;
    if (k < spans.size() && spans[k].begin < doc.tokens[t].span.end) v.in_mention[t] = 1;
  }
  return v;
}

std::vector<MarkPair> PairQuoteMarks(const TokenView& v) {
  std::vector<MarkPair> out;
  const auto& toks = v.doc->tokens;
  uint32_t carry = kNone;  // a double quote left open at the end of the previous speech block
  bool dbl_straight = false;  // the open double quotation was opened with a straight mark
  uint32_t carry_block = kNone;
  auto words_between = [&](uint32_t a, uint32_t b) {
    uint32_t w = 0;
    for (uint32_t t = a + 1; t < b; ++t) w += toks[t].kind == TokenKind::kWord || toks[t].kind == TokenKind::kNumber;
    return w;
  };
  auto opens_sentence = [&](uint32_t t) { return v.SentenceBegin(t) == t; };
  auto emit_unclosed = [&](uint32_t open, uint32_t last) {
    if (!opens_sentence(open) || last <= open) return;
    out.push_back({open, last, false, false, words_between(open, last + 1)});
  };
  for (uint32_t bi = 0; bi < v.blocks.size(); ++bi) {
    const auto& b = v.blocks[bi];
    if (b.heading) continue;
    uint32_t dbl = kNone, sgl = kNone, nested = kNone;
    bool sgl_nested = false;
    if (carry != kNone) {
      const bool next_paragraph = carry_block + 1 == bi && v.blocks[carry_block].block + 1 == b.block;
      const Mark m = b.begin < b.end ? v.mark[b.begin] : Mark::kNotMark;
      if (next_paragraph && (m == Mark::kOpenDouble || m == Mark::kStraightDouble)) {
        dbl = carry;  // the quotation goes on; this paragraph's opening mark is not a new one
      } else {
        emit_unclosed(carry, v.blocks[carry_block].end - 1);
      }
      carry = kNone;
    }
    for (uint32_t t = b.begin; t < b.end; ++t) {
      Mark m = v.mark[t];
      if (m == Mark::kNotMark) continue;
      if (t == b.begin && dbl != kNone && dbl < b.begin) continue;  // the continuation mark
      // Straight marks: a mark glued to the next word opens, one glued to the previous word closes.
      if (m == Mark::kStraightDouble || m == Mark::kStraightSingle) {
        const bool space_before = t == b.begin || (toks[t].flags & kSpaceBefore) || v.mark[t - 1] != Mark::kNotMark;
        const uint32_t next = t + 1 + v.doubled[t];
        const bool space_after = next >= b.end || (toks[next].flags & kSpaceBefore);
        const bool dbl_kind = m == Mark::kStraightDouble;
        bool open;
        if (space_before && !space_after) open = true;
        else if (!space_before && space_after) open = false;
        else open = dbl_kind ? dbl == kNone : sgl == kNone;
        // A straight single mark glued on both sides is an apostrophe the tokenizer left alone.
        if (!dbl_kind && !space_before && !space_after) continue;
        m = dbl_kind ? (open ? Mark::kOpenDouble : Mark::kCloseDouble) : (open ? Mark::kOpenSingle : Mark::kCloseSingle);
      }
      // A closing mark that opens a paragraph or follows a space with nothing open is a typo for
      // an opening one (”What is most infuriating ...”).
      if (m == Mark::kCloseDouble && dbl == kNone && (t == b.begin || (toks[t].flags & kSpaceBefore)) &&
          t + 1 < b.end && !(toks[t + 1].flags & kSpaceBefore))
        m = Mark::kOpenDouble;
      // Inside a quotation opened with one style of double mark, the other style quotes within
      // it ("… the question: “As you know, …?” Forty-three, yes"): a nested level, not a new one.
      const bool straight = v.mark[t] == Mark::kStraightDouble;
      if (dbl != kNone && (m == Mark::kOpenDouble || m == Mark::kCloseDouble) && straight != dbl_straight) {
        if (m == Mark::kOpenDouble) nested = t;
        else if (nested != kNone) nested = kNone;
        else if (m == Mark::kCloseDouble && !straight) {
          // A curly closing mark with nothing nested open closes the straight quotation after all.
          out.push_back({dbl, t, true, false, words_between(dbl, t)});
          dbl = kNone;
          sgl = kNone;
        }
        continue;
      }
      switch (m) {
        case Mark::kOpenDouble:
          if (dbl != kNone) emit_unclosed(dbl, t - 1);
          dbl_straight = straight;
          nested = kNone;
          dbl = t;
          sgl = kNone;
          break;
        case Mark::kCloseDouble:
          if (dbl != kNone) out.push_back({dbl, t + v.doubled[t], true, false, words_between(dbl, t)});
          dbl = kNone;
          sgl = kNone;
          break;
        case Mark::kOpenSingle:
          sgl = t;
          sgl_nested = dbl != kNone;
          break;
        case Mark::kCloseSingle:
          // ’ with nothing open is an apostrophe (the Russians’ plan); nested pairs stay inside
          // their double quotation.
          if (sgl != kNone && !sgl_nested) out.push_back({sgl, t, true, true, words_between(sgl, t)});
          sgl = kNone;
          break;
        default:
          break;
      }
    }
    if (dbl != kNone) {
      carry = dbl;
      carry_block = bi;
    }
  }
  if (carry != kNone) emit_unclosed(carry, v.blocks[carry_block].end - 1);
  // Emitted when closed, so a quotation over paragraphs may come after a later one: text order.
  std::sort(out.begin(), out.end(), [](const MarkPair& a, const MarkPair& b) { return a.open < b.open; });
  return out;
}

}  // namespace dossier::quotes
