// ParseHtml: preprocessing, tokenizer and tree builder, then the finishing passes that keep the
// Dom tidy whatever the input: nodes renumbered into document order when the builder moved
// things, the depth bound applied, source offsets mapped back to the caller's input.
#include "html/parser.h"

#include <algorithm>
#include <string>
#include <vector>

#include "html/input_stream.h"
#include "html/tokenizer.h"
#include "html/tree_builder.h"

namespace dossier::html {
namespace {

// The next node in document order (pre-order) after `n`, without descending into `n` if
// `skip_children`; kNoNode at the end. Walks by links, so it needs no stack at any depth.
uint32_t NextInOrder(const std::vector<Node>& nodes, uint32_t n, bool skip_children = false) {
  if (!skip_children && nodes[n].first_child != kNoNode) return nodes[n].first_child;
  while (n != kNoNode && nodes[n].next_sibling == kNoNode) n = nodes[n].parent;
  return n == kNoNode ? kNoNode : nodes[n].next_sibling;
}

// Renumbers the nodes in document order and drops the ones no longer in the tree (moved out by
// <frameset>, merged text). Afterwards node i's descendants are i+1, i+2, ... as the gumbo adapter
// leaves them.
void RenumberInDocumentOrder(Dom* dom) {
  std::vector<Node>& nodes = dom->nodes;
  std::vector<uint32_t> new_index(nodes.size(), kNoNode);
  std::vector<uint32_t> order;
  order.reserve(nodes.size());
  for (uint32_t n = Dom::kDocumentNode; n != kNoNode; n = NextInOrder(nodes, n)) {
    new_index[n] = static_cast<uint32_t>(order.size());
    order.push_back(n);
  }
  auto map = [&](uint32_t i) { return i == kNoNode ? kNoNode : new_index[i]; };
  std::vector<Node> renumbered;
  renumbered.reserve(order.size());
  for (uint32_t old : order) {
    Node n = nodes[old];
    n.parent = map(n.parent);
    n.first_child = map(n.first_child);
    n.last_child = map(n.last_child);
    n.next_sibling = map(n.next_sibling);
    n.prev_sibling = map(n.prev_sibling);
    renumbered.push_back(n);
  }
  nodes.swap(renumbered);
}

void InsertAfter(std::vector<Node>& nodes, uint32_t node, uint32_t after) {
  const uint32_t parent = nodes[after].parent;
  const uint32_t next = nodes[after].next_sibling;
  nodes[node].parent = parent;
  nodes[node].prev_sibling = after;
  nodes[node].next_sibling = next;
  nodes[after].next_sibling = node;
  if (next != kNoNode) {
    nodes[next].prev_sibling = node;
  } else {
    nodes[parent].last_child = node;
  }
}

void Detach(std::vector<Node>& nodes, uint32_t node) {
  Node& n = nodes[node];
  Node& parent = nodes[n.parent];
  if (n.prev_sibling != kNoNode) nodes[n.prev_sibling].next_sibling = n.next_sibling;
  else parent.first_child = n.next_sibling;
  if (n.next_sibling != kNoNode) nodes[n.next_sibling].prev_sibling = n.prev_sibling;
  else parent.last_child = n.prev_sibling;
  n.parent = n.prev_sibling = n.next_sibling = kNoNode;
}

// Joins text children of `parent` that ended up side by side (one text node per run of text).
void JoinAdjacentText(Dom* dom, uint32_t parent, std::string* scratch) {
  std::vector<Node>& nodes = dom->nodes;
  for (uint32_t c = nodes[parent].first_child; c != kNoNode; c = nodes[c].next_sibling) {
    if (nodes[c].type != NodeType::kText) continue;
    uint32_t next = nodes[c].next_sibling;
    if (next == kNoNode || nodes[next].type != NodeType::kText) continue;
    scratch->assign(nodes[c].text);
    for (; next != kNoNode && nodes[next].type == NodeType::kText; next = nodes[c].next_sibling) {
      scratch->append(nodes[next].text);
      nodes[c].source_end = std::max(nodes[c].source_end, nodes[next].source_end);
      Detach(nodes, next);
    }
    nodes[c].text = dom->Intern(*scratch);
  }
}

// Elements deeper than `max_depth` (<html> is at depth 1) are attached at that depth: every
// element below an element at the limit becomes one of its following siblings, in document
// order, keeping its text and comments (text split by a moved element is joined again; so it
// reads in a different order then, as in browsers that cap depth). Returns true if anything
// moved.
bool LimitDepth(Dom* dom, uint32_t max_depth) {
  std::vector<Node>& nodes = dom->nodes;
  max_depth = std::max<uint32_t>(max_depth, 1);
  bool moved = false;
  std::vector<uint32_t> below;  // element descendants of the element at the limit
  std::string scratch;
  // Pre-order walk keeping the depth of the current node.
  uint32_t depth = 0;
  uint32_t n = Dom::kDocumentNode;
  while (n != kNoNode) {
    const Node& node = nodes[n];
    bool skip_children = false;
    if (node.type == NodeType::kElement && depth == max_depth) {
      below.clear();
      for (uint32_t d = node.first_child; d != kNoNode && d != n;) {
        if (nodes[d].type == NodeType::kElement) below.push_back(d);
        // Next in pre-order within n's subtree.
        if (nodes[d].first_child != kNoNode) {
          d = nodes[d].first_child;
          continue;
        }
        while (d != n && nodes[d].next_sibling == kNoNode) d = nodes[d].parent;
        d = d == n ? kNoNode : nodes[d].next_sibling;
      }
      uint32_t after = n;
      for (uint32_t d : below) {
        Detach(nodes, d);
        InsertAfter(nodes, d, after);
        after = d;
      }
      if (!below.empty()) {
        moved = true;
        JoinAdjacentText(dom, n, &scratch);
        for (uint32_t d : below) JoinAdjacentText(dom, d, &scratch);
      }
      skip_children = true;  // only text and comments are left inside
    }
    // Advance, tracking the depth.
    if (!skip_children && node.first_child != kNoNode) {
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
  return moved;
}

}  // namespace

void ParseHtml(std::string_view input, const ParseLimits& limits, Dom* dom) {
  dom->Clear();
  // Reused across the pages of a thread: its copy (made when the input has CRs or characters to
  // replace) keeps its capacity. Nothing refers to it after this call (the tree has its own strings).
  thread_local InputStream stream;
  stream.Reset(input);
  Tokenizer tokenizer;
  tokenizer.Reset(stream.text());
  dom->nodes.reserve(std::min<uint64_t>(limits.max_nodes, input.size() / 32 + 64));
  TreeBuilder builder(stream.text(), &tokenizer, limits, dom);
  builder.Run();
  const bool moved = LimitDepth(dom, limits.max_depth);
  if (builder.out_of_order() || moved) RenumberInDocumentOrder(dom);
  if (stream.changed_length()) {
    for (Node& n : dom->nodes) {
      if (n.source_end == 0) continue;
      n.source_begin = stream.ToSource(n.source_begin);
      n.source_end = stream.ToSource(n.source_end);
    }
  }
}

}  // namespace dossier::html
