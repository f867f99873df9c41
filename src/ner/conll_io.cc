#include "ner/conll_io.h"

#include <fstream>
#include <sstream>

#include "ner/tags.h"

namespace dossier::ner {

namespace {
bool IsSpace(char c) { return c == ' ' || c == '\t'; }

std::string_view FirstColumn(std::string_view line) {
  size_t b = 0;
  while (b < line.size() && IsSpace(line[b])) ++b;
  size_t e = b;
  while (e < line.size() && !IsSpace(line[e])) ++e;
  return line.substr(b, e - b);
}

// Last column and the number of columns.
std::string_view LastColumn(std::string_view line, int* columns) {
  *columns = 0;
  std::string_view last;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && IsSpace(line[i])) ++i;
    if (i == line.size()) break;
    size_t b = i;
    while (i < line.size() && !IsSpace(line[i])) ++i;
    last = line.substr(b, i - b);
    ++*columns;
  }
  return last;
}
}  // namespace

ConllFile ParseConll(std::string text) {
  ConllFile f;
  f.text = std::move(text);
  std::string_view all(f.text);
  size_t pos = 0;
  while (pos < all.size()) {
    size_t nl = all.find('\n', pos);
    size_t end = nl == std::string_view::npos ? all.size() : nl;
    std::string_view line = all.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    f.lines.push_back(line);
    pos = end + 1;
  }
  f.has_gold = true;
  NerDoc doc;
  std::vector<std::string_view> tags;
  bool in_sentence = false;
  auto flush_sentence = [&]() {
    if (!in_sentence) return;
    std::vector<std::string_view> sentence_tags(tags.begin() + doc.sentence_starts.back(), tags.end());
    for (int l : BilouFromTags(sentence_tags)) doc.gold.push_back(l);
    in_sentence = false;
  };
  auto flush_doc = [&]() {
    flush_sentence();
    if (!doc.words.empty()) f.docs.push_back(std::move(doc));
    doc = NerDoc();
    tags.clear();
  };
  for (uint32_t i = 0; i < f.lines.size(); ++i) {
    std::string_view first = FirstColumn(f.lines[i]);
    if (first.empty()) {
      flush_sentence();
      continue;
    }
    if (first == "-DOCSTART-") {
      flush_doc();
      continue;
    }
    if (!in_sentence) {
      doc.sentence_starts.push_back(static_cast<uint32_t>(doc.words.size()));
      in_sentence = true;
    }
    int columns = 0;
    std::string_view last = LastColumn(f.lines[i], &columns);
    if (columns < 2) f.has_gold = false;
    doc.words.push_back(first);
    tags.push_back(columns >= 2 ? last : std::string_view("O"));
    f.token_lines.push_back(i);
  }
  flush_doc();
  return f;
}

bool ReadConll(const std::string& path, ConllFile* out, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = "cannot open " + path;
    return false;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ParseConll(ss.str());
  return true;
}

void WriteConll(const ConllFile& file, const std::vector<std::string_view>& tags, std::ostream& out) {
  size_t t = 0;
  std::string buffer;
  for (uint32_t i = 0; i < file.lines.size(); ++i) {
    std::string_view line = file.lines[i];
    std::string_view first = FirstColumn(line);
    buffer.append(line);
    if (first == "-DOCSTART-") {
      buffer += " O";
    } else if (!first.empty()) {
      buffer += ' ';
      buffer.append(t < tags.size() ? tags[t] : std::string_view("O"));
      ++t;
    }
    buffer += '\n';
    if (buffer.size() > (1u << 16)) {
      out << buffer;
      buffer.clear();
    }
  }
  out << buffer;
}

}  // namespace dossier::ner
