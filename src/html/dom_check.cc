#include "html/dom_check.h"

#include <algorithm>
#include <string>
#include <vector>

namespace dossier::html {
namespace {

std::string At(uint32_t node, const char* problem) {
  return "node " + std::to_string(node) + ": " + problem;
}

}  // namespace

std::string CheckDom(const Dom& dom, const ParseLimits& limits, size_t input_size) {
  const std::vector<Node>& nodes = dom.nodes;
  if (nodes.empty() || nodes[0].type != NodeType::kDocument || nodes[0].parent != kNoNode) {
    return "nodes[0] is not a parentless document";
  }
  if (nodes.size() > limits.max_nodes) return "more nodes than ParseLimits::max_nodes";
  // Pre-order walk by links: the k-th node visited must be node k.
  uint32_t expected = 0;
  uint32_t depth = 0;  // of the current node; the document is 0, <html> 1
  uint32_t n = Dom::kDocumentNode;
  while (n != kNoNode) {
    if (n != expected) return At(n, "not numbered in document order");
    if (++expected > nodes.size()) return "a cycle in the links";
    const Node& node = nodes[n];
    // Elements at most max_depth deep (<html> is at depth 1), text and comments one more.
    const uint32_t limit =
        std::max<uint32_t>(limits.max_depth, 1) + (node.type == NodeType::kElement ? 0 : 1);
    if (depth > limit) {
      return At(n, "deeper than ParseLimits::max_depth");
    }
    if (node.source_begin > node.source_end || node.source_end > input_size) {
      return At(n, "source range out of bounds");
    }
    if (node.type == NodeType::kElement) {
      if (node.name.empty()) return At(n, "element without a name");
      if (uint64_t{node.attr_begin} + node.attr_count > dom.attrs.size()) {
        return At(n, "attributes out of bounds");
      }
    }
    if (node.type == NodeType::kText && node.text.empty()) return At(n, "empty text node");
    // Children: links both ways, no text next to text.
    uint32_t prev = kNoNode;
    for (uint32_t c = node.first_child; c != kNoNode; c = nodes[c].next_sibling) {
      if (c >= nodes.size()) return At(n, "child index out of range");
      if (nodes[c].parent != n) return At(c, "parent link does not match");
      if (nodes[c].prev_sibling != prev) return At(c, "prev_sibling does not match");
      if (node.type != NodeType::kDocument && node.type != NodeType::kElement) {
        return At(n, "a text, comment or doctype node with children");
      }
      if (prev != kNoNode && nodes[prev].type == NodeType::kText &&
          nodes[c].type == NodeType::kText) {
        return At(c, "two adjacent text nodes");
      }
      prev = c;
    }
    if (node.last_child != prev) return At(n, "last_child does not match");
    // Next in pre-order.
    if (node.first_child != kNoNode) {
      n = node.first_child;
      ++depth;
      continue;
    }
    while (n != kNoNode && nodes[n].next_sibling == kNoNode) {
      n = nodes[n].parent;
      --depth;
    }
    if (n != kNoNode) n = nodes[n].next_sibling;
  }
  if (expected != nodes.size()) return "nodes not reachable from the document";
  return {};
}

}  // namespace dossier::html
