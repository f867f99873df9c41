// The corpus store: analysed documents kept, searched and browsed.
//
// CorpusStore is the interface every backend implements: SQLite (one file, the default;
// src/store/sqlite_*) and PostgreSQL (a team's server; src/store/postgres_*). OpenCorpusStore picks
// one by the --db argument. Callers never see SQL: they put CorpusDocuments (the stored form of
// an analysis, built from a Document or read back from `dossier analyze` JSON Lines) and ask
// questions (search, corpus entities, a document, an entity, quotes, a timeline).
//
// Guarantees of every backend: a document is written whole or not at all (its rows replace the old
// ones of the same path in one transaction); a path whose content hash is unchanged is not
// rewritten; whatever was committed survives a crash of the writer.
#ifndef DOSSIER_CORPUS_STORE_H_
#define DOSSIER_CORPUS_STORE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dossier/corpus_entities.h"
#include "dossier/document.h"

namespace dossier {

// One analysed document as the store keeps it: the canonical text once, and every span as offsets
// (canonical `begin`/`end` where the analysis JSON has them, input bytes `source_begin`/`source_end`
// always). Texts are kept only where they are not a slice of the canonical text's known offsets.
struct CorpusDocument {
  std::string path;          // as given to `analyze`/`index` ("-" for standard input); the key
  std::string content_hash;  // 32 hex digits: ContentHash of the input bytes (or of the JSON line)
  std::string format = "text";  // "text" (crude text) or "html"
  uint64_t size_bytes = 0;
  std::string encoding;
  // Page metadata (HTML); empty when unknown.
  std::string title, site, url, published, language, description, section;
  std::vector<std::string> bylines;
  std::string time_reference;  // the date relative expressions were resolved against, or ""
  std::string text;            // the canonical text: blocks joined by '\n'

