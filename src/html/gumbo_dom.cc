#include "html/gumbo_dom.h"

#include <gumbo.h>

#include <string>
#include <utility>
#include <vector>

namespace dossier::html {
namespace {

Namespace ToNamespace(GumboNamespaceEnum ns) {
  switch (ns) {
    case GUMBO_NAMESPACE_SVG: return Namespace::kSvg;
    case GUMBO_NAMESPACE_MATHML: return Namespace::kMathMl;
    default: return Namespace::kHtml;
  }
}

uint32_t Offset(const char* p, std::string_view input) {
  if (p < input.data() || p > input.data() + input.size()) return 0;
  return static_cast<uint32_t>(p - input.data());
}

// The element's tag name as the spec has it: gumbo's normalised name for known tags, else the
// name as written, lower-cased (gumbo keeps unknown names only in the original tag text); SVG
// names then get the spec's camelCase adjustments ("clippath" -> "clipPath", "foreignobject" ->
// "foreignObject"), which gumbo leaves to its clients (gumbo_normalize_svg_tagname).
std::string TagName(const GumboElement& e) {
  std::string name;
  if (e.tag != GUMBO_TAG_UNKNOWN) {
    name = gumbo_normalized_tagname(e.tag);
  } else {
    GumboStringPiece piece = e.original_tag;
    gumbo_tag_from_original_text(&piece);
    name.assign(piece.data ? piece.data : "", piece.data ? piece.length : 0);
    for (char& c : name) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
  }
  if (e.tag_namespace == GUMBO_NAMESPACE_SVG) {
    const GumboStringPiece piece{name.data(), name.size()};
    if (const char* adjusted = gumbo_normalize_svg_tagname(&piece)) name = adjusted;
  }
  return name;
}

std::string_view AttrPrefix(GumboAttributeNamespaceEnum ns) {
  switch (ns) {
    case GUMBO_ATTR_NAMESPACE_XLINK: return "xlink ";
    case GUMBO_ATTR_NAMESPACE_XML: return "xml ";
    case GUMBO_ATTR_NAMESPACE_XMLNS: return "xmlns ";
    default: return "";
  }
}

void AddElement(const GumboNode* g, uint32_t parent, std::string_view input, Dom* dom,
                std::vector<std::pair<const GumboNode*, uint32_t>>* stack) {
  const GumboElement& e = g->v.element;
  Node node;
  node.type = NodeType::kElement;
  node.ns = ToNamespace(e.tag_namespace);
  node.name = dom->Intern(TagName(e));
  node.attr_begin = static_cast<uint32_t>(dom->attrs.size());
  node.attr_count = e.attributes.length;
  for (unsigned i = 0; i < e.attributes.length; ++i) {
    const auto* a = static_cast<const GumboAttribute*>(e.attributes.data[i]);
    std::string name(AttrPrefix(a->attr_namespace));
    name += a->name;
    dom->attrs.push_back({dom->Intern(name), dom->Intern(a->value)});
  }
  if (e.original_tag.length > 0) {
    node.source_begin = Offset(e.original_tag.data, input);
    node.source_end = node.source_begin + static_cast<uint32_t>(e.original_tag.length);
  }
  const uint32_t index = dom->AppendChild(parent, node);
  // Children are pushed in reverse so they are appended in document order.
  for (unsigned i = e.children.length; i-- > 0;) {
    stack->push_back({static_cast<const GumboNode*>(e.children.data[i]), index});
  }
}

}  // namespace

void BuildDomWithGumbo(std::string_view utf8, Dom* dom) {
  dom->Clear();
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // we never read parse errors; do not spend memory on them
  GumboOutput* output = gumbo_parse_with_options(&options, utf8.data(), utf8.size());
  const GumboDocument& doc = output->document->v.document;
  if (doc.has_doctype) {
    Node doctype;
    doctype.type = NodeType::kDoctype;
    doctype.name = dom->Intern(doc.name ? doc.name : "");
    dom->AppendChild(Dom::kDocumentNode, doctype);
  }
  std::vector<std::pair<const GumboNode*, uint32_t>> stack;
  for (unsigned i = doc.children.length; i-- > 0;) {
    stack.push_back({static_cast<const GumboNode*>(doc.children.data[i]), Dom::kDocumentNode});
  }
  while (!stack.empty()) {
    auto [g, parent] = stack.back();
    stack.pop_back();
    switch (g->type) {
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE:
        AddElement(g, parent, utf8, dom, &stack);
        break;
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_WHITESPACE:
      case GUMBO_NODE_CDATA:
      case GUMBO_NODE_COMMENT: {
        Node node;
        node.type = g->type == GUMBO_NODE_COMMENT ? NodeType::kComment : NodeType::kText;
        node.text = dom->Intern(g->v.text.text ? g->v.text.text : "");
        node.source_begin = Offset(g->v.text.original_text.data, utf8);
        node.source_end = node.source_begin + static_cast<uint32_t>(g->v.text.original_text.length);
        // gumbo may split one run of text into several nodes; the Dom keeps one text node per
        // run, as the HTML5 spec does, so adjacent text is merged here.
        const uint32_t last = dom->nodes[parent].last_child;
        if (node.type == NodeType::kText && last != kNoNode &&
            dom->nodes[last].type == NodeType::kText) {
          Node& prev = dom->nodes[last];
          std::string merged(prev.text);
          merged += node.text;
          prev.text = dom->Intern(merged);
          if (node.source_end > prev.source_end) prev.source_end = node.source_end;
        } else {
          dom->AppendChild(parent, node);
        }
        break;
      }
      default:
        break;
    }
  }
  gumbo_destroy_output(&options, output);
}

}  // namespace dossier::html
