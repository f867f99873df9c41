#include "html/content_score.h"

namespace dossier::html {

double BlockWeight(const RawBlock& b) {
  if (b.flags & kBlockHidden) return 0.0;
  const double c = b.chars;
  const double ld = LinkDensity(b);
  if (b.kind == HtmlBlockKind::kHeading) return ld > 0.5 ? -c : 0.0;
  if (ld >= 0.5) return -0.5 * c;  // link lists (dropped anyway if inside the article)
  if (c < 40) return ld > 0 ? -c * ld : 0.0;  // short lines are neutral unless linked
  double w = c * (1.0 - 1.5 * ld);
  if (c < 80 || b.punct == 0) w *= 0.5;
  return w;
}

bool IsBoilerplateElement(const ElementInfo& e) {
  switch (e.tag) {
    case ContentTag::kNav:
    case ContentTag::kAside:
    case ContentTag::kFooter:
    case ContentTag::kHeader:
      return true;
    default:
      break;
  }
  // Byline elements too: short bylines go with them, and so do author boxes (a bio under the
  // article).
  return (e.hints.flags & (kHintBoilerplate | kHintByline)) != 0 && e.hints.weight < 0;
}

}  // namespace dossier::html
