// A small RAII layer over the SQLite C API: a connection, prepared statements with bound
// parameters only (no SQL is ever built from data), and transactions that roll back unless
// committed. Errors are reported as one-line strings, like the rest of Dossier.
#ifndef DOSSIER_STORE_SQLITE_H_
#define DOSSIER_STORE_SQLITE_H_

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace dossier::store {

class Db {
 public:
  Db() = default;
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  bool Open(const std::string& path, bool read_only, bool create, std::string* error);
  // Runs statements without parameters or results (schema, pragmas). Never pass data in `sql`.
  bool Exec(std::string_view sql, std::string* error);
  sqlite3* get() const { return db_; }
  std::string LastError() const;
  int64_t LastInsertRowid() const { return sqlite3_last_insert_rowid(db_); }
  int Changes() const { return sqlite3_changes(db_); }

 private:
  sqlite3* db_ = nullptr;
};

// A prepared statement. Bind* take 1-based parameter indices; Step returns true while there is a
// row (and sets `error` on failure, leaving it empty when the statement is simply done).
class Stmt {
 public:
  Stmt() = default;
  ~Stmt();
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  Stmt(Stmt&& o) noexcept : st_(o.st_), db_(o.db_) { o.st_ = nullptr; }
  Stmt& operator=(Stmt&& o) noexcept;

  bool Prepare(Db& db, std::string_view sql, std::string* error);
  bool prepared() const { return st_ != nullptr; }
  void Reset();  // ready to run again; bindings cleared

  void Bind(int i, int64_t v) { sqlite3_bind_int64(st_, i, v); }
  void Bind(int i, double v) { sqlite3_bind_double(st_, i, v); }
  void Bind(int i, std::string_view v) {
    sqlite3_bind_text(st_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  }
  // Text that outlives the step (avoids a copy on the hot path of indexing).
  void BindStatic(int i, std::string_view v) {
    sqlite3_bind_text(st_, i, v.data(), static_cast<int>(v.size()), SQLITE_STATIC);
  }
  void BindBlobStatic(int i, std::string_view v) {
    sqlite3_bind_blob(st_, i, v.data(), static_cast<int>(v.size()), SQLITE_STATIC);
  }
  void BindNull(int i) { sqlite3_bind_null(st_, i); }
  void BindTextOrNull(int i, std::string_view v) {
    if (v.empty()) BindNull(i);
    else BindStatic(i, v);
  }

  bool Step(std::string* error);
  // Runs a statement that returns no rows; false with `error` on failure. Resets it afterwards.
  bool Run(std::string* error);

  int64_t Int(int col) const { return sqlite3_column_int64(st_, col); }
  double Double(int col) const { return sqlite3_column_double(st_, col); }
  bool IsNull(int col) const { return sqlite3_column_type(st_, col) == SQLITE_NULL; }
  bool IsBlob(int col) const { return sqlite3_column_type(st_, col) == SQLITE_BLOB; }
  std::string_view Text(int col) const;
  std::string_view Blob(int col) const;

 private:
  sqlite3_stmt* st_ = nullptr;
  sqlite3* db_ = nullptr;
};

// BEGIN IMMEDIATE on construction (or a SAVEPOINT when nested); rolls back in the destructor
// unless Commit() succeeded.
class Transaction {
 public:
  Transaction(Db& db, std::string* error);
  ~Transaction();
  bool ok() const { return ok_; }
  bool Commit(std::string* error);

 private:
  Db& db_;
  bool ok_ = false;
  bool done_ = false;
  bool nested_ = false;
};

// A one-value query (no parameters): SELECT count(*) ... ; -1 on error.
int64_t QueryInt(Db& db, std::string_view sql, std::string* error);

}  // namespace dossier::store

#endif  // DOSSIER_STORE_SQLITE_H_
