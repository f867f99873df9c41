// `dossier extract [-j N] FILES`: the fast path for HTML pages — decode, parse, main content and
// metadata, one JSON line per page; no further analysis.
#include <malloc.h>

#include <iostream>
#include <memory>
#include <thread>

#include "commands.h"
#include "dossier/html.h"
#include "dossier/output.h"
#include "inputs.h"
#include "io.h"
#include "parallel.h"

namespace dossier::cli {

namespace {
struct ExtractFlags {
  std::vector<std::string> inputs;
  int jobs = 1;
  std::string url;
  bool reference_parser = false;
  bool no_progress = false;
};

// A page from a WARC record: its decoded payload, the HTTP charset as header evidence.
JobResult ExtractPage(const std::string& path, const WarcPage& warc, const ExtractFlags& flags) {
  JobResult result;
  DecodedHtml page = DecodeHtml(warc.html, warc.origin.content_type);
  ExtractOptions options;
  options.url = flags.url.empty() ? std::string_view(warc.origin.url) : std::string_view(flags.url);
  options.reference_parser = flags.reference_parser;
  ExtractedArticle article = ExtractArticle(page.text, options);
  WriteExtractJson(path, page, article, &result.output, &warc.origin);
  result.output.push_back('\n');
  return result;
}

JobResult ExtractOne(const std::string& path, std::string* bytes_read, const ExtractFlags& flags) {
  JobResult result;
  // The page-sized buffers are reused from page to page on each thread: a fresh buffer per page
  // costs an allocation and the page faults of touching new memory, a large share of a small
  // page's time.
  thread_local std::string raw, unzipped;
  thread_local DecodedHtml page;
  std::string error;
  if (bytes_read) {
    raw = std::move(*bytes_read);
  } else if (!ReadInput(path, &raw, &error)) {
    result.error = error;
    return result;
  }
  std::string_view bytes = raw;
  if (IsGzip(bytes)) {
    if (!Gunzip(bytes, &unzipped, &error)) {
      result.error = path + ": " + error;
      return result;
    }
    bytes = unzipped;
  }
  if (bytes.size() > 0xFFFFFFF0u) {
    result.error = path + ": larger than 4 GiB";
    return result;
  }
  if (!LooksLikeHtml(bytes)) {
    result.error = path + ": not an HTML page";
    return result;
  }
  DecodeHtml(bytes, {}, &page);
  ExtractOptions options;
  options.url = flags.url;
  options.reference_parser = flags.reference_parser;
  ExtractedArticle article = ExtractArticle(page.text, options);
  WriteExtractJson(path, page, article, &result.output);
  result.output.push_back('\n');
  return result;
}
}  // namespace

Runner AddExtract(CLI::App& app) {
  auto flags = std::make_shared<ExtractFlags>();
  CLI::App* cmd = app.add_subcommand(
      "extract", "Extract the article and its metadata from HTML pages (.html, .html.gz) and the HTML response records of WARC files (.warc, .warc.gz); one JSON line per page");
  cmd->add_option("inputs", flags->inputs, "HTML or WARC files (gzip and WARC are detected by content), or - for standard input")->required();
  cmd->add_option("-j,--jobs", flags->jobs, "pages extracted in parallel (0: one per core)")
      ->check(CLI::Range(0, 1024));
  cmd->add_option("--url", flags->url, "the page's URL, when known (for a single page)");
  cmd->add_flag("--reference-parser", flags->reference_parser, "parse with gumbo instead of Dossier's own parser");
  cmd->add_flag("--no-progress", flags->no_progress, "no progress bar, even on a terminal");
  return [flags]() -> int {
    // Every page allocates and frees buffers of its own size (up to a few MB). By default glibc
    // hands those above 128 KiB back to the kernel (mmap/munmap, heap trimming), and the next page
    // faults them in again; kept, they are reused. Measured on the 136 ScrapingHub pages: 500 fewer
    // page faults of 3,400 (bench/RESULTS.md, "Speed work 2"), peak RSS +3 MB.
    mallopt(M_MMAP_THRESHOLD, 64 << 20);
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
    int threads = flags->jobs == 0 ? static_cast<int>(std::thread::hardware_concurrency()) : flags->jobs;
    int failures = 0;
    InputItems items(flags->inputs);
    ProgressBar bar(flags->inputs.size(), !flags->no_progress);
    const bool ok = RunOrderedStream(
        threads,
        [&](Task* task) {
          auto item = std::make_shared<InputItem>();
          bar.Update(items.files_done());
          if (!items.Next(item.get())) return false;
          *task = [item, flags]() -> JobResult {
            switch (item->kind) {
              case InputItem::Kind::kError: return {"", item->message, "", nullptr};
              case InputItem::Kind::kNote: return {"", "", item->message, nullptr};
              case InputItem::Kind::kPage: return ExtractPage(item->path, item->page, *flags);
              case InputItem::Kind::kFile: break;
            }
            return ExtractOne(item->path, item->has_bytes ? &item->bytes : nullptr, *flags);
          };
          return true;
        },
        [&](JobResult& r) {
          if (!r.note.empty()) std::cerr << "dossier extract: " << r.note << "\n";
          if (!r.error.empty()) {
            std::cerr << "dossier extract: " << r.error << "\n";
            ++failures;
            return true;
          }
          return WriteStdout(r.output);
        });
    bar.Update(flags->inputs.size());
    std::fflush(stdout);
    if (!ok) return 1;
    return failures ? 1 : 0;
  };
}

}  // namespace dossier::cli
