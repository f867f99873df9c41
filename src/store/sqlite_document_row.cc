#include "store/sqlite_document_row.h"

#include "store/compressed_text.h"
#include "store/packed_document.h"

namespace dossier::store {

std::string InsertDocumentRowSql(const char* table) {
  return std::string("INSERT INTO ") + table +
         "(id, path, content_hash, format, size_bytes, encoding, title, site, url, published, "
    "language, description, section, bylines, time_reference, indexed_at, blocks, entities, mentions, amounts, "
    "text_bytes, annotations, text) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, "
    "?17, ?18, ?19, ?20, ?21, ?22, ?23)";
}

namespace {

std::string JoinLines(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) {
    if (!out.empty()) out.push_back('\n');
    out += s;
  }
  return out;
}

}  // namespace

void BindDocumentRow(Stmt& d, int64_t id, const CorpusDocument& doc, int64_t indexed_at, DocumentRowBuffers* buf) {
  if (id >= 0) d.Bind(1, id);
  else d.BindNull(1);
  d.BindStatic(2, doc.path);
  d.BindStatic(3, doc.content_hash);
  d.BindStatic(4, doc.format);
  d.Bind(5, static_cast<int64_t>(doc.size_bytes));
  d.BindTextOrNull(6, doc.encoding);
  d.BindTextOrNull(7, doc.title);
  d.BindTextOrNull(8, doc.site);
  d.BindTextOrNull(9, doc.url);
  d.BindTextOrNull(10, doc.published);
  d.BindTextOrNull(11, doc.language);
  d.BindTextOrNull(12, doc.description);
  d.BindTextOrNull(13, doc.section);
  buf->bylines = JoinLines(doc.bylines);
  d.BindTextOrNull(14, buf->bylines);
  d.BindTextOrNull(15, doc.time_reference);
  d.Bind(16, indexed_at);
  d.Bind(17, static_cast<int64_t>(doc.blocks.size()));
  d.Bind(18, static_cast<int64_t>(doc.entities.size()));
  d.Bind(19, static_cast<int64_t>(doc.mentions.size()));
  d.Bind(20, static_cast<int64_t>(doc.amounts.size()));
  d.Bind(21, static_cast<int64_t>(doc.text.size()));
  buf->packed.clear();
  PackAnnotations(doc, &buf->packed);
  CompressText(buf->packed, &buf->annotations);
  d.BindBlobStatic(22, buf->annotations);
  CompressText(doc.text, &buf->text);
  d.BindBlobStatic(23, buf->text);
}

bool ReadRowAnnotations(std::string_view blob, std::string_view text, CorpusDocument* doc, std::string* error) {
  if (!IsCompressed(blob)) return UnpackAnnotations(blob, text, doc, error);
  thread_local std::string packed;
  return DecompressBlob(blob, &packed, error) && UnpackAnnotations(packed, text, doc, error);
}

}  // namespace dossier::store
