#include "store/sqlite.h"

namespace dossier::store {

Db::~Db() {
  if (db_) sqlite3_close_v2(db_);
}

bool Db::Open(const std::string& path, bool read_only, bool create, std::string* error) {
  const int flags = read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0));
  if (sqlite3_open_v2(path.c_str(), &db_, flags | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
    *error = path + ": " + (db_ ? sqlite3_errmsg(db_) : "cannot open");
    if (db_) sqlite3_close_v2(db_);
    db_ = nullptr;
    return false;
  }
  sqlite3_extended_result_codes(db_, 1);
  // A writer holding the lock (another `dossier index`) makes readers and writers wait, not fail.
  sqlite3_busy_timeout(db_, 10000);
  return true;
}

bool Db::Exec(std::string_view sql, std::string* error) {
  char* msg = nullptr;
  const std::string s(sql);
  if (sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &msg) != SQLITE_OK) {
    *error = msg ? msg : "sqlite error";
    sqlite3_free(msg);
    return false;
  }
  return true;
}

std::string Db::LastError() const { return db_ ? sqlite3_errmsg(db_) : "no database"; }

Stmt::~Stmt() {
  if (st_) sqlite3_finalize(st_);
}

Stmt& Stmt::operator=(Stmt&& o) noexcept {
  if (this != &o) {
    if (st_) sqlite3_finalize(st_);
    st_ = o.st_;
    db_ = o.db_;
    o.st_ = nullptr;
  }
  return *this;
}

bool Stmt::Prepare(Db& db, std::string_view sql, std::string* error) {
  if (st_) sqlite3_finalize(st_);
  st_ = nullptr;
  db_ = db.get();
  if (sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &st_,
                         nullptr) != SQLITE_OK) {
    *error = db.LastError();
    return false;
  }
  return true;
}

void Stmt::Reset() {
  sqlite3_reset(st_);
  sqlite3_clear_bindings(st_);
}

bool Stmt::Step(std::string* error) {
  const int rc = sqlite3_step(st_);
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE) *error = sqlite3_errmsg(db_);
  return false;
}

bool Stmt::Run(std::string* error) {
  const int rc = sqlite3_step(st_);
  const bool ok = rc == SQLITE_DONE || rc == SQLITE_ROW;
  if (!ok) *error = sqlite3_errmsg(db_);
  Reset();
  return ok;
}

std::string_view Stmt::Text(int col) const {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(st_, col));
  if (!p) return {};
  return std::string_view(p, static_cast<size_t>(sqlite3_column_bytes(st_, col)));
}

std::string_view Stmt::Blob(int col) const {
  const auto* p = static_cast<const char*>(sqlite3_column_blob(st_, col));
  if (!p) return {};
  return std::string_view(p, static_cast<size_t>(sqlite3_column_bytes(st_, col)));
}

Transaction::Transaction(Db& db, std::string* error) : db_(db) {
  // Nested use (a document inside a batch) gets a savepoint: the document is all or nothing.
  if (sqlite3_get_autocommit(db.get())) ok_ = db.Exec("BEGIN IMMEDIATE", error);
  else ok_ = db.Exec("SAVEPOINT doc", error), nested_ = true;
}

Transaction::~Transaction() {
  if (ok_ && !done_) {
    std::string ignored;
    if (nested_) db_.Exec("ROLLBACK TO doc; RELEASE doc", &ignored);
    else db_.Exec("ROLLBACK", &ignored);
  }
}

bool Transaction::Commit(std::string* error) {
  if (!ok_ || done_) return false;
  if (!db_.Exec(nested_ ? "RELEASE doc" : "COMMIT", error)) return false;
  done_ = true;
  return true;
}

int64_t QueryInt(Db& db, std::string_view sql, std::string* error) {
  Stmt st;
  if (!st.Prepare(db, sql, error)) return -1;
  if (!st.Step(error)) return error->empty() ? 0 : -1;
  return st.Int(0);
}

}  // namespace dossier::store
