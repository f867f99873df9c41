#include "output/metadata_json.h"

#include <utility>

namespace dossier::json {
namespace {

void MetaObject(const MetaValue& v, std::string* out) {
  Members m(out, '{', '}');
  m.Str("value", v.value);
  m.Str("evidence", v.evidence);
}

// A field that is unknown is null, not an empty string, so "unknown" is explicit.
void StrOrNull(Members& m, std::string_view key, const MetaValue& v) {
  if (v.known()) m.Str(key, v.value);
  else m.Raw(key, "null");
}

}  // namespace

void WritePlainMetadata(const PageMetadata& md, Members& m, bool with_title) {
  if (with_title) StrOrNull(m, "title", md.title);
  {
    Members bylines(m.Key("bylines"), '[', ']');
    for (const MetaValue& v : md.bylines) AppendJsonString(v.value, bylines.Next());
  }
  StrOrNull(m, "published", md.published);
  StrOrNull(m, "language", md.language);
  StrOrNull(m, "site", md.site);
  StrOrNull(m, "url", md.url);
}

void WriteMetadataWithEvidence(const PageMetadata& md, Members& m) {
  Members meta(m.Key("metadata"), '{', '}');
  const std::pair<std::string_view, const MetaValue*> fields[] = {
      {"title", &md.title},         {"published", &md.published}, {"modified", &md.modified},
      {"site", &md.site},           {"url", &md.url},             {"language", &md.language},
      {"description", &md.description}, {"section", &md.section}, {"image", &md.image}};
  for (const auto& [key, value] : fields) {
    if (value->known()) MetaObject(*value, meta.Key(key));
    else meta.Raw(key, "null");
  }
  {
    Members bylines(meta.Key("bylines"), '[', ']');
    for (const MetaValue& v : md.bylines) MetaObject(v, bylines.Next());
  }
  {
    Members tags(meta.Key("tags"), '[', ']');
    for (const MetaValue& v : md.tags) MetaObject(v, tags.Next());
  }
}

void WriteWarcOrigin(const WarcOrigin& warc, Members& source) {
  auto str_or_null = [&](std::string_view key, const std::string& v) {
    if (v.empty()) source.Raw(key, "null");
    else source.Str(key, v);
  };
  source.Str("container", "warc");
  str_or_null("url", warc.url);
  str_or_null("warc_date", warc.warc_date);
  str_or_null("warc_record_id", warc.record_id);
  source.Uint("record_offset", warc.record_offset);
  if (warc.gzip_member_offset != UINT64_MAX) source.Uint("warc_gzip_member_offset", warc.gzip_member_offset);
  str_or_null("http_date", warc.http_date);
  str_or_null("http_last_modified", warc.http_last_modified);
  str_or_null("content_type", warc.content_type);
}

}  // namespace dossier::json
