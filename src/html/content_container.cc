#include "html/content_container.h"

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
  thread_local std::vector<uint8_t> in_boilerplate;
  in_boilerplate.assign(n_nodes, 0);
  for (uint32_t e : page.boundary_elements) {
    const ElementInfo& info = page.elements[e];
    in_boilerplate[e] = IsBoilerplateElement(info) ||
                        (info.block_parent != kNoNode && in_boilerplate[info.block_parent]);
  }
  // Children before parents: boundary elements in reverse document order.
  double best = 0.0;
  uint32_t best_node = kNoNode;
  for (size_t i = page.boundary_elements.size(); i-- > 0;) {
    const uint32_t e = page.boundary_elements[i];
    const ElementInfo& info = page.elements[e];
    const double value = in_boilerplate[e] ? score[e] * 0.25 : score[e];
    if (value > best) {
      best = value;
      best_node = e;
    }
    if (info.block_parent != kNoNode && !IsBoilerplateElement(info)) score[info.block_parent] += score[e];
  }
  if (score[page.body] > best) best_node = page.body;
  if (best_node == kNoNode) return result;
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
