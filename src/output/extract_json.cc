// The JSON line of `dossier extract`: the contract fields first (path, title, text, bylines,
// published, language, site, url, blocks), then everything else extraction knows.
#include <string>

#include "dossier/html.h"
#include "dossier/output.h"
#include "output/json_members.h"
#include "output/metadata_json.h"

namespace dossier {

void WriteExtractJson(std::string_view path, const DecodedHtml& page,
                      const ExtractedArticle& article, std::string* out, const WarcOrigin* warc) {
  const PageMetadata& md = article.metadata;
  json::Members doc(out, '{', '}');
  doc.Str("schema_version", kSchemaVersion);
  doc.Str("path", path);
  if (md.title.known()) doc.Str("title", md.title.value);
  else doc.Raw("title", "null");
  {
    std::string text;
    for (const ExtractedBlock& b : article.blocks) {
      if (!text.empty()) text.push_back('\n');
      text += b.text;
    }
    doc.Str("text", text);
  }
  json::WritePlainMetadata(md, doc, /*with_title=*/false);
  {
    json::Members blocks(doc.Key("blocks"), '[', ']');
    for (const ExtractedBlock& b : article.blocks) {
      json::Members block(blocks.Next(), '{', '}');
      block.Str("kind", HtmlBlockKindName(b.kind));
      if (b.level) block.Uint("level", b.level);
      block.Str("text", b.text);
      block.SourceRange(page.offsets.empty() ? b.source_begin : page.offsets.ToSourceBegin(b.source_begin),
                        page.offsets.empty() ? b.source_end : page.offsets.ToSourceEnd(b.source_end));
    }
  }
  json::WriteMetadataWithEvidence(md, doc);
  {
    json::Members source(doc.Key("source"), '{', '}');
    source.Str("path", path);
    source.Str("format", "html");
    source.Str("encoding", page.charset);
    source.Str("encoding_evidence", page.charset_evidence);
    // What the header or a <meta> declared, when the bytes were decoded otherwise or as declared.
    if (page.declared_charset.empty()) {
      source.Raw("declared_encoding", "null");
    } else {
      source.Str("declared_encoding", page.declared_charset);
    }
    source.Uint("invalid_bytes_replaced", page.invalid_bytes_replaced);
    if (warc) json::WriteWarcOrigin(*warc, source);
  }
  doc.Str("strategy", article.strategy);
}

}  // namespace dossier
