// LinkEntities: rules applied from the strongest evidence to the weakest (see entity_linking.h).
#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "dossier/entity_linking.h"
#include "entities/descriptions.h"
#include "entities/linker_internal.h"
#include "entities/names.h"
#include "entities/office_holders.h"
#include "util/ascii.h"

namespace dossier {
namespace {

using entities::NameForm;

struct Parsed {
  NameForm form;
  EntityType type;
  Span span;
  int tagger_index;  // index into the tagger's mentions; -1 for a name the linker found itself
  bool honorific = false;  // written after "Mr", "Sir", "Dr", ...: certainly a person
  int cluster = -1;
};

struct Cluster {
  EntityType type;
  std::vector<int> members;  // indices into the parsed mentions, document order
};

// The same name tagged with different types in one document is one thing: every mention takes the
// type most of its namesakes got, titles stripped ("Mr Trump" and "Trump" are namesakes). A personal
// honorific makes a mention a person's and counts double; ties go to the type of the first mention.
void UnifyTypes(std::vector<Parsed>* ms) {
  struct Votes {
    std::map<EntityType, int> count;
    EntityType first;
  };
  std::map<std::string, Votes> votes;
  for (const auto& m : *ms) {
    auto [it, fresh] = votes.try_emplace(m.form.LowerJoined(), Votes{{}, m.type});
    it->second.count[m.type] += m.honorific ? 2 : 1;
  }
  for (auto& m : *ms) {
    if (m.honorific) continue;
    const Votes& v = votes[m.form.LowerJoined()];
    EntityType best = v.first;
    for (const auto& [type, n] : v.count)
      if (n > v.count.at(best)) best = type;
    m.type = best;
  }
}

// "Mr Trump" makes Trump a person's surname, so "Donald Trump" is a person too, whatever the tagger
// said of it (it types a name by its neighbours: "Donald Trump and Volodymyr Zelenskyy at the White
// House" reads like a list of organisations). Names of two or three words only: "Trump Tower" does
// not end in the surname.
void NamesEndingInAnHonouredSurname(std::vector<Parsed>* ms) {
  std::vector<std::string> surnames;
  for (const auto& m : *ms)
    if (m.honorific) surnames.push_back(m.form.lower.back());
  for (auto& m : *ms) {
    if (m.type == EntityType::kPerson || m.form.words.size() < 2 || m.form.words.size() > 3) continue;
    if (std::find(surnames.begin(), surnames.end(), m.form.lower.back()) == surnames.end()) continue;
    // "Mr Lane" does not make "Mill Lane" a person: the head word says what it is.
    if (entities::EndsInPlaceHead(m.form) || entities::EndsInOrganisationHead(m.form)) continue;
    m.type = EntityType::kPerson;
    m.honorific = true;  // as certain as the honorific it leans on
  }
}

// A one-word name that the tagger typed as a place or organisation, but that is the surname of
// exactly one person named in full in the document, is that person: "Jeffrey Epstein" ... "the
// Epstein files". (Taggers type a surname by its neighbours; the document knows better.)
void SurnamesOfNamedPeople(std::vector<Parsed>* ms) {
  std::map<std::string, std::string> full_name_of;  // surname -> the one full name ("" if several)
  for (const auto& m : *ms) {
    if (m.type != EntityType::kPerson || m.form.words.size() < 2) continue;
    auto [it, fresh] = full_name_of.try_emplace(m.form.lower.back(), m.form.LowerJoined());
    if (!fresh && it->second != m.form.LowerJoined()) it->second.clear();
  }
  for (auto& m : *ms) {
    if (m.type == EntityType::kPerson || m.form.words.size() != 1) continue;
    auto it = full_name_of.find(m.form.lower[0]);
    if (it != full_name_of.end() && !it->second.empty()) m.type = EntityType::kPerson;
  }
}

// Places every mention in a cluster. Each mention is compared with the clusters that could take it;
// a document with ~10^5 mentions (a scrape of several MB analysed whole) made comparing it with
// every cluster quadratic (hours), so the clusters are found through an index of the words their
// members hold: every rule below needs a shared word (the same last word for names of several
// words; the same word, a first or last name or a hyphen part, for one word) or, for an acronym,
// a member whose initials spell it. `scan_every_cluster` compares with all of them instead: the
// reference the index is tested against (same clusters, same order, so the same answers).
class Linker {
 public:
  Linker(std::vector<Parsed>* ms, bool scan_every_cluster) : ms_(*ms), scan_every_cluster_(scan_every_cluster) {}

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
    // Members stay in document order (mentions are placed out of order: names of several words
    // first).
    std::vector<int>& members = clusters_[cluster].members;
    members.insert(std::upper_bound(members.begin(), members.end(), i), i);
    ms_[i].cluster = cluster;
    IndexMember(i, cluster);
  }

  // Acronym keys cannot collide with words: no name word holds a control character.
  static std::string AcronymKey(std::string_view acronym) { return "\x01" + std::string(acronym); }

