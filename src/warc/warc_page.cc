// From a WARC record to an HTML page with its origin: which records are pages, and the HTTP facts
// (charset, dates) that go with them.
#include <cstdio>

#include "dossier/html.h"
#include "dossier/warc.h"
#include "warc/headers.h"

namespace dossier {
namespace {

// The media type of a Content-Type value, lower case, without parameters.
std::string MediaType(std::string_view content_type) {
  const size_t semi = content_type.find(';');
  return LowerAscii(TrimHeaderValue(content_type.substr(0, semi)));
}

bool IsHtmlType(const std::string& media) { return media == "text/html" || media == "application/xhtml+xml"; }

// A type that says nothing about the payload: look at the bytes instead.
bool IsVagueType(const std::string& media) {
  return media.empty() || media == "application/octet-stream" || media == "unk" || media == "unknown/unknown";
}

int MonthNumber(std::string_view name) {
  static const char* kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  if (name.size() < 3) return 0;
  const std::string lower = LowerAscii(name.substr(0, 3));
  for (int m = 0; m < 12; ++m)
    if (lower == kMonths[m]) return m + 1;
  return 0;
}

}  // namespace

std::string HttpDateToIso(std::string_view s) {
  // Tokens split on spaces, commas and dashes: a month name, a time h:m:s, a day and a year in
  // whichever of the three orders HTTP allows.
  int year = -1, month = 0, day = -1, hh = -1, mm = -1, ss = -1;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == ',' || s[i] == '-' || s[i] == '\t')) ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ' && s[j] != ',' && s[j] != '-' && s[j] != '\t') ++j;
    const std::string_view tok = s.substr(i, j - i);
    i = j;
    if (tok.empty()) continue;
    if (tok.find(':') != std::string_view::npos) {
      if (std::sscanf(std::string(tok).c_str(), "%d:%d:%d", &hh, &mm, &ss) != 3) return "";
    } else if (tok[0] >= '0' && tok[0] <= '9') {
      int v = 0;
      for (char c : tok) {
        if (c < '0' || c > '9' || v > 100000) return "";
        v = v * 10 + (c - '0');
      }
      if (tok.size() == 4) year = v;
      else if (day < 0 && tok.size() <= 2) day = v;
      else if (tok.size() == 2) year = v < 70 ? 2000 + v : 1900 + v;
      else return "";
    } else if (!month) {
      month = MonthNumber(tok);  // day names give 0 and are skipped
    }
  }
  if (year < 1970 || year > 9999 || month < 1 || day < 1 || day > 31 || hh < 0 || hh > 23 || mm < 0 || mm > 59 ||
      ss < 0 || ss > 60)
    return "";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", year, month, day, hh, mm, ss);
  return buf;
}

WarcPageResult ToWarcPage(WarcRecord&& record, WarcPage* page, std::string* why, const HttpParseOptions& options) {
  *page = WarcPage();
  WarcOrigin& o = page->origin;
  o.url = record.target_uri;
  o.warc_date = record.date;
  o.record_id = record.record_id;
  o.record_offset = record.offset;
  o.gzip_member_offset = record.gzip_member_offset;
  const std::string type = LowerAscii(record.type);
  if (type != "response" && type != "resource") {
    *why = (type.empty() ? std::string("untyped") : type) + " record";
    return WarcPageResult::kSkipped;
  }
  if (record.block_skipped) {
    *why = "too large";
    return WarcPageResult::kSkipped;
  }
  if (type == "resource") {
    // The block is the document itself, typed by the record's Content-Type.
    const std::string media = MediaType(record.content_type);
    if (!IsHtmlType(media) && !(IsVagueType(media) && LooksLikeHtml(record.block))) {
      *why = "not HTML";
      return WarcPageResult::kSkipped;
    }
    o.content_type = record.content_type;
    page->html = std::move(record.block);
    return WarcPageResult::kPage;
  }
  // A response record holds an HTTP message (application/http); other protocols (dns:) are not pages.
  const std::string record_media = MediaType(record.content_type);
  if (!record_media.empty() && record_media != "application/http") {
    *why = "not HTTP";
    return WarcPageResult::kSkipped;
  }
  HttpResponse http;
  std::string error;
  switch (ParseHttpResponse(record.block, &http, &error, options)) {
    case HttpParseResult::kOk: break;
    case HttpParseResult::kUnsupported:
      *why = "unsupported content coding";
      return WarcPageResult::kSkipped;
    case HttpParseResult::kBad:
      *why = error;
      return WarcPageResult::kBad;
  }
  record.block = std::string();  // the body is a copy; free the message before analysis
  if (http.status < 200 || http.status > 299) {
    *why = "HTTP status not 2xx";
    return WarcPageResult::kSkipped;
  }
  const std::string media = MediaType(http.Header("Content-Type"));
  if (!IsHtmlType(media) && !(IsVagueType(media) && LooksLikeHtml(http.body))) {
    *why = "not HTML";
    return WarcPageResult::kSkipped;
  }
  o.content_type = std::string(http.Header("Content-Type"));
  auto date = [](std::string_view raw) {
    std::string iso = HttpDateToIso(raw);
    return iso.empty() ? std::string(raw) : iso;
  };
  o.http_date = date(http.Header("Date"));
  o.http_last_modified = date(http.Header("Last-Modified"));
  page->html = std::move(http.body);
  return WarcPageResult::kPage;
}

}  // namespace dossier
