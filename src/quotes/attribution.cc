// Finding attributions: who (the speaker as written), the cue, and what was said.
//
// Three passes over the speech blocks, each leaving the tokens it used marked so a later pass does
// not reuse them:
//  1. Direct quotations with a cue next to them: “…,” Bell adds. / “…” wrote Steve Witkoff on X. /
//     She said: “…”. A quotation right after such a one with no cue of its own is the second part
//     of a split quote (“…,” Bell adds. “…”).
//  2. Reported speech around every remaining cue verb: SPEAKER CUE [hearer] [that] CONTENT, or
//     CONTENT, SPEAKER CUE. / CONTENT, CUE SPEAKER. / according to SPEAKER. Quotations inside the
//     content make it mixed (Starmer said the coalition is “preparing …”).
//  3. Quotations still unattributed: a sentence-long quotation continues the previous speaker's
//     turn (resolved in speakers.cc, or left unknown); a short one with no cue is a scare quote or
//     a title ("a “secret” plan") and is not speech.
#include <algorithm>

#include "quotes/internal.h"

namespace dossier::quotes {

namespace {

constexpr uint32_t kMaxSpeakerTokens = 10;

struct Finder {
  TokenView& v;
  const std::vector<MarkPair>& pairs;
  std::vector<Found> out;
  std::vector<uint32_t> pair_at_open;  // token -> index into pairs, for opening marks

  Finder(TokenView& view, const std::vector<MarkPair>& p) : v(view), pairs(p) {
    pair_at_open.assign(v.doc->tokens.size(), kNone);
    for (uint32_t i = 0; i < pairs.size(); ++i) pair_at_open[pairs[i].open] = i;
  }

  bool Flag(uint32_t t, uint32_t f) const { return (v.flags[t] & f) != 0; }
  bool IsOpenMark(uint32_t t) const { return pair_at_open[t] != kNone; }
  bool IsAnyMark(uint32_t t) const { return v.mark[t] != Mark::kNotMark; }
  bool Clause(uint32_t t) const {  // tokens that end a speaker phrase or a tail
    return v.IsPunct(t, ',') || v.IsPunct(t, ';') || v.IsPunct(t, ':') || v.IsPunct(t, '.') ||
           v.doc->tokens[t].kind == TokenKind::kDash || IsAnyMark(t);
  }
  // Is t inside the same speech block as `ref`?
  bool SameBlock(uint32_t t, uint32_t ref) const {
    return t < v.token_block.size() && v.token_block[t] != kNone && v.token_block[t] == v.token_block[ref];
  }

