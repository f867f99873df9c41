#include "quotes/lexicon.h"

namespace dossier::quotes {

std::string LowerWord(std::string_view w) {
  std::string out;
  out.reserve(w.size());
  for (size_t i = 0; i < w.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(w[i]);
    // U+2018 / U+2019 (E2 80 98 / E2 80 99) read as an ASCII apostrophe.
    if (c == 0xE2 && i + 2 < w.size() && static_cast<unsigned char>(w[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(w[i + 2]) == 0x98 || static_cast<unsigned char>(w[i + 2]) == 0x99)) {
      out.push_back('\'');
      i += 2;
      continue;
    }
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : static_cast<char>(c));
  }
  return out;
}

bool Lexicon::Parse(std::string_view text, std::string* error) {
  std::string section;
  size_t line_no = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    std::vector<std::string> words;
    for (size_t i = 0; i < line.size();) {
      while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
      size_t j = i;
      while (j < line.size() && line[j] != ' ' && line[j] != '\t' && line[j] != '\r') ++j;
      if (j > i) words.push_back(LowerWord(line.substr(i, j - i)));
      i = j;
    }
    if (words.empty()) {
      if (nl == text.size()) break;
      continue;
    }
    if (words[0][0] == '@') {
      section = words[0].substr(1);
      if (words.size() > 1) {
        *error = "line " + std::to_string(line_no) + ": text after a section name";
        return false;
      }
      continue;
    }
    auto add_all = [&](Set* s) { s->insert(words.begin(), words.end()); };
    if (section == "verb") add_all(&verbs_);
    else if (section == "object") add_all(&object_verbs_);
    else if (section == "aux") add_all(&aux_);
    else if (section == "stop") add_all(&stop_);
    else if (section == "role") add_all(&roles_);
    else if (section == "male-title") add_all(&male_title_);
    else if (section == "female-title") add_all(&female_title_);
    else if (section == "male") add_all(&male_);
    else if (section == "female") add_all(&female_);
    else if (section == "phrase") phrases_[words[0]].push_back(std::vector<std::string>(words.begin() + 1, words.end()));
    else if (section == "he" || section == "she" || section == "it" || section == "they" || section == "who")
      for (const auto& w : words) pronouns_[w] = section;
    else {
      *error = "line " + std::to_string(line_no) + ": entry outside a known section ('" + section + "')";
      return false;
    }
    if (nl == text.size()) break;
  }
  if (verbs_.empty()) {
    *error = "no cue verbs (@verb section)";
    return false;
  }
  auto mark = [&](const Set& set, uint32_t bit) {
    for (const auto& w : set) flags_[w] |= bit;
  };
  mark(verbs_, kCueVerb);
  mark(object_verbs_, kObjectVerb);
  mark(aux_, kAuxWord);
  mark(stop_, kStopWord);
  mark(roles_, kRoleWord);
  for (const auto& [w, list] : phrases_) flags_[w] |= kPhraseStart;
  for (const auto& [w, kind] : pronouns_)
    flags_[w] |= kind == "he" ? kPronounHe : kind == "she" ? kPronounShe : kind == "it" ? kPronounIt
               : kind == "they" ? kPronounThey : kPronounWho;
  return true;
}

const std::vector<std::vector<std::string>>* Lexicon::PhrasesFrom(std::string_view w) const {
  auto it = phrases_.find(std::string(w));
  return it == phrases_.end() ? nullptr : &it->second;
}

Gender Lexicon::TitleGender(std::string_view w) const {
  if (Has(male_title_, w)) return Gender::kMale;
  if (Has(female_title_, w)) return Gender::kFemale;
  return Gender::kUnknown;
}

Gender Lexicon::NameGender(std::string_view w) const {
  if (Has(female_, w)) return Gender::kFemale;
  if (Has(male_, w)) return Gender::kMale;
  return Gender::kUnknown;
}

std::string_view Lexicon::PronounKind(std::string_view w) const {
  auto it = pronouns_.find(std::string(w));
  return it == pronouns_.end() ? std::string_view() : std::string_view(it->second);
}

}  // namespace dossier::quotes
