// The insertion modes, each a port of the matching handle_* function of gumbo 0.10.1's parser.c
// (same tests in the same order), so the trees match gumbo's. Where that differs from today's
// WHATWG spec in ways that show in trees (all kept on purpose):
//  - no <search>, no customizable <select> (select content is parsed the old way), <menuitem> and
//    <isindex> still handled (isindex expands into form/hr/label/input/hr);
//  - "in body" </p> without an open p inserts an empty p without reconstructing formatting
//    elements; </applet>, </marquee>, </object> look in *table* scope;
//  - an end tag for a formatting element that is not in the list of active formatting elements
//    is ignored (today: handled as "any other end tag");
//  - the adoption agency's inner loop drops a formatting element from the list after three
//    rounds but leaves it on the stack;
//  - "in caption" elements that close the caption do not generate implied end tags first;
//  - "in select in table" start tags close the select without checking table scope;
//  - reset-the-insertion-mode switches on the tag id alone (an SVG <td> counts as a cell);
//  - every unknown tag shares one id, so an end tag of one unknown name closes another;
//  - quirks mode comes from gumbo's doctype lists, which compare whole identifiers where the spec
//    compares prefixes (so in practice only a missing doctype, a name other than "html" or
//    force-quirks make a document quirky);
//  - a doctype after a byte order mark or text is ignored (gumbo does not strip the BOM).
#include <string_view>

#include "html/tree_builder.h"

