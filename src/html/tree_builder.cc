// Tree builder core: the token loop, foreign content, and the operations the insertion modes
// (tree_builder_modes.cc) are written in: inserting nodes, the stack of open elements, scopes,
// active formatting elements and the adoption agency algorithm.
#include "html/tree_builder.h"

#include <algorithm>
#include <cstring>
#include <utility>

#include "html/attribute_names.h"
#include "html/foreign_names.h"

namespace dossier::html {
namespace {

constexpr std::string_view kReplacementChar = "\xEF\xBF\xBD";

bool IsWhitespace(char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r';
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x + 32);
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y + 32);
    if (x != y) return false;
  }
  return true;
}

// Element sets of the spec, restricted to what gumbo 0.10.1 has.
constexpr TagSet kImpliedEndTags = {Tag::kDd, Tag::kDt,  Tag::kLi, Tag::kOption, Tag::kOptgroup,
                                    Tag::kP,  Tag::kRp, Tag::kRb, Tag::kRt,     Tag::kRtc};
constexpr TagSet kImpliedEndTagsThoroughly = {
    Tag::kCaption, Tag::kColgroup, Tag::kDd,    Tag::kDt, Tag::kLi,    Tag::kOption,
    Tag::kOptgroup, Tag::kP,       Tag::kRp,    Tag::kRt, Tag::kRtc,   Tag::kTbody,
    Tag::kTd,      Tag::kTfoot,    Tag::kTh,    Tag::kHead, Tag::kTr};
constexpr TagSet kSpecialHtml = {
    Tag::kAddress,  Tag::kApplet,   Tag::kArea,     Tag::kArticle,    Tag::kAside,
    Tag::kBase,     Tag::kBasefont, Tag::kBgsound,  Tag::kBlockquote, Tag::kBody,
    Tag::kBr,       Tag::kButton,   Tag::kCaption,  Tag::kCenter,     Tag::kCol,
    Tag::kColgroup, Tag::kMenuitem, Tag::kDd,       Tag::kDetails,    Tag::kDir,
    Tag::kDiv,      Tag::kDl,       Tag::kDt,       Tag::kEmbed,      Tag::kFieldset,
    Tag::kFigcaption, Tag::kFigure, Tag::kFooter,   Tag::kForm,       Tag::kFrame,
    Tag::kFrameset, Tag::kH1,       Tag::kH2,       Tag::kH3,         Tag::kH4,
    Tag::kH5,       Tag::kH6,       Tag::kHead,     Tag::kHeader,     Tag::kHgroup,
    Tag::kHr,       Tag::kHtml,     Tag::kIframe,   Tag::kImg,        Tag::kInput,
    Tag::kIsindex,  Tag::kLi,       Tag::kLink,     Tag::kListing,    Tag::kMarquee,
    Tag::kMenu,     Tag::kMeta,     Tag::kNav,      Tag::kNoembed,    Tag::kNoframes,
    Tag::kNoscript, Tag::kObject,   Tag::kOl,       Tag::kP,          Tag::kParam,
    Tag::kPlaintext, Tag::kPre,     Tag::kScript,   Tag::kSection,    Tag::kSelect,
    Tag::kStyle,    Tag::kSummary,  Tag::kTable,    Tag::kTbody,      Tag::kTd,
    Tag::kTemplate, Tag::kTextarea, Tag::kTfoot,    Tag::kTh,         Tag::kThead,
    Tag::kTitle,    Tag::kTr,       Tag::kUl,       Tag::kWbr,        Tag::kXmp};
constexpr TagSet kMathMlTextIntegrationPoints = {Tag::kMi, Tag::kMo, Tag::kMn, Tag::kMs,
                                                 Tag::kMtext};
constexpr TagSet kSpecialMathMl = {Tag::kMi, Tag::kMo, Tag::kMn, Tag::kMs, Tag::kMtext,
                                   Tag::kAnnotationXml};
constexpr TagSet kSpecialSvg = {Tag::kForeignObject, Tag::kDesc};
constexpr TagSet kScopeHtml = {Tag::kApplet, Tag::kCaption, Tag::kHtml,   Tag::kTable,
                               Tag::kTd,     Tag::kTh,      Tag::kMarquee, Tag::kObject,
                               Tag::kTemplate};
constexpr TagSet kScopeSvg = {Tag::kForeignObject, Tag::kDesc, Tag::kTitle};
constexpr TagSet kTableScope = {Tag::kHtml, Tag::kTable, Tag::kTemplate};
constexpr TagSet kFosterTargets = {Tag::kTable, Tag::kTbody, Tag::kTfoot, Tag::kThead, Tag::kTr};
// Start tags that end foreign content (the current node is popped until HTML or an integration
// point, and the tag reprocessed).
constexpr TagSet kForeignBreakout = {
    Tag::kB,      Tag::kBig,    Tag::kBlockquote, Tag::kBody,  Tag::kBr,     Tag::kCenter,
    Tag::kCode,   Tag::kDd,     Tag::kDiv,        Tag::kDl,    Tag::kDt,     Tag::kEm,
    Tag::kEmbed,  Tag::kH1,     Tag::kH2,         Tag::kH3,    Tag::kH4,     Tag::kH5,
    Tag::kH6,     Tag::kHead,   Tag::kHr,         Tag::kI,     Tag::kImg,    Tag::kLi,
    Tag::kListing, Tag::kMenu,  Tag::kMeta,       Tag::kNobr,  Tag::kOl,     Tag::kP,
    Tag::kPre,    Tag::kRuby,   Tag::kS,          Tag::kSmall, Tag::kSpan,   Tag::kStrong,
    Tag::kStrike, Tag::kSub,    Tag::kSup,        Tag::kTable, Tag::kTt,     Tag::kU,
    Tag::kUl,     Tag::kVar};

