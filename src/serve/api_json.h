// The JSON bodies of the corpus API (CorpusApi), one function per answer.
#ifndef DOSSIER_SERVE_API_JSON_H_
#define DOSSIER_SERVE_API_JSON_H_

#include <string>
#include <vector>

#include "dossier/corpus_store.h"
#include "serve/json_builder.h"

namespace dossier::serve {

std::string StatsJson(const StoreStats& stats);
// `hits` is the page asked for; `top` the best hits (up to 200) that facets are counted over.
std::string SearchJson(const SearchRequest& request, const std::vector<SearchHit>& hits,
                       const std::vector<SearchHit>& top);
// `corpus_ids` runs parallel to doc.entities: the corpus entity of each (-1 when not known).
std::string DocumentJson(int64_t id, const CorpusDocument& doc, const std::vector<int64_t>& corpus_ids);
std::string EntitiesJson(const std::vector<StoredEntity>& entities);
// One corpus entity as an object: the line `dossier entities` writes and each item of EntitiesJson.
std::string StoredEntityJson(const StoredEntity& entity);
std::string EntityDetailJson(const EntityDetail& detail);
std::string QuotesJson(const std::string& speaker, const std::vector<QuoteHit>& quotes);
std::string TimelineJson(const std::string& entity, const std::vector<CorpusTimelineEvent>& events);

// Where `needle` occurs in `text` closest to `near` (canonical offsets), or npos. Quotes and time
// expressions are stored with input offsets; the document page needs them in the canonical text.
size_t FindNear(std::string_view text, std::string_view needle, size_t near);

}  // namespace dossier::serve

#endif  // DOSSIER_SERVE_API_JSON_H_