  struct Block {
    BlockKind kind = BlockKind::kBody;
    int32_t story = kNoStory;
    uint32_t line = 0;
    uint32_t begin = 0, end = 0;
    uint64_t source_begin = 0, source_end = 0;
  };
  struct Story {
    std::string title;
    int32_t title_block = -1;
    uint32_t first_block = 0, last_block = 0;
    uint64_t source_begin = 0, source_end = 0;
  };
  struct Entity {  // its index is its id in the document
    EntityType type = EntityType::kMisc;
    std::string name;
  };
  struct Mention {
    uint32_t entity = 0;
    uint32_t begin = 0, end = 0;  // canonical; the text is text[begin, end)
    uint64_t source_begin = 0, source_end = 0;
    bool description = false;     // a description tied to the entity ("the US president")
  };
  struct Quote {
    QuoteType type = QuoteType::kDirect;
    std::string text;  // the content (a split quote's parts joined by a space)
    uint64_t source_begin = 0, source_end = 0;
    bool has_speaker = false;
    std::string speaker_text, speaker_name;  // as written; who it is ("" when unknown)
    int32_t speaker_entity = -1;             // the document's entity id, -1 when unknown
    uint64_t speaker_source_begin = 0, speaker_source_end = 0;
    std::string cue;                         // "" when none
    uint64_t cue_begin = 0, cue_end = 0;     // input bytes of the cue
  };
  struct Timex {
    TimexType type = TimexType::kDate;
    std::string text, value, mod;
    uint64_t source_begin = 0, source_end = 0;
  };
  struct Amount {
    AmountKind kind = AmountKind::kNumber;
    std::string text, unit, modifier;
    double value = 0, high = 0;
    bool has_high = false, approximate = false;
    uint64_t source_begin = 0, source_end = 0;
  };
  std::vector<Block> blocks;
  std::vector<Story> stories;
  std::vector<Entity> entities;
  std::vector<Mention> mentions;  // document order
  std::vector<Quote> quotes;
  std::vector<Timex> timexes;
  std::vector<Amount> amounts;
};

// 32 hex digits identifying `bytes` (two independent 64-bit hashes; for change detection, not
// cryptographic).
std::string ContentHash(std::string_view bytes);

// The stored form of an analysis. `content_hash` is left for the caller (the input bytes' hash).
CorpusDocument ToCorpusDocument(const Document& doc);

// Reads one line of `dossier analyze` JSON back into the stored form (content_hash: the line's).
// Returns false with a one-line reason when the line is not such a document.
bool ParseAnalysisJson(std::string_view line, CorpusDocument* out, std::string* error);
// Whether `bytes` look like `dossier analyze` JSON Lines (the first line is an object with a
// "schema_version" and "blocks"), told by content, not by the file's name.
bool LooksLikeAnalysisJsonLines(std::string_view bytes);

// The entity summaries CorpusEntityLinker needs, from a stored document (same as SummariseEntities
// on the Document it came from).
std::vector<EntitySummary> SummariseEntities(const CorpusDocument& doc);

// --- questions -----------------------------------------------------------------------------------

struct SearchRequest {
  // Words (all must occur), "quoted phrases", word* (prefix), a OR b, -word (must not occur).
  // Empty: every document that passes the filters, newest first.
  std::string query;
  std::string entity;   // documents naming the corpus entity with this alias (any alias, any case)
  std::string speaker;  // documents quoting the corpus entity with this alias, or a speaker so named
  std::string type;     // the document's format: "html" or "text"
  std::string site;     // exact site name (any case)
  std::string published_from, published_to;  // YYYY-MM-DD, inclusive; documents without a date fail
  uint32_t limit = 10, offset = 0;
  std::string mark_open = "[", mark_close = "]";  // around matched words in the snippet
  uint32_t snippet_words = 24;
};

struct SearchHit {
  int64_t doc_id = 0;
  std::string path, title, site, published, format;
  double score = 0;     // BM25 (higher is better; 0 without a query)
  std::string snippet;  // the best passage with matches marked
};

struct EntityListRequest {
  std::string type;            // "PER", "ORG", "LOC", "MISC", or "" for all
  uint32_t min_documents = 0;
  std::string sort = "id";     // "id", "mentions" or "documents" (most first)
  uint32_t limit = 0;          // 0: all
};

struct StoredEntity {
  int64_t id = 0;
  EntityType type = EntityType::kMisc;
  std::string name;
  std::vector<CorpusEntity::Alias> aliases;  // most used first
  uint32_t mentions = 0, documents = 0;
  uint32_t joined_by_name = 0, joined_by_surname = 0, joined_by_alias = 0;
};

struct QuoteHit {
  int64_t doc_id = 0;
  std::string path, title, published;
  CorpusDocument::Quote quote;
};

struct EntityDetail {
  StoredEntity entity;
  struct DocRef {
    int64_t doc_id;
    std::string path, title, published;
    uint32_t mentions;
  };
  std::vector<DocRef> documents;  // newest first
  struct CoOccurring {
    int64_t id;
    std::string name;
    EntityType type;
    uint32_t documents;  // documents naming both
  };
  std::vector<CoOccurring> co_occurring;  // most shared documents first
  // The documents co_occurring was counted over: all of the entity's, or its newest
  // kCoOccurrenceDocuments (by indexing order) when it is named in more.
  uint32_t co_occurring_over = 0;
  std::vector<QuoteHit> quotes;  // quotes it is the speaker of
};

// Co-occurring entities are counted over at most this many of an entity's documents (its newest):
// an entity named in 6,000 documents would otherwise take a second to count (400,000 member rows;
// pages with hundreds of entities cost ~0.3 ms each).
inline constexpr uint32_t kCoOccurrenceDocuments = 300;

// Which dated events a timeline lists; the filters combine.
struct TimelineRequest {
  std::string entity;   // documents naming the corpus entity with this alias; empty: every document
  int64_t doc_id = -1;  // only this document (-1: any)
  int32_t story = -1;   // with doc_id: only this story of it (its blocks' input range); -1: all of it
  uint32_t limit = 200;  // 0: no limit
};

struct CorpusTimelineEvent {
  std::string date;  // the time expression's value (a calendar date or month or year)
  int64_t doc_id = 0;
  std::string path, title;
  CorpusDocument::Timex timex;
};

struct StoreStats {
  uint64_t documents = 0, blocks = 0, entities = 0, mentions = 0, quotes = 0, timexes = 0, amounts = 0;
  uint64_t corpus_entities = 0;
  uint64_t text_bytes = 0;  // canonical text stored
  int schema_version = 0;
};

struct StoreOptions {
  bool read_only = false;
  bool create = true;  // create the file when it does not exist (false: a missing corpus is an error)
  uint32_t batch_documents = 256;  // documents per transaction while indexing
  // Called in the middle of writing each document (after some of its rows, before its commit),
  // with how many documents this process has put so far: the crash test kills the process there.
  std::function<void(uint64_t)> mid_document_hook;
};

enum class PutResult { kAdded, kReplaced, kUnchanged };

class CorpusStore {
 public:
  virtual ~CorpusStore() = default;