bool HasAttribute(const Token& t, std::string_view name) {
  for (uint32_t i = 0; i < t.attr_count; ++i) {
    if (t.attrs[i].name == name) return true;
  }
  return false;
}

}  // namespace

bool IsSpecial(Tag tag, Namespace ns) {
  switch (ns) {
    case Namespace::kHtml: return kSpecialHtml.Has(tag);
    case Namespace::kMathMl: return kSpecialMathMl.Has(tag);
    case Namespace::kSvg: return kSpecialSvg.Has(tag);
  }
  return false;
}

TreeBuilder::TreeBuilder(std::string_view text, Tokenizer* tokenizer, const ParseLimits& limits,
                         Dom* dom)
    : text_(text), tokenizer_(tokenizer), limits_(limits), dom_(dom) {
  on_stack_.assign(dom_->nodes.size(), 0);
}

// ---- token loop ---------------------------------------------------------------------------------

void TreeBuilder::Run() {
  Token token;
  while (true) {
    if (dom_->nodes.size() + kMaxNodesPerToken > limits_.max_nodes) {
      dom_->truncated = true;
      break;
    }
    tokenizer_->set_cdata_allowed(!stack_.empty() && Current().ns != Namespace::kHtml);
    tokenizer_->Next(&token);
    ProcessToken(token);
    if (token.type == TokenType::kEof) break;
  }
  // The end: the pending text goes in, every element is popped.
  FlushText();
  while (!stack_.empty()) Pop();
  Finish();
}

void TreeBuilder::ProcessToken(const Token& token) {
  if (token.type == TokenType::kCharacters) return ProcessCharacters(token);
  ignore_next_linefeed_ = false;
  Tok tok{};
  tok.token = &token;
  tok.begin = token.begin;
  tok.end = token.end;
  tok.tag = token.tag;
  tok.text = token.text;
  tok.text_is_input = token.text_is_input;
  switch (token.type) {
    case TokenType::kNull: tok.kind = Kind::kNull; break;
    case TokenType::kCdata: tok.kind = Kind::kCdata; break;
    case TokenType::kComment: tok.kind = Kind::kComment; break;
    case TokenType::kDoctype: tok.kind = Kind::kDoctype; break;
    case TokenType::kStartTag: tok.kind = Kind::kStartTag; break;
    case TokenType::kEndTag: tok.kind = Kind::kEndTag; break;
    case TokenType::kEof: tok.kind = Kind::kEof; break;
    case TokenType::kCharacters: break;
  }
  Dispatch(tok);
}

// gumbo sees one token per character; a run is cut into whitespace and non-whitespace runs,
// each handled like its first character (every character of such a run would be handled the
// same way in the mode the previous one left).
void TreeBuilder::ProcessCharacters(const Token& token) {
  std::string_view text = token.text;
  uint32_t begin = token.begin;
  if (ignore_next_linefeed_) {
    ignore_next_linefeed_ = false;
    if (!text.empty() && text[0] == '\n') {
      text.remove_prefix(1);
      if (token.text_is_input) ++begin;
    }
  }
  while (!text.empty()) {
    const bool html_content = !stack_.empty() && Current().ns == Namespace::kHtml;
    if (html_content &&
        (mode_ == Mode::kText || mode_ == Mode::kInTableText || mode_ == Mode::kInSelect)) {
      // Modes that insert (or, for table text, collect) every character alike: script and
      // style contents, titles, text in tables and selects.
      Tok tok{Kind::kCharacter, &token, text, token.text_is_input, begin, token.end, Tag::kUnknown};
      InsertText(tok);
      return;
    }
    if (mode_ == Mode::kInBody && html_content) {
      // The common case, all at once: reconstruct, insert, and no frameset after real text.
      ReconstructFormatting();
      Tok tok{Kind::kCharacter, &token, text, token.text_is_input, begin, token.end, Tag::kUnknown};
      InsertText(tok);
      if (frameset_ok_) {
        for (char c : text) {
          if (!IsWhitespace(c)) {
            frameset_ok_ = false;
            break;
          }
        }
      }
      return;
    }
    const bool space = IsWhitespace(text[0]);
    size_t len = 1;
    while (len < text.size() && IsWhitespace(text[len]) == space) ++len;
    Tok tok{space ? Kind::kWhitespace : Kind::kCharacter, &token, text.substr(0, len),
            token.text_is_input, begin,
            token.text_is_input ? static_cast<uint32_t>(begin + len) : token.end, Tag::kUnknown};
    Dispatch(tok);
    text.remove_prefix(len);
    if (token.text_is_input) begin += static_cast<uint32_t>(len);
  }
}

void TreeBuilder::Dispatch(Tok& tok) {
  do {
    reprocess_ = false;
    if (UseForeignRules(tok)) {
      InForeignContent(tok);
    } else {
      HandleMode(tok);
    }
  } while (reprocess_);
}

// The tree construction dispatcher: which tokens go to the rules for foreign content.
bool TreeBuilder::UseForeignRules(const Tok& tok) const {
  if (stack_.empty() || tok.kind == Kind::kEof) return false;
  const OpenElement& node = Current();
  if (node.ns == Namespace::kHtml) return false;
  const bool text = tok.kind == Kind::kWhitespace || tok.kind == Kind::kCharacter ||
                    tok.kind == Kind::kNull;
  if (node.ns == Namespace::kMathMl && kMathMlTextIntegrationPoints.Has(node.tag) &&
      (text || (tok.kind == Kind::kStartTag && tok.tag != Tag::kMglyph &&
                tok.tag != Tag::kMalignmark))) {
    return false;
  }
  if (node.ns == Namespace::kMathMl && node.tag == Tag::kAnnotationXml &&
      tok.IsStart(Tag::kSvg)) {
    return false;
  }
  if (node.html_integration_point && (text || tok.kind == Kind::kStartTag)) return false;
  return true;
}

