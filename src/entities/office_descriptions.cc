// AddOfficeDescriptions: role phrases tied to a named person by world knowledge (office_holders.h).
#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <set>

#include "entities/names.h"
#include "entities/office_holders.h"
#include "util/ascii.h"

namespace dossier::entities {
namespace {

// A word starts at `i` unless a letter or digit comes right before it; a non-ASCII character counts
// as a letter except for General Punctuation (curly quotes, dashes: U+2000..U+206F, E2 80/81 xx).
bool StartsWord(std::string_view text, size_t i) {
  if (i == 0) return true;
  const unsigned char prev = static_cast<unsigned char>(text[i - 1]);
  if (prev < 0x80) return !std::isalnum(prev);
  return i >= 3 && text[i - 3] == '\xE2' && (text[i - 2] == '\x80' || text[i - 2] == '\x81');
}

// Trailing punctuation that may follow the last word of a phrase ("the US president,").
bool IsClosing(char c) {
  return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' || c == '"' || c == '\'';
}

// Which people of `entities` a term names: the entity's fullest name or one of its mentions with
// titles stripped is one of the term's spellings; a person known by one word only matches the
// surname of a spelling when no other person in the table has that surname.
bool Names(const OfficeHolders::Impl& kb, const OfficeHolders::Impl::Term& term, const std::set<std::string>& names) {
  for (const std::string& n : term.names) {
    if (names.count(n)) return true;
    const size_t space = n.rfind(' ');
    if (space == std::string::npos) continue;
    const std::string surname = n.substr(space + 1);
    if (names.count(surname) && !kb.shared_surnames.count(surname)) return true;
  }
  return false;
}

bool Serves(const OfficeHolders::Impl::Term& t, const OfficeHolders::Impl::Want& w, std::string_view date) {
  if (w.country >= 0 && t.country != w.country) return false;
  if (!date.empty() && (date < t.from || (!t.to.empty() && date >= t.to))) return false;
  if (w.any) return true;
  if (w.leader) return t.leader;
  return std::find(t.offices.begin(), t.offices.end(), w.office) != t.offices.end();
}

}  // namespace

void AddOfficeDescriptions(const Document& doc, std::string_view lower, const OfficeHolders::Impl& kb,
                           std::string_view date, std::vector<Entity>* entities) {
  if (kb.phrases.empty() || doc.text.empty()) return;
  // Per person: the names it goes by (lower case, titles stripped) and the stories it is named in.
  struct Person {
    int entity;
    std::set<std::string> names;
    std::map<int32_t, uint32_t> stories;  // story -> where the person is first named in it
  };
  std::vector<Person> people;
  // Mentions already made. A phrase may hold a place's or a nationality's name ("the US" in "the US
  // president"), never cut through a mention or hold a person's.
  struct Taken {
    Span span;
    bool person;
  };
  std::vector<Taken> taken;
  for (int e = 0; e < static_cast<int>(entities->size()); ++e) {
    const Entity& ent = (*entities)[e];
    for (const auto& m : ent.mentions) taken.push_back({m.span, ent.type == EntityType::kPerson});
    if (ent.type != EntityType::kPerson) continue;
    Person p{e, {AsciiLower(ent.name)}, {}};
    for (const auto& m : ent.mentions) {
      const NameForm f = ParseName(doc.Text(m.span), true);
      if (!f.words.empty()) p.names.insert(f.LowerJoined());
      p.stories.try_emplace(doc.StoryAt(m.span.begin), m.span.begin);
    }
    people.push_back(std::move(p));
  }
  if (people.empty()) return;

  const std::string_view text = lower;
  for (size_t i = 0; i < text.size(); ++i) {
    if (!std::isalpha(static_cast<unsigned char>(text[i])) || !StartsWord(text, i)) continue;
    {
      size_t w = i;
      while (w < text.size() && text[w] != ' ' && text[w] != '\n') ++w;
      if (!std::binary_search(kb.first_words.begin(), kb.first_words.end(), text.substr(i, w - i),
                              std::less<>())) {
        i = w;
        continue;
      }
    }
    // Grow the phrase a word at a time; stop at a line end or after a word with closing punctuation.
    size_t end = i;
    for (size_t words = 0; words < kb.longest_phrase_words && end < text.size(); ++words) {
      size_t word_end = end;
      while (word_end < text.size() && text[word_end] != ' ' && text[word_end] != '\n') ++word_end;
      size_t trimmed = word_end;
      while (trimmed > end && IsClosing(text[trimmed - 1])) --trimmed;
      // "’" closing a quotation: three bytes.
      while (trimmed >= end + 3 && text.substr(trimmed - 3, 3) == "\xE2\x80\x99") trimmed -= 3;
      auto found = kb.phrases.find(std::string(text.substr(i, trimmed - i)));
      if (found != kb.phrases.end()) {
        const Span span{static_cast<uint32_t>(i), static_cast<uint32_t>(trimmed)};
        const bool overlaps = std::any_of(taken.begin(), taken.end(), [&](const Taken& t) {
          const bool inside = span.begin <= t.span.begin && t.span.end <= span.end;
          return t.span.begin < span.end && span.begin < t.span.end && (t.person || !inside);
        });
        const bool before_name = std::any_of(taken.begin(), taken.end(), [&](const Taken& t) {
          return t.person && t.span.begin == span.end + 1;
        });
        const bool names_other_office = text.substr(trimmed).starts_with(" of ");
        if (!overlaps && !before_name && !names_other_office) {
          const int32_t story = doc.StoryAt(span.begin);
          // The bare office ("the president") needs its holder named before it.
          const bool bare = found->second.front().country < 0;
          std::vector<int> fitting, in_office;
          for (const Person& p : people) {
            auto named = p.stories.find(story);
            if (story != kNoStory && named == p.stories.end()) continue;
            if (bare && (named == p.stories.end() || named->second > span.begin)) continue;
            bool fits = false, current = false;
            for (const auto& term : kb.terms) {
              bool serves = false;
              for (const auto& want : found->second) serves = serves || Serves(term, want, date);
              if (!serves || !Names(kb, term, p.names)) continue;
              fits = true;
              current = current || term.to.empty();
            }
            if (fits) fitting.push_back(p.entity);
            if (current) in_office.push_back(p.entity);
          }
          int chosen = fitting.size() == 1 ? fitting[0] : -1;
          if (fitting.size() > 1 && date.empty() && in_office.size() == 1) chosen = in_office[0];
          if (chosen >= 0) {
            (*entities)[chosen].mentions.push_back({span, -1});
            taken.push_back({span, true});
            i = span.end;
            break;
          }
        }
      }
      if (trimmed < word_end || word_end >= text.size() || text[word_end] == '\n') break;
      end = word_end + 1;
    }
  }
}

}  // namespace dossier::entities
