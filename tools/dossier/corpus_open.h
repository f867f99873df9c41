// Opening an existing corpus for the commands that read it (search, entities).
#ifndef DOSSIER_TOOLS_CORPUS_OPEN_H_
#define DOSSIER_TOOLS_CORPUS_OPEN_H_

#include <unistd.h>

#include <memory>
#include <string>

#include "dossier/corpus_store.h"

namespace dossier::cli {

// A missing file is an error (never created by a query). Opened for writing when it can be, so
// that corpus entities left stale by an interrupted `index` are relinked on the way.
inline std::unique_ptr<CorpusStore> OpenExistingCorpus(const std::string& path, std::string* error) {
  if (access(path.c_str(), F_OK) != 0) {
    *error = path + ": no such corpus (create it with `dossier index --db " + path + " FILES`)";
    return nullptr;
  }
  StoreOptions options;
  options.create = false;
  options.read_only = access(path.c_str(), W_OK) != 0;
  return OpenSqliteCorpusStore(path, options, error);
}

}  // namespace dossier::cli

#endif  // DOSSIER_TOOLS_CORPUS_OPEN_H_