void TreeBuilder::HandleMode(Tok& tok) {
  switch (mode_) {
    case Mode::kInitial: return InInitial(tok);
    case Mode::kBeforeHtml: return InBeforeHtml(tok);
    case Mode::kBeforeHead: return InBeforeHead(tok);
    case Mode::kInHead: return InHead(tok);
    case Mode::kInHeadNoscript: return InHeadNoscript(tok);
    case Mode::kAfterHead: return InAfterHead(tok);
    case Mode::kInBody: return InBody(tok);
    case Mode::kText: return InText(tok);
    case Mode::kInTable: return InTable(tok);
    case Mode::kInTableText: return InTableText(tok);
    case Mode::kInCaption: return InCaption(tok);
    case Mode::kInColumnGroup: return InColumnGroup(tok);
    case Mode::kInTableBody: return InTableBody(tok);
    case Mode::kInRow: return InRow(tok);
    case Mode::kInCell: return InCell(tok);
    case Mode::kInSelect: return InSelect(tok);
    case Mode::kInSelectInTable: return InSelectInTable(tok);
    case Mode::kInTemplate: return InTemplate(tok);
    case Mode::kAfterBody: return InAfterBody(tok);
    case Mode::kInFrameset: return InFrameset(tok);
    case Mode::kAfterFrameset: return InAfterFrameset(tok);
    case Mode::kAfterAfterBody: return InAfterAfterBody(tok);
    case Mode::kAfterAfterFrameset: return InAfterAfterFrameset(tok);
  }
}

void TreeBuilder::InForeignContent(Tok& tok) {
  switch (tok.kind) {
    case Kind::kNull: {
      Tok fffd = tok;
      fffd.kind = Kind::kCharacter;
      fffd.text = kReplacementChar;
      fffd.text_is_input = false;
      return InsertText(fffd);
    }
    case Kind::kWhitespace:
      return InsertText(tok);
    case Kind::kCharacter:
    case Kind::kCdata:
      InsertText(tok);
      frameset_ok_ = false;
      return;
    case Kind::kComment:
      return InsertComment(tok, Current().node);
    case Kind::kDoctype:
    case Kind::kEof:
      return;
    case Kind::kStartTag:
      if (kForeignBreakout.Has(tok.tag) ||
          (tok.tag == Tag::kFont &&
           (HasAttribute(*tok.token, "color") || HasAttribute(*tok.token, "face") ||
            HasAttribute(*tok.token, "size")))) {
        do {
          Pop();
        } while (!(Current().ns == Namespace::kHtml || Current().html_integration_point ||
                   (Current().ns == Namespace::kMathMl &&
                    kMathMlTextIntegrationPoints.Has(Current().tag))));
        reprocess_ = true;
        return;
      }
      InsertForeignElement(tok, Current().ns);
      if (tok.token->self_closing) Pop();
      return;
    case Kind::kEndTag: {
      // gumbo compares the names as written in the source, case-insensitively: the end tag's
      // text between "</" and ">" (so "</g >" matches nothing) against the start tag's name.
      const std::string_view written = text_.substr(tok.begin + 2, tok.end - tok.begin - 3);
      for (int i = static_cast<int>(stack_.size()) - 1; i > 0; --i) {
        if (EqualsIgnoreCase(stack_[i].raw_name, written)) {
          PopUntilNode(stack_[i].node);
          return;
        }
        if (stack_[i - 1].ns == Namespace::kHtml) break;
      }
      return HandleMode(tok);
    }
  }
}

// ---- creating and inserting nodes -------------------------------------------------------------

uint32_t TreeBuilder::NewNode(NodeType type) {
  const auto index = static_cast<uint32_t>(dom_->nodes.size());
  dom_->nodes.emplace_back().type = type;
  on_stack_.push_back(0);
  return index;
}

std::string_view TreeBuilder::InternName(std::string_view name) {
  if (name.empty()) return {};
  const auto it = names_.find(name);
  if (it != names_.end()) return it->second;
  const std::string_view copy = dom_->Intern(name);
  names_.emplace(copy, copy);
  return copy;
}

// An element for a start tag: the name (static for known tags and adjusted SVG names), the
// attributes with the adjustments of its namespace, the source range of the tag.
uint32_t TreeBuilder::CreateElement(const Tok& tok, Namespace ns) {
  const Token& t = *tok.token;
  const uint32_t index = NewNode(NodeType::kElement);
  const std::string_view lower = tok.tag != Tag::kUnknown ? TagName(tok.tag) : t.name;
  std::string_view name = ns == Namespace::kSvg ? AdjustSvgTagName(lower) : lower;
  if (name.data() == t.name.data()) name = InternName(name);  // not a static string
  std::vector<Attribute>& attrs = dom_->attrs;
  const auto attr_begin = static_cast<uint32_t>(attrs.size());
  for (uint32_t i = 0; i < t.attr_count; ++i) {
    std::string_view attr = t.attrs[i].name;
    if (ns == Namespace::kMathMl) attr = AdjustMathMlAttributeName(attr);
    if (ns == Namespace::kSvg) attr = AdjustSvgAttributeName(attr);
    if (ns != Namespace::kHtml) attr = AdjustForeignAttributeName(attr);
    if (attr.data() == t.attrs[i].name.data()) {  // not adjusted to a static name: a common one, or interned
      const std::string_view known = KnownAttributeName(attr);
      attr = known.empty() ? InternName(attr) : known;
    }
    attrs.push_back({attr, dom_->Intern(t.attrs[i].value)});
  }
  Node& n = dom_->nodes[index];
  n.ns = ns;
  n.name = name;
  n.attr_begin = attr_begin;
  n.attr_count = t.attr_count;
  n.source_begin = tok.begin;
  n.source_end = tok.end;
  return index;
}

