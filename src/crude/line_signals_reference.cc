// The reference line-signal detector: each signal spelled out with plain string searches on a
// lower-cased copy of the line. DetectLineSignals (line_signals.cc) must agree with it on every
// line; tests/crude/line_signals_test.cc checks that.
#include "crude/line_signals.h"

#include <array>
#include <string>

#include "crude/caption_credit.h"
#include "crude/line_signals_internal.h"

namespace dossier {

namespace {

using namespace line_signals_internal;

// ASCII-lowercased copy, short lines only (signals look at lines of a few hundred bytes).
std::string LowerCopy(std::string_view s) {
  std::string out(s.substr(0, 600));
  for (char& c : out) c = AsciiLowerChar(c);
  return out;
}

bool Contains(const std::string& hay, std::string_view needle) {
  return hay.find(needle) != std::string::npos;
}

template <size_t N>
bool ContainsAny(const std::string& hay, const std::array<std::string_view, N>& needles) {
  for (auto n : needles)
    if (Contains(hay, n)) return true;
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

uint32_t DetectLineSignalsReference(std::string_view line) {
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
