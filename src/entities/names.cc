#include "entities/names.h"
#include "util/ascii.h"

#include <algorithm>
#include <array>

namespace dossier::entities {
namespace {

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
  if (!words.empty() && AsciiLower(words[0]) == "the") start = 1;
  // Strip title words while a name word remains after them.
  size_t t = start;
  while (person && t + 1 < words.size()) {
    const std::string lw = AsciiLower(words[t]);
    if (IsTitleWord(lw) || (t > start && IsTitleGlue(lw))) {
      ++t;
      continue;
    }
    // "US President Donald Trump": a country abbreviation before a title word is part of it.
    if (t + 2 < words.size() && lw.size() <= 3 && IsTitleWord(AsciiLower(words[t + 1]))) {
      ++t;
      continue;
    }
    break;
  }
  for (size_t k = start; k < t; ++k) {
    if (!form.title.empty()) form.title.push_back(' ');
    std::string lw = AsciiLower(words[k]);
    if (!lw.empty() && lw.back() == '.') lw.pop_back();
    form.title += lw;
  }
  for (size_t k = t; k < words.size(); ++k) {
    form.words.push_back(words[k]);
    form.lower.push_back(AsciiLower(words[k]));
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

bool StartsWithPersonalHonorific(std::string_view text) {
  const size_t space = text.find(' ');
  if (space == std::string_view::npos || space + 1 >= text.size()) return false;
  std::string first = AsciiLower(text.substr(0, space));
  if (!first.empty() && first.back() == '.') first.pop_back();
  static constexpr std::array<std::string_view, 10> kHonorifics = {"mr", "mrs", "ms", "miss", "mx",
                                                                   "dr", "sir", "dame", "lord", "lady"};
  const char next = text[space + 1];
  return std::find(kHonorifics.begin(), kHonorifics.end(), first) != kHonorifics.end() && next >= 'A' &&
         next <= 'Z';
}

size_t PossessiveSuffixLength(std::string_view text) {
  for (std::string_view suffix : {std::string_view("'s"), std::string_view("\u2019s"), std::string_view("\u2018s")}) {
    if (text.size() > suffix.size() + 1 && text.ends_with(suffix)) return suffix.size();
  }
  return 0;
}

bool IsPronounLike(std::string_view text) {
  // The pronoun, then an optional apostrophe (straight or curly) and contraction letters.
  static constexpr std::array<std::string_view, 9> kPronouns = {"I", "We", "You", "He", "She",
                                                                "They", "It", "Me", "Us"};
  for (std::string_view p : kPronouns) {
    if (!text.starts_with(p)) continue;
    std::string_view rest = text.substr(p.size());
    if (rest.empty()) return p != "Us";  // "Us" alone may be a title (a film); "US" never matches
    if (rest.starts_with("'")) rest.remove_prefix(1);
    else if (rest.starts_with("\u2019")) rest.remove_prefix(3);
    else continue;
    if (rest == "m" || rest == "s" || rest == "re" || rest == "ve" || rest == "ll" || rest == "d") return true;
  }
  return false;
}

bool EndsInOrganisationHead(const NameForm& name) {
  static constexpr std::array<std::string_view, 36> kHeads = {
      "news", "family", "party", "council", "committee", "group", "times", "post", "press", "agency",
      "ministry", "department", "office", "union", "bank", "court", "league", "club", "university",
      "college", "school", "institute", "foundation", "association", "company", "corporation", "inc",
      "ltd", "plc", "fc", "tv", "radio", "network", "channel", "commission", "parliament"};
  if (name.lower.size() < 2) return false;
  return std::find(kHeads.begin(), kHeads.end(), name.lower.back()) != kHeads.end();
}

bool EndsInPlaceHead(const NameForm& name) {
  static constexpr std::array<std::string_view, 30> kHeads = {
      "street", "road", "lane", "avenue", "square", "park", "bridge", "river", "falls", "lake",
      "mountain", "mountains", "hill", "hills", "valley", "bay", "island", "islands", "county",
      "city", "town", "village", "airport", "station", "harbour", "harbor", "estate", "forest",
      "coast", "sea"};
  if (name.lower.size() < 2) return false;
  return std::find(kHeads.begin(), kHeads.end(), name.lower.back()) != kHeads.end();
}

std::string HonorificBefore(std::string_view text, size_t pos) {
  if (pos < 3 || pos > text.size() || text[pos - 1] != ' ') return {};
  size_t b = pos - 1;
  while (b > 0 && text[b - 1] != ' ' && text[b - 1] != '\n' && pos - b < 8) --b;
  const std::string_view word = text.substr(b, pos - 1 - b);
  // StartsWithPersonalHonorific wants "<word> <Name>": test the word with a stand-in name.
  if (!StartsWithPersonalHonorific(std::string(word) + " X")) return {};
  std::string lower = AsciiLower(word);
  if (!lower.empty() && lower.back() == '.') lower.pop_back();
  return lower;
}

std::string TitleWordBefore(std::string_view text, size_t pos) {
  // Capitalised title words back from `pos`, so "Vice President JD Vance" gives "vice president",
  // a different office from "president".
  std::vector<std::string> words;
  while (words.size() < 4 && pos >= 2 && pos <= text.size() && text[pos - 1] == ' ') {
    size_t b = pos - 1;
    while (b > 0 && text[b - 1] != ' ' && text[b - 1] != '\n') --b;
    const std::string_view word = text.substr(b, pos - 1 - b);
    if (word.empty() || word[0] < 'A' || word[0] > 'Z' || !IsTitleWord(AsciiLower(word))) break;
    words.insert(words.begin(), AsciiLower(word));
    pos = b;
  }
  if (words.empty() || !IsRoleNoun(words.back())) return {};
  std::string title;
  for (const auto& w : words) title += (title.empty() ? "" : " ") + w;
  return title;
}

std::vector<Span> SplitNamePair(std::string_view text, Span mention,
                                const std::vector<std::string>& lower_surnames) {
  const std::string_view m = text.substr(mention.begin, mention.end - mention.begin);
  if (m.find(' ') != std::string_view::npos || m.find('-') == std::string_view::npos) return {};
  std::vector<Span> parts;
  size_t b = 0;
  while (b <= m.size()) {
    size_t e = m.find('-', b);
    if (e == std::string_view::npos) e = m.size();
    const std::string part = AsciiLower(m.substr(b, e - b));
    // The whole name is a known surname ("Mountbatten-Windsor"): not a pair.
    if (part.empty() || std::find(lower_surnames.begin(), lower_surnames.end(), part) == lower_surnames.end())
      return {};
    parts.push_back({mention.begin + static_cast<uint32_t>(b), mention.begin + static_cast<uint32_t>(e)});
    b = e + 1;
  }
  return parts.size() >= 2 ? parts : std::vector<Span>{};
}

bool IsRoleNoun(std::string_view lower_word) {
  return std::find(kRoleNouns.begin(), kRoleNouns.end(), lower_word) != kRoleNouns.end();
}

}  // namespace dossier::entities