uint32_t TreeBuilder::CreateImpliedElement(Tag tag) {
  const uint32_t index = NewNode(NodeType::kElement);
  dom_->nodes[index].name = TagName(tag);
  return index;
}

// A copy of a formatting element (name, attributes, source range), not yet in the tree. The
// attributes are shared: element attributes never change after creation (the only exception,
// <html> and <body>, are never formatting elements).
uint32_t TreeBuilder::CloneElement(uint32_t node) {
  const uint32_t index = NewNode(NodeType::kElement);
  const Node& from = dom_->nodes[node];
  Node& to = dom_->nodes[index];
  to.ns = from.ns;
  to.name = from.name;
  to.attr_begin = from.attr_begin;
  to.attr_count = from.attr_count;
  to.source_begin = from.source_begin;
  to.source_end = from.source_end;
  return index;
}

TreeBuilder::OpenElement TreeBuilder::Entry(uint32_t node, Tag tag, Namespace ns,
                                            std::string_view raw_name) const {
  bool html_integration_point = false;
  if (ns == Namespace::kSvg) {
    html_integration_point = kScopeSvg.Has(tag);  // foreignObject, desc, title
  } else if (ns == Namespace::kMathMl && tag == Tag::kAnnotationXml) {
    const std::string_view encoding = dom_->Attr(node, "encoding");
    html_integration_point = EqualsIgnoreCase(encoding, "text/html") ||
                             EqualsIgnoreCase(encoding, "application/xhtml+xml");
  }
  return {node, tag, ns, html_integration_point, raw_name};
}

// The spec's "appropriate place for inserting a node", with gumbo's foster parenting.
TreeBuilder::Location TreeBuilder::InsertionLocation(const OpenElement* override_target) const {
  if (stack_.empty()) return {Dom::kDocumentNode, kNoNode};
  const OpenElement& target = override_target != nullptr ? *override_target : stack_.back();
  if (!foster_parenting_ || target.ns != Namespace::kHtml || !kFosterTargets.Has(target.tag)) {
    return {target.node, kNoNode};
  }
  const int last_template = LastOpenHtml(Tag::kTemplate);
  const int last_table = LastOpenHtml(Tag::kTable);
  if (last_template >= 0 && last_template > last_table) return {stack_[last_template].node, kNoNode};
  if (last_table < 0) return {stack_[0].node, kNoNode};
  const uint32_t table = stack_[last_table].node;
  const uint32_t parent = dom_->nodes[table].parent;
  if (parent != kNoNode) return {parent, table};
  return {stack_[last_table - 1].node, kNoNode};
}

// Nodes are numbered as they are created. That is document order as long as each new node is
// appended to the current node (or to the document before <html>); anything else (inserting
// before a node, appending to an ancestor such as a comment after </body>, moving) makes
// ParseHtml renumber the nodes at the end.
void TreeBuilder::Link(uint32_t node, Location loc) {
  std::vector<Node>& nodes = dom_->nodes;
  const uint32_t current = stack_.empty() ? Dom::kDocumentNode : stack_.back().node;
  if (loc.parent != current) out_of_order_ = true;
  Node& n = nodes[node];
  Node& parent = nodes[loc.parent];
  n.parent = loc.parent;
  n.next_sibling = loc.before;
  if (loc.before == kNoNode) {
    n.prev_sibling = parent.last_child;
    parent.last_child = node;
  } else {
    n.prev_sibling = nodes[loc.before].prev_sibling;
    nodes[loc.before].prev_sibling = node;
    out_of_order_ = true;
  }
  if (n.prev_sibling != kNoNode) {
    nodes[n.prev_sibling].next_sibling = node;
  } else {
    parent.first_child = node;
  }
}

void TreeBuilder::Unlink(uint32_t node) {
  std::vector<Node>& nodes = dom_->nodes;
  Node& n = nodes[node];
  if (n.parent == kNoNode) return;
  Node& parent = nodes[n.parent];
  if (n.prev_sibling != kNoNode) nodes[n.prev_sibling].next_sibling = n.next_sibling;
  else parent.first_child = n.next_sibling;
  if (n.next_sibling != kNoNode) nodes[n.next_sibling].prev_sibling = n.prev_sibling;
  else parent.last_child = n.prev_sibling;
  n.parent = n.prev_sibling = n.next_sibling = kNoNode;
  out_of_order_ = true;
}

void TreeBuilder::InsertElement(const OpenElement& e) {
  Link(e.node, InsertionLocation());
  Push(e);
}

// These flush pending text before creating the element, so nodes are numbered in the order
// they enter the tree (document order, unless something is inserted before another node).
uint32_t TreeBuilder::InsertHtmlElement(const Tok& tok) {
  FlushText();
  const uint32_t node = CreateElement(tok, Namespace::kHtml);
  InsertElement(Entry(node, tok.tag, Namespace::kHtml, {}));
  return node;
}

uint32_t TreeBuilder::InsertImplied(Tag tag) {
  FlushText();
  const uint32_t node = CreateImpliedElement(tag);
  InsertElement(Entry(node, tag, Namespace::kHtml, {}));
  return node;
}

