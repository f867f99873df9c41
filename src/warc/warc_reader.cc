// The WARC record reader: version line, header fields, Content-Length bytes of block, CRLF CRLF.
// Anything that does not fit is reported in one line and skipped by looking for the next line that
// starts with "WARC/<digit>"; that search starts inside the bad record's block, so a Content-Length
// that is too large (or a record cut short by a bad gzip member) loses only that record.
#include <algorithm>
#include <cerrno>
#include <cstring>

#include "dossier/html.h"
#include "dossier/warc.h"
#include "warc/byte_source.h"
#include "warc/headers.h"

namespace dossier {
namespace {

constexpr size_t kChunk = 64 << 10;

bool IsVersionLine(std::string_view line) {
  return line.size() >= 6 && line.substr(0, 5) == "WARC/" && line[5] >= '0' && line[5] <= '9';
}

}  // namespace

std::string_view WarcRecord::Header(std::string_view name) const { return FindHeader(headers, name); }

bool LooksLikeWarc(std::string_view prefix) {
  std::string unzipped;
  if (IsGzip(prefix)) {
    // Inflate what the prefix holds; a truncated stream is expected here.
    auto source = GzipSource(MemorySource(std::string(prefix)), /*fast_inflate=*/false);
    unzipped.resize(64);
    unzipped.resize(source->Read(unzipped.data(), unzipped.size()));
    prefix = unzipped;
  }
  // Some writers put blank lines before the first record.
  while (!prefix.empty() && (prefix[0] == '\r' || prefix[0] == '\n')) prefix.remove_prefix(1);
  return IsVersionLine(prefix.substr(0, 6)) && prefix.size() >= 8;
}

bool FileLooksLikeWarc(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return false;
  std::string prefix(4096, '\0');
  prefix.resize(std::fread(prefix.data(), 1, prefix.size(), f));
  std::fclose(f);
  return LooksLikeWarc(prefix);
}

WarcReader::WarcReader(std::unique_ptr<ByteSource> source, bool gzip, const WarcReaderOptions& options)
    : source_(std::move(source)), gzip_(gzip), options_(options) {}
WarcReader::~WarcReader() = default;

std::unique_ptr<WarcReader> WarcReader::OpenFile(const std::string& path, std::string* error,
                                                 const WarcReaderOptions& options) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) {
    *error = path + ": " + std::strerror(errno);
    return nullptr;
  }
  unsigned char magic[2] = {0, 0};
  const size_t got = std::fread(magic, 1, 2, f);
  const bool gzip = got == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
  std::rewind(f);
  std::unique_ptr<ByteSource> source = FileSource(f, path);
  if (gzip) source = GzipSource(std::move(source), options.fast_inflate);
  return std::unique_ptr<WarcReader>(new WarcReader(std::move(source), gzip, options));
}

std::unique_ptr<WarcReader> WarcReader::FromBytes(std::string bytes, const WarcReaderOptions& options) {
  const bool gzip = IsGzip(bytes);
  std::unique_ptr<ByteSource> source = MemorySource(std::move(bytes));
  if (gzip) source = GzipSource(std::move(source), options.fast_inflate);
  return std::unique_ptr<WarcReader>(new WarcReader(std::move(source), gzip, options));
}

void WarcReader::PullProblems() {
  for (auto& p : source_->TakeProblems()) problems_.push_back(std::move(p));
}

bool WarcReader::Fill(size_t want) {
  if (Available() >= want) return true;
  // Bytes before the read position are dropped, except from the mark on (a record being read
  // may have to be read again from there).
  const size_t drop = mark_ == kNoMark ? pos_ : static_cast<size_t>(std::min<uint64_t>(pos_, mark_ - buf_offset_));
  if (drop > 0 && (drop >= kChunk || drop * 2 >= buf_.size())) {
    buf_.erase(0, drop);
    buf_offset_ += drop;
    pos_ -= drop;
  }
  while (Available() < want && !eof_) {
    const size_t old = buf_.size();
    const size_t ask = std::max(kChunk, want - Available());
    buf_.resize(old + ask);
    const size_t got = source_->Read(buf_.data() + old, ask);
    buf_.resize(old + got);
    PullProblems();
    if (got == 0) eof_ = true;
  }
  return Available() >= want;
}

