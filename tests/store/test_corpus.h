// A fresh corpus for one test on either backend, so that the same store and API tests run on both
// (TEST_P over Backend): a temporary SQLite file, or a new database on the PostgreSQL server named
// by $DOSSIER_TEST_POSTGRES_URL (scripts/test.sh starts one), dropped afterwards. Each test gets
// its own database, so tests can run in parallel. Without the variable, PostgreSQL cases skip.
#ifndef DOSSIER_TESTS_STORE_TEST_CORPUS_H_
#define DOSSIER_TESTS_STORE_TEST_CORPUS_H_

#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>

#include "corpus_test_support.h"
#include "dossier/corpus_store.h"

namespace dossier::testing_support {

enum class Backend { kSqlite, kPostgres };

inline std::string BackendName(const ::testing::TestParamInfo<Backend>& info) {
  return info.param == Backend::kSqlite ? "Sqlite" : "Postgres";
}

inline const char* PostgresTestUrl() {
  const char* url = std::getenv("DOSSIER_TEST_POSTGRES_URL");
  return url && *url ? url : nullptr;
}

// Runs one statement on the server at `url`; "" or the error.
inline std::string PgExec(const std::string& url, const std::string& sql) {
  PGconn* c = PQconnectdb(url.c_str());
  std::string error;
  if (PQstatus(c) != CONNECTION_OK) {
    error = PQerrorMessage(c);
  } else {
    PGresult* r = PQexec(c, sql.c_str());
    if (PQresultStatus(r) != PGRES_COMMAND_OK && PQresultStatus(r) != PGRES_TUPLES_OK) error = PQerrorMessage(c);
    PQclear(r);
  }
  PQfinish(c);
  return error;
}

// The server's URL with another database: libpq's URI keeps every other parameter
// (postgresql:///NAME?host=...&user=...).
inline std::string PgUrlWithDatabase(const std::string& url, const std::string& name) {
  char* err = nullptr;
  PQconninfoOption* opts = PQconninfoParse(url.c_str(), &err);
  if (!opts) {
    PQfreemem(err);
    return "";
  }
  std::string out = "postgresql:///" + name;
  char sep = '?';
  for (PQconninfoOption* o = opts; o->keyword; ++o) {
    if (!o->val || std::string(o->keyword) == "dbname") continue;
    out += sep;
    sep = '&';
    out += o->keyword;
    out += '=';
    for (unsigned char ch : std::string(o->val)) {
      if (std::isalnum(ch) || ch == '/' || ch == '.' || ch == '-' || ch == '_') {
        out.push_back(static_cast<char>(ch));
      } else {
        char hex[4];
        std::snprintf(hex, sizeof hex, "%%%02X", ch);
        out += hex;
      }
    }
  }
  PQconninfoFree(opts);
  return out;
}

class TestCorpus {
 public:
  explicit TestCorpus(Backend backend) : backend_(backend) {
    if (backend == Backend::kSqlite) {
      db_ = file_.path();
      ok_ = true;
      return;
    }
    const char* server = PostgresTestUrl();
    if (!server) {
      why_ = "DOSSIER_TEST_POSTGRES_URL is not set: PostgreSQL cases skipped (scripts/test.sh starts a server)";
      return;
    }
    server_ = server;
    static std::atomic<int> counter{0};
    std::random_device rd;
    name_ = "dossier_test_" + std::to_string(getpid()) + "_" + std::to_string(counter++) + "_" +
            std::to_string(rd() % 1000000);
    const std::string e = PgExec(server_, "CREATE DATABASE " + name_);
    if (!e.empty()) {
      why_ = "cannot create a test database on " + server_ + ": " + e;
      failed_ = true;
      return;
    }
    db_ = PgUrlWithDatabase(server_, name_);
    ok_ = !db_.empty();
  }
  ~TestCorpus() {
    if (!name_.empty() && ok_) PgExec(server_, "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
  }
  TestCorpus(const TestCorpus&) = delete;
  TestCorpus& operator=(const TestCorpus&) = delete;

  bool ok() const { return ok_; }
  // Why the corpus is not there; `failed` when that is an error rather than a skip.
  const std::string& why() const { return why_; }
  bool failed() const { return failed_; }
  // The --db argument: a file name or a postgresql:// URL.
  const std::string& db() const { return db_; }
  Backend backend() const { return backend_; }

  // Sets the stored schema version (to test that a newer one is refused).
  std::string SetSchemaVersion(int v) {
    if (backend_ == Backend::kPostgres) return PgExec(db_, "UPDATE schema_version SET version = " + std::to_string(v));
    sqlite3* raw = nullptr;
    std::string error;
    if (sqlite3_open(db_.c_str(), &raw) != SQLITE_OK ||
        sqlite3_exec(raw, ("PRAGMA user_version=" + std::to_string(v)).c_str(), nullptr, nullptr, nullptr) != SQLITE_OK)
      error = sqlite3_errmsg(raw);
    sqlite3_close(raw);
    return error;
  }
  // Whether a corpus exists there (the file, or the corpus tables).
  bool Exists() const {
    if (backend_ == Backend::kSqlite) return access(db_.c_str(), F_OK) == 0;
    return PgExec(db_, "SELECT 1 FROM schema_version").empty();
  }

 private:
  Backend backend_;
  TempDb file_;
  std::string server_, name_, db_, why_;
  bool ok_ = false, failed_ = false;
};

// For a TEST_P fixture's SetUp: skips (no server configured) or fails (the server is broken).
#define DOSSIER_REQUIRE_CORPUS(corpus)              \
  do {                                              \
    if (!(corpus).ok()) {                           \
      if ((corpus).failed()) FAIL() << (corpus).why(); \
      GTEST_SKIP() << (corpus).why();               \
    }                                               \
  } while (0)

}  // namespace dossier::testing_support

#endif  // DOSSIER_TESTS_STORE_TEST_CORPUS_H_
