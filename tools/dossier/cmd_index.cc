// `dossier index [--db PATH] FILES|DIRS|-`: analyses inputs and stores them in the corpus. Also
// takes the JSON Lines `dossier analyze` writes (told by content) and stores them as they are.
#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "commands.h"
#include "dossier/corpus_store.h"
#include "dossier/pipeline.h"
#include "io.h"
#include "parallel.h"

namespace dossier::cli {
namespace {

struct IndexFlags {
  std::vector<std::string> inputs;
  std::string db = std::string(kDefaultCorpusPath);
  int jobs = 1;
  std::string stages = "all";
  std::string models, data;
  bool no_progress = false;
  bool no_link = false;
  uint32_t commit_every = 256;
};

struct Counts {
  uint64_t added = 0, replaced = 0, unchanged = 0, failed = 0;
  bool changed() const { return added + replaced > 0; }
};

// Files under a directory, recursively, in name order; hidden entries are skipped.
bool ExpandInput(const std::string& input, std::vector<std::string>* out, std::string* error) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (input == "-" || !fs::is_directory(input, ec)) {
    out->push_back(input);
    return true;
  }
  std::vector<std::string> files;
  fs::recursive_directory_iterator it(input, fs::directory_options::skip_permission_denied, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (!name.empty() && name[0] == '.') {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file(ec)) files.push_back(it->path().string());
  }
  if (ec) {
    *error = input + ": " + ec.message();
    return false;
  }
  std::sort(files.begin(), files.end());
  out->insert(out->end(), files.begin(), files.end());
  return true;
}

// The first bytes of a file, to tell analysis JSON Lines from documents.
std::string Prefix(const std::string& path) {
  std::string buf(4096, '\0');
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return {};
  buf.resize(std::fread(buf.data(), 1, buf.size(), f));
  std::fclose(f);
  return buf;
}

class Indexer {
 public:
  Indexer(const IndexFlags& flags, CorpusStore* store) : flags_(flags), store_(store) {}

  bool Init(std::string* error) { return store_->ContentHashes(&hashes_, error); }

  // Streams analysis JSON Lines: each line is one document, parsed and stored in this thread
  // (parsing is far faster than the store). `prefix` holds bytes already read from `f`.
  void IndexJsonLines(const std::string& name, std::FILE* f, std::string prefix) {
    char* line = nullptr;
    size_t cap = 0;
    uint64_t number = 0;
    std::string pending = std::move(prefix);
    auto handle = [&](std::string_view text) {
      ++number;
      while (!text.empty() && (text.back() == '\r' || text.back() == ' ')) text.remove_suffix(1);
      if (text.empty()) return true;
      CorpusDocument doc;
      std::string error;
      if (!ParseAnalysisJson(text, &doc, &error)) {
        Fail(name + ":" + std::to_string(number) + ": " + error);
        return true;
      }
      return Store(doc);
    };
    // Lines that began in the prefix: complete them from the stream.
    size_t start = 0;
    for (size_t nl; (nl = pending.find('\n', start)) != std::string::npos; start = nl + 1)
      if (!handle(std::string_view(pending).substr(start, nl - start))) return;
    pending.erase(0, start);
    ssize_t got;
    bool first = true;
    while ((got = getline(&line, &cap, f)) > 0) {
      std::string_view text(line, static_cast<size_t>(got));
      if (!text.empty() && text.back() == '\n') text.remove_suffix(1);
      if (first && !pending.empty()) {
        pending.append(text);
        if (!handle(pending)) break;
      } else if (!handle(text)) {
        break;
      }
      first = false;
    }
    if (first && !pending.empty()) handle(pending);
    std::free(line);
  }