uint32_t TreeBuilder::InsertForeignElement(const Tok& tok, Namespace ns) {
  FlushText();
  const uint32_t node = CreateElement(tok, ns);
  InsertElement(Entry(node, tok.tag, ns, tok.token->raw_name));
  return node;
}

void TreeBuilder::InsertComment(const Tok& tok, uint32_t parent) {
  FlushText();
  const uint32_t node = NewNode(NodeType::kComment);
  Node& n = dom_->nodes[node];
  n.text = dom_->Intern(tok.text);
  n.source_begin = tok.begin;
  n.source_end = tok.end;
  Link(node, {parent, kNoNode});
}

// gumbo's "insert a character": the text waits in a buffer until FlushText().
void TreeBuilder::InsertText(const Tok& tok) {
  if (tok.text.empty()) return;
  if (!pending_is_view_ && pending_.empty()) {
    pending_begin_ = tok.begin;
    if (tok.text_is_input) {
      pending_view_ = tok.text;
      pending_is_view_ = true;
    } else {
      pending_.assign(tok.text);
    }
  } else {
    if (pending_is_view_) {
      pending_.assign(pending_view_);
      pending_is_view_ = false;
    }
    pending_.append(tok.text);
  }
  pending_end_ = std::max(pending_end_, tok.end);
}

void TreeBuilder::FlushText() {
  if (!pending_is_view_ && pending_.empty()) return;
  const std::string_view text = pending_is_view_ ? pending_view_ : std::string_view(pending_);
  const Location loc = InsertionLocation();
  if (loc.parent != Dom::kDocumentNode) {  // the document takes no text
    std::vector<Node>& nodes = dom_->nodes;
    const uint32_t prev =
        loc.before == kNoNode ? nodes[loc.parent].last_child : nodes[loc.before].prev_sibling;
    if (prev != kNoNode && nodes[prev].type == NodeType::kText) {
      // Text next to text is one node (gumbo makes two; the Dom, like the spec, one).
      extra_text_.push_back({prev, dom_->Intern(text)});
      nodes[prev].source_end = std::max(nodes[prev].source_end, pending_end_);
    } else {
      const uint32_t node = NewNode(NodeType::kText);
      Node& n = dom_->nodes[node];
      n.text = dom_->Intern(text);
      n.source_begin = pending_begin_;
      n.source_end = pending_end_;
      Link(node, loc);
    }
  }
  pending_.clear();
  pending_is_view_ = false;
  pending_end_ = 0;
}

// ---- the stack of open elements -----------------------------------------------------------------

void TreeBuilder::Push(const OpenElement& e) {
  stack_.push_back(e);
  if (e.ns == Namespace::kHtml) ++open_count_[static_cast<int>(e.tag)];
  on_stack_[e.node] = 1;
}

uint32_t TreeBuilder::Pop() {
  FlushText();  // gumbo flushes pending text into the element before closing it
  const OpenElement e = stack_.back();
  stack_.pop_back();
  if (e.ns == Namespace::kHtml) --open_count_[static_cast<int>(e.tag)];
  on_stack_[e.node] = 0;
  return e.node;
}

void TreeBuilder::RemoveFromStack(size_t index) {
  const OpenElement& e = stack_[index];
  if (e.ns == Namespace::kHtml) --open_count_[static_cast<int>(e.tag)];
  on_stack_[e.node] = 0;
  stack_.erase(stack_.begin() + static_cast<ptrdiff_t>(index));
}

void TreeBuilder::InsertIntoStack(size_t index, const OpenElement& e) {
  if (e.ns == Namespace::kHtml) ++open_count_[static_cast<int>(e.tag)];
  on_stack_[e.node] = 1;
  stack_.insert(stack_.begin() + static_cast<ptrdiff_t>(index), e);
}

int TreeBuilder::StackIndexOf(uint32_t node) const {
  if (!on_stack_[node]) return -1;
  const int stop = std::max(0, static_cast<int>(stack_.size()) - static_cast<int>(kMaxStackSearch));
  for (int i = static_cast<int>(stack_.size()) - 1; i >= stop; --i) {
    if (stack_[i].node == node) return i;
  }
  return -1;
}

int TreeBuilder::LastOpenHtml(Tag tag) const {
  if (!HasOpen(tag)) return -1;
  const int stop = std::max(0, static_cast<int>(stack_.size()) - static_cast<int>(kMaxStackSearch));
  for (int i = static_cast<int>(stack_.size()) - 1; i >= stop; --i) {
    if (stack_[i].tag == tag && stack_[i].ns == Namespace::kHtml) return i;
  }
  return -1;
}

void TreeBuilder::PopUntil(Tag tag) {
  while (!stack_.empty()) {
    const bool last = CurrentIs(tag);
    Pop();
    if (last) return;
  }
}

void TreeBuilder::PopUntilNode(uint32_t node) {
  while (!stack_.empty() && Pop() != node) {
  }
}

bool TreeBuilder::IsScopeBoundary(const OpenElement& e, Scope scope) {
  switch (scope) {
    case Scope::kTable:
      return e.ns == Namespace::kHtml && kTableScope.Has(e.tag);
    case Scope::kSelect:
      return !(e.ns == Namespace::kHtml && (e.tag == Tag::kOptgroup || e.tag == Tag::kOption));
    case Scope::kListItem:
      if (e.ns == Namespace::kHtml && (e.tag == Tag::kOl || e.tag == Tag::kUl)) return true;
      break;
    case Scope::kButton:
      if (e.ns == Namespace::kHtml && e.tag == Tag::kButton) return true;
      break;
    case Scope::kDefault:
      break;
  }
  switch (e.ns) {
    case Namespace::kHtml: return kScopeHtml.Has(e.tag);
    case Namespace::kMathMl: return kSpecialMathMl.Has(e.tag);  // mi mo mn ms mtext a-xml
    case Namespace::kSvg: return kScopeSvg.Has(e.tag);
  }
  return false;
}

