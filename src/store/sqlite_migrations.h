// Migration steps of the SQLite corpus schema that are more than SQL (sqlite_schema.cc runs them
// in order, inside the migration's transaction).
#ifndef DOSSIER_STORE_SQLITE_MIGRATIONS_H_
#define DOSSIER_STORE_SQLITE_MIGRATIONS_H_

#include <string>

#include "store/sqlite.h"

namespace dossier::store {

// 3 -> 4: packed annotations and compressed text (sqlite_migrate_packed.cc).
bool MigrateToPackedDocuments(Db& db, std::string* error);

// 4 -> 5: corpus_members' index by document replaced by a blob of links a document, quote texts
// stored as slices of the text (sqlite_migrate_v5.cc).
bool MigrateToVersion5(Db& db, std::string* error);

}  // namespace dossier::store

#endif  // DOSSIER_STORE_SQLITE_MIGRATIONS_H_
