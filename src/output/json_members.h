// Helpers for writing JSON straight into a string buffer, shared by the document writer and the
// extraction writer: numbers, and the members of one object or array with their commas.
#ifndef DOSSIER_OUTPUT_JSON_MEMBERS_H_
#define DOSSIER_OUTPUT_JSON_MEMBERS_H_

#include <cstdint>
#include <charconv>
#include <cstdio>
#include <string>
#include <string_view>

#include "dossier/output.h"

namespace dossier::json {

// Integers in decimal, as printf's %llu / %lld write them, without printf's format parsing (there
// are several numbers per sentence and token).
inline void AppendUint(uint64_t v, std::string* out) {
  char buf[24];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  out->append(buf, static_cast<size_t>(r.ptr - buf));
}
inline void AppendInt(int64_t v, std::string* out) {
  char buf[24];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  out->append(buf, static_cast<size_t>(r.ptr - buf));
}
// Writes the members of one JSON object (or the elements of one array) in order, with the commas
// between them, so the document writer below reads as a list of fields.
class Members {
 public:
  Members(std::string* out, char open, char close) : out_(out), close_(close) { out_->push_back(open); }
  ~Members() { out_->push_back(close_); }
  Members(const Members&) = delete;
  Members& operator=(const Members&) = delete;

  // Starts the next array element (or a member whose key the caller writes).
  std::string* Next() {
    if (!first_) out_->push_back(',');
    first_ = false;
    return out_;
  }
  // Starts a member and returns the buffer for its value.
  std::string* Key(std::string_view key) {
    Next();
    out_->push_back('"');
    out_->append(key);
    out_->append("\":");
    return out_;
  }
  void Str(std::string_view key, std::string_view v) { AppendJsonString(v, Key(key)); }
  void Uint(std::string_view key, uint64_t v) { AppendUint(v, Key(key)); }
  // An index, or null when negative ("no story", "no title block").
  void IndexOrNull(std::string_view key, int64_t v) {
    if (v < 0) Key(key)->append("null");
    else AppendInt(v, Key(key));
  }
  void Raw(std::string_view key, std::string_view json) { Key(key)->append(json); }
  // The pair of input offsets every span reports.
  void SourceRange(uint64_t begin, uint64_t end) {
    Uint("source_begin", begin);
    Uint("source_end", end);
  }

 private:
  std::string* out_;
  char close_;
  bool first_ = true;
};

}  // namespace dossier::json

#endif  // DOSSIER_OUTPUT_JSON_MEMBERS_H_
