// LinkEntities: rules applied from the strongest evidence to the weakest (see entity_linking.h).
#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <utility>

#include "dossier/entity_linking.h"
#include "entities/descriptions.h"
#include "entities/names.h"

namespace dossier {
namespace {

using entities::NameForm;

struct Parsed {
  NameForm form;
  EntityType type;
  Span span;
  int tagger_index;  // index into the tagger's mentions
  int cluster = -1;
};

struct Cluster {
  EntityType type;
  std::vector<int> members;  // indices into the parsed mentions, document order
};

// The same written name tagged with different types in one document is one thing: every mention
// takes the type most of its namesakes got (ties: the first one's).
void UnifyTypes(std::vector<Parsed>* ms) {
  std::map<std::string, std::map<EntityType, int>> votes;
  for (const auto& m : *ms) ++votes[m.form.LowerJoined()][m.type];
  for (auto& m : *ms) {
    const auto& v = votes[m.form.LowerJoined()];
    int best = v.at(m.type);
    for (const auto& [type, n] : v)
      if (n > best) best = n, m.type = type;
  }
}

class Linker {
 public:
  explicit Linker(std::vector<Parsed>* ms) : ms_(*ms) {}

  std::vector<Cluster> Run() {
    // 1. Multi-word names first: they carry the most evidence.
    for (int i = 0; i < static_cast<int>(ms_.size()); ++i) {
      if (ms_[i].form.words.size() >= 2) Place(i, FindMultiWord(i));
    }
    // 2. Then single words (surnames, first names, acronyms, one-word places), in document order,
    //    so "the one mentioned last" means last before this mention.
    for (int i = 0; i < static_cast<int>(ms_.size()); ++i) {
      if (ms_[i].form.words.size() == 1) Place(i, FindSingleWord(i));
    }
    return clusters_;
  }

 private:
  void Place(int i, int cluster) {
    if (cluster < 0) {
      cluster = static_cast<int>(clusters_.size());
      clusters_.push_back({ms_[i].type, {}});
    }
    clusters_[cluster].members.push_back(i);
    std::sort(clusters_[cluster].members.begin(), clusters_[cluster].members.end());
    ms_[i].cluster = cluster;
  }

  const NameForm& Form(int i) const { return ms_[i].form; }

  int FindMultiWord(int i) const {
    const NameForm& f = Form(i);
    int tail_match = -1, tail_count = 0;
    for (int c = 0; c < static_cast<int>(clusters_.size()); ++c) {
      if (clusters_[c].type != ms_[i].type) continue;
      for (int j : clusters_[c].members) {
        const NameForm& g = Form(j);
        if (g.lower == f.lower) return c;
        if (ms_[i].type == EntityType::kPerson) {
          // "Donald J. Trump" = "Donald Trump": same first and last name.
          if (g.lower.size() >= 2 && g.lower.front() == f.lower.front() && g.lower.back() == f.lower.back())
            return c;
        } else if (IsTail(f.lower, g.lower) || IsTail(g.lower, f.lower)) {
          // "Justice Department" / "US Justice Department".
          if (tail_match != c) ++tail_count;
          tail_match = c;
          break;
        }
      }
    }
    return tail_count == 1 ? tail_match : -1;
  }

  int FindSingleWord(int i) const {
    const std::string& w = Form(i).lower[0];
    const EntityType type = ms_[i].type;
    // The same single word already placed.
    for (int c = 0; c < static_cast<int>(clusters_.size()); ++c) {
      for (int j : clusters_[c].members)
        if (Form(j).lower.size() == 1 && Form(j).lower[0] == w && clusters_[c].type == type) return c;
    }
    std::vector<int> candidates;
    for (int c = 0; c < static_cast<int>(clusters_.size()); ++c) {
      if (clusters_[c].type != type && !(type != EntityType::kPerson && clusters_[c].type != EntityType::kPerson))
        continue;
      bool match = false;
      for (int j : clusters_[c].members) {
        const NameForm& g = Form(j);
        if (g.lower.size() < 2) continue;
        if (type == EntityType::kPerson) {
          // A surname, a first name, or one part of a hyphenated surname is the person.
          match = g.lower.back() == w || g.lower.front() == w || HyphenPart(g.lower.back(), w);
        } else {
          match = entities::LooksLikeAcronym(Form(i).words[0]) && entities::Acronym(g) == Form(i).words[0];
        }
        if (match) break;
      }
      if (match) candidates.push_back(c);
    }
    if (candidates.size() == 1) return candidates[0];
    if (candidates.empty()) return -1;
    // Several people share the name: the one mentioned last before this mention, if any.
    int best = -1, best_pos = -1;
    for (int c : candidates) {
      for (int j : clusters_[c].members)
        if (j < i && j > best_pos) best_pos = j, best = c;
    }
    return best;
  }

