// HTTP messages inside response records, and which records become pages.
#include <gtest/gtest.h>

#include <string>

#include "dossier/warc.h"
#include "warc_test_util.h"

namespace dossier {
namespace {

using testing::Deflated;
using testing::GzipMember;
using testing::HttpMessage;
using testing::Page;

WarcRecord Response(std::string block, std::string type = "response",
                    std::string content_type = "application/http; msgtype=response") {
  WarcRecord r;
  r.type = type;
  r.target_uri = "http://news.example/story";
  r.date = "2025-11-20T09:30:00Z";
  r.record_id = "<urn:uuid:1>";
  r.content_type = content_type;
  r.offset = 1234;
  r.block = std::move(block);
  return r;
}

std::string Chunked(std::string_view body, size_t piece) {
  std::string out;
  for (size_t i = 0; i < body.size(); i += piece) {
    const std::string_view p = body.substr(i, piece);
    char size[16];
    std::snprintf(size, sizeof size, "%zx", p.size());
    out += std::string(size) + ";ext=1\r\n" + std::string(p) + "\r\n";
  }
  return out + "0\r\nX-Trailer: y\r\n\r\n";
}

TEST(HttpResponse, StatusHeadersBody) {
  HttpResponse h;
  std::string error;
  ASSERT_EQ(ParseHttpResponse(HttpMessage("<p>x</p>", "Content-Type: text/html\r\nX-Folded: a\r\n  b\r\n", "404 Not Found"),
                              &h, &error),
            HttpParseResult::kOk);
  EXPECT_EQ(h.status, 404);
  EXPECT_EQ(h.Header("content-type"), "text/html");
  EXPECT_EQ(h.Header("X-Folded"), "a b");
  EXPECT_EQ(h.body, "<p>x</p>");
}

TEST(HttpResponse, ChunkedGzipDeflate) {
  const std::string page = Page("Coded", "Transfer and content codings undone.");
  HttpResponse h;
  std::string error;
  ASSERT_EQ(ParseHttpResponse(HttpMessage(Chunked(page, 7), "Transfer-Encoding: chunked\r\n"), &h, &error),
            HttpParseResult::kOk);
  EXPECT_EQ(h.body, page);
  ASSERT_EQ(ParseHttpResponse(HttpMessage(Chunked(GzipMember(page), 5),
                                          "Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n"),
                              &h, &error),
            HttpParseResult::kOk);
  EXPECT_EQ(h.body, page);
  // deflate as zlib (RFC 1950) and as the raw deflate some servers send.
  ASSERT_EQ(ParseHttpResponse(HttpMessage(Deflated(page, 15), "Content-Encoding: deflate\r\n"), &h, &error),
            HttpParseResult::kOk);
  EXPECT_EQ(h.body, page);
  ASSERT_EQ(ParseHttpResponse(HttpMessage(Deflated(page, -15), "Content-Encoding: deflate\r\n"), &h, &error),
            HttpParseResult::kOk);
  EXPECT_EQ(h.body, page);
  // Stored already decoded under the original headers: taken as it is.
  ASSERT_EQ(ParseHttpResponse(HttpMessage(page, "Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n"), &h, &error),
            HttpParseResult::kOk);
  EXPECT_EQ(h.body, page);
}

TEST(HttpResponse, BadChunkSizes) {
  const std::string page = Page("Bad", "Chunks.");
  HttpResponse h;
  std::string error;
  // A size larger than what follows.
  EXPECT_EQ(ParseHttpResponse(HttpMessage("ffff\r\n" + page + "\r\n0\r\n\r\n", "Transfer-Encoding: chunked\r\n"), &h, &error),
            HttpParseResult::kBad);
  EXPECT_NE(error.find("runs past"), std::string::npos) << error;
  // A size smaller than the chunk: the next "size" line is chunk data.
  EXPECT_EQ(ParseHttpResponse(HttpMessage("5\r\n" + page + "\r\n0\r\n\r\n", "Transfer-Encoding: chunked\r\n"), &h, &error),
            HttpParseResult::kBad);
  // A later size line that is not hex.
  EXPECT_EQ(ParseHttpResponse(HttpMessage("3\r\nabc\r\nzz\r\nrest\r\n0\r\n\r\n", "Transfer-Encoding: chunked\r\n"), &h, &error),
            HttpParseResult::kBad);
  EXPECT_NE(error.find("bad chunk size"), std::string::npos) << error;
}

TEST(HttpResponse, CorruptGzipAndUnsupportedCoding) {
  std::string gz = GzipMember(Page("Corrupt", "Body."));
  gz[gz.size() / 2] ^= 0x55;
  gz[gz.size() / 2 + 1] ^= 0x55;
  HttpResponse h;
  std::string error;
  EXPECT_EQ(ParseHttpResponse(HttpMessage(gz, "Content-Encoding: gzip\r\n"), &h, &error), HttpParseResult::kBad);
  EXPECT_EQ(ParseHttpResponse(HttpMessage("\x0b\x02\x80", "Content-Encoding: br\r\n"), &h, &error),
            HttpParseResult::kUnsupported);
  EXPECT_EQ(ParseHttpResponse("<html>no status line", &h, &error), HttpParseResult::kBad);
  EXPECT_EQ(ParseHttpResponse("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n", &h, &error), HttpParseResult::kBad);
  EXPECT_NE(error.find("does not end"), std::string::npos);
}

TEST(WarcPage, HtmlResponseBecomesAPage) {
  WarcPage page;
  std::string why;
  const std::string html = Page("Story", "Text.");
  ASSERT_EQ(ToWarcPage(Response(HttpMessage(html,
                                            "Content-Type: text/html; charset=ISO-8859-1\r\n"
                                            "Date: Thu, 20 Nov 2025 09:30:01 GMT\r\n"
                                            "Last-Modified: Wednesday, 19-Nov-25 18:00:00 GMT\r\n")),
                       &page, &why),
            WarcPageResult::kPage);
  EXPECT_EQ(page.html, html);
  EXPECT_EQ(page.origin.url, "http://news.example/story");
  EXPECT_EQ(page.origin.warc_date, "2025-11-20T09:30:00Z");
  EXPECT_EQ(page.origin.record_id, "<urn:uuid:1>");
  EXPECT_EQ(page.origin.record_offset, 1234u);
  EXPECT_EQ(page.origin.content_type, "text/html; charset=ISO-8859-1");
  EXPECT_EQ(page.origin.http_date, "2025-11-20T09:30:01Z");
  EXPECT_EQ(page.origin.http_last_modified, "2025-11-19T18:00:00Z");
}

TEST(WarcPage, WhatIsSkipped) {
  WarcPage page;
  std::string why;
  EXPECT_EQ(ToWarcPage(Response("GET / HTTP/1.1\r\n\r\n", "request"), &page, &why), WarcPageResult::kSkipped);
  EXPECT_EQ(why, "request record");
  EXPECT_EQ(ToWarcPage(Response(HttpMessage("{}", "Content-Type: application/json\r\n")), &page, &why),
            WarcPageResult::kSkipped);
  EXPECT_EQ(why, "not HTML");
  EXPECT_EQ(ToWarcPage(Response(HttpMessage("", "Location: /x\r\n", "301 Moved")), &page, &why), WarcPageResult::kSkipped);
  EXPECT_EQ(why, "HTTP status not 2xx");
  // No Content-Type: the body decides.
  EXPECT_EQ(ToWarcPage(Response(HttpMessage(Page("A", "B"), "")), &page, &why), WarcPageResult::kPage);
  EXPECT_EQ(ToWarcPage(Response(HttpMessage("just text", "")), &page, &why), WarcPageResult::kSkipped);
  // A resource record is the page itself.
  EXPECT_EQ(ToWarcPage(Response(Page("R", "Resource."), "resource", "text/html"), &page, &why), WarcPageResult::kPage);
  EXPECT_EQ(page.html, Page("R", "Resource."));
  // A malformed HTTP message is bad, not skipped.
  EXPECT_EQ(ToWarcPage(Response("garbage"), &page, &why), WarcPageResult::kBad);
}

TEST(HttpDate, ThreeForms) {
  EXPECT_EQ(HttpDateToIso("Sun, 06 Nov 1994 08:49:37 GMT"), "1994-11-06T08:49:37Z");
  EXPECT_EQ(HttpDateToIso("Sunday, 06-Nov-94 08:49:37 GMT"), "1994-11-06T08:49:37Z");
  EXPECT_EQ(HttpDateToIso("Sun Nov  6 08:49:37 1994"), "1994-11-06T08:49:37Z");
  EXPECT_EQ(HttpDateToIso("yesterday"), "");
  EXPECT_EQ(HttpDateToIso("Sun, 06 Foo 1994 08:49:37 GMT"), "");
}

}  // namespace
}  // namespace dossier
