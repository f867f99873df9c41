#include "html/content_container.h"

#include <algorithm>

#include "html/content_score.h"

namespace dossier::html {
namespace {

// True when a boilerplate element lies between block `b`'s owner and `container` (exclusive).
bool InBoilerplate(const PageBlocks& page, const RawBlock& b, uint32_t container) {
  for (uint32_t e = b.owner; e != kNoNode && e != container; e = page.elements[e].block_parent) {
    if (IsBoilerplateElement(page.elements[e])) return true;
  }
  return false;
}

// A short block that is a byline or dateline: inside a byline/date element, or mostly a <time>.
bool IsByline(const PageBlocks& page, const RawBlock& b, uint32_t container) {
  if (b.chars > 150) return false;
  if (b.time_chars * 2 > b.chars) return true;
  for (uint32_t e = b.owner; e != kNoNode && e != container; e = page.elements[e].block_parent) {
    if (page.elements[e].hints.flags & kHintByline) return true;
  }
  return false;
}

}  // namespace

ContainerResult SelectByContainer(const PageBlocks& page) {
  ContainerResult result;
  if (page.blocks.empty()) return result;
  const size_t n_nodes = page.elements.size();
  thread_local std::vector<double> score;
  score.assign(n_nodes, 0.0);
  for (const RawBlock& b : page.blocks) score[b.owner] += BlockWeight(b);
  // Elements inside boilerplate (a comment thread, a sidebar) are poor containers even when their
  // text reads like prose.
  thread_local std::vector<uint8_t> in_boilerplate, in_article;
  in_boilerplate.assign(n_nodes, 0);
  in_article.assign(n_nodes, 0);
  for (uint32_t e : page.boundary_elements) {
    const ElementInfo& info = page.elements[e];
    const uint32_t p = info.block_parent;
    in_boilerplate[e] = IsBoilerplateElement(info) || (p != kNoNode && in_boilerplate[p]);
    in_article[e] = p != kNoNode && (in_article[p] || page.elements[p].tag == ContentTag::kArticle);
  }
  // Children before parents: boundary elements in reverse document order.
  const auto& order = page.boundary_elements;
  thread_local std::vector<uint32_t> last_desc;  // position in `order` of the subtree's last element
  last_desc.assign(n_nodes, 0);
  double best = 0.0;
  uint32_t best_node = kNoNode;
  size_t best_pos = 0;
  for (size_t i = order.size(); i-- > 0;) {
    const uint32_t e = order[i];
    const ElementInfo& info = page.elements[e];
    if (last_desc[e] < i) last_desc[e] = static_cast<uint32_t>(i);
    const double value = in_boilerplate[e] ? score[e] * 0.1 : score[e];
    if (value > best) {
      best = value;
      best_node = e;
      best_pos = i;
    }
    if (info.block_parent != kNoNode) {
      // Boilerplate does not count for the elements above it.
      if (!IsBoilerplateElement(info)) score[info.block_parent] += score[e];
      if (last_desc[info.block_parent] < last_desc[e]) last_desc[info.block_parent] = last_desc[e];
    }
  }
  if (best_node == kNoNode) return result;
  // A list of whole posts (a blog's front page, a post followed by the next ones): the first
  // substantial top-level <article> is the article.
  {
    thread_local std::vector<uint32_t> units;  // positions in `order` of top-level articles
    units.clear();
    double max_unit = 0.0;
    for (size_t j = 0; j < order.size(); ++j) {
      const uint32_t e = order[j];
      if (page.elements[e].tag != ContentTag::kArticle || in_boilerplate[e]) continue;
      if (score[e] > 0) {
        units.push_back(static_cast<uint32_t>(j));
        max_unit = std::max(max_unit, score[e]);
      }
      j = last_desc[e];  // articles inside this one are not top-level
    }
    size_t substantial = 0, first = SIZE_MAX, holder = SIZE_MAX, contained = 0;
    for (size_t u = 0; u < units.size(); ++u) {
      const uint32_t e = order[units[u]];
      if (best_pos >= units[u] && best_pos <= last_desc[e]) holder = u;
      if (score[e] < 0.3 * max_unit) continue;
      ++substantial;
      if (first == SIZE_MAX) first = u;
      if (units[u] > best_pos && units[u] <= last_desc[best_node]) ++contained;
    }
    if (substantial >= 2 && (contained >= 2 || (holder != SIZE_MAX && holder != first))) {
      best_pos = units[first];
      best_node = order[best_pos];
    }
  }
  result.container = best_node;
  const ElementInfo& c = page.elements[best_node];
  for (uint32_t i = c.block_begin; i < c.block_end; ++i) {
    const RawBlock& b = page.blocks[i];
    if (b.flags & kBlockHidden) continue;
    if (InBoilerplate(page, b, best_node)) continue;
    if (LinkDensity(b) > 0.5) continue;
    if (b.kind == HtmlBlockKind::kHeading && b.level == 1) continue;
    if (IsByline(page, b, best_node)) continue;
    result.blocks.push_back(i);
  }
  return result;
}

}  // namespace dossier::html
