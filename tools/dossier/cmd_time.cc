// `dossier time FILE.tml|FILE.TE3input...`: a TempEval-3 document (its creation time inside, in
// <DCT>) written back with TIMEX3 tags (tid, type, value, mod) added inside <TEXT>; the text is
// otherwise byte-identical. One file goes to standard output; with --out-dir each input is
// written to DIR/its-name.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include "commands.h"
#include "dossier/pipeline.h"
#include "dossier/time.h"
#include "io.h"

namespace dossier::cli {

namespace {
struct TimeFlags {
  std::vector<std::string> inputs;
  std::string out_dir;
  std::string data;
  std::string dct;
  std::string language = "en";
};
}  // namespace

Runner AddTime(CLI::App& app) {
  auto flags = std::make_shared<TimeFlags>();
  CLI::App* cmd = app.add_subcommand(
      "time", "Tag time expressions (TIMEX3) in TempEval-3 documents (.tml, .TE3input); the text is kept byte for byte");
  cmd->add_option("inputs", flags->inputs, "TimeML / TE3input files, or - for standard input")->required();
  cmd->add_option("-o,--out-dir", flags->out_dir, "write each result to DIR/<input name> instead of standard output");
  cmd->add_option("--dct", flags->dct, "creation time (YYYY-MM-DD) when the document has no <DCT>, or to override it");
  cmd->add_option("--language", flags->language, "rule file data/time/LANG.timex (default en)");
  cmd->add_option("--data", flags->data, "directory of data files (default: the repository's data/)");
  return [flags]() -> int {
    std::string error;
    DocumentDate forced;
    if (!flags->dct.empty() && !DocumentDate::Parse(flags->dct, &forced)) {
      std::cerr << "dossier time: --dct must be a date YYYY-MM-DD, not '" << flags->dct << "'\n";
      return 2;
    }
    std::unique_ptr<TimeTagger> tagger = TimeTagger::Load(ResolveDataDir(flags->data), flags->language, &error);
    if (!tagger) {
      std::cerr << "dossier time: " << error << "\n";
      return 1;
    }
    if (flags->out_dir.empty() && flags->inputs.size() > 1) {
      std::cerr << "dossier time: several inputs need --out-dir\n";
      return 2;
    }
    if (!flags->out_dir.empty()) {
      std::error_code ec;
      std::filesystem::create_directories(flags->out_dir, ec);
      if (ec) {
        std::cerr << "dossier time: cannot create " << flags->out_dir << ": " << ec.message() << "\n";
        return 1;
      }
    }
    int failures = 0;
    for (const std::string& path : flags->inputs) {
      std::string raw;
      if (!ReadInput(path, &raw, &error)) {
        std::cerr << "dossier time: " << error << "\n";
        ++failures;
        continue;
      }
      Te3Document doc;
      if (!ParseTe3Document(raw, &doc, &error)) {
        std::cerr << "dossier time: " << path << ": " << error << "\n";
        ++failures;
        continue;
      }
      if (forced.known) doc.dct = forced;
      std::vector<Timex> timexes;
      tagger->Tag(doc.text, TimeTagger::SplitText(doc.text), doc.dct, &timexes);
      std::string out = WriteTe3Document(doc, timexes);
      if (flags->out_dir.empty()) {
        if (!WriteStdout(out)) return 1;
      } else {
        std::string name = path == "-" ? "stdin.tml" : std::filesystem::path(path).filename().string();
        std::string dest = (std::filesystem::path(flags->out_dir) / name).string();
        std::ofstream f(dest, std::ios::binary);
        f << out;
        if (!f) {
          std::cerr << "dossier time: cannot write " << dest << "\n";
          ++failures;
        }
      }
    }
    std::fflush(stdout);
    return failures ? 1 : 0;
  };
}

}  // namespace dossier::cli
