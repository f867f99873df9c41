// The HTTP response inside a WARC response record: status line, header fields, and the body with
// its transfer coding (chunked) and content coding (gzip, deflate) undone.
#include <zlib.h>

#include <cstring>

#include "dossier/html.h"
#include "dossier/warc.h"
#include "warc/headers.h"

namespace dossier {
namespace {

// Reads one line ending in LF (CR before it dropped) from `s` at `*pos`; false when no LF is left.
bool TakeLine(std::string_view s, size_t* pos, std::string_view* line) {
  const size_t nl = s.find('\n', *pos);
  if (nl == std::string_view::npos) return false;
  size_t end = nl;
  if (end > *pos && s[end - 1] == '\r') --end;
  *line = s.substr(*pos, end - *pos);
  *pos = nl + 1;
  return true;
}

// A chunk-size line: hex digits, then optional ";extensions" and spaces. False if it is not one.
bool ParseChunkSize(std::string_view line, uint64_t* size) {
  size_t i = 0;
  uint64_t v = 0;
  while (i < line.size()) {
    const char c = line[i];
    int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    if (d < 0) break;
    if (i >= 15) return false;  // more than 2^60 bytes: not a size
    v = v * 16 + static_cast<uint64_t>(d);
    ++i;
  }
  if (i == 0) return false;
  const std::string_view rest = TrimHeaderValue(line.substr(i));
  if (!rest.empty() && rest[0] != ';') return false;
  *size = v;
  return true;
}

// Undoes chunked transfer coding. kOk with `*out` untouched and `*chunked` false when the body does
// not start with a chunk size (stored already de-chunked).
HttpParseResult Dechunk(std::string_view body, std::string* out, bool* chunked, std::string* error, uint64_t max) {
  size_t pos = 0;
  std::string_view line;
  uint64_t size = 0;
  *chunked = TakeLine(body, &pos, &line) && ParseChunkSize(line, &size);
  if (!*chunked) return HttpParseResult::kOk;
  out->clear();
  for (;;) {
    if (size == 0) return HttpParseResult::kOk;  // the last chunk; trailer fields are not needed
    if (size > body.size() - pos) {
      *error = "chunk of " + std::to_string(size) + " bytes runs past the end of the body";
      return HttpParseResult::kBad;
    }
    if (out->size() + size > max) {
      *error = "body larger than " + std::to_string(max) + " bytes";
      return HttpParseResult::kBad;
    }
    out->append(body.substr(pos, static_cast<size_t>(size)));
    pos += static_cast<size_t>(size);
    // CRLF after the chunk data, then the next size. A body that ends right after a chunk (the
    // last chunk lost by the crawler) is kept as it is.
    if (pos == body.size()) return HttpParseResult::kOk;
    if (!TakeLine(body, &pos, &line) || !line.empty()) {
      *error = "no line end after a chunk of " + std::to_string(size) + " bytes (bad chunk size)";
      return HttpParseResult::kBad;
    }
    if (pos == body.size()) return HttpParseResult::kOk;
    if (!TakeLine(body, &pos, &line) || !ParseChunkSize(line, &size)) {
      *error = "bad chunk size line";
      return HttpParseResult::kBad;
    }
  }
}

// zlib inflate with the given window bits (15+32: gzip or zlib header; -15: raw deflate), across
// gzip members, up to `max` bytes.
bool Inflate(std::string_view in, int window_bits, uint64_t max, std::string* out, std::string* error) {
  if (window_bits > 0 && IsGzip(in)) return Gunzip(in, out, error, max);
  z_stream zs;
  std::memset(&zs, 0, sizeof zs);
  if (inflateInit2(&zs, window_bits) != Z_OK) {
    *error = "cannot initialise zlib";
    return false;
  }
  out->clear();
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  char buf[1 << 15];
  bool ok = true;
  for (;;) {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof buf;
    const int rc = inflate(&zs, Z_NO_FLUSH);
    const size_t made = sizeof buf - zs.avail_out;
    if (out->size() + made > max) {
      *error = "decoded body larger than " + std::to_string(max) + " bytes";
      ok = false;
      break;
    }
    out->append(buf, made);
    if (rc == Z_STREAM_END) break;
    if (rc == Z_BUF_ERROR || (rc == Z_OK && zs.avail_in == 0 && made == 0)) {
      *error = "truncated deflate data";
      ok = false;
      break;
    }
    if (rc != Z_OK) {
      *error = std::string("corrupt deflate data (") + (zs.msg ? zs.msg : "inflate failed") + ")";
      ok = false;
      break;
    }
  }
  inflateEnd(&zs);
  return ok;
}

bool LooksLikeZlib(std::string_view s) {
  if (s.size() < 2) return false;
  const unsigned b0 = static_cast<unsigned char>(s[0]), b1 = static_cast<unsigned char>(s[1]);
  return (b0 & 0x0F) == 8 && ((b0 << 8) | b1) % 31 == 0;
}

bool LooksLikeText(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n')) ++i;
  return i == s.size() || s[i] == '<' || s.substr(i, 3) == "\xEF\xBB\xBF";
}

}  // namespace

std::string_view HttpResponse::Header(std::string_view name) const { return FindHeader(headers, name); }

HttpParseResult ParseHttpResponse(std::string_view message, HttpResponse* response, std::string* error,
                                  const HttpParseOptions& options) {
  *response = HttpResponse();
  size_t pos = 0;
  std::string_view line;
  // Status line: "HTTP/1.1 200 OK".
  if (!TakeLine(message, &pos, &line) || line.substr(0, 5) != "HTTP/") {
    *error = "not an HTTP response (no status line)";
    return HttpParseResult::kBad;
  }
  const size_t sp = line.find(' ');
  if (sp == std::string_view::npos || sp + 4 > line.size() ||
      !(line[sp + 1] >= '1' && line[sp + 1] <= '5' && line[sp + 2] >= '0' && line[sp + 2] <= '9' &&
        line[sp + 3] >= '0' && line[sp + 3] <= '9')) {
    *error = "bad HTTP status line";
    return HttpParseResult::kBad;
  }
  response->status = (line[sp + 1] - '0') * 100 + (line[sp + 2] - '0') * 10 + (line[sp + 3] - '0');
  for (;;) {
    if (!TakeLine(message, &pos, &line)) {
      *error = "HTTP header does not end (no blank line)";
      return HttpParseResult::kBad;
    }
    if (line.empty()) break;
    if ((line[0] == ' ' || line[0] == '\t') && !response->headers.empty()) {
      response->headers.back().second += ' ';
      response->headers.back().second += TrimHeaderValue(line);
      continue;
    }
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;  // tolerated: browsers ignore such lines too
    response->headers.emplace_back(std::string(TrimHeaderValue(line.substr(0, colon))),
                                   std::string(TrimHeaderValue(line.substr(colon + 1))));
  }
  std::string_view body = message.substr(pos);
  std::string dechunked;
  if (LowerAscii(response->Header("Transfer-Encoding")).find("chunked") != std::string::npos) {
    bool chunked = false;
    const HttpParseResult r = Dechunk(body, &dechunked, &chunked, error, options.max_body);
    if (r != HttpParseResult::kOk) return r;
    if (chunked) body = dechunked;
  }
  // Content coding: the last coding that is not "identity".
  std::string coding;
  {
    const std::string all = LowerAscii(response->Header("Content-Encoding"));
    size_t b = 0;
    int codings = 0;
    while (b <= all.size()) {
      size_t e = all.find(',', b);
      if (e == std::string::npos) e = all.size();
      const std::string_view c = TrimHeaderValue(std::string_view(all).substr(b, e - b));
      if (!c.empty() && c != "identity") {
        coding = std::string(c);
        ++codings;
      }
      b = e + 1;
    }
    if (codings > 1) {
      *error = "content coding '" + all + "'";
      return HttpParseResult::kUnsupported;
    }
  }
  if (coding.empty()) {
    if (body.size() > options.max_body) {
      *error = "body larger than " + std::to_string(options.max_body) + " bytes";
      return HttpParseResult::kBad;
    }
    response->body = dechunked.empty() ? std::string(body) : std::move(dechunked);
    return HttpParseResult::kOk;
  }
  if (coding != "gzip" && coding != "x-gzip" && coding != "deflate") {
    *error = "content coding '" + coding + "'";
    return HttpParseResult::kUnsupported;
  }
  // A body that is plainly not compressed was stored decoded under its original header.
  if (!IsGzip(body) && !LooksLikeZlib(body) && (coding != "deflate" || LooksLikeText(body))) {
    response->body = dechunked.empty() ? std::string(body) : std::move(dechunked);
    return HttpParseResult::kOk;
  }
  std::string why;
  const int bits = IsGzip(body) || LooksLikeZlib(body) ? 15 + 32 : -15;
  if (!Inflate(body, bits, options.max_body, &response->body, &why)) {
    *error = coding + " body: " + why;
    return HttpParseResult::kBad;
  }
  return HttpParseResult::kOk;
}

}  // namespace dossier
