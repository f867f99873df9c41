// CorpusEntityLinker: document entities merged across documents (rules in dossier/corpus_entities.h).
#include <algorithm>
#include <map>
#include <numeric>
#include <set>
#include <string>
#include <tuple>

#include "dossier/corpus_entities.h"
#include "dossier/output.h"
#include "entities/names.h"
#include "util/ascii.h"

namespace dossier {
namespace {

bool IsLowerAscii(char c) { return c >= 'a' && c <= 'z'; }

// "the US president", "his Ukrainian counterpart": a role, not a name. Names end in a capitalised
// word once a leading determiner is set aside.
bool IsDescription(std::string_view s) {
  for (std::string_view det : {"the ", "The ", "his ", "His ", "her ", "Her ", "their ", "Their ", "its ", "Its "})
    if (s.starts_with(det)) {
      s.remove_prefix(det.size());
      break;
    }
  const size_t space = s.rfind(' ');
  const std::string_view last = space == std::string_view::npos ? s : s.substr(space + 1);
  return last.empty() || IsLowerAscii(last[0]);
}

struct Node {
  uint32_t doc, index;       // the summary: docs_[doc][index]
  bool person;
  std::vector<std::string> full_keys;  // people: lower-case full names, and first + last name
  std::string single;        // people named by one word only: that word
  std::string canonical;     // lower-case canonical name
  std::vector<std::string> aliases;  // lower-case names it was written as (not descriptions)
};

class UnionFind {
 public:
  explicit UnionFind(size_t n) : parent_(n), by_name_(n, 0), by_surname_(n, 0), by_alias_(n, 0) {
    std::iota(parent_.begin(), parent_.end(), 0);
  }
  size_t Find(size_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  enum Evidence { kName, kSurname, kAlias };
  // Joins the sets of a and b, counting the evidence on the new root; false if already one.
  bool Union(size_t a, size_t b, Evidence why) {
    a = Find(a);
    b = Find(b);
    if (a == b) return false;
    if (b < a) std::swap(a, b);  // the earliest node stays the root: deterministic
    parent_[b] = a;
    by_name_[a] += by_name_[b] + (why == kName);
    by_surname_[a] += by_surname_[b] + (why == kSurname);
    by_alias_[a] += by_alias_[b] + (why == kAlias);
    return true;
  }
  uint32_t by_name(size_t r) const { return by_name_[r]; }
  uint32_t by_surname(size_t r) const { return by_surname_[r]; }
  uint32_t by_alias(size_t r) const { return by_alias_[r]; }

 private:
  std::vector<size_t> parent_;
  std::vector<uint32_t> by_name_, by_surname_, by_alias_;
};

}  // namespace

uint32_t CorpusEntity::documents() const {
  std::set<uint32_t> docs;
  for (const Member& m : members) docs.insert(m.document);
  return static_cast<uint32_t>(docs.size());
}

std::vector<EntitySummary> SummariseEntities(const Document& doc) {
  std::vector<EntitySummary> out;
  out.reserve(doc.entities.size());
  for (const Entity& e : doc.entities) {
    EntitySummary s;
    s.entity = e.id;
    s.type = e.type;
    s.name = e.name;
    for (const auto& m : e.mentions) {
      const std::string_view text = doc.Text(m.span);
      auto it = std::find_if(s.surfaces.begin(), s.surfaces.end(), [&](const auto& x) { return x.text == text; });
      if (it == s.surfaces.end()) s.surfaces.push_back({std::string(text), 1});
      else ++it->mentions;
    }
    out.push_back(std::move(s));
  }
  return out;
}

uint32_t CorpusEntityLinker::Add(std::vector<EntitySummary> entities) {
  docs_.push_back(std::move(entities));
  return static_cast<uint32_t>(docs_.size() - 1);
}

std::vector<CorpusEntity> CorpusEntityLinker::Link() const {
  std::vector<Node> nodes;
  for (uint32_t d = 0; d < docs_.size(); ++d) {
    for (uint32_t i = 0; i < docs_[d].size(); ++i) {
      const EntitySummary& s = docs_[d][i];
      Node n{d, i, s.type == EntityType::kPerson, {}, {}, AsciiLower(s.name), {}};
      std::vector<std::string> names{s.name};
      for (const auto& surface : s.surfaces)
        if (!IsDescription(surface.text)) names.push_back(surface.text);
      for (const std::string& name : names) {
        const entities::NameForm f = entities::ParseName(name, n.person);
        if (f.words.empty()) continue;
        const std::string key = f.LowerJoined();
        if (std::find(n.aliases.begin(), n.aliases.end(), key) == n.aliases.end()) n.aliases.push_back(key);
        if (!n.person || f.lower.size() < 2) continue;
        for (const std::string& k : {key, f.lower.front() + " " + f.lower.back()})
          if (std::find(n.full_keys.begin(), n.full_keys.end(), k) == n.full_keys.end()) n.full_keys.push_back(k);
      }
      if (n.person && n.full_keys.empty() && !n.aliases.empty()) n.single = n.aliases.front();
      nodes.push_back(std::move(n));
    }
  }
  UnionFind uf(nodes.size());
  // (1) People who share a full name.
  {
    std::map<std::string, size_t> first;
    for (size_t i = 0; i < nodes.size(); ++i)
      for (const std::string& k : nodes[i].full_keys) {
        auto [it, fresh] = first.try_emplace(k, i);
        if (!fresh) uf.Union(it->second, i, UnionFind::kName);
      }
  }
  // (2) People named by one word: the one corpus person with that surname, else others named by
  // the same word alone.
  {
    std::map<std::string, std::set<size_t>> people_by_surname;
    for (size_t i = 0; i < nodes.size(); ++i)
      for (const std::string& k : nodes[i].full_keys)
        people_by_surname[k.substr(k.rfind(' ') + 1)].insert(uf.Find(i));
    std::map<std::string, size_t> first_single;
    for (size_t i = 0; i < nodes.size(); ++i) {
      if (nodes[i].single.empty()) continue;
      auto it = people_by_surname.find(nodes[i].single);
      if (it != people_by_surname.end() && it->second.size() == 1) {
        uf.Union(*it->second.begin(), i, UnionFind::kSurname);
        continue;
      }
      auto [f, fresh] = first_single.try_emplace(nodes[i].single, i);
      if (!fresh) uf.Union(f->second, i, UnionFind::kName);
    }
  }
  // (3) Other names: the same name, or a name that is another name's alias and no one else's.
  {
    std::map<std::string, size_t> first;
    std::map<std::string, std::set<std::string>> names_with_alias;
    for (size_t i = 0; i < nodes.size(); ++i) {
      if (nodes[i].person) continue;
      auto [it, fresh] = first.try_emplace(nodes[i].canonical, i);
      if (!fresh) uf.Union(it->second, i, UnionFind::kName);
      for (const std::string& a : nodes[i].aliases)
        if (a != nodes[i].canonical) names_with_alias[a].insert(nodes[i].canonical);
    }
    for (size_t i = 0; i < nodes.size(); ++i) {
      if (nodes[i].person) continue;
      auto it = names_with_alias.find(nodes[i].canonical);
      if (it == names_with_alias.end() || it->second.size() != 1) continue;
      auto other = first.find(*it->second.begin());
      if (other != first.end()) uf.Union(other->second, i, UnionFind::kAlias);
    }
  }
  // Gather the sets; ids in order of first appearance (node order is document order).
  std::map<size_t, size_t> index_of_root;
  std::vector<CorpusEntity> out;
  std::vector<std::map<std::string, std::pair<uint32_t, size_t>>> alias_counts;  // text -> (mentions, first seen)
  std::vector<std::map<std::string, std::pair<uint32_t, size_t>>> name_counts;
  std::vector<std::map<EntityType, uint32_t>> type_counts;
  size_t seen = 0;
  for (size_t i = 0; i < nodes.size(); ++i) {
    const size_t root = uf.Find(i);
    auto [it, fresh] = index_of_root.try_emplace(root, out.size());
    if (fresh) {
      CorpusEntity e;
      e.id = static_cast<uint32_t>(out.size());
      e.joined_by_name = uf.by_name(root);
      e.joined_by_surname = uf.by_surname(root);
      e.joined_by_alias = uf.by_alias(root);
      out.push_back(std::move(e));
      alias_counts.emplace_back();
      name_counts.emplace_back();
      type_counts.emplace_back();
    }
    const size_t c = it->second;
    const EntitySummary& s = docs_[nodes[i].doc][nodes[i].index];
    CorpusEntity& e = out[c];
    e.members.push_back({nodes[i].doc, s.entity});
    uint32_t mentions = 0;
    for (const auto& surface : s.surfaces) {
      auto [a, fresh_alias] = alias_counts[c].try_emplace(surface.text, 0, seen++);
      a->second.first += surface.mentions;
      mentions += surface.mentions;
    }
    e.mentions += mentions;
    type_counts[c][s.type] += mentions;
    // A person's name is a full name where one was written.
    const bool full = !nodes[i].person || s.name.find(' ') != std::string::npos;
    auto [n, fresh_name] = name_counts[c].try_emplace(s.name, 0, seen++);
    n->second.first += mentions + (full ? 1u << 20 : 0);  // full names first, then by mentions
  }
  for (size_t c = 0; c < out.size(); ++c) {
    CorpusEntity& e = out[c];
    auto most = [](const auto& counts) {
      return std::max_element(counts.begin(), counts.end(), [](const auto& a, const auto& b) {
        return std::tie(a.second.first, b.second.second) < std::tie(b.second.first, a.second.second);
      });
    };
    e.name = most(name_counts[c])->first;
    e.type = std::max_element(type_counts[c].begin(), type_counts[c].end(), [](const auto& a, const auto& b) {
               return a.second < b.second;
             })->first;
    std::vector<std::pair<std::string, std::pair<uint32_t, size_t>>> aliases(alias_counts[c].begin(),
                                                                              alias_counts[c].end());
    std::sort(aliases.begin(), aliases.end(), [](const auto& a, const auto& b) {
      return std::tie(b.second.first, a.second.second) < std::tie(a.second.first, b.second.second);
    });
    for (auto& [text, count] : aliases) e.aliases.push_back({text, count.first});
  }
  return out;
}

void WriteCorpusEntityJson(const CorpusEntity& e, const std::vector<std::string>& document_names, std::string* out) {
  *out += "{\"id\":" + std::to_string(e.id) + ",\"type\":";
  AppendJsonString(EntityTypeName(e.type), out);
  *out += ",\"name\":";
  AppendJsonString(e.name, out);
  *out += ",\"aliases\":[";
  for (size_t i = 0; i < e.aliases.size(); ++i) {
    *out += i ? ",{\"text\":" : "{\"text\":";
    AppendJsonString(e.aliases[i].text, out);
    *out += ",\"mentions\":" + std::to_string(e.aliases[i].mentions) + "}";
  }
  *out += "],\"documents\":" + std::to_string(e.documents()) + ",\"mentions\":" + std::to_string(e.mentions);
  *out += ",\"evidence\":{\"same_name\":" + std::to_string(e.joined_by_name) +
          ",\"surname\":" + std::to_string(e.joined_by_surname) + ",\"alias\":" + std::to_string(e.joined_by_alias) +
          "},\"members\":[";
  for (size_t i = 0; i < e.members.size(); ++i) {
    *out += i ? ",{\"document\":" : "{\"document\":";
    const uint32_t d = e.members[i].document;
    AppendJsonString(d < document_names.size() ? document_names[d] : std::to_string(d), out);
    *out += ",\"entity\":" + std::to_string(e.members[i].entity) + "}";
  }
  *out += "]}";
}

}  // namespace dossier
