// A small WARC writer for the tests: records, HTTP responses, gzip members, built from strings so
// that every hostile case is a few lines.
#ifndef DOSSIER_TESTS_WARC_WARC_TEST_UTIL_H_
#define DOSSIER_TESTS_WARC_WARC_TEST_UTIL_H_

#include <zlib.h>

#include <cstring>
#include <string>
#include <string_view>

namespace dossier::testing {

inline std::string Deflated(std::string_view data, int window_bits) {
  z_stream zs;
  std::memset(&zs, 0, sizeof zs);
  deflateInit2(&zs, 6, Z_DEFLATED, window_bits, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, data.size()) + 32, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}
inline std::string GzipMember(std::string_view data) { return Deflated(data, 16 + MAX_WBITS); }

// An HTTP/1.1 response with the given extra header lines ("Name: value\r\n" each) and body.
inline std::string HttpMessage(std::string_view body, std::string_view headers = "Content-Type: text/html; charset=utf-8\r\n",
                               std::string_view status = "200 OK") {
  return "HTTP/1.1 " + std::string(status) + "\r\n" + std::string(headers) + "\r\n" + std::string(body);
}

// A WARC/1.0 record with `block` and a Content-Length that is `length` when given (to lie).
inline std::string WarcRecordBytes(std::string_view type, std::string_view uri, std::string_view block, int id,
                                   std::string_view content_type = "application/http; msgtype=response",
                                   long long length = -1) {
  std::string r = "WARC/1.0\r\nWARC-Type: " + std::string(type) + "\r\n";
  r += "WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-" + std::to_string(100000000000LL + id) + ">\r\n";
  r += "WARC-Date: 2025-11-20T09:30:00Z\r\n";
  if (!uri.empty()) r += "WARC-Target-URI: " + std::string(uri) + "\r\n";
  r += "Content-Type: " + std::string(content_type) + "\r\n";
  r += "Content-Length: " + std::to_string(length >= 0 ? length : static_cast<long long>(block.size())) + "\r\n\r\n";
  r += block;
  r += "\r\n\r\n";
  return r;
}

inline std::string Page(std::string_view title, std::string_view para) {
  return "<!DOCTYPE html><html lang=\"en\"><head><title>" + std::string(title) + "</title></head><body><article><h1>" +
         std::string(title) + "</h1><p>" + std::string(para) + "</p></article></body></html>";
}

}  // namespace dossier::testing

#endif  // DOSSIER_TESTS_WARC_WARC_TEST_UTIL_H_
