#include "store/postgres.h"

#include <cstdio>
#include <cstdlib>

namespace dossier::store::pg {
namespace {

// The length of the valid UTF-8 sequence at s[i] (PostgreSQL's rules: no overlong forms, no
// surrogates, nothing above U+10FFFF), or 0.
size_t Utf8SequenceLength(std::string_view s, size_t i) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  if (c != 0 && c < 0x80) return 1;
  size_t n;
  unsigned lo = 0x80, hi = 0xbf;  // the allowed range of the second byte
  if (c >= 0xc2 && c <= 0xdf) n = 2;
  else if (c >= 0xe0 && c <= 0xef) {
    n = 3;
    if (c == 0xe0) lo = 0xa0;
    if (c == 0xed) hi = 0x9f;
  } else if (c >= 0xf0 && c <= 0xf4) {
    n = 4;
    if (c == 0xf0) lo = 0x90;
    if (c == 0xf4) hi = 0x8f;
  } else {
    return 0;
  }
  if (i + n > s.size() || b(i + 1) < lo || b(i + 1) > hi) return 0;
  for (size_t k = 2; k < n; ++k)
    if (b(i + k) < 0x80 || b(i + k) > 0xbf) return 0;
  return n;
}

// The first line of a libpq error, without its "ERROR:  " prefix.
std::string OneLine(const char* msg) {
  std::string s = msg ? msg : "postgresql error";
  if (s.rfind("ERROR:  ", 0) == 0) s.erase(0, 8);
  if (s.rfind("FATAL:  ", 0) == 0) s.erase(0, 8);
  const size_t nl = s.find('\n');
  if (nl != std::string::npos) s.resize(nl);
  return s;
}

void IgnoreNotice(void*, const char*) {}

}  // namespace

bool IsValidText(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const size_t n = Utf8SequenceLength(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

std::string ValidText(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const size_t n = Utf8SequenceLength(s, i);
    if (n == 0) {
      out.push_back('?');
      ++i;
    } else {
      out.append(s.substr(i, n));
      i += n;
    }
  }
  return out;
}

Params& Params::Text(std::string_view v) {
  values_.emplace_back(IsValidText(v) ? std::string(v) : ValidText(v));
  return *this;
}

Params& Params::Real(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return Raw(buf);
}

Params& Params::Null() {
  values_.emplace_back(std::nullopt);
  return *this;
}

Params& Params::Raw(std::string v) {
  values_.emplace_back(std::move(v));
  return *this;
}

const char* const* Params::values() const {
  ptrs_.clear();
  for (const auto& v : values_) ptrs_.push_back(v ? v->c_str() : nullptr);
  return ptrs_.data();
}

void ArrayBuilder::Raw(std::string_view v) {
  s_.push_back(s_.empty() ? '{' : ',');
  s_.append(v);
}

void ArrayBuilder::Text(std::string_view v) {
  s_.push_back(s_.empty() ? '{' : ',');
  s_.push_back('"');
  const bool valid = IsValidText(v);
  const std::string fixed = valid ? std::string() : ValidText(v);
  for (char c : valid ? v : std::string_view(fixed)) {
    if (c == '"' || c == '\\') s_.push_back('\\');
    s_.push_back(c);
  }
  s_.push_back('"');
}

void ArrayBuilder::Real(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  Raw(buf);
}

std::string ArrayBuilder::Take() {
  std::string out = s_.empty() ? std::string("{}") : std::move(s_) + "}";
  s_.clear();
  return out;
}

Result& Result::operator=(Result&& o) noexcept {
  if (this != &o) {
    PQclear(r_);
    r_ = o.r_;
    o.r_ = nullptr;
  }
  return *this;
}

int64_t Result::Int(int row, int col) const { return std::strtoll(PQgetvalue(r_, row, col), nullptr, 10); }
double Result::Real(int row, int col) const { return std::strtod(PQgetvalue(r_, row, col), nullptr); }

Conn::~Conn() {
  if (c_) PQfinish(c_);
}

bool Conn::Open(const std::string& url, std::string* error) {
  c_ = PQconnectdb(url.c_str());
  if (!c_ || PQstatus(c_) != CONNECTION_OK) {
    *error = OneLine(c_ ? PQerrorMessage(c_) : "cannot connect");
    if (error->rfind("connection to server", 0) != 0) *error = "connection to server failed: " + *error;
    return false;
  }
  // Notices (an empty tsquery, an existing table) are not errors; the CLI's stderr stays clean.
  PQsetNoticeProcessor(c_, IgnoreNotice, nullptr);
  if (PQsetClientEncoding(c_, "UTF8") != 0) {
    *error = "the server cannot speak UTF-8";
    return false;
  }
  return true;
}

bool Conn::Check(PGresult* r, Result* out, std::string* error) {
  const ExecStatusType st = PQresultStatus(r);
  if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) {
    *out = Result(r);
    return true;
  }
  *error = OneLine(r ? PQresultErrorMessage(r) : PQerrorMessage(c_));
  PQclear(r);
  return false;
}

bool Conn::Exec(const char* sql, std::string* error) {
  Result ignored;
  return Check(PQexec(c_, sql), &ignored, error);
}

bool Conn::Query(const char* sql, const Params& params, Result* out, std::string* error) {
  return Check(PQexecParams(c_, sql, static_cast<int>(params.size()), nullptr, params.values(), nullptr, nullptr, 0),
               out, error);
}

bool Conn::QueryPrepared(const char* name, const char* sql, const Params& params, Result* out, std::string* error) {
  bool known = false;
  for (const std::string& p : prepared_) known = known || p == name;
  if (!known) {
    Result ignored;
    if (!Check(PQprepare(c_, name, sql, static_cast<int>(params.size()), nullptr), &ignored, error)) return false;
    prepared_.emplace_back(name);
  }
  return Check(PQexecPrepared(c_, name, static_cast<int>(params.size()), params.values(), nullptr, nullptr, 0), out,
               error);
}

Transaction::Transaction(Conn& c, std::string* error) : c_(c) {
  // Nested use (a document inside a batch) gets a savepoint: the document is all or nothing.
  nested_ = c.InTransaction();
  ok_ = c.Exec(nested_ ? "SAVEPOINT doc" : "BEGIN", error);
}

Transaction::~Transaction() {
  if (ok_ && !done_) {
    std::string ignored;
    if (nested_) c_.Exec("ROLLBACK TO SAVEPOINT doc; RELEASE SAVEPOINT doc", &ignored);
    else c_.Exec("ROLLBACK", &ignored);
  }
}

bool Transaction::Commit(std::string* error) {
  if (!ok_ || done_) return false;
  if (!c_.Exec(nested_ ? "RELEASE SAVEPOINT doc" : "COMMIT", error)) return false;
  done_ = true;
  return true;
}

}  // namespace dossier::store::pg
