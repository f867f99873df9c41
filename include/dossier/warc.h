// WARC input: web archives (.warc, .warc.gz with one gzip member per record or one for the whole
// file) read one record at a time, so a crawl of many gigabytes is never held in memory; only the
// current record's block is.
//
//   WarcReader      records in file order; a damaged record (truncated, wrong Content-Length,
//                   garbage, a bad gzip member) is reported once and skipped, and reading goes on
//                   at the next record
//   ParseHttpResponse  the HTTP message inside a response record: status, headers, the body with
//                   chunked transfer coding and gzip/deflate content coding undone
//   ToWarcPage      a record -> an HTML page with its origin (URL, dates, offsets), or why not
#ifndef DOSSIER_WARC_H_
#define DOSSIER_WARC_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dossier/document.h"

namespace dossier {

// True if `prefix` (the first bytes of a file, at least a few hundred when available) is the start
// of a WARC: "WARC/1.0" or "WARC/1.1" (or another "WARC/<digit>"), plain or inside gzip.
bool LooksLikeWarc(std::string_view prefix);
// Reads the start of the file and applies LooksLikeWarc; false when it cannot be read.
bool FileLooksLikeWarc(const std::string& path);

struct WarcRecord {
  std::string version;       // "WARC/1.0", "WARC/1.1"
  std::string type;          // WARC-Type: "response", "request", "warcinfo", "metadata", ...
  std::string record_id;     // WARC-Record-ID
  std::string target_uri;    // WARC-Target-URI ("<...>" of WARC/1.0 drafts stripped)
  std::string date;          // WARC-Date
  std::string content_type;  // the record's Content-Type ("application/http; msgtype=response")
  uint64_t content_length = 0;
  uint64_t offset = 0;       // of the version line in the decompressed stream
  uint64_t gzip_member_offset = UINT64_MAX;  // compressed offset of the member it starts in (.gz)
  // Every header as read, in order (names as written; Header() matches them ignoring case).
  std::vector<std::pair<std::string, std::string>> headers;
  // The content block (Content-Length bytes), unless it was larger than WarcReaderOptions::max_block:
  // then it was skipped unread and `block_skipped` is set.
  std::string block;
  bool block_skipped = false;

  std::string_view Header(std::string_view name) const;  // "" when absent
};

struct WarcReaderOptions {
  uint64_t max_block = uint64_t{256} << 20;  // larger blocks are skipped (streamed past, not held)
  size_t max_header_line = 64 << 10;         // a longer header line makes the record bad
  size_t max_header_bytes = 1 << 20;         // all header lines of one record together
  // .warc.gz: inflate each gzip member whole with libdeflate where it can be (2-3x faster), zlib
  // streaming for the members it cannot do; false: zlib only. Same records and errors either way.
  bool fast_inflate = true;
};

class ByteSource;

// A break in the bytes under the records (a bad or truncated gzip member, garbage between members,
// a read error) at `offset` in the decompressed stream; the output in [suspect_from, offset) may be
// wrong too (what a corrupt member produced before its error was found). A record is damaged when
// it runs across the break or holds suspect bytes.
struct WarcStreamProblem {
  uint64_t offset = 0;
  std::string message;
  uint64_t suspect_from = UINT64_MAX;  // UINT64_MAX: nothing before the break is suspect
};

class WarcReader {
 public:
  enum class Result { kRecord, kError, kEnd };

  // Opens a WARC file (gzip detected by content). Returns null with a one-line `error` when it
  // cannot be opened.
  static std::unique_ptr<WarcReader> OpenFile(const std::string& path, std::string* error,
                                              const WarcReaderOptions& options = {});
  // Reads WARC bytes already in memory (plain or gzip); the reader keeps them.
  static std::unique_ptr<WarcReader> FromBytes(std::string bytes, const WarcReaderOptions& options = {});
  ~WarcReader();