  // The speaker phrase ending right before `end` (exclusive), not before `limit`: a pronoun, or a
  // run of words that are not function words ("military analyst Sean Bell", "a defence official",
  // "Connecticut’s tax commissioner"). Empty (first == end) when there is none.
  std::pair<uint32_t, uint32_t> SpeakerBefore(uint32_t end, uint32_t limit) const {
    if (end <= limit) return {end, end};
    const uint32_t last = end - 1;
    if (v.used[last]) return {end, end};
    if (Flag(last, kSpeakerPronoun) || LowerIs(last, "i") || LowerIs(last, "we")) return {last, end};
    // A day between the speaker and the cue: "David Axelrod on Wednesday called on ...".
    if (end >= limit + 3 && IsDay(last) && (LowerIs(last - 1, "on") || LowerIs(last - 1, "this") || LowerIs(last - 1, "last")))
      return SpeakerBefore(end - 2, limit);
    uint32_t first = end;
    for (uint32_t t = end; t > limit && end - (t - 1) <= kMaxSpeakerTokens + 6;) {
      --t;
      // A parenthesis after a name belongs to it: "Rep. Gwen Moore (D-Wis.) said".
      if (v.IsPunct(t, ')') && first == end) {
        uint32_t o = t;
        while (o > limit && t - o < 8 && !v.IsPunct(o, '(')) --o;
        if (!v.IsPunct(o, '(') || o == limit) break;
        t = o;
        first = o;
        continue;
      }
      if (t > limit && t + 1 == first && AbbreviationDot(t, end)) continue;  // "Sen. Ted Cruz said"
      if (!v.IsWord(t) || v.used[t] || Flag(t, kStopWord | kCueVerb | kSpeakerPronoun)) break;
      first = t;
    }
    if (first < end && v.IsPunct(first, '(')) return {end, end};  // a parenthesis alone
    // A lower-case word before the phrase's determiner belongs to the sentence: "-- meddling the
    // California congressman said".
    for (uint32_t t = first + 1; t < end && t < first + 4; ++t)
      if ((LowerIs(t, "the") || LowerIs(t, "a") || LowerIs(t, "an")) && !v.cap[first]) {
        first = t;
        break;
      }
    // Prepositions at the front belong to the sentence, not the speaker ("for Clinton ...").
    while (first < end && (LowerIs(first, "of") || LowerIs(first, "for") || LowerIs(first, "at") ||
                           LowerIs(first, "from") || LowerIs(first, "in")))
      ++first;
    return {first, end};
  }
  // The speaker phrase starting at `begin` (after an inverted cue: said Bell / wrote Donald
  // Trump's special envoy Steve Witkoff on X).
  std::pair<uint32_t, uint32_t> SpeakerAfter(uint32_t begin, uint32_t limit) const {
    if (begin >= limit || v.used[begin]) return {begin, begin};
    if (Flag(begin, kSpeakerPronoun) && !Flag(begin, kPronounWho)) return {begin, begin + 1};
    uint32_t end = begin;
    for (uint32_t t = begin; t < limit && t - begin < kMaxSpeakerTokens; ++t) {
      if (t > begin && AbbreviationDot(t, limit)) continue;  // "Rep. Gwen Moore"
      if (!v.IsWord(t) || v.used[t] || Flag(t, kStopWord | kCueVerb | kSpeakerPronoun)) break;
      // After a name, a lower-case word is the sentence going on ("said Clinton reached out"),
      // unless the name was a possessive ("Donald Trump’s special envoy Steve Witkoff").
      if (t > begin && !v.cap[t] && v.cap[t - 1] && !IsPossessive(t - 1)) break;
      end = t + 1;
    }
    return {begin, end};
  }
  // A full stop glued to a short capitalised word and followed by a capitalised word: the dot of
  // a title ("Rep.", "Sen.", "Gov.") the tokenizer split off, inside a name.
  bool AbbreviationDot(uint32_t t, uint32_t limit) const {
    if (!v.IsPunct(t, '.') || t == 0 || t + 1 >= limit) return false;
    const Token& dot = v.doc->tokens[t];
    return !(dot.flags & kSpaceBefore) && v.cap[t - 1] && v.doc->tokens[t - 1].span.size() <= 4 && v.cap[t + 1] &&
           v.sentence[t + 1] == v.sentence[t - 1];
  }
  // An inverted speaker keeps the apposition that ends its sentence ("said Rep. G.K. Butterfield
  // (D-N.C.), head of the Congressional Black Caucus."): up to the full stop, when short and with no
  // cue, mark or clause in it.
  uint32_t WithApposition(uint32_t b, uint32_t limit) const {
    if (b >= limit || !(v.IsPunct(b, ',') || v.IsPunct(b, '('))) return b;
    const uint32_t se = std::min(limit, v.SentenceEnd(b));
    uint32_t e = b;
    int depth = 0;
    for (; e < se && e - b < 16; ++e) {
      depth += v.IsPunct(e, '(') - v.IsPunct(e, ')');
      if (v.IsPunct(e, '.') && depth <= 0) break;
      if (IsAnyMark(e) || v.used[e] || Flag(e, kCueVerb) || LowerIs(e, "that") || v.IsPunct(e, ';')) return b;
      if (v.IsWord(e) && (Flag(e, kPronounHe | kPronounShe | kPronounThey | kPronounIt))) return b;
    }
    if (e - b >= 16) return b;
    while (e > b && (v.IsPunct(e - 1, ',') || v.IsPunct(e - 1, '.'))) --e;
    return e > b + 1 ? e : b;
  }
  bool IsPossessive(uint32_t t) const {
    std::string_view w = v.doc->Text(v.doc->tokens[t].span);
    return (w.size() > 2 && w.substr(w.size() - 2) == "'s") ||
           (w.size() > 4 && (w.substr(w.size() - 4) == "\u2019s" || w.substr(w.size() - 4) == "\u2018s"));
  }
  bool IsDay(uint32_t t) const {
    static constexpr std::string_view kDays[] = {"monday", "tuesday", "wednesday", "thursday", "friday",
                                                 "saturday", "sunday", "week", "weekend", "month", "year"};
    for (auto d : kDays)
      if (LowerIs(t, d)) return true;
    return false;
  }
  bool LowerIs(uint32_t t, std::string_view w) const {
    std::string_view s = v.doc->Text(v.doc->tokens[t].span);
    if (s.size() != w.size()) return false;
    for (size_t i = 0; i < s.size(); ++i)
      if ((s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]) != w[i]) return false;
    return true;
  }
  // The cue at verb token `k`, with the auxiliaries and adverbs right before it (has also said).
  uint32_t CueBegin(uint32_t k, uint32_t limit) const {
    uint32_t b = k;
    while (b > limit && (Flag(b - 1, kAuxWord) || IsAdverb(b - 1)) && !v.used[b - 1] && k - b < 3) --b;
    return b;
  }
  // A lower-case word in -ly (clearly, publicly): an adverb that joins the cue, except the few
  // nouns with that ending that speak ("a close ally said").
  bool IsAdverb(uint32_t t) const {
    std::string_view s = v.doc->Text(v.doc->tokens[t].span);
    if (s.size() < 5 || v.cap[t] || s.substr(s.size() - 2) != "ly") return false;
    return s != "family" && s != "ally" && s != "rally" && s != "assembly" && s != "supply" && s != "reply" &&
           s != "bully" && s != "monopoly";
  }
  // Forms that are nouns as often as verbs: after a determiner they are a thing, not a cue
  // ("The report suggested", "the claims").
  bool NounAfterDeterminer(uint32_t k, uint32_t limit) const {
    static constexpr std::string_view kNounish[] = {"report", "reports", "claim", "claims", "note", "notes",
                                                    "hope", "hopes", "fear", "warning", "promise", "promises",
                                                    "tweet", "tweets", "comment", "statement", "ask", "estimate"};
    bool nounish = false;
    for (auto w : kNounish) nounish = nounish || LowerIs(k, w);
    if (!nounish) return false;
    // "The Axios report", "a New York Times report": a determiner within three words before it.
    for (uint32_t t = k; t > limit && k - t < 4;) {
      --t;
      if (LowerIs(t, "the") || LowerIs(t, "a") || LowerIs(t, "an") || LowerIs(t, "his") || LowerIs(t, "her") ||
          LowerIs(t, "its") || LowerIs(t, "their") || LowerIs(t, "this") || LowerIs(t, "that") || LowerIs(t, "our"))
        return true;
      if (!v.IsWord(t) || (!v.cap[t] && t + 1 != k)) break;
    }
    return false;
  }
  bool IsIngForm(uint32_t k) const {
    std::string_view s = v.doc->Text(v.doc->tokens[k].span);
    return s.size() > 4 && s.substr(s.size() - 3) == "ing";
  }
  void Use(uint32_t a, uint32_t b) {
    for (uint32_t t = a; t < b; ++t) v.used[t] = 1;
  }
  void MarkPairUsed(uint32_t pi) { Use(pairs[pi].open, pairs[pi].close + 1); }

