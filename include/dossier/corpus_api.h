// The corpus's JSON API and web UI, independent of any HTTP library: a request (method, path,
// query parameters) goes in, a response (status, content type, body) comes out. `dossier serve`
// puts an HTTP server in front of it; the tests call it directly.
//
// Endpoints (all GET; documented in docs/corpus-api.md):
//   /api/stats                                   counts of the corpus
//   /api/search?q=&entity=&speaker=&type=&site=&from=&to=&limit=&offset=
//                                                ranked hits with snippets, and facets
//   /api/documents/ID                            one document: text, blocks, stories, entities with
//                                                their mentions, quotes, time expressions, amounts
//   /api/entities?type=&sort=&limit=&min_documents=
//   /api/entities/ID                             aliases, documents, co-occurring entities, quotes
//   /api/quotes?speaker=&limit=                  quotes of a speaker (any alias)
//   /api/timeline?entity=&limit=                 dated time expressions in date order
// Anything else under /api/ is a 404; a bad parameter is a 400; both with {"error": "..."}.
// Other paths serve the web UI's files (the page itself for "/").
#ifndef DOSSIER_CORPUS_API_H_
#define DOSSIER_CORPUS_API_H_

#include <map>
#include <string>
#include <string_view>

#include "dossier/corpus_store.h"

namespace dossier {

struct ApiResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
};

using ApiParams = std::multimap<std::string, std::string>;

class CorpusApi {
 public:
  // `store` must outlive the API; one CorpusApi per thread (a store is not shared across threads).
  explicit CorpusApi(CorpusStore* store) : store_(store) {}

  ApiResponse Handle(std::string_view method, std::string_view path, const ApiParams& params);

 private:
  CorpusStore* store_;
};

// The web UI's files ("/", "/app.js", "/style.css"); false when `path` is none of them.
bool WebAsset(std::string_view path, ApiResponse* out);

}  // namespace dossier

#endif  // DOSSIER_CORPUS_API_H_