namespace dossier::html {
namespace {

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

std::string_view AttrValue(const Token& t, std::string_view name, bool* found = nullptr) {
  for (uint32_t i = 0; i < t.attr_count; ++i) {
    if (t.attrs[i].name == name) {
      if (found) *found = true;
      return t.attrs[i].value;
    }
  }
  if (found) *found = false;
  return {};
}

constexpr TagSet kHeadings = {Tag::kH1, Tag::kH2, Tag::kH3, Tag::kH4, Tag::kH5, Tag::kH6};
constexpr TagSet kFormatting = {Tag::kB,     Tag::kBig,    Tag::kCode,   Tag::kEm,
                                Tag::kFont,  Tag::kI,      Tag::kS,      Tag::kSmall,
                                Tag::kStrike, Tag::kStrong, Tag::kTt,    Tag::kU};
constexpr TagSet kFormattingEnd = {Tag::kA,     Tag::kB,      Tag::kBig,    Tag::kCode, Tag::kEm,
                                   Tag::kFont,  Tag::kI,      Tag::kNobr,   Tag::kS,    Tag::kSmall,
                                   Tag::kStrike, Tag::kStrong, Tag::kTt,    Tag::kU};
constexpr TagSet kTableContext = {Tag::kHtml, Tag::kTable, Tag::kTemplate};
constexpr TagSet kTableBodyContext = {Tag::kHtml, Tag::kTbody, Tag::kTfoot, Tag::kThead,
                                      Tag::kTemplate};
constexpr TagSet kRowContext = {Tag::kHtml, Tag::kTr, Tag::kTemplate};
constexpr TagSet kTableSections = {Tag::kTbody, Tag::kTfoot, Tag::kThead};
constexpr TagSet kHeadVoid = {Tag::kBase, Tag::kBasefont, Tag::kBgsound, Tag::kMenuitem,
                              Tag::kLink};
constexpr TagSet kInHeadFromBody = {Tag::kBase,     Tag::kBasefont, Tag::kBgsound, Tag::kMenuitem,
                                    Tag::kLink,     Tag::kMeta,     Tag::kNoframes, Tag::kScript,
                                    Tag::kStyle,    Tag::kTemplate, Tag::kTitle};
constexpr TagSet kInHeadFromAfterHead = {Tag::kBase,     Tag::kBasefont, Tag::kBgsound,
                                         Tag::kLink,     Tag::kMeta,     Tag::kNoframes,
                                         Tag::kScript,   Tag::kStyle,    Tag::kTemplate,
                                         Tag::kTitle};
constexpr TagSet kInHeadFromTemplate = kInHeadFromAfterHead;
constexpr TagSet kHeadOrBodyEnd = {Tag::kHead, Tag::kBody, Tag::kHtml, Tag::kBr};
constexpr TagSet kBodyHtmlBr = {Tag::kBody, Tag::kHtml, Tag::kBr};
constexpr TagSet kBlockStart = {
    Tag::kAddress, Tag::kArticle, Tag::kAside,  Tag::kBlockquote, Tag::kCenter,  Tag::kDetails,
    Tag::kDir,     Tag::kDiv,     Tag::kDl,     Tag::kFieldset,   Tag::kFigcaption, Tag::kFigure,
    Tag::kFooter,  Tag::kHeader,  Tag::kHgroup, Tag::kMenu,       Tag::kMain,    Tag::kNav,
    Tag::kOl,      Tag::kP,       Tag::kSection, Tag::kSummary,   Tag::kUl};
constexpr TagSet kBlockEnd = {
    Tag::kAddress, Tag::kArticle, Tag::kAside,   Tag::kBlockquote, Tag::kButton,  Tag::kCenter,
    Tag::kDetails, Tag::kDir,     Tag::kDiv,     Tag::kDl,         Tag::kFieldset, Tag::kFigcaption,
    Tag::kFigure,  Tag::kFooter,  Tag::kHeader,  Tag::kHgroup,     Tag::kListing, Tag::kMain,
    Tag::kMenu,    Tag::kNav,     Tag::kOl,      Tag::kPre,        Tag::kSection, Tag::kSummary,
    Tag::kUl};
constexpr TagSet kVoidInBody = {Tag::kArea, Tag::kBr,     Tag::kEmbed, Tag::kImg,
                                Tag::kImage, Tag::kKeygen, Tag::kWbr};
constexpr TagSet kIgnoredInBody = {Tag::kCaption, Tag::kCol,   Tag::kColgroup, Tag::kFrame,
                                   Tag::kHead,    Tag::kTbody, Tag::kTd,       Tag::kTfoot,
                                   Tag::kTh,      Tag::kThead, Tag::kTr};
constexpr TagSet kIgnoredEndInTable = {Tag::kBody,  Tag::kCaption, Tag::kCol,   Tag::kColgroup,
                                       Tag::kHtml,  Tag::kTbody,   Tag::kTd,    Tag::kTfoot,
                                       Tag::kTh,    Tag::kThead,   Tag::kTr};
constexpr TagSet kTableParts = {Tag::kCaption, Tag::kCol,   Tag::kColgroup, Tag::kTbody, Tag::kTd,
                                Tag::kTfoot,   Tag::kTh,    Tag::kThead,    Tag::kTr};
constexpr TagSet kSelectInTableTags = {Tag::kCaption, Tag::kTable, Tag::kTbody, Tag::kTfoot,
                                       Tag::kThead,   Tag::kTr,    Tag::kTd,    Tag::kTh};

// gumbo's quirks lists. is_in_static_list() compares whole strings (case-insensitively for the
// "prefix" lists), so these only match identifiers that are exactly the prefix.
constexpr std::string_view kQuirkyPublicIdPrefixes[] = {
    "+//Silmaril//dtd html Pro v0r11 19970101//",
    "-//AdvaSoft Ltd//DTD HTML 3.0 asWedit + extensions//",
    "-//AS//DTD HTML 3.0 asWedit + extensions//",
    "-//IETF//DTD HTML 2.0 Level 1//",
    "-//IETF//DTD HTML 2.0 Level 2//",
    "-//IETF//DTD HTML 2.0 Strict Level 1//",
    "-//IETF//DTD HTML 2.0 Strict Level 2//",
    "-//IETF//DTD HTML 2.0 Strict//",
    "-//IETF//DTD HTML 2.0//",
    "-//IETF//DTD HTML 2.1E//",
    "-//IETF//DTD HTML 3.0//",
    "-//IETF//DTD HTML 3.2 Final//",
    "-//IETF//DTD HTML 3.2//",
    "-//IETF//DTD HTML 3//",
    "-//IETF//DTD HTML Level 0//",
    "-//IETF//DTD HTML Level 1//",
    "-//IETF//DTD HTML Level 2//",
    "-//IETF//DTD HTML Level 3//",
    "-//IETF//DTD HTML Strict Level 0//",
    "-//IETF//DTD HTML Strict Level 1//",
    "-//IETF//DTD HTML Strict Level 2//",
    "-//IETF//DTD HTML Strict Level 3//",
    "-//IETF//DTD HTML Strict//",
    "-//IETF//DTD HTML//",
    "-//Metrius//DTD Metrius Presentational//",
    "-//Microsoft//DTD Internet Explorer 2.0 HTML Strict//",
    "-//Microsoft//DTD Internet Explorer 2.0 HTML//",
    "-//Microsoft//DTD Internet Explorer 2.0 Tables//",
    "-//Microsoft//DTD Internet Explorer 3.0 HTML Strict//",
    "-//Microsoft//DTD Internet Explorer 3.0 HTML//",
    "-//Microsoft//DTD Internet Explorer 3.0 Tables//",
    "-//Netscape Comm. Corp.//DTD HTML//",
    "-//Netscape Comm. Corp.//DTD Strict HTML//",
    "-//O'Reilly and Associates//DTD HTML 2.0//",
    "-//O'Reilly and Associates//DTD HTML Extended 1.0//",
    "-//O'Reilly and Associates//DTD HTML Extended Relaxed 1.0//",
    "-//SoftQuad Software//DTD HoTMetaL PRO 6.0::19990601::)extensions to HTML 4.0//",
    "-//SoftQuad//DTD HoTMetaL PRO 4.0::19971010::extensions to HTML 4.0//",
    "-//Spyglass//DTD HTML 2.0 Extended//",
    "-//SQ//DTD HTML 2.0 HoTMetaL + extensions//",
    "-//Sun Microsystems Corp.//DTD HotJava HTML//",
    "-//Sun Microsystems Corp.//DTD HotJava Strict HTML//",
    "-//W3C//DTD HTML 3 1995-03-24//",
    "-//W3C//DTD HTML 3.2 Draft//",
    "-//W3C//DTD HTML 3.2 Final//",
    "-//W3C//DTD HTML 3.2//",
    "-//W3C//DTD HTML 3.2S Draft//",
    "-//W3C//DTD HTML 4.0 Frameset//",
    "-//W3C//DTD HTML 4.0 Transitional//",
    "-//W3C//DTD HTML Experimental 19960712//",
    "-//W3C//DTD HTML Experimental 970421//",
    "-//W3C//DTD W3 HTML//",
    "-//W3O//DTD W3 HTML 3.0//",
    "-//WebTechs//DTD Mozilla HTML 2.0//",
    "-//WebTechs//DTD Mozilla HTML//",
};
constexpr std::string_view kQuirkyPublicIds[] = {
    "-//W3O//DTD W3 HTML Strict 3.0//EN//", "-/W3C/DTD HTML 4.0 Transitional/EN", "HTML"};
constexpr std::string_view kQuirkySystemId =
    "http://www.ibm.com/data/dtd/v11/ibmxhtml1-transitional.dtd";
constexpr std::string_view kQuirkyWithoutSystemId[] = {"-//W3C//DTD HTML 4.01 Frameset//",
                                                       "-//W3C//DTD HTML 4.01 Transitional//"};

}  // namespace

void TreeBuilder::SetQuirksFromDoctype(const Token& t) {
  bool quirks = t.force_quirks || t.name != "html" || t.system_id == kQuirkySystemId;
  for (std::string_view id : kQuirkyPublicIdPrefixes) quirks |= EqualsIgnoreCase(t.public_id, id);
  for (std::string_view id : kQuirkyPublicIds) quirks |= t.public_id == id;
  if (!t.has_system_id) {
    for (std::string_view id : kQuirkyWithoutSystemId) quirks |= EqualsIgnoreCase(t.public_id, id);
  }
  quirks_ = quirks;
}

// ---- before the body ----------------------------------------------------------------------------

void TreeBuilder::InInitial(Tok& tok) {
  switch (tok.kind) {
    case Kind::kWhitespace:
      return;
    case Kind::kComment:
      return InsertComment(tok, Dom::kDocumentNode);
    case Kind::kDoctype: {
      // The doctype goes first, before any comment (where the gumbo adapter puts it).
      const uint32_t node = NewNode(NodeType::kDoctype);
      Node& n = dom_->nodes[node];
      n.name = dom_->Intern(tok.token->name);
      n.source_begin = tok.begin;
      n.source_end = tok.end;
      Link(node, {Dom::kDocumentNode, dom_->nodes[Dom::kDocumentNode].first_child});
      SetQuirksFromDoctype(*tok.token);
      mode_ = Mode::kBeforeHtml;
      return;
    }
    default:
      quirks_ = true;
      mode_ = Mode::kBeforeHtml;
      reprocess_ = true;
  }
}

void TreeBuilder::InBeforeHtml(Tok& tok) {
  if (tok.kind == Kind::kDoctype || tok.kind == Kind::kWhitespace) return;
  if (tok.kind == Kind::kComment) return InsertComment(tok, Dom::kDocumentNode);
  if (tok.IsStart(Tag::kHtml)) {
    html_ = InsertHtmlElement(tok);
    mode_ = Mode::kBeforeHead;
    return;
  }
  if (tok.kind == Kind::kEndTag && !kHeadOrBodyEnd.Has(tok.tag)) return;
  html_ = InsertImplied(Tag::kHtml);
  mode_ = Mode::kBeforeHead;
  reprocess_ = true;
}

void TreeBuilder::InBeforeHead(Tok& tok) {
  if (tok.kind == Kind::kDoctype || tok.kind == Kind::kWhitespace) return;
  if (tok.kind == Kind::kComment) return InsertComment(tok, Current().node);
  if (tok.IsStart(Tag::kHead)) {
    head_ = InsertHtmlElement(tok);
    mode_ = Mode::kInHead;
    return;
  }
  if (tok.kind == Kind::kEndTag && !kHeadOrBodyEnd.Has(tok.tag)) return;
  head_ = InsertImplied(Tag::kHead);
  mode_ = Mode::kInHead;
  reprocess_ = true;
}

void TreeBuilder::InHead(Tok& tok) {
  switch (tok.kind) {
    case Kind::kWhitespace: return InsertText(tok);
    case Kind::kDoctype: return;
    case Kind::kComment: return InsertComment(tok, Current().node);
    default: break;
  }
  if (tok.IsStart(Tag::kHtml)) return MergeIntoHtmlElement(tok);
  if (tok.IsStartIn(kHeadVoid) || tok.IsStart(Tag::kMeta)) {
    InsertHtmlElement(tok);
    Pop();
    return;
  }
  if (tok.IsStart(Tag::kTitle)) return StartRawText(tok, Tokenizer::TextState::kRcdata);
  if (tok.IsStart(Tag::kNoframes) || tok.IsStart(Tag::kStyle)) {
    return StartRawText(tok, Tokenizer::TextState::kRawtext);
  }
  if (tok.IsStart(Tag::kNoscript)) {
    InsertHtmlElement(tok);
    mode_ = Mode::kInHeadNoscript;
    return;
  }
  if (tok.IsStart(Tag::kScript)) return StartRawText(tok, Tokenizer::TextState::kScriptData);
  if (tok.IsEnd(Tag::kHead)) {
    Pop();
    mode_ = Mode::kAfterHead;
    return;
  }
  if (tok.IsEndIn(kBodyHtmlBr)) {
    Pop();
    mode_ = Mode::kAfterHead;
    reprocess_ = true;
    return;
  }
  if (tok.IsStart(Tag::kTemplate)) {
    InsertHtmlElement(tok);
    PushMarker();
    frameset_ok_ = false;
    mode_ = Mode::kInTemplate;
    template_modes_.push_back(Mode::kInTemplate);
    return;
  }
  if (tok.IsEnd(Tag::kTemplate)) {
    EndTemplate();
    return;
  }
  if (tok.IsStart(Tag::kHead) || tok.kind == Kind::kEndTag) return;
  Pop();
  mode_ = Mode::kAfterHead;
  reprocess_ = true;
}

void TreeBuilder::InHeadNoscript(Tok& tok) {
  if (tok.kind == Kind::kDoctype) return;
  if (tok.IsStart(Tag::kHtml)) return MergeIntoHtmlElement(tok);
  if (tok.IsEnd(Tag::kNoscript)) {
    Pop();
    mode_ = Mode::kInHead;
    return;
  }
  static constexpr TagSet kToHead = {Tag::kBasefont, Tag::kBgsound, Tag::kLink, Tag::kMeta,
                                     Tag::kNoframes, Tag::kStyle};
  if (tok.kind == Kind::kWhitespace || tok.kind == Kind::kComment || tok.IsStartIn(kToHead)) {
    return InHead(tok);
  }
  if (tok.IsStart(Tag::kHead) || tok.IsStart(Tag::kNoscript) ||
      (tok.kind == Kind::kEndTag && tok.tag != Tag::kBr)) {
    return;
  }
  Pop();
  mode_ = Mode::kInHead;
  reprocess_ = true;
}

void TreeBuilder::InAfterHead(Tok& tok) {
  switch (tok.kind) {
    case Kind::kWhitespace: return InsertText(tok);
    case Kind::kDoctype: return;
    case Kind::kComment: return InsertComment(tok, Current().node);
    default: break;
  }
  if (tok.IsStart(Tag::kHtml)) return MergeIntoHtmlElement(tok);
  if (tok.IsStart(Tag::kBody)) {
    InsertHtmlElement(tok);
    frameset_ok_ = false;
    mode_ = Mode::kInBody;
    return;
  }
  if (tok.IsStart(Tag::kFrameset)) {
    InsertHtmlElement(tok);
    mode_ = Mode::kInFrameset;
    return;
  }
  if (tok.IsStartIn(kInHeadFromAfterHead)) {
    // Back into the head for this one element (after whatever followed the head).
    FlushText();
    if (dom_->nodes[html_].last_child != head_) out_of_order_ = true;
    Push(Entry(head_, Tag::kHead, Namespace::kHtml, {}));
    InHead(tok);
    const int index = StackIndexOf(head_);
    if (index >= 0) RemoveFromStack(static_cast<size_t>(index));
    return;
  }
  if (tok.IsEnd(Tag::kTemplate)) return InHead(tok);
  if (tok.IsStart(Tag::kHead) || (tok.kind == Kind::kEndTag && !kBodyHtmlBr.Has(tok.tag))) return;
  InsertImplied(Tag::kBody);
  mode_ = Mode::kInBody;
  reprocess_ = true;
}

// ---- in body ------------------------------------------------------------------------------------

void TreeBuilder::MergeIntoHtmlElement(const Tok& tok) {
  if (HasOpen(Tag::kTemplate)) return;
  MergeAttributes(tok, html_);
}

// Attributes of a later <html> or <body> tag that the element does not have yet are added (kept
// aside until the end, so many such tags stay linear).
void TreeBuilder::MergeAttributes(const Tok& tok, uint32_t node) {
  MergeTarget* target = nullptr;
  for (MergeTarget& m : merges_) {
    if (m.node == node || m.node == kNoNode) {
      target = &m;
      break;
    }
  }
  if (target == nullptr) return;
  if (target->node == kNoNode) {
    target->node = node;
    const Node& n = dom_->nodes[node];
    for (uint32_t i = 0; i < n.attr_count; ++i) {
      target->names.insert(dom_->attrs[n.attr_begin + i].name);
    }
  }
  const Token& t = *tok.token;
  for (uint32_t i = 0; i < t.attr_count; ++i) {
    if (target->names.count(t.attrs[i].name) != 0) continue;
    const std::string_view name = InternName(t.attrs[i].name);
    target->names.insert(name);
    target->added.push_back({name, dom_->Intern(t.attrs[i].value)});
  }
}

void TreeBuilder::StartRawText(const Tok& tok, Tokenizer::TextState state) {
  InsertHtmlElement(tok);
  tokenizer_->SetTextState(state);
  original_mode_ = mode_;
  mode_ = Mode::kText;
}

void TreeBuilder::InBody(Tok& tok) {
  switch (tok.kind) {
    case Kind::kNull:
    case Kind::kDoctype:
      return;
    case Kind::kWhitespace:
      ReconstructFormatting();
      return InsertText(tok);
    case Kind::kCharacter:
    case Kind::kCdata:
      ReconstructFormatting();
      InsertText(tok);
      frameset_ok_ = false;
      return;
    case Kind::kComment:
      return InsertComment(tok, Current().node);
    case Kind::kEof:
      if (!template_modes_.empty()) EofInTemplate();
      return;
    case Kind::kStartTag:
      return InBodyStartTag(tok);
    case Kind::kEndTag:
      return InBodyEndTag(tok);
  }
}

void TreeBuilder::InBodyStartTag(Tok& tok) {
  const Tag tag = tok.tag;
  if (tag == Tag::kHtml) return MergeIntoHtmlElement(tok);
  if (kInHeadFromBody.Has(tag)) return InHead(tok);
  switch (tag) {
    case Tag::kBody:
      if (stack_.size() < 2 || stack_[1].tag != Tag::kBody || stack_[1].ns != Namespace::kHtml ||
          HasOpen(Tag::kTemplate)) {
        return;
      }
      frameset_ok_ = false;
      return MergeAttributes(tok, stack_[1].node);
    case Tag::kFrameset: {
      if (stack_.size() < 2 || stack_[1].tag != Tag::kBody || stack_[1].ns != Namespace::kHtml ||
          !frameset_ok_) {
        return;
      }
      const uint32_t body = stack_[1].node;
      PopUntilNode(body);
      ClearFormattingToMarker();
      Unlink(body);  // the body and its content leave the tree
      InsertHtmlElement(tok);
      mode_ = Mode::kInFrameset;
      return;
    }
    case Tag::kH1: case Tag::kH2: case Tag::kH3: case Tag::kH4: case Tag::kH5: case Tag::kH6:
      MaybeCloseP();
      if (CurrentIn(kHeadings)) Pop();
      InsertHtmlElement(tok);
      return;
    case Tag::kPre:
    case Tag::kListing:
      MaybeCloseP();
      InsertHtmlElement(tok);
      ignore_next_linefeed_ = true;
      frameset_ok_ = false;
      return;
    case Tag::kForm: {
      if (form_ != kNoNode && !HasOpen(Tag::kTemplate)) return;
      MaybeCloseP();
      const uint32_t form = InsertHtmlElement(tok);
      if (!HasOpen(Tag::kTemplate)) form_ = form;
      return;
    }
    case Tag::kLi:
    case Tag::kDd:
    case Tag::kDt:
      CloseListItem(tag == Tag::kLi);
      MaybeCloseP();
      InsertHtmlElement(tok);
      return;
    case Tag::kPlaintext:
      MaybeCloseP();
      InsertHtmlElement(tok);
      tokenizer_->SetTextState(Tokenizer::TextState::kPlaintext);
      return;
    case Tag::kButton:
      if (InScope(Tag::kButton, Scope::kDefault)) {
        CloseElement(Tag::kButton);
        reprocess_ = true;
        return;
      }
      ReconstructFormatting();
      InsertHtmlElement(tok);
      frameset_ok_ = false;
      return;
    case Tag::kA: {
      int last_a = -1;
      for (int i = static_cast<int>(formatting_.size()) - 1; i >= 0; --i) {
        if (formatting_[i].node == kMarker) break;
        if (formatting_[i].tag == Tag::kA) {
          last_a = i;
          break;
        }
      }
      if (last_a >= 0) {
        AdoptionAgency(Tag::kA);
        // If the algorithm left it in the list, it goes from the list and the stack here.
        for (int i = static_cast<int>(formatting_.size()) - 1; i >= 0; --i) {
          if (formatting_[i].node == kMarker) break;
          if (formatting_[i].tag == Tag::kA) {
            const uint32_t node = formatting_[i].node;
            formatting_.erase(formatting_.begin() + i);
            const int index = StackIndexOf(node);
            if (index >= 0) RemoveFromStack(static_cast<size_t>(index));
            break;
          }
        }
      }
      ReconstructFormatting();
      PushFormatting(InsertHtmlElement(tok), Tag::kA);
      return;
    }
    case Tag::kNobr:
      ReconstructFormatting();
      if (InScope(Tag::kNobr, Scope::kDefault)) {
        AdoptionAgency(Tag::kNobr);
        ReconstructFormatting();
      }
      PushFormatting(InsertHtmlElement(tok), Tag::kNobr);
      return;
    case Tag::kApplet:
    case Tag::kMarquee:
    case Tag::kObject:
      ReconstructFormatting();
      InsertHtmlElement(tok);
      PushMarker();
      frameset_ok_ = false;
      return;
    case Tag::kTable:
      if (!quirks_) MaybeCloseP();
      InsertHtmlElement(tok);
      frameset_ok_ = false;
      mode_ = Mode::kInTable;
      return;
    case Tag::kInput:
      if (!EqualsIgnoreCase(AttrValue(*tok.token, "type"), "hidden")) frameset_ok_ = false;
      ReconstructFormatting();
      InsertHtmlElement(tok);
      Pop();
      return;
    case Tag::kParam:
    case Tag::kSource:
    case Tag::kTrack:
      InsertHtmlElement(tok);
      Pop();
      return;
    case Tag::kHr:
      MaybeCloseP();
      InsertHtmlElement(tok);
      Pop();
      frameset_ok_ = false;
      return;
    case Tag::kIsindex:
      return InsertIsindex(tok);
    case Tag::kTextarea:
      StartRawText(tok, Tokenizer::TextState::kRcdata);
      ignore_next_linefeed_ = true;
      frameset_ok_ = false;
      return;
    case Tag::kXmp:
      MaybeCloseP();
      ReconstructFormatting();
      frameset_ok_ = false;
      return StartRawText(tok, Tokenizer::TextState::kRawtext);
    case Tag::kIframe:
      frameset_ok_ = false;
      return StartRawText(tok, Tokenizer::TextState::kRawtext);
    case Tag::kNoembed:
      return StartRawText(tok, Tokenizer::TextState::kRawtext);
    case Tag::kSelect: {
      ReconstructFormatting();
      InsertHtmlElement(tok);
      frameset_ok_ = false;
      const bool in_table = mode_ == Mode::kInTable || mode_ == Mode::kInCaption ||
                            mode_ == Mode::kInTableBody || mode_ == Mode::kInRow ||
                            mode_ == Mode::kInCell;
      mode_ = in_table ? Mode::kInSelectInTable : Mode::kInSelect;
      return;
    }
    case Tag::kOption:
    case Tag::kOptgroup:
      if (CurrentIs(Tag::kOption)) Pop();
      ReconstructFormatting();
      InsertHtmlElement(tok);
      return;
    case Tag::kRb:
    case Tag::kRp:
    case Tag::kRt:
    case Tag::kRtc:
      if (InScope(Tag::kRuby, Scope::kDefault)) {
        GenerateImpliedEndTags(tag == Tag::kRt || tag == Tag::kRp ? Tag::kRtc : Tag::kUnknown);
      }
      InsertHtmlElement(tok);
      return;
    case Tag::kMath:
    case Tag::kSvg:
      ReconstructFormatting();
      InsertForeignElement(tok, tag == Tag::kMath ? Namespace::kMathMl : Namespace::kSvg);
      if (tok.token->self_closing) Pop();
      return;
    default:
      break;
  }
  if (kBlockStart.Has(tag)) {
    MaybeCloseP();
    InsertHtmlElement(tok);
    return;
  }
  if (kFormatting.Has(tag)) {
    ReconstructFormatting();
    PushFormatting(InsertHtmlElement(tok), tag);
    return;
  }
  if (kVoidInBody.Has(tag)) {
    // <image> is an <img> (the element's name and id both change).
    Tok img = tok;
    img.tag = tag == Tag::kImage ? Tag::kImg : tag;
    ReconstructFormatting();
    InsertHtmlElement(img);
    Pop();
    frameset_ok_ = false;
    return;
  }
  if (kIgnoredInBody.Has(tag)) return;
  ReconstructFormatting();
  InsertHtmlElement(tok);
}

void TreeBuilder::InBodyEndTag(Tok& tok) {
  const Tag tag = tok.tag;
  if (tag == Tag::kTemplate) return InHead(tok);
  if (tag == Tag::kBody || tag == Tag::kHtml) {
    if (!InScope(Tag::kBody, Scope::kDefault)) return;
    mode_ = Mode::kAfterBody;
    if (tag == Tag::kHtml) reprocess_ = true;
    return;
  }
  if (kBlockEnd.Has(tag)) {
    if (InScope(tag, Scope::kDefault)) CloseElement(tag);
    return;
  }
  if (kFormattingEnd.Has(tag)) {
    AdoptionAgency(tag);
    return;
  }
  switch (tag) {
    case Tag::kForm:
      if (HasOpen(Tag::kTemplate)) {
        if (!InScope(Tag::kForm, Scope::kDefault)) return;
        GenerateImpliedEndTags();
        if (!CurrentIs(Tag::kForm)) return;  // gumbo gives up here
        PopUntil(Tag::kForm);
      } else {
        const uint32_t form = form_;
        form_ = kNoNode;
        if (form == kNoNode || !NodeInScope(form)) return;
        GenerateImpliedEndTags();
        // Only the form leaves the stack; what is open inside it stays open.
        const int index = StackIndexOf(form);
        if (index >= 0) RemoveFromStack(static_cast<size_t>(index));
      }
      return;
    case Tag::kP:
      if (!InScope(Tag::kP, Scope::kButton)) {
        InsertImplied(Tag::kP);
        reprocess_ = true;
        return;
      }
      CloseElement(Tag::kP);
      return;
    case Tag::kLi:
      if (InScope(Tag::kLi, Scope::kListItem)) CloseElement(Tag::kLi);
      return;
    case Tag::kDd:
    case Tag::kDt:
      if (InScope(tag, Scope::kDefault)) CloseElement(tag);
      return;
    case Tag::kH1: case Tag::kH2: case Tag::kH3: case Tag::kH4: case Tag::kH5: case Tag::kH6:
      if (!InScopeAny(kHeadings, Scope::kDefault)) return;
      GenerateImpliedEndTags();
      while (!stack_.empty()) {
        const bool heading = CurrentIn(kHeadings);
        Pop();
        if (heading) break;
      }
      return;
    case Tag::kApplet:
    case Tag::kMarquee:
    case Tag::kObject:
      if (!InScope(tag, Scope::kTable)) return;  // gumbo: table scope
      CloseElement(tag);
      ClearFormattingToMarker();
      return;
    case Tag::kBr:
      ReconstructFormatting();
      InsertImplied(Tag::kBr);
      Pop();
      return;
    default:
      break;
  }
  // Any other end tag: close the nearest open element with this tag id, unless a special element
  // comes first.
  if (!HasOpen(tag)) return;
  const int stop = std::max(0, static_cast<int>(stack_.size()) - static_cast<int>(kMaxStackSearch));
  for (int i = static_cast<int>(stack_.size()) - 1; i >= stop; --i) {
    const OpenElement& e = stack_[i];
    if (e.ns == Namespace::kHtml && e.tag == tag) {
      const uint32_t node = e.node;
      GenerateImpliedEndTags(tag);
      PopUntilNode(node);
      return;
    }
    if (IsSpecial(e.tag, e.ns)) return;
  }
}

// <isindex>: gumbo still expands it into a small search form.
void TreeBuilder::InsertIsindex(const Tok& tok) {
  if (form_ != kNoNode && !HasOpen(Tag::kTemplate)) return;
  MaybeCloseP();
  frameset_ok_ = false;
  const Token& t = *tok.token;
  bool has_prompt = false, has_action = false;
  const std::string_view prompt = AttrValue(t, "prompt", &has_prompt);
  const std::string_view action = AttrValue(t, "action", &has_action);
  FlushText();
  const uint32_t form = CreateImpliedElement(Tag::kForm);
  if (has_action) {
    Node& f = dom_->nodes[form];
    f.attr_begin = static_cast<uint32_t>(dom_->attrs.size());
    f.attr_count = 1;
    dom_->attrs.push_back({InternName("action"), dom_->Intern(action)});
  }
  InsertElement(Entry(form, Tag::kForm, Namespace::kHtml, {}));
  if (!HasOpen(Tag::kTemplate)) form_ = form;
  InsertImplied(Tag::kHr);
  Pop();
  InsertImplied(Tag::kLabel);
  Tok text = tok;
  text.kind = Kind::kCharacter;
  text.text = has_prompt ? prompt : "This is a searchable index. Enter search keywords: ";
  text.text_is_input = false;
  InsertText(text);
  FlushText();
  const uint32_t input = CreateImpliedElement(Tag::kInput);
  {
    Node& in = dom_->nodes[input];
    in.attr_begin = static_cast<uint32_t>(dom_->attrs.size());
    for (uint32_t i = 0; i < t.attr_count; ++i) {
      const std::string_view name = t.attrs[i].name;
      if (name == "prompt" || name == "action" || name == "name") continue;
      dom_->attrs.push_back({InternName(name), dom_->Intern(t.attrs[i].value)});
    }
    dom_->attrs.push_back({InternName("name"), InternName("isindex")});
    in.attr_count = static_cast<uint32_t>(dom_->attrs.size()) - in.attr_begin;
  }
  InsertElement(Entry(input, Tag::kInput, Namespace::kHtml, {}));
  Pop();  // input
  Pop();  // label
  InsertImplied(Tag::kHr);
  Pop();
  Pop();  // form
  if (!HasOpen(Tag::kTemplate)) form_ = kNoNode;
}

void TreeBuilder::InText(Tok& tok) {
  if (tok.kind == Kind::kWhitespace || tok.kind == Kind::kCharacter) return InsertText(tok);
  if (tok.kind == Kind::kEof) reprocess_ = true;
  Pop();
  mode_ = original_mode_;
}

// ---- tables -------------------------------------------------------------------------------------

bool TreeBuilder::CloseTable() {
  if (!InScope(Tag::kTable, Scope::kTable)) return false;
  PopUntil(Tag::kTable);
  ResetInsertionMode();
  return true;
}

void TreeBuilder::InTable(Tok& tok) {
  switch (tok.kind) {
    case Kind::kWhitespace:
    case Kind::kCharacter:
      original_mode_ = mode_;
      mode_ = Mode::kInTableText;
      reprocess_ = true;
      return;
    case Kind::kDoctype:
      return;
    case Kind::kComment:
      return InsertComment(tok, Current().node);
    case Kind::kEof:
      return InBody(tok);
    default:
      break;
  }
  const Tag tag = tok.tag;
  if (tok.kind == Kind::kStartTag) {
    switch (tag) {
      case Tag::kCaption:
        ClearStackBackTo(kTableContext);
        PushMarker();
        InsertHtmlElement(tok);
        mode_ = Mode::kInCaption;
        return;
      case Tag::kColgroup:
        ClearStackBackTo(kTableContext);
        InsertHtmlElement(tok);
        mode_ = Mode::kInColumnGroup;
        return;
      case Tag::kCol:
        ClearStackBackTo(kTableContext);
        InsertImplied(Tag::kColgroup);
        mode_ = Mode::kInColumnGroup;
        reprocess_ = true;
        return;
      case Tag::kTbody: case Tag::kTfoot: case Tag::kThead:
      case Tag::kTd: case Tag::kTh: case Tag::kTr:
        ClearStackBackTo(kTableContext);
        mode_ = Mode::kInTableBody;
        if (tag == Tag::kTd || tag == Tag::kTh || tag == Tag::kTr) {
          InsertImplied(Tag::kTbody);
          reprocess_ = true;
        } else {
          InsertHtmlElement(tok);
        }
        return;
      case Tag::kTable:
        if (CloseTable()) reprocess_ = true;
        return;
      case Tag::kStyle:
      case Tag::kScript:
      case Tag::kTemplate:
        return InHead(tok);
      case Tag::kInput:
        if (EqualsIgnoreCase(AttrValue(*tok.token, "type"), "hidden")) {
          InsertHtmlElement(tok);
          Pop();
          return;
        }
        break;
      case Tag::kForm:
        if (form_ != kNoNode || HasOpen(Tag::kTemplate)) return;
        form_ = InsertHtmlElement(tok);
        Pop();
        return;
      default:
        break;
    }
  } else if (tok.kind == Kind::kEndTag) {
    if (tag == Tag::kTable) {
      CloseTable();
      return;
    }
    if (kIgnoredEndInTable.Has(tag)) return;
    if (tag == Tag::kTemplate) return InHead(tok);
  }
  // Anything else: as in body, but what would go into the table goes before it.
  foster_parenting_ = true;
  InBody(tok);
  foster_parenting_ = false;
}

void TreeBuilder::InTableText(Tok& tok) {
  if (tok.kind == Kind::kNull) return;
  if (tok.kind == Kind::kWhitespace || tok.kind == Kind::kCharacter) return InsertText(tok);
  const std::string_view text = pending_is_view_ ? pending_view_ : std::string_view(pending_);
  for (char c : text) {
    if (!IsWhitespace(c)) {
      foster_parenting_ = true;
      ReconstructFormatting();
      break;
    }
  }
  FlushText();
  foster_parenting_ = false;
  mode_ = original_mode_;
  reprocess_ = true;
}

void TreeBuilder::InCaption(Tok& tok) {
  if (tok.IsEnd(Tag::kCaption)) {
    if (!InScope(Tag::kCaption, Scope::kTable)) return;
    GenerateImpliedEndTags();
    PopUntil(Tag::kCaption);
    ClearFormattingToMarker();
    mode_ = Mode::kInTable;
    return;
  }
  if (tok.IsStartIn(kTableParts) || tok.IsEnd(Tag::kTable)) {
    if (!InScope(Tag::kCaption, Scope::kTable)) return;
    PopUntil(Tag::kCaption);
    ClearFormattingToMarker();
    mode_ = Mode::kInTable;
    reprocess_ = true;
    return;
  }
  static constexpr TagSet kIgnored = {Tag::kBody, Tag::kCol,   Tag::kColgroup, Tag::kHtml,
                                      Tag::kTbody, Tag::kTd,   Tag::kTfoot,    Tag::kTh,
                                      Tag::kThead, Tag::kTr};
  if (tok.IsEndIn(kIgnored)) return;
  InBody(tok);
}

void TreeBuilder::InColumnGroup(Tok& tok) {
  switch (tok.kind) {
    case Kind::kWhitespace: return InsertText(tok);
    case Kind::kDoctype: return;
    case Kind::kComment: return InsertComment(tok, Current().node);
    case Kind::kEof: return InBody(tok);
    default: break;
  }
  if (tok.IsStart(Tag::kHtml)) return MergeIntoHtmlElement(tok);
  if (tok.IsStart(Tag::kCol)) {
    InsertHtmlElement(tok);
    Pop();
    return;
  }
  if (tok.IsEnd(Tag::kColgroup)) {
    if (!CurrentIs(Tag::kColgroup)) return;
    Pop();
    mode_ = Mode::kInTable;
    return;
  }
  if (tok.IsEnd(Tag::kCol)) return;
  if (tok.IsStart(Tag::kTemplate) || tok.IsEnd(Tag::kTemplate)) return InHead(tok);
  if (!CurrentIs(Tag::kColgroup)) return;
  Pop();
  mode_ = Mode::kInTable;
  reprocess_ = true;
}

void TreeBuilder::InTableBody(Tok& tok) {
  if (tok.IsStart(Tag::kTr)) {
    ClearStackBackTo(kTableBodyContext);
    InsertHtmlElement(tok);
    mode_ = Mode::kInRow;
    return;
  }
  if (tok.IsStart(Tag::kTd) || tok.IsStart(Tag::kTh)) {
    ClearStackBackTo(kTableBodyContext);
    InsertImplied(Tag::kTr);
    mode_ = Mode::kInRow;
    reprocess_ = true;
    return;
  }
  if (tok.IsEndIn(kTableSections)) {
    if (!InScope(tok.tag, Scope::kTable)) return;
    ClearStackBackTo(kTableBodyContext);
    Pop();
    mode_ = Mode::kInTable;
    return;
  }
  static constexpr TagSet kLeaving = {Tag::kCaption, Tag::kCol,   Tag::kColgroup,
                                      Tag::kTbody,   Tag::kTfoot, Tag::kThead};
  if (tok.IsStartIn(kLeaving) || tok.IsEnd(Tag::kTable)) {
    if (!InScope(Tag::kTbody, Scope::kTable) && !InScope(Tag::kThead, Scope::kTable) &&
        !InScope(Tag::kTfoot, Scope::kTable)) {
      return;
    }
    ClearStackBackTo(kTableBodyContext);
    Pop();
    mode_ = Mode::kInTable;
    reprocess_ = true;
    return;
  }
  static constexpr TagSet kIgnored = {Tag::kBody, Tag::kCaption, Tag::kCol, Tag::kTr,
                                      Tag::kColgroup, Tag::kHtml, Tag::kTd, Tag::kTh};
  if (tok.IsEndIn(kIgnored)) return;
  InTable(tok);
}

void TreeBuilder::InRow(Tok& tok) {
  if (tok.IsStart(Tag::kTd) || tok.IsStart(Tag::kTh)) {
    ClearStackBackTo(kRowContext);
    InsertHtmlElement(tok);
    mode_ = Mode::kInCell;
    PushMarker();
    return;
  }
  if (tok.IsEnd(Tag::kTr)) {
    if (!InScope(Tag::kTr, Scope::kTable)) return;
    ClearStackBackTo(kRowContext);
    Pop();
    mode_ = Mode::kInTableBody;
    return;
  }
  static constexpr TagSet kLeaving = {Tag::kCaption, Tag::kCol,   Tag::kColgroup, Tag::kTbody,
                                      Tag::kTfoot,   Tag::kThead, Tag::kTr};
  if (tok.IsStartIn(kLeaving) || tok.IsEnd(Tag::kTable) ||
      (tok.IsEndIn(kTableSections) && InScope(tok.tag, Scope::kTable))) {
    if (!InScope(Tag::kTr, Scope::kTable)) return;
    ClearStackBackTo(kRowContext);
    Pop();
    mode_ = Mode::kInTableBody;
    reprocess_ = true;
    return;
  }
  static constexpr TagSet kIgnored = {Tag::kBody, Tag::kCaption, Tag::kCol, Tag::kColgroup,
                                      Tag::kHtml, Tag::kTd,      Tag::kTh, Tag::kTbody,
                                      Tag::kTfoot, Tag::kThead};
  if (tok.IsEndIn(kIgnored)) return;
  InTable(tok);
}

// gumbo's close_table_cell for the open td or th.
void TreeBuilder::CloseCell() {
  const Tag cell = InScope(Tag::kTd, Scope::kTable) ? Tag::kTd : Tag::kTh;
  GenerateImpliedEndTags();
  PopUntil(cell);
  ClearFormattingToMarker();
  mode_ = Mode::kInRow;
}

void TreeBuilder::InCell(Tok& tok) {
  if (tok.IsEnd(Tag::kTd) || tok.IsEnd(Tag::kTh)) {
    if (!InScope(tok.tag, Scope::kTable)) return;
    GenerateImpliedEndTags();
    PopUntil(tok.tag);
    ClearFormattingToMarker();
    mode_ = Mode::kInRow;
    return;
  }
  if (tok.IsStartIn(kTableParts)) {
    if (!InScope(Tag::kTh, Scope::kTable) && !InScope(Tag::kTd, Scope::kTable)) return;
    CloseCell();
    reprocess_ = true;
    return;
  }
  static constexpr TagSet kIgnored = {Tag::kBody, Tag::kCaption, Tag::kCol, Tag::kColgroup,
                                      Tag::kHtml};
  if (tok.IsEndIn(kIgnored)) return;
  static constexpr TagSet kClosing = {Tag::kTable, Tag::kTbody, Tag::kTfoot, Tag::kThead,
                                      Tag::kTr};
  if (tok.IsEndIn(kClosing)) {
    if (!InScope(tok.tag, Scope::kTable)) return;
    CloseCell();
    reprocess_ = true;
    return;
  }
  InBody(tok);
}

// ---- select, template, after body, frameset ----------------------------------------------------

void TreeBuilder::CloseSelect() {
  PopUntil(Tag::kSelect);
  ResetInsertionMode();
}

void TreeBuilder::InSelect(Tok& tok) {
  switch (tok.kind) {
    case Kind::kNull:
    case Kind::kDoctype:
      return;
    case Kind::kWhitespace:
    case Kind::kCharacter:
      return InsertText(tok);
    case Kind::kComment:
      return InsertComment(tok, Current().node);
    case Kind::kEof:
      return InBody(tok);
    default:
      break;
  }
  const Tag tag = tok.tag;
  if (tok.kind == Kind::kStartTag) {
    switch (tag) {
      case Tag::kHtml:
        return MergeIntoHtmlElement(tok);
      case Tag::kOption:
        if (CurrentIs(Tag::kOption)) Pop();
        InsertHtmlElement(tok);
        return;
      case Tag::kOptgroup:
        if (CurrentIs(Tag::kOption)) Pop();
        if (CurrentIs(Tag::kOptgroup)) Pop();
        InsertHtmlElement(tok);
        return;
      case Tag::kSelect:
        if (InScope(Tag::kSelect, Scope::kSelect)) CloseSelect();
        return;
      case Tag::kInput:
      case Tag::kKeygen:
      case Tag::kTextarea:
        if (!InScope(Tag::kSelect, Scope::kSelect)) return;
        CloseSelect();
        reprocess_ = true;
        return;
      case Tag::kScript:
      case Tag::kTemplate:
        return InHead(tok);
      default:
        return;
    }
  }
  if (tok.kind == Kind::kEndTag) {
    switch (tag) {
      case Tag::kOptgroup: {
        const size_t n = stack_.size();
        if (CurrentIs(Tag::kOption) && n >= 2 && stack_[n - 2].ns == Namespace::kHtml &&
            stack_[n - 2].tag == Tag::kOptgroup) {
          Pop();
        }
        if (CurrentIs(Tag::kOptgroup)) Pop();
        return;
      }
      case Tag::kOption:
        if (CurrentIs(Tag::kOption)) Pop();
        return;
      case Tag::kSelect:
        if (InScope(Tag::kSelect, Scope::kSelect)) CloseSelect();
        return;
      case Tag::kTemplate:
        return InHead(tok);
      default:
        return;
    }
  }
}

void TreeBuilder::InSelectInTable(Tok& tok) {
  if (tok.IsStartIn(kSelectInTableTags)) {
    CloseSelect();
    reprocess_ = true;
    return;
  }
  if (tok.IsEndIn(kSelectInTableTags)) {
    if (!InScope(tok.tag, Scope::kTable)) return;
    CloseSelect();
    reprocess_ = true;
    return;
  }
  InSelect(tok);
}

bool TreeBuilder::EndTemplate() {
  if (!HasOpen(Tag::kTemplate)) return false;
  GenerateAllImpliedEndTagsThoroughly();
  PopUntil(Tag::kTemplate);
  ClearFormattingToMarker();
  if (!template_modes_.empty()) template_modes_.pop_back();
  ResetInsertionMode();
  return true;
}

void TreeBuilder::EofInTemplate() {
  if (!HasOpen(Tag::kTemplate)) return;  // stop parsing
  PopUntil(Tag::kTemplate);
  ClearFormattingToMarker();
  if (!template_modes_.empty()) template_modes_.pop_back();
  ResetInsertionMode();
  reprocess_ = true;
}

void TreeBuilder::InTemplate(Tok& tok) {
  switch (tok.kind) {
    case Kind::kWhitespace:
    case Kind::kCharacter:
    case Kind::kComment:
    case Kind::kNull:
    case Kind::kDoctype:
      return InBody(tok);
    case Kind::kEof:
      return EofInTemplate();
    case Kind::kEndTag:
      if (tok.tag == Tag::kTemplate) return InHead(tok);
      return;
    case Kind::kCdata:
      return;
    case Kind::kStartTag:
      break;
  }
  if (kInHeadFromTemplate.Has(tok.tag)) return InHead(tok);
  Mode next = Mode::kInBody;
  switch (tok.tag) {
    case Tag::kCaption: case Tag::kColgroup: case Tag::kTbody: case Tag::kTfoot:
    case Tag::kThead:
      next = Mode::kInTable;
      break;
    case Tag::kCol: next = Mode::kInColumnGroup; break;
    case Tag::kTr: next = Mode::kInTableBody; break;
    case Tag::kTd: case Tag::kTh: next = Mode::kInRow; break;
    default: break;
  }
  if (!template_modes_.empty()) template_modes_.pop_back();
  template_modes_.push_back(next);
  mode_ = next;
  reprocess_ = true;
}

void TreeBuilder::InAfterBody(Tok& tok) {
  switch (tok.kind) {
    case Kind::kWhitespace: return InBody(tok);
    case Kind::kComment: return InsertComment(tok, html_);
    case Kind::kDoctype: return;
    case Kind::kEof: return;
    default: break;
  }
  if (tok.IsStart(Tag::kHtml)) return MergeIntoHtmlElement(tok);
  if (tok.IsEnd(Tag::kHtml)) {
    mode_ = Mode::kAfterAfterBody;
    return;
  }
  mode_ = Mode::kInBody;
  reprocess_ = true;
}

void TreeBuilder::InFrameset(Tok& tok) {
  switch (tok.kind) {
    case Kind::kWhitespace: return InsertText(tok);
    case Kind::kComment: return InsertComment(tok, Current().node);
    default: break;
  }
  if (tok.IsStart(Tag::kHtml)) return MergeIntoHtmlElement(tok);
  if (tok.IsStart(Tag::kFrameset)) {
    InsertHtmlElement(tok);
    return;
  }
  if (tok.IsEnd(Tag::kFrameset)) {
    if (CurrentIs(Tag::kHtml)) return;
    Pop();
    if (!CurrentIs(Tag::kFrameset)) mode_ = Mode::kAfterFrameset;
    return;
  }
  if (tok.IsStart(Tag::kFrame)) {
    InsertHtmlElement(tok);
    Pop();
    return;
  }
  if (tok.IsStart(Tag::kNoframes)) return InHead(tok);
}

void TreeBuilder::InAfterFrameset(Tok& tok) {
  switch (tok.kind) {
    case Kind::kWhitespace: return InsertText(tok);
    case Kind::kComment: return InsertComment(tok, Current().node);
    default: break;
  }
  if (tok.IsStart(Tag::kHtml)) return MergeIntoHtmlElement(tok);
  if (tok.IsEnd(Tag::kHtml)) {
    mode_ = Mode::kAfterAfterFrameset;
    return;
  }
  if (tok.IsStart(Tag::kNoframes)) return InHead(tok);
}

void TreeBuilder::InAfterAfterBody(Tok& tok) {
  switch (tok.kind) {
    case Kind::kComment: return InsertComment(tok, Dom::kDocumentNode);
    case Kind::kDoctype: return;
    case Kind::kWhitespace: return InBody(tok);
    case Kind::kEof: return;
    default: break;
  }
  if (tok.IsStart(Tag::kHtml)) return MergeIntoHtmlElement(tok);
  mode_ = Mode::kInBody;
  reprocess_ = true;
}

void TreeBuilder::InAfterAfterFrameset(Tok& tok) {
  switch (tok.kind) {
    case Kind::kComment: return InsertComment(tok, Dom::kDocumentNode);
    case Kind::kWhitespace: return InBody(tok);
    default: break;
  }
  if (tok.IsStart(Tag::kHtml)) return MergeIntoHtmlElement(tok);
  if (tok.IsStart(Tag::kNoframes)) return InHead(tok);
}

}  // namespace dossier::html
