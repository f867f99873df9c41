// Hand-written detectors of what a crude-text line looks like: a video running time, a player
// notice, cookie-consent wording, a caption marker or credit, page furniture, a dateline.
//
// They are phrased on the kinds of leftovers (any provider, any agency, any player), not on
// particular files, and they are inputs to the learned line classifier, not final decisions.
#ifndef DOSSIER_CRUDE_LINE_SIGNALS_H_
#define DOSSIER_CRUDE_LINE_SIGNALS_H_

#include <cstdint>
#include <string_view>

namespace dossier {

enum LineSignal : uint32_t {
  kSigDuration = 1u << 0,       // "5:57", "Duration 13:43", "02:50"
  kSigPlayerNotice = 1u << 1,   // "Please use Chrome browser...", "Media playback is unsupported"
  kSigWatchTitle = 1u << 2,     // "Watch: ...", "WATCH: ...", "Video: ..."
  kSigConsent = 1u << 3,        // cookies, consent, "accept and continue", privacy options
  kSigCaptionMarker = 1u << 4,  // "Image: ...", "Picture: ..."
  kSigCredit = 1u << 5,         // a picture credit inside the line
  kSigFurniture = 1u << 6,      // advert, newsletter, share, follow, read more, related, copyright
  kSigDateline = 1u << 7,       // "Nov 18, 2019 at 9:24 pm ET", "Published 3 hours ago"
  kSigByline = 1u << 8,         // "By Daniel Kim"
  kSigHandle = 1u << 9,         // "@BryanDeArdo"
  kSigUrl = 1u << 10,           // a URL or domain
  kSigSemicolonEnd = 1u << 11,  // ends with ';' (a list rendered as lines)
  kSigBullet = 1u << 12,        // starts with a bullet or "1." / "5)"
  kSigQuestion = 1u << 13,      // ends with '?'
  kSigQuoted = 1u << 14,        // whole line in quotation marks
  kSigMediaCaption = 1u << 15,  // "Media caption..." (BBC-style video caption)
  kSigProviderName = 1u << 16,  // one capitalised word naming an embed provider ("Spotify")
  kSigPicturedWords = 1u << 17, // "pictured", "file photo", "seen here": caption wording
  kSigCopyright = 1u << 18,     // "© 2025 ...", "All rights reserved", "Copyright ..." at the start
};
inline constexpr int kNumLineSignals = 19;

// The signals of one line (a LineSignal bitmask). One pass finds every phrase.
uint32_t DetectLineSignals(std::string_view line);

// The same, each signal spelled out with plain string searches: the definition the fast detector
// is tested against.
uint32_t DetectLineSignalsReference(std::string_view line);

}  // namespace dossier

#endif  // DOSSIER_CRUDE_LINE_SIGNALS_H_
