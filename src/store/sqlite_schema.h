// The SQLite corpus schema and its migrations (documented in docs/corpus-store.md). The version is
// PRAGMA user_version; a database of an older version is migrated step by step in one transaction
// when it is opened for writing; a newer one is refused.
#ifndef DOSSIER_STORE_SQLITE_SCHEMA_H_
#define DOSSIER_STORE_SQLITE_SCHEMA_H_

#include <string>

#include "store/sqlite.h"

namespace dossier::store {

inline constexpr int kCorpusSchemaVersion = 5;

// Sets the connection's pragmas (WAL, synchronous=NORMAL, ...) and brings the schema to
// kCorpusSchemaVersion. A read-only connection only checks the version.
bool PrepareSchema(Db& db, bool read_only, std::string* error);

// Runs the migrations from the database's version up to `target` (<= kCorpusSchemaVersion) in one
// transaction. PrepareSchema's second half; tests use it to make a database of an older version.
bool MigrateSchema(Db& db, int target, std::string* error);

}  // namespace dossier::store

#endif  // DOSSIER_STORE_SQLITE_SCHEMA_H_
