// A small RAII layer over libpq: a connection, results, statements with bound parameters only (no
// SQL is ever built from data), and arrays of values sent as one parameter (a document's rows go
// to the server in one statement per table). Errors are one-line strings, like the rest of Dossier.
#ifndef DOSSIER_STORE_POSTGRES_H_
#define DOSSIER_STORE_POSTGRES_H_

#include <libpq-fe.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::store::pg {

// Text PostgreSQL accepts: valid UTF-8 without NUL. Each byte that is neither (a NUL, or a byte of
// an invalid sequence) becomes '?', so byte offsets into the text stay what they were.
std::string ValidText(std::string_view s);
bool IsValidText(std::string_view s);

// Parameters of one statement, in order ($1, $2, ...), in PostgreSQL's text format.
class Params {
 public:
  Params& Text(std::string_view v);
  Params& TextOrNull(std::string_view v) { return v.empty() ? Null() : Text(v); }
  Params& Int(int64_t v) { return Raw(std::to_string(v)); }
  Params& Real(double v);
  Params& Null();
  Params& Raw(std::string v);  // already in PostgreSQL's text form (a number, an array literal)
  size_t size() const { return values_.size(); }
  const char* const* values() const;

 private:
  std::vector<std::optional<std::string>> values_;
  mutable std::vector<const char*> ptrs_;
};

// One column of rows as an array literal ('{1,2,NULL}', '{"a","b\"c"}'), bound as one parameter
// and taken apart by unnest() on the server.
class ArrayBuilder {
 public:
  void Text(std::string_view v);
  void TextOrNull(std::string_view v) {
    if (v.empty()) Null();
    else Text(v);
  }
  void Int(int64_t v) { Raw(std::to_string(v)); }
  void Real(double v);
  void Null() { Raw("NULL"); }
  std::string Take();  // the literal; the builder is empty again
  bool empty() const { return s_.empty(); }

 private:
  void Raw(std::string_view v);
  std::string s_;
};

class Result {
 public:
  Result() = default;
  explicit Result(PGresult* r) : r_(r) {}
  ~Result() { PQclear(r_); }
  Result(const Result&) = delete;
  Result& operator=(const Result&) = delete;
  Result(Result&& o) noexcept : r_(o.r_) { o.r_ = nullptr; }
  Result& operator=(Result&& o) noexcept;

  int rows() const { return r_ ? PQntuples(r_) : 0; }
  bool IsNull(int row, int col) const { return PQgetisnull(r_, row, col); }
  std::string_view Text(int row, int col) const {
    return std::string_view(PQgetvalue(r_, row, col), static_cast<size_t>(PQgetlength(r_, row, col)));
  }
  std::string Str(int row, int col) const { return std::string(Text(row, col)); }
  int64_t Int(int row, int col) const;
  double Real(int row, int col) const;
  bool Bool(int row, int col) const { return Text(row, col) == "t"; }

 private:
  PGresult* r_ = nullptr;
};

class Conn {
 public:
  Conn() = default;
  ~Conn();
  Conn(const Conn&) = delete;
  Conn& operator=(const Conn&) = delete;

  // `url`: postgresql://... or postgres://... (libpq's connection URI).
  bool Open(const std::string& url, std::string* error);
  // Statements without parameters (schema, transaction control). Never pass data in `sql`.
  bool Exec(const char* sql, std::string* error);
  // A statement with bound parameters; false with `error` on failure.
  bool Query(const char* sql, const Params& params, Result* out, std::string* error);
  bool Run(const char* sql, const Params& params, std::string* error) {
    Result ignored;
    return Query(sql, params, &ignored, error);
  }
  // A prepared statement (prepared once per connection on first use), for the hot paths.
  bool QueryPrepared(const char* name, const char* sql, const Params& params, Result* out, std::string* error);
  bool InTransaction() const { return PQtransactionStatus(c_) != PQTRANS_IDLE; }
  PGconn* get() const { return c_; }

 private:
  bool Check(PGresult* r, Result* out, std::string* error);
  PGconn* c_ = nullptr;
  std::vector<std::string> prepared_;
};

// BEGIN (with SAVEPOINT when already in one) on construction; rolls back in the destructor unless
// Commit() succeeded.
class Transaction {
 public:
  Transaction(Conn& c, std::string* error);
  ~Transaction();
  bool ok() const { return ok_; }
  bool Commit(std::string* error);

 private:
  Conn& c_;
  bool ok_ = false, done_ = false, nested_ = false;
};

}  // namespace dossier::store::pg

#endif  // DOSSIER_STORE_POSTGRES_H_