bool TreeBuilder::InScopeAny(const TagSet& tags, Scope scope) const {
  const int stop = std::max(0, static_cast<int>(stack_.size()) - static_cast<int>(kMaxStackSearch));
  for (int i = static_cast<int>(stack_.size()) - 1; i >= stop; --i) {
    const OpenElement& e = stack_[i];
    if (e.ns == Namespace::kHtml && tags.Has(e.tag)) return true;
    if (IsScopeBoundary(e, scope)) return false;
  }
  return false;
}

bool TreeBuilder::InScope(Tag tag, Scope scope) const {
  return HasOpen(tag) && InScopeAny(TagSet{tag}, scope);
}

bool TreeBuilder::NodeInScope(uint32_t node) const {
  if (!on_stack_[node]) return false;
  const int stop = std::max(0, static_cast<int>(stack_.size()) - static_cast<int>(kMaxStackSearch));
  for (int i = static_cast<int>(stack_.size()) - 1; i >= stop; --i) {
    if (stack_[i].node == node) return true;
    if (IsScopeBoundary(stack_[i], Scope::kDefault)) return false;
  }
  return false;
}

void TreeBuilder::GenerateImpliedEndTags(Tag except) {
  while (CurrentIn(kImpliedEndTags) && !(except != Tag::kUnknown && CurrentIs(except))) Pop();
}

void TreeBuilder::GenerateAllImpliedEndTagsThoroughly() {
  while (CurrentIn(kImpliedEndTagsThoroughly)) Pop();
}

// gumbo's implicitly_close_tags: implied end tags (except `tag`), then pop through `tag`.
// Returns false (a parse error) if `tag` was not the current node by then. The caller has made
// sure an element `tag` is open.
bool TreeBuilder::CloseElement(Tag tag) {
  GenerateImpliedEndTags(tag);
  const bool was_current = CurrentIs(tag);
  PopUntil(tag);
  return was_current;
}

bool TreeBuilder::MaybeCloseP() {
  return InScope(Tag::kP, Scope::kButton) ? CloseElement(Tag::kP) : true;
}

// <li>, <dd>, <dt>: close the open one of the same kind unless a special element (other than
// address, div, p) is in the way.
void TreeBuilder::CloseListItem(bool is_li) {
  frameset_ok_ = false;
  if (is_li ? !HasOpen(Tag::kLi) : !(HasOpen(Tag::kDd) || HasOpen(Tag::kDt))) return;
  const int stop = std::max(0, static_cast<int>(stack_.size()) - static_cast<int>(kMaxStackSearch));
  for (int i = static_cast<int>(stack_.size()) - 1; i >= stop; --i) {
    const OpenElement& e = stack_[i];
    const bool html = e.ns == Namespace::kHtml;
    if (html && (is_li ? e.tag == Tag::kLi : (e.tag == Tag::kDd || e.tag == Tag::kDt))) {
      CloseElement(e.tag);
      return;
    }
    if (IsSpecial(e.tag, e.ns) &&
        !(html && (e.tag == Tag::kAddress || e.tag == Tag::kDiv || e.tag == Tag::kP))) {
      return;
    }
  }
}

void TreeBuilder::ClearStackBackTo(const TagSet& set) {
  while (!CurrentIn(set)) Pop();
}

// gumbo's reset_insertion_mode_appropriately. Note that it looks at the tag id alone, whatever
// the namespace (an <svg><td> counts as a cell).
void TreeBuilder::ResetInsertionMode() {
  const int stop = std::max(0, static_cast<int>(stack_.size()) - static_cast<int>(kMaxStackSearch));
  for (int i = static_cast<int>(stack_.size()) - 1; i >= stop; --i) {
    const bool last = i == 0;
    switch (stack_[i].tag) {
      case Tag::kSelect:
        if (!last) {
          for (int k = i; k > 0 && k >= stop; --k) {
            const OpenElement& a = stack_[k];
            if (a.ns != Namespace::kHtml) continue;
            if (a.tag == Tag::kTemplate) break;
            if (a.tag == Tag::kTable) {
              mode_ = Mode::kInSelectInTable;
              return;
            }
          }
        }
        mode_ = Mode::kInSelect;
        return;
      case Tag::kTd:
      case Tag::kTh:
        if (!last) {
          mode_ = Mode::kInCell;
          return;
        }
        break;
      case Tag::kTr: mode_ = Mode::kInRow; return;
      case Tag::kTbody:
      case Tag::kThead:
      case Tag::kTfoot: mode_ = Mode::kInTableBody; return;
      case Tag::kCaption: mode_ = Mode::kInCaption; return;
      case Tag::kColgroup: mode_ = Mode::kInColumnGroup; return;
      case Tag::kTable: mode_ = Mode::kInTable; return;
      case Tag::kTemplate:
        if (!template_modes_.empty()) {
          mode_ = template_modes_.back();
          return;
        }
        break;
      case Tag::kHead:
        if (!last) {
          mode_ = Mode::kInHead;
          return;
        }
        break;
      case Tag::kBody: mode_ = Mode::kInBody; return;
      case Tag::kFrameset: mode_ = Mode::kInFrameset; return;
      case Tag::kHtml: mode_ = head_ != kNoNode ? Mode::kAfterHead : Mode::kBeforeHead; return;
      default: break;
    }
    if (last) break;
  }
  mode_ = Mode::kInBody;
}

