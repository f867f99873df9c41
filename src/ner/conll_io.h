// Reading and writing CoNLL-2003 column files: one token per line (token first), blank lines
// between sentences, -DOCSTART- lines between documents. Every input line is kept so the output
// is the input with one tag appended per token line.
#ifndef DOSSIER_NER_CONLL_IO_H_
#define DOSSIER_NER_CONLL_IO_H_

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "ner/ner_doc.h"

namespace dossier::ner {

struct ConllFile {
  std::string text;                     // the whole file
  std::vector<std::string_view> lines;  // without their line ends ('\r' stripped)
  // Token lines in order: line index of each token, as numbered in `lines`.
  std::vector<uint32_t> token_lines;
  std::vector<NerDoc> docs;             // -DOCSTART- delimits documents; words view into `text`
  bool has_gold = false;                // every token line has >= 2 columns (last one = gold tag)
};

// Parses `text` (takes ownership). Never fails: any line with a first column is a token.
ConllFile ParseConll(std::string text);
bool ReadConll(const std::string& path, ConllFile* out, std::string* error);

// Writes every line back; each token line gets " " + tag appended (tags in token order),
// -DOCSTART- lines get " O", blank lines stay blank.
void WriteConll(const ConllFile& file, const std::vector<std::string_view>& tags, std::ostream& out);

}  // namespace dossier::ner

#endif  // DOSSIER_NER_CONLL_IO_H_
