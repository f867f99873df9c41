// The JSON line of `dossier extract`: the contract fields first (path, title, text, bylines,
// published, language, site, url, blocks), then everything else extraction knows.
#include <string>

#include "dossier/html.h"
#include "dossier/output.h"
#include "output/json_members.h"

namespace dossier {
namespace {

void MetaObject(const MetaValue& v, std::string* out) {
  json::Members m(out, '{', '}');
  m.Str("value", v.value);
  m.Str("evidence", v.evidence);
}

// A field that is unknown is null, not an empty string, so "unknown" is explicit.
void StrOrNull(json::Members& m, std::string_view key, const MetaValue& v) {
  if (v.known()) m.Str(key, v.value);
  else m.Raw(key, "null");
}

}  // namespace

void WriteExtractJson(std::string_view path, const DecodedHtml& page,
                      const ExtractedArticle& article, std::string* out) {
  const PageMetadata& md = article.metadata;
  json::Members doc(out, '{', '}');
  doc.Str("schema_version", kSchemaVersion);
  doc.Str("path", path);
  StrOrNull(doc, "title", md.title);
  {
    std::string text;
    for (const ExtractedBlock& b : article.blocks) {
      if (!text.empty()) text.push_back('\n');
      text += b.text;
    }
    doc.Str("text", text);
  }
  {
    json::Members bylines(doc.Key("bylines"), '[', ']');
    for (const MetaValue& v : md.bylines) AppendJsonString(v.value, bylines.Next());
  }
  StrOrNull(doc, "published", md.published);
  StrOrNull(doc, "language", md.language);
  StrOrNull(doc, "site", md.site);
  StrOrNull(doc, "url", md.url);
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
  {
    json::Members meta(doc.Key("metadata"), '{', '}');
    const std::pair<std::string_view, const MetaValue*> fields[] = {
        {"title", &md.title},     {"published", &md.published},
        {"modified", &md.modified}, {"site", &md.site},
        {"url", &md.url},         {"language", &md.language},
        {"description", &md.description}, {"section", &md.section},
        {"image", &md.image}};
    for (const auto& [key, value] : fields) {
      if (value->known()) MetaObject(*value, meta.Key(key));
      else meta.Raw(key, "null");
    }
    {
      json::Members bylines(meta.Key("bylines"), '[', ']');
      for (const MetaValue& v : md.bylines) MetaObject(v, bylines.Next());
    }
    {
      json::Members tags(meta.Key("tags"), '[', ']');
      for (const MetaValue& v : md.tags) MetaObject(v, tags.Next());
    }
  }
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
  }
  doc.Str("strategy", article.strategy);
}

}  // namespace dossier