// ---- active formatting elements -----------------------------------------------------------------

int TreeBuilder::FormattingIndexOf(uint32_t node) const {
  for (int i = static_cast<int>(formatting_.size()) - 1; i >= 0; --i) {
    if (formatting_[i].node == kMarker) return -1;
    if (formatting_[i].node == node) return i;
  }
  return -1;
}

// Same attributes (names and values, in any order)?
bool TreeBuilder::SameAttributes(uint32_t a, uint32_t b) const {
  const Node& x = dom_->nodes[a];
  const Node& y = dom_->nodes[b];
  if (x.attr_count != y.attr_count) return false;
  if (x.attr_begin == y.attr_begin) return true;  // clones share their attributes
  const Attribute* xa = &dom_->attrs[x.attr_begin];
  const Attribute* ya = &dom_->attrs[y.attr_begin];
  const uint32_t n = x.attr_count;
  if (n <= 16) {
    for (uint32_t i = 0; i < n; ++i) {
      bool found = false;
      for (uint32_t k = 0; k < n && !found; ++k) {
        found = xa[i].name == ya[k].name && xa[i].value == ya[k].value;
      }
      if (!found) return false;
    }
    return true;
  }
  // Many attributes (hostile input): compare sorted copies.
  auto sorted = [](const Attribute* p, uint32_t count) {
    std::vector<std::pair<std::string_view, std::string_view>> v;
    v.reserve(count);
    for (uint32_t i = 0; i < count; ++i) v.emplace_back(p[i].name, p[i].value);
    std::sort(v.begin(), v.end());
    return v;
  };
  return sorted(xa, n) == sorted(ya, n);
}

// "Push onto the list of active formatting elements", with the Noah's Ark clause (at most three
// identical elements after the last marker) and, for hostile input, at most
// kMaxActiveFormatting elements after the last marker.
void TreeBuilder::PushFormatting(uint32_t node, Tag tag) {
  int identical = 0;
  int earliest = -1;
  int first_after_marker = 0;
  for (int i = static_cast<int>(formatting_.size()) - 1; i >= 0; --i) {
    const FormattingEntry& f = formatting_[i];
    if (f.node == kMarker) {
      first_after_marker = i + 1;
      break;
    }
    if (f.tag == tag && dom_->nodes[f.node].ns == Namespace::kHtml && SameAttributes(f.node, node)) {
      ++identical;
      earliest = i;
    }
  }
  if (identical >= 3) {
    formatting_.erase(formatting_.begin() + earliest);
  } else if (formatting_.size() - first_after_marker >= kMaxActiveFormatting) {
    formatting_.erase(formatting_.begin() + first_after_marker);
  }
  formatting_.push_back({node, tag});
}

void TreeBuilder::ClearFormattingToMarker() {
  while (!formatting_.empty()) {
    const bool marker = formatting_.back().node == kMarker;
    formatting_.pop_back();
    if (marker) return;
  }
}

// "Reconstruct the active formatting elements": reopen, as clones, the formatting elements
// after the last marker that were closed implicitly. Pending text is not flushed first (gumbo's
// order: the text then goes into the innermost clone).
void TreeBuilder::ReconstructFormatting() {
  if (formatting_.empty()) return;
  int i = static_cast<int>(formatting_.size()) - 1;
  if (formatting_[i].node == kMarker || on_stack_[formatting_[i].node]) return;
  while (i > 0) {
    const FormattingEntry& f = formatting_[i - 1];
    if (f.node == kMarker || on_stack_[f.node]) break;
    --i;
  }
  for (; i < static_cast<int>(formatting_.size()); ++i) {
    const uint32_t clone = CloneElement(formatting_[i].node);
    InsertElement(Entry(clone, formatting_[i].tag, Namespace::kHtml, {}));
    formatting_[i].node = clone;
  }
}