  // Documents (crude text, HTML, gzip): read, skipped when unchanged, analysed on `threads`
  // workers, stored in input order from this thread.
  void IndexDocuments(const std::vector<std::string>& paths, int threads) {
    std::vector<std::unique_ptr<CorpusDocument>> slots(paths.size());
    RunOrdered(
        paths.size(), threads, !flags_.no_progress,
        [&](size_t i) {
          JobResult r;
          std::string input, error;
          const std::string& path = paths[i];
          if (path == "-") {
            input = std::move(stdin_bytes_);
          } else if (!ReadInput(path, &input, &error)) {
            r.error = error;
            return r;
          }
          const std::string hash = ContentHash(input);
          if (auto it = hashes_.find(path); it != hashes_.end() && it->second == hash) {
            r.output = "unchanged";  // not analysed again
            return r;
          }
          const Analyzer* analyzer = GetAnalyzer(&error);
          Document doc;
          if (!analyzer || !analyzer->AnalyzeTakingInput(std::move(input), path, &doc, &error)) {
            r.error = error;
            return r;
          }
          auto c = std::make_unique<CorpusDocument>(ToCorpusDocument(doc));
          c->content_hash = hash;
          slots[i] = std::move(c);
          return r;
        },
        [&](size_t i, JobResult& r) {
          if (!r.error.empty()) {
            Fail(r.error);
            return true;
          }
          if (!slots[i]) {
            ++counts_.unchanged;
            return true;
          }
          const bool ok = Store(*slots[i]);
          slots[i].reset();
          return ok;
        });
  }

  // Standard input already read (its first bytes were looked at to tell what it is).
  void SetStdin(std::string bytes) { stdin_bytes_ = std::move(bytes); }

  const Counts& counts() const { return counts_; }
  bool fatal() const { return fatal_; }

 private:
  const Analyzer* GetAnalyzer(std::string* error) {
    // Created on first need: JSON Lines alone never pay for loading the models.
    std::call_once(analyzer_once_, [&]() {
      AnalyzerOptions opts;
      opts.model_dir = flags_.models;
      opts.data_dir = flags_.data;
      std::string e;
      if (!ParseStages(flags_.stages, &opts.stages, &e)) {
        analyzer_error_ = "--stages: " + e;
        return;
      }
      analyzer_ = Analyzer::Create(opts, &analyzer_error_);
      if (analyzer_ && !analyzer_->load_warnings().empty())
        std::cerr << "dossier index: " << analyzer_->load_warnings();
    });
    if (!analyzer_) *error = analyzer_error_;
    return analyzer_.get();
  }

  bool Store(const CorpusDocument& doc) {
    if (auto it = hashes_.find(doc.path); it != hashes_.end() && it->second == doc.content_hash) {
      ++counts_.unchanged;
      return true;
    }
    PutResult result;
    std::string error;
    if (!store_->Put(doc, &result, &error)) {
      std::cerr << "dossier index: " << doc.path << ": " << error << "\n";
      ++counts_.failed;
      fatal_ = true;  // the database refused a write: stop
      return false;
    }
    if (result == PutResult::kAdded) ++counts_.added;
    else if (result == PutResult::kReplaced) ++counts_.replaced;
    else ++counts_.unchanged;
    return true;
  }

  void Fail(const std::string& message) {
    std::cerr << "dossier index: " << message << "\n";
    ++counts_.failed;
  }

  const IndexFlags& flags_;
  CorpusStore* store_;
  std::unordered_map<std::string, std::string> hashes_;
  std::once_flag analyzer_once_;
  std::unique_ptr<Analyzer> analyzer_;
  std::string analyzer_error_;
  Counts counts_;
  bool fatal_ = false;
  std::string stdin_bytes_;
};

}  // namespace

