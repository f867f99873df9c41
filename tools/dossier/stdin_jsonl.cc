#include "stdin_jsonl.h"

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "dossier/time.h"
#include "io.h"
#include "parallel.h"

namespace dossier::cli {
namespace {

void ErrorObject(const std::string& id_json, uint64_t line_number, const std::string& message, std::string* out) {
  out->clear();
  out->append("{\"id\":");
  out->append(id_json.empty() ? "null" : id_json);
  out->append(",\"line\":");
  out->append(std::to_string(line_number));
  out->append(",\"error\":");
  AppendJsonString(message, out);
  out->push_back('}');
}

// The optional string member `key`: false (with `error`) when present but not a string.
bool OptionalString(const nlohmann::json& j, const char* key, std::string* value, std::string* error) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return true;
  if (!it->is_string()) {
    *error = std::string("\"") + key + "\" is not a string";
    return false;
  }
  *value = it->get<std::string>();
  return true;
}

}  // namespace

bool AnalyzeJsonLine(const Analyzer& analyzer, const JsonOptions& json, const HtmlInput& hints,
                     std::string&& line, uint64_t line_number, std::string* out, std::string* error) {
  std::string id_json;
  nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  std::string().swap(line);  // the parsed object holds the text now (assigning "" would keep the buffer)
  if (j.is_discarded() || !j.is_object()) {
    *error = j.is_discarded() ? "not valid JSON" : "not a JSON object";
    ErrorObject(id_json, line_number, *error, out);
    return false;
  }
  auto id = j.find("id");
  if (id != j.end() && (id->is_string() || id->is_number())) id_json = id->dump();
  if (id_json.empty()) {
    *error = "no \"id\" (a string or a number)";
    ErrorObject(id_json, line_number, *error, out);
    return false;
  }
  std::string html, text, url, published;
  bool has_html = j.contains("html") && !j["html"].is_null();
  bool has_text = j.contains("text") && !j["text"].is_null();
  if (!OptionalString(j, "html", &html, error) || !OptionalString(j, "text", &text, error) ||
      !OptionalString(j, "url", &url, error) || !OptionalString(j, "published", &published, error)) {
    ErrorObject(id_json, line_number, *error, out);
    return false;
  }
  if (has_html == has_text) {
    *error = has_html ? "both \"html\" and \"text\"" : "neither \"html\" nor \"text\"";
    ErrorObject(id_json, line_number, *error, out);
    return false;
  }
  j = nlohmann::json();
  HtmlInput page_hints = hints;
  if (!url.empty()) page_hints.url = url;
  if (!published.empty()) {
    DocumentDate date;
    if (!DocumentDate::Parse(published, &date)) {
      *error = "\"published\" is not a date YYYY-MM-DD";
      ErrorObject(id_json, line_number, *error, out);
      return false;
    }
    page_hints.published = published.substr(0, 10);
  }
  page_hints.is_text = !has_html;
  if (has_html) {
    // JSON text is Unicode, whatever the page's <meta charset> said before it was put in a string.
    page_hints.is_html = true;
    page_hints.content_type = "text/html; charset=utf-8";
  }
  Document doc;
  std::string input = has_html ? std::move(html) : std::move(text);
  if (!analyzer.AnalyzeTakingInput(std::move(input), "-", &doc, error, page_hints)) {
    ErrorObject(id_json, line_number, *error, out);
    return false;
  }
  JsonOptions with_id = json;
  with_id.id_json = id_json;
  out->clear();
  WriteDocumentJson(doc, with_id, out);
  return true;
}

int RunStdinJsonl(const Analyzer& analyzer, const JsonOptions& json, const HtmlInput& hints, int threads) {
  char* buf = nullptr;
  size_t cap = 0;
  uint64_t line_number = 0;
  bool read_failed = false;
  const bool ok = RunOrderedStream(
      threads,
      [&](Task* task) {
        for (;;) {
          const ssize_t n = getline(&buf, &cap, stdin);
          if (n < 0) {
            read_failed = std::ferror(stdin) != 0;
            // Give the line buffer back: a long line early on should not stay held.
            std::free(buf);
            buf = nullptr;
            cap = 0;
            return false;
          }
          ++line_number;
          size_t len = static_cast<size_t>(n);
          while (len > 0 && (buf[len - 1] == '\n' || buf[len - 1] == '\r')) --len;
          bool blank = true;
          for (size_t i = 0; i < len && blank; ++i) blank = buf[i] == ' ' || buf[i] == '\t';
          if (blank) continue;  // blank lines are not records
          auto line = std::make_shared<std::string>(buf, len);
          if (cap > (size_t{1} << 20)) {  // one huge line must not keep a huge buffer
            std::free(buf);
            buf = nullptr;
            cap = 0;
          }
          const uint64_t number = line_number;
          *task = [&analyzer, &json, &hints, line, number] {
            JobResult r;
            std::string error;
            if (!AnalyzeJsonLine(analyzer, json, hints, std::move(*line), number, &r.output, &error))
              r.note = "line " + std::to_string(number) + ": " + error;
            r.output.push_back('\n');
            return r;
          };
          return true;
        }
      },
      [&](JobResult& r) {
        if (!r.note.empty()) std::cerr << "dossier analyze: --stdin-jsonl: " << r.note << "\n";
        // Flushed line by line: the consumer may be waiting for this result before sending more.
        return WriteStdout(r.output) && std::fflush(stdout) == 0;
      });
  std::free(buf);
  if (read_failed) {
    std::cerr << "dossier analyze: --stdin-jsonl: read error on standard input\n";
    return 1;
  }
  return ok ? 0 : 1;
}

}  // namespace dossier::cli
