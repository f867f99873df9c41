#include "html/content_blocks.h"

#include <algorithm>
#include <cctype>

#include "html/content_text_run.h"

namespace dossier::html {

void PageBlocks::Clear() {
  text.clear();
  pieces.clear();
  blocks.clear();
  elements.clear();
  boundary_elements.clear();
  body = kNoNode;
  title_tag = {};
  og_title = {};
}

namespace {

inline bool IsAsciiSpace(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

inline bool IsPunct(unsigned char c) {
  return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?';
}

// True when a style attribute hides the element (display:none or visibility:hidden).
bool StyleHides(std::string_view style) {
  auto value_after = [&](size_t pos, std::string_view prop) -> std::string_view {
    size_t i = pos + prop.size();
    while (i < style.size() && IsAsciiSpace(static_cast<unsigned char>(style[i]))) ++i;
    if (i >= style.size() || style[i] != ':') return {};
    ++i;
    while (i < style.size() && IsAsciiSpace(static_cast<unsigned char>(style[i]))) ++i;
    return style.substr(i, 6);
  };
  for (size_t pos = style.find("display"); pos != std::string_view::npos;
       pos = style.find("display", pos + 1)) {
    if (pos > 0 && (std::isalnum(static_cast<unsigned char>(style[pos - 1])) || style[pos - 1] == '-')) continue;
    if (value_after(pos, "display").starts_with("none")) return true;
  }
  for (size_t pos = style.find("visibility"); pos != std::string_view::npos;
       pos = style.find("visibility", pos + 1)) {
    if (value_after(pos, "visibility").starts_with("hidden")) return true;
  }
  return false;
}

// A table whose cells hold text, not page layout: no nested table, no paragraphs or lists in
// cells (beyond a few), more than one cell.
bool IsDataTable(const Dom& dom, uint32_t table) {
  const std::string_view role = dom.Attr(table, "role");
  if (role == "presentation" || role == "none") return false;
  uint32_t cells = 0, blocks = 0, rows = 0;
  uint32_t n = dom.nodes[table].first_child;
  // Bounded walk of the table's subtree.
  uint32_t visited = 0;
  while (n != kNoNode && n != table) {
    const Node& node = dom.nodes[n];
    bool descend = false;
    if (node.type == NodeType::kElement) {
      const ContentTag t = node.ns == Namespace::kHtml ? ClassifyTag(node.name) : ContentTag::kSkip;
      if (t == ContentTag::kTable) return false;
      if (t == ContentTag::kTd || t == ContentTag::kTh) ++cells;
      else if (t == ContentTag::kTr) ++rows;
      else if (t == ContentTag::kP || t == ContentTag::kDiv || t == ContentTag::kUl || t == ContentTag::kOl || t == ContentTag::kBlockquote ||
               t == ContentTag::kPre || IsHeading(t) || t == ContentTag::kArticle || t == ContentTag::kSection ||
               t == ContentTag::kForm) {
        ++blocks;
      }
      descend = t != ContentTag::kSkip;
    }
    if (++visited > 20000) return false;
    if (descend && node.first_child != kNoNode) {
      n = node.first_child;
      continue;
    }
    while (n != table && dom.nodes[n].next_sibling == kNoNode) n = dom.nodes[n].parent;
    if (n == table) break;
    n = dom.nodes[n].next_sibling;
  }
  if (cells < 2 || rows < 1) return false;
  return blocks <= cells / 4;
}

class Walker {
 public:
  Walker(const Dom& dom, PageBlocks* out, NameHintsMemo* hints_memo) : dom_(dom), out_(out), hints_memo_(hints_memo) {}

  void Run() {
    out_->elements.assign(dom_.nodes.size(), ElementInfo{});
    FindHeadAndBody();
    if (out_->body == kNoNode) return;
    Walk(out_->body);
  }

 private:
  struct Frame {
    uint32_t node;
    ContentTag tag;
    uint8_t flags;
  };
  enum FrameFlag : uint8_t {
    kBoundary = 1,
    kHidden = 2,
    kDataTable = 4,
    kRow = 8,
    kLink = 16,
  };

  void FindHeadAndBody() {
    const uint32_t html = FirstElementChild(Dom::kDocumentNode, "html");
    if (html == kNoNode) return;
    for (uint32_t c = dom_.nodes[html].first_child; c != kNoNode; c = dom_.nodes[c].next_sibling) {
      if (dom_.IsElement(c, "head")) ScanHead(c);
      if (dom_.IsElement(c, "body")) out_->body = c;
    }
  }

  uint32_t FirstElementChild(uint32_t parent, std::string_view tag) const {
    for (uint32_t c = dom_.nodes[parent].first_child; c != kNoNode; c = dom_.nodes[c].next_sibling) {
      if (dom_.IsElement(c, tag)) return c;
    }
    return kNoNode;
  }

  void ScanHead(uint32_t head) {
    for (uint32_t c = dom_.nodes[head].first_child; c != kNoNode; c = dom_.nodes[c].next_sibling) {
      if (dom_.IsElement(c, "title") && out_->title_tag.empty()) {
        const uint32_t t = dom_.nodes[c].first_child;
        if (t != kNoNode && dom_.nodes[t].type == NodeType::kText) out_->title_tag = dom_.nodes[t].text;
      } else if (dom_.IsElement(c, "meta") && out_->og_title.empty()) {
        std::string_view key = dom_.Attr(c, "property");
        if (key.empty()) key = dom_.Attr(c, "name");
        if (key == "og:title" || key == "twitter:title") out_->og_title = dom_.Attr(c, "content");
      }
    }
  }

  // ---- the walk ----------------------------------------------------------------------------------

  void Walk(uint32_t root) {
    uint32_t n = root;
    while (true) {
      const bool descend = Enter(n);
      if (descend && dom_.nodes[n].first_child != kNoNode) {
        n = dom_.nodes[n].first_child;
        continue;
      }
      if (descend) Exit(n);
      // Leave every ancestor whose children are done.
      while (true) {
        if (n == root) {
          Flush();
          return;
        }
        if (dom_.nodes[n].next_sibling != kNoNode) {
          n = dom_.nodes[n].next_sibling;
          break;
        }
        n = dom_.nodes[n].parent;
        Exit(n);
      }
    }
  }

  // Returns true when the node's children should be visited (then Exit is called after them).
  bool Enter(uint32_t n) {
    const Node& node = dom_.nodes[n];
    if (node.type == NodeType::kText) {
      AddText(n);
      return false;
    }
    if (node.type != NodeType::kElement) return false;
    if (node.ns != Namespace::kHtml) return false;
    const ContentTag tag = ClassifyTag(node.name);
    if (tag == ContentTag::kSkip) return false;
    if (tag == ContentTag::kBr) {
      LineBreak();
      return false;
    }
    if (tag == ContentTag::kWbr) return false;
    if (tag == ContentTag::kHr) {
      if (row_depth_ > 0) {
        pending_space_ = true;
      } else {
        Flush();
      }
      return false;
    }
    ElementInfo& info = out_->elements[n];
    info.entered = true;
    info.tag = tag;
    info.block_parent = owners_.empty() ? kNoNode : owners_.back();
    // The body's names describe the whole page ("has-sidebar", "single-post"): not evidence.
    if (node.attr_count > 0 && n != out_->body) info.hints = ElementHints(dom_, n, hints_memo_);
    // Embedded posts (<blockquote class="twitter-tweet">) are quotations, not share buttons.
    if (tag == ContentTag::kBlockquote) info.hints.flags &= ~kHintShare;
    uint8_t flags = 0;
    if (n != out_->body && IsHidden(n, info.hints)) flags |= kHidden;
    const bool hinted_inline = (tag == ContentTag::kInline || tag == ContentTag::kA || tag == ContentTag::kCode) &&
                               (info.hints.flags & (kHintBoilerplate | kHintByline | kHintCaption)) != 0;
    if (IsBlockTag(tag) || hinted_inline || (flags & kHidden)) flags |= kBoundary;
    if (tag == ContentTag::kA) flags |= kLink;
    if (tag == ContentTag::kTime) flags |= kTimeFlag;

    if (row_depth_ > 0) {
      // Inside a data-table row: everything is inline; cells are separated by " | ".
      if (tag == ContentTag::kTd || tag == ContentTag::kTh) {
        cell_start_ = true;
      } else if (IsBlockTag(tag)) {
        pending_space_ = true;
      }
      if (flags & kHidden) ++hidden_depth_;
      if (flags & kLink) ++link_depth_;
      if (flags & kTimeFlag) ++time_depth_;
      stack_.push_back({n, tag, static_cast<uint8_t>(flags & (kHidden | kLink | kTimeFlag))});
      return true;
    }

    if (flags & kBoundary) {
      Flush();
      info.boundary = true;
      info.block_begin = static_cast<uint32_t>(out_->blocks.size());
      out_->boundary_elements.push_back(n);
      owners_.push_back(n);
    }
    if (flags & kHidden) ++hidden_depth_;
    if (flags & kLink) ++link_depth_;
    if (flags & kTimeFlag) ++time_depth_;
    if ((info.hints.flags & kHintCaption) && (flags & kBoundary) && tag != ContentTag::kFigcaption &&
        tag != ContentTag::kCaption) {
      flags |= kCaptionFlag;
      ++caption_depth_;
    }
    switch (tag) {
      case ContentTag::kFigure: ++figure_depth_; break;
      case ContentTag::kPre: ++pre_depth_; break;
      case ContentTag::kFigcaption:
      case ContentTag::kCaption: ++caption_depth_; break;
      case ContentTag::kBlockquote: ++quote_depth_; break;
      case ContentTag::kUl:
      case ContentTag::kOl:
      case ContentTag::kMenu:
      case ContentTag::kDl: ++list_depth_; break;
      case ContentTag::kLi:
      case ContentTag::kDt:
      case ContentTag::kDd: ++item_depth_; break;
      case ContentTag::kTable:
        if (IsDataTable(dom_, n)) flags |= kDataTable;
        tables_.push_back(flags & kDataTable);
        break;
      case ContentTag::kTr:
        if (!tables_.empty() && tables_.back()) {
          flags |= kRow;
          ++row_depth_;
          cell_start_ = false;
        }
        break;
      default:
        if (IsHeading(tag) && heading_level_ == 0) {
          heading_level_ = HeadingLevel(tag);
          flags |= kHeadingFlag;
        }
        break;
    }
    stack_.push_back({n, tag, flags});
    return true;
  }

  void Exit(uint32_t n) {
    if (stack_.empty() || stack_.back().node != n) return;  // not entered (skipped)
    const Frame f = stack_.back();
    stack_.pop_back();
    if (f.flags & kHidden) --hidden_depth_;
    if (f.flags & kLink) --link_depth_;
    if (f.flags & kTimeFlag) --time_depth_;
    if (row_depth_ > 0 && !(f.flags & kRow)) return;  // inline inside a row
    if (f.flags & kCaptionFlag) --caption_depth_;
    switch (f.tag) {
      case ContentTag::kFigure: --figure_depth_; break;
      case ContentTag::kPre: --pre_depth_; break;
      case ContentTag::kFigcaption:
      case ContentTag::kCaption: --caption_depth_; break;
      case ContentTag::kBlockquote: --quote_depth_; break;
      case ContentTag::kUl:
      case ContentTag::kOl:
      case ContentTag::kMenu:
      case ContentTag::kDl: --list_depth_; break;
      case ContentTag::kLi:
      case ContentTag::kDt:
      case ContentTag::kDd: --item_depth_; break;
      case ContentTag::kTable: tables_.pop_back(); break;
      default: break;
    }
    if (f.flags & kRow) {
      Flush();  // the row, as one kTable block
      --row_depth_;
    }
    if (f.flags & kHeadingFlag) {
      Flush();
      heading_level_ = 0;
    }
    if (f.flags & kBoundary) {
      Flush();
      ElementInfo& info = out_->elements[n];
      info.block_end = static_cast<uint32_t>(out_->blocks.size());
      owners_.pop_back();
    }
  }

  bool IsHidden(uint32_t n, const Hints& hints) const {
    if (hints.flags & kHintHidden) return true;
    const Node& node = dom_.nodes[n];
    for (uint32_t i = 0; i < node.attr_count; ++i) {
      const Attribute& a = dom_.attrs[node.attr_begin + i];
      if (a.name == "hidden") return true;
      if (a.name == "aria-hidden" && a.value == "true") return true;
      if (a.name == "style" && StyleHides(a.value)) return true;
    }
    return false;
  }

  // ---- text --------------------------------------------------------------------------------------

  void Open() {
    cur_ = RawBlock{};
    cur_.owner = owners_.empty() ? out_->body : owners_.back();
    cur_.text_begin = static_cast<uint32_t>(out_->text.size());
    cur_.piece_begin = static_cast<uint32_t>(out_->pieces.size());
    cur_.source_begin = UINT32_MAX;
    if (row_depth_ > 0) {
      cur_.kind = HtmlBlockKind::kTable;
    } else if (pre_depth_ > 0) {
      cur_.kind = HtmlBlockKind::kCode;
    } else if (caption_depth_ > 0 || (figure_depth_ > 0 && quote_depth_ == 0)) {
      cur_.kind = HtmlBlockKind::kCaption;
    } else if (heading_level_ > 0) {
      cur_.kind = HtmlBlockKind::kHeading;
      cur_.level = static_cast<uint8_t>(heading_level_);
    } else if (item_depth_ > 0) {
      cur_.kind = HtmlBlockKind::kListItem;
      cur_.level = static_cast<uint8_t>(std::clamp(list_depth_, 1, 255));
    } else if (quote_depth_ > 0) {
      cur_.kind = HtmlBlockKind::kBlockquote;
    }
    hidden_block_ = hidden_depth_ > 0;
    open_ = true;
    last_piece_node_ = kNoNode;
  }

  void Flush() {
    pending_space_ = false;
    cell_start_ = false;
    if (!open_) return;
    open_ = false;
    std::string& text = out_->text;
    // Trim trailing spaces and line breaks.
    size_t end = text.size();
    while (end > cur_.text_begin && (text[end - 1] == ' ' || text[end - 1] == '\n' ||
                                     (cur_.kind == HtmlBlockKind::kCode && IsAsciiSpace(text[end - 1])))) {
      --end;
    }
    text.resize(end);
    while (out_->pieces.size() > cur_.piece_begin && out_->pieces.back().text_begin >= end) {
      out_->pieces.pop_back();
    }
    cur_.text_end = static_cast<uint32_t>(end);
    cur_.piece_end = static_cast<uint32_t>(out_->pieces.size());
    if (cur_.text_end == cur_.text_begin) {
      text.resize(cur_.text_begin);
      out_->pieces.resize(cur_.piece_begin);
      return;
    }
    if (hidden_block_) cur_.flags |= kBlockHidden;
    out_->blocks.push_back(cur_);
  }

  void LineBreak() {
    if (row_depth_ > 0) {
      pending_space_ = true;
      return;
    }
    if (!open_) return;
    std::string& text = out_->text;
    if (text.size() > cur_.text_begin && text.back() == '\n') {
      // Two line breaks in a row end the paragraph.
      Flush();
      return;
    }
    while (text.size() > cur_.text_begin && text.back() == ' ') text.pop_back();
    text.push_back('\n');
    pending_space_ = false;
  }

  void AddText(uint32_t n) {
    const Node& node = dom_.nodes[n];
    const std::string_view s = node.text;
    if (s.empty()) return;
    std::string& text = out_->text;
    const bool raw = pre_depth_ > 0 && row_depth_ == 0;
    const bool in_link = link_depth_ > 0;
    size_t i = 0;
    while (i < s.size()) {
      const unsigned char c = static_cast<unsigned char>(s[i]);
      const bool nbsp = c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0;
      if (!raw && (IsAsciiSpace(c) || nbsp)) {
        pending_space_ = true;
        i += nbsp ? 2 : 1;
        continue;
      }
      if (!open_) Open();
      if (last_piece_node_ != n) {
        // Separator before this node's text belongs to the previous piece.
        if (cell_start_ && text.size() > cur_.text_begin) {
          while (text.size() > cur_.text_begin && text.back() == ' ') text.pop_back();
          text += " | ";
          pending_space_ = false;
          cur_.chars += 3;
        }
        cell_start_ = false;
        if (pending_space_ && !raw && text.size() > cur_.text_begin && text.back() != '\n' &&
            text.back() != ' ') {
          text.push_back(' ');
          ++cur_.chars;
          if (in_link) ++cur_.link_chars;
        }
        pending_space_ = false;
        out_->pieces.push_back({static_cast<uint32_t>(text.size()), node.source_begin, node.source_end});
        last_piece_node_ = n;
        cur_.source_begin = std::min(cur_.source_begin, node.source_begin);
        cur_.source_end = std::max(cur_.source_end, node.source_end);
        word_open_ = false;
      } else if (pending_space_ && !raw) {
        if (text.back() != '\n' && text.back() != ' ') {
          text.push_back(' ');
          ++cur_.chars;
          if (in_link) ++cur_.link_chars;
        }
        pending_space_ = false;
        word_open_ = false;
      }
      // Copy a run of non-space bytes (or, raw, everything).
      const TextRun run = ScanTextRun(s, i, raw);
      const size_t j = run.end;
      const uint32_t chars = run.chars, punct = run.punct;
      if (raw) {
        // Whitespace inside <pre> is kept; words are counted at spaces.
        for (size_t k = i; k < j; ++k) {
          const bool space = IsAsciiSpace(static_cast<unsigned char>(s[k]));
          if (!space && !word_open_) ++cur_.words;
          word_open_ = !space;
        }
      } else if (!word_open_) {
        ++cur_.words;
      }
      word_open_ = !raw;
      text.append(s.data() + i, j - i);
      cur_.chars += chars;
      cur_.punct += punct;
      if (in_link) cur_.link_chars += chars;
      if (time_depth_ > 0) cur_.time_chars += chars;
      i = j;
    }
  }

  const Dom& dom_;
  PageBlocks* out_;
  NameHintsMemo* hints_memo_;  // class/id hints of this page, per distinct value
  std::vector<Frame> stack_;
  std::vector<uint32_t> owners_;
  std::vector<bool> tables_;
  RawBlock cur_;
  bool open_ = false;
  bool pending_space_ = false;
  bool cell_start_ = false;
  bool hidden_block_ = false;
  bool word_open_ = false;
  uint32_t last_piece_node_ = kNoNode;
  int hidden_depth_ = 0, link_depth_ = 0, pre_depth_ = 0, caption_depth_ = 0, quote_depth_ = 0;
  int list_depth_ = 0, item_depth_ = 0, row_depth_ = 0, heading_level_ = 0, figure_depth_ = 0;
  int time_depth_ = 0;
  static constexpr uint8_t kHeadingFlag = 32;
  static constexpr uint8_t kCaptionFlag = 64;
  static constexpr uint8_t kTimeFlag = 128;
};

}  // namespace

void BuildBlocks(const Dom& dom, PageBlocks* out) {
  out->Clear();
  // Reused across the pages of a thread; its keys point into `dom`, so it starts empty each time.
  thread_local NameHintsMemo hints_memo;
  hints_memo.Clear();
  Walker(dom, out, &hints_memo).Run();
}

}  // namespace dossier::html