Runner AddIndex(CLI::App& app) {
  auto flags = std::make_shared<IndexFlags>();
  CLI::App* cmd = app.add_subcommand(
      "index",
      "Analyse inputs and store them in the corpus database (SQLite, created on first use): files, directories "
      "(recursively), - for standard input; crude text, HTML (.html, .html.gz; sniffed) or the JSON Lines of "
      "`dossier analyze` (stored without analysing again). An unchanged input is skipped; a changed one replaces "
      "its document");
  cmd->add_option("inputs", flags->inputs, "files, directories, or - for standard input")->required();
  cmd->add_option("--db", flags->db, "the corpus: a SQLite file (default: dossier.db) or a postgresql:// URL");
  cmd->add_option("-j,--jobs", flags->jobs, "inputs analysed in parallel (0: one per core)")->check(CLI::Range(0, 1024));
  cmd->add_option("--stages", flags->stages, "analysis stages, as for `dossier analyze` (default: all)");
  cmd->add_option("--commit-every", flags->commit_every, "documents per transaction (default 256)")
      ->check(CLI::Range(1, 1000000));
  cmd->add_flag("--no-link", flags->no_link,
                "do not recompute the corpus entities now (the next `dossier entities` or entity search will)");
  cmd->add_flag("--no-progress", flags->no_progress, "no progress bar, even on a terminal");
  cmd->add_option("--models", flags->models, "directory of trained models (default: the repository's models/)");
  cmd->add_option("--data", flags->data, "directory of data files (default: the repository's data/)");
  return [flags]() -> int {
    const auto start = std::chrono::steady_clock::now();
    std::string error;
    {
      uint32_t stages;
      if (!ParseStages(flags->stages, &stages, &error)) {
        std::cerr << "dossier index: --stages: " << error << "\n";
        return 2;
      }
    }
    StoreOptions options;
    options.batch_documents = flags->commit_every;
    // Test only: the crash test kills the process in the middle of writing document k.
    if (const char* k = std::getenv("DOSSIER_INDEX_TEST_KILL_AT")) {
      const uint64_t at = std::strtoull(k, nullptr, 10);
      options.mid_document_hook = [at](uint64_t n) {
        if (n == at) std::raise(SIGKILL);
      };
    }
    std::unique_ptr<CorpusStore> store = OpenCorpusStore(flags->db, options, &error);
    if (!store) {
      std::cerr << "dossier index: " << error << "\n";
      return 1;
    }
    Indexer indexer(*flags, store.get());
    if (!indexer.Init(&error)) {
      std::cerr << "dossier index: " << flags->db << ": " << error << "\n";
      return 1;
    }
    int expand_failures = 0;
    std::vector<std::string> inputs;
    for (const std::string& in : flags->inputs)
      if (!ExpandInput(in, &inputs, &error)) {
        std::cerr << "dossier index: " << error << "\n";
        ++expand_failures;
      }
    const int threads = flags->jobs == 0 ? static_cast<int>(std::thread::hardware_concurrency()) : flags->jobs;
    // Runs of documents go to the workers together; JSON Lines files are streamed in between.
    std::vector<std::string> run;
    auto flush_run = [&]() {
      if (!run.empty()) indexer.IndexDocuments(run, threads);
      run.clear();
    };
    for (const std::string& path : inputs) {
      if (indexer.fatal()) break;
      if (path == "-") {
        flush_run();
        std::string prefix(65536, '\0');
        prefix.resize(std::fread(prefix.data(), 1, prefix.size(), stdin));
        if (LooksLikeAnalysisJsonLines(prefix)) {
          indexer.IndexJsonLines("-", stdin, std::move(prefix));
        } else {
          // One document on standard input: the prefix and the rest of it, analysed as "-".
          std::string rest;
          if (!ReadInput("-", &rest, &error)) continue;
          indexer.SetStdin(prefix + rest);
          indexer.IndexDocuments({"-"}, 1);
        }
        continue;
      }
      if (LooksLikeAnalysisJsonLines(Prefix(path))) {
        flush_run();
        std::FILE* f = std::fopen(path.c_str(), "rb");
        if (!f) {
          std::cerr << "dossier index: " << path << ": cannot open\n";
          continue;
        }
        indexer.IndexJsonLines(path, f, "");
        std::fclose(f);
        continue;
      }
      run.push_back(path);
    }
    if (!indexer.fatal()) flush_run();
    if (!store->Commit(&error)) {
      std::cerr << "dossier index: " << flags->db << ": commit: " << error << "\n";
      return 1;
    }
    const Counts& c = indexer.counts();
    const auto stored = std::chrono::steady_clock::now();
    if (!flags->no_link && (c.changed() || store->EntitiesStale()) && !store->RelinkEntities(&error)) {
      std::cerr << "dossier index: " << flags->db << ": linking entities: " << error << "\n";
      return 1;
    }
    const auto end = std::chrono::steady_clock::now();
    StoreStats stats;
    store->Stats(&stats, &error);
    const auto secs = [](auto a, auto b) { return std::chrono::duration<double>(b - a).count(); };
    char line[512];
    std::snprintf(line, sizeof line,
                  "dossier index: %llu added, %llu replaced, %llu unchanged, %llu failed in %.2f s "
                  "(entities linked in %.2f s); %s: %llu documents, %llu corpus entities\n",
                  static_cast<unsigned long long>(c.added), static_cast<unsigned long long>(c.replaced),
                  static_cast<unsigned long long>(c.unchanged), static_cast<unsigned long long>(c.failed),
                  secs(start, stored), secs(stored, end), flags->db.c_str(),
                  static_cast<unsigned long long>(stats.documents),
                  static_cast<unsigned long long>(stats.corpus_entities));
    std::cerr << line;
    return (c.failed || expand_failures || indexer.fatal()) ? 1 : 0;
  };
}

}  // namespace dossier::cli