  Span Tokens(uint32_t a, uint32_t b) const { return v.TokenSpan(a, b); }

  void Emit(Span content, QuoteType type, uint32_t cue_a, uint32_t cue_b, uint32_t sp_a, uint32_t sp_b,
            uint32_t sentence, uint32_t content_token) {
    Found f;
    f.quote.content = content;
    f.quote.type = type;
    if (cue_b > cue_a) f.quote.cue = Tokens(cue_a, cue_b);
    if (sp_a != kNone && sp_b > sp_a) {
      f.quote.speaker = Tokens(sp_a, sp_b);
      f.speaker_first = sp_a;
      f.speaker_end = sp_b;
    }
    f.sentence = sentence;
    f.block = v.token_block[content_token];
    out.push_back(std::move(f));
  }

  // Pass 1 helpers. A cue after the closing mark: [,|—] SPEAKER [, apposition,] CUE, CUE SPEAKER,
  // or the dash-and-name signature of a quoted comment (“…” ― Krystal Correa).
  bool TrailingCue(uint32_t close, uint32_t* cue_a, uint32_t* cue_b, uint32_t* sp_a, uint32_t* sp_b) const {
    uint32_t t = close + 1;
    if (!SameBlock(t, close)) return false;
    bool dash = false;
    if (v.IsPunct(t, ',')) ++t;
    else if (v.doc->tokens[t].kind == TokenKind::kDash) dash = true, ++t;
    if (!SameBlock(t, close) || v.used[t]) return false;
    const uint32_t limit = v.blocks[v.token_block[close]].end;
    // A quotation that ends its sentence (“… him.”) is followed by a new sentence, which is its
    // attribution only when it is short ("Zelenskyy wrote.", "he said in a post, ...") and not a
    // clause of its own ("She says it was ...").
    const bool closes_sentence = close > 0 && (v.IsPunct(close - 1, '.') || v.IsPunct(close - 1, '?') ||
                                               v.IsPunct(close - 1, '!'));
    auto short_tail = [&](uint32_t from) {
      if (!closes_sentence) return true;
      uint32_t e = from;
      while (e < limit && e - from < 8 && !Clause(e) && !v.IsPunct(e, '?') && !v.IsPunct(e, '!')) ++e;
      if (e - from >= 8) return false;
      if (e == from) return true;
      return !(LowerIs(from, "that") || Flag(from, kSpeakerPronoun) || LowerIs(from, "the") ||
               LowerIs(from, "a") || LowerIs(from, "there") || LowerIs(from, "i") || LowerIs(from, "we"));
    };
    // CUE SPEAKER (inverted): "said Bell", "wrote Donald Trump‘s special envoy Steve Witkoff".
    uint32_t k = t;
    while (k < limit && Flag(k, kAuxWord) && k - t < 2) ++k;
    if (k < limit && Flag(k, kCueVerb)) {
      auto [a, b] = SpeakerAfter(k + 1, limit);
      if (b > a && short_tail(b)) {
        *cue_a = t, *cue_b = k + 1, *sp_a = a, *sp_b = WithApposition(b, limit);
        return true;
      }
    }
    // SPEAKER [aux] CUE: "he tells Sky News", "Mr Trump wrote", "Bell adds", and with an apposition
    // "Quina Jones, 25, said", "panel Chairman Rep. Jason Chaffetz (R-Utah) said".
    auto [a, b] = SpeakerAfter(t, limit);
    if (b <= a) return false;
    uint32_t c = b;
    if (c < limit && (v.IsPunct(c, ',') || v.IsPunct(c, '('))) {
      int depth = 0;  // a full stop inside a parenthesis ("(D-Wis.)") does not end the clause
      for (uint32_t u = c; u < limit && u - c < 16; ++u) {
        depth += v.IsPunct(u, '(') - v.IsPunct(u, ')');
        if ((v.IsPunct(u, '.') && depth <= 0) || IsAnyMark(u) || v.used[u]) break;
        if (Flag(u, kCueVerb)) {
          c = u;
          break;
        }
      }
    }
    while (c < limit && Flag(c, kAuxWord) && c - b < 3 && !Flag(c, kCueVerb)) ++c;
    if (c < limit && Flag(c, kCueVerb) && !v.used[c] && short_tail(c + 1)) {
      uint32_t cb = CueBegin(c, b);
      uint32_t se = cb;
      while (se > a && (v.IsPunct(se - 1, ',') || Flag(se - 1, kAuxWord))) --se;
      *cue_a = cb, *cue_b = c + 1, *sp_a = a, *sp_b = se;
      return true;
    }
    // “…” ― Name, closing the paragraph.
    if (dash && (b == limit || (b + 1 == limit && v.IsPunct(b, '.'))) && v.cap[a]) {
      *cue_a = close + 1, *cue_b = close + 2, *sp_a = a, *sp_b = b;
      return true;
    }
    return false;
  }
  // A cue before the opening mark: SPEAKER CUE [hearer] (:|,) “ , or "adding: “".
  bool LeadingCue(uint32_t open, uint32_t* cue_a, uint32_t* cue_b, uint32_t* sp_a, uint32_t* sp_b) const {
    if (open == 0) return false;
    uint32_t t = open - 1;
    if (!SameBlock(t, open)) {
      // "Caddell continued:" closing one paragraph, the quotation opening the next.
      const uint32_t bi = v.token_block[open];
      if (bi == 0 || v.blocks[bi].begin != open || v.blocks[bi - 1].end != open ||
          v.blocks[bi - 1].block + 1 != v.blocks[bi].block || !v.IsPunct(t, ':'))
        return false;
    }
    if (!(v.IsPunct(t, ':') || v.IsPunct(t, ','))) return false;
    const uint32_t limit = v.SentenceBegin(t);
    // The cue verb within four words before the mark (told reporters: “…”).
    for (uint32_t k = t; k > limit && t - k < 8;) {
      --k;
      if (!v.IsWord(k) || v.used[k]) break;
      if (t - k > 5 && !Flag(k, kObjectVerb)) continue;  // a long hearer only after tell, ask, ...
      if (!Flag(k, kCueVerb)) continue;
      if (k + 1 < t && !Flag(k, kObjectVerb)) break;  // words after a cue that takes no hearer
      uint32_t ca = CueBegin(k, limit);
      auto [a, b] = SpeakerBefore(ca, limit);
      *cue_a = ca, *cue_b = k + 1;
      if (b > a) {
        *sp_a = a, *sp_b = b;
      } else {
        // "…, adding: “…”": the speaker is the sentence's subject, found after pass 2.
        *sp_a = kNone, *sp_b = kNone;
      }
      return true;
    }
    return false;
  }

