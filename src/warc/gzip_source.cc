// The decompressed bytes of a multi-member gzip stream (a .warc.gz: usually one member per record).
// Two paths, as in simdjson or RE2: a fast one that inflates each member whole with libdeflate into
// a buffer and serves reads from it, and the correct one, zlib's streaming inflate, which takes over
// for any member the fast path cannot do (corrupt, truncated, larger than its bounds) and reports
// what is wrong. A member the fast path rejects costs some wasted work but changes nothing: zlib
// starts it again from its header, so records, offsets and problems are those of zlib alone
// (tests/warc/gzip_source_test.cc compares the two on good and damaged files).
#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <deque>
#include <memory>

#include "util/inflate_member.h"
#include "warc/byte_source.h"

namespace dossier {
namespace {

// A member that fails to inflate (corrupt data, a bad CRC) is reported and the stream goes on at the
// next gzip header found after the point of failure; bytes between members that are not a member
// are reported too (trailing zero padding is not).
class GzipBytes final : public ByteSource {
 public:
  GzipBytes(std::unique_ptr<ByteSource> raw, bool fast) : raw_(std::move(raw)), fast_(fast), in_(kInSize, '\0') {
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
      if (state_ == State::kServing) {
        // A member inflated whole by the fast path.
        const size_t k = std::min(n - produced, member_len_ - member_pos_);
        std::memcpy(buf + produced, member_.get() + member_pos_, k);
        member_pos_ += k;
        produced += k;
        out_count_ += k;
        if (member_pos_ == member_len_) {
          state_ = State::kBetween;
          after_bad_member_ = false;
        }
        continue;
      }
      if (in_pos_ == in_len_ && !Refill(0)) {
        problems_.push_back({out_count_, "truncated gzip member at compressed offset " + std::to_string(member_start_),
                             member_out_start_});
        state_ = State::kEnd;
        break;
      }
      zs_.next_in = reinterpret_cast<Bytef*>(in_.data() + in_pos_);
      zs_.avail_in = static_cast<uInt>(std::min<size_t>(in_len_ - in_pos_, uInt(-1)));
      zs_.next_out = reinterpret_cast<Bytef*>(buf + produced);
      zs_.avail_out = static_cast<uInt>(std::min<size_t>(n - produced, uInt(-1)));
      const uInt before_in = zs_.avail_in;
      const uInt before_out = zs_.avail_out;
      const int rc = inflate(&zs_, Z_NO_FLUSH);
      in_pos_ += before_in - zs_.avail_in;
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
  // Compressed bytes held at a time: normally kInSize, more when one member needs it on the fast
  // path (up to kMaxFastIn); a member is inflated whole only if its output fits in kMaxFastOut.
  // Larger members (a whole file in one member) go through zlib, in pieces, with bounded memory.
  static constexpr size_t kInSize = 1 << 20;
  static constexpr size_t kFastWindow = 256 << 10;  // unread bytes wanted before a fast attempt
  static constexpr size_t kMaxFastIn = 16 << 20;
  static constexpr size_t kFirstFastOut = 1 << 20;
  static constexpr size_t kMaxFastOut = 64 << 20;
  enum class State { kBetween, kInflating, kServing, kEnd };

  // Makes at least `keep + 1` unread bytes available (moving unread bytes to the front, growing the
  // buffer if it is too small); false at the end of the input.
  bool Refill(size_t keep) {
    if (in_len_ - in_pos_ > keep) return true;
    const size_t rest = in_len_ - in_pos_;
    std::memmove(in_.data(), in_.data() + in_pos_, rest);
    in_offset_ += in_pos_;
    in_pos_ = 0;
    in_len_ = rest;
    if (in_.size() < keep + 1) in_.resize(keep + 1);
    while (in_len_ <= keep && !raw_end_) {
      const size_t got = raw_->Read(in_.data() + in_len_, in_.size() - in_len_);
      if (got == 0) raw_end_ = true;
      in_len_ += got;
    }
    for (auto& p : raw_->TakeProblems()) problems_.push_back({out_count_, "gzip input: " + p.message});
    return in_len_ > keep;
  }

  bool AtHeader() const {
    const auto* p = reinterpret_cast<const unsigned char*>(in_.data() + in_pos_);
    return p[0] == 0x1f && p[1] == 0x8b && p[2] == 8 && (p[3] & 0xE0) == 0;
  }

  // The member at in_pos_ inflated whole into member_, if it can be; false leaves everything as it
  // was (apart from more input buffered) for zlib.
  bool InflateWhole() {
    Refill(kFastWindow - 1);
    if (!member_) {
      member_.reset(new char[kFirstFastOut]);
      member_cap_ = kFirstFastOut;
    }
    for (;;) {
      size_t used = 0, made = 0;
      const std::string_view in(in_.data() + in_pos_, in_len_ - in_pos_);
      const MemberInflate r = InflateGzipMember(in, member_.get(), member_cap_, &used, &made);
      if (r == MemberInflate::kOk) {
        in_pos_ += used;
        member_pos_ = 0;
        member_len_ = made;
        return true;
      }
      if (r == MemberInflate::kNoRoom) {
        if (member_cap_ >= kMaxFastOut) break;
        member_cap_ *= 2;
        member_.reset(new char[member_cap_]);
        continue;
      }
      // Corrupt, or cut off by the end of what is buffered: more input, while there is any.
      if (raw_end_ || in.size() >= kMaxFastIn) break;
      Refill(std::min(in.size() * 2, kMaxFastIn) - 1);
    }
    if (member_cap_ > kFirstFastOut) {  // a huge member: do not keep its buffer
      member_.reset(new char[kFirstFastOut]);
      member_cap_ = kFirstFastOut;
    }
    return false;
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
        member_start_ = in_offset_ + in_pos_;
        member_out_start_ = out_count_;
        members_.emplace_back(out_count_, member_start_);
        if (members_.size() > 4096) members_.pop_front();
        if (fast_ && InflateWhole()) {
          state_ = State::kServing;
          break;
        }
        if (inflateReset(&zs_) != Z_OK) {
          ok_ = false;
          problems_.push_back({out_count_, "gzip: cannot reset zlib"});
          return;
        }
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
  bool fast_;
  std::string in_;
  size_t in_pos_ = 0, in_len_ = 0;
  uint64_t in_offset_ = 0;  // compressed offset of in_[0]
  bool raw_end_ = false;
  z_stream zs_;
  bool ok_ = false;
  State state_ = State::kBetween;
  bool after_bad_member_ = false;
  uint64_t member_start_ = 0;
  uint64_t member_out_start_ = 0;  // output offset where the current member's output began
  uint64_t out_count_ = 0;
  std::deque<std::pair<uint64_t, uint64_t>> members_;  // (output offset, compressed offset) of member starts
  // The fast path's output: one whole member, served from member_pos_.
  std::unique_ptr<char[]> member_;
  size_t member_cap_ = 0, member_len_ = 0, member_pos_ = 0;
};

}  // namespace

std::unique_ptr<ByteSource> GzipSource(std::unique_ptr<ByteSource> raw, bool fast_inflate) {
  return std::make_unique<GzipBytes>(std::move(raw), fast_inflate);
}

}  // namespace dossier
