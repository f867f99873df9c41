#include "crude/subheadings.h"

#include <cstdint>

#include "crude/line_context.h"
#include "crude/line_signals.h"

namespace dossier {

namespace {

// Wording of page leftovers: a line carrying any of these is never a subheading or a paragraph
// resumed after one.
constexpr uint32_t kLeftoverWording = kSigDuration | kSigPlayerNotice | kSigWatchTitle | kSigConsent |
                                      kSigCaptionMarker | kSigCredit | kSigFurniture | kSigDateline |
                                      kSigByline | kSigHandle | kSigUrl | kSigMediaCaption |
                                      kSigPicturedWords | kSigCopyright | kSigBullet;

size_t Words(std::string_view t) {
  size_t n = 0;
  bool in = false;
  for (char c : t) {
    if (c == ' ') in = false;
    else if (!in) ++n, in = true;
  }
  return n;
}

bool EndsSentence(std::string_view t) {
  if (t.empty()) return false;
  const char c = t.back();
  return c == '.' || c == '!' || c == '?' || c == '"' || (t.size() >= 3 && t.substr(t.size() - 3) == "\xe2\x80\x9d");
}

// Short, several words, no final stop or clause punctuation, no leftover wording.
// The line signals of line i: given by the caller, or detected here.
struct Signals {
  const std::vector<std::string_view>& lines;
  const std::vector<uint32_t>* given;
  uint32_t operator()(size_t i) const { return given ? (*given)[i] : DetectLineSignals(lines[i]); }
};

bool HeadlineShaped(const Signals& sig, size_t i) {
  const std::string_view t = sig.lines[i];
  if (t.empty() || t.size() > 100) return false;
  const char c = t.back();
  if (c == '.' || c == ',' || c == ';' || c == ':') return false;
  const size_t w = Words(t);
  return w >= 2 && w <= 14 && (sig(i) & kLeftoverWording) == 0;
}

// A paragraph: 60 bytes or more, ending a sentence, no leftover wording.
bool Paragraph(const Signals& sig, size_t i) {
  const std::string_view t = sig.lines[i];
  return t.size() >= 60 && EndsSentence(t) && (sig(i) & kLeftoverWording) == 0;
}

// Does the line share a content word with the next two lines (or is its acronym spelled out)?
bool DevelopedAfter(const std::vector<std::string_view>& lines, size_t i) {
  const std::vector<uint64_t> stems = ContentStems(lines[i]);
  for (size_t d = 1; d <= 2 && i + d < lines.size(); ++d) {
    if (!stems.empty() && SharedStems(stems, ContentStems(lines[i + d])) > 0) return true;
    if (AcronymSpelledOutIn(lines[i], lines[i + d].substr(0, 400))) return true;
  }
  return false;
}

bool HasSentenceInside(std::string_view t) {
  for (size_t i = 0; i + 2 < t.size(); ++i)
    if ((t[i] == '.' || t[i] == '?' || t[i] == '!') && t[i + 1] == ' ' && t[i + 2] >= 'A' && t[i + 2] <= 'Z')
      return true;
  return false;
}

// A leftover label the classifier may have given a line for its shape or its neighbours rather
// than for any leftover wording: `other`; `caption` on a line with no caption marker, credit or
// "pictured" wording (a short line naming someone looks like a caption); `media` on a line with no
// video wording after a video's running time and title (a video block has one title); `consent`
// on a run of consent lines none of which has consent wording (a consent block names cookies,
// consent, preferences or privacy somewhere; a provider's name alone does not).
bool LeftoverByContext(const Signals& signals, const std::vector<BlockKind>& k, size_t i) {
  if (k[i] == BlockKind::kOther) return true;
  const uint32_t sig = signals(i);
  if (k[i] == BlockKind::kCaption) return (sig & (kSigCaptionMarker | kSigCredit | kSigPicturedWords)) == 0;
  if (k[i] == BlockKind::kMedia)
    return i >= 2 && (sig & (kSigDuration | kSigPlayerNotice | kSigWatchTitle | kSigMediaCaption)) == 0 &&
           (signals(i - 2) & kSigDuration) != 0;
  if (k[i] == BlockKind::kConsent) {
    // The whole run of consent lines around it: free when none of them has consent wording.
    size_t b = i, e = i + 1;
    while (b > 0 && k[b - 1] == BlockKind::kConsent) --b;
    while (e < k.size() && k[e] == BlockKind::kConsent) ++e;
    for (size_t j = b; j < e; ++j)
      if (signals(j) & kSigConsent) return false;
    return true;
  }
  return false;
}

}  // namespace

void RestoreSubheadings(const std::vector<std::string_view>& lines, std::vector<BlockKind>* kinds,
                        const std::vector<uint32_t>* signals) {
  auto& k = *kinds;
  const Signals sig{lines, signals};
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string_view t = lines[i];
    if (k[i] == BlockKind::kHeading && !t.empty() && t.back() == '.' && (t.size() >= 80 || HasSentenceInside(t)))
      k[i] = BlockKind::kBody;
  }
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    const std::string_view t = lines[i];
    if (!HeadlineShaped(sig, i) || !Paragraph(sig, i + 1)) continue;
    const bool leftover = LeftoverByContext(sig, k, i);
    // A question with no content word of its own ("What happens next?") has nothing to repeat.
    const bool question = QuestionForm(t) && i > 0;
    if (question && ContentStems(t).empty() && (k[i] == BlockKind::kBody || leftover) &&
        k[i + 1] == BlockKind::kBody) {
      k[i] = BlockKind::kHeading;
      continue;
    }
    if (!DevelopedAfter(lines, i)) continue;
    if (leftover && (k[i + 1] == BlockKind::kBody || LeftoverByContext(sig, k, i + 1))) {
      k[i] = BlockKind::kHeading;
      k[i + 1] = BlockKind::kBody;
      continue;
    }
    if ((k[i] == BlockKind::kBody || leftover) && question && k[i + 1] == BlockKind::kBody)
      k[i] = BlockKind::kHeading;
  }
}

}  // namespace dossier