  void DirectPass() {
    for (uint32_t pi = 0; pi < pairs.size(); ++pi) {
      const MarkPair& p = pairs[pi];
      if (v.used[p.open] || (p.single && p.words < 3)) continue;
      uint32_t ca = 0, cb = 0, sa = kNone, sb = kNone;
      const Span content = Tokens(p.open, p.close + 1);
      if (p.closed && TrailingCue(p.close, &ca, &cb, &sa, &sb)) {
        MarkPairUsed(pi);
        Use(ca, cb);
        Use(sa, sb);
        Emit(content, QuoteType::kDirect, ca, cb, sa, sb, v.sentence[ca], p.open);
        // A split quote: the next quotation right after this clause, with no cue of its own.
        uint32_t e = std::max(cb, sb);
        const uint32_t limit = v.blocks[v.token_block[p.close]].end;
        uint32_t t = e;
        // The attribution clause may go on ("said Caddell, speaking of her health.") before the
        // second part opens.
        while (t < limit && !IsAnyMark(t) && t - e < 14 && !v.IsPunct(t, '.') && !v.IsPunct(t, ':') &&
               !(v.IsPunct(t, ',') && t + 1 < limit && IsOpenMark(t + 1)))
          ++t;
        if (t < limit && (v.IsPunct(t, '.') || v.IsPunct(t, ',') || v.IsPunct(t, ':'))) ++t;
        if (t < limit && IsOpenMark(t) && pi + 1 < pairs.size() && pairs[pi + 1].open == t &&
            pairs[pi + 1].words >= 3) {
          uint32_t a2, b2, s2, e2;
          if (!pairs[pi + 1].closed || !TrailingCue(pairs[pi + 1].close, &a2, &b2, &s2, &e2)) {
            out.back().quote.content2 = Tokens(pairs[pi + 1].open, pairs[pi + 1].close + 1);
            Use(e, t);
            MarkPairUsed(pi + 1);
            ++pi;
          }
        }
        continue;
      }
      if (LeadingCue(p.open, &ca, &cb, &sa, &sb)) {
        MarkPairUsed(pi);
        Use(ca, cb);
        if (sa != kNone) Use(sa, sb);
        Emit(content, QuoteType::kDirect, ca, cb, sa, sb, v.sentence[ca], p.open);
        out.back().speaker_first = sa == kNone ? kNone - 1 : sa;  // kNone - 1: the sentence's subject
      }
    }
  }

