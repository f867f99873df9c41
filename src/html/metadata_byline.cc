// Bylines: the people who wrote the article, one value per person, from JSON-LD, meta tags and
// byline elements; "By", roles, dates, reading times, e-mails, handles, editors and organisations
// removed ("By JANE DOE and John Smith, Staff Writers | Updated March 3, 2020" -> JANE DOE; John Smith).
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "html/metadata_internal.h"

namespace dossier::html::meta {
namespace {

constexpr size_t kMaxPeople = 12;

bool In(std::string_view word, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

// Words that introduce a byline ("By", "Von", "Texte :", "Written by").
bool IsLeadWord(std::string_view w) {
  return In(w, {"by", "von", "par", "por", "di", "door", "av", "af", "written", "posted", "words", "story", "text",
                "texto", "texte", "testo", "autor", "autorin", "autoren", "author", "authors", "auteur", "auteurs",
                "autore", "autori", "reporting", "reported", "and", "und", "et", "y", "e", "with", "avec", "mit",
                "con", "com", "met", "from"});
}
// "by" in the languages of the pages.
bool IsByWord(std::string_view w) { return In(w, {"by", "von", "par", "por", "door", "av", "af", "da", "di"}); }
// Words that may introduce a byline before "by" ("erstellt von", "Blog Beitrag von", "Story by").
bool IsIntroWord(std::string_view w) {
  return In(w, {"text", "story", "blog", "beitrag", "artikel", "article", "interview", "report", "bericht",
                "kommentar", "analyse", "analysis", "essay", "column", "kolumne", "review", "rezension", "a",
                "an", "ein", "eine", "words", "written", "posted", "created", "erstellt", "verfasst",
                "geschrieben", "publié", "escrito", "scritto", "texte", "texto", "testo", "post", "entry",
                "veröffentlicht", "published", "publicado", "pubblicato", "gepubliceerd", "gespeichert",
                "eingestellt", "redaktion", "recherche", "bearbeitung", "autor", "autorin", "author"});
}

// Conjunctions and prepositions that join people ("A and B", "A avec B").
bool IsJoinWord(std::string_view w) {
  return In(w, {"and", "&", "und", "et", "y", "e", "en", "og", "och", "i", "with", "avec", "mit", "con", "com",
                "met", "és", "ve", "и", "a"});
}
// Job titles that follow or precede a name ("Jane Doe, Staff Writer", "Senior Reporter Jane Doe").
bool IsRoleWord(std::string_view w) {
  return In(w, {"writer", "writers", "reporter", "reporters", "correspondent", "correspondents", "editor",
                "editors", "contributor", "contributors", "contributing", "columnist", "columnists", "staff",
                "photographer", "photographers", "journalist", "journalists", "analyst", "analysts", "producer",
                "producers", "intern", "freelance", "freelancer", "senior", "chief", "deputy", "associate",
                "managing", "executive", "political", "sports", "science", "technology", "tech", "investigative",
                "national", "foreign", "special", "bureau", "desk", "editorial", "features", "opinion",
                "entertainment", "health", "business", "culture", "travel", "digital", "assistant", "guest",
                "redakteur", "redakteurin", "korrespondent", "korrespondentin", "reporterin", "journalistin",
                "autorin", "rédacteur", "rédactrice", "journaliste", "envoyé", "envoyée", "spécial", "spéciale",
                "periodista", "redactor", "redactora", "corresponsal", "giornalista", "inviato", "inviata",
                "repórter", "correspondente", "redacteur", "verslaggever", "at", "large", "host", "anchor"});
}
// A role written with hyphens ("Editor-at-large", "Co-author").
bool IsHyphenatedRole(std::string_view w) {
  if (w.find('-') == std::string_view::npos) return false;
  size_t i = 0;
  while (i <= w.size()) {
    size_t j = w.find('-', i);
    if (j == std::string_view::npos) j = w.size();
    const std::string_view part = w.substr(i, j - i);
    if (part == "editor" || part == "writer" || part == "reporter" || part == "correspondent" ||
        part == "author" || part == "columnist" || part == "producer" || part == "chef" || part == "redakteur" ||
        part == "redakteurin") {
      return true;
    }
    i = j + 1;
  }
  return false;
}

// Credentials after a name ("Brenda Goodman, MA").
bool IsCredential(std::string_view w) {
  return In(w, {"ma", "md", "phd", "ph.d", "ph.d.", "rn", "ms", "msc", "mph", "do", "dds", "bsn", "mba", "jd",
                "esq", "facp", "rd", "ld", "cpt", "lmft", "lcsw", "np", "pa", "ba", "bsc", "mfa", "faan", "facc"});
}
// Words that make a name an organisation's.
bool IsOrgWord(std::string_view w) {
  return In(w, {"news", "press", "presse", "agency", "agencies", "agence", "agencia", "agenzia", "newsroom",
                "redaktion", "redacción", "redaccion", "rédaction", "redaction", "redazione", "redactie",
                "redação", "redacao", "staff", "team", "group", "inc", "ltd", "llc", "corp", "corporation",
                "company", "gmbh", "foundation", "organization", "organisation", "association", "society",
                "university", "institute", "institut", "department", "ministry", "office", "council",
                "committee", "magazine", "magazin", "times", "journal", "daily", "tribune", "herald", "gazette",
                "online", "tv", "radio", "network", "channel", "service", "services", "wire", "reuters", "afp",
                "dpa", "apa", "ansa", "efe", "ap", "upi", "kna", "epd", "sid", "ddp", "bloomberg", "associated",
                "editorial", "contributors", "wikipedia", "wikimedia", "blog", "media", "publishing",
                "publications", "studio", "studios", "club", "bank", "government", "police", "polizei", "party",
                "school", "college", "hospital", "center", "centre", "church", "league", "union", "federation",
                "administrator", "admin", "webmaster", "zeitung", "nachrichten", "noticias", "notícias",
                "verlag", "dienst", "editors", "desk", "bureau", "partner", "partners", "sponsored", "brand",
                "lab", "labs", "project", "projects", "official", "archive", "archives", "works", "co", "kg",
                "ag", "e.v", "ev", "sa", "srl", "spa", "bv", "nv", "plc", "pty", "verband", "verein", "stiftung",
                "partei", "fraktion", "bündnis", "amt", "ministerium", "behörde", "gemeinde", "landkreis",
                "stadtverwaltung", "feuerwehr", "abteilung", "universität", "hochschule", "schule", "klinik",
                "krankenhaus", "zentrum", "institute", "akademie", "kirche", "bistum", "erzbistum", "diakonie",
                "caritas", "pressestelle", "pressedienst", "presseamt", "öffentlichkeitsarbeit", "kommunikation",
                "deutschland", "germany", "österreich", "austria", "schweiz", "switzerland", "suisse", "france",
                "españa", "italia", "fondation", "fundación", "fundação", "asociación", "associazione",
                "université", "universidad", "università", "ministère", "ministerio", "gouvernement",
                "gobierno", "governo", "comité", "redakteure", "sekretariat", "secretariat", "geschäftsstelle",
                "vorstand", "leitung", "kanzlei", "praxis", "shop", "store", "online-redaktion", "international",
                "internacional", "today", "post", "telegraph", "chronicle", "courier", "dispatch", "examiner",
                "inquirer", "bulletin", "digest", "weekly", "monthly", "sport", "reports", "report", "wires"});
}

// Compound words that name a publication or an organisation ("Finanzmagazin", "Volksblatt").
bool HasOrgSuffix(std::string_view w) {
  if (w.size() < 7) return false;
  for (std::string_view suffix : {"magazin", "magazine", "zeitung", "blatt", "verlag", "redaktion", "news",
                                  "medien", "presse", "agentur", "verband", "verein", "gruppe", "illustrierte",
                                  "rundschau", "anzeiger", "kurier", "nachrichten", "online", "portal"}) {
    if (EndsWith(w, suffix)) return true;
  }
  return false;
}

// Articles that open an organisation's or a publication's name ("The Staff", "Das Kabinett").
bool IsArticleWord(std::string_view w) {
  return In(w, {"the", "der", "die", "das", "le", "la", "les", "el", "los", "las", "il", "lo", "gli", "het"});
}
// Common words that do not occur in personal names ("Eat What Tonight", "Mac & i").
bool IsFunctionWord(std::string_view w) {
  return IsArticleWord(w) ||
         In(w, {"a", "an", "un", "une", "een", "eine", "of", "and", "or", "what", "how", "why", "who", "my", "your", "our", "his", "her", "their",
                "in", "on", "at", "for", "to", "with", "from", "is", "are", "this", "that", "und", "oder",
                "für", "mit", "im", "am", "zum", "zur", "vom", "et", "ou", "pour", "avec", "dans", "y", "o",
                "para", "con", "en", "por", "per", "e", "&", "+", "ist", "ein", "est", "es"});
}
// Words that mark page furniture, not a name ("Follow Author", "View all posts").
bool IsJunkWord(std::string_view w) {
  return In(w, {"follow", "subscribe", "share", "comments", "comment", "read", "more", "view", "profile", "posts",
                "articles", "email", "e-mail", "twitter", "facebook", "linkedin", "instagram", "contact", "bio",
                "menu", "login", "sign", "about", "all", "see", "guest", "anonymous", "unknown", "null",
                "undefined", "none", "n/a", "print", "close", "open", "click", "here", "home", "search",
                "newsletter", "advertisement", "sponsored", "updated", "published", "posted", "minute", "minutes",
                "min", "ago", "reading", "listen", "audio", "video", "photo", "photos", "image", "images",
                "copyright", "©", "rights", "reserved", "loading", "mehr", "artikel", "teilen", "folgen",
                "autorenprofil", "suivre", "seguir", "compartir", "my", "your", "our", "log", "register", "account",
                "tools", "show", "hide", "skip", "back", "next", "previous", "top", "website", "site", "page", "no",
                "stand", "beitragvon", "unbekannt", "inconnu", "desconocido", "mein", "meine", "dein", "unser",
                "unsere", "mon", "ma", "mes", "notre", "mi", "mis", "nuestro", "il", "mio"});
}
// Name particles written in lower case ("Michiel de Jong", "Ludwig van Beethoven").
bool IsParticle(std::string_view w) {
  return In(w, {"de", "da", "do", "dos", "das", "del", "della", "di", "du", "la", "le", "van", "von", "der", "den",
                "ter", "ten", "zu", "bin", "ibn", "al", "el", "y", "e", "st.", "mc"});
}
// Titles before a name ("Dr.", "Prof. Dr.", "Mrs.").
bool IsHonorific(std::string_view w) {
  return In(w, {"dr", "prof", "mr", "mrs", "ms", "mx", "sir", "dame", "herr", "frau", "mag", "dipl", "ing",
                "dipl.-ing", "m.sc", "b.sc", "m.a", "pd", "rev", "fr", "sr", "mme", "mlle", "m", "sra", "sr"});
}

// Words before "by" that mean the person is not an author ("Edited by", "Photos by").
bool IsNonAuthorCredit(std::string_view w) {
  return In(w, {"edited", "photos", "photo", "photographs", "photography", "illustrations", "illustration",
                "illustrated", "graphics", "video", "videos", "produced", "reviewed", "translated", "translation",
                "fact-checked", "checked", "design", "designed", "images", "additional", "animation",
                "bearbeitet", "fotos", "foto", "übersetzt", "bild", "bilder", "grafik", "illustration",
                "redigiert", "lektorat", "kamera", "schnitt", "montage", "traduit", "traducción"});
}

// Folded word with surrounding punctuation removed ("(Reuters)" -> "reuters", "Writer," -> "writer").
std::string Bare(std::string_view w) {
  while (!w.empty() && std::string_view("([{\"'“”‘’«»,;:.-–—*").find(w.front()) != std::string_view::npos &&
         static_cast<unsigned char>(w.front()) < 0x80) {
    w.remove_prefix(1);
  }
  while (!w.empty() && static_cast<unsigned char>(w.back()) < 0x80 &&
         std::string_view(")]}\"',;:.!?*-").find(w.back()) != std::string_view::npos) {
    w.remove_suffix(1);
  }
  return Fold(w);
}

std::string Join(const std::vector<std::string_view>& words, size_t begin, size_t end) {
  std::string out;
  for (size_t i = begin; i < end && i < words.size(); ++i) {
    if (!out.empty()) out.push_back(' ');
    out.append(words[i]);
  }
  return out;
}

bool IsUpperStart(std::string_view w) {
  int32_t i = 0;
  const auto* p = reinterpret_cast<const uint8_t*>(w.data());
  const auto n = static_cast<int32_t>(w.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) return false;
    if (u_isalpha(c)) return u_isupper(c) || u_istitle(c) || !u_islower(c);  // caseless scripts count
    if (c != '(' && c != '"' && c != '\'' && c != 0x201C && c != 0x2018) return false;
  }
  return false;
}

bool HasDigit(std::string_view w) {
  return std::any_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "Jane Doe", "JOE HILDEBRAND", "Michiel de Jong", "Bruno (Henrique Zecchin) Rodrigues": 2-5 words,
// each capitalised or a particle, letters only.
bool PersonShaped(std::string_view name) {
  const std::vector<std::string_view> words = Words(name);
  if (words.size() < 2 || words.size() > 5) return false;
  int capitalised = 0;
  for (std::string_view w : words) {
    const std::string b = Bare(w);
    if (HasDigit(w) || IsOrgWord(b) || (IsFunctionWord(b) && !IsParticle(b)) || IsJunkWord(b)) return false;
    if (IsUpperStart(w)) ++capitalised;
    else if (!IsParticle(b)) return false;
  }
  return capitalised >= 2 && IsUpperStart(words.back());
}

// True for names in scripts without case or spaces (CJK), where one "word" may be a full name.
bool MostlyCaseless(std::string_view s) {
  int32_t i = 0;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const auto n = static_cast<int32_t>(s.size());
  int caseless = 0, cased = 0;
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0 || !u_isalpha(c)) continue;
    if (u_isupper(c) || u_islower(c)) ++cased;
    else ++caseless;
  }
  return caseless > cased;
}

bool EqualsSiteName(std::string_view name, const std::vector<std::string>& site_names) {
  const std::string key = FoldAlnum(name);
  if (key.empty()) return false;
  for (const std::string& s : site_names) {
    if (FoldAlnum(s) == key) return true;
  }
  return false;
}

enum class PersonStatus { kPerson, kOrganisation, kNotAName };

// True if every cased word starts upper-case, apart from name particles inside the name
// ("Michiel de Jong"); caseless scripts pass.
bool CapitalisedName(const std::vector<std::string_view>& words, bool comma) {
  for (size_t i = 0; i < words.size(); ++i) {
    if (IsUpperStart(words[i])) continue;
    const std::string b = Bare(words[i]);
    const bool inner = i > 0 && (i + 1 < words.size() || comma);
    if (!(IsParticle(b) && inner)) return false;
  }
  return true;
}

// One person candidate: roles, credentials and surrounding punctuation removed; `status` says why
// nothing is returned (an organisation ends a segment: "Jane Doe, Reuters, London").
std::string CleanPerson(std::string_view raw, const std::vector<std::string>& site_names, bool strict,
                        PersonStatus* status) {
  *status = PersonStatus::kNotAName;
  const std::string collapsed = CollapseWhitespace(raw);
  std::vector<std::string_view> words = Words(collapsed);
  // Handles, e-mails, URLs go.
  std::vector<std::string_view> kept;
  for (std::string_view w : words) {
    std::string_view core = w;
    while (!core.empty() && std::string_view("([<\"'").find(core.front()) != std::string_view::npos) core.remove_prefix(1);
    while (!core.empty() && std::string_view(")]>\"',;").find(core.back()) != std::string_view::npos) core.remove_suffix(1);
    if (core.find('@') != std::string_view::npos || LooksLikeUrl(core)) continue;
    kept.push_back(w);
  }
  words = kept;
  // "Foto: Michael Hudler" is a credit, not a byline; "Interview: Jens Bergmann" is one.
  if (!words.empty() && EndsWith(words.front(), ":") && IsNonAuthorCredit(Bare(words.front()))) return {};
  while (!words.empty() && (IsLeadWord(Bare(words.front())) || IsRoleWord(Bare(words.front())) ||
                            IsHonorific(Bare(words.front())) || Bare(words.front()).empty() ||
                            (EndsWith(words.front(), ":") && words.size() > 1 && IsIntroWord(Bare(words.front()))))) {
    words.erase(words.begin());
  }
  while (!words.empty() && (IsRoleWord(Bare(words.back())) || IsCredential(Bare(words.back())) ||
                            IsHyphenatedRole(Bare(words.back())) || Bare(words.back()).empty())) {
    words.pop_back();
  }
  if (words.empty()) return {};
  if (words.size() == 1 && Bare(words[0]).size() <= 2 && !MostlyCaseless(words[0])) return {};  // "DT"
  // A lone acronym is an agency or a desk ("PTI", "AFP"), not a person.
  if (words.size() == 1 && Bare(words[0]).size() <= 4 &&
      std::none_of(words[0].begin(), words[0].end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
    *status = PersonStatus::kOrganisation;
    return {};
  }
  // "CNN Editor-at-large": what remains of a role phrase is the employer.
  if (words.size() == 1 && raw.find('-') != std::string_view::npos && IsHyphenatedRole(Fold(Words(collapsed).back()))) {
    *status = PersonStatus::kOrganisation;
    return {};
  }
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    if (EndsWith(words[i], ":")) return {};  // "Mein Motto: Fazit" is a heading
  }
  for (std::string_view w : words) {
    const std::string b = Bare(w);
    if (IsOrgWord(b) || HasOrgSuffix(b)) {
      *status = PersonStatus::kOrganisation;
      return {};
    }
  }
  if (IsArticleWord(Bare(words.front())) && words.size() > 1) {
    *status = PersonStatus::kOrganisation;
    return {};
  }
  if (words.size() > 6) return {};
  for (std::string_view w : words) {
    if (HasDigit(w) || IsJunkWord(Bare(w))) return {};
  }
  std::string name = Join(words, 0, words.size());
  // Trailing punctuation (a final "." only after a full word: "F." and "Jr." keep theirs).
  while (!name.empty() && std::string_view(",;:-–—|/*").find(name.back()) != std::string_view::npos) {
    name.pop_back();
  }
  if (!name.empty() && name.back() == '.' && words.back().size() > 4) name.pop_back();
  while (!name.empty() && (name.front() == ',' || name.front() == ':' || name.front() == '-')) name.erase(0, 1);
  name = CollapseWhitespace(name);
  if (name.empty() || name.size() > 70 || !HasLetter(name)) return {};
  // Names are capitalised: "mcupdate", "admin" are handles, "ist ein Partner" is a sentence. Names
  // declared in metadata need only one capitalised word; names read off the page need all.
  const std::vector<std::string_view> name_words = Words(name);
  if (strict ? !CapitalisedName(name_words, name.find(',') != std::string::npos) : !IsUpperStart(name_words[0])) {
    return {};
  }
  if (EqualsSiteName(name, site_names) && !PersonShaped(name)) {
    *status = PersonStatus::kOrganisation;
    return {};
  }
  // Unbalanced brackets from a cut ("Untersinger (avec") are trimmed.
  if (std::count(name.begin(), name.end(), '(') != std::count(name.begin(), name.end(), ')')) {
    name.erase(std::remove(name.begin(), name.end(), '('), name.end());
    name.erase(std::remove(name.begin(), name.end(), ')'), name.end());
    name = CollapseWhitespace(name);
  }
  *status = PersonStatus::kPerson;
  return name;
}

// Month and weekday names and the little words around dates ("on", "at", "Updated").
bool IsDateWord(std::string_view w) {
  const std::string b = Bare(w);
  return !b.empty() && (IsDateOrTimePhrase(b) || In(b, {"on", "at", "updated", "published", "posted", "am", "le",
                                                        "el", "il", "de", "del", "the", "of", "um", "vom"}));
}

// Cuts a segment where the byline stops being names: at a date, a time, "Updated", "Edited by".
std::vector<std::string_view> NameWords(std::string_view segment) {
  std::vector<std::string_view> words = Words(segment);
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string b = Bare(words[i]);
    if (IsByWord(b) && i > 0 && IsNonAuthorCredit(Bare(words[i - 1]))) {
      words.resize(i - 1);
      break;
    }
    if (In(b, {"updated", "published", "posted", "aktualisiert", "veröffentlicht", "publié", "publicado",
               "actualizado", "pubblicato", "aggiornato", "last", "stand", "am", "on", "le", "el", "il"}) &&
        i + 1 < words.size() && (HasDigit(words[i + 1]) || IsDateOrTimePhrase(words[i + 1]))) {
      words.resize(i);
      break;
    }
    if (HasDigit(words[i])) {
      // "Nolan22" keeps "Nolan"; date words just before the number go too ("on March 11").
      const std::string_view w = words[i];
      size_t letters = 0;
      while (letters < w.size() && !(w[letters] >= '0' && w[letters] <= '9')) ++letters;
      if (letters >= 2 && HasLetter(w.substr(0, letters)) && !IsDateWord(w.substr(0, letters))) {
        words[i] = w.substr(0, letters);
        words.resize(i + 1);
        break;
      }
      size_t cut = i;
      while (cut > 0 && IsDateWord(words[cut - 1])) --cut;
      words.resize(cut);
      break;
    }
  }
  return words;
}

