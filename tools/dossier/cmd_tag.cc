// `dossier tag --conll FILE`: reads CoNLL-2003 columns (token first; blank lines between
// sentences, -DOCSTART- lines between documents) and writes every line back with the predicted
// IOB2 tag appended as a last column (-DOCSTART- lines get O). `dossier tag FILE...` analyses
// crude text or HTML and prints one entity mention per line: file, type, input byte range, text.
#include <chrono>
#include <ctime>
#include <iostream>
#include <memory>
#include <sstream>

#include "commands.h"
#include "dossier/entities.h"
#include "dossier/pipeline.h"
#include "io.h"
#include "ner/conll_io.h"
#include "ner/ner_model.h"
#include "ner/tags.h"

namespace dossier::cli {

namespace {
struct TagFlags {
  std::vector<std::string> files;
  bool conll = false;
  std::string model, data_dir;
  bool stats = false;
};

int TagConll(const TagFlags& f, const std::string& path) {
  std::string text, error;
  if (!ReadInput(path, &text, &error)) {
    std::cerr << "dossier tag: " << error << "\n";
    return 1;
  }
  const std::string data = ResolveDataDir(f.data_dir);
  const std::string model_path = f.model.empty() ? ResolveModelDir("") + "/ner.model" : f.model;
  ner::NerModel model;
  if (!model.LoadResources(data + "/gazetteers", data + "/ner/clusters.txt", &error) ||
      !model.Load(model_path, &error)) {
    std::cerr << "dossier tag: " << error << "\n";
    return 1;
  }
  ner::ConllFile file = ner::ParseConll(std::move(text));
  const auto start = std::chrono::steady_clock::now();
  const std::clock_t cpu_start = std::clock();
  std::vector<std::string_view> tags;
  tags.reserve(file.token_lines.size());
  std::vector<int> labels;
  ner::NerModel::Workspace ws;
  for (const ner::NerDoc& d : file.docs) {
    model.Tag(d, &labels, &ws);
    for (int l : labels) tags.push_back(ner::Iob2Tag(l));
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double cpu = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
  std::ostringstream out;
  ner::WriteConll(file, tags, out);
  if (!WriteStdout(out.str())) return 1;
  if (f.stats)
    std::cerr << "tagged " << tags.size() << " tokens in " << seconds << " s wall, " << cpu << " s CPU ("
              << static_cast<long>(cpu > 0 ? tags.size() / cpu : 0) << " tokens per CPU second)\n";
  return 0;
}

int TagDocuments(const TagFlags& f) {
  std::string error;
  AnalyzerOptions ao;
  ao.data_dir = f.data_dir;
  auto analyzer = Analyzer::Create(ao, &error);
  EntityTaggerOptions eo;
  eo.model_path = f.model;
  eo.data_dir = f.data_dir;
  auto tagger = analyzer ? EntityTagger::Create(eo, &error) : nullptr;
  if (!analyzer || !tagger) {
    std::cerr << "dossier tag: " << error << "\n";
    return 1;
  }
  int status = 0;
  for (const std::string& path : f.files) {
    std::string bytes;
    Document doc;
    if (!ReadInput(path, &bytes, &error) || !analyzer->Analyze(bytes, path, &doc, &error)) {
      std::cerr << "dossier tag: " << error << "\n";
      status = 1;
      continue;
    }
    std::string out;
    for (const EntityMention& m : tagger->Tag(doc)) {
      out += path;
      out += '\t';
      out += EntityTypeName(m.type);
      out += '\t' + std::to_string(doc.SourceBegin(m.span)) + '\t' + std::to_string(doc.SourceEnd(m.span)) + '\t';
      out += doc.Text(m.span);
      out += '\n';
    }
    if (!WriteStdout(out)) return 1;
  }
  return status;
}
}  // namespace

Runner AddTag(CLI::App& app) {
  auto flags = std::make_shared<TagFlags>();
  CLI::App* cmd = app.add_subcommand("tag", "Tag named entities (PER, LOC, ORG, MISC)");
  cmd->add_option("files", flags->files, "input files (CoNLL columns with --conll; crude text or HTML otherwise), or -")
      ->required();
  cmd->add_flag("--conll", flags->conll, "input is CoNLL-2003 columns; output appends an IOB2 tag column");
  cmd->add_option("--model", flags->model, "entity model (default MODELS/ner.model)");
  cmd->add_option("--data-dir", flags->data_dir, "data folder with gazetteers/ and ner/ (default: built in)");
  cmd->add_flag("--stats", flags->stats, "print tagging speed (tokens/s) on standard error");
  return [flags]() -> int {
    if (!flags->conll) return TagDocuments(*flags);
    int status = 0;
    for (const std::string& p : flags->files) status |= TagConll(*flags, p);
    return status;
  };
}

}  // namespace dossier::cli
