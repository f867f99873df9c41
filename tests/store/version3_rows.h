// Writes documents as schema 1-3 stored them (one row per block, story, entity, surface, mention,
// quote, time expression and amount; the text as it is), so that the migration to schema 4 can be
// tested on a database the old code would have written. A copy of the released writer, trimmed.
#ifndef DOSSIER_TESTS_STORE_VERSION3_ROWS_H_
#define DOSSIER_TESTS_STORE_VERSION3_ROWS_H_

#include <functional>
#include <string>
#include <vector>

#include "dossier/corpus_store.h"
#include "store/sqlite.h"

namespace dossier::testing_support {

// Appends `docs` (ids 1, 2, ...) to a database at schema version 1, 2 or 3; "" or the error.
inline std::string WriteVersion3Rows(store::Db& db, const std::vector<CorpusDocument>& docs) {
  using store::Stmt;
  std::string error;
  Stmt doc, block, story, entity, surface, mention, quote, timex, amount;
  if (!doc.Prepare(db,
                   "INSERT INTO documents(path, content_hash, format, size_bytes, encoding, title, site, url, "
                   "published, language, description, section, bylines, time_reference, text, indexed_at) VALUES "
                   "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, 0)",
                   &error) ||
      !block.Prepare(db, "INSERT INTO blocks VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", &error) ||
      !story.Prepare(db, "INSERT INTO stories VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", &error) ||
      !entity.Prepare(db, "INSERT INTO entities VALUES (?1, ?2, ?3, ?4)", &error) ||
      !surface.Prepare(db, "INSERT INTO entity_surfaces VALUES (?1, ?2, ?3, ?4, ?5)", &error) ||
      !mention.Prepare(db, "INSERT INTO mentions VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", &error) ||
      !quote.Prepare(db, "INSERT INTO quotes VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
                     &error) ||
      !timex.Prepare(db, "INSERT INTO timexes VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", &error) ||
      !amount.Prepare(db, "INSERT INTO amounts VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)", &error))
    return error;
  auto i64 = [](auto v) { return static_cast<int64_t>(v); };
  for (const CorpusDocument& d : docs) {
    std::string bylines;
    for (const std::string& b : d.bylines) bylines += (bylines.empty() ? "" : "\n") + b;
    doc.Bind(1, std::string_view(d.path));
    doc.Bind(2, std::string_view(d.content_hash));
    doc.Bind(3, std::string_view(d.format));
    doc.Bind(4, i64(d.size_bytes));
    const std::string* optional[] = {&d.encoding, &d.title, &d.site, &d.url, &d.published, &d.language,
                                     &d.description, &d.section, &bylines, &d.time_reference};
    for (int k = 0; k < 10; ++k) doc.BindTextOrNull(5 + k, *optional[k]);
    doc.Bind(15, std::string_view(d.text));
    if (!doc.Run(&error)) return error;
    const int64_t id = db.LastInsertRowid();
    using Bind = std::function<void(Stmt&, int)>;  // one parameter's value
    auto run = [&](Stmt& s, std::vector<Bind> binds) {
      s.Bind(1, id);
      for (size_t k = 0; k < binds.size(); ++k) binds[k](s, static_cast<int>(k + 2));
      return s.Run(&error);
    };
    auto n = [](int64_t v) -> Bind { return [v](Stmt& s, int i) { s.Bind(i, v); }; };
    auto t = [](std::string_view v) -> Bind { return [v](Stmt& s, int i) { s.BindTextOrNull(i, v); }; };
    const Bind null = [](Stmt& s, int i) { s.BindNull(i); };
    for (size_t i = 0; i < d.blocks.size(); ++i) {
      const auto& b = d.blocks[i];
      if (!run(block, {n(i64(i)), t(BlockKindName(b.kind)), b.story == kNoStory ? null : n(b.story), n(b.line),
                       n(b.begin), n(b.end), n(i64(b.source_begin)), n(i64(b.source_end))}))
        return error;
    }
    for (size_t i = 0; i < d.stories.size(); ++i) {
      const auto& s = d.stories[i];
      if (!run(story, {n(i64(i)), t(s.title), s.title_block < 0 ? null : n(s.title_block), n(s.first_block),
                       n(s.last_block), n(i64(s.source_begin)), n(i64(s.source_end))}))
        return error;
    }
    for (size_t i = 0; i < d.entities.size(); ++i)
      if (!run(entity, {n(i64(i)), t(EntityTypeName(d.entities[i].type)), t(d.entities[i].name)})) return error;
    for (const EntitySummary& e : SummariseEntities(d))
      for (size_t k = 0; k < e.surfaces.size(); ++k)
        if (!run(surface, {n(e.entity), n(i64(k)), t(e.surfaces[k].text), n(e.surfaces[k].mentions)})) return error;
    for (size_t i = 0; i < d.mentions.size(); ++i) {
      const auto& m = d.mentions[i];
      if (!run(mention, {n(i64(i)), n(m.entity), n(m.begin), n(m.end), n(i64(m.source_begin)), n(i64(m.source_end)),
                         n(m.description)}))
        return error;
    }
    for (size_t i = 0; i < d.quotes.size(); ++i) {
      const auto& q = d.quotes[i];
      const bool s = q.has_speaker, c = !q.cue.empty();
      if (!run(quote, {n(i64(i)), t(QuoteTypeName(q.type)), t(q.text), n(i64(q.source_begin)), n(i64(q.source_end)),
                       s ? t(q.speaker_text) : null, s ? t(q.speaker_name) : null,
                       s && q.speaker_entity >= 0 ? n(q.speaker_entity) : null,
                       s ? n(i64(q.speaker_source_begin)) : null, s ? n(i64(q.speaker_source_end)) : null,
                       c ? t(q.cue) : null, c ? n(i64(q.cue_begin)) : null, c ? n(i64(q.cue_end)) : null}))
        return error;
    }
    for (size_t i = 0; i < d.timexes.size(); ++i) {
      const auto& x = d.timexes[i];
      if (!run(timex, {n(i64(i)), t(TimexTypeName(x.type)), t(x.text), t(x.value), t(x.mod),
                       n(i64(x.source_begin)), n(i64(x.source_end))}))
        return error;
    }
    for (size_t i = 0; i < d.amounts.size(); ++i) {
      const auto& a = d.amounts[i];
      if (!run(amount, {n(i64(i)), t(AmountKindName(a.kind)), t(a.text),
                        Bind([v = a.value](Stmt& s, int k) { s.Bind(k, v); }),
                        a.has_high ? Bind([v = a.high](Stmt& s, int k) { s.Bind(k, v); }) : null,
                        t(a.unit), n(a.approximate), t(a.modifier), n(i64(a.source_begin)), n(i64(a.source_end))}))
        return error;
    }
  }
  return "";
}

}  // namespace dossier::testing_support

#endif  // DOSSIER_TESTS_STORE_VERSION3_ROWS_H_