// Splits a raw byline into segments: line breaks, '|', bullets, ';', spaced dashes and slashes.
std::vector<std::string> Segments(std::string_view raw) {
  std::vector<std::string> segments(1);
  std::vector<bool> soft_end(1, false);  // the segment ended at a line break (not a '|', bullet, ...)
  bool in_people_brackets = false;
  auto cut = [&segments, &soft_end](bool soft = false) {
    if (CollapseWhitespace(segments.back()).empty()) {
      segments.back().clear();
      return;
    }
    soft_end.back() = soft;
    segments.emplace_back();
    soft_end.push_back(false);
  };
  for (size_t i = 0; i < raw.size(); ++i) {
    const char c = raw[i];
    if (c == '\n' || c == '\r') {
      cut(true);
      continue;
    }
    if (c == '|' || c == ';' || c == '\t') {
      cut();
      continue;
    }
    const std::string_view rest = raw.substr(i);
    if (StartsWith(rest, "•") || StartsWith(rest, "·") || StartsWith(rest, "‧") || StartsWith(rest, "∙")) {
      cut();
      i += 1;  // multi-byte: skip the continuation bytes below
      while (i + 1 < raw.size() && (static_cast<unsigned char>(raw[i + 1]) & 0xC0) == 0x80) ++i;
      continue;
    }
    // "Finian Cunningham. Sputnik International": a full stop after a word (not an initial or a title).
    if (c == '.' && i + 1 < raw.size() && raw[i + 1] == ' ') {
      size_t start = segments.back().size();
      while (start > 0 && segments.back()[start - 1] != ' ') --start;
      const std::string_view word = std::string_view(segments.back()).substr(start);
      if (word.size() >= 4 && !IsHonorific(Fold(word)) && HasLetter(word)) {
        cut();
        continue;
      }
    }
    const bool spaced_before = i > 0 && raw[i - 1] == ' ';
    if (spaced_before && (StartsWith(rest, "- ") || StartsWith(rest, "/ ") || StartsWith(rest, "— ") ||
                          StartsWith(rest, "– "))) {
      cut();
      while (i + 1 < raw.size() && raw[i + 1] != ' ') ++i;
      continue;
    }
    // "(with Damien Leloup and Morgane Tual)": the people in brackets are a segment of their own.
    if (c == '(') {
      const std::string next = CollapseWhitespace(raw.substr(i + 1, 40));
      const std::vector<std::string_view> words = Words(next);
      if (!words.empty() && IsJoinWord(Bare(words.front()))) {
        in_people_brackets = true;
        cut();
        continue;
      }
    }
    if (c == ')' && in_people_brackets) {
      in_people_brackets = false;
      cut();
      continue;
    }
    segments.back().push_back(c);
  }
  // Names laid out one word per line ("Dr.\n Nino\n Jordan") are joined again: short pieces
  // separated only by line breaks, none of them a date.
  std::vector<std::string> out;
  bool join_next = false;
  for (size_t i = 0; i < segments.size(); ++i) {
    std::string collapsed = CollapseWhitespace(segments[i]);
    if (collapsed.empty()) continue;
    const bool short_piece = Words(collapsed).size() <= 2 && !IsDateOrTimePhrase(collapsed) &&
                             !EndsWith(collapsed, ":") && !IsLeadWord(Bare(collapsed));
    if (join_next && short_piece && Words(out.back()).size() + Words(collapsed).size() <= 4) {
      out.back() += " " + collapsed;
    } else {
      out.push_back(std::move(collapsed));
    }
    join_next = short_piece && soft_end[i];
  }
  return out;
}

