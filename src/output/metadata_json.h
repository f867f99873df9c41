// Page metadata in JSON, shared by `dossier extract` and `dossier analyze`: the plain fields of the
// contract (title, bylines, published, language, site, url; null when unknown) and a `metadata`
// object with every field and the evidence it came from.
#ifndef DOSSIER_OUTPUT_METADATA_JSON_H_
#define DOSSIER_OUTPUT_METADATA_JSON_H_

#include "dossier/document.h"
#include "dossier/html.h"
#include "output/json_members.h"

namespace dossier::json {

// Writes "title", "bylines", "published", "language", "site", "url" as members of `m`, except
// "title" when `with_title` is false (the caller places it itself).
void WritePlainMetadata(const PageMetadata& md, Members& m, bool with_title = true);
// Writes the "metadata" member of `m`: {field: {value, evidence} or null, bylines: [...], tags: [...]}.
void WriteMetadataWithEvidence(const PageMetadata& md, Members& m);
// Writes the members of `source` that say where a page came from in a WARC file: "url",
// "warc_date", "warc_record_id", "record_offset", "warc_gzip_member_offset" (.warc.gz only),
// "http_date", "http_last_modified" (null when absent), "content_type".
void WriteWarcOrigin(const WarcOrigin& warc, Members& source);

}  // namespace dossier::json

#endif  // DOSSIER_OUTPUT_METADATA_JSON_H_
