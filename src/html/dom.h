// The HTML tree every HTML stage works on: a flat, arena-backed DOM.
//
// Two builders fill it: our own fast HTML5 parser (src/html/parser*) and an adapter over gumbo
// (src/html/gumbo_dom*), the slower reference kept as a correct fallback and for differential
// tests. The extractor (main content, metadata) only ever sees this structure, so it does not care
// which parser built it.
//
// Nodes live in one vector and refer to each other by index (kNoNode when absent); strings are
// views into the Dom's own arena (decoded UTF-8: character references already resolved, tag and
// attribute names lower-cased for HTML elements), so a Dom is one allocation-light object that can
// be cleared and reused across pages.
#ifndef DOSSIER_HTML_DOM_H_
#define DOSSIER_HTML_DOM_H_

#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::html {

inline constexpr uint32_t kNoNode = UINT32_MAX;

enum class NodeType : uint8_t { kDocument, kElement, kText, kComment, kDoctype };
enum class Namespace : uint8_t { kHtml, kSvg, kMathMl };

struct Attribute {
  std::string_view name;   // lower-cased for HTML elements; as adjusted by the spec for SVG/MathML
  std::string_view value;  // character references decoded
};

struct Node {
  NodeType type = NodeType::kElement;
  Namespace ns = Namespace::kHtml;
  uint32_t parent = kNoNode;
  uint32_t first_child = kNoNode;
  uint32_t last_child = kNoNode;
  uint32_t next_sibling = kNoNode;
  uint32_t prev_sibling = kNoNode;
  // Element: tag name (lower-case for HTML). Doctype: the doctype name. Otherwise empty.
  std::string_view name;
  // Text and comment: the decoded contents. Otherwise empty.
  std::string_view text;
  uint32_t attr_begin = 0;  // attributes are attrs[attr_begin, attr_begin + attr_count)
  uint32_t attr_count = 0;
  // Byte range in the (decoded, UTF-8) input the node came from: for a text node the bytes of its
  // text (including character references as written), for an element its start tag. Both are 0 for
  // nodes the tree builder made up (implied <html>, <head>, <body>, <tbody>, ...).
  uint32_t source_begin = 0;
  uint32_t source_end = 0;
};

class Dom {
 public:
  static constexpr uint32_t kDocumentNode = 0;  // nodes[0] is always the document

  Dom() { Clear(); }

  void Clear() {
    nodes.clear();
    attrs.clear();
    // Keep up to kKeptChunks standard chunks, so a reused Dom does not allocate again for pages
    // of similar size (oversized chunks, for single huge strings, are freed).
    size_t kept = 0;
    for (Chunk& c : chunks_) {
      if (c.size == kChunkBytes && kept < kKeptChunks) chunks_[kept++] = std::move(c);
    }
    chunks_.resize(kept);
    current_ = 0;
    chunk_used_ = 0;
    Node document;
    document.type = NodeType::kDocument;
    nodes.push_back(document);
    truncated = false;
  }

  // Copies `s` into the arena; the view stays valid until Clear() or destruction.
  std::string_view Intern(std::string_view s) {
    if (s.empty()) return {};
    char* p = Allocate(s.size());
    std::memcpy(p, s.data(), s.size());
    return {p, s.size()};
  }

  // Raw bump allocation in the arena (for builders that assemble a string in place).
  char* Allocate(size_t n) {
    if (current_ >= chunks_.size() || chunk_used_ + n > chunks_[current_].size) NextChunk(n);
    char* p = chunks_[current_].data.get() + chunk_used_;
    chunk_used_ += n;
    return p;
  }

  // Appends a new node as the last child of `parent` and returns its index.
  uint32_t AppendChild(uint32_t parent, Node node) {
    const auto index = static_cast<uint32_t>(nodes.size());
    node.parent = parent;
    node.next_sibling = kNoNode;
    node.prev_sibling = nodes[parent].last_child;
    node.first_child = node.last_child = kNoNode;
    if (node.prev_sibling != kNoNode) {
      nodes[node.prev_sibling].next_sibling = index;
    } else {
      nodes[parent].first_child = index;
    }
    nodes[parent].last_child = index;
    nodes.push_back(node);
    return index;
  }

  std::string_view Attr(uint32_t node, std::string_view name) const {
    const Node& n = nodes[node];
    for (uint32_t i = 0; i < n.attr_count; ++i) {
      if (attrs[n.attr_begin + i].name == name) return attrs[n.attr_begin + i].value;
    }
    return {};
  }
  bool HasAttr(uint32_t node, std::string_view name) const {
    const Node& n = nodes[node];
    for (uint32_t i = 0; i < n.attr_count; ++i) {
      if (attrs[n.attr_begin + i].name == name) return true;
    }
    return false;
  }
  bool IsElement(uint32_t node, std::string_view tag) const {
    return nodes[node].type == NodeType::kElement && nodes[node].ns == Namespace::kHtml &&
           nodes[node].name == tag;
  }

  std::vector<Node> nodes;
  std::vector<Attribute> attrs;
  // Set when a limit (depth, node count, time) stopped the builder: the tree is a valid prefix.
  bool truncated = false;

 private:
  static constexpr size_t kChunkBytes = 64 * 1024;
  static constexpr size_t kKeptChunks = 64;
  struct Chunk {
    std::unique_ptr<char[]> data;
    size_t size = 0;
  };

  // Moves on to the next kept chunk, or a new one (uninitialised: strings overwrite it) big
  // enough for `n` bytes.
  void NextChunk(size_t n) {
    const bool started = current_ < chunks_.size() && chunk_used_ > 0;
    const size_t next = started ? current_ + 1 : current_;
    if (next < chunks_.size() && chunks_[next].size >= n) {
      current_ = next;
    } else {
      const size_t size = n > kChunkBytes ? n : kChunkBytes;
      chunks_.insert(chunks_.begin() + static_cast<ptrdiff_t>(next),
                     Chunk{std::make_unique_for_overwrite<char[]>(size), size});
      current_ = next;
    }
    chunk_used_ = 0;
  }

  // Chunks never move, so every view handed out stays valid until Clear(). Chunks before
  // current_ are full, the ones after it are free (kept from an earlier page).
  std::vector<Chunk> chunks_;
  size_t current_ = 0;
  size_t chunk_used_ = 0;
};

// Writes the tree in the html5lib tree-construction test format ("| <html>", "|   <head>", ...,
// attributes sorted by name, text in quotes), the form the differential tests compare.
std::string DumpTree(const Dom& dom);

}  // namespace dossier::html

#endif  // DOSSIER_HTML_DOM_H_