  // The sentence's end for content: the last token, without a final full stop (a stop inside the
  // closing mark stays: “… deplorables.”).
  uint32_t ContentEnd(uint32_t from, uint32_t sentence_end) const {
    uint32_t e = from;
    while (e < sentence_end && !v.used[e]) ++e;
    while (e > from && (v.IsPunct(e - 1, '.') || v.IsPunct(e - 1, ',') || v.IsPunct(e - 1, ';') ||
                        v.IsPunct(e - 1, ':') || v.doc->tokens[e - 1].kind == TokenKind::kDash))
      --e;
    return e;
  }
  // Quotations inside [a, b): extends b over one that the sentence splitter cut, marks them used,
  // and says whether any was inside.
  bool TakeQuotes(uint32_t a, uint32_t* b) {
    bool any = false;
    for (uint32_t t = a; t < *b; ++t) {
      if (!IsOpenMark(t)) continue;
      const MarkPair& p = pairs[pair_at_open[t]];
      if (v.used[p.open]) continue;
      if (p.closed && p.close + 1 > *b) *b = p.close + 1;
      MarkPairUsed(pair_at_open[t]);
      any = true;
    }
    return any;
  }
  QuoteType TypeOf(uint32_t a, uint32_t b, bool has_quotes) const {
    if (!has_quotes) return QuoteType::kIndirect;
    if (IsOpenMark(a) && pairs[pair_at_open[a]].close + 1 >= b) return QuoteType::kDirect;
    return QuoteType::kMixed;
  }

