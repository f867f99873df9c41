// Who the speaker is: a light coreference step of our own, run in text order.
//
//  * A speaker phrase that holds an entity mention is that entity (the last person named in it:
//    "Donald Trump‘s special envoy Steve Witkoff" is Witkoff). Entity linking already ties
//    surnames, titles and tied descriptions ("the Ukrainian leader") to their person.
//  * "he" / "she": the most recent person of that gender who spoke or opened a sentence within the
//    last few sentences of the same story (salience), else the most recent such person mentioned
//    there at all (recency). Gender comes from titles (Mr, Mrs, Sir, Lady) and given names, and
//    agrees with any person whose gender is not known. Captions and other page furniture do not
//    count: a pronoun whose antecedent the scrape lost stays unknown rather than going to the
//    nearest name.
//  * "it": the same for organisations; "who": the name right before it; "they" stays unknown
//    (groups are not one speaker).
//  * A description with a role noun ("the Vermont senator", "the Democratic nominee") goes to the
//    most recent salient person; an indefinite one ("a defence official") stays unknown.
//  * A quotation that continues a turn takes the speaker of the quote before it in the same or
//    the previous two paragraphs of the story.
#include <algorithm>
#include <cctype>

#include "quotes/internal.h"

namespace dossier::quotes {

namespace {

constexpr uint32_t kWindowSentences = 4;  // how far back a pronoun looks for its person
constexpr uint32_t kTurnBlocks = 2;       // how many paragraphs back a continued turn looks

struct MentionRef {
  uint32_t begin, end;  // bytes in Document::text
  uint32_t entity;
  uint32_t sentence;
  bool subject;         // opens its sentence (within its first three tokens)
};

struct Resolver {
  const TokenView& v;
  const Lexicon& lex;
  const Document& doc;
  std::vector<MentionRef> mentions;  // article mentions in text order
  std::vector<Gender> gender;        // per entity
  std::vector<uint8_t> person;       // per entity: a person (by type, title or given name)
  std::vector<uint32_t> speech_ordinal;  // per sentence: how many speech sentences up to it

  std::vector<uint8_t> quoted;  // per token: inside a pair of quotation marks (three words or more)

  Resolver(const TokenView& view, const Lexicon& l, const std::vector<MarkPair>& pairs)
      : v(view), lex(l), doc(*view.doc) {
    quoted.assign(doc.tokens.size(), 0);
    for (const MarkPair& p : pairs)
      if (p.words >= 3)
        for (uint32_t t = p.open; t <= p.close && t < quoted.size(); ++t) quoted[t] = 1;
    gender.assign(doc.entities.size(), Gender::kUnknown);
    for (const Entity& e : doc.entities) {
      for (const LinkedMention& m : e.mentions) {
        const uint32_t t = TokenAt(m.span.begin);
        if (t == kNone || v.sentence[t] == kNone) continue;
        // A name inside a quotation is the speaker's words, not who the story is talking about.
        if (quoted[t]) continue;
        const uint32_t sb = v.SentenceBegin(t);
        mentions.push_back({m.span.begin, m.span.end, e.id, v.sentence[t], t - sb < 3});
      }
      gender[e.id] = GenderOf(e);
    }
    // The tagger sometimes calls a person an organisation ("Mr Trump" as ORG): a title or a known
    // given name makes an entity a person for the speaker step.
    person.assign(doc.entities.size(), 0);
    for (const Entity& e : doc.entities) person[e.id] = e.type == EntityType::kPerson || gender[e.id] != Gender::kUnknown;
    // Sentence ordinals counted over speech sentences only, so page furniture between two
    // paragraphs (a cookie notice) does not push a pronoun's antecedent out of reach.
    speech_ordinal.assign(doc.sentences.size(), 0);
    uint32_t n = 0;
    for (uint32_t si = 0; si < doc.sentences.size(); ++si) {
      const Sentence& s = doc.sentences[si];
      if (s.token_count && v.sentence[s.first_token] == si) ++n;
      speech_ordinal[si] = n;
    }
    std::sort(mentions.begin(), mentions.end(), [](const MentionRef& a, const MentionRef& b) { return a.begin < b.begin; });
  }

  // The token starting at byte `at` (or containing it), kNone if none.
  uint32_t TokenAt(uint32_t at) const {
    const auto& toks = doc.tokens;
    auto it = std::upper_bound(toks.begin(), toks.end(), at, [](uint32_t x, const Token& t) { return x < t.span.begin; });
    if (it == toks.begin()) return kNone;
    --it;
    if (at >= it->span.end) return kNone;
    return static_cast<uint32_t>(it - toks.begin());
  }