// Splits a cleaned segment into people: ", ", " and ", " & ", " und ", ... A lone "Last, First"
// ("Jong, Michiel de", "Kooman, F.") stays one name.
std::vector<std::string> SplitPeople(const std::vector<std::string_view>& words) {
  std::vector<std::vector<std::string_view>> parts(1);
  size_t commas = 0;
  bool joined = false;
  for (std::string_view w : words) {
    const std::string b = Bare(w);
    if (IsJoinWord(b) && !parts.back().empty()) {
      joined = true;
      parts.emplace_back();
      continue;
    }
    if (w == "," || w == "、" || w == "，") {
      ++commas;
      if (!parts.back().empty()) parts.emplace_back();
      continue;
    }
    const bool trailing_comma = EndsWith(w, ",") || EndsWith(w, "、") || EndsWith(w, "，");
    std::string_view bare = w;
    if (trailing_comma) bare.remove_suffix(EndsWith(w, ",") ? 1 : 3);
    if (!bare.empty()) parts.back().push_back(bare);
    if (trailing_comma) {
      ++commas;
      parts.emplace_back();
    }
  }
  while (!parts.empty() && parts.back().empty()) parts.pop_back();
  if (parts.size() == 2 && commas == 1 && !joined && parts[0].size() == 1 && parts[1].size() <= 3 &&
      IsUpperStart(parts[0][0]) && !IsCredential(Bare(parts[1].back())) && !IsRoleWord(Bare(parts[1].back()))) {
    return {Join(words, 0, words.size())};
  }
  std::vector<std::string> out;
  for (const auto& p : parts) {
    if (!p.empty()) out.push_back(Join(p, 0, p.size()));
  }
  return out;
}

