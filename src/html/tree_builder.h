// The HTML tree builder: tokens in, the Dom out. Internal to ParseHtml (html/parser.h).
//
// It follows gumbo 0.10.1's parser.c mode by mode, because the reference trees are gumbo's: the
// insertion modes, implied tags, the adoption agency algorithm, foster parenting, templates,
// framesets and foreign content all behave as gumbo does (a 2014-2015 revision of the spec; the
// differences from today's spec are listed in tree_builder_modes.cc). gumbo's own quirks that
// show in trees are kept too: every unknown tag has the same id (so </x-a> closes <x-b>), text is
// buffered and inserted when the next element is inserted or popped, and end tags in foreign
// content are matched against the start tag's name as written.
//
// Bounds on hostile input (see html/parser.h for the public limits):
//  - searches of the stack of open elements look at the top kMaxStackSearch entries only; an
//    element deeper than that counts as absent (not in scope, not found), so each token costs
//    at most O(kMaxStackSearch) however deep the stack;
//  - the active formatting elements after the last marker are capped at kMaxActiveFormatting
//    (the oldest is dropped), on top of the spec's "Noah's Ark" limit of three identical ones;
//  - the builder stops, keeping the tree, before a token that could take the node count past
//    ParseLimits::max_nodes (each token adds at most kMaxNodesPerToken nodes);
//  - the tree's depth is bounded afterwards (html/parser.cc): elements deeper than
//    ParseLimits::max_depth are attached at that depth.
// Nothing recurses: tokens are reprocessed by a loop, and the mode handlers only call "lower"
// handlers (in body -> in head, in table -> in body, ...), never back up the chain.
#ifndef DOSSIER_HTML_TREE_BUILDER_H_
#define DOSSIER_HTML_TREE_BUILDER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "html/dom.h"
#include "html/parser.h"
#include "html/tags.h"
#include "html/tokenizer.h"

namespace dossier::html {

inline constexpr size_t kMaxStackSearch = 512;
inline constexpr size_t kMaxActiveFormatting = 64;
inline constexpr size_t kMaxNodesPerToken = 2 * kMaxActiveFormatting + 64;

class TreeBuilder {
 public:
  // `text` is the tokenizer's (preprocessed) text; source ranges are offsets into it.
  TreeBuilder(std::string_view text, Tokenizer* tokenizer, const ParseLimits& limits, Dom* dom);
  // Runs to the end of the input (or the node limit), then finishes the tree: text pieces
  // joined, merged <html>/<body> attributes placed. Source ranges are still offsets into the
  // tokenizer's (preprocessed) text.
  void Run();
  // True if the tree needs renumbering into document order (nodes were inserted before others,
  // moved or dropped): foster parenting, the adoption agency, <frameset>, a late doctype.
  bool out_of_order() const { return out_of_order_; }

 private:
  enum class Mode : uint8_t {
    kInitial, kBeforeHtml, kBeforeHead, kInHead, kInHeadNoscript, kAfterHead, kInBody, kText,
    kInTable, kInTableText, kInCaption, kInColumnGroup, kInTableBody, kInRow, kInCell,
    kInSelect, kInSelectInTable, kInTemplate, kAfterBody, kInFrameset, kAfterFrameset,
    kAfterAfterBody, kAfterAfterFrameset,
  };
  // The token as the modes see it: character runs are split into whitespace and other runs,
  // as gumbo's one-character tokens would be classified.
  enum class Kind : uint8_t {
    kWhitespace, kCharacter, kNull, kCdata, kComment, kDoctype, kStartTag, kEndTag, kEof
  };
  struct Tok {
    Kind kind;
    const Token* token;     // tags, comments, doctype
    std::string_view text;  // kWhitespace, kCharacter, kCdata
    bool text_is_input;
    uint32_t begin, end;
    Tag tag;                // tags
    bool IsStart(Tag t) const { return kind == Kind::kStartTag && tag == t; }
    bool IsEnd(Tag t) const { return kind == Kind::kEndTag && tag == t; }
    bool IsStartIn(const TagSet& s) const { return kind == Kind::kStartTag && s.Has(tag); }
    bool IsEndIn(const TagSet& s) const { return kind == Kind::kEndTag && s.Has(tag); }
  };
  struct OpenElement {
    uint32_t node;
    Tag tag;
    Namespace ns;
    bool html_integration_point;  // svg foreignObject/desc/title, annotation-xml with encoding
    std::string_view raw_name;    // foreign elements: the name as written (for end tags)
  };
  static constexpr uint32_t kMarker = kNoNode;  // a scope marker in the formatting list
  struct Location {
    uint32_t parent;
    uint32_t before;  // insert before this child; kNoNode: append
  };