  Gender GenderOf(const Entity& e) const {
    // A title written before or in a mention decides; else the given name.
    for (const LinkedMention& m : e.mentions) {
      std::string_view s = doc.Text(m.span);
      size_t sp = s.find(' ');
      if (sp != std::string_view::npos) {
        Gender g = lex.TitleGender(LowerWord(s.substr(0, sp)));
        if (g != Gender::kUnknown) return g;
      }
      const uint32_t t = TokenAt(m.span.begin);
      if (t != kNone && t > 0) {
        Gender g = lex.TitleGender(LowerWord(doc.Text(doc.tokens[t - 1].span)));
        if (g != Gender::kUnknown) return g;
      }
    }
    std::string_view name = e.name;
    return lex.NameGender(LowerWord(name.substr(0, name.find(' '))));
  }

  bool Agrees(uint32_t entity, Gender want) const {
    if (want == Gender::kUnknown) return true;
    Gender g = gender[entity];
    return g == Gender::kUnknown || g == want;
  }
  bool IsType(uint32_t entity, EntityType t) const {
    if (t == EntityType::kPerson) return person[entity];
    return doc.entities[entity].type == t && !person[entity];
  }
  int32_t StoryOf(uint32_t sentence) const { return doc.blocks[doc.sentences[sentence].block].story; }

  // The entity named in a speaker phrase: its last person mention, else its last mention.
  int32_t Named(Span s) const {
    // "Rep. Gwen Moore (D-Wis.)": the name is before the parenthesis.
    if (s.size() > 2 && doc.text[s.end - 1] == ')') {
      const size_t open = doc.text.rfind('(', s.end - 1);
      if (open != std::string::npos && open > s.begin) {
        s.end = static_cast<uint32_t>(open);
        while (s.end > s.begin && doc.text[s.end - 1] == ' ') --s.end;
      }
    }
    auto it = std::lower_bound(mentions.begin(), mentions.end(), s.begin,
                               [](const MentionRef& m, uint32_t x) { return m.end <= x; });
    int32_t who = -1, any = -1;
    for (; it != mentions.end() && it->begin < s.end; ++it) {
      // The head of the phrase: a mention that ends it ("the Ukrainian leader" is not Ukrainian),
      // or a person named in it who is not someone's ("Trump's spokesman" is not Trump).
      const bool head = it->end >= s.end;
      std::string_view after = doc.Text({it->end, std::min<uint32_t>(it->end + 4, s.end)});
      const bool possessive = after.substr(0, 1) == "'" || after.substr(0, 3) == "\u2019" || after.substr(0, 3) == "\u2018";
      if (IsType(it->entity, EntityType::kPerson) && (head || !possessive)) who = static_cast<int32_t>(it->entity);
      else if (head) any = static_cast<int32_t>(it->entity);
    }
    return who >= 0 ? who : any;
  }

  // The most salient entity of `type` agreeing with `want` before byte `at` in sentence `sent`:
  // earlier speakers and sentence subjects first, then any mention, within the window.
  int32_t Antecedent(uint32_t at, uint32_t sent, EntityType type, Gender want, const std::vector<Found>& done,
                     bool salient_only, uint32_t window = kWindowSentences, bool speakers_first = false) const {
    const int32_t story = StoryOf(sent);
    const uint32_t now = speech_ordinal[sent];
    auto in_window = [&](uint32_t s) {
      return s <= sent && speech_ordinal[s] + window >= now && StoryOf(s) == story;
    };
    // Salient: speakers of earlier quotes and sentence subjects; the latest wins.
    uint32_t best_pos = 0;
    int32_t best = -1;
    // Newest first; `done` is in text order, so the window's start ends the walk (linear overall).
    for (auto rit = done.rbegin(); rit != done.rend(); ++rit) {
      const Found& f = *rit;
      if (f.sentence < sent && speech_ordinal[f.sentence] + window < now) break;
      if (f.quote.entity < 0 || f.quote.speaker.empty() || f.quote.speaker.begin >= at) continue;
      // An earlier speaker counts as a person even when the tagger typed it otherwise (not a place).
      const bool type_ok = IsType(f.quote.entity, type) ||
                           (type == EntityType::kPerson && doc.entities[f.quote.entity].type != EntityType::kLocation);
      if (!in_window(f.sentence) || !type_ok || !Agrees(f.quote.entity, want)) continue;
      if (best < 0 || f.quote.speaker.begin >= best_pos) best = f.quote.entity, best_pos = f.quote.speaker.begin;
    }
    auto it = std::lower_bound(mentions.begin(), mentions.end(), at,
                               [](const MentionRef& m, uint32_t x) { return m.begin < x; });
    int32_t recent = -1;
    while (it != mentions.begin()) {
      --it;
      if (speech_ordinal[it->sentence] + window < now) break;
      if (!in_window(it->sentence) || !IsType(it->entity, type) || !Agrees(it->entity, want)) continue;
      if (recent < 0) recent = static_cast<int32_t>(it->entity);
      if (it->subject && !speakers_first && (best < 0 || it->begin > best_pos)) {
        best = static_cast<int32_t>(it->entity);
        best_pos = it->begin;
      }
    }
    if (best >= 0 || salient_only) return best;
    return recent;
  }

