#include "entities/descriptions.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "entities/names.h"
#include "util/ascii.h"

namespace dossier::entities {
namespace {

bool IsCapitalised(std::string_view w) { return !w.empty() && w[0] >= 'A' && w[0] <= 'Z'; }

// Splits on single spaces; stops at punctuation that ends a phrase.
std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t b = i;
    while (i < s.size() && s[i] != ' ') ++i;
    if (i > b) out.push_back(s.substr(b, i - b));
  }
  return out;
}

// "the w1 ... wk ..." with wk a role noun, at most 5 words after "the" up to it: the role
// "w1 ... wk". What follows the role noun qualifies it ("the first foreign minister to visit since
// the attack" is "the first foreign minister").
std::string RoleOfPhrase(std::string_view phrase) {
  std::vector<std::string_view> words = Words(phrase);
  if (words.size() < 2 || AsciiLower(words[0]) != "the") return {};
  std::string role;
  for (size_t i = 1; i < words.size() && i <= 5; ++i) {
    std::string_view w = words[i];
    for (char c : w)
      if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '\'')) return {};
    if (!role.empty()) role.push_back(' ');
    role += AsciiLower(w);
    if (IsRoleNoun(AsciiLower(w))) return role;
  }
  return {};
}

}  // namespace

std::vector<std::string> RolesAround(std::string_view text, Span name) {
  std::vector<std::string> roles;
  // (1) Title words written right before the name: "US President Donald Trump".
  {
    std::string_view before = text.substr(0, name.begin);
    std::vector<std::string_view> words;
    size_t end = before.size();
    while (words.size() < 3 && end > 0 && before[end - 1] == ' ') {
      size_t b = end - 1;
      while (b > 0 && before[b - 1] != ' ') --b;
      std::string_view w = before.substr(b, end - 1 - b);
      if (!IsCapitalised(w) || w.find_first_of(".,;:\"") != std::string_view::npos) break;
      words.insert(words.begin(), w);
      end = b;
    }
    // The word next to the name must be a role; the role needs a qualifier ("US", "Ukrainian",
    // "Army") to be specific enough to stand for one person.
    while (!words.empty() && !IsRoleNoun(AsciiLower(words.back()))) words.clear();
    if (words.size() >= 2) {
      std::string role;
      for (auto w : words) {
        if (!role.empty()) role.push_back(' ');
        role += AsciiLower(w);
      }
      roles.push_back(role);
    }
  }
  // (2) Apposition after the name: "Zelenskyy, the Ukrainian leader, said".
  {
    std::string_view after = text.substr(name.end);
    if (after.starts_with(", the ") || after.starts_with(", The ")) {
      after.remove_prefix(2);
      size_t stop = after.find_first_of(",.;:\n");
      if (stop != std::string_view::npos) {
        std::string role = RoleOfPhrase(after.substr(0, stop));
        if (!role.empty() && role.find(' ') != std::string::npos) roles.push_back(role);
      }
    }
  }
  // (3) Apposition before the name: "the Ukrainian leader, Volodymyr Zelenskyy".
  {
    std::string_view before = text.substr(0, name.begin);
    if (before.ends_with(", ")) {
      before.remove_suffix(2);
      size_t the = AsciiLower(before).rfind("the ");
      if (the != std::string::npos && (the == 0 || before[the - 1] == ' ')) {
        std::string role = RoleOfPhrase(before.substr(the));
        if (!role.empty() && role.find(' ') != std::string::npos) roles.push_back(role);
      }
    }
  }
  return roles;
}

void AddDescriptionMentions(const Document& doc, std::string_view lower,
                            const std::vector<std::vector<TitledMention>>& titles, std::vector<Entity>* entities) {
  // (scope, role) -> (entity index, earliest tying position); roles tied to two entities are
  // dropped. The scope is kWholeDocument for roles an apposition or a qualified title gives, and
  // the story for a bare title: in a file of several stories, "President Macron" in one does not
  // stop "the president" from naming "President Trump" in another.
  constexpr int kWholeDocument = -2;
  using Key = std::pair<int, std::string>;
  std::map<Key, std::pair<int, uint32_t>> roles;
  std::set<Key> ambiguous;
  for (int e = 0; e < static_cast<int>(entities->size()); ++e) {
    const Entity& ent = (*entities)[e];
    if (ent.type != EntityType::kPerson) continue;
    for (const auto& m : ent.mentions) {
      for (const std::string& role : RolesAround(doc.text, m.span)) {
        const Key key{kWholeDocument, role};
        auto [it, fresh] = roles.try_emplace(key, e, m.span.begin);
        if (!fresh && it->second.first != e) ambiguous.insert(key);
        if (!fresh && it->second.first == e) it->second.second = std::min(it->second.second, m.span.begin);
      }
    }
  }
  // Titles written in front of a name: a role when the title ends in a role noun ("president",
  // "foreign secretary"), not an honorific ("mr").
  for (int e = 0; e < static_cast<int>(entities->size()) && e < static_cast<int>(titles.size()); ++e) {
    if ((*entities)[e].type != EntityType::kPerson) continue;
    for (const TitledMention& t : titles[e]) {
      const size_t space = t.title.rfind(' ');
      const std::string head = space == std::string::npos ? t.title : t.title.substr(space + 1);
      if (!IsRoleNoun(head)) continue;
      const Key key{doc.StoryAt(t.begin), t.title};
      auto [it, fresh] = roles.try_emplace(key, e, t.begin);
      if (!fresh && it->second.first != e) ambiguous.insert(key);
      if (!fresh && it->second.first == e) it->second.second = std::min(it->second.second, t.begin);
    }
  }
  if (roles.empty()) return;
  // Spans already taken by a name.
  std::vector<Span> taken;
  for (const Entity& ent : *entities)
    for (const auto& m : ent.mentions) taken.push_back(m.span);
  for (const auto& [key, where] : roles) {
    if (ambiguous.count(key)) continue;
    const std::string needle = "the " + key.second;
    size_t at = where.second;
    while ((at = lower.find(needle, at)) != std::string::npos) {
      const size_t end = at + needle.size();
      const bool word_start = at == 0 || !std::isalnum(static_cast<unsigned char>(lower[at - 1]));
      const bool word_end = end == lower.size() || !std::isalnum(static_cast<unsigned char>(lower[end]));
      const bool names_other_office = std::string_view(lower).substr(end).starts_with(" of ");
      // The description proper starts after "the".
      Span span{static_cast<uint32_t>(at), static_cast<uint32_t>(end)};
      const bool overlaps = std::any_of(taken.begin(), taken.end(), [&](const Span& t) {
        return t.begin < span.end && span.begin < t.end;
      });
      // "the US president Donald Trump": a title in front of a name already linked, not a mention.
      const bool before_name = std::any_of(taken.begin(), taken.end(), [&](const Span& t) {
        return t.begin == span.end + 1;
      });
      const bool in_scope = key.first == kWholeDocument || doc.StoryAt(span.begin) == key.first;
      if (word_start && word_end && !overlaps && !before_name && !names_other_office && in_scope) {
        (*entities)[where.first].mentions.push_back({span, -1});
        taken.push_back(span);
      }
      at = end;
    }
  }
}

}  // namespace dossier::entities
