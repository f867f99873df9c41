// `dossier analyze [FILES|-]`: one JSON document per input per line, or a rendering for people.
#include <cstdio>
#include <iostream>
#include <memory>
#include <thread>

#include "commands.h"
#include "dossier/corpus_entities.h"
#include "dossier/output.h"
#include "dossier/pipeline.h"
#include "dossier/time.h"
#include "inputs.h"
#include "io.h"
#include "stdin_jsonl.h"
#include "parallel.h"

namespace dossier::cli {

namespace {

bool WriteCorpusEntities(const CorpusEntityLinker& corpus, const std::vector<std::string>& paths,
                         const std::string& file, std::string* error) {
  std::FILE* f = std::fopen(file.c_str(), "wb");
  if (!f) {
    *error = "cannot write " + file;
    return false;
  }
  std::string line;
  bool ok = true;
  for (const CorpusEntity& e : corpus.Link()) {
    line.clear();
    WriteCorpusEntityJson(e, paths, &line);
    line.push_back('\n');
    ok = ok && std::fwrite(line.data(), 1, line.size(), f) == line.size();
  }
  ok = std::fclose(f) == 0 && ok;
  if (!ok) *error = "write error on " + file;
  return ok;
}

struct AnalyzeFlags {
  std::vector<std::string> inputs;
  std::string format = "json";
  std::string models, data;
  bool tokens = false;
  bool no_sentences = false;
  int jobs = 1;
  std::string url;
  std::string published;
  bool no_progress = false;
  std::string stages = "all";
  std::string batch_entities;  // where to write the batch's corpus entities, empty: not at all
  bool stdin_jsonl = false;
  std::string quotes_mode;     // empty: kDefaultQuoteMode
};
}  // namespace

Runner AddAnalyze(CLI::App& app) {
  auto flags = std::make_shared<AnalyzeFlags>();
  CLI::App* cmd = app.add_subcommand("analyze", "Analyse news: crude scraped text, HTML pages (.html, .html.gz) or WARC files (.warc, .warc.gz: one document per HTML response record); sniffed by content; one JSON document per line");
  cmd->add_option("inputs", flags->inputs,
                  "input files (crude text, HTML, .gz, WARC: sniffed), or - for standard input");
  cmd->add_flag("--stdin-jsonl", flags->stdin_jsonl,
                "filter mode: read one JSON object a line from standard input ({\"id\", \"html\" or \"text\", "
                "optional \"url\", \"published\"}) and write one result a line, in the same order, flushed as it "
                "goes; a bad line gives an error object {\"id\", \"line\", \"error\"} and the stream goes on");
  cmd->add_option("--format", flags->format, "json (JSON Lines, default), text or markdown")
      ->check(CLI::IsMember({"json", "text", "markdown"}));
  cmd->add_flag("--tokens", flags->tokens, "include token spans in the JSON");
  cmd->add_flag("--no-sentences", flags->no_sentences, "leave sentence spans out of the JSON");
  cmd->add_option("-j,--jobs", flags->jobs, "inputs analysed in parallel (0: one per core)")
      ->check(CLI::Range(0, 1024));
  cmd->add_option("--url", flags->url, "the page's URL, when known (HTML input)");
  cmd->add_option("--published", flags->published,
                  "publication date (YYYY-MM-DD): relative time expressions are resolved against it");
  cmd->add_option("--stages", flags->stages,
                  "comma-separated stages to run: foundation (clean, line kinds, stories, sentences, tokens: "
                  "always runs), entities, quotes (adds entities), time (time expressions and amounts), all "
                  "(default). Only their models are loaded; the JSON fields of the other stages are left out");
  cmd->add_option("--batch-entities", flags->batch_entities,
                  "also link entities across the inputs and write them to this file (JSON Lines: name, type, "
                  "aliases with counts, documents, mentions, evidence, members = the documents' entity ids)");
  cmd->add_option("--quotes", flags->quotes_mode,
                  "how quotations are found: rules, model (the trained tagger, models/quotes.model) or "
                  "combined (the rules' direct quotations, the tagger's other attributions; default); see bench/RESULTS.md")
      ->check(CLI::IsMember({"rules", "model", "combined"}));
  cmd->add_flag("--no-progress", flags->no_progress, "no progress bar, even on a terminal");
  cmd->add_option("--models", flags->models, "directory of trained models (default: the repository's models/)");
  cmd->add_option("--data", flags->data, "directory of data files (default: the repository's data/)");
  return [flags]() -> int {
    std::string error;
    if (flags->stdin_jsonl == !flags->inputs.empty()) {
      std::cerr << "dossier analyze: give input files (or -), or --stdin-jsonl, not both\n";
      return 2;
    }
    if (flags->stdin_jsonl && (flags->format != "json" || !flags->batch_entities.empty())) {
      std::cerr << "dossier analyze: --stdin-jsonl writes JSON only, without --batch-entities\n";
      return 2;
    }
    if (DocumentDate date; !flags->published.empty() && !DocumentDate::Parse(flags->published, &date)) {
      std::cerr << "dossier analyze: --published must be a date YYYY-MM-DD, not '" << flags->published << "'\n";
      return 2;
    }
    AnalyzerOptions opts;
    opts.model_dir = flags->models;
    opts.data_dir = flags->data;
    if (!ParseStages(flags->stages, &opts.stages, &error)) {
      std::cerr << "dossier analyze: --stages: " << error << "\n";
      return 2;
    }
    if (!flags->quotes_mode.empty()) ParseQuoteMode(flags->quotes_mode, &opts.quotes_mode);
    if (!flags->batch_entities.empty() && !(opts.stages & kStageEntities)) {
      std::cerr << "dossier analyze: --batch-entities needs the entities stage (--stages entities or all)\n";
      return 2;
    }
    std::unique_ptr<Analyzer> analyzer = Analyzer::Create(opts, &error);
    if (!analyzer) {
      std::cerr << "dossier analyze: " << error << "\n";
      return 1;
    }
    if (!analyzer->load_warnings().empty()) std::cerr << "dossier analyze: " << analyzer->load_warnings();
    JsonOptions json;
    json.tokens = flags->tokens;
    json.sentences = !flags->no_sentences;
    json.entities = (analyzer->stages() & kStageEntities) != 0;
    json.quotes = (analyzer->stages() & kStageQuotes) != 0;
    json.time = (analyzer->stages() & kStageTime) != 0;
    const int threads = flags->jobs == 0 ? static_cast<int>(std::thread::hardware_concurrency()) : flags->jobs;
    HtmlInput hints;
    hints.url = flags->url;
    hints.published = flags->published;
    int failures = 0;
    if (flags->stdin_jsonl) return RunStdinJsonl(*analyzer, json, hints, threads);
    // Entities across the batch: each document's entities summarised on its worker, merged in input
    // order by the sink.
    const bool batch = !flags->batch_entities.empty();
    CorpusEntityLinker corpus;
    std::vector<std::string> corpus_paths;
    // Each input is read and analysed on a worker (a WARC file: each HTML record, read one at a time
    // here); results are written in input order. A large JSON document streams out only on the
    // single-threaded path (with -j it is held whole).
    const bool streamed = threads <= 1;
    InputItems items(flags->inputs);
    ProgressBar bar(flags->inputs.size(), !flags->no_progress);
    auto analyse = [&, streamed, batch](std::shared_ptr<InputItem> item) {
      JobResult r;
      if (item->kind == InputItem::Kind::kError) {
        r.error = item->message;
        return r;
      }
      if (item->kind == InputItem::Kind::kNote) {
        r.note = item->message;
        return r;
      }
      std::string input, error;
      const std::string& path = item->path;
      HtmlInput page_hints = hints;
      if (item->kind == InputItem::Kind::kPage) {
        input = std::move(item->page.html);
        const WarcOrigin& o = item->page.origin;
        if (page_hints.url.empty()) page_hints.url = o.url;
        page_hints.content_type = o.content_type;
        page_hints.is_html = true;
        // Weak date evidence for the time stage: Last-Modified, else the crawl date.
        page_hints.fallback_date = o.http_last_modified.size() >= 10 && o.http_last_modified[4] == '-'
                                       ? o.http_last_modified
                                       : o.warc_date;
      } else if (item->has_bytes) {
        input = std::move(item->bytes);
      } else if (!ReadInput(path, &input, &error)) {
        r.error = error;
        return r;
      }
      Document doc;
      // The analyzer takes the input over and frees it once read (peak memory).
      if (!analyzer->AnalyzeTakingInput(std::move(input), path, &doc, &error, page_hints)) {
        r.error = error;
        return r;
      }
      std::string member = path;
      if (item->kind == InputItem::Kind::kPage) {
        doc.source.from_warc = true;
        doc.source.warc = std::move(item->page.origin);
        // In the batch's entity members a record is the WARC file and the record's offset.
        member += "#" + std::to_string(doc.source.warc.record_offset);
      }
      if (batch) {
        auto summary = std::make_shared<std::vector<EntitySummary>>(SummariseEntities(doc));
        r.in_order = [&corpus, &corpus_paths, summary, member] {
          corpus.Add(std::move(*summary));
          corpus_paths.push_back(member);
        };
      }
      if (flags->format == "json") {
        WriteDocumentJson(doc, json, &r.output, streamed ? JsonFlush([](std::string* buf) {
          WriteStdout(*buf);
          buf->clear();
        }) : JsonFlush());
        r.output.push_back('\n');
      } else if (flags->format == "text") {
        RenderText(doc, &r.output);
      } else {
        RenderMarkdown(doc, &r.output);
      }
      return r;
    };
    const bool ok = RunOrderedStream(
        threads,
        [&](Task* task) {
          auto item = std::make_shared<InputItem>();
          bar.Update(items.files_done());
          if (!items.Next(item.get())) return false;
          *task = [item, &analyse] { return analyse(item); };
          return true;
        },
        [&](JobResult& r) {
          if (!r.note.empty()) std::cerr << "dossier analyze: " << r.note << "\n";
          if (!r.error.empty()) {
            std::cerr << "dossier analyze: " << r.error << "\n";
            ++failures;
            return true;
          }
          if (r.in_order) r.in_order();
          return WriteStdout(r.output);
        });
    bar.Update(flags->inputs.size());
    if (!ok) return 1;
    std::fflush(stdout);
    if (batch && !WriteCorpusEntities(corpus, corpus_paths, flags->batch_entities, &error)) {
      std::cerr << "dossier analyze: --batch-entities: " << error << "\n";
      return 1;
    }
    return failures ? 1 : 0;
  };
}

}  // namespace dossier::cli
