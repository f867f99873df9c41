// DumpTree: the html5lib tree-construction test format, used to compare two parsers' trees.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "html/dom.h"

namespace dossier::html {
namespace {

void Indent(int depth, std::string* out) {
  out->append("| ");
  out->append(static_cast<size_t>(depth) * 2, ' ');
}

void DumpElement(const Dom& dom, const Node& n, int depth, std::string* out) {
  Indent(depth, out);
  out->push_back('<');
  if (n.ns == Namespace::kSvg) out->append("svg ");
  if (n.ns == Namespace::kMathMl) out->append("math ");
  out->append(n.name);
  out->append(">\n");
  std::vector<std::pair<std::string_view, std::string_view>> attrs;
  for (uint32_t i = 0; i < n.attr_count; ++i) {
    attrs.emplace_back(dom.attrs[n.attr_begin + i].name, dom.attrs[n.attr_begin + i].value);
  }
  std::sort(attrs.begin(), attrs.end());
  for (const auto& [name, value] : attrs) {
    Indent(depth + 1, out);
    out->append(name).append("=\"").append(value).append("\"\n");
  }
}

}  // namespace

std::string DumpTree(const Dom& dom) {
  std::string out;
  // Iterative pre-order walk (deep trees must not exhaust the stack).
  std::vector<std::pair<uint32_t, int>> stack;
  for (uint32_t c = dom.nodes[Dom::kDocumentNode].last_child; c != kNoNode;
       c = dom.nodes[c].prev_sibling) {
    stack.push_back({c, 0});
  }
  while (!stack.empty()) {
    auto [index, depth] = stack.back();
    stack.pop_back();
    const Node& n = dom.nodes[index];
    switch (n.type) {
      case NodeType::kDoctype:
        Indent(depth, &out);
        out.append("<!DOCTYPE ").append(n.name).append(">\n");
        break;
      case NodeType::kComment:
        Indent(depth, &out);
        out.append("<!-- ").append(n.text).append(" -->\n");
        break;
      case NodeType::kText:
        Indent(depth, &out);
        out.append("\"").append(n.text).append("\"\n");
        break;
      case NodeType::kElement:
        DumpElement(dom, n, depth, &out);
        for (uint32_t c = n.last_child; c != kNoNode; c = dom.nodes[c].prev_sibling) {
          stack.push_back({c, depth + 1});
        }
        break;
      case NodeType::kDocument:
        break;
    }
  }
  return out;
}

}  // namespace dossier::html
