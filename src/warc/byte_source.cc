#include "warc/byte_source.h"

#include <algorithm>
#include <cstring>

namespace dossier {
namespace {

class FileBytes final : public ByteSource {
 public:
  FileBytes(std::FILE* f, std::string path) : f_(f), path_(std::move(path)) {}
  ~FileBytes() override { std::fclose(f_); }
  size_t Read(char* buf, size_t n) override {
    if (failed_) return 0;
    const size_t got = std::fread(buf, 1, n, f_);
    if (got == 0 && std::ferror(f_)) {
      failed_ = true;
      problems_.push_back({done_, "read error"});
    }
    done_ += got;
    return got;
  }

 private:
  std::FILE* f_;
  std::string path_;
  uint64_t done_ = 0;
  bool failed_ = false;
};

class MemoryBytes final : public ByteSource {
 public:
  explicit MemoryBytes(std::string bytes) : bytes_(std::move(bytes)) {}
  size_t Read(char* buf, size_t n) override {
    const size_t k = std::min(n, bytes_.size() - pos_);
    std::memcpy(buf, bytes_.data() + pos_, k);
    pos_ += k;
    return k;
  }

 private:
  std::string bytes_;
  size_t pos_ = 0;
};

}  // namespace

std::unique_ptr<ByteSource> FileSource(std::FILE* file, std::string path) {
  return std::make_unique<FileBytes>(file, std::move(path));
}
std::unique_ptr<ByteSource> MemorySource(std::string bytes) { return std::make_unique<MemoryBytes>(std::move(bytes)); }

}  // namespace dossier
