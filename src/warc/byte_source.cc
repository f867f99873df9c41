#include "warc/byte_source.h"

#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <deque>

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

// Gzip, member after member. A member that fails to inflate (corrupt data, a bad CRC) is reported
// and the stream goes on at the next gzip header found after the point of failure; bytes between
// members that are not a member are reported too (trailing zero padding is not).
class GzipBytes final : public ByteSource {
 public:
  explicit GzipBytes(std::unique_ptr<ByteSource> raw) : raw_(std::move(raw)), in_(kInSize, '\0') {
    std::memset(&zs_, 0, sizeof zs_);
    ok_ = inflateInit2(&zs_, 16 + MAX_WBITS) == Z_OK;
    if (!ok_) problems_.push_back({0, "gzip: cannot initialise zlib"});
  }
  ~GzipBytes() override {
    if (ok_) inflateEnd(&zs_);
  }

  size_t Read(char* buf, size_t n) override {
    size_t produced = 0;
    while (produced < n && ok_ && state_ != State::kEnd) {
      if (state_ == State::kBetween) {
        FindMember();
        continue;
      }
      if (in_pos_ == in_len_ && !Refill(0)) {
        problems_.push_back({out_count_, "truncated gzip member at compressed offset " + std::to_string(member_start_),
                             member_out_start_});
        state_ = State::kEnd;
        break;
      }
      zs_.next_in = reinterpret_cast<Bytef*>(in_.data() + in_pos_);
      zs_.avail_in = static_cast<uInt>(in_len_ - in_pos_);
      zs_.next_out = reinterpret_cast<Bytef*>(buf + produced);
      zs_.avail_out = static_cast<uInt>(std::min<size_t>(n - produced, uInt(-1)));
      const uInt before_out = zs_.avail_out;
      const int rc = inflate(&zs_, Z_NO_FLUSH);
      in_pos_ = in_len_ - zs_.avail_in;
      const size_t made = before_out - zs_.avail_out;
      produced += made;
      out_count_ += made;
      if (rc == Z_STREAM_END) {
        state_ = State::kBetween;
        after_bad_member_ = false;
      } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
        problems_.push_back({out_count_,
                             "bad gzip member at compressed offset " + std::to_string(member_start_) + " (" +
                                 (zs_.msg ? zs_.msg : "inflate failed") + ")",
                             member_out_start_});
        state_ = State::kBetween;
        after_bad_member_ = true;  // what follows up to the next header is the rest of this member
      }
    }
    return produced;
  }

  uint64_t MemberAt(uint64_t offset) override {
    uint64_t found = UINT64_MAX;
    while (!members_.empty() && members_.front().first <= offset) {
      found = members_.front().second;
      if (members_.size() > 1 && members_[1].first <= offset) {
        members_.pop_front();
        continue;
      }
      break;
    }
    return found;
  }

 private:
  static constexpr size_t kInSize = 256 << 10;
  enum class State { kBetween, kInflating, kEnd };

  // Makes at least `keep + 1` unread bytes available (moving unread bytes to the front); false at
  // the end of the input.
  bool Refill(size_t keep) {
    if (in_len_ - in_pos_ > keep) return true;
    const size_t rest = in_len_ - in_pos_;
    std::memmove(in_.data(), in_.data() + in_pos_, rest);
    in_offset_ += in_pos_;
    in_pos_ = 0;
    in_len_ = rest;
    while (in_len_ <= keep) {
      const size_t got = raw_->Read(in_.data() + in_len_, in_.size() - in_len_);
      if (got == 0) break;
      in_len_ += got;
    }
    for (auto& p : raw_->TakeProblems()) problems_.push_back({out_count_, "gzip input: " + p.message});
    return in_len_ > keep;
  }

  bool AtHeader() const {
    const auto* p = reinterpret_cast<const unsigned char*>(in_.data() + in_pos_);
    return p[0] == 0x1f && p[1] == 0x8b && p[2] == 8 && (p[3] & 0xE0) == 0;
  }

  // Between members: the next member's header, or the end. Anything else is skipped up to the next
  // header and reported (unless it follows a bad member, whose report covers it, or is zeros).
  void FindMember() {
    uint64_t skipped = 0;
    bool zeros = true;
    const uint64_t from = in_offset_ + in_pos_;
    for (;;) {
      if (!Refill(3)) {
        // Fewer than 4 bytes left: not a member.
        for (size_t i = in_pos_; i < in_len_; ++i) zeros = zeros && in_[i] == 0;
        skipped += in_len_ - in_pos_;
        in_pos_ = in_len_;
        state_ = State::kEnd;
        break;
      }
      if (AtHeader()) {
        if (inflateReset(&zs_) != Z_OK) {
          ok_ = false;
          problems_.push_back({out_count_, "gzip: cannot reset zlib"});
          return;
        }
        member_start_ = in_offset_ + in_pos_;
        member_out_start_ = out_count_;
        members_.emplace_back(out_count_, member_start_);
        if (members_.size() > 4096) members_.pop_front();
        state_ = State::kInflating;
        break;
      }
      zeros = zeros && in_[in_pos_] == 0;
      ++in_pos_;
      ++skipped;
    }
    if (skipped && !zeros && !after_bad_member_) {
      problems_.push_back({out_count_, std::to_string(skipped) + " bytes of garbage between gzip members at compressed offset " +
                                           std::to_string(from) + " skipped"});
    }
    after_bad_member_ = false;
  }

  std::unique_ptr<ByteSource> raw_;
  std::string in_;
  size_t in_pos_ = 0, in_len_ = 0;
  uint64_t in_offset_ = 0;  // compressed offset of in_[0]
  z_stream zs_;
  bool ok_ = false;
  State state_ = State::kBetween;
  bool after_bad_member_ = false;
  uint64_t member_start_ = 0;
  uint64_t member_out_start_ = 0;  // output offset where the current member's output began
  uint64_t out_count_ = 0;
  std::deque<std::pair<uint64_t, uint64_t>> members_;  // (output offset, compressed offset) of member starts
};

}  // namespace

std::unique_ptr<ByteSource> FileSource(std::FILE* file, std::string path) {
  return std::make_unique<FileBytes>(file, std::move(path));
}
std::unique_ptr<ByteSource> MemorySource(std::string bytes) { return std::make_unique<MemoryBytes>(std::move(bytes)); }
std::unique_ptr<ByteSource> GzipSource(std::unique_ptr<ByteSource> raw) {
  return std::make_unique<GzipBytes>(std::move(raw));
}

}  // namespace dossier