void AddUnique(std::string name, std::vector<std::string>* people) {
  if (name.empty() || people->size() >= kMaxPeople) return;
  const std::string key = FoldAlnum(name);
  for (const std::string& p : *people) {
    if (FoldAlnum(p) == key) return;
  }
  people->push_back(std::move(name));
}

}  // namespace

std::vector<std::string> PeopleInByline(std::string_view raw, const std::vector<std::string>& site_names,
                                        bool strict) {
  std::vector<std::string> people;
  const std::string text = DecodeReferences(raw);
  if (text.size() > 2000) return people;
  for (const std::string& segment : Segments(text)) {
    if (IsDateOrTimePhrase(segment)) continue;
    std::vector<std::string_view> words = NameWords(segment);
    // Lead words ("By", "Written by", "Text:") and a credit that is not authorship ("Edited by X").
    size_t start = 0;
    while (start < words.size() && (IsLeadWord(Bare(words[start])) || Bare(words[start]).empty())) ++start;
    // "erstellt von X", "Blog Beitrag von X", "Text and photos by X": what precedes "by" goes.
    for (size_t k = start + 1; k < words.size() && k <= start + 3; ++k) {
      if (!IsByWord(Bare(words[k]))) continue;
      bool intro = true;
      for (size_t j = start; j < k; ++j) intro &= !IsUpperStart(words[j]) || IsIntroWord(Bare(words[j]));
      if (intro) {
        if (IsNonAuthorCredit(Bare(words[k - 1]))) start = words.size();
        else start = k + 1;
      }
      break;
    }
    if (start < words.size() && IsNonAuthorCredit(Bare(words[start])) && start + 1 < words.size() &&
        IsByWord(Bare(words[start + 1]))) {
      continue;
    }
    words.erase(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(start));
    if (words.empty()) continue;
    const std::string whole = Join(words, 0, words.size());
    // The site's own name ("Mac & i") is an organisation, not a byline.
    if (EqualsSiteName(whole, site_names) && !PersonShaped(whole)) continue;
    const std::vector<std::string> parts = SplitPeople(words);
    for (const std::string& part : parts) {
      PersonStatus status;
      std::string name = CleanPerson(part, site_names, strict, &status);
      if (status == PersonStatus::kOrganisation) break;  // what follows is its place or desk
      // A lone word among several parts is a keyword or a place ("Kirche, Leben, Münster").
      if (parts.size() > 1 && Words(name).size() == 1 && !MostlyCaseless(name)) continue;
      AddUnique(std::move(name), &people);
    }
  }
  return people;
}

