// The SQLite implementation of CorpusStore (one file, WAL, FTS5). Hidden behind
// OpenSqliteCorpusStore; writing is in sqlite_store_write.cc, the questions in sqlite_store_read.cc.
#ifndef DOSSIER_STORE_SQLITE_STORE_H_
#define DOSSIER_STORE_SQLITE_STORE_H_

#include <string>

#include "dossier/corpus_store.h"
#include "store/sqlite.h"
#include "store/store_text.h"

namespace dossier::store {

class SqliteCorpusStore final : public CorpusStore {
 public:
  explicit SqliteCorpusStore(const StoreOptions& options) : options_(options) {}
  ~SqliteCorpusStore() override;
  bool Open(const std::string& path, std::string* error);

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
  bool PrepareWriters(std::string* error);
  bool BeginBatch(std::string* error);
  bool DeleteRows(int64_t doc_id, std::string* error);
  bool InsertRows(int64_t doc_id, const CorpusDocument& doc, std::string* error);
  // Entity questions on a stale corpus relink first when they can.
  bool FreshEntities(std::string* error);
  bool LoadEntity(int64_t id, StoredEntity* out, std::string* error);
  // The input range of a story of a document (its blocks' source offsets); found false if none.
  bool StoryRange(int64_t doc_id, int32_t story, uint64_t* begin, uint64_t* end, bool* found, std::string* error);

  StoreOptions options_;
  Db db_;
  bool in_batch_ = false;
  uint32_t batch_count_ = 0;
  bool stale_marked_ = false;
  uint64_t puts_ = 0;
  struct Writers;
  Writers* w_ = nullptr;
};

}  // namespace dossier::store

#endif  // DOSSIER_STORE_SQLITE_STORE_H_