  // Pass 2: reported speech around one cue verb at k (not used yet).
  void ReportedAt(uint32_t k, uint32_t cue_end, bool according) {
    const uint32_t sb = v.SentenceBegin(k), se = v.SentenceEnd(k);
    if (!according && NounAfterDeterminer(k, sb)) return;
    const uint32_t ca = CueBegin(k, sb);
    auto [spa, spb] = SpeakerBefore(ca, sb);
    // The rest of the sentence after "…, Bell says": nothing, or a short phrase of place, time or
    // hearer ("in a statement", "on Tuesday", "to reporters"), not a clause of its own.
    auto tail_is_short = [&](uint32_t from) {
      uint32_t e = ContentEnd(from, se);
      if (e == from) return true;
      if (e - from > 8) return false;
      static constexpr std::string_view kTailStart[] = {"in", "on", "at", "to", "during", "after", "before", "this",
                                                        "last", "earlier", "later", "yesterday", "today", "on",
                                                        "via", "while", "when", "as", "of", "from", "recently",
                                                        "adding", "referring", "citing", "noting", "told", "tells"};
      bool ok = v.IsPunct(from, ',') || v.IsPunct(from, '(');
      for (auto w : kTailStart) ok = ok || LowerIs(from, w);
      if (!ok) return false;
      for (uint32_t t = from; t < e; ++t)
        if (LowerIs(t, "that") || IsAnyMark(t)) return false;
      return true;
    };
    bool subject_speaker = false;
    if (!according && IsIngForm(k) && ca == k) {
      // A participle is a cue only after a comma (", saying the plan ..."), and then the speaker is
      // the sentence's subject; "his post announcing the signing" is not speech.
      if (k == sb || !v.IsPunct(k - 1, ',')) return;
      spa = spb = k;
      subject_speaker = true;
    } else if (!according && spb <= spa && ca > sb && (LowerIs(ca - 1, "and") || LowerIs(ca - 1, "but"))) {
      // "Authorities announced the arrest and said a curfew would continue": the subject again.
      spa = spb = k;
      subject_speaker = true;
    } else if (!according && spb <= spa && ca > sb + 2 && v.IsPunct(ca - 1, ',') && v.cap[sb] &&
               !Flag(sb, kStopWord | kCueVerb) && !IsAnyMark(sb)) {
      // "Angelique Brunner, a developer and spokeswoman for the coalition, said ...": a name with an
      // apposition opens the sentence, and the speaker is all of it. Not when the words after the
      // cue name the speaker instead ("…, said Brian Baker").
      auto [ra, rb] = SpeakerAfter(cue_end, se);
      uint32_t comma = sb;
      while (comma < ca - 1 && !v.IsPunct(comma, ',')) ++comma;
      if (!(rb > ra && v.cap[ra] && tail_is_short(rb)) && comma < ca - 1 && comma - sb <= 6) spa = sb, spb = ca - 1;
    }
    if (according) {
      auto [a, b] = SpeakerAfter(cue_end, se);
      if (b <= a) return;
      if (ca == sb) {
        // According to SPEAKER, CONTENT.
        uint32_t c = b;
        if (c < se && v.IsPunct(c, ',')) ++c;
        uint32_t e = ContentEnd(c, se);
        if (e < c + 2) return;
        bool q = TakeQuotes(c, &e);
        Commit(Tokens(c, e), TypeOf(c, e, q), ca, cue_end, a, b, c, e);
      } else if (ca > sb && v.IsPunct(ca - 1, ',')) {
        // CONTENT, according to SPEAKER.
        uint32_t e = ca - 1;
        if (e < sb + 2) return;
        bool q = TakeQuotes(sb, &e);
        Commit(Tokens(sb, e), TypeOf(sb, e, q), ca, cue_end, a, b, sb, e);
      }
      return;
    }
    // Tail after the cue: the rest of the sentence, when it is short and not a clause of its own.
    if (spb > spa || subject_speaker) {
      const bool after_comma = !subject_speaker && spa > sb && (v.IsPunct(spa - 1, ',') || v.doc->tokens[spa - 1].kind == TokenKind::kDash ||
                                            v.mark[spa - 1] == Mark::kCloseDouble);
      if (after_comma && cue_end + 1 < se && v.IsPunct(cue_end, ',') && !IsAnyMark(spa - 1)) {
        // A cue inside the sentence, between commas ("The museum, Mr. Obama said, would make
        // visitors ..."): what was said is the sentence around it, in two parts.
        uint32_t e1 = spa - 1, b2 = cue_end + 1;
        uint32_t e2 = ContentEnd(b2, se);
        if (e1 >= sb + 2 && e2 >= b2 + 2) {
          bool q1 = TakeQuotes(sb, &e1);
          bool q2 = TakeQuotes(b2, &e2);
          Commit(Tokens(sb, e1), q1 || q2 ? QuoteType::kMixed : QuoteType::kIndirect, ca, cue_end, spa, spb, sb, e1);
          out.back().quote.content2 = Tokens(b2, e2);
          Use(b2, e2);
          return;
        }
      }
      if (after_comma && tail_is_short(cue_end)) {
        // CONTENT, SPEAKER CUE.
        uint32_t e = spa - 1;
        while (e > sb && (v.IsPunct(e - 1, ',') || v.doc->tokens[e - 1].kind == TokenKind::kDash)) --e;
        if (e < sb + 2) return;
        uint32_t a = sb;
        // The sentence may begin inside a quotation the splitter cut: start at its opening mark.
        for (uint32_t pi = 0; pi < pairs.size(); ++pi)
          if (pairs[pi].open < sb && pairs[pi].close >= sb && pairs[pi].close < e) a = pairs[pi].open;
        bool q = TakeQuotes(a, &e);
        Commit(Tokens(a, e), TypeOf(a, e, q), ca, cue_end, spa, spb, a, e);
        return;
      }
      // SPEAKER CUE [hearer] [that] CONTENT.
      uint32_t c = cue_end;
      if (c >= se) return;
      if (Flag(k, kObjectVerb)) {
        // The hearer: up to "that" when it comes soon, else a pronoun or a short name.
        uint32_t that = kNone;
        for (uint32_t t = c; t < se && t - c < 8 && (IsAnyMark(t) || !Clause(t)); ++t)
          if (LowerIs(t, "that")) {
            that = t;
            break;
          }
        uint32_t subject = kNone;  // "told the forum he was ...": the clause starts at its pronoun
        for (uint32_t t = c + 1; that == kNone && t < se && t - c < 6 && !Clause(t); ++t)
          if (Flag(t, kPronounHe | kPronounShe | kPronounThey | kPronounIt) || LowerIs(t, "i") || LowerIs(t, "we")) {
            subject = t;
            break;
          }
        if (that != kNone) c = that;
        else if (c < se && (LowerIs(c, "me") || LowerIs(c, "us") || LowerIs(c, "him") || LowerIs(c, "her") ||
                            LowerIs(c, "them") || LowerIs(c, "reporters") || LowerIs(c, "journalists")))
          ++c;
        else if (subject != kNone)
          c = subject;
        else if (!(c < se && (v.IsPunct(c, ':') || v.IsPunct(c, ',') || IsOpenMark(c))))
          return;  // "told the committee everything": a hearer and no reported words
      }
      // A phrase of place or time before "that": says at a campaign stop in Toledo, Ohio, that ...
      if (c < se && (IsDay(c) || LowerIs(c, "today") || LowerIs(c, "yesterday") || LowerIs(c, "recently") ||
                     LowerIs(c, "at") || LowerIs(c, "in") || LowerIs(c, "on") || LowerIs(c, "during") ||
                     LowerIs(c, "after") || LowerIs(c, "before") || LowerIs(c, "to") || LowerIs(c, "this") ||
                     LowerIs(c, "last") || LowerIs(c, "earlier"))) {
        uint32_t that = kNone;
        for (uint32_t t = c; t < se && t - c < 14 && !IsAnyMark(t); ++t)
          if (LowerIs(t, "that")) {
            that = t;
            break;
          }
        if (that == kNone) {
          // "said after the convention he would not accept": the clause starts at its pronoun.
          for (uint32_t t = c; t < se && t - c < 8 && !IsAnyMark(t) && !Clause(t); ++t)
            if (Flag(t, kPronounHe | kPronounShe | kPronounThey | kPronounIt) || LowerIs(t, "i") || LowerIs(t, "we")) {
              that = t;
              break;
            }
          if (that == kNone || LowerIs(c, "to")) return;  // "said to be", "asked about": not speech
          c = that;
        } else {
          c = that;
        }
      }
      if (c < se && LowerIs(c, "that")) ++c;
      if (c < se && (v.IsPunct(c, ':') || v.IsPunct(c, ','))) ++c;
      if (c >= se || v.used[c]) return;
      if (LowerIs(c, "by") || LowerIs(c, "of") || LowerIs(c, "for") || LowerIs(c, "with") || LowerIs(c, "about"))
        return;
      uint32_t e = ContentEnd(c, se);
      bool q = TakeQuotes(c, &e);
      if (e < c + 2) return;
      Commit(Tokens(c, e), TypeOf(c, e, q), ca, cue_end, spa, spb, c, e);
      if (subject_speaker) out.back().speaker_first = kNone - 1;  // the sentence's subject
      return;
    }
    // No speaker before the cue: CONTENT, CUE SPEAKER ("…, said Bell.").
    if (ca > sb && v.IsPunct(ca - 1, ',')) {
      auto [a, b0] = SpeakerAfter(cue_end, se);
      if (b0 <= a || !tail_is_short(b0)) return;
      const uint32_t b = WithApposition(b0, se);
      uint32_t e = ca - 1;
      if (e < sb + 2) return;
      bool q = TakeQuotes(sb, &e);
      Commit(Tokens(sb, e), TypeOf(sb, e, q), ca, cue_end, a, b, sb, e);
    }
  }
  void Commit(Span content, QuoteType type, uint32_t ca, uint32_t cb, uint32_t sa, uint32_t sb,
              uint32_t c, uint32_t e) {
    Use(ca, cb);
    Use(sa, sb);
    Use(c, e);
    Emit(content, type, ca, cb, sa, sb, v.sentence[ca], c);
  }

