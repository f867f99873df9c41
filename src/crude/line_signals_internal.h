// What the fast line-signal detector (line_signals.cc) and the reference one it is tested against
// (line_signals_reference.cc) share: the phrases they look for (lower case) and the word tests.
#ifndef DOSSIER_CRUDE_LINE_SIGNALS_INTERNAL_H_
#define DOSSIER_CRUDE_LINE_SIGNALS_INTERNAL_H_

#include <array>
#include <string_view>

#include "util/ascii.h"

namespace dossier::line_signals_internal {

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

inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsLetterByte(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

inline bool StartsWith(std::string_view hay, std::string_view p) { return hay.substr(0, p.size()) == p; }

// `w` at the start of `hay` as a whole word ("Email us", not "Emails between officials").
inline bool StartsWithWord(std::string_view hay, std::string_view w) {
  return StartsWith(hay, w) && (hay.size() == w.size() || !IsLetterByte(hay[w.size()]));
}

// `w` anywhere in `hay` as a whole word.
inline bool ContainsWord(std::string_view hay, std::string_view w) {
  for (size_t p = hay.find(w); p != std::string_view::npos; p = hay.find(w, p + 1)) {
    bool left = p == 0 || !IsLetterByte(hay[p - 1]);
    bool right = p + w.size() >= hay.size() || !IsLetterByte(hay[p + w.size()]);
    if (left && right) return true;
  }
  return false;
}

}  // namespace dossier::line_signals_internal

#endif  // DOSSIER_CRUDE_LINE_SIGNALS_INTERNAL_H_
