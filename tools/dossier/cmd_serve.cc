// `dossier serve --db PATH [--port N]`: the corpus's JSON API and web UI over HTTP (Debian's
// cpp-httplib), on the loopback interface unless told otherwise. The answers come from CorpusApi
// (include/dossier/corpus_api.h); this file only wires it to sockets.
#include <csignal>
#include <iostream>
#include <memory>

#include <httplib.h>

#include "commands.h"
#include "corpus_open.h"
#include "dossier/corpus_api.h"

namespace dossier::cli {
namespace {

struct ServeFlags {
  std::string db = std::string(kDefaultCorpusPath);
  std::string host = "127.0.0.1";
  int port = 8080;
  int threads = 8;
};

httplib::Server* g_server = nullptr;

void StopOnSignal(int) {
  if (g_server) g_server->stop();
}

// Headers on every answer: the page runs only its own script and style, and nothing is sniffed.
void SecurityHeaders(httplib::Response& res) {
  res.set_header("Content-Security-Policy",
                 "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
                 "base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Referrer-Policy", "no-referrer");
  res.set_header("Cache-Control", "no-store");
}

int Serve(const ServeFlags& flags) {
  std::string error;
  {
    // Corpus entities left stale by an interrupted `index` are relinked once, before serving.
    auto store = OpenExistingCorpus(flags.db, &error);
    if (!store) {
      std::cerr << "dossier serve: " << error << "\n";
      return 1;
    }
    if (CorpusWritable(flags.db) && store->EntitiesStale() && !store->RelinkEntities(&error)) {
      std::cerr << "dossier serve: " << error << "\n";
      return 1;
    }
  }
  const std::string db = flags.db;
  httplib::Server server;
  server.new_task_queue = [n = flags.threads] { return new httplib::ThreadPool(static_cast<size_t>(n)); };
  server.set_tcp_nodelay(true);  // small JSON answers: without it, Nagle + delayed ACK add ~40 ms each
  // A connection gives up its thread after a few requests, so that a thousand clients all get served.
  server.set_keep_alive_max_count(8);
  server.set_keep_alive_timeout(2);
  server.set_read_timeout(5);
  server.set_payload_max_length(64 * 1024);
  auto handle = [db](const httplib::Request& req, httplib::Response& res) {
    // One read-only connection per server thread: neither SQLite connections nor libpq ones are
    // shared across threads.
    thread_local std::unique_ptr<CorpusStore> store;
    thread_local std::unique_ptr<CorpusApi> api;
    if (!api) {
      StoreOptions options;
      options.read_only = true;
      options.create = false;
      std::string open_error;
      store = OpenCorpusStore(db, options, &open_error);
      if (!store) {
        res.status = 503;
        res.set_content("{\"error\":\"the corpus cannot be opened\"}", "application/json");
        return;
      }
      api = std::make_unique<CorpusApi>(store.get());
    }
    ApiParams params(req.params.begin(), req.params.end());
    ApiResponse answer = api->Handle(req.method, req.path, params);
    res.status = answer.status;
    SecurityHeaders(res);
    res.set_content(std::move(answer.body), answer.content_type.c_str());
  };
  server.Get(".*", handle);
  // Malformed requests httplib rejects itself still get a JSON error.
  server.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return;
    SecurityHeaders(res);
    res.set_content("{\"error\":\"" + std::to_string(res.status) + "\"}", "application/json");
  });
  int port = flags.port;
  if (port == 0) {
    port = server.bind_to_any_port(flags.host);
  } else if (!server.bind_to_port(flags.host, port)) {
    port = -1;
  }
  if (port < 0) {
    std::cerr << "dossier serve: cannot listen on " << flags.host << ":" << flags.port << "\n";
    return 1;
  }
  g_server = &server;
  std::signal(SIGINT, StopOnSignal);
  std::signal(SIGTERM, StopOnSignal);
  std::cerr << "dossier serve: http://" << flags.host << ":" << port << "/ (corpus " << flags.db << ")" << std::endl;
  const bool ok = server.listen_after_bind();
  g_server = nullptr;
  return ok ? 0 : 1;
}

}  // namespace

Runner AddServe(CLI::App& app) {
  auto flags = std::make_shared<ServeFlags>();
  CLI::App* cmd = app.add_subcommand(
      "serve",
      "Serve the corpus: a web UI (search with facets, documents with entities, quotes and dates marked, entity, "
      "quote and timeline pages) and its JSON API (docs/corpus-api.md), on 127.0.0.1 by default");
  cmd->add_option("--db", flags->db, "the corpus database file (default: dossier.db)");
  cmd->add_option("--port", flags->port, "the port (default 8080; 0 picks a free one, printed on stderr)")
      ->check(CLI::Range(0, 65535));
  cmd->add_option("--host", flags->host, "the address to listen on (default 127.0.0.1: this machine only)");
  cmd->add_option("--threads", flags->threads, "request threads (default 8)")->check(CLI::Range(1, 256));
  return [cmd, flags]() -> int {
    if (!cmd->parsed()) return -1;
    return Serve(*flags);
  };
}

}  // namespace dossier::cli