  // kRecord: the next record is in *record. kError: something was bad (a record, bytes between
  // records, a gzip member); *error says what and where in one line, the reader has moved on, and
  // the caller calls Next again. kEnd: no more records.
  Result Next(WarcRecord* record, std::string* error);

  bool gzip() const { return gzip_; }

 private:
  WarcReader(std::unique_ptr<ByteSource> source, bool gzip, const WarcReaderOptions& options);
  bool Fill(size_t want);  // makes at least `want` bytes available after pos_ if the stream has them
  size_t Available() const { return buf_.size() - pos_; }
  uint64_t Position() const { return buf_offset_ + pos_; }
  enum class LineResult { kLine, kEnd, kTooLong };
  LineResult ReadLine(std::string_view* line, size_t max);
  uint64_t SkipToRecordStart();  // bytes skipped to the next "WARC/<digit>" at a line start
  void PushBack(std::string&& bytes, uint64_t offset);
  bool TakeProblem(uint64_t up_to, std::string* message);
  std::string DamagedBy(uint64_t start, uint64_t end, uint64_t* at);
  void PullProblems();

  std::unique_ptr<ByteSource> source_;
  bool gzip_ = false;
  WarcReaderOptions options_;
  std::string buf_;
  size_t pos_ = 0;
  uint64_t buf_offset_ = 0;  // stream offset of buf_[0]
  static constexpr uint64_t kNoMark = UINT64_MAX;
  uint64_t mark_ = kNoMark;  // stream offset Fill must keep in the buffer (kNoMark: none)
  bool eof_ = false;
  std::vector<WarcStreamProblem> problems_;  // the source's, by stream offset
};

// The HTTP response inside a WARC response record.
struct HttpResponse {
  int status = 0;                  // 200, 301, ...
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;                // transfer and content codings undone
  std::string_view Header(std::string_view name) const;  // "" when absent; names ignore case
};

struct HttpParseOptions {
  uint64_t max_body = uint64_t{64} << 20;  // decoded body limit (a gzip bomb stops here)
};

enum class HttpParseResult {
  kOk,
  kUnsupported,  // a content coding we do not decode (br, zstd, compress): `error` says which
  kBad,          // not an HTTP response, headers that do not end, bad chunk sizes, corrupt gzip
};

// Parses an HTTP/1.x response message. A body declared chunked that does not start with a chunk
// size is taken as already de-chunked, and a body declared gzip/deflate that is not compressed as
// already decoded (crawlers store either; warcio reads them the same way); a chunked body whose
// sizes go wrong later, or compressed data that is corrupt, is kBad.
HttpParseResult ParseHttpResponse(std::string_view message, HttpResponse* response, std::string* error,
                                  const HttpParseOptions& options = {});

// An HTML page taken from a WARC record.
struct WarcPage {
  std::string html;  // the decoded HTTP body (or a resource record's block): what offsets refer to
  WarcOrigin origin;
};

enum class WarcPageResult {
  kPage,     // *page holds an HTML page
  kSkipped,  // not a page: another record type, a status other than 2xx, a non-HTML payload,
             // an unsupported content coding, a block too large (reason in `why`, a short label)
  kBad,      // a response record whose HTTP message is malformed (one-line reason in `why`)
};

// Turns a record into a page: `response` records whose HTTP Content-Type is HTML (or absent and the
// body looks like HTML), and `resource` records with an HTML Content-Type. Takes the block over.
WarcPageResult ToWarcPage(WarcRecord&& record, WarcPage* page, std::string* why,
                          const HttpParseOptions& options = {});

// "Sun, 06 Nov 1994 08:49:37 GMT" (RFC 9110 IMF-fixdate, and the obsolete RFC 850 / asctime forms)
// -> "1994-11-06T08:49:37Z"; "" when it does not parse.
std::string HttpDateToIso(std::string_view http_date);

}  // namespace dossier

#endif  // DOSSIER_WARC_H_
