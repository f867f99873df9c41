// The PostgreSQL implementation of CorpusStore (a team's server). Hidden behind OpenCorpusStore /
// OpenPostgresCorpusStore; writing is in postgres_store_write.cc, the questions in
// postgres_store_read.cc. It answers exactly as SqliteCorpusStore does, except for the full-text
// ranking and snippets (PostgreSQL's ts_rank and ts_headline; docs/corpus-store.md).
#ifndef DOSSIER_STORE_POSTGRES_STORE_H_
#define DOSSIER_STORE_POSTGRES_STORE_H_

#include <string>

#include "dossier/corpus_store.h"
#include "store/postgres.h"

namespace dossier::store {

class PostgresCorpusStore final : public CorpusStore {
 public:
  explicit PostgresCorpusStore(const StoreOptions& options) : options_(options) {}
  ~PostgresCorpusStore() override;
  bool Open(const std::string& url, std::string* error);

  bool ContentHashes(std::unordered_map<std::string, std::string>* out, std::string* error) override;
  bool Put(const CorpusDocument& doc, PutResult* result, std::string* error) override;
  bool Commit(std::string* error) override;
  bool Remove(const std::string& path, std::string* error) override;
  bool RelinkEntities(std::string* error) override;
  bool EntitiesStale() override;

  bool Search(const SearchRequest& request, std::vector<SearchHit>* hits, std::string* error) override;
  bool ListEntities(const EntityListRequest& request, std::vector<StoredEntity>* out, std::string* error) override;
  bool FindEntities(const std::string& alias, std::vector<int64_t>* ids, std::string* error) override;
  bool GetDocument(int64_t doc_id, CorpusDocument* out, std::string* error) override;
  bool GetEntity(int64_t entity_id, uint32_t max_items, EntityDetail* out, std::string* error) override;
  bool QuotesBySpeaker(const std::string& speaker, uint32_t limit, std::vector<QuoteHit>* out,
                       std::string* error) override;
  bool Timeline(const TimelineRequest& request, std::vector<CorpusTimelineEvent>* out, std::string* error) override;
  bool Stats(StoreStats* out, std::string* error) override;

 private:
  bool BeginBatch(std::string* error);
  bool DeleteRows(int64_t doc_id, std::string* error);
  bool InsertRows(int64_t doc_id, const CorpusDocument& doc, std::string* error);
  // Entity questions on a stale corpus relink first when they can.
  bool FreshEntities(std::string* error);
  bool LoadEntity(int64_t id, StoredEntity* out, std::string* error);

  StoreOptions options_;
  pg::Conn c_;
  int schema_version_ = 0;
  bool in_batch_ = false;
  uint32_t batch_count_ = 0;
  bool stale_marked_ = false;
  uint64_t puts_ = 0;
};

}  // namespace dossier::store

#endif  // DOSSIER_STORE_POSTGRES_STORE_H_