  // ---- token loop (tree_builder.cc)
  void ProcessToken(const Token& token);
  void ProcessCharacters(const Token& token);
  void Dispatch(Tok& tok);
  bool UseForeignRules(const Tok& tok) const;
  void HandleMode(Tok& tok);
  void InForeignContent(Tok& tok);

  // ---- insertion modes (tree_builder_modes.cc)
  void InInitial(Tok& tok);
  void InBeforeHtml(Tok& tok);
  void InBeforeHead(Tok& tok);
  void InHead(Tok& tok);
  void InHeadNoscript(Tok& tok);
  void InAfterHead(Tok& tok);
  void InBody(Tok& tok);
  void InBodyStartTag(Tok& tok);
  void InBodyEndTag(Tok& tok);
  void InText(Tok& tok);
  void InTable(Tok& tok);
  void InTableText(Tok& tok);
  void InCaption(Tok& tok);
  void InColumnGroup(Tok& tok);
  void InTableBody(Tok& tok);
  void InRow(Tok& tok);
  void InCell(Tok& tok);
  void InSelect(Tok& tok);
  void InSelectInTable(Tok& tok);
  void InTemplate(Tok& tok);
  void InAfterBody(Tok& tok);
  void InFrameset(Tok& tok);
  void InAfterFrameset(Tok& tok);
  void InAfterAfterBody(Tok& tok);
  void InAfterAfterFrameset(Tok& tok);
  // Pieces shared by several modes.
  void MergeIntoHtmlElement(const Tok& tok);  // "<html>" start tag, as in body
  void MergeAttributes(const Tok& tok, uint32_t node);
  void EofInTemplate();
  bool EndTemplate();
  void StartRawText(const Tok& tok, Tokenizer::TextState state);
  void CloseCell();
  void CloseSelect();
  bool CloseTable();
  void InsertIsindex(const Tok& tok);
  void SetQuirksFromDoctype(const Token& doctype);

  // ---- tree operations (tree_builder.cc)
  uint32_t NewNode(NodeType type);
  uint32_t CreateElement(const Tok& tok, Namespace ns);
  uint32_t CreateImpliedElement(Tag tag);
  uint32_t CloneElement(uint32_t node);
  OpenElement Entry(uint32_t node, Tag tag, Namespace ns, std::string_view raw_name) const;
  // The appropriate place for inserting a node (foster parenting included); the target is the
  // current node unless `override_target` is given.
  Location InsertionLocation(const OpenElement* override_target = nullptr) const;
  void Link(uint32_t node, Location loc);
  void Unlink(uint32_t node);
  // Links an element at the appropriate place and pushes it. Does not flush pending text: the
  // Insert* helpers flush before they create the element, reconstruction must not (gumbo puts
  // the pending text into the innermost reopened element).
  void InsertElement(const OpenElement& e);
  uint32_t InsertHtmlElement(const Tok& tok);
  uint32_t InsertImplied(Tag tag);
  uint32_t InsertForeignElement(const Tok& tok, Namespace ns);
  void InsertComment(const Tok& tok, uint32_t parent);
  void InsertText(const Tok& tok);
  void FlushText();
  std::string_view InternName(std::string_view name);