WarcReader::LineResult WarcReader::ReadLine(std::string_view* line, size_t max) {
  size_t scanned = 0;
  for (;;) {
    const char* start = buf_.data() + pos_;
    const void* nl = std::memchr(start + scanned, '\n', std::min(Available(), max + 2) - scanned);
    if (nl) {
      size_t len = static_cast<size_t>(static_cast<const char*>(nl) - start);
      const size_t consumed = len + 1;
      if (len > 0 && start[len - 1] == '\r') --len;
      if (len > max) return LineResult::kTooLong;
      *line = std::string_view(start, len);
      pos_ += consumed;
      return LineResult::kLine;
    }
    scanned = std::min(Available(), max + 2);
    if (scanned >= max + 2) return LineResult::kTooLong;
    if (!Fill(Available() + 1)) {
      if (Available() == 0) return LineResult::kEnd;
      // The last line has no line end: take it as it is.
      *line = std::string_view(buf_.data() + pos_, Available());
      pos_ = buf_.size();
      return line->size() > max ? LineResult::kTooLong : LineResult::kLine;
    }
  }
}

uint64_t WarcReader::SkipToRecordStart() {
  const uint64_t from = Position();
  // At a line start already (the callers guarantee it): a version line right here counts.
  bool line_start = true;
  for (;;) {
    if (!Fill(7)) {
      if (Available() == 0) break;
      // Too few bytes for a version line: the rest is garbage.
      if (!(line_start && IsVersionLine(std::string_view(buf_.data() + pos_, Available())))) pos_ = buf_.size();
      break;
    }
    if (line_start && IsVersionLine(std::string_view(buf_.data() + pos_, 6))) break;
    const char* start = buf_.data() + pos_;
    const void* nl = std::memchr(start, '\n', Available());
    if (!nl) {
      pos_ = buf_.size();
      line_start = false;
      continue;
    }
    pos_ += static_cast<size_t>(static_cast<const char*>(nl) - start) + 1;
    line_start = true;
  }
  return Position() - from;
}

void WarcReader::PushBack(std::string&& bytes, uint64_t offset) {
  // `bytes` were read from stream offset `offset` and are followed by what is still buffered.
  bytes.append(buf_, pos_, std::string::npos);
  buf_ = std::move(bytes);
  buf_offset_ = offset;
  pos_ = 0;
}

bool WarcReader::TakeProblem(uint64_t up_to, std::string* message) {
  if (problems_.empty() || problems_.front().offset > up_to) return false;
  *message = std::move(problems_.front().message);
  problems_.erase(problems_.begin());
  return true;
}

std::string WarcReader::DamagedBy(uint64_t start, uint64_t end, uint64_t* at) {
  // The problems up to `end` that damage the record [start, end): a break inside it, or suspect
  // bytes in it. A break right at `end` that leaves the record whole stays queued, to be reported
  // on its own before the next record. `at`: where the first damaging break is.
  std::string why;
  while (!problems_.empty() && problems_.front().offset <= end) {
    const WarcStreamProblem& p = problems_.front();
    const bool inside = p.offset > start && p.offset < end;
    const bool suspect = p.suspect_from != UINT64_MAX && p.suspect_from < end && p.offset > start &&
                         p.offset > p.suspect_from;
    if (!inside && !suspect) break;  // at the record's end (or before it): reported on its own
    if (why.empty()) {
      why = p.message;
      if (at) *at = p.offset;
    }
    problems_.erase(problems_.begin());
  }
  return why;
}

