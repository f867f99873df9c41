// The choice of backend by the --db argument, in one place for every command.
#include "dossier/corpus_store.h"

namespace dossier {

bool IsPostgresUrl(std::string_view db) {
  return db.rfind("postgresql://", 0) == 0 || db.rfind("postgres://", 0) == 0;
}

std::unique_ptr<CorpusStore> OpenCorpusStore(const std::string& db, const StoreOptions& options,
                                             std::string* error) {
  if (IsPostgresUrl(db)) return OpenPostgresCorpusStore(db, options, error);
  return OpenSqliteCorpusStore(db, options, error);
}

}  // namespace dossier