  static bool IsTail(const std::vector<std::string>& shorter, const std::vector<std::string>& longer) {
    if (shorter.size() < 2 || shorter.size() >= longer.size()) return false;
    return std::equal(shorter.rbegin(), shorter.rend(), longer.rbegin());
  }
  static bool HyphenPart(std::string_view surname, std::string_view w) {
    if (surname.find('-') == std::string_view::npos || w.size() < 3) return false;
    return surname.starts_with(std::string(w) + "-") || surname.ends_with("-" + std::string(w));
  }

  std::vector<Parsed>& ms_;
  std::vector<Cluster> clusters_;
};

// The canonical name: the fullest form (most words), then the most frequent, then the first.
// An acronym never wins over the name it stands for.
std::string CanonicalName(const Cluster& c, const std::vector<Parsed>& ms) {
  std::map<std::string, std::pair<int, int>> forms;  // joined -> (count, first member)
  for (int j : c.members) {
    auto [it, fresh] = forms.try_emplace(ms[j].form.Joined(), 0, j);
    ++it->second.first;
  }
  std::string best;
  std::tuple<size_t, int, int> best_key{0, 0, 0};
  for (const auto& [name, stats] : forms) {
    const size_t words = static_cast<size_t>(std::count(name.begin(), name.end(), ' ') + 1);
    std::tuple<size_t, int, int> key{words, stats.first, -stats.second};
    if (best.empty() || key > best_key) best = name, best_key = key;
  }
  return best;
}

}  // namespace

std::vector<Entity> LinkEntities(const Document& doc, const std::vector<EntityMention>& mentions) {
  std::vector<Parsed> parsed;
  parsed.reserve(mentions.size());
  for (size_t i = 0; i < mentions.size(); ++i) {
    const EntityMention& m = mentions[i];
    Parsed p{entities::ParseName(doc.Text(m.span), m.type == EntityType::kPerson), m.type, m.span, static_cast<int>(i)};
    if (p.form.words.empty()) continue;
    parsed.push_back(std::move(p));
  }
  UnifyTypes(&parsed);
  std::vector<Cluster> clusters = Linker(&parsed).Run();

  std::vector<Entity> out;
  for (const Cluster& c : clusters) {
    Entity e;
    e.type = c.type;
    e.name = CanonicalName(c, parsed);
    for (int j : c.members) e.mentions.push_back({parsed[j].span, parsed[j].tagger_index});
    out.push_back(std::move(e));
  }
  // Descriptions the text ties to one person ("the Ukrainian leader").
  entities::AddDescriptionMentions(doc, &out);
  for (Entity& e : out) {
    std::sort(e.mentions.begin(), e.mentions.end(),
              [](const LinkedMention& a, const LinkedMention& b) { return a.span.begin < b.span.begin; });
    e.aliases.push_back(e.name);
    for (const auto& m : e.mentions) {
      std::string surface(doc.Text(m.span));
      if (std::find(e.aliases.begin(), e.aliases.end(), surface) == e.aliases.end())
        e.aliases.push_back(std::move(surface));
    }
  }
  // Ids in order of first mention.
  std::sort(out.begin(), out.end(), [](const Entity& a, const Entity& b) {
    return a.mentions.front().span.begin < b.mentions.front().span.begin;
  });
  for (uint32_t i = 0; i < out.size(); ++i) out[i].id = i;
  return out;
}

}  // namespace dossier