  void Resolve(Found& f, const std::vector<Found>& done) {
    Quote& q = f.quote;
    if (q.speaker.empty()) return;
    if (int32_t e = Named(q.speaker); e >= 0) {
      // A one-word entity ("WALLACE" in a transcript, kept apart by the entity stage) is the person
      // whose full name ends with it, when the text has one.
      q.entity = e;
      const std::string one = LowerWord(doc.entities[e].name);
      if (one.find(' ') == std::string::npos)
        for (const Entity& other : doc.entities) {
          const std::string n = LowerWord(other.name);
          if (other.id != static_cast<uint32_t>(e) && IsType(other.id, EntityType::kPerson) && n.size() > one.size() &&
              n.compare(n.size() - one.size(), one.size(), one) == 0 && n[n.size() - one.size() - 1] == ' ') {
            q.entity = static_cast<int32_t>(other.id);
            break;
          }
        }
      return;
    }
    const uint32_t a = f.speaker_first, b = f.speaker_end;
    if (a == kNone) return;
    const uint32_t flags = v.flags[a];
    if (b == a + 1 && (flags & kSpeakerPronoun)) {
      if (flags & kPronounHe) q.entity = Antecedent(q.speaker.begin, f.sentence, EntityType::kPerson, Gender::kMale, done, false);
      else if (flags & kPronounShe) q.entity = Antecedent(q.speaker.begin, f.sentence, EntityType::kPerson, Gender::kFemale, done, false);
      else if (flags & kPronounIt) q.entity = Antecedent(q.speaker.begin, f.sentence, EntityType::kOrganization, Gender::kUnknown, done, false);
      else if (flags & kPronounWho) {
        // The name right before "who" (", who said").
        auto it = std::lower_bound(mentions.begin(), mentions.end(), q.speaker.begin,
                                   [](const MentionRef& m, uint32_t x) { return m.begin < x; });
        if (it != mentions.begin()) {
          --it;
          if (q.speaker.begin - it->end <= 3) q.entity = static_cast<int32_t>(it->entity);
        }
      }
      return;
    }
    // A surname or name the tagger missed: a person whose name ends with the same word.
    // Compared in lower case, so a transcript's "PENCE:" finds Mike Pence.
    const std::string last = LowerWord(doc.Text(doc.tokens[b - 1].span));
    if (v.cap[b - 1] && !(v.flags[a] & kStopWord)) {
      size_t looked = 0;  // bounded: a long document must not make this quadratic
      for (auto it = mentions.rbegin(); it != mentions.rend() && ++looked < 4000; ++it) {
        if (!IsType(it->entity, EntityType::kPerson)) continue;
        const std::string n = LowerWord(doc.entities[it->entity].name);
        if (n.size() > last.size() && n.substr(n.size() - last.size()) == last && n[n.size() - last.size() - 1] == ' ') {
          q.entity = static_cast<int32_t>(it->entity);
          return;
        }
      }
    }
    // "the Democratic presidential nominee": a definite description with a role noun.
    if (LowerWord(doc.Text(doc.tokens[a].span)) == "the" && (v.flags[b - 1] & kRoleWord))
    {
      // A description is said of someone the story is about: the latest speaker in a wider window,
      // else the latest sentence subject.
      q.entity = Antecedent(q.speaker.begin, f.sentence, EntityType::kPerson, Gender::kUnknown, done, true,
                            2 * kWindowSentences, true);
      if (q.entity < 0)
        q.entity = Antecedent(q.speaker.begin, f.sentence, EntityType::kPerson, Gender::kUnknown, done, true,
                              2 * kWindowSentences);
    }
  }

