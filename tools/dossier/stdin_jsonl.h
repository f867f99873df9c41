// `dossier analyze --stdin-jsonl`: the streaming filter (Spark's RDD.pipe, Hadoop Streaming, shell
// pipelines). One JSON object a line in, one result a line out, same order, flushed line by line,
// memory bounded by the lines in flight whatever the length of the stream.
#ifndef DOSSIER_TOOLS_STDIN_JSONL_H_
#define DOSSIER_TOOLS_STDIN_JSONL_H_

#include <string>

#include "dossier/output.h"
#include "dossier/pipeline.h"

namespace dossier::cli {

// The result of one input line (without the newline): the document's JSON with "id" first, or an
// error object {"id", "line", "error"} (id null when the line has none). `line_number` is 1-based.
// Returns false for an error object.
bool AnalyzeJsonLine(const Analyzer& analyzer, const JsonOptions& json, const HtmlInput& hints,
                     std::string&& line, uint64_t line_number, std::string* out, std::string* error);

// Runs the filter over standard input with `threads` workers; returns the exit status: 0, even when
// lines were bad (their error objects carry the failure in the stream, because a non-zero status
// fails the whole task under Spark's RDD.pipe), 1 when standard output is closed or a read fails.
int RunStdinJsonl(const Analyzer& analyzer, const JsonOptions& json, const HtmlInput& hints, int threads);

}  // namespace dossier::cli

#endif  // DOSSIER_TOOLS_STDIN_JSONL_H_