  void ReportedPass(const Lexicon* lex) {
    const auto& toks = v.doc->tokens;
    for (uint32_t t = 0; t < toks.size(); ++t) {
      if (v.sentence[t] == kNone || v.used[t] || v.token_block[t] == kNone || v.blocks[v.token_block[t]].heading)
        continue;
      if (Flag(t, kPhraseStart) && !InsideQuote(t)) {
        // A cue of several words ("according to", "pointed out", "going on to say"): the longest
        // that matches, within the sentence.
        uint32_t end = 0;
        const auto* phrases = v.lex->PhrasesFrom(LowerWord(v.doc->Text(toks[t].span)));
        for (const auto& rest : phrases ? *phrases : std::vector<std::vector<std::string>>{}) {
          uint32_t u = t + 1;
          size_t i = 0;
          for (; i < rest.size() && u < toks.size() && v.sentence[u] == v.sentence[t] && !v.used[u] &&
                 LowerWord(v.doc->Text(toks[u].span)) == rest[i];
               ++i, ++u) {
          }
          if (i == rest.size() && u > end) end = u;
        }
        if (end) {
          ReportedAt(t, end, LowerIs(t, "according"));
          continue;
        }
      }
      if (Flag(t, kCueVerb) && !InsideQuote(t)) ReportedAt(t, t + 1, false);
    }
  }
  bool InsideQuote(uint32_t t) const {
    // Pairs are sorted by opening mark; a cue inside a quotation is the quoted person's words.
    auto it = std::upper_bound(pairs.begin(), pairs.end(), t, [](uint32_t x, const MarkPair& p) { return x < p.open; });
    while (it != pairs.begin()) {
      --it;
      // An unclosed quotation does not hide its own attribution ("“Nobody asked us, he added.").
      if (it->close > t && it->closed) return true;
      if (t - it->open > 2000) break;
    }
    return false;
  }

