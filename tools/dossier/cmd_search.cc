// `dossier search --db PATH QUERY`: full-text search of the corpus (BM25 ranking, snippets) with
// filters by entity, speaker, type, site and publication date; JSON Lines or text.
#include <cstdio>
#include <iostream>
#include <memory>

#include "commands.h"
#include "corpus_open.h"
#include "dossier/output.h"
#include "io.h"

namespace dossier::cli {
namespace {

struct SearchFlags {
  std::string db = std::string(kDefaultCorpusPath);
  std::string query;
  SearchRequest request;
  std::string format = "json";
};

bool IsIsoDate(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

void HitJson(const SearchHit& h, std::string* out) {
  char score[32];
  std::snprintf(score, sizeof score, "%.6g", h.score);
  out->append("{\"doc_id\":").append(std::to_string(h.doc_id));
  const std::pair<const char*, const std::string*> fields[] = {
      {"path", &h.path}, {"title", &h.title}, {"site", &h.site}, {"published", &h.published}, {"type", &h.format}};
  for (const auto& [key, value] : fields) {
    out->append(",\"").append(key).append("\":");
    if (value->empty() && std::string_view(key) != "path") out->append("null");
    else AppendJsonString(*value, out);
  }
  out->append(",\"score\":").append(score).append(",\"snippet\":");
  AppendJsonString(h.snippet, out);
  out->append("}\n");
}

void HitText(size_t rank, const SearchHit& h, std::string* out) {
  char head[64];
  std::snprintf(head, sizeof head, "%zu. [%.2f] ", rank, h.score);
  out->append(head).append(h.title.empty() ? "(no title)" : h.title);
  if (!h.site.empty()) out->append(" — ").append(h.site);
  if (!h.published.empty()) out->append(", ").append(h.published);
  out->append("\n   ").append(h.path).append("  (doc ").append(std::to_string(h.doc_id)).append(")\n   ");
  out->append(h.snippet).append("\n");
}

}  // namespace

Runner AddSearch(CLI::App& app) {
  auto flags = std::make_shared<SearchFlags>();
  CLI::App* cmd = app.add_subcommand(
      "search",
      "Search the corpus: words (all must occur), \"phrases\", word* (prefix), a OR b, -word (excluded); ranked by "
      "BM25 with snippets. Filters alone (an empty query) list matching documents, newest first");
  cmd->add_option("query", flags->query, "what to look for");
  cmd->add_option("--db", flags->db, "the corpus: a SQLite file (default: dossier.db) or a postgresql:// URL");
  cmd->add_option("--entity", flags->request.entity, "only documents naming this entity (any of its aliases)");
  cmd->add_option("--speaker", flags->request.speaker, "only documents quoting this person (any alias)");
  cmd->add_option("--type", flags->request.type, "only documents of this input type: html or text")
      ->check(CLI::IsMember({"html", "text"}));
  cmd->add_option("--site", flags->request.site, "only documents of this site (as in the page's metadata)");
  cmd->add_option("--from", flags->request.published_from, "published on or after this date (YYYY-MM-DD)");
  cmd->add_option("--to", flags->request.published_to, "published on or before this date (YYYY-MM-DD)");
  cmd->add_option("--limit", flags->request.limit, "hits to return (default 10)")->check(CLI::Range(1, 10000));
  cmd->add_option("--offset", flags->request.offset, "hits to skip (paging)");
  cmd->add_option("--format", flags->format, "json (JSON Lines, default) or text")
      ->check(CLI::IsMember({"json", "text"}));
  return [flags]() -> int {
    for (const std::string* d : {&flags->request.published_from, &flags->request.published_to})
      if (!d->empty() && !IsIsoDate(*d)) {
        std::cerr << "dossier search: dates must be YYYY-MM-DD, not '" << *d << "'\n";
        return 2;
      }
    std::string error;
    std::unique_ptr<CorpusStore> store = OpenExistingCorpus(flags->db, &error);
    if (!store) {
      std::cerr << "dossier search: " << error << "\n";
      return 1;
    }
    SearchRequest request = flags->request;
    request.query = flags->query;
    if (flags->format == "text") request.mark_open = "\x1b[1m", request.mark_close = "\x1b[0m";
    if (flags->format == "text" && !isatty(1)) request.mark_open = "*", request.mark_close = "*";
    std::vector<SearchHit> hits;
    if (!store->Search(request, &hits, &error)) {
      std::cerr << "dossier search: " << error << "\n";
      return 2;
    }
    std::string out;
    for (size_t i = 0; i < hits.size(); ++i) {
      if (flags->format == "json") HitJson(hits[i], &out);
      else HitText(request.offset + i + 1, hits[i], &out);
    }
    return WriteStdout(out) ? 0 : 1;
  };
}

}  // namespace dossier::cli
