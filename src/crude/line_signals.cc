#include "crude/line_signals.h"

#include <array>
#include <string>

#include "crude/caption_credit.h"

namespace dossier {

namespace {

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// ASCII-lowercased copy, short lines only (signals look at lines of a few hundred bytes).
std::string LowerCopy(std::string_view s) {
  std::string out(s.substr(0, 600));
  for (char& c : out) c = Lower(c);
  return out;
}

bool Contains(const std::string& hay, std::string_view needle) {
  return hay.find(needle) != std::string::npos;
}
bool StartsWith(const std::string& hay, std::string_view p) { return hay.compare(0, p.size(), p) == 0; }

template <size_t N>
bool ContainsAny(const std::string& hay, const std::array<std::string_view, N>& needles) {
  for (auto n : needles)
    if (Contains(hay, n)) return true;
  return false;
}

bool IsLetterByte(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// `w` at the start of `hay` as a whole word ("Email us", not "Emails between officials").
bool StartsWithWord(const std::string& hay, std::string_view w) {
  return StartsWith(hay, w) && (hay.size() == w.size() || !IsLetterByte(hay[w.size()]));
}

// `w` anywhere in `hay` as a whole word.
bool ContainsWord(const std::string& hay, std::string_view w) {
  for (size_t p = hay.find(w); p != std::string::npos; p = hay.find(w, p + 1)) {
    bool left = p == 0 || !IsLetterByte(hay[p - 1]);
    bool right = p + w.size() >= hay.size() || !IsLetterByte(hay[p + w.size()]);
    if (left && right) return true;
  }
  return false;
}

// m:ss, mm:ss or h:mm:ss, optionally after "Duration" / "Duration:".
bool IsDuration(std::string_view s) {
  std::string l = LowerCopy(s);
  size_t i = 0;
  for (std::string_view p : {"duration", "running time", "length"}) {
    if (StartsWith(l, p)) {
      i = p.size();
      while (i < l.size() && (l[i] == ' ' || l[i] == ':')) ++i;
      break;
    }
  }
  int groups = 0;
  while (i < l.size()) {
    size_t d = i;
    while (i < l.size() && IsDigit(l[i])) ++i;
    if (i - d < 1 || i - d > 2) return false;
    ++groups;
    if (i == l.size()) break;
    if (l[i] != ':') return false;
    ++i;
  }
  return groups >= 2 && groups <= 3;
}

constexpr std::array<std::string_view, 16> kPlayer = {
    "video player", "media playback", "can not be played", "cannot be played", "video tag",
    "now playing", "watch the video", "enable javascript", "video is unavailable",
    "video unavailable", "playback", "play video", "this video", "browser does not support",
    "to watch this video", "watch again"};

constexpr std::array<std::string_view, 14> kConsent = {
    "cookie", "consent", "privacy options", "privacy policy", "your permission",
    "accept and continue", "allow and continue", "manage preferences", "content provided by",
    "content is provided by", "third-party content", "third party content", "your preferences",
    "privacy settings"};

// Page-furniture phrases found anywhere in a short line ...
constexpr std::array<std::string_view, 25> kFurniture = {
    "advertisement", "subscribe", "newsletter", "sign up", "signup", "follow us", "share this",
    "read more", "related:", "copyright", "\xc2\xa9", "all rights reserved", "click here",
    "most read", "more from", "story continues", "download the app", "open in the app", "log in",
    "sign in", "home page", "site index", "print this", "more stories", "you might also like"};
// ... and words that are furniture only when they open the line ("Related", "Comments (3)") or the
// line is very short; inside a sentence they are ordinary words ("files related to").
constexpr std::array<std::string_view, 12> kFurnitureOpeners = {
    "related", "comments", "topics", "email", "recommended", "trending", "sponsored", "register",
    "more on", "see also", "whatsapp", "share"};

constexpr std::array<std::string_view, 12> kMonths = {"jan", "feb", "mar", "apr", "may", "jun",
                                                      "jul", "aug", "sep", "oct", "nov", "dec"};

bool IsDateline(const std::string& l) {
  if (Contains(l, " ago") && l.size() < 60) return true;
  if ((StartsWith(l, "published") || StartsWith(l, "updated") || StartsWith(l, "posted")) && l.size() < 80)
    return true;
  if (l.size() > 60) return false;
  int digits = 0;
  for (char c : l) digits += IsDigit(c);
  if (digits == 0) return false;
  for (auto m : kMonths) {
    size_t p = l.find(m);
    if (p != std::string::npos && (p == 0 || !(l[p - 1] >= 'a' && l[p - 1] <= 'z'))) return true;
  }
  return Contains(l, " am") || Contains(l, " pm") || Contains(l, "gmt") || Contains(l, " et");
}

}  // namespace

uint32_t DetectLineSignals(std::string_view line) {
  uint32_t sig = 0;
  // Leftovers are short; a long paragraph only gets the cheap shape signals, which keeps this off
  // the profile of long articles.
  const bool scan_words = line.size() <= 320;
  std::string l = LowerCopy(scan_words ? line : line.substr(0, 0));
  if (IsDuration(line)) sig |= kSigDuration;
  // Player notices and page furniture are short; consent text can run to a few sentences.
  const bool short_line = line.size() <= 200;
  if (short_line && (ContainsAny(l, kPlayer) || (Contains(l, "browser") && Contains(l, "video"))))
    sig |= kSigPlayerNotice;
  if (StartsWith(l, "watch:") || StartsWith(l, "video:") || StartsWith(l, "watch ") ||
      StartsWith(l, "listen:"))
    sig |= kSigWatchTitle;
  if (StartsWith(l, "media caption")) sig |= kSigMediaCaption;
  if (ContainsAny(l, kConsent)) sig |= kSigConsent;
  if (StartsWithCaptionMarker(line)) sig |= kSigCaptionMarker;
  if (!FindCaptionCredit(line).empty()) sig |= kSigCredit;
  if (short_line && ContainsAny(l, kFurniture)) sig |= kSigFurniture;
  // In a very short line ("Show Comments", "Related Topics") the word is furniture anywhere.
  for (auto w : kFurnitureOpeners)
    if ((short_line && StartsWithWord(l, w)) || (line.size() <= 40 && ContainsWord(l, w))) sig |= kSigFurniture;
  if (IsDateline(l)) sig |= kSigDateline;
  if (StartsWith(l, "by ") && line.size() < 80) sig |= kSigByline;
  if (StartsWith(l, "\xc2\xa9") || StartsWith(l, "copyright ") || StartsWith(l, "(c) ") ||
      (Contains(l, "all rights reserved") && line.size() < 160))
    sig |= kSigCopyright;
  if (!l.empty() && l[0] == '@') sig |= kSigHandle;
  if (Contains(l, "http") || Contains(l, "www.") || Contains(l, ".com")) sig |= kSigUrl;
  if (!line.empty() && line.back() == ';') sig |= kSigSemicolonEnd;
  if (!line.empty() && line.back() == '?') sig |= kSigQuestion;
  if (line.rfind("\xe2\x80\xa2", 0) == 0 || line.rfind("- ", 0) == 0 || line.rfind("* ", 0) == 0 ||
      (line.size() > 2 && IsDigit(line[0]) && (line[1] == '.' || line[1] == ')') && line[2] == ' '))
    sig |= kSigBullet;
  if (Contains(l, "pictured") || Contains(l, "file photo") || Contains(l, "file picture") ||
      Contains(l, "seen here") || Contains(l, "(photo"))
    sig |= kSigPicturedWords;
  // A lone capitalised word before a consent block names the provider ("Spotify", "YouTube").
  if (line.size() >= 3 && line.size() <= 20 && line.find(' ') == std::string_view::npos &&
      line[0] >= 'A' && line[0] <= 'Z')
    sig |= kSigProviderName;
  auto starts_quote = [&](std::string_view s) {
    return s.rfind("\xe2\x80\x9c", 0) == 0 || s.rfind("\xe2\x80\x98", 0) == 0 || s.rfind("\"", 0) == 0;
  };
  if (starts_quote(line) && (line.size() > 3) &&
      (line.compare(line.size() - 3, 3, "\xe2\x80\x9d") == 0 ||
       line.compare(line.size() - 3, 3, "\xe2\x80\x99") == 0 || line.back() == '"'))
    sig |= kSigQuoted;
  return sig;
}

}  // namespace dossier