WarcReader::Result WarcReader::Next(WarcRecord* record, std::string* error) {
  // A problem of the source before the next record is reported on its own.
  Fill(1);
  if (TakeProblem(Position(), error)) return Result::kError;
  mark_ = kNoMark;
  // Blank lines between records are tolerated.
  while (Fill(1) && (buf_[pos_] == '\r' || buf_[pos_] == '\n')) ++pos_;
  if (!Fill(1)) {
    if (TakeProblem(UINT64_MAX, error)) return Result::kError;
    return Result::kEnd;
  }
  const uint64_t start = Position();
  if (TakeProblem(start, error)) return Result::kError;
  mark_ = start;  // until the header is read: a bad header is searched again from its start
  std::string_view line;
  LineResult lr = ReadLine(&line, options_.max_header_line);
  if (lr != LineResult::kLine || !IsVersionLine(line)) {
    pos_ = static_cast<size_t>(start - buf_offset_);
    mark_ = kNoMark;
    const uint64_t skipped = SkipToRecordStart();
    *error = std::to_string(skipped) + " bytes of garbage at offset " + std::to_string(start) +
             " (not a WARC record) skipped";
    return Result::kError;
  }
  *record = WarcRecord();
  record->version = std::string(line);
  record->offset = start;
  const uint64_t after_version = Position();
  // Back to just after the version line and on to the next record, with a reason.
  auto resync = [&](const std::string& why) {
    pos_ = static_cast<size_t>(after_version - buf_offset_);
    mark_ = kNoMark;
    SkipToRecordStart();
    *error = "bad WARC record at offset " + std::to_string(start) + ": " + why;
    return Result::kError;
  };
  size_t header_bytes = 0;
  for (;;) {
    lr = ReadLine(&line, options_.max_header_line);
    if (lr == LineResult::kTooLong)
      return resync("header line longer than " + std::to_string(options_.max_header_line) + " bytes");
    if (lr == LineResult::kEnd) return resync("truncated in its header");
    header_bytes += line.size() + 2;
    if (header_bytes > options_.max_header_bytes)
      return resync("header longer than " + std::to_string(options_.max_header_bytes) + " bytes");
    if (line.empty()) break;
    if ((line[0] == ' ' || line[0] == '\t') && !record->headers.empty()) {  // a folded continuation
      record->headers.back().second += ' ';
      record->headers.back().second += TrimHeaderValue(line);
      continue;
    }
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) {
      if (IsVersionLine(line)) return resync("header ends without a blank line");
      return resync("malformed header line");
    }
    record->headers.emplace_back(std::string(TrimHeaderValue(line.substr(0, colon))),
                                 std::string(TrimHeaderValue(line.substr(colon + 1))));
  }
  // A gzip member that broke inside the header: what follows the break belongs to later records.
  if (!problems_.empty() && problems_.front().offset < Position()) {
    // The next record may start right at the break (members usually hold whole records).
    uint64_t at = start;
    const std::string why = DamagedBy(start, Position(), &at);
    pos_ = static_cast<size_t>(std::max(at, start) - buf_offset_);
    mark_ = kNoMark;
    SkipToRecordStart();
    *error = "bad WARC record at offset " + std::to_string(start) + ": damaged: " + why;
    return Result::kError;
  }
  const std::string_view length_text = record->Header("Content-Length");
  if (length_text.empty()) return resync("no Content-Length");
  uint64_t length = 0;
  for (char c : length_text) {
    if (c < '0' || c > '9' || length > (UINT64_MAX - 9) / 10) return resync("bad Content-Length '" + std::string(length_text) + "'");
    length = length * 10 + static_cast<uint64_t>(c - '0');
  }
  record->content_length = length;
  record->type = std::string(record->Header("WARC-Type"));
  record->record_id = std::string(record->Header("WARC-Record-ID"));
  record->date = std::string(record->Header("WARC-Date"));
  record->content_type = std::string(record->Header("Content-Type"));
  std::string_view uri = record->Header("WARC-Target-URI");
  if (uri.size() >= 2 && uri.front() == '<' && uri.back() == '>') uri = uri.substr(1, uri.size() - 2);
  record->target_uri = std::string(uri);

  // The block: held when small enough, else streamed past.
  mark_ = kNoMark;
  const uint64_t block_start = Position();
  uint64_t have = 0;
  if (length > options_.max_block) {
    // Too large to hold: skipped by looking for the next record, which must start where the
    // Content-Length says (after the two line ends); anywhere else, or the end of the file before
    // it, makes the record bad, and reading goes on from what was found (a huge Content-Length
    // does not swallow the records after it).
    record->block_skipped = true;
    SkipToRecordStart();
    const uint64_t found = Position();
    const uint64_t end = block_start + length;
    const bool at_eof = !Fill(1);
    const std::string damage = DamagedBy(start, found, nullptr);
    mark_ = kNoMark;
    if (found >= end && found <= end + 4 && damage.empty()) {
      record->gzip_member_offset = gzip_ ? source_->MemberAt(start) : UINT64_MAX;
      return Result::kRecord;
    }
    *error = "bad WARC record at offset " + std::to_string(start) + ": " +
             (at_eof && found < end ? "truncated (" + std::to_string(found - block_start) + " of " +
                                          std::to_string(length) + " block bytes)"
                                    : "its " + std::to_string(length) + "-byte block does not end where the next record starts") +
             (damage.empty() ? "" : "; " + damage);
    return Result::kError;
  } else {
    record->block.resize(static_cast<size_t>(length));
    const size_t from_buffer = static_cast<size_t>(std::min<uint64_t>(Available(), length));
    std::memcpy(record->block.data(), buf_.data() + pos_, from_buffer);
    pos_ += from_buffer;
    have = from_buffer;
    // The rest straight from the source, without passing through the buffer.
    while (have < length && !eof_) {
      const size_t got = source_->Read(record->block.data() + have, static_cast<size_t>(length - have));
      PullProblems();
      if (got == 0) eof_ = true;
      have += got;
      buf_offset_ += got;  // the buffer (empty here) now starts after these bytes
    }
    record->block.resize(static_cast<size_t>(have));
  }
  // Rewinds to the start of the block (held) so the search for the next record looks inside it.
  auto rescan = [&](const std::string& why) {
    if (!record->block_skipped) {
      PushBack(std::move(record->block), block_start);
    }
    SkipToRecordStart();
    *error = "bad WARC record at offset " + std::to_string(start) + ": " + why;
    return Result::kError;
  };
  if (have < length) {
    const std::string damage = DamagedBy(start, Position(), nullptr);
    return rescan("truncated (" + std::to_string(have) + " of " + std::to_string(length) + " block bytes)" +
                  (damage.empty() ? "" : "; " + damage));
  }
  // The record ends with two line ends (CRLF CRLF; bare LFs tolerated). Without them the
  // Content-Length is wrong, and the block is not what the record holds. At the very end of the
  // file a missing end is forgiven: the block is whole.
  const uint64_t block_end = Position();
  mark_ = block_end;  // a wrong length is searched again from the block's end (and its start)
  int line_ends = 0;
  while (line_ends < 2 && Fill(1)) {
    if (buf_[pos_] == '\n') {
      ++pos_;
      ++line_ends;
    } else if (buf_[pos_] == '\r' && Fill(2) && buf_[pos_ + 1] == '\n') {
      pos_ += 2;
      ++line_ends;
    } else {
      break;
    }
  }
  const bool at_end = !Fill(1);
  uint64_t damage_at = block_start;
  const std::string damage = DamagedBy(start, Position(), &damage_at);
  if (!damage.empty()) {
    // Search again from the break: the next record may start right there.
    pos_ = static_cast<size_t>(block_end - buf_offset_);
    mark_ = kNoMark;
    if (!record->block_skipped) {
      PushBack(std::move(record->block), block_start);
      pos_ = static_cast<size_t>(std::min<uint64_t>(damage_at > block_start ? damage_at - block_start : 0, buf_.size()));
    }
    SkipToRecordStart();
    *error = "bad WARC record at offset " + std::to_string(start) + ": damaged: " + damage;
    return Result::kError;
  }
  if (line_ends < 2 && !at_end) {
    pos_ = static_cast<size_t>(block_end - buf_offset_);
    mark_ = kNoMark;
    // The next record right after the block (the line ends were left out): go on from there.
    if (Fill(6) && IsVersionLine(std::string_view(buf_.data() + pos_, 6))) {
      *error = "bad WARC record at offset " + std::to_string(start) + ": no CRLF CRLF after its block";
      return Result::kError;
    }
    return rescan("no CRLF CRLF after its " + std::to_string(length) + "-byte block (wrong Content-Length?)");
  }
  mark_ = kNoMark;
  record->gzip_member_offset = gzip_ ? source_->MemberAt(start) : UINT64_MAX;
  return Result::kRecord;
}

}  // namespace dossier
