// Writing the SQLite corpus: documents in batches of transactions, each document inside its own
// savepoint (whole or not at all), and the corpus entities recomputed over every document.
#include <ctime>
#include <set>

#include "store/enum_names.h"
#include "store/sqlite_schema.h"
#include "store/sqlite_store.h"

namespace dossier::store {

namespace {

// The tables holding rows of one document, emptied when it is replaced or removed.
constexpr const char* kChildTables[] = {"blocks", "stories", "entities", "entity_surfaces", "mentions",
                                        "quotes", "timexes", "amounts", "corpus_members",
                                        "corpus_speakers"};
constexpr size_t kChildTableCount = sizeof(kChildTables) / sizeof(kChildTables[0]);

}  // namespace

struct SqliteCorpusStore::Writers {
  Stmt find, insert_doc, del_doc, block, story, entity, surface, mention, quote, timex, amount;
  Stmt del[kChildTableCount];
};

namespace {

void BindU(Stmt& s, int i, uint64_t v) { s.Bind(i, static_cast<int64_t>(v)); }

std::string JoinLines(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) {
    if (!out.empty()) out.push_back('\n');
    out += s;
  }
  return out;
}

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
            w.insert_doc.Prepare(db_,
                                 "INSERT INTO documents(id, path, content_hash, format, size_bytes, encoding, title, "
                                 "site, url, published, language, description, section, bylines, time_reference, "
                                 "text, indexed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
                                 "?14, ?15, ?16, ?17)",
                                 error) &&
            w.del_doc.Prepare(db_, "DELETE FROM documents WHERE id = ?1", error) &&
            w.block.Prepare(db_, "INSERT INTO blocks VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error) &&
            w.story.Prepare(db_, "INSERT INTO stories VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error) &&
            w.entity.Prepare(db_, "INSERT INTO entities VALUES (?1, ?2, ?3, ?4)", error) &&
            w.surface.Prepare(db_, "INSERT INTO entity_surfaces VALUES (?1, ?2, ?3, ?4, ?5)", error) &&
            w.mention.Prepare(db_, "INSERT INTO mentions VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error) &&
            w.quote.Prepare(db_,
                            "INSERT INTO quotes VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
                            error) &&
            w.timex.Prepare(db_, "INSERT INTO timexes VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error) &&
            w.amount.Prepare(db_, "INSERT INTO amounts VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)", error);
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
  for (Stmt& d : w_->del) {
    d.Bind(1, doc_id);
    if (!d.Run(error)) return false;
  }
  w_->del_doc.Bind(1, doc_id);
  return w_->del_doc.Run(error);  // the trigger takes it out of the full-text index
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
  if (old_id >= 0) d.Bind(1, old_id);  // a changed file keeps its id
  else d.BindNull(1);
  d.BindStatic(2, doc.path);
  d.BindStatic(3, doc.content_hash);
  d.BindStatic(4, doc.format);
  BindU(d, 5, doc.size_bytes);
  d.BindTextOrNull(6, doc.encoding);
  d.BindTextOrNull(7, doc.title);
  d.BindTextOrNull(8, doc.site);
  d.BindTextOrNull(9, doc.url);
  d.BindTextOrNull(10, doc.published);
  d.BindTextOrNull(11, doc.language);
  d.BindTextOrNull(12, doc.description);
  d.BindTextOrNull(13, doc.section);
  const std::string bylines = JoinLines(doc.bylines);
  d.BindTextOrNull(14, bylines);
  d.BindTextOrNull(15, doc.time_reference);
  d.BindStatic(16, doc.text);
  d.Bind(17, static_cast<int64_t>(std::time(nullptr)));
  if (!d.Run(error)) return false;
  const int64_t id = db_.LastInsertRowid();

  for (size_t i = 0; i < doc.blocks.size(); ++i) {
    const auto& b = doc.blocks[i];
    Stmt& s = w.block;
    s.Bind(1, id);
    s.Bind(2, static_cast<int64_t>(i));
    s.BindStatic(3, BlockKindName(b.kind));
    if (b.story == kNoStory) s.BindNull(4);
    else s.Bind(4, static_cast<int64_t>(b.story));
    s.Bind(5, static_cast<int64_t>(b.line));
    s.Bind(6, static_cast<int64_t>(b.begin));
    s.Bind(7, static_cast<int64_t>(b.end));
    BindU(s, 8, b.source_begin);
    BindU(s, 9, b.source_end);
    if (!s.Run(error)) return false;
  }
  // The crash test kills the process here: some rows of this document written, none committed.
  if (options_.mid_document_hook) options_.mid_document_hook(++puts_);

  for (size_t i = 0; i < doc.stories.size(); ++i) {
    const auto& st = doc.stories[i];
    Stmt& s = w.story;
    s.Bind(1, id);
    s.Bind(2, static_cast<int64_t>(i));
    s.BindStatic(3, st.title);
    if (st.title_block < 0) s.BindNull(4);
    else s.Bind(4, static_cast<int64_t>(st.title_block));
    s.Bind(5, static_cast<int64_t>(st.first_block));
    s.Bind(6, static_cast<int64_t>(st.last_block));
    BindU(s, 7, st.source_begin);
    BindU(s, 8, st.source_end);
    if (!s.Run(error)) return false;
  }
  for (size_t i = 0; i < doc.entities.size(); ++i) {
    Stmt& s = w.entity;
    s.Bind(1, id);
    s.Bind(2, static_cast<int64_t>(i));
    s.BindStatic(3, EntityTypeName(doc.entities[i].type));
    s.BindStatic(4, doc.entities[i].name);
    if (!s.Run(error)) return false;
  }
  // The surfaces the corpus linker reads (so relinking never needs the documents' texts).
  const std::vector<EntitySummary> summaries = SummariseEntities(doc);
  for (const EntitySummary& e : summaries) {
    for (size_t k = 0; k < e.surfaces.size(); ++k) {
      Stmt& s = w.surface;
      s.Bind(1, id);
      s.Bind(2, static_cast<int64_t>(e.entity));
      s.Bind(3, static_cast<int64_t>(k));
      s.BindStatic(4, e.surfaces[k].text);
      s.Bind(5, static_cast<int64_t>(e.surfaces[k].mentions));
      if (!s.Run(error)) return false;
    }
  }
  for (size_t i = 0; i < doc.mentions.size(); ++i) {
    const auto& m = doc.mentions[i];
    Stmt& s = w.mention;
    s.Bind(1, id);
    s.Bind(2, static_cast<int64_t>(i));
    s.Bind(3, static_cast<int64_t>(m.entity));
    s.Bind(4, static_cast<int64_t>(m.begin));
    s.Bind(5, static_cast<int64_t>(m.end));
    BindU(s, 6, m.source_begin);
    BindU(s, 7, m.source_end);
    s.Bind(8, static_cast<int64_t>(m.description));
    if (!s.Run(error)) return false;
  }
  for (size_t i = 0; i < doc.quotes.size(); ++i) {
    const auto& q = doc.quotes[i];
    Stmt& s = w.quote;
    s.Bind(1, id);
    s.Bind(2, static_cast<int64_t>(i));
    s.BindStatic(3, QuoteTypeName(q.type));
    s.BindStatic(4, q.text);
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
  for (size_t i = 0; i < doc.amounts.size(); ++i) {
    const auto& a = doc.amounts[i];
    Stmt& s = w.amount;
    s.Bind(1, id);
    s.Bind(2, static_cast<int64_t>(i));
    s.BindStatic(3, AmountKindName(a.kind));
    s.BindStatic(4, a.text);
    s.Bind(5, a.value);
    if (a.has_high) s.Bind(6, a.high);
    else s.BindNull(6);
    s.BindTextOrNull(7, a.unit);
    s.Bind(8, static_cast<int64_t>(a.approximate));
    s.BindTextOrNull(9, a.modifier);
    BindU(s, 10, a.source_begin);
    BindU(s, 11, a.source_end);
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
    Stmt ents, surf;
    if (!ents.Prepare(db_, "SELECT doc_id, idx, type, name FROM entities ORDER BY doc_id, idx", error) ||
        !surf.Prepare(db_, "SELECT doc_id, entity, text, mentions FROM entity_surfaces ORDER BY doc_id, entity, idx",
                      error))
      return false;
    bool surf_row = surf.Step(error);
    std::vector<EntitySummary> current;
    int64_t current_doc = -1;
    auto flush = [&]() {
      if (current_doc >= 0) {
        std::vector<std::string> names;
        for (const EntitySummary& e : current) {
          if (names.size() <= e.entity) names.resize(e.entity + 1);
          names[e.entity] = e.name;
        }
        doc_names.push_back(std::move(names));
        linker.Add(std::move(current));
        doc_ids.push_back(current_doc);
      }
      current.clear();
    };
    while (ents.Step(error)) {
      const int64_t doc = ents.Int(0);
      if (doc != current_doc) {
        flush();
        current_doc = doc;
      }
      EntitySummary s;
      s.entity = static_cast<uint32_t>(ents.Int(1));
      EntityTypeFromName(ents.Text(2), &s.type);
      s.name = std::string(ents.Text(3));
      while (surf_row && (surf.Int(0) < doc || (surf.Int(0) == doc && surf.Int(1) < s.entity)))
        surf_row = surf.Step(error);
      while (surf_row && surf.Int(0) == doc && surf.Int(1) == s.entity) {
        s.surfaces.push_back({std::string(surf.Text(2)), static_cast<uint32_t>(surf.Int(3))});
        surf_row = surf.Step(error);
      }
      current.push_back(std::move(s));
    }
    if (!error->empty()) return false;
    flush();
  }
  const std::vector<CorpusEntity> corpus = linker.Link();
  if (!db_.Exec("DELETE FROM corpus_entities; DELETE FROM corpus_aliases; DELETE FROM corpus_keys; "
                "DELETE FROM corpus_members; DELETE FROM corpus_speakers;",
                error))
    return false;
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
  // Where each corpus entity speaks: its members joined to the quotes they are the speaker of.
  if (!db_.Exec("INSERT OR IGNORE INTO corpus_speakers SELECT m.entity, q.doc_id FROM quotes q "
                "JOIN corpus_members m ON m.doc_id = q.doc_id AND m.doc_entity = q.speaker_entity "
                "WHERE q.speaker_entity IS NOT NULL",
                error))
    return false;
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