  // Pass 0: "Name: words" opening a paragraph or a headline -- a transcript turn ("WALLACE: If I
  // may, sir ...") or a headline's quote ("Sanders: Clinton needs to ..."). The name must be in
  // capitals or an entity mention, so "The new files: the key takeaways" is not speech.
  void ColonPass() {
    for (const auto& b : v.blocks) {
      uint32_t x = b.begin;
      if (x < b.end && IsAnyMark(x)) ++x;
      uint32_t y = x;
      bool all_caps = true, mention = false;
      while (y < b.end && y - x < 4 && v.IsWord(y) && v.cap[y] && !Flag(y, kStopWord | kCueVerb)) {
        all_caps = all_caps && (v.doc->tokens[y].flags & kAllCaps);
        mention = mention || v.in_mention[y];
        ++y;
      }
      if (y == x || y >= b.end || !v.IsPunct(y, ':') || !(all_caps || mention)) continue;
      if (LowerIs(x, "the") || LowerIs(x, "a")) continue;
      uint32_t c = y + 1, e = b.end;
      while (e > c && (v.IsPunct(e - 1, '.') || (IsAnyMark(e - 1) && !IsOpenMarkClosedBy(e - 1)))) --e;
      uint32_t words = 0;
      for (uint32_t t = c; t < e; ++t) words += v.IsWord(t);
      if (words < 3) continue;
      bool q = TakeQuotes(c, &e);
      QuoteType type = all_caps && !b.heading ? QuoteType::kDirect : TypeOf(c, e, q);
      Commit(Tokens(c, e), type, y, y + 1, x, y, c, e);
    }
  }
  // "The governor added:" closing a paragraph, and the next paragraph, without marks, is what he
  // said (a block quotation whose marks the page dropped).
  void BlockQuotePass() {
    for (uint32_t bi = 0; bi + 1 < v.blocks.size(); ++bi) {
      const auto& b = v.blocks[bi];
      const auto& next = v.blocks[bi + 1];
      if (b.heading || next.heading || b.end < b.begin + 3 || next.block != b.block + 1) continue;
      const uint32_t colon = b.end - 1;
      if (!v.IsPunct(colon, ':') || v.used[colon] || next.begin != b.end || IsAnyMark(next.begin)) continue;
      const uint32_t k = colon - 1;
      if (!Flag(k, kCueVerb) || v.used[k]) continue;
      const uint32_t sb = v.SentenceBegin(k);
      const uint32_t ca = CueBegin(k, sb);
      auto [a, e] = SpeakerBefore(ca, sb);
      if (e <= a) continue;
      uint32_t end = ContentEnd(next.begin, next.end);
      if (end < next.begin + 3) continue;
      bool q = TakeQuotes(next.begin, &end);
      Commit(Tokens(next.begin, end), TypeOf(next.begin, end, q), ca, k + 1, a, e, next.begin, end);
      Use(colon, colon + 1);
    }
  }

  // A mark at t closes a pair that opened inside the content (keep it).
  bool IsOpenMarkClosedBy(uint32_t t) const {
    for (const auto& p : pairs)
      if (p.close == t && p.closed) return true;
    return false;
  }

  // Pass 3: quotations no cue claimed.
  void TurnPass() {
    for (uint32_t pi = 0; pi < pairs.size(); ++pi) {
      const MarkPair& p = pairs[pi];
      if (v.used[p.open]) continue;
      // A quotation of its own: it opens its sentence and says something (four words or more).
      if (p.single || p.words < 4 || v.SentenceBegin(p.open) != p.open) continue;
      MarkPairUsed(pi);
      Emit(Tokens(p.open, p.close + 1), QuoteType::kDirect, 0, 0, kNone, kNone, v.sentence[p.open], p.open);
      out.back().quote.inherited = true;
    }
  }

  // Quotes introduced by a participle ("…, adding: “…”") take the speaker of the sentence's other
  // attribution, or the sentence's opening pronoun or name.
  void SubjectSpeakers() {
    for (auto& f : out) {
      if (f.speaker_first != kNone - 1) continue;
      f.speaker_first = kNone;
      for (const auto& g : out)
        if (&g != &f && g.sentence == f.sentence && g.speaker_first < kNone - 1) {
          f.speaker_first = g.speaker_first;
          f.speaker_end = g.speaker_end;
          break;
        }
      if (f.speaker_first == kNone) {
        const uint32_t sb = v.doc->sentences[f.sentence].first_token;
        // A pronoun, or the run of capitalised words that opens the sentence (a name).
        const uint32_t se = v.SentenceEnd(sb);
        uint32_t a = sb, b = sb;
        if (a < se && Flag(a, kSpeakerPronoun) && !Flag(a, kPronounWho)) b = a + 1;
        else
          while (b < se && b - a < 6 && v.IsWord(b) && v.cap[b] && !Flag(b, kStopWord)) ++b;
        if (b > a) f.speaker_first = a, f.speaker_end = b;
      }
      if (f.speaker_first != kNone) f.quote.speaker = Tokens(f.speaker_first, f.speaker_end);
    }
  }
};

}  // namespace

std::vector<Found> FindAttributions(TokenView& v, const std::vector<MarkPair>& pairs) {
  Finder f(v, pairs);
  f.ColonPass();
  f.DirectPass();
  f.BlockQuotePass();
  f.ReportedPass(nullptr);
  f.TurnPass();
  f.SubjectSpeakers();
  std::sort(f.out.begin(), f.out.end(),
            [](const Found& a, const Found& b) { return a.quote.content.begin < b.quote.content.begin; });
  return std::move(f.out);
}

}  // namespace dossier::quotes
