// A small streaming JSON builder for the API's responses: it keeps track of commas so the callers
// only say what goes in. Strings go through AppendJsonString (dossier/output.h), so every byte of
// untrusted text is escaped the same way as in `dossier analyze`.
#ifndef DOSSIER_SERVE_JSON_BUILDER_H_
#define DOSSIER_SERVE_JSON_BUILDER_H_

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "dossier/output.h"

namespace dossier::serve {

class JsonBuilder {
 public:
  JsonBuilder& BeginObject() { return Open('{'); }
  JsonBuilder& EndObject() { return Close('}'); }
  JsonBuilder& BeginArray() { return Open('['); }
  JsonBuilder& EndArray() { return Close(']'); }
  // The key of the next value in the current object.
  JsonBuilder& Key(std::string_view key) {
    Comma();
    AppendJsonString(key, &out_);
    out_.push_back(':');
    after_key_ = true;
    return *this;
  }
  JsonBuilder& String(std::string_view s) {
    Comma();
    AppendJsonString(s, &out_);
    return *this;
  }
  // An empty string is written as null ("unknown"), as in the analysis JSON.
  JsonBuilder& StringOrNull(std::string_view s) { return s.empty() ? Null() : String(s); }
  JsonBuilder& Int(int64_t v) {
    Comma();
    out_.append(std::to_string(v));
    return *this;
  }
  JsonBuilder& Double(double v) {
    Comma();
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", v);
    out_.append(buf);
    return *this;
  }
  JsonBuilder& Bool(bool v) {
    Comma();
    out_.append(v ? "true" : "false");
    return *this;
  }
  JsonBuilder& Null() {
    Comma();
    out_.append("null");
    return *this;
  }
  std::string Take() { return std::move(out_); }

 private:
  JsonBuilder& Open(char c) {
    Comma();
    out_.push_back(c);
    first_.push_back(true);
    return *this;
  }
  JsonBuilder& Close(char c) {
    out_.push_back(c);
    first_.pop_back();
    return *this;
  }
  // A comma before every value but the first of its container; none right after a key.
  void Comma() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (first_.empty()) return;
    if (!first_.back()) out_.push_back(',');
    first_.back() = false;
  }

  std::string out_;
  std::vector<bool> first_;
  bool after_key_ = false;
};

}  // namespace dossier::serve

#endif  // DOSSIER_SERVE_JSON_BUILDER_H_
