// Writing the SQLite corpus: documents in batches of transactions, each document inside its own
// savepoint (whole or not at all), and the corpus entities recomputed over every document.
#include <algorithm>
#include <ctime>
#include <set>

#include "store/compressed_text.h"
#include "store/enum_names.h"
#include "store/member_links.h"
#include "store/packed_document.h"
#include "store/quote_text.h"
#include "store/sqlite_document_row.h"
#include "store/sqlite_schema.h"
#include "store/sqlite_store.h"

namespace dossier::store {

namespace {

// The tables holding rows of one document besides its own row (which holds its blocks, stories,
// entities, mentions and amounts packed), emptied when it is replaced or removed. Its rows of
// corpus_members (keyed by corpus entity) are found through its links first (DeleteRows).
constexpr const char* kChildTables[] = {"quotes", "timexes", "corpus_speakers", "document_members"};
constexpr size_t kChildTableCount = sizeof(kChildTables) / sizeof(kChildTables[0]);

}  // namespace

struct SqliteCorpusStore::Writers {
  Stmt find, insert_doc, insert_fts, del_fts, del_doc, quote, timex, links, del_member;
  Stmt del[kChildTableCount];
  DocumentRowBuffers buffers;
  std::vector<MemberLink> doc_links;
  std::string quote_slice;
};

namespace {

void BindU(Stmt& s, int i, uint64_t v) { s.Bind(i, static_cast<int64_t>(v)); }

}  // namespace

SqliteCorpusStore::~SqliteCorpusStore() {
  std::string ignored;
  if (in_batch_) Commit(&ignored);  // every Put was whole: what was put is kept
  delete w_;
}

bool SqliteCorpusStore::Open(const std::string& path, std::string* error) {
  if (!db_.Open(path, options_.read_only, options_.create, error)) return false;
  if (!PrepareSchema(db_, options_.read_only, error)) {
    *error = path + ": " + *error;
    return false;
  }
  return options_.read_only || PrepareWriters(error);
}

bool SqliteCorpusStore::PrepareWriters(std::string* error) {
  w_ = new Writers;
  Writers& w = *w_;
  bool ok = w.find.Prepare(db_, "SELECT id, content_hash FROM documents WHERE path = ?1", error) &&
            w.insert_doc.Prepare(db_, InsertDocumentRowSql("documents"), error) &&
            // The full-text index is written here, not by triggers: its text is the uncompressed
            // one at hand (a trigger would inflate what was just deflated). Taking a document out
            // needs the values it was indexed with: read back through the view.
            w.insert_fts.Prepare(db_, "INSERT INTO documents_fts(rowid, title, text) VALUES (?1, ?2, ?3)", error) &&
            w.del_fts.Prepare(db_,
                              "INSERT INTO documents_fts(documents_fts, rowid, title, text) "
                              "SELECT 'delete', id, title, text FROM document_texts WHERE id = ?1",
                              error) &&
            w.del_doc.Prepare(db_, "DELETE FROM documents WHERE id = ?1", error) &&
            w.quote.Prepare(db_,
                            "INSERT INTO quotes VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
                            error) &&
            w.timex.Prepare(db_, "INSERT INTO timexes VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error) &&
            w.links.Prepare(db_, "SELECT links FROM document_members WHERE doc_id = ?1", error) &&
            w.del_member.Prepare(db_, "DELETE FROM corpus_members WHERE entity = ?1 AND doc_id = ?2", error);
  for (size_t i = 0; ok && i < kChildTableCount; ++i)
    ok = w.del[i].Prepare(db_, std::string("DELETE FROM ") + kChildTables[i] + " WHERE doc_id = ?1", error);
  return ok;
}

bool SqliteCorpusStore::ContentHashes(std::unordered_map<std::string, std::string>* out, std::string* error) {
  error->clear();
  Stmt st;
  if (!st.Prepare(db_, "SELECT path, content_hash FROM documents", error)) return false;
  while (st.Step(error)) out->emplace(std::string(st.Text(0)), std::string(st.Text(1)));
  return error->empty();
}

bool SqliteCorpusStore::BeginBatch(std::string* error) {
  if (in_batch_) return true;
  if (!db_.Exec("BEGIN IMMEDIATE", error)) return false;
  in_batch_ = true;
  batch_count_ = 0;
  stale_marked_ = false;
  return true;
}

bool SqliteCorpusStore::Commit(std::string* error) {
  error->clear();
  if (!in_batch_) return true;
  if (!db_.Exec("COMMIT", error)) return false;
  in_batch_ = false;
  return true;
}

bool SqliteCorpusStore::DeleteRows(int64_t doc_id, std::string* error) {
  // Its corpus members: one range of the primary key per corpus entity its links name.
  Writers& w = *w_;
  w.links.Bind(1, doc_id);
  const bool linked = w.links.Step(error);
  if (linked && !UnpackMemberLinks(w.links.Blob(0), &w.doc_links, error)) {
    w.links.Reset();
    *error = "document " + std::to_string(doc_id) + ": " + *error;
    return false;
  }
  w.links.Reset();
  if (!linked && !error->empty()) return false;
  if (!linked) w.doc_links.clear();
  int64_t previous = -1;
  std::sort(w.doc_links.begin(), w.doc_links.end(),
            [](const MemberLink& a, const MemberLink& b) { return a.entity < b.entity; });
  for (const MemberLink& l : w.doc_links) {
    if (l.entity == previous) continue;
    previous = l.entity;
    w.del_member.Bind(1, l.entity);
    w.del_member.Bind(2, doc_id);
    if (!w.del_member.Run(error)) return false;
  }
  for (Stmt& d : w_->del) {
    d.Bind(1, doc_id);
    if (!d.Run(error)) return false;
  }
  w_->del_fts.Bind(1, doc_id);
  if (!w_->del_fts.Run(error)) return false;
  w_->del_doc.Bind(1, doc_id);
  return w_->del_doc.Run(error);
}

bool SqliteCorpusStore::Put(const CorpusDocument& doc, PutResult* result, std::string* error) {
  error->clear();
  if (!w_) {
    *error = "the corpus is open read-only";
    return false;
  }
  if (!BeginBatch(error)) return false;
  Writers& w = *w_;
  int64_t id = -1;
  w.find.BindStatic(1, doc.path);
  if (w.find.Step(error)) {
    id = w.find.Int(0);
    const bool same = w.find.Text(1) == doc.content_hash;
    w.find.Reset();
    if (same) {
      *result = PutResult::kUnchanged;
      return true;
    }
  } else {
    w.find.Reset();
    if (!error->empty()) return false;
  }
  {
    Transaction doc_tx(db_, error);  // a savepoint inside the batch: this document whole, or nothing
    if (!doc_tx.ok()) return false;
    if (id >= 0 && !DeleteRows(id, error)) return false;
    if (!InsertRows(id, doc, error)) return false;
    if (!stale_marked_) {
      if (!db_.Exec("UPDATE meta SET value = '1' WHERE key = 'entities_stale'", error)) return false;
    }
    if (!doc_tx.Commit(error)) return false;
  }
  stale_marked_ = true;
  *result = id >= 0 ? PutResult::kReplaced : PutResult::kAdded;
  if (++batch_count_ >= options_.batch_documents) return Commit(error);
  return true;
}

bool SqliteCorpusStore::InsertRows(int64_t old_id, const CorpusDocument& doc, std::string* error) {
  Writers& w = *w_;
  Stmt& d = w.insert_doc;
  BindDocumentRow(d, old_id, doc, static_cast<int64_t>(std::time(nullptr)), &w.buffers);  // a changed file keeps its id
  if (!d.Run(error)) return false;
  const int64_t id = db_.LastInsertRowid();
  // The crash test kills the process here: some rows of this document written, none committed.
  if (options_.mid_document_hook) options_.mid_document_hook(++puts_);
  w.insert_fts.Bind(1, id);
  w.insert_fts.BindTextOrNull(2, doc.title);
  w.insert_fts.BindStatic(3, doc.text);
  if (!w.insert_fts.Run(error)) return false;

  for (size_t i = 0; i < doc.quotes.size(); ++i) {
    const auto& q = doc.quotes[i];
    Stmt& s = w.quote;
    s.Bind(1, id);
    s.Bind(2, static_cast<int64_t>(i));
    s.BindStatic(3, QuoteTypeName(q.type));
    // A quote that is a slice of the text is stored as its place (quote_text.h).
    if (EncodeQuoteSlice(q.text, doc.text, &w.quote_slice)) s.BindBlobStatic(4, w.quote_slice);
    else s.BindStatic(4, q.text);
    BindU(s, 5, q.source_begin);
    BindU(s, 6, q.source_end);
    if (q.has_speaker) {
      s.BindStatic(7, q.speaker_text);
      s.BindTextOrNull(8, q.speaker_name);
      if (q.speaker_entity < 0) s.BindNull(9);
      else s.Bind(9, static_cast<int64_t>(q.speaker_entity));
      BindU(s, 10, q.speaker_source_begin);
      BindU(s, 11, q.speaker_source_end);
    } else {
      for (int k = 7; k <= 11; ++k) s.BindNull(k);
    }
    if (q.cue.empty()) {
      for (int k = 12; k <= 14; ++k) s.BindNull(k);
    } else {
      s.BindStatic(12, q.cue);
      BindU(s, 13, q.cue_begin);
      BindU(s, 14, q.cue_end);
    }
    if (!s.Run(error)) return false;
  }
  for (size_t i = 0; i < doc.timexes.size(); ++i) {
    const auto& x = doc.timexes[i];
    Stmt& s = w.timex;
    s.Bind(1, id);
    s.Bind(2, static_cast<int64_t>(i));
    s.BindStatic(3, TimexTypeName(x.type));
    s.BindStatic(4, x.text);
    s.BindStatic(5, x.value);
    s.BindTextOrNull(6, x.mod);
    BindU(s, 7, x.source_begin);
    BindU(s, 8, x.source_end);
    if (!s.Run(error)) return false;
  }
  return true;
}

bool SqliteCorpusStore::Remove(const std::string& path, std::string* error) {
  error->clear();
  if (!w_) {
    *error = "the corpus is open read-only";
    return false;
  }
  if (!BeginBatch(error)) return false;
  w_->find.BindStatic(1, path);
  if (!w_->find.Step(error)) {
    w_->find.Reset();
    return false;
  }
  const int64_t id = w_->find.Int(0);
  w_->find.Reset();
  Transaction tx(db_, error);
  if (!tx.ok() || !DeleteRows(id, error)) return false;
  if (!db_.Exec("UPDATE meta SET value = '1' WHERE key = 'entities_stale'", error)) return false;
  return tx.Commit(error);
}

bool SqliteCorpusStore::EntitiesStale() {
  std::string error;
  Stmt st;
  if (!st.Prepare(db_, "SELECT value FROM meta WHERE key = 'entities_stale'", &error) || !st.Step(&error))
    return false;
  return st.Text(0) == "1";
}

bool SqliteCorpusStore::FreshEntities(std::string* error) {
  if (!w_ || !EntitiesStale()) return true;
  return RelinkEntities(error);
}

bool SqliteCorpusStore::RelinkEntities(std::string* error) {
  error->clear();
  if (!w_) {
    *error = "the corpus is open read-only";
    return false;
  }
  if (!Commit(error)) return false;
  Transaction tx(db_, error);  // reads and rewrites under one write lock: a consistent snapshot
  if (!tx.ok()) return false;
  // Every document's entity summaries, in document id order (the linker is order-independent, and
  // id order makes corpus ids follow first appearance).
  CorpusEntityLinker linker;
  std::vector<int64_t> doc_ids;
  std::vector<std::vector<std::string>> doc_names;  // [linker document][entity]: its own name
  {
    // The summaries come from each document's packed entities and mentions, the surfaces being
    // the mentions' texts (what SummariseEntities computed when they were stored as rows).
    Stmt docs;
    if (!docs.Prepare(db_, "SELECT id, text_bytes, annotations, text FROM documents WHERE entities > 0 ORDER BY id",
                      error))
      return false;
    CorpusDocument doc;
    while (docs.Step(error)) {
      if (!DecompressText(docs.Blob(3), static_cast<uint64_t>(docs.Int(1)), &doc.text, error) ||
          !ReadRowAnnotations(docs.Blob(2), doc.text, &doc, error)) {
        *error = "document " + std::to_string(docs.Int(0)) + ": " + *error;
        return false;
      }
      std::vector<EntitySummary> summaries = SummariseEntities(doc);
      std::vector<std::string> names;
      names.reserve(summaries.size());
      for (const EntitySummary& e : summaries) names.push_back(e.name);
      doc_names.push_back(std::move(names));
      linker.Add(std::move(summaries));
      doc_ids.push_back(docs.Int(0));
    }
    if (!error->empty()) return false;
  }
  const std::vector<CorpusEntity> corpus = linker.Link();
  if (!db_.Exec("DELETE FROM corpus_entities; DELETE FROM corpus_aliases; DELETE FROM corpus_keys; "
                "DELETE FROM corpus_members; DELETE FROM corpus_speakers; DELETE FROM document_members;",
                error))
    return false;
  std::vector<std::vector<MemberLink>> links(doc_ids.size());  // [linker document]: its links
  Stmt ent, alias, key, member;
  if (!ent.Prepare(db_, "INSERT INTO corpus_entities VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error) ||
      !alias.Prepare(db_, "INSERT INTO corpus_aliases VALUES (?1, ?2, ?3, ?4)", error) ||
      !key.Prepare(db_, "INSERT OR IGNORE INTO corpus_keys VALUES (?1, ?2)", error) ||
      !member.Prepare(db_, "INSERT OR IGNORE INTO corpus_members VALUES (?1, ?2, ?3)", error))
    return false;
  std::set<std::string> keys;  // of one entity: every name that finds it, once
  for (const CorpusEntity& e : corpus) {
    const int64_t id = e.id;
    ent.Bind(1, id);
    ent.BindStatic(2, EntityTypeName(e.type));
    ent.BindStatic(3, e.name);
    ent.Bind(4, static_cast<int64_t>(e.mentions));
    ent.Bind(5, static_cast<int64_t>(e.documents()));
    ent.Bind(6, static_cast<int64_t>(e.joined_by_name));
    ent.Bind(7, static_cast<int64_t>(e.joined_by_surname));
    ent.Bind(8, static_cast<int64_t>(e.joined_by_alias));
    if (!ent.Run(error)) return false;
    keys.clear();
    keys.insert(NameKey(e.name));
    for (size_t k = 0; k < e.aliases.size(); ++k) {
      alias.Bind(1, id);
      alias.Bind(2, static_cast<int64_t>(k));
      alias.BindStatic(3, e.aliases[k].text);
      alias.Bind(4, static_cast<int64_t>(e.aliases[k].mentions));
      if (!alias.Run(error)) return false;
      keys.insert(NameKey(e.aliases[k].text));
    }
    for (const CorpusEntity::Member& m : e.members) {
      member.Bind(1, id);
      member.Bind(2, doc_ids[m.document]);
      member.Bind(3, static_cast<int64_t>(m.entity));
      if (!member.Run(error)) return false;
      links[m.document].push_back({static_cast<uint32_t>(m.entity), id});
      // A member's own canonical name ("Keir Starmer" for "Sir Keir") also finds the entity.
      const auto& names = doc_names[m.document];
      if (m.entity < names.size()) keys.insert(NameKey(names[m.entity]));
    }
    for (const std::string& k : keys) {
      if (k.empty()) continue;
      key.Bind(1, std::string_view(k));
      key.Bind(2, id);
      if (!key.Run(error)) return false;
    }
  }
  // Each document's links, one blob a document (its direction of corpus_members).
  {
    Stmt insert;
    if (!insert.Prepare(db_, "INSERT INTO document_members(doc_id, links) VALUES (?1, ?2)", error)) return false;
    std::string blob;
    for (size_t d = 0; d < links.size(); ++d) {
      if (links[d].empty()) continue;
      PackMemberLinks(links[d], &blob);
      std::sort(links[d].begin(), links[d].end());  // for the speakers below
      insert.Bind(1, doc_ids[d]);
      insert.BindBlobStatic(2, blob);
      if (!insert.Run(error)) return false;
    }
  }
  // Where each corpus entity speaks: the quotes' speakers (document entities) through the links.
  {
    Stmt quotes, speaker;
    if (!quotes.Prepare(db_, "SELECT doc_id, speaker_entity FROM quotes WHERE speaker_entity IS NOT NULL", error) ||
        !speaker.Prepare(db_, "INSERT OR IGNORE INTO corpus_speakers VALUES (?1, ?2)", error))
      return false;
    while (quotes.Step(error)) {
      const int64_t doc_id = quotes.Int(0), doc_entity = quotes.Int(1);
      const auto d = std::lower_bound(doc_ids.begin(), doc_ids.end(), doc_id);  // ids ascend
      if (d == doc_ids.end() || *d != doc_id || doc_entity < 0) continue;
      const std::vector<MemberLink>& l = links[d - doc_ids.begin()];
      for (auto it = std::lower_bound(l.begin(), l.end(), MemberLink{static_cast<uint32_t>(doc_entity), 0});
           it != l.end() && it->doc_entity == doc_entity; ++it) {
        speaker.Bind(1, it->entity);
        speaker.Bind(2, doc_id);
        if (!speaker.Run(error)) return false;
      }
    }
    if (!error->empty()) return false;
  }
  if (!db_.Exec("UPDATE meta SET value = '0' WHERE key = 'entities_stale'", error)) return false;
  return tx.Commit(error);
}

}  // namespace dossier::store

namespace dossier {

std::unique_ptr<CorpusStore> OpenSqliteCorpusStore(const std::string& path, const StoreOptions& options,
                                                   std::string* error) {
  auto store = std::make_unique<store::SqliteCorpusStore>(options);
  if (!store->Open(path, error)) return nullptr;
  return store;
}

}  // namespace dossier