std::string PersonFromAuthorUrl(std::string_view url) {
  const std::string_view path = PathOf(url);
  std::vector<std::string_view> segments;
  size_t i = 0;
  while (i <= path.size()) {
    size_t j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    if (j > i) segments.push_back(path.substr(i, j - i));
    i = j + 1;
  }
  for (size_t k = 0; k + 1 < segments.size(); ++k) {
    const std::string dir = AsciiLower(segments[k]);
    if (!In(dir, {"author", "authors", "autor", "autoren", "auteur", "auteurs", "autore", "autori", "profile",
                  "profiles", "people", "person", "journalist", "journalists", "reporter", "reporters", "writer",
                  "writers", "contributor", "contributors", "team", "staff", "redaktion", "by"})) {
      continue;
    }
    std::string_view slug = segments[k + 1];
    if (slug.find('%') != std::string_view::npos || slug.find('@') != std::string_view::npos) return {};
    if (const size_t dot = slug.find('.'); dot != std::string_view::npos) slug = slug.substr(0, dot);
    // "5631-alexandre-hervaud" and "alexandre-hervaud-123" lose their numbers.
    std::vector<std::string> parts;
    size_t a = 0;
    while (a <= slug.size()) {
      size_t b = slug.find_first_of("-_+", a);
      if (b == std::string_view::npos) b = slug.size();
      const std::string_view piece = slug.substr(a, b - a);
      if (!piece.empty() && !HasDigit(piece)) {
        std::string word = AsciiLower(piece);
        for (char c : word) {
          if (!(c >= 'a' && c <= 'z')) return {};
        }
        word[0] = static_cast<char>(word[0] - 'a' + 'A');
        parts.push_back(word);
      }
      a = b + 1;
    }
    if (parts.size() < 2 || parts.size() > 4) return {};
    std::string name;
    for (const std::string& p : parts) {
      if (IsOrgWord(Fold(p)) || HasOrgSuffix(Fold(p)) || IsJunkWord(Fold(p))) return {};
      if (!name.empty()) name.push_back(' ');
      name += p;
    }
    return name;
  }
  return {};
}

