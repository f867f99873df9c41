// Loading data/entities/countries.tsv and office-holders.tsv into the phrase table the linker uses.
#include "entities/office_holders.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "entities/names.h"
#include "util/ascii.h"

namespace dossier {
namespace {

std::vector<std::string> SplitOn(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t b = 0;
  while (b <= s.size()) {
    size_t e = s.find(sep, b);
    if (e == std::string_view::npos) e = s.size();
    out.emplace_back(s.substr(b, e - b));
    b = e + 1;
  }
  return out;
}

// Data lines of a TSV file: comments ('#') and blank lines skipped, '\r' dropped.
std::vector<std::vector<std::string>> Rows(std::string_view text) {
  std::vector<std::vector<std::string>> rows;
  for (std::string& line : SplitOn(text, '\n')) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    rows.push_back(SplitOn(line, '\t'));
  }
  return rows;
}

bool IsIsoDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

std::vector<std::string> LowerList(std::string_view cell) {
  std::vector<std::string> out;
  for (const std::string& s : SplitOn(cell, '|'))
    if (!s.empty()) out.push_back(AsciiLower(s));
  return out;
}

size_t WordCount(std::string_view s) {
  size_t n = 1;
  for (char c : s) n += c == ' ';
  return n;
}

}  // namespace

OfficeHolders::OfficeHolders(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
OfficeHolders::~OfficeHolders() = default;

std::unique_ptr<OfficeHolders> OfficeHolders::FromText(std::string_view countries, std::string_view offices,
                                                       std::string* error) {
  auto kb = std::make_unique<Impl>();
  std::vector<std::vector<std::string>> modifiers, names;  // per country
  int line = 0;
  for (const auto& row : Rows(countries)) {
    ++line;
    if (row.size() != 3 || row[0].empty() || row[1].empty()) {
      *error = "countries.tsv: data row " + std::to_string(line) + " needs 3 tab-separated columns";
      return nullptr;
    }
    kb->countries.push_back(row[0]);
    modifiers.push_back(LowerList(row[1]));
    names.push_back(LowerList(row[2]));
  }
  line = 0;
  for (const auto& row : Rows(offices)) {
    ++line;
    const std::string where = "office-holders.tsv: data row " + std::to_string(line);
    if (row.size() < 5 || row.size() > 6) {
      *error = where + " needs 5 or 6 tab-separated columns";
      return nullptr;
    }
    Impl::Term t;
    t.country = -1;
    for (size_t c = 0; c < kb->countries.size(); ++c)
      if (kb->countries[c] == row[0]) t.country = static_cast<int>(c);
    if (t.country < 0) {
      *error = where + ": unknown country key '" + row[0] + "'";
      return nullptr;
    }
    t.offices = LowerList(row[1]);
    t.leader = row[2] == "1";
    t.names = LowerList(row[3]);
    t.from = row[4];
    t.to = row.size() == 6 ? row[5] : "";
    if (t.offices.empty() || t.names.empty() || (row[2] != "0" && row[2] != "1") || !IsIsoDate(t.from) ||
        (!t.to.empty() && !IsIsoDate(t.to))) {
      *error = where + ": expected offices, 0 or 1, names and ISO dates";
      return nullptr;
    }
    kb->terms.push_back(std::move(t));
  }
  auto add = [&](std::string phrase, Impl::Want want) {
    kb->longest_phrase_words = std::max(kb->longest_phrase_words, WordCount(phrase));
    auto& wants = kb->phrases[std::move(phrase)];
    for (const Impl::Want& w : wants)
      if (w.country == want.country && w.office == want.office && w.leader == want.leader && w.any == want.any)
        return;
    wants.push_back(std::move(want));
  };
  for (const Impl::Term& t : kb->terms) {
    const int c = t.country;
    for (const std::string& office : t.offices) {
      add("the " + office, {-1, office});
      for (const std::string& m : modifiers[c]) add("the " + m + " " + office, {c, office});
      for (const std::string& n : names[c]) {
        add(n + "'s " + office, {c, office});
        add(n + "\xE2\x80\x99s " + office, {c, office});  // ’
      }
    }
    for (const std::string& m : modifiers[c]) {
      if (t.leader) add("the " + m + " leader", {c, "", true});
      for (const char* possessive : {"his ", "her ", "their "}) add(possessive + m + " counterpart", {c, "", false, true});
    }
    if (t.leader)
      for (const std::string& n : names[c]) {
        add(n + "'s leader", {c, "", true});
        add(n + "\xE2\x80\x99s leader", {c, "", true});
      }
  }
  // Which people each surname belongs to; the terms of one person share the same list of names.
  std::unordered_map<std::string, const std::vector<std::string>*> surname_owner;
  for (const Impl::Term& t : kb->terms)
    for (const std::string& n : t.names) {
      const size_t space = n.rfind(' ');
      if (space == std::string::npos) continue;
      auto [it, fresh] = surname_owner.try_emplace(n.substr(space + 1), &t.names);
      if (!fresh && *it->second != t.names) kb->shared_surnames.insert(it->first);
    }
  for (const auto& [phrase, wants] : kb->phrases) kb->first_words.push_back(phrase.substr(0, phrase.find(' ')));
  std::sort(kb->first_words.begin(), kb->first_words.end());
  kb->first_words.erase(std::unique(kb->first_words.begin(), kb->first_words.end()), kb->first_words.end());
  return std::unique_ptr<OfficeHolders>(new OfficeHolders(std::move(kb)));
}

std::unique_ptr<OfficeHolders> OfficeHolders::Load(const std::string& data_dir, std::string* error) {
  auto read = [&](const std::string& name, std::string* out) {
    std::ifstream in(data_dir + "/entities/" + name, std::ios::binary);
    if (!in) {
      *error = "cannot read " + data_dir + "/entities/" + name;
      return false;
    }
    std::ostringstream s;
    s << in.rdbuf();
    *out = s.str();
    return true;
  };
  std::string countries, offices;
  if (!read("countries.tsv", &countries) || !read("office-holders.tsv", &offices)) return nullptr;
  return FromText(countries, offices, error);
}

}  // namespace dossier
