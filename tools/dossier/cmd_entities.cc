// `dossier entities --db PATH`: the corpus entities (document entities merged across documents by
// CorpusEntityLinker) with their aliases, mention and document counts.
#include <iostream>
#include <memory>

#include "commands.h"
#include "corpus_open.h"
#include "dossier/output.h"
#include "io.h"
#include "serve/api_json.h"

namespace dossier::cli {
namespace {

struct EntitiesFlags {
  std::string db = std::string(kDefaultCorpusPath);
  EntityListRequest request;
  std::string format = "json";
};

void EntityText(const StoredEntity& e, std::string* out) {
  out->append(std::to_string(e.id)).append("\t").append(EntityTypeName(e.type)).append("\t").append(e.name);
  out->append("\t").append(std::to_string(e.mentions)).append(" mentions, ");
  out->append(std::to_string(e.documents)).append(e.documents == 1 ? " document" : " documents");
  std::string aliases;
  for (const auto& a : e.aliases)
    if (a.text != e.name) aliases.append(aliases.empty() ? "" : "; ").append(a.text);
  if (!aliases.empty()) out->append("\t(").append(aliases).append(")");
  out->push_back('\n');
}

}  // namespace

Runner AddEntities(CLI::App& app) {
  auto flags = std::make_shared<EntitiesFlags>();
  CLI::App* cmd = app.add_subcommand(
      "entities",
      "List the corpus entities: each document's entities merged across documents (full names join; a surname "
      "alone joins only the one person with it), with all aliases, mention and document counts");
  cmd->add_option("--db", flags->db, "the corpus: a SQLite file (default: dossier.db) or a postgresql:// URL");
  cmd->add_option("--type", flags->request.type, "only PER, ORG, LOC or MISC")
      ->check(CLI::IsMember({"PER", "ORG", "LOC", "MISC"}));
  cmd->add_option("--min-documents", flags->request.min_documents, "only entities named in at least N documents");
  cmd->add_option("--sort", flags->request.sort, "id (first appearance, default), mentions or documents")
      ->check(CLI::IsMember({"id", "mentions", "documents"}));
  cmd->add_option("--limit", flags->request.limit, "at most N entities (default: all)");
  cmd->add_option("--format", flags->format, "json (JSON Lines, default) or text")
      ->check(CLI::IsMember({"json", "text"}));
  return [flags]() -> int {
    std::string error;
    std::unique_ptr<CorpusStore> store = OpenExistingCorpus(flags->db, &error);
    if (!store) {
      std::cerr << "dossier entities: " << error << "\n";
      return 1;
    }
    std::vector<StoredEntity> entities;
    if (!store->ListEntities(flags->request, &entities, &error)) {
      std::cerr << "dossier entities: " << error << "\n";
      return 1;
    }
    std::string out;
    for (const StoredEntity& e : entities) {
      if (flags->format == "json") out.append(serve::StoredEntityJson(e)).push_back('\n');
      else EntityText(e, &out);
      if (out.size() > (1u << 20)) {
        if (!WriteStdout(out)) return 1;
        out.clear();
      }
    }
    return WriteStdout(out) ? 0 : 1;
  };
}

}  // namespace dossier::cli