std::vector<MetaValue> ChooseBylines(const PageSources& sources, const JsonLd& jsonld,
                                     const std::vector<std::string>& site_names, std::string_view base_url) {
  std::vector<MetaValue> out;
  auto take = [&](const std::vector<std::string>& raws, const char* evidence) {
    // Names read off the page (byline elements, text) must look like names throughout.
    const bool strict = evidence == std::string_view("byline") || evidence == std::string_view("text");
    std::vector<std::string> people;
    for (const std::string& raw : raws) {
      if (LooksLikeUrl(raw)) continue;
      for (std::string& p : PeopleInByline(raw, site_names, strict)) AddUnique(std::move(p), &people);
    }
    for (std::string& p : people) out.push_back({std::move(p), evidence});
    return !out.empty();
  };
  if (take(jsonld.person_authors, "json-ld")) return out;
  if (take(AllMeta(sources, {"dc.creator"}), "meta")) return out;
  if (take(AllMeta(sources, {"dcterms.creator"}), "meta")) return out;
  if (take(AllMeta(sources, {"author"}), "meta")) return out;
  if (take(AllMeta(sources, {"parsely-author", "sailthru.author", "citation_author"}), "meta")) return out;
  if (const std::string* byl = FindMeta(sources, {"byl"}); byl && take({*byl}, "meta")) return out;
  // Yoast's "Written by" label pair (twitter:label1 / twitter:data1), share widgets' author names.
  for (int i = 1; i <= 4; ++i) {
    const std::string n = std::to_string(i);
    const std::string* label = FindMeta(sources, {"twitter:label" + n});
    const std::string* data = FindMeta(sources, {"twitter:data" + n});
    if (!label || !data) continue;
    const std::string l = Fold(*label);
    if (In(l, {"written by", "verfasst von", "geschrieben von", "écrit par", "escrito por", "scritto da",
               "geschreven door", "autor", "author", "auteur", "autore"}) &&
        take({*data}, "twitter")) {
      return out;
    }
  }
  if (take(AllMeta(sources, {"shareaholic:article_author_name", "article:author_name"}), "meta")) return out;
  // Byline elements of the page, in document order: the first that names people.
  for (const std::string& text : sources.byline_texts) {
    if (take({text}, "byline")) return out;
  }
  if (take(AllMeta(sources, {"article:author", "og:article:author"}), "opengraph")) return out;
  for (const std::string& text : sources.footer_byline_texts) {
    if (take({text}, "byline")) return out;
  }
  // Bylines written as text ("Von Claudia Lindner"): only names shaped like a person's.
  for (const std::string& text : sources.text_byline_texts) {
    std::vector<std::string> people;
    for (std::string& p : PeopleInByline(text, site_names, true)) {
      if (PersonShaped(p)) people.push_back(std::move(p));
    }
    if (!people.empty()) {
      for (std::string& p : people) out.push_back({std::move(p), "text"});
      return out;
    }
  }
  // Nothing but author page URLs: derive the name from the last path segment.
  std::vector<std::string> urls = AllMeta(sources, {"article:author", "og:article:author"});
  urls.insert(urls.end(), sources.author_hrefs.begin(), sources.author_hrefs.end());
  for (const std::string& u : urls) {
    std::string resolved = ResolveUrl(base_url, u);
    std::string name = PersonFromAuthorUrl(resolved.empty() ? u : resolved);
    if (!name.empty()) {
      out.push_back({std::move(name), "url"});
      return out;
    }
  }
  return out;
}

}  // namespace dossier::html::meta
