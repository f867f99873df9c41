// The pages of ../shared/data/extraction (scrapinghub, readability sources and expected
// outputs, trafilatura), for the HTML parser's differential and fuzz tests. Header-only (the test
// target builds *_test.cc files only).
#ifndef DOSSIER_TESTS_HTML_EXTRACTION_PAGES_H_
#define DOSSIER_TESTS_HTML_EXTRACTION_PAGES_H_

#include <zlib.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "html/input_stream.h"

namespace dossier::html::testing {

inline std::filesystem::path ExtractionDir() {
  return std::filesystem::path(DOSSIER_SHARED_DIR) / "data" / "extraction";
}

// Every page, sorted; empty if the folder is absent.
inline std::vector<std::string> ExtractionPages() {
  namespace fs = std::filesystem;
  std::vector<std::string> pages;
  const fs::path root = ExtractionDir();
  std::error_code error;
  if (!fs::is_directory(root, error)) return pages;
  for (const char* set : {"scrapinghub", "readability", "trafilatura"}) {
    if (!fs::is_directory(root / set, error)) continue;
    for (const auto& entry : fs::recursive_directory_iterator(root / set, error)) {
      const std::string path = entry.path().string();
      if (entry.is_regular_file() && path.size() > 8 &&
          path.compare(path.size() - 8, 8, ".html.gz") == 0) {
        pages.push_back(path);
      }
    }
  }
  std::sort(pages.begin(), pages.end());
  return pages;
}

// The page decompressed, with invalid UTF-8 (19 trafilatura pages are in other charsets)
// replaced by U+FFFD, the same bytes for both parsers.
inline std::string ReadPage(const std::string& path) {
  std::string bytes;
  gzFile file = gzopen(path.c_str(), "rb");
  if (file == nullptr) return bytes;
  char buffer[1 << 16];
  int n;
  while ((n = gzread(file, buffer, sizeof buffer)) > 0) bytes.append(buffer, n);
  gzclose(file);
  return ReplaceInvalidUtf8(bytes);
}

}  // namespace dossier::html::testing

#endif  // DOSSIER_TESTS_HTML_EXTRACTION_PAGES_H_
