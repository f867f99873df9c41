// libpq, loaded the first time a PostgreSQL function is called instead of at process start.
//
// Why: libpq.so.5 brings 25 shared libraries with it (OpenSSL, Kerberos, LDAP, GnuTLS, p11-kit...);
// mapping and initialising them cost every `dossier` process about 16 ms of CPU and 240 page faults
// (measured with `perf stat` on a program that only links them), although only `--db
// postgresql://...` ever talks to a server. `dossier extract` on a hundred pages takes about 0.2 s,
// so that was a tenth of it.
//
// How: this file defines the libpq functions the store calls (src/store/postgres.*), with the
// signatures of <libpq-fe.h> so the compiler checks them, and each forwards to the real function
// looked up with dlsym in libpq.so.5, opened once on first use. The library is not linked, so a new
// PQ* call in the store fails at link time until it is added here. When libpq.so.5 cannot be
// opened, PQconnectdb returns nullptr and PQstatus/PQerrorMessage say so: the store's usual
// "cannot connect" path.
#include <dlfcn.h>
#include <libpq-fe.h>

#include <mutex>

namespace {

struct Libpq {
  bool loaded = false;
  decltype(&::PQconnectdb) connectdb = nullptr;
  decltype(&::PQstatus) status = nullptr;
  decltype(&::PQerrorMessage) error_message = nullptr;
  decltype(&::PQfinish) finish = nullptr;
  decltype(&::PQsetNoticeProcessor) set_notice_processor = nullptr;
  decltype(&::PQsetClientEncoding) set_client_encoding = nullptr;
  decltype(&::PQtransactionStatus) transaction_status = nullptr;
  decltype(&::PQexec) exec = nullptr;
  decltype(&::PQexecParams) exec_params = nullptr;
  decltype(&::PQprepare) prepare = nullptr;
  decltype(&::PQexecPrepared) exec_prepared = nullptr;
  decltype(&::PQresultStatus) result_status = nullptr;
  decltype(&::PQresultErrorMessage) result_error_message = nullptr;
  decltype(&::PQclear) clear = nullptr;
  decltype(&::PQntuples) ntuples = nullptr;
  decltype(&::PQgetvalue) getvalue = nullptr;
  decltype(&::PQgetlength) getlength = nullptr;
  decltype(&::PQgetisnull) getisnull = nullptr;
};

template <typename F>
bool Bind(void* handle, const char* name, F* out) {
  *out = reinterpret_cast<F>(dlsym(handle, name));
  return *out != nullptr;
}

const Libpq& Lib() {
  static Libpq lib;
  static std::once_flag once;
  std::call_once(once, [] {
    void* h = dlopen("libpq.so.5", RTLD_NOW | RTLD_LOCAL);
    if (h == nullptr) return;
    lib.loaded = Bind(h, "PQconnectdb", &lib.connectdb) && Bind(h, "PQstatus", &lib.status) &&
                 Bind(h, "PQerrorMessage", &lib.error_message) && Bind(h, "PQfinish", &lib.finish) &&
                 Bind(h, "PQsetNoticeProcessor", &lib.set_notice_processor) &&
                 Bind(h, "PQsetClientEncoding", &lib.set_client_encoding) &&
                 Bind(h, "PQtransactionStatus", &lib.transaction_status) && Bind(h, "PQexec", &lib.exec) &&
                 Bind(h, "PQexecParams", &lib.exec_params) && Bind(h, "PQprepare", &lib.prepare) &&
                 Bind(h, "PQexecPrepared", &lib.exec_prepared) && Bind(h, "PQresultStatus", &lib.result_status) &&
                 Bind(h, "PQresultErrorMessage", &lib.result_error_message) && Bind(h, "PQclear", &lib.clear) &&
                 Bind(h, "PQntuples", &lib.ntuples) && Bind(h, "PQgetvalue", &lib.getvalue) &&
                 Bind(h, "PQgetlength", &lib.getlength) && Bind(h, "PQgetisnull", &lib.getisnull);
  });
  return lib;
}

char kNotLoaded[] = "libpq.so.5 could not be loaded (install libpq5)";

}  // namespace

extern "C" {

// Connections. Without the library there is no connection: nullptr, which the functions below
// treat as libpq treats it.
PGconn* PQconnectdb(const char* conninfo) { return Lib().loaded ? Lib().connectdb(conninfo) : nullptr; }
ConnStatusType PQstatus(const PGconn* conn) {
  return conn != nullptr && Lib().loaded ? Lib().status(conn) : CONNECTION_BAD;
}
char* PQerrorMessage(const PGconn* conn) {
  return conn != nullptr && Lib().loaded ? Lib().error_message(conn) : kNotLoaded;
}
void PQfinish(PGconn* conn) {
  if (conn != nullptr && Lib().loaded) Lib().finish(conn);
}
PQnoticeProcessor PQsetNoticeProcessor(PGconn* conn, PQnoticeProcessor proc, void* arg) {
  return conn != nullptr && Lib().loaded ? Lib().set_notice_processor(conn, proc, arg) : nullptr;
}
int PQsetClientEncoding(PGconn* conn, const char* encoding) {
  return conn != nullptr && Lib().loaded ? Lib().set_client_encoding(conn, encoding) : -1;
}
PGTransactionStatusType PQtransactionStatus(const PGconn* conn) {
  return conn != nullptr && Lib().loaded ? Lib().transaction_status(conn) : PQTRANS_UNKNOWN;
}

// Statements and results: only reachable with a connection, so the library is there.
PGresult* PQexec(PGconn* conn, const char* query) { return Lib().exec(conn, query); }
PGresult* PQexecParams(PGconn* conn, const char* command, int n_params, const Oid* param_types,
                       const char* const* param_values, const int* param_lengths, const int* param_formats,
                       int result_format) {
  return Lib().exec_params(conn, command, n_params, param_types, param_values, param_lengths, param_formats,
                           result_format);
}
PGresult* PQprepare(PGconn* conn, const char* stmt_name, const char* query, int n_params, const Oid* param_types) {
  return Lib().prepare(conn, stmt_name, query, n_params, param_types);
}
PGresult* PQexecPrepared(PGconn* conn, const char* stmt_name, int n_params, const char* const* param_values,
                         const int* param_lengths, const int* param_formats, int result_format) {
  return Lib().exec_prepared(conn, stmt_name, n_params, param_values, param_lengths, param_formats, result_format);
}
ExecStatusType PQresultStatus(const PGresult* res) {
  return Lib().loaded ? Lib().result_status(res) : PGRES_FATAL_ERROR;
}
char* PQresultErrorMessage(const PGresult* res) {
  return Lib().loaded ? Lib().result_error_message(res) : kNotLoaded;
}
void PQclear(PGresult* res) {
  if (res != nullptr && Lib().loaded) Lib().clear(res);
}
int PQntuples(const PGresult* res) { return Lib().ntuples(res); }
char* PQgetvalue(const PGresult* res, int tup_num, int field_num) { return Lib().getvalue(res, tup_num, field_num); }
int PQgetlength(const PGresult* res, int tup_num, int field_num) { return Lib().getlength(res, tup_num, field_num); }
int PQgetisnull(const PGresult* res, int tup_num, int field_num) { return Lib().getisnull(res, tup_num, field_num); }

}  // extern "C"
