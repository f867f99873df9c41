// `dossier analyze [FILES|-]`: one JSON document per input per line, or a rendering for people.
#include <iostream>
#include <memory>

#include "commands.h"
#include "dossier/output.h"
#include "dossier/pipeline.h"
#include "io.h"

namespace dossier::cli {

namespace {
struct AnalyzeFlags {
  std::vector<std::string> inputs;
  std::string format = "json";
  std::string models, data;
  bool tokens = false;
  bool no_sentences = false;
};
}  // namespace

Runner AddAnalyze(CLI::App& app) {
  auto flags = std::make_shared<AnalyzeFlags>();
  CLI::App* cmd = app.add_subcommand("analyze", "Analyse crude scraped news text; one JSON document per input per line");
  cmd->add_option("inputs", flags->inputs, "input files, or - for standard input")->required();
  cmd->add_option("--format", flags->format, "json (JSON Lines, default), text or markdown")
      ->check(CLI::IsMember({"json", "text", "markdown"}));
  cmd->add_flag("--tokens", flags->tokens, "include token spans in the JSON");
  cmd->add_flag("--no-sentences", flags->no_sentences, "leave sentence spans out of the JSON");
  cmd->add_option("--models", flags->models, "directory of trained models (default: the repository's models/)");
  cmd->add_option("--data", flags->data, "directory of data files (default: the repository's data/)");
  return [flags]() -> int {
    std::string error;
    AnalyzerOptions opts;
    opts.model_dir = flags->models;
    opts.data_dir = flags->data;
    std::unique_ptr<Analyzer> analyzer = Analyzer::Create(opts, &error);
    if (!analyzer) {
      std::cerr << "dossier analyze: " << error << "\n";
      return 1;
    }
    if (!analyzer->load_warnings().empty()) std::cerr << "dossier analyze: " << analyzer->load_warnings();
    JsonOptions json;
    json.tokens = flags->tokens;
    json.sentences = !flags->no_sentences;
    int failures = 0;
    std::string input, out;
    for (const auto& path : flags->inputs) {
      if (!ReadInput(path, &input, &error)) {
        std::cerr << "dossier analyze: " << error << "\n";
        ++failures;
        continue;
      }
      if (input.find('\0') != std::string::npos) {
        std::cerr << "dossier analyze: " << path << ": binary data, not text\n";
        ++failures;
        continue;
      }
      if (input.size() > 0xFFFFFFF0u) {
        std::cerr << "dossier analyze: " << path << ": larger than 4 GiB\n";
        ++failures;
        continue;
      }
      Document doc = analyzer->AnalyzeCrudeText(input, path);
      out.clear();
      if (flags->format == "json") {
        bool write_ok = true;
        WriteDocumentJson(doc, json, &out, [&](std::string* buf) {
          write_ok = write_ok && WriteStdout(*buf);
          buf->clear();
        });
        if (!write_ok) return 1;
        out.push_back('\n');
      } else if (flags->format == "text") {
        RenderText(doc, &out);
      } else {
        RenderMarkdown(doc, &out);
      }
      if (!WriteStdout(out)) return 1;
    }
    std::fflush(stdout);
    return failures ? 1 : 0;
  };
}

}  // namespace dossier::cli
