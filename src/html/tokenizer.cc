// The HTML tokenizer. States follow gumbo 0.10.1's tokenizer.c (itself the WHATWG spec of about
// 2014); differences from today's spec that show in the tree, all kept on purpose:
//  - comments: no "comment less-than sign" states (they only add parse errors today);
//  - after a DOCTYPE keyword or identifier followed by junk, gumbo emits the doctype at once
//    (force-quirks) and then skips to '>' (today: bogus doctype state, emitted at '>'); same tree;
//  - a NUL right before an attribute name is dropped instead of becoming U+FFFD (gumbo writes it
//    to the wrong buffer);
//  - a named reference in an attribute that is not followed by ';' and is followed by '=' or an
//    alphanumeric stays literal (today's spec says the same; older text said otherwise).
// The rest (script data escaping, RCDATA/RAWTEXT end tags, character reference rules, doctype
// states) matches both.
#include "html/tokenizer.h"

#include <algorithm>

#include "html/byte_scan.h"
#include "html/char_refs.h"
#include "util/ascii.h"

namespace dossier::html {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

constexpr bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\f'; }
constexpr bool IsAlpha(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

// Bytes that end a plain-text run in each state, or need a decision in a name or value.
constexpr StopBytes kDataStops = MakeStopBytes(std::string_view("<&\0", 3));
constexpr StopBytes kRawStops = MakeStopBytes(std::string_view("<\0", 2));
constexpr StopBytes kScriptEscapedStops = MakeStopBytes(std::string_view("<->\0", 4));
constexpr StopBytes kNulStop = MakeStopBytes(std::string_view("\0", 1));
constexpr StopBytes kTagNameStops =
    MakeStopBytes(std::string_view("\t\n\f />\0ABCDEFGHIJKLMNOPQRSTUVWXYZ", 33));
constexpr StopBytes kAttrNameStops =
    MakeStopBytes(std::string_view("\t\n\f /=>\0ABCDEFGHIJKLMNOPQRSTUVWXYZ", 34));
constexpr StopBytes kDoubleQuotedStops = MakeStopBytes(std::string_view("\"&\0", 3));
constexpr StopBytes kSingleQuotedStops = MakeStopBytes(std::string_view("'&\0", 3));
constexpr StopBytes kUnquotedStops = MakeStopBytes(std::string_view("\t\n\f >&\0", 7));

inline size_t Scan(std::string_view s, size_t i, const StopBytes& stops) {
  return FindStop(s, i, stops);
}

bool StartsWithIgnoreCase(std::string_view s, size_t i, std::string_view lower_word) {
  if (s.size() - i < lower_word.size()) return false;
  for (size_t k = 0; k < lower_word.size(); ++k) {
    if (AsciiLowerChar(s[i + k]) != lower_word[k]) return false;
  }
  return true;
}

}  // namespace

void Tokenizer::Reset(std::string_view text) {
  text_ = text;
  pos_ = 0;
  state_ = TextState::kData;
  cdata_allowed_ = in_cdata_ = skip_bogus_doctype_ = false;
  has_last_start_tag_ = false;
}

bool Tokenizer::EmitText(Token* t, size_t begin, size_t end, bool use_buffer) {
  t->type = TokenType::kCharacters;
  t->begin = static_cast<uint32_t>(begin);
  t->end = static_cast<uint32_t>(end);
  t->text_is_input = !use_buffer;
  t->text = use_buffer ? std::string_view(text_buf_) : text_.substr(begin, end - begin);
  return true;
}

bool Tokenizer::EmitEof(Token* t) {
  pos_ = text_.size();
  t->type = TokenType::kEof;
  t->begin = t->end = static_cast<uint32_t>(text_.size());
  return true;
}

void Tokenizer::Next(Token* t) {
  text_buf_.clear();
  while (true) {
    if (skip_bogus_doctype_) {
      // The rest of a doctype that gumbo already emitted (see ReadDoctype).
      skip_bogus_doctype_ = false;
      const size_t gt = text_.find('>', pos_);
      pos_ = gt == std::string_view::npos ? text_.size() : gt + 1;
    }
    bool produced;
    if (in_cdata_) {
      produced = ReadCdata(t);
    } else if (state_ == TextState::kData) {
      produced = NextInData(t);
    } else {
      produced = NextText(t);
    }
    if (produced) return;
  }
}

// ---- data state ---------------------------------------------------------------------------------

bool Tokenizer::NextInData(Token* t) {
  const size_t n = text_.size();
  const size_t begin = pos_;
  bool buffered = false;  // text_buf_ holds the decoded text_[begin, copied)
  size_t copied = begin;
  size_t i = begin;
  while (true) {
    i = Scan(text_, i, kDataStops);
    if (i == n || text_[i] == '\0') break;
    if (text_[i] == '&') {
      const size_t mark = text_buf_.size();
      text_buf_.append(text_.data() + copied, i - copied);
      const size_t len = DecodeCharRef(text_.substr(i), /*in_attribute=*/false, &text_buf_);
      if (len == 0) {  // a literal '&'
        text_buf_.resize(mark);
        ++i;
        continue;
      }
      buffered = true;
      i += len;
      copied = i;
      continue;
    }
    // '<': markup only if a letter, '/', '!' or '?' follows; otherwise it is text.
    if (i + 1 < n) {
      const char c = text_[i + 1];
      if (IsAlpha(c) || c == '/' || c == '!' || c == '?') break;
    }
    ++i;
  }
  if (i > begin) {
    if (buffered) text_buf_.append(text_.data() + copied, i - copied);
    pos_ = i;
    return EmitText(t, begin, i, buffered);
  }
  if (i == n) return EmitEof(t);
  if (text_[i] == '\0') {
    t->type = TokenType::kNull;
    t->begin = static_cast<uint32_t>(i);
    t->end = static_cast<uint32_t>(i + 1);
    pos_ = i + 1;
    return true;
  }
  // Markup at text_[i] == '<'.
  const char c = text_[i + 1];
  if (IsAlpha(c) || (c == '/' && i + 2 < n && IsAlpha(text_[i + 2]))) {
    return ReadTag(t) || EmitEof(t);  // a tag cut off by the end of input is dropped
  }
  if (c == '/') {
    if (i + 2 == n) {  // "</" at the end is text
      pos_ = n;
      return EmitText(t, i, n, false);
    }
    if (text_[i + 2] == '>') {  // "</>" is dropped
      pos_ = i + 3;
      return false;
    }
    ReadBogusComment(t, i, i + 2);  // "</ x>" is the comment " x"
    return true;
  }
  if (c == '?') {
    ReadBogusComment(t, i, i + 1);  // "<?xml ...?>" is the comment "?xml ...?"
    return true;
  }
  // c == '!': markup declaration open.
  t->begin = static_cast<uint32_t>(i);
  if (text_.compare(i + 2, 2, "--") == 0) {
    pos_ = i + 4;
    ReadComment(t);
  } else if (StartsWithIgnoreCase(text_, i + 2, "doctype")) {
    pos_ = i + 9;
    ReadDoctype(t);
  } else if (cdata_allowed_ && text_.compare(i + 2, 7, "[CDATA[") == 0) {
    pos_ = i + 9;
    in_cdata_ = true;
    return false;
  } else {
    ReadBogusComment(t, i, i + 2);
  }
  return true;
}

// Inside <![CDATA[ : text up to "]]>"; NUL comes out as kNull tokens (as gumbo does).
bool Tokenizer::ReadCdata(Token* t) {
  const size_t n = text_.size();
  const size_t begin = pos_;
  size_t close = text_.find("]]>", begin);
  if (close == std::string_view::npos) close = n;
  const size_t nul = text_.find('\0', begin);
  if (nul < close) {
    if (nul == begin) {
      t->type = TokenType::kNull;
      t->begin = static_cast<uint32_t>(nul);
      t->end = static_cast<uint32_t>(nul + 1);
      pos_ = nul + 1;
      return true;
    }
    close = nul;
  } else if (close == begin) {
    // End of the section (or of the input): back to the data state.
    in_cdata_ = false;
    pos_ = close == n ? n : close + 3;
    return false;
  }
  pos_ = close;
  t->type = TokenType::kCdata;
  t->begin = static_cast<uint32_t>(begin);
  t->end = static_cast<uint32_t>(close);
  t->text = text_.substr(begin, close - begin);
  t->text_is_input = true;
  return true;
}

// ---- RCDATA, RAWTEXT, script data, PLAINTEXT --------------------------------------------------

// True if text_[lt] starts "</name" where name has the last start tag's id and is followed by a
// space, '/' or '>': the end tag that leaves RCDATA, RAWTEXT and script data. (gumbo compares
// tag ids.)
bool Tokenizer::IsAppropriateEndTag(size_t lt) const {
  if (!has_last_start_tag_ || lt + 2 >= text_.size() || text_[lt + 1] != '/') return false;
  char name[16];
  size_t len = 0;
  size_t i = lt + 2;
  for (; i < text_.size() && IsAlpha(text_[i]); ++i) {
    if (len == sizeof(name)) return false;
    name[len++] = AsciiLowerChar(text_[i]);
  }
  if (len == 0 || i == text_.size()) return false;
  if (!(IsSpace(text_[i]) || text_[i] == '/' || text_[i] == '>')) return false;
  return LookupTag(std::string_view(name, len)) == last_start_tag_;
}

bool Tokenizer::NextText(Token* t) {
  const size_t n = text_.size();
  const size_t begin = pos_;
  size_t end = n;  // the text stops at an appropriate end tag or the end of the input
  if (state_ == TextState::kRcdata || state_ == TextState::kRawtext) {
    for (size_t i = begin; (i = Scan(text_, i, kRawStops)) < n; ++i) {
      if (text_[i] == '<' && IsAppropriateEndTag(i)) {
        end = i;
        break;
      }
    }
  } else if (state_ == TextState::kScriptData) {
    end = ScriptTextEnd(begin);
  }
  if (end == begin) {
    if (end == n) return EmitEof(t);
    state_ = TextState::kData;
    return ReadTag(t) || EmitEof(t);
  }
  // NUL becomes U+FFFD; in RCDATA character references are decoded too.
  const std::string_view body = text_.substr(begin, end - begin);
  const bool rcdata = state_ == TextState::kRcdata;
  const auto& stops = rcdata ? kDataStops : kNulStop;
  // Script and style bodies can be long: memchr finds out whether there is a NUL at all.
  size_t i = rcdata ? Scan(body, 0, stops) : std::min(body.find('\0'), body.size());
  bool buffered = false;
  size_t copied = 0;
  while (i < body.size()) {
    if (body[i] == '<') {
      ++i;
    } else if (body[i] == '\0') {
      text_buf_.append(body.data() + copied, i - copied);
      text_buf_.append(kReplacement);
      buffered = true;
      copied = ++i;
    } else {  // '&' in RCDATA; a reference cannot run into the end tag, which starts with '<'
      const size_t mark = text_buf_.size();
      text_buf_.append(body.data() + copied, i - copied);
      const size_t len = DecodeCharRef(body.substr(i), /*in_attribute=*/false, &text_buf_);
      if (len == 0) {
        text_buf_.resize(mark);
        ++i;
      } else {
        buffered = true;
        i += len;
        copied = i;
      }
    }
    i = Scan(body, i, stops);
  }
  if (buffered) text_buf_.append(body.data() + copied, body.size() - copied);
  pos_ = end;
  return EmitText(t, begin, end, buffered);
}

// Script data: the text runs to the appropriate </script> that is not inside an escaped
// "<!-- <script> ... </script> -->" block. Every byte before that end is text, so the spec's
// script data (double) escaped states are tracked here only to find it.
size_t Tokenizer::ScriptTextEnd(size_t from) const {
  enum class S : uint8_t {
    kNormal, kEscaped, kEscapedDash, kEscapedDashDash, kDouble, kDoubleDash, kDoubleDashDash
  };
  const size_t n = text_.size();
  // "script" (any case) at k followed by a space, '/' or '>': where double escaping starts/ends.
  auto script_word = [&](size_t k) {
    return StartsWithIgnoreCase(text_, k, "script") && k + 6 < n &&
           (IsSpace(text_[k + 6]) || text_[k + 6] == '/' || text_[k + 6] == '>');
  };
  S s = S::kNormal;
  size_t i = from;
  while (i < n) {
    switch (s) {
      case S::kNormal:
        i = text_.find('<', i);
        if (i == std::string_view::npos) return n;
        if (IsAppropriateEndTag(i)) return i;
        if (text_.compare(i + 1, 3, "!--") == 0) {
          s = S::kEscapedDashDash;  // via the escape start and escape start dash states
          i += 4;
        } else {
          ++i;
        }
        break;
      case S::kEscaped:
      case S::kDouble:
        i = Scan(text_, i, kScriptEscapedStops);
        if (i == n) return n;
        if (text_[i] == '-') {
          s = s == S::kEscaped ? S::kEscapedDash : S::kDoubleDash;
        } else if (text_[i] == '<' && s == S::kEscaped) {
          if (IsAppropriateEndTag(i)) return i;
          if (script_word(i + 1)) {  // "<script": double escaped from the delimiter on
            s = S::kDouble;
            i += 7;
            break;
          }
        } else if (text_[i] == '<' && i + 1 < n && text_[i + 1] == '/' && script_word(i + 2)) {
          s = S::kEscaped;  // "</script" ends double escaping
          i += 8;
          break;
        }
        ++i;
        break;
      case S::kEscapedDash:
      case S::kEscapedDashDash:
      case S::kDoubleDash:
      case S::kDoubleDashDash: {
        const bool escaped = s == S::kEscapedDash || s == S::kEscapedDashDash;
        const bool dash_dash = s == S::kEscapedDashDash || s == S::kDoubleDashDash;
        const char c = text_[i];
        if (c == '<') {
          s = escaped ? S::kEscaped : S::kDouble;
          continue;  // the '<' is handled by the (double) escaped state
        }
        if (c == '-') {
          s = escaped ? S::kEscapedDashDash : S::kDoubleDashDash;
        } else if (c == '>' && dash_dash) {
          s = S::kNormal;  // "-->"
        } else {
          s = escaped ? S::kEscaped : S::kDouble;
        }
        ++i;
        break;
      }
    }
  }
  return n;
}

// ---- tags ---------------------------------------------------------------------------------------

// True if the attribute name attr_buf_[name_begin, +name_len) is already on the tag. Tags with
// many attributes (hostile input) use an open-addressing set so this stays linear.
bool Tokenizer::DuplicateName(uint32_t name_begin, uint32_t name_len) {
  auto name_of = [&](uint32_t k) {
    return std::string_view(attr_buf_.data() + pending_[k].name_begin, pending_[k].name_len);
  };
  const std::string_view name(attr_buf_.data() + name_begin, name_len);
  constexpr size_t kLinear = 16;
  if (pending_.size() <= kLinear) {
    for (uint32_t k = 0; k < pending_.size(); ++k) {
      if (name_of(k) == name) return true;
    }
    return false;
  }
  auto hash = [](std::string_view s) {
    uint32_t h = 2166136261u;
    for (char ch : s) h = (h ^ static_cast<uint8_t>(ch)) * 16777619u;
    return h;
  };
  if (name_index_.size() < pending_.size() * 2) {
    size_t slots = 64;
    while (slots < pending_.size() * 4) slots *= 2;
    name_index_.assign(slots, UINT32_MAX);
    for (uint32_t k = 0; k < pending_.size(); ++k) {
      size_t h = hash(name_of(k)) & (slots - 1);
      while (name_index_[h] != UINT32_MAX) h = (h + 1) & (slots - 1);
      name_index_[h] = k;
    }
  }
  const size_t mask = name_index_.size() - 1;
  size_t h = hash(name) & mask;
  for (; name_index_[h] != UINT32_MAX; h = (h + 1) & mask) {
    if (name_of(name_index_[h]) == name) return true;
  }
  name_index_[h] = static_cast<uint32_t>(pending_.size());  // the caller adds it next
  return false;
}

// Reads an attribute value starting at pos_: after the opening quote up to and including the
// closing one, or (quote == 0) an unquoted value up to a space or '>'. References are decoded
// (with the attribute rules), NUL becomes U+FFFD. Returns false if the input ends first.
bool Tokenizer::ReadAttributeValue(char quote, PendingAttr* attr) {
  const size_t n = text_.size();
  const size_t begin = pos_;
  const size_t buf_begin = attr_buf_.size();
  const StopBytes& stops = quote == '"'    ? kDoubleQuotedStops
                         : quote == '\'' ? kSingleQuotedStops
                                         : kUnquotedStops;
  bool buffered = false;
  size_t copied = begin;
  size_t i = Scan(text_, begin, stops);
  while (i < n && (text_[i] == '&' || text_[i] == '\0')) {
    if (text_[i] == '&') {
      const size_t mark = attr_buf_.size();
      attr_buf_.append(text_.data() + copied, i - copied);
      const size_t len = DecodeCharRef(text_.substr(i), /*in_attribute=*/true, &attr_buf_);
      if (len == 0) {
        attr_buf_.resize(mark);
        i = Scan(text_, i + 1, stops);
        continue;
      }
      buffered = true;
      copied = i + len;
    } else {
      attr_buf_.append(text_.data() + copied, i - copied);
      attr_buf_.append(kReplacement);
      buffered = true;
      copied = i + 1;
    }
    i = Scan(text_, copied, stops);
  }
  if (buffered) {
    attr_buf_.append(text_.data() + copied, i - copied);
    *attr = {0, 0, false, static_cast<uint32_t>(buf_begin),
             static_cast<uint32_t>(attr_buf_.size() - buf_begin)};
  } else {
    *attr = {0, 0, true, static_cast<uint32_t>(begin), static_cast<uint32_t>(i - begin)};
  }
  if (i == n) {
    pos_ = n;
    return quote == 0;  // an unquoted value may end with the input (the tag still fails later)
  }
  pos_ = quote != 0 ? i + 1 : i;
  return true;
}

bool Tokenizer::ReadTag(Token* t) {
  const size_t n = text_.size();
  const size_t lt = pos_;
  const bool is_end = text_[lt + 1] == '/';
  size_t i = lt + (is_end ? 2 : 1);
  name_buf_.clear();
  attr_buf_.clear();
  pending_.clear();
  name_index_.clear();
  // Tag name: lower-cased, NUL -> U+FFFD, up to a space, '/' or '>'.
  const size_t name_begin = i;
  while (true) {
    const size_t stop = Scan(text_, i, kTagNameStops);
    name_buf_.append(text_.data() + i, stop - i);
    i = stop;
    if (i == n) return false;
    const char c = text_[i];
    if (c >= 'A' && c <= 'Z') {
      name_buf_.push_back(AsciiLowerChar(c));
    } else if (c == '\0') {
      name_buf_.append(kReplacement);
    } else {
      break;
    }
    ++i;
  }
  const size_t name_end = i;
  // Attributes: the before/after attribute name, value and self-closing states in one loop.
  enum class S : uint8_t { kBeforeName, kAfterName, kBeforeValue } s = S::kBeforeName;
  bool self_closing = false;
  // After a duplicate name, its value (if any) is read and dropped. gumbo (with error recording
  // off, as the reference runs it) also forgets to clear the name buffer then: when no value
  // follows, the duplicate name becomes the prefix of the next name (<a x x y> has "x" and "xy").
  bool drop_value = false;
  while (true) {
    if (i == n) return false;
    const char c = text_[i];
    if (c == '>') {
      ++i;
      break;
    }
    if (IsSpace(c)) {
      ++i;
      continue;
    }
    if (s == S::kBeforeValue) {
      PendingAttr value;
      const bool quoted = c == '"' || c == '\'';
      pos_ = quoted ? i + 1 : i;
      if (!ReadAttributeValue(quoted ? c : 0, &value)) return false;
      i = pos_;
      if (!drop_value) {
        pending_.back().value_in_input = value.value_in_input;
        pending_.back().value_begin = value.value_begin;
        pending_.back().value_len = value.value_len;
      }
      drop_value = false;  // the duplicate's name is dropped with its value
      // After a quoted value anything but a space, '/' or '>' starts the next name at once.
      s = S::kBeforeName;
      continue;
    }
    if (c == '/') {
      // Self-closing start tag state: only "/>" closes; otherwise the '/' is dropped.
      if (i + 1 < n && text_[i + 1] == '>') {
        self_closing = true;
        i += 2;
        break;
      }
      ++i;
      s = S::kBeforeName;
      continue;
    }
    if (c == '=' && s == S::kAfterName) {
      s = S::kBeforeValue;
      ++i;
      continue;
    }
    // An attribute name starts here, with this byte even if it is '=', '"', '\'' or '<'. A NUL
    // here vanishes (gumbo writes its U+FFFD to the wrong buffer) and the name starts empty.
    const auto name_start =
        drop_value ? last_name_start_ : static_cast<uint32_t>(attr_buf_.size());
    if (c != '\0') attr_buf_.push_back(AsciiLowerChar(c));
    ++i;
    while (true) {
      const size_t stop = Scan(text_, i, kAttrNameStops);
      attr_buf_.append(text_.data() + i, stop - i);
      i = stop;
      if (i == n) return false;
      const char d = text_[i];
      if (d >= 'A' && d <= 'Z') {
        attr_buf_.push_back(AsciiLowerChar(d));
      } else if (d == '\0') {
        attr_buf_.append(kReplacement);
      } else {
        break;
      }
      ++i;
    }
    const auto name_len = static_cast<uint32_t>(attr_buf_.size() - name_start);
    drop_value = DuplicateName(name_start, name_len);
    if (!drop_value) pending_.push_back({name_start, name_len, true, 0, 0});
    last_name_start_ = name_start;  // where a duplicate's leftover name starts
    if (text_[i] == '=') {
      s = S::kBeforeValue;
      ++i;
    } else {
      s = S::kAfterName;  // a space, '/' or '>' follows
    }
  }
  pos_ = i;
  t->type = is_end ? TokenType::kEndTag : TokenType::kStartTag;
  t->begin = static_cast<uint32_t>(lt);
  t->end = static_cast<uint32_t>(i);
  t->name = name_buf_;
  t->raw_name = text_.substr(name_begin, name_end - name_begin);
  t->tag = LookupTag(name_buf_);
  t->self_closing = self_closing;
  attrs_.clear();
  if (!is_end) {
    const std::string_view buf(attr_buf_);
    for (const PendingAttr& a : pending_) {
      attrs_.push_back({buf.substr(a.name_begin, a.name_len),
                        a.value_in_input ? text_.substr(a.value_begin, a.value_len)
                                         : buf.substr(a.value_begin, a.value_len)});
    }
    last_start_tag_ = t->tag;
    has_last_start_tag_ = true;
  }
  t->attrs = attrs_.data();
  t->attr_count = static_cast<uint32_t>(attrs_.size());
  return true;
}

// ---- comments and doctypes ----------------------------------------------------------------------

void Tokenizer::SetCommentText(Token* t, std::string_view body) {
  t->type = TokenType::kComment;
  t->end = static_cast<uint32_t>(pos_);
  if (body.find('\0') == std::string_view::npos) {
    t->text = body;
    t->text_is_input = true;
    return;
  }
  for (size_t i = 0;;) {
    const size_t z = Scan(body, i, kNulStop);
    text_buf_.append(body.data() + i, z - i);
    if (z == body.size()) break;
    text_buf_.append(kReplacement);
    i = z + 1;
  }
  t->text = text_buf_;
  t->text_is_input = false;
}

// pos_ is just after "<!--". The comment is the input up to the "-->" (or "--!>") that ends it,
// minus the dashes (and bang) the comment end states hold back; at the end of the input, what
// was read. Walks the comment states of the spec (without today's less-than-sign states, which
// only report errors).
void Tokenizer::ReadComment(Token* t) {
  const size_t n = text_.size();
  const size_t begin = pos_;
  enum class S : uint8_t { kStart, kStartDash, kComment, kEndDash, kEnd, kEndBang } s = S::kStart;
  size_t held = 0;  // trailing bytes read but not (yet) part of the text
  size_t i = begin;
  size_t content_end = n;
  while (true) {
    if (i == n) {
      content_end = n - held;
      break;
    }
    if (s == S::kComment) {
      const size_t dash = text_.find('-', i);
      if (dash == std::string_view::npos) {
        i = n;
        held = 0;
      } else {
        i = dash + 1;
        s = S::kEndDash;
        held = 1;
      }
      continue;
    }
    const char c = text_[i++];
    if (c == '>' && (s == S::kStart || s == S::kStartDash)) {  // "<!-->", "<!--->"
      content_end = begin;
      break;
    }
    if (c == '>' && (s == S::kEnd || s == S::kEndBang)) {  // "-->", "--!>"
      content_end = i - 1 - held;
      break;
    }
    if (c == '-') {
      if (s == S::kEndBang) {
        s = S::kEndDash;  // "--!" joins the text
        held = 1;
      } else if (s == S::kStart) {
        s = S::kStartDash;
        held = 1;
      } else {  // start dash, end dash, end: "--" held (a third dash joins the text)
        s = S::kEnd;
        held = 2;
      }
    } else if (c == '!' && s == S::kEnd) {
      s = S::kEndBang;
      held = 3;
    } else {
      s = S::kComment;
      held = 0;
    }
  }
  pos_ = i;
  if (content_end < begin) content_end = begin;
  SetCommentText(t, text_.substr(begin, content_end - begin));
}

// "<?...>", "</ ...>", "<!x...>": a comment of the bytes from text_[content] to the next '>'.
void Tokenizer::ReadBogusComment(Token* t, size_t begin, size_t content) {
  const size_t gt = text_.find('>', content);
  const size_t content_end = gt == std::string_view::npos ? text_.size() : gt;
  pos_ = gt == std::string_view::npos ? text_.size() : gt + 1;
  t->begin = static_cast<uint32_t>(begin);
  SetCommentText(t, text_.substr(content, content_end - content));
}

// pos_ is just after "<!DOCTYPE". gumbo's doctype states one by one, including its habit of
// emitting the doctype as soon as junk follows the PUBLIC keyword or public identifier (the rest
// up to '>' is then skipped by the next call).
void Tokenizer::ReadDoctype(Token* t) {
  enum class S : uint8_t {
    kDoctype, kBeforeName, kName, kAfterName, kAfterPublicKeyword, kBeforePublicId, kPublicId,
    kAfterPublicId, kBetweenIds, kAfterSystemKeyword, kBeforeSystemId, kSystemId,
    kAfterSystemId, kBogus
  };
  const size_t n = text_.size();
  name_buf_.clear();
  id_buf_.clear();
  size_t public_begin = 0, public_end = 0, system_begin = 0, system_end = 0;
  bool has_public = false, has_system = false, quirks = false;
  char quote = 0;
  S s = S::kDoctype;
  size_t i = pos_;
  bool emit_early = false;  // emitted before the '>': skip to it next time
  for (;; ++i) {
    const int c = i < n ? static_cast<unsigned char>(text_[i]) : -1;
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\f';
    if (c == -1) {
      if (s == S::kPublicId) public_end = id_buf_.size();
      if (s == S::kSystemId) system_end = id_buf_.size();
      if (s != S::kBogus) quirks = true;
      break;
    }
    if (c == '>') {
      if (s == S::kPublicId) public_end = id_buf_.size();
      if (s == S::kSystemId) system_end = id_buf_.size();
      // '>' where an identifier was still expected or inside one forces quirks mode.
      if (s == S::kDoctype || s == S::kBeforeName || s == S::kAfterPublicKeyword ||
          s == S::kBeforePublicId || s == S::kPublicId || s == S::kAfterSystemKeyword ||
          s == S::kBeforeSystemId || s == S::kSystemId) {
        quirks = true;
      }
      ++i;
      break;
    }
    switch (s) {
      case S::kDoctype:
        if (!space) {
          quirks = true;
          --i;  // reconsume
        }
        s = S::kBeforeName;
        break;
      case S::kBeforeName:
        if (space) break;
        s = S::kName;
        --i;
        quirks = c == 0;  // a first name character resets it (even after an earlier error)
        if (c == 0) {
          name_buf_.append(kReplacement);
          ++i;
        }
        break;
      case S::kName:
        if (space) {
          s = S::kAfterName;
        } else if (c == 0) {
          name_buf_.append(kReplacement);
        } else {
          name_buf_.push_back(AsciiLowerChar(static_cast<char>(c)));
          quirks = false;
        }
        break;
      case S::kAfterName:
        if (space) break;
        if (StartsWithIgnoreCase(text_, i, "public")) {
          s = S::kAfterPublicKeyword;
          i += 5;
        } else if (StartsWithIgnoreCase(text_, i, "system")) {
          s = S::kAfterSystemKeyword;
          i += 5;
        } else {
          quirks = true;
          s = S::kBogus;
        }
        break;
      case S::kAfterPublicKeyword:
      case S::kBeforePublicId:
        if (space) {
          s = S::kBeforePublicId;
        } else if (c == '"' || c == '\'') {
          quote = static_cast<char>(c);
          has_public = true;
          public_begin = id_buf_.size();
          s = S::kPublicId;
        } else {
          quirks = true;
          emit_early = true;
        }
        break;
      case S::kPublicId:
      case S::kSystemId:
        if (c == quote) {
          (s == S::kPublicId ? public_end : system_end) = id_buf_.size();
          s = s == S::kPublicId ? S::kAfterPublicId : S::kAfterSystemId;
        } else if (c == 0) {
          id_buf_.append(kReplacement);
        } else {
          id_buf_.push_back(static_cast<char>(c));
        }
        break;
      case S::kAfterPublicId:
      case S::kBetweenIds:
        if (space) {
          s = S::kBetweenIds;
        } else if (c == '"' || c == '\'') {
          quote = static_cast<char>(c);
          has_system = true;
          system_begin = id_buf_.size();
          s = S::kSystemId;
        } else {
          quirks = true;
          if (s == S::kBetweenIds) {
            emit_early = true;
          } else {
            s = S::kBogus;
          }
        }
        break;
      case S::kAfterSystemKeyword:
      case S::kBeforeSystemId:
        if (space) {
          s = S::kBeforeSystemId;
        } else if (c == '"' || c == '\'') {
          quote = static_cast<char>(c);
          has_system = true;
          system_begin = id_buf_.size();
          s = S::kSystemId;
        } else {
          quirks = true;
          s = S::kBogus;
        }
        break;
      case S::kAfterSystemId:
        if (!space) s = S::kBogus;  // no quirks here
        break;
      case S::kBogus:
        break;
    }
    if (emit_early) {
      ++i;
      skip_bogus_doctype_ = true;
      break;
    }
  }
  pos_ = i;
  t->type = TokenType::kDoctype;
  t->end = static_cast<uint32_t>(i);
  t->name = name_buf_;
  t->has_public_id = has_public;
  t->has_system_id = has_system;
  t->public_id = std::string_view(id_buf_).substr(public_begin, public_end - public_begin);
  t->system_id = std::string_view(id_buf_).substr(system_begin, system_end - system_begin);
  t->force_quirks = quirks;
}

}  // namespace dossier::html
