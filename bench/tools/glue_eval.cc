// Prints every glued-word fix found on the given files as "file<TAB>line<TAB>token<TAB>first part".
// A development aid for the glued-word rules (not built by CMake):
//   g++ -O2 -std=c++20 -Iinclude -Isrc bench/tools/glue_eval.cc build/libdossier.a -o /tmp/glue_eval
#include <fstream>
#include <iostream>
#include <sstream>
#include "crude/glued_words.h"
#include "dossier/pipeline.h"
int main(int argc, char** argv) {
  std::vector<std::string> missing;
  auto lex = dossier::Lexicon::Load(dossier::LexiconPaths::Defaults(dossier::ResolveDataDir("")), &missing);
  for (auto& m : missing) std::cerr << "missing " << m << "\n";
  for (int a = 1; a < argc; ++a) {
    std::ifstream in(argv[a]); std::stringstream ss; ss << in.rdbuf(); std::string doc = ss.str();
    size_t pos = 0; int n = 0;
    while (pos <= doc.size()) {
      size_t e = doc.find('\n', pos); if (e == std::string::npos) e = doc.size();
      ++n; std::string_view line(doc.data() + pos, e - pos);
      for (auto f : dossier::FindGluedWords(line, doc, lex))
        std::cout << argv[a] << "\t" << n << "\t" << line.substr(f.word_begin, f.word_end - f.word_begin) << "\t" << line.substr(f.word_begin, f.split - f.word_begin) << "\n";
      pos = e + 1;
    }
  }
}
