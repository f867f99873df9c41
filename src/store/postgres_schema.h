// The PostgreSQL corpus schema and its migrations (docs/corpus-store.md, "PostgreSQL"). The version
// is the one row of table schema_version; an older schema is migrated step by step in one
// transaction (under an advisory lock, so two processes never migrate at once) when the store is
// opened for writing; a newer one is refused.
#ifndef DOSSIER_STORE_POSTGRES_SCHEMA_H_
#define DOSSIER_STORE_POSTGRES_SCHEMA_H_

#include <string>

#include "store/postgres.h"

namespace dossier::store {

inline constexpr int kPostgresSchemaVersion = 1;

// The advisory lock key taken by migrations and by writers (one writer at a time, like SQLite's
// BEGIN IMMEDIATE): "dossier" in ASCII.
inline constexpr int64_t kWriterLock = 0x646f7373696572;

// Brings the schema to kPostgresSchemaVersion. A read-only connection only checks the version;
// with `create` false, a database without the corpus tables is an error (a query never creates one).
bool PreparePostgresSchema(pg::Conn& c, bool read_only, bool create, int* version, std::string* error);

}  // namespace dossier::store

#endif  // DOSSIER_STORE_POSTGRES_SCHEMA_H_