  // --- writing ---
  // Path -> content hash of every stored document (to skip unchanged inputs before analysing them).
  virtual bool ContentHashes(std::unordered_map<std::string, std::string>* out, std::string* error) = 0;
  // Stores `doc`, replacing a document of the same path unless its content hash is the same.
  // Writes go in transactions of StoreOptions::batch_documents; Commit() ends the current one.
  virtual bool Put(const CorpusDocument& doc, PutResult* result, std::string* error) = 0;
  virtual bool Commit(std::string* error) = 0;
  // Removes the document of `path`; false with no error when there is none.
  virtual bool Remove(const std::string& path, std::string* error) = 0;
  // Recomputes the corpus entities over every stored document (CorpusEntityLinker). Put marks them
  // stale; the questions about entities relink first when they are stale and the store is writable.
  virtual bool RelinkEntities(std::string* error) = 0;
  virtual bool EntitiesStale() = 0;

  // --- questions ---
  virtual bool Search(const SearchRequest& request, std::vector<SearchHit>* hits, std::string* error) = 0;
  virtual bool ListEntities(const EntityListRequest& request, std::vector<StoredEntity>* out,
                            std::string* error) = 0;
  // Corpus entity ids that have `alias` (any case) as an alias.
  virtual bool FindEntities(const std::string& alias, std::vector<int64_t>* ids, std::string* error) = 0;
  // One document by id (false with an empty error when there is none).
  virtual bool GetDocument(int64_t doc_id, CorpusDocument* out, std::string* error) = 0;
  virtual bool GetEntity(int64_t entity_id, uint32_t max_items, EntityDetail* out, std::string* error) = 0;
  // Quotes whose speaker is the corpus entity with this alias, or a speaker so named; newest first.
  virtual bool QuotesBySpeaker(const std::string& speaker, uint32_t limit, std::vector<QuoteHit>* out,
                               std::string* error) = 0;
  // Dated time expressions (values starting YYYY) in date order, of documents naming the entity
  // with this alias, and/or of one document or one story of it (TimelineRequest).
  virtual bool Timeline(const TimelineRequest& request, std::vector<CorpusTimelineEvent>* out,
                        std::string* error) = 0;
  virtual bool Stats(StoreStats* out, std::string* error) = 0;
};

// Opens (creating it on first use, and migrating an older schema) the SQLite corpus at `path`.
std::unique_ptr<CorpusStore> OpenSqliteCorpusStore(const std::string& path, const StoreOptions& options,
                                                   std::string* error);

// Opens (creating the corpus tables on first use, and migrating an older schema) the PostgreSQL
// corpus at `url` (postgresql://... or postgres://..., libpq's connection URI). The database itself
// must exist. StoreOptions::create false: a database without the corpus tables is an error.
std::unique_ptr<CorpusStore> OpenPostgresCorpusStore(const std::string& url, const StoreOptions& options,
                                                     std::string* error);

// Whether a --db argument names a PostgreSQL database (it starts with postgresql:// or postgres://)
// rather than a SQLite file.
bool IsPostgresUrl(std::string_view db);

// The one place the backend is chosen: PostgreSQL for a URL, otherwise the SQLite file at `db`.
std::unique_ptr<CorpusStore> OpenCorpusStore(const std::string& db, const StoreOptions& options,
                                             std::string* error);

// The default database file of `dossier index` when --db is not given.
inline constexpr std::string_view kDefaultCorpusPath = "dossier.db";

}  // namespace dossier

#endif  // DOSSIER_CORPUS_STORE_H_
