#include "entities/names.h"

#include <algorithm>
#include <array>

namespace dossier::entities {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// Honorifics and titles that may precede a name. Multi-word titles are matched word by word
// because any of their words is itself a title word ("Army Secretary", "Secretary of State").
constexpr std::array<std::string_view, 48> kTitleWords = {
    "mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "lord", "lady", "prof", "professor",
    "president", "vice", "prime", "minister", "chancellor", "secretary", "senator", "sen", "rep",
    "representative", "gov", "governor", "general", "gen", "colonel", "col", "captain", "capt",
    "king", "queen", "prince", "princess", "pope", "judge", "justice", "rev", "reverend",
    "sheikh", "mayor", "ambassador", "envoy", "speaker", "chief", "commissioner", "army", "defence"};
// Words that may sit inside a multi-word title ("Secretary of State", "Minister for Europe").
constexpr std::array<std::string_view, 6> kTitleGlue = {"of", "for", "state", "foreign", "defense", "us"};

constexpr std::array<std::string_view, 34> kRoleNouns = {
    "president", "leader", "minister", "secretary", "envoy", "chancellor", "king", "queen", "prince",
    "princess", "senator", "governor", "mayor", "ambassador", "spokesman", "spokeswoman",
    "spokesperson", "chairman", "chairwoman", "chair", "ceo", "founder", "director", "commander",
    "general", "premier", "pope", "judge", "speaker", "financier", "billionaire", "actor", "singer",
    "coach"};

bool IsTitleWord(std::string_view lower) {
  if (!lower.empty() && lower.back() == '.') lower.remove_suffix(1);
  return std::find(kTitleWords.begin(), kTitleWords.end(), lower) != kTitleWords.end();
}
bool IsTitleGlue(std::string_view lower) {
  return std::find(kTitleGlue.begin(), kTitleGlue.end(), lower) != kTitleGlue.end();
}

bool IsFunctionWord(std::string_view lower) {
  return lower == "of" || lower == "and" || lower == "the" || lower == "for" || lower == "de" ||
         lower == "la" || lower == "&";
}

// "J.D." -> "JD", "J." -> "J": initials compare equal however they are dotted.
std::string JoinInitials(std::string_view w) {
  bool initials = w.size() >= 2;
  for (size_t i = 0; i < w.size() && initials; ++i) {
    if (i % 2 == 0) initials = w[i] >= 'A' && w[i] <= 'Z';
    else initials = w[i] == '.';
  }
  if (!initials) return std::string(w);
  std::string out;
  for (char c : w)
    if (c != '.') out.push_back(c);
  return out;
}

}  // namespace

std::string NameForm::Joined() const {
  std::string out;
  for (const auto& w : words) {
    if (!out.empty()) out.push_back(' ');
    out += w;
  }
  return out;
}

std::string NameForm::LowerJoined() const {
  std::string out;
  for (const auto& w : lower) {
    if (!out.empty()) out.push_back(' ');
    out += w;
  }
  return out;
}

NameForm ParseName(std::string_view text, bool person) {
  std::vector<std::string> words;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    size_t b = i;
    while (i < text.size() && text[i] != ' ') ++i;
    if (i > b) words.push_back(JoinInitials(text.substr(b, i - b)));
  }
  NameForm form;
  size_t start = 0;
  if (!words.empty() && Lower(words[0]) == "the") start = 1;
  // Strip title words while a name word remains after them.
  size_t t = start;
  while (person && t + 1 < words.size()) {
    const std::string lw = Lower(words[t]);
    if (IsTitleWord(lw) || (t > start && IsTitleGlue(lw))) {
      ++t;
      continue;
    }
    // "US President Donald Trump": a country abbreviation before a title word is part of it.
    if (t + 2 < words.size() && lw.size() <= 3 && IsTitleWord(Lower(words[t + 1]))) {
      ++t;
      continue;
    }
    break;
  }
  for (size_t k = start; k < t; ++k) {
    if (!form.title.empty()) form.title.push_back(' ');
    std::string lw = Lower(words[k]);
    if (!lw.empty() && lw.back() == '.') lw.pop_back();
    form.title += lw;
  }
  for (size_t k = t; k < words.size(); ++k) {
    form.words.push_back(words[k]);
    form.lower.push_back(Lower(words[k]));
  }
  return form;
}

std::string Acronym(const NameForm& name) {
  if (name.words.size() < 2) return {};
  std::string out;
  for (size_t i = 0; i < name.words.size(); ++i) {
    if (IsFunctionWord(name.lower[i])) continue;
    const char c = name.words[i][0];
    if (c < 'A' || c > 'Z') return {};
    out.push_back(c);
  }
  return out.size() >= 2 ? out : std::string();
}

bool LooksLikeAcronym(std::string_view w) {
  if (w.size() < 2 || w.size() > 6) return false;
  for (char c : w)
    if (c < 'A' || c > 'Z') return false;
  return true;
}

bool IsRoleNoun(std::string_view lower_word) {
  return std::find(kRoleNouns.begin(), kRoleNouns.end(), lower_word) != kRoleNouns.end();
}

}  // namespace dossier::entities