  // ---- the stack of open elements
  const OpenElement& Current() const { return stack_.back(); }
  bool CurrentIs(Tag tag) const {
    return !stack_.empty() && stack_.back().ns == Namespace::kHtml && stack_.back().tag == tag;
  }
  bool CurrentIn(const TagSet& set) const {
    return !stack_.empty() && stack_.back().ns == Namespace::kHtml && set.Has(stack_.back().tag);
  }
  void Push(const OpenElement& e);
  uint32_t Pop();  // flushes pending text first, as gumbo does
  void RemoveFromStack(size_t index);
  void InsertIntoStack(size_t index, const OpenElement& e);
  int StackIndexOf(uint32_t node) const;
  int LastOpenHtml(Tag tag) const;  // index of the topmost open HTML element with this tag
  bool HasOpen(Tag tag) const { return open_count_[static_cast<int>(tag)] > 0; }
  void PopUntil(Tag tag);           // pops up to and including the topmost HTML `tag`
  void PopUntilNode(uint32_t node);
  enum class Scope : uint8_t { kDefault, kListItem, kButton, kTable, kSelect };
  static bool IsScopeBoundary(const OpenElement& e, Scope scope);
  bool InScope(Tag tag, Scope scope) const;
  bool InScopeAny(const TagSet& tags, Scope scope) const;
  bool NodeInScope(uint32_t node) const;
  void GenerateImpliedEndTags(Tag except = Tag::kUnknown);  // kUnknown: no exception
  void GenerateAllImpliedEndTagsThoroughly();
  bool CloseElement(Tag tag);  // implied end tags, pop through `tag`; false: not current
  bool MaybeCloseP();
  void CloseListItem(bool is_li);
  void ClearStackBackTo(const TagSet& set);
  void ResetInsertionMode();

  // ---- active formatting elements
  void PushFormatting(uint32_t node, Tag tag);
  void PushMarker() { formatting_.push_back({kMarker, Tag::kUnknown}); }
  void ClearFormattingToMarker();
  void ReconstructFormatting();
  int FormattingIndexOf(uint32_t node) const;
  bool SameAttributes(uint32_t a, uint32_t b) const;
  bool AdoptionAgency(Tag subject);
  void Finish();

  std::string_view text_;
  Tokenizer* tokenizer_;
  const ParseLimits& limits_;
  Dom* dom_;

  Mode mode_ = Mode::kInitial;
  Mode original_mode_ = Mode::kInitial;
  std::vector<OpenElement> stack_;
  uint32_t open_count_[kTagCount] = {};  // open HTML elements per tag
  std::vector<uint8_t> on_stack_;        // per node: is it on the stack of open elements
  struct FormattingEntry {
    uint32_t node;  // kMarker for a scope marker
    Tag tag;
  };
  std::vector<FormattingEntry> formatting_;
  std::vector<Mode> template_modes_;
  uint32_t html_ = kNoNode;
  uint32_t head_ = kNoNode;
  uint32_t form_ = kNoNode;
  bool reprocess_ = false;
  bool frameset_ok_ = true;
  bool ignore_next_linefeed_ = false;
  bool foster_parenting_ = false;
  bool quirks_ = false;
  bool out_of_order_ = false;
  // Pending text (gumbo's text node buffer): inserted when the next element is inserted or
  // popped, a comment is inserted, or the table text ends.
  std::string pending_;
  std::string_view pending_view_;  // the pending text while it is a single view of the input
  bool pending_is_view_ = false;
  uint32_t pending_begin_ = 0;
  uint32_t pending_end_ = 0;
  // Pieces appended to text nodes that were already created (joined by Finish()).
  struct ExtraText {
    uint32_t node;
    std::string_view piece;
  };
  std::vector<ExtraText> extra_text_;
  // Attributes added to <html> and <body> by later <html>/<body> start tags (placed by Finish()).
  struct MergeTarget {
    uint32_t node = kNoNode;
    std::unordered_set<std::string_view> names;
    std::vector<Attribute> added;
  };
  MergeTarget merges_[2];
  // Interned names (unknown tags, attribute names), so each distinct name is copied once.
  std::unordered_map<std::string_view, std::string_view> names_;
  std::string scratch_;
};

// Whether an element is in the spec's "special" category (gumbo's list).
bool IsSpecial(Tag tag, Namespace ns);

}  // namespace dossier::html

#endif  // DOSSIER_HTML_TREE_BUILDER_H_