  void IndexMember(int j, int cluster) {
    const NameForm& g = Form(j);
    auto add = [&](std::string key) {
      std::vector<int>& list = clusters_by_key_[std::move(key)];
      if (list.empty() || list.back() != cluster) list.push_back(cluster);
    };
    for (const std::string& w : g.lower) {
      add(w);
      if (w.find('-') == std::string::npos) continue;
      for (size_t b = 0; b <= w.size();) {
        size_t e = w.find('-', b);
        if (e == std::string::npos) e = w.size();
        if (e > b) add(w.substr(b, e - b));
        b = e + 1;
      }
    }
    if (g.lower.size() >= 2) add(AcronymKey(entities::Acronym(g)));
  }

  // The clusters that may hold a member matching on `key` (or `key2`), in cluster order; every
  // cluster when scanning.
  std::vector<int> ClustersWith(const std::string& key, const std::string* key2 = nullptr) const {
    std::vector<int> out;
    if (scan_every_cluster_) {
      out.resize(clusters_.size());
      for (size_t c = 0; c < out.size(); ++c) out[c] = static_cast<int>(c);
      return out;
    }
    for (const std::string* k : {&key, key2}) {
      if (!k) continue;
      auto it = clusters_by_key_.find(*k);
      if (it != clusters_by_key_.end()) out.insert(out.end(), it->second.begin(), it->second.end());
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }

  const NameForm& Form(int i) const { return ms_[i].form; }

  int FindMultiWord(int i) const {
    const NameForm& f = Form(i);
    int tail_match = -1, tail_count = 0;
    // Every rule below needs the same last word.
    for (int c : ClustersWith(f.lower.back())) {
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
    const char gender = GenderOf(i);
    // The same word, as a word, a first or last name or a hyphen part of a member; or an acronym.
    const std::string acronym = AcronymKey(Form(i).words[0]);
    const std::vector<int> nearby = ClustersWith(w, &acronym);
    // The same single word already placed (with no honorific of the other sex: "Mr Marlow" then
    // "Ms Marlow" are two people).
    for (int c : nearby) {
      if (gender != 0 && ClusterGender(c) != 0 && ClusterGender(c) != gender) continue;
      for (int j : clusters_[c].members)
        if (Form(j).lower.size() == 1 && Form(j).lower[0] == w && clusters_[c].type == type) return c;
    }
    std::vector<int> candidates;
    for (int c : nearby) {
      // "Ms Marlow" is not "Sir John Marlow".
      if (gender != 0 && ClusterGender(c) != 0 && ClusterGender(c) != gender) continue;
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
    // Of several, those whose honorifics already agree with this one ("Mr Marlow": Sir John Marlow).
    if (gender != 0 && candidates.size() > 1) {
      std::vector<int> agreeing;
      for (int c : candidates)
        if (ClusterGender(c) == gender) agreeing.push_back(c);
      if (!agreeing.empty()) candidates = std::move(agreeing);
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

  // 'm' or 'f' as an honorific says ("Mr", "Sir", "Lord" / "Mrs", "Ms", "Dame", "Lady"), else 0.
  char GenderOf(int i) const {
    const std::string& t = Form(i).title;
    const std::string first = t.substr(0, t.find(' '));
    if (first == "mr" || first == "sir" || first == "lord") return 'm';
    if (first == "mrs" || first == "ms" || first == "miss" || first == "dame" || first == "lady") return 'f';
    return 0;
  }
  char ClusterGender(int c) const {
    for (int j : clusters_[c].members)
      if (char g = GenderOf(j)) return g;
    return 0;
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
  const bool scan_every_cluster_;
  std::vector<Cluster> clusters_;
  // A member's words (and hyphen parts) and acronym -> the clusters holding such a member, in the
  // order they got it; a cluster may come back after others (only repeats in a row are skipped), so
  // ClustersWith sorts and removes duplicates.
  std::unordered_map<std::string, std::vector<int>> clusters_by_key_;
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

namespace {

std::vector<Entity> Link(const Document& doc, const std::vector<EntityMention>& mentions,
                         const LinkingKnowledge& knowledge, bool scan_every_cluster) {
  std::vector<Parsed> parsed;
  parsed.reserve(mentions.size());
  // Surnames of people named in full or after an honorific, for splitting "Trump-Putin".
  std::vector<std::string> surnames;
  for (const EntityMention& m : mentions) {
    const std::string_view text = doc.Text(m.span);
    if (m.type != EntityType::kPerson && !entities::StartsWithPersonalHonorific(text)) continue;
    const NameForm f = entities::ParseName(text, true);
    if (f.words.size() >= 2 || (entities::StartsWithPersonalHonorific(text) && !f.words.empty()))
      surnames.push_back(f.lower.back());
  }
  std::vector<std::pair<EntityMention, int>> split;  // mentions after splitting, with their tagger index
  for (size_t i = 0; i < mentions.size(); ++i) {
    std::vector<Span> parts = entities::SplitNamePair(doc.text, mentions[i].span, surnames);
    if (parts.empty()) {
      split.push_back({mentions[i], static_cast<int>(i)});
      continue;
    }
    for (Span part : parts) {
      EntityMention m = mentions[i];
      m.span = part;
      m.type = EntityType::kPerson;
      split.push_back({m, static_cast<int>(i)});
    }
  }
  // Hyphenated pairs of known surnames the tagger left untagged, used as modifiers ("this
  // Witkoff-Dmitriev plan"): a person's mention for each part. Tokens inside a mention are skipped.
  {
    size_t next = 0;  // first mention not ending before the token (mentions are in text order)
    for (uint32_t t = 0; t < doc.tokens.size(); ++t) {
      const Token& tok = doc.tokens[t];
      while (next < mentions.size() && mentions[next].span.end <= tok.span.begin) ++next;
      if (next < mentions.size() && mentions[next].span.begin < tok.span.end) continue;
      if (tok.kind != TokenKind::kWord || !(tok.flags & kCapitalized)) continue;
      for (Span part : entities::SplitNamePair(doc.text, tok.span, surnames)) {
        EntityMention m;
        m.type = EntityType::kPerson;
        m.first_token = t;
        m.token_count = 1;
        m.span = part;
        split.push_back({m, -1});
      }
    }
    std::stable_sort(split.begin(), split.end(),
                     [](const auto& a, const auto& b) { return a.first.span.begin < b.first.span.begin; });
  }
  for (const auto& [m, tagger_index] : split) {
    const size_t i = static_cast<size_t>(tagger_index);
    Span span = m.span;
    std::string_view text = doc.Text(span);
    if (entities::IsPronounLike(text)) continue;
    span.end -= static_cast<uint32_t>(entities::PossessiveSuffixLength(text));
    text = doc.Text(span);
    const bool honorific = entities::StartsWithPersonalHonorific(text);
    EntityType type = honorific ? EntityType::kPerson : m.type;
    if (type == EntityType::kPerson && !honorific &&
        entities::EndsInOrganisationHead(entities::ParseName(text, false)))
      type = EntityType::kOrganization;
    if (type == EntityType::kPerson && !honorific && entities::EndsInPlaceHead(entities::ParseName(text, false)))
      type = EntityType::kLocation;
    // Titles are stripped from every mention for the type vote; organisations get their words
    // back below if they stay organisations ("General Motors").
    Parsed p{entities::ParseName(text, true), type, span, static_cast<int>(i), honorific};
    if (p.form.words.empty()) continue;
    // "Ms Marlow" tagged as "Marlow": the honorific outside the span still tells who this is.
    if (p.form.title.empty()) {
      if (std::string before = entities::HonorificBefore(doc.text, span.begin); !before.empty()) {
        p.form.title = std::move(before);
        p.type = EntityType::kPerson;
        p.honorific = true;
      }
    }
    parsed.push_back(std::move(p));
  }
  NamesEndingInAnHonouredSurname(&parsed);
  UnifyTypes(&parsed);
  SurnamesOfNamedPeople(&parsed);
  for (Parsed& p : parsed) {
    if (p.type != EntityType::kPerson) p.form = entities::ParseName(doc.Text(p.span), false);
  }
  std::erase_if(parsed, [](const Parsed& p) { return p.form.words.empty(); });
  std::vector<Cluster> clusters = Linker(&parsed, scan_every_cluster).Run();

  std::vector<Entity> out;
  std::vector<std::vector<entities::TitledMention>> titles;  // per entity: titles written before its name
  for (const Cluster& c : clusters) {
    Entity e;
    e.type = c.type;
    e.name = CanonicalName(c, parsed);
    titles.emplace_back();
    for (int j : c.members) {
      e.mentions.push_back({parsed[j].span, parsed[j].tagger_index});
      if (!parsed[j].form.title.empty()) titles.back().push_back({parsed[j].form.title, parsed[j].span.begin});
      // A title the tagger left outside the name: "President Trump" tagged as "Trump".
      if (c.type == EntityType::kPerson) {
        std::string title = entities::TitleWordBefore(doc.text, parsed[j].span.begin);
        if (!title.empty()) titles.back().push_back({std::move(title), parsed[j].span.begin});
      }
    }
    out.push_back(std::move(e));
  }
  // Descriptions the text ties to one person ("the Ukrainian leader").
  // Both description steps search the lower-cased text; it is made once here.
  const std::string lower = AsciiLower(doc.text);
  entities::AddDescriptionMentions(doc, lower, titles, &out);
  // Role phrases only world knowledge ties to a person named in the story ("the US president").
  if (knowledge.offices)
    entities::AddOfficeDescriptions(doc, lower, knowledge.offices->impl(), knowledge.date, &out);
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

}  // namespace

std::vector<Entity> LinkEntities(const Document& doc, const std::vector<EntityMention>& mentions,
                                 const LinkingKnowledge& knowledge) {
  return Link(doc, mentions, knowledge, false);
}

namespace entities_internal {
std::vector<Entity> LinkEntitiesScanningEveryCluster(const Document& doc, const std::vector<EntityMention>& mentions,
                                                     const LinkingKnowledge& knowledge) {
  return Link(doc, mentions, knowledge, true);
}
}  // namespace entities_internal

}  // namespace dossier
