#include "io.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sys/stat.h>

namespace dossier::cli {

bool ReadInput(const std::string& path, std::string* out, std::string* error) {
  out->clear();
  if (path == "-") {
    out->assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    return true;
  }
  struct stat st;
  if (stat(path.c_str(), &st) != 0) {
    *error = path + ": " + std::strerror(errno);
    return false;
  }
  if (S_ISDIR(st.st_mode)) {
    *error = path + ": is a directory";
    return false;
  }
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) {
    *error = path + ": " + std::strerror(errno);
    return false;
  }
  // One read into a buffer of the file's size (plus growth for files that change under us).
  out->resize(static_cast<size_t>(st.st_size));
  size_t got = std::fread(out->data(), 1, out->size(), f);
  out->resize(got);
  char buf[65536];
  size_t more;
  while ((more = std::fread(buf, 1, sizeof buf, f)) > 0) out->append(buf, more);
  bool failed = std::ferror(f) != 0;
  std::fclose(f);
  if (failed) {
    *error = path + ": read error";
    return false;
  }
  return true;
}

bool WriteStdout(const std::string& s) {
  return std::fwrite(s.data(), 1, s.size(), stdout) == s.size();
}

}  // namespace dossier::cli
