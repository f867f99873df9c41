// URL helpers of the metadata extractor: absolute URLs (RFC 3986 resolution, the common cases), host, path.
#include <string>
#include <string_view>
#include <vector>

#include "html/metadata_internal.h"

namespace dossier::html::meta {
namespace {

// Length of the scheme including ':' ("https:" -> 6), or 0.
size_t SchemeLength(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == ':') return i > 0 ? i + 1 : 0;
    const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (!(alpha || (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')))) return 0;
  }
  return 0;
}

// Removes "." and ".." segments (RFC 3986 5.2.4).
std::string RemoveDotSegments(std::string_view path) {
  std::vector<std::string_view> out;
  size_t i = 0;
  const bool absolute = !path.empty() && path[0] == '/';
  if (absolute) i = 1;
  bool trailing_slash = false;
  while (i <= path.size()) {
    size_t j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    const std::string_view seg = path.substr(i, j - i);
    trailing_slash = false;
    if (seg == "..") {
      if (!out.empty()) out.pop_back();
      trailing_slash = true;
    } else if (seg == ".") {
      trailing_slash = true;
    } else {
      out.push_back(seg);
    }
    i = j + 1;
  }
  std::string result = absolute ? "/" : "";
  for (size_t k = 0; k < out.size(); ++k) {
    if (k) result.push_back('/');
    result.append(out[k]);
  }
  if (trailing_slash && !out.empty()) result.push_back('/');
  return result;
}

}  // namespace

bool IsAbsoluteHttpUrl(std::string_view s) {
  const std::string lower = AsciiLower(s.substr(0, 8));
  return StartsWith(lower, "http://") || StartsWith(lower, "https://");
}

bool LooksLikeUrl(std::string_view s) {
  if (s.empty() || s.find(' ') != std::string_view::npos) return false;
  if (IsAbsoluteHttpUrl(s) || StartsWith(s, "//") || StartsWith(AsciiLower(s.substr(0, 4)), "www.")) return true;
  // "example.com" or "example.co.uk/path": a dot followed by 2-6 letters at the end of the host.
  const size_t slash = s.find('/');
  const std::string_view host = s.substr(0, slash);
  const size_t dot = host.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return false;
  const std::string_view tld = host.substr(dot + 1);
  if (tld.size() < 2 || tld.size() > 6) return false;
  for (char c : tld) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
  }
  for (char c : host) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-')) {
      return false;
    }
  }
  return true;
}

std::string ResolveUrl(std::string_view base, std::string_view ref) {
  std::string r = CollapseWhitespace(ref);
  if (r.empty()) return {};
  if (SchemeLength(r)) {
    return IsAbsoluteHttpUrl(r) ? r : std::string();
  }
  if (!IsAbsoluteHttpUrl(base)) return {};
  const size_t scheme_len = SchemeLength(base);
  if (StartsWith(r, "//")) return std::string(base.substr(0, scheme_len)) + r;
  // Authority of the base.
  const size_t auth_begin = scheme_len + 2;
  size_t auth_end = base.find_first_of("/?#", auth_begin);
  if (auth_end == std::string_view::npos) auth_end = base.size();
  const std::string origin(base.substr(0, auth_end));
  size_t path_end = base.find_first_of("?#", auth_end);
  if (path_end == std::string_view::npos) path_end = base.size();
  const std::string_view base_path = base.substr(auth_end, path_end - auth_end);
  if (r[0] == '#') return std::string(base.substr(0, base.find('#'))) + r;
  if (r[0] == '?') return origin + std::string(base_path.empty() ? "/" : base_path) + r;
  // Split the reference's path from its query/fragment.
  const size_t q = r.find_first_of("?#");
  const std::string ref_path = r.substr(0, q);
  const std::string tail = q == std::string::npos ? std::string() : r.substr(q);
  std::string merged;
  if (!ref_path.empty() && ref_path[0] == '/') {
    merged = ref_path;
  } else {
    const size_t last_slash = base_path.rfind('/');
    merged = (last_slash == std::string_view::npos ? std::string("/")
                                                   : std::string(base_path.substr(0, last_slash + 1))) +
             ref_path;
  }
  return origin + RemoveDotSegments(merged) + tail;
}

std::string HostOf(std::string_view url) {
  size_t begin = 0;
  if (const size_t s = SchemeLength(url); s && url.substr(s, 2) == "//") {
    begin = s + 2;
  } else if (StartsWith(url, "//")) {
    begin = 2;
  } else if (!LooksLikeUrl(url)) {
    return {};
  }
  size_t end = url.find_first_of("/?#", begin);
  if (end == std::string_view::npos) end = url.size();
  std::string_view host = url.substr(begin, end - begin);
  if (const size_t at = host.rfind('@'); at != std::string_view::npos) host = host.substr(at + 1);
  if (const size_t colon = host.find(':'); colon != std::string_view::npos) host = host.substr(0, colon);
  std::string h = AsciiLower(host);
  if (StartsWith(h, "www.")) h.erase(0, 4);
  return h;
}

std::string_view PathOf(std::string_view url) {
  size_t begin = 0;
  if (const size_t s = SchemeLength(url); s && url.substr(s, 2) == "//") {
    begin = url.find('/', s + 2);
    if (begin == std::string_view::npos) return {};
  } else if (StartsWith(url, "//")) {
    begin = url.find('/', 2);
    if (begin == std::string_view::npos) return {};
  }
  size_t end = url.find_first_of("?#", begin);
  if (end == std::string_view::npos) end = url.size();
  return url.substr(begin, end - begin);
}

}  // namespace dossier::html::meta