  // A continued turn: the speaker of the latest quote before it, within two paragraphs, same story.
  void Inherit(Found& f, const std::vector<Found>& done) {
    for (auto it = done.rbegin(); it != done.rend(); ++it) {
      if (it->quote.content.begin >= f.quote.content.begin) continue;
      if (it->block + kTurnBlocks < f.block) break;
      if (StoryOf(it->sentence) != StoryOf(f.sentence)) break;
      if (it->quote.speaker.empty()) continue;
      f.quote.speaker = it->quote.speaker;
      f.quote.entity = it->quote.entity;
      f.quote.speaker_name = it->quote.speaker_name;
      return;
    }
    f.quote.inherited = false;  // nothing to inherit: the speaker is unknown
  }

  // A name without a possessive ending the tagger left on it ("Donald Trump’s").
  static std::string WithoutPossessive(std::string_view s) {
    if (s.size() > 4 && (s.substr(s.size() - 2) == "'s" || s.substr(s.size() - 4) == "\u2019s" ||
                         s.substr(s.size() - 4) == "\u2018s"))
      s = s.substr(0, s.size() - (s[s.size() - 2] == '\'' ? 2 : 4));
    return std::string(s);
  }
  // A one-word name ("Trump") completed from the text when it also writes the full name
  // ("Donald Trump", in a headline the entity stage did not link): the first capitalised word
  // written right before it that is not a title.
  std::string FullName(std::string name) const {
    if (name.empty() || name.find(' ') != std::string::npos) return name;
    for (size_t at = doc.text.find(name); at != std::string::npos; at = doc.text.find(name, at + 1)) {
      if (at < 2 || doc.text[at - 1] != ' ') continue;
      const size_t end = at + name.size();
      if (end < doc.text.size() && std::isalpha(static_cast<unsigned char>(doc.text[end]))) continue;
      size_t b = at - 1;
      while (b > 0 && std::isalpha(static_cast<unsigned char>(doc.text[b - 1]))) --b;
      std::string_view first(doc.text.data() + b, at - 1 - b);
      if (first.size() < 2 || !std::isupper(static_cast<unsigned char>(first[0]))) continue;
      const std::string lower = LowerWord(first);
      if (lex.TitleGender(lower) != Gender::kUnknown || (lex.Flags(lower) & (kRoleWord | kStopWord)) ||
          lower == "president" || lower == "senator" || lower == "the" || lower == "former" || lower == "said")
        continue;
      if (lex.NameGender(lower) == Gender::kUnknown) continue;  // a known given name only
      return std::string(first) + " " + name;
    }
    return name;
  }
  void Name(Quote& q) const {
    if (q.entity >= 0) {
      q.speaker_name = FullName(WithoutPossessive(doc.entities[q.entity].name));
      return;
    }
    if (q.speaker.empty()) return;
    // The speaker text names someone when it is a capitalised name, not a pronoun or a description.
    const uint32_t t = TokenAt(q.speaker.begin);
    if (t == kNone || !v.cap[t] || (v.flags[t] & (kSpeakerPronoun | kStopWord))) return;
    std::string first = LowerWord(doc.Text(doc.tokens[t].span));
    static constexpr std::string_view kNotName[] = {"the", "a", "an", "i", "we", "another", "one", "some", "many",
                                                    "several", "other", "most", "all", "both", "each", "few",
                                                    "his", "her", "their", "its", "our", "my", "your"};
    for (auto w : kNotName)
      if (first == w) return;
    q.speaker_name = WithoutPossessive(doc.Text(q.speaker));
  }
};

}  // namespace

void ResolveSpeakers(const TokenView& v, const Lexicon& lex, const std::vector<MarkPair>& pairs,
                     std::vector<Found>* found) {
  Resolver r(v, lex, pairs);
  // In text order, each quote seeing the ones before it (salience of earlier speakers).
  std::vector<Found> done;
  done.reserve(found->size());
  for (Found& f : *found) {
    if (f.quote.inherited) r.Inherit(f, done);
    else {
      r.Resolve(f, done);
      r.Name(f.quote);
    }
    done.push_back(f);
  }
  *found = std::move(done);
}

}  // namespace dossier::quotes