// The adoption agency algorithm for the end tag `subject` (a formatting element), as gumbo 0.10.1
// implements it. Returns false on a parse error (gumbo ignores the end tag then, without today's
// fallback to "any other end tag").
bool TreeBuilder::AdoptionAgency(Tag subject) {
  // Step 1: the current node is `subject` but not a formatting element: just pop it.
  if (CurrentIs(subject) && FormattingIndexOf(Current().node) < 0) {
    Pop();
    return false;
  }
  for (int outer = 0; outer < 8; ++outer) {
    // The last formatting element `subject` after the last marker.
    int fmt_index = -1;
    for (int j = static_cast<int>(formatting_.size()) - 1; j >= 0; --j) {
      if (formatting_[j].node == kMarker) return false;
      if (formatting_[j].tag == subject &&
          dom_->nodes[formatting_[j].node].ns == Namespace::kHtml) {
        fmt_index = j;
        break;
      }
    }
    if (fmt_index < 0) return false;
    const uint32_t fmt_node = formatting_[fmt_index].node;
    const int fmt_stack = StackIndexOf(fmt_node);
    if (fmt_stack < 0) {
      formatting_.erase(formatting_.begin() + fmt_index);
      return false;
    }
    if (!InScope(subject, Scope::kDefault)) return false;
    // The furthest block: the first special element above the formatting element.
    int fb_stack = -1;
    for (size_t j = static_cast<size_t>(fmt_stack); j < stack_.size(); ++j) {
      if (IsSpecial(stack_[j].tag, stack_[j].ns)) {
        fb_stack = static_cast<int>(j);
        break;
      }
    }
    if (fb_stack < 0) {
      PopUntilNode(fmt_node);
      formatting_.erase(formatting_.begin() + fmt_index);
      return false;
    }
    const uint32_t furthest_block = stack_[fb_stack].node;
    const OpenElement common_ancestor = stack_[fmt_stack - 1];
    int bookmark = fmt_index + 1;
    uint32_t node = furthest_block;
    uint32_t last_node = furthest_block;
    int saved_index = fb_stack;
    for (int inner = 1;; ++inner) {
      int node_index = StackIndexOf(node);
      if (node_index < 0) node_index = saved_index;
      saved_index = --node_index;
      node = stack_[node_index].node;
      if (node == fmt_node) break;
      const int node_fmt = FormattingIndexOf(node);
      if (inner > 3 && node_fmt >= 0) {
        // gumbo drops it from the list but (unlike the spec) leaves it on the stack.
        formatting_.erase(formatting_.begin() + node_fmt);
        if (node_fmt < bookmark) --bookmark;
        continue;
      }
      if (node_fmt < 0) {
        RemoveFromStack(static_cast<size_t>(node_index));
        continue;
      }
      const uint32_t clone = CloneElement(node);
      formatting_[node_fmt].node = clone;
      on_stack_[node] = 0;
      on_stack_[clone] = 1;
      stack_[node_index].node = clone;
      if (last_node == furthest_block) bookmark = node_fmt + 1;
      Unlink(last_node);
      Link(last_node, {clone, kNoNode});
      node = clone;
      last_node = clone;
    }
    Unlink(last_node);
    Link(last_node, InsertionLocation(&common_ancestor));
    // A clone of the formatting element takes the furthest block's children and goes in it.
    const uint32_t new_fmt = CloneElement(fmt_node);
    std::vector<Node>& nodes = dom_->nodes;
    for (uint32_t c = nodes[furthest_block].first_child; c != kNoNode; c = nodes[c].next_sibling) {
      nodes[c].parent = new_fmt;
    }
    nodes[new_fmt].first_child = nodes[furthest_block].first_child;
    nodes[new_fmt].last_child = nodes[furthest_block].last_child;
    nodes[furthest_block].first_child = nodes[furthest_block].last_child = kNoNode;
    Link(new_fmt, {furthest_block, kNoNode});
    out_of_order_ = true;
    // It replaces the formatting element in the list (at the bookmark) and on the stack (just
    // above the furthest block).
    const int old = FormattingIndexOf(fmt_node);
    if (old < bookmark) --bookmark;
    formatting_.erase(formatting_.begin() + old);
    formatting_.insert(formatting_.begin() + bookmark, {new_fmt, subject});
    RemoveFromStack(static_cast<size_t>(StackIndexOf(fmt_node)));
    const int fb_now = StackIndexOf(furthest_block);
    InsertIntoStack(static_cast<size_t>(fb_now + 1), Entry(new_fmt, subject, Namespace::kHtml, {}));
  }
  return true;
}


// ---- the end ------------------------------------------------------------------------------------

// Places the attributes later <html>/<body> tags added, and joins text: pieces appended to text
// nodes after they were created, and text nodes that moves left side by side.
void TreeBuilder::Finish() {
  std::vector<Node>& nodes = dom_->nodes;
  std::vector<Attribute>& attrs = dom_->attrs;
  for (MergeTarget& m : merges_) {
    if (m.node == kNoNode || m.added.empty()) continue;
    Node& n = nodes[m.node];
    const auto begin = static_cast<uint32_t>(attrs.size());
    for (uint32_t i = 0; i < n.attr_count; ++i) {
      const Attribute a = attrs[n.attr_begin + i];
      attrs.push_back(a);
    }
    attrs.insert(attrs.end(), m.added.begin(), m.added.end());
    n.attr_begin = begin;
    n.attr_count = static_cast<uint32_t>(attrs.size()) - begin;
  }
  if (extra_text_.empty() && !out_of_order_) return;
  std::stable_sort(extra_text_.begin(), extra_text_.end(),
                   [](const ExtraText& a, const ExtraText& b) { return a.node < b.node; });
  auto extras = [&](uint32_t node) {
    return std::equal_range(
        extra_text_.begin(), extra_text_.end(), ExtraText{node, {}},
        [](const ExtraText& a, const ExtraText& b) { return a.node < b.node; });
  };
  // Joins the text node `head` with its pieces and the text nodes right after it.
  auto join = [&](uint32_t head) {
    scratch_.clear();
    uint32_t end = nodes[head].source_end;
    for (uint32_t u = head; u != kNoNode && nodes[u].type == NodeType::kText;) {
      const uint32_t next = nodes[u].next_sibling;
      scratch_.append(nodes[u].text);
      const auto [lo, hi] = extras(u);
      for (auto it = lo; it != hi; ++it) scratch_.append(it->piece);
      end = std::max(end, nodes[u].source_end);
      if (u != head) Unlink(u);
      u = next;
    }
    nodes[head].text = dom_->Intern(scratch_);
    nodes[head].source_end = end;
  };
  if (out_of_order_) {
    for (uint32_t i = 1; i < nodes.size(); ++i) {
      const Node& n = nodes[i];
      if (n.type != NodeType::kText || n.parent == kNoNode) continue;
      if (n.prev_sibling != kNoNode && nodes[n.prev_sibling].type == NodeType::kText) continue;
      const bool next_is_text =
          n.next_sibling != kNoNode && nodes[n.next_sibling].type == NodeType::kText;
      const auto [lo, hi] = extras(i);
      if (next_is_text || lo != hi) join(i);
    }
  } else {
    for (size_t k = 0; k < extra_text_.size();) {
      const uint32_t node = extra_text_[k].node;
      join(node);
      while (k < extra_text_.size() && extra_text_[k].node == node) ++k;
    }
  }
}

}  // namespace dossier::html
