// LooksLikeHtml: tell an HTML page from crude text by its first bytes, not by its file name.
#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "dossier/html.h"

namespace dossier {

bool LooksLikeHtml(std::string_view bytes) {
  // Skip a UTF-8/UTF-16 BOM and leading whitespace, then look at a bounded prefix.
  size_t i = 0;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") return true;
  while (i < bytes.size() && std::isspace(static_cast<unsigned char>(bytes[i]))) ++i;
  const std::string_view head = bytes.substr(i, 4096);
  std::string lower(head);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  // A page nearly always opens with one of these (after comments or an XML declaration).
  static constexpr std::array<std::string_view, 4> kOpeners = {"<!doctype html", "<html", "<?xml",
                                                               "<!--"};
  for (std::string_view opener : kOpeners) {
    if (lower.starts_with(opener)) {
      if (opener == "<?xml" || opener == "<!--") break;  // decide on the tags below
      return true;
    }
  }
  // A page that opens with a head-only element (a leading <style> block can be longer than the
  // prefix looked at below).
  static constexpr std::array<std::string_view, 6> kHeadOpeners = {"<head", "<body", "<meta",
                                                                   "<link", "<style", "<script"};
  for (std::string_view opener : kHeadOpeners) {
    if (lower.starts_with(opener) && lower.size() > opener.size() &&
        (lower[opener.size()] == '>' || std::isspace(static_cast<unsigned char>(lower[opener.size()])))) {
      return true;
    }
  }
  // Otherwise: markup that crude text does not contain, near the start.
  static constexpr std::array<std::string_view, 8> kTags = {
      "<html", "<head", "<body", "<meta ", "<title>", "<div", "<p>", "<!doctype html"};
  int found = 0;
  for (std::string_view tag : kTags) {
    if (lower.find(tag) != std::string::npos) ++found;
  }
  return lower.starts_with("<") ? found >= 1 : found >= 2;
}

}  // namespace dossier
