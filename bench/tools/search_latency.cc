// Search latency of the corpus store: a fixed set of typical queries (plain words, phrases,
// prefixes, OR, exclusions, and the same with entity / speaker / site / date filters) run
// against a corpus, each timed in-process; prints p50/p95/p99 over every run after a warm-up pass.
// Then the entity page (`GetEntity` with the API's default of 50 items) for the most named people
// and for entities spread over the id range, with its own percentiles.
//
//   build/dossier_search_latency CORPUS.db [ROUNDS=5]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "dossier/corpus_store.h"

using namespace dossier;

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s CORPUS.db [ROUNDS]\n", argv[0]);
    return 2;
  }
  const int rounds = argc > 2 ? std::atoi(argv[2]) : 5;
  std::string error;
  StoreOptions options;
  options.create = false;
  auto store = OpenCorpusStore(argv[1], options, &error);
  if (!store) {
    std::fprintf(stderr, "%s\n", error.c_str());
    return 1;
  }
  // Filters use the corpus's own most named people, so the set is typical of any corpus.
  std::vector<StoredEntity> people;
  EntityListRequest top;
  top.type = "PER";
  top.sort = "documents";
  top.limit = 3;
  if (!store->ListEntities(top, &people, &error) || people.size() < 3) {
    std::fprintf(stderr, "need three people in the corpus: %s\n", error.c_str());
    return 1;
  }
  // Speakers: of the 40 most named people, the three with the most quotes (the most named are
  // often not quoted at all, which makes a speaker filter trivially fast).
  std::vector<StoredEntity> named;
  top.limit = 40;
  if (!store->ListEntities(top, &named, &error)) return 1;
  std::vector<std::pair<size_t, std::string>> speakers;
  for (const StoredEntity& p : named) {
    std::vector<QuoteHit> quotes;
    if (!store->QuotesBySpeaker(p.name, 0, &quotes, &error)) return 1;
    if (!quotes.empty()) speakers.push_back({quotes.size(), p.name});
  }
  std::sort(speakers.rbegin(), speakers.rend());
  if (speakers.size() > 3) speakers.resize(3);
  std::vector<SearchRequest> queries;
  auto add = [&](std::string q, auto&& set) {
    SearchRequest r;
    r.query = std::move(q);
    set(r);
    queries.push_back(std::move(r));
  };
  auto none = [](SearchRequest&) {};
  for (const char* q : {"government", "police", "said", "election", "economy growth", "hospital patients",
                        "\"prime minister\"", "\"climate change\"", "\"interest rates\"", "invest*",
                        "war OR conflict", "football -match", "president said", "court ruling appeal",
                        "energy prices", "school teachers strike"})
    add(q, none);
  for (const StoredEntity& p : people) {
    add("said", [&](SearchRequest& r) { r.entity = p.name; });
    add("government", [&](SearchRequest& r) { r.entity = p.name; });
    add("", [&](SearchRequest& r) { r.entity = p.name; });
    add("said", [&](SearchRequest& r) { r.speaker = p.name; });
  }
  for (const auto& [count, name] : speakers) {
    std::printf("speaker %s: %zu quotes\n", name.c_str(), count);
    add("said", [&](SearchRequest& r) { r.speaker = name; });
    add("", [&](SearchRequest& r) { r.speaker = name; });
  }
  add("police", [](SearchRequest& r) { r.published_from = "2025-01-01", r.published_to = "2025-03-31"; });
  add("election", [](SearchRequest& r) { r.site = "BBC News"; });
  add("\"prime minister\"", [](SearchRequest& r) { r.site = "Sky News", r.published_from = "2024-06-01"; });
  add("", [](SearchRequest& r) { r.published_from = "2025-05-01", r.published_to = "2025-05-07"; });
  add("economy", [](SearchRequest& r) { r.type = "html"; });

  std::vector<double> ms;
  size_t total_hits = 0;
  for (int round = 0; round <= rounds; ++round) {
    for (const SearchRequest& r : queries) {
      std::vector<SearchHit> hits;
      const auto t0 = std::chrono::steady_clock::now();
      if (!store->Search(r, &hits, &error)) {
        std::fprintf(stderr, "query '%s': %s\n", r.query.c_str(), error.c_str());
        return 1;
      }
      const double t = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
      if (round > 0) ms.push_back(t);  // round 0 warms the page cache
      if (round == 1) {
        total_hits += hits.size();
        std::printf("%8.2f ms  %2zu hits  %s%s%s%s%s\n", t, hits.size(), r.query.c_str(),
                    r.entity.empty() ? "" : ("  --entity " + r.entity).c_str(),
                    r.speaker.empty() ? "" : ("  --speaker " + r.speaker).c_str(),
                    r.site.empty() ? "" : ("  --site " + r.site).c_str(),
                    r.published_from.empty() ? "" : ("  --from " + r.published_from).c_str());
      }
    }
  }
  std::sort(ms.begin(), ms.end());
  auto pct = [&](double p) { return ms[std::min(ms.size() - 1, static_cast<size_t>(p * ms.size()))]; };
  std::printf("%zu queries x %d rounds: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms\n", queries.size(), rounds,
              pct(0.50), pct(0.95), pct(0.99), ms.back());

  // Entity pages: the 10 most named people, and 10 entities spread over the id range.
  std::vector<int64_t> ids;
  for (size_t i = 0; i < named.size() && i < 10; ++i) ids.push_back(named[i].id);
  StoreStats stats;
  if (!store->Stats(&stats, &error)) return 1;
  for (int64_t k = 0; k < 10 && stats.corpus_entities > 0; ++k)
    ids.push_back(static_cast<int64_t>(stats.corpus_entities) * k / 10);
  ms.clear();
  for (int round = 0; round <= rounds; ++round) {
    for (int64_t id : ids) {
      EntityDetail detail;
      const auto t0 = std::chrono::steady_clock::now();
      if (!store->GetEntity(id, 50, &detail, &error)) {
        std::fprintf(stderr, "entity %lld: %s\n", static_cast<long long>(id), error.c_str());
        return 1;
      }
      const double t = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
      if (round > 0) ms.push_back(t);
      if (round == 1)
        std::printf("%8.2f ms  entity page %lld %s (%u documents)\n", t, static_cast<long long>(id),
                    detail.entity.name.c_str(), detail.entity.documents);
    }
  }
  std::sort(ms.begin(), ms.end());
  std::printf("%zu entity pages x %d rounds: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms\n", ids.size(), rounds,
              pct(0.50), pct(0.95), pct(0.99), ms.back());

  // Timelines (the API's default of 200 events): the whole corpus, the most named people, and one
  // document and one story of it.
  std::vector<TimelineRequest> timelines(1);
  for (size_t i = 0; i < named.size() && i < 5; ++i) {
    timelines.emplace_back();
    timelines.back().entity = named[i].name;
  }
  for (int story = -1; story <= 0; ++story) {
    timelines.emplace_back();
    timelines.back().doc_id = static_cast<int64_t>(stats.documents / 2);
    timelines.back().story = story;
  }
  ms.clear();
  for (int round = 0; round <= rounds; ++round) {
    for (const TimelineRequest& r : timelines) {
      std::vector<CorpusTimelineEvent> events;
      const auto t0 = std::chrono::steady_clock::now();
      if (!store->Timeline(r, &events, &error)) {
        std::fprintf(stderr, "timeline: %s\n", error.c_str());
        return 1;
      }
      const double t = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
      if (round > 0) ms.push_back(t);
      if (round == 1)
        std::printf("%8.2f ms  timeline %3zu events  entity '%s' doc %lld story %d\n", t, events.size(),
                    r.entity.c_str(), static_cast<long long>(r.doc_id), r.story);
    }
  }
  std::sort(ms.begin(), ms.end());
  std::printf("%zu timelines x %d rounds: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms\n", timelines.size(),
              rounds, pct(0.50), pct(0.95), pct(0.99), ms.back());
  return 0;
}
