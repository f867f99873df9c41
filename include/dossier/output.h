// Output of a Document: JSON Lines (the contract, with a schema_version) and renderings for people.
#ifndef DOSSIER_OUTPUT_H_
#define DOSSIER_OUTPUT_H_

#include <functional>
#include <string>

#include "dossier/document.h"
#include "dossier/html.h"

namespace dossier {

struct JsonOptions {
  bool sentences = true;  // sentence spans
  bool tokens = false;    // token spans (large)
  // The sections of the later stages; a stage that did not run (`analyze --stages`) leaves its
  // fields out: `entities`; `quotes`; `time_reference`, `timexes`, `amounts` and `timeline`.
  bool entities = true;
  bool quotes = true;
  bool time = true;
  // When not empty: written first as the member "id" (raw JSON: a string with its quotes, a
  // number), for `analyze --stdin-jsonl`, whose results carry the id of their input line.
  std::string_view id_json = {};
};

// Called with the output buffer whenever it passes about 1 MB, so a large document streams out
// instead of being held whole; the callee writes the buffer and clears it.
using JsonFlush = std::function<void(std::string*)>;

// Appends one JSON object (no newline) describing `doc` to `out`.
void WriteDocumentJson(const Document& doc, const JsonOptions& options, std::string* out,
                       const JsonFlush& flush = nullptr);

// Human-readable renderings: the cleaned article by story, leftovers listed apart.
void RenderText(const Document& doc, std::string* out);
void RenderMarkdown(const Document& doc, std::string* out);

// Appends one JSON object (no newline) for `dossier extract`: path, title, text (blocks joined by
// "\n"), bylines, published, language, site, url, blocks (kind, text, source offsets into the
// decompressed input) and every metadata field with its evidence. A page from a WARC record passes
// its origin (`source` then says where in the WARC it was; offsets are into its decoded payload).
void WriteExtractJson(std::string_view path, const DecodedHtml& page,
                      const ExtractedArticle& article, std::string* out, const WarcOrigin* warc = nullptr);

// Appends `s` as a JSON string literal (quoted, escaped; invalid UTF-8 is never produced because
// the canonical text is valid UTF-8).
void AppendJsonString(std::string_view s, std::string* out);

}  // namespace dossier

#endif  // DOSSIER_OUTPUT_H_
