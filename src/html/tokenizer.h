// The HTML tokenizer: preprocessed text (html/input_stream.h) in, tokens out, one at a time as
// the tree builder asks for them (the tree builder switches it to RCDATA, RAWTEXT, script data or
// PLAINTEXT after the start tags that need it, and tells it when CDATA sections are allowed).
//
// Behaves like gumbo 0.10.1's tokenizer (an older revision of the spec; see tokenizer.cc for the
// places where that differs from today's spec), with two changes of form that do not change the
// tree: characters come as runs (one token for "Hello, world" instead of one per character), and
// text, names and values are views into the input or into buffers reused from token to token, so
// tokenizing allocates nothing once the buffers have grown.
#ifndef DOSSIER_HTML_TOKENIZER_H_
#define DOSSIER_HTML_TOKENIZER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "html/tags.h"

namespace dossier::html {

enum class TokenType : uint8_t {
  kCharacters,  // a run of text, character references decoded; never contains NUL
  kNull,        // one U+0000 in the data state (its treatment depends on the insertion mode)
  kCdata,       // text of a <![CDATA[...]]> section (only in foreign content)
  kComment,
  kDoctype,
  kStartTag,
  kEndTag,
  kEof,
};

struct TokenAttribute {
  std::string_view name;   // lower-cased
  std::string_view value;  // character references decoded
};

struct Token {
  TokenType type = TokenType::kEof;
  uint32_t begin = 0;  // byte range in the preprocessed text
  uint32_t end = 0;
  // kCharacters, kCdata, kComment: the decoded text. `text_is_input` says whether it is a view of
  // the input (valid for the whole parse) or of a tokenizer buffer (valid until the next token).
  std::string_view text;
  bool text_is_input = false;
  // Tags: the id, the lower-cased name, the name as written, attributes (duplicates dropped, the
  // first one kept) and the self-closing flag. Doctype: `name` is the doctype name.
  Tag tag = Tag::kUnknown;
  std::string_view name;
  std::string_view raw_name;
  bool self_closing = false;
  const TokenAttribute* attrs = nullptr;
  uint32_t attr_count = 0;
  // Doctype only.
  std::string_view public_id;
  std::string_view system_id;
  bool has_public_id = false;
  bool has_system_id = false;
  bool force_quirks = false;
};

class Tokenizer {
 public:
  enum class TextState : uint8_t { kData, kRcdata, kRawtext, kScriptData, kPlaintext };

  void Reset(std::string_view text);
  // Called by the tree builder right after the start tag that needs it.
  void SetTextState(TextState state) { state_ = state; }
  // CDATA sections are recognised only while the current node is a foreign element.
  void set_cdata_allowed(bool allowed) { cdata_allowed_ = allowed; }
  // Fills `token` with the next token; kEof forever once the text is consumed.
  void Next(Token* token);

 private:
  struct PendingAttr {
    uint32_t name_begin, name_len;  // in attr_buf_
    bool value_in_input;            // value is input[value_begin, +value_len) or attr_buf_[...]
    uint32_t value_begin, value_len;
  };

  // Each returns false when it consumed input without producing a token ("</>", the end of a
  // CDATA section); Next() then carries on.
  bool NextInData(Token* t);
  bool NextText(Token* t);  // RCDATA, RAWTEXT, script data, PLAINTEXT
  bool ReadCdata(Token* t);  // inside <![CDATA[
  size_t ScriptTextEnd(size_t from) const;
  bool IsAppropriateEndTag(size_t lt) const;
  bool EmitText(Token* t, size_t begin, size_t end, bool use_buffer);
  bool EmitEof(Token* t);

  // Parses the tag at text_[pos_] == '<' (followed by a letter, or '/' and a letter). Returns
  // false if the input ends inside the tag (gumbo then drops it).
  bool ReadTag(Token* t);
  bool DuplicateName(uint32_t name_begin, uint32_t name_len);
  bool ReadAttributeValue(char quote, PendingAttr* attr);
  void ReadComment(Token* t);  // pos_ after "<!--"
  void ReadBogusComment(Token* t, size_t begin, size_t content);  // up to '>'
  void ReadDoctype(Token* t);  // pos_ after "<!DOCTYPE"
  void SetCommentText(Token* t, std::string_view body);

  std::string_view text_;
  size_t pos_ = 0;
  TextState state_ = TextState::kData;
  bool cdata_allowed_ = false;
  bool in_cdata_ = false;
  bool skip_bogus_doctype_ = false;
  Tag last_start_tag_ = Tag::kUnknown;
  bool has_last_start_tag_ = false;

  std::string text_buf_;   // decoded text of the current token
  std::string name_buf_;   // lower-cased tag name / doctype name
  std::string attr_buf_;   // attribute names and decoded values
  std::string id_buf_;     // doctype public and system ids
  std::vector<PendingAttr> pending_;
  std::vector<TokenAttribute> attrs_;
  std::vector<uint32_t> name_index_;  // open-addressing set of attribute indices (large tags)
  uint32_t last_name_start_ = 0;     // start of the last attribute name in attr_buf_
};

}  // namespace dossier::html

#endif  // DOSSIER_HTML_TOKENIZER_H_
