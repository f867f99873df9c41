// Opening an existing corpus for the commands that read it (search, entities).
#ifndef DOSSIER_TOOLS_CORPUS_OPEN_H_
#define DOSSIER_TOOLS_CORPUS_OPEN_H_

#include <unistd.h>

#include <memory>
#include <string>

#include "dossier/corpus_store.h"

namespace dossier::cli {

// Whether the corpus at `db` (a SQLite file or a PostgreSQL URL) may be written by this process.
// For PostgreSQL the server decides (a read-only role fails its writes, which only relink).
inline bool CorpusWritable(const std::string& db) {
  return IsPostgresUrl(db) || access(db.c_str(), W_OK) == 0;
}

// A missing file (or a database without the corpus tables) is an error: never created by a query.
// Opened for writing when it can be, so that corpus entities left stale by an interrupted `index`
// are relinked on the way.
inline std::unique_ptr<CorpusStore> OpenExistingCorpus(const std::string& path, std::string* error) {
  if (!IsPostgresUrl(path) && access(path.c_str(), F_OK) != 0) {
    *error = path + ": no such corpus (create it with `dossier index --db " + path + " FILES`)";
    return nullptr;
  }
  StoreOptions options;
  options.create = false;
  options.read_only = !CorpusWritable(path);
  return OpenCorpusStore(path, options, error);
}

}  // namespace dossier::cli

#endif  // DOSSIER_TOOLS_CORPUS_OPEN_H_
