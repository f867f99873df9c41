// IsGzip / Gunzip: members, truncation, corruption, the output limit.
#include <gtest/gtest.h>
#include <zlib.h>

#include <cstring>
#include <string>

#include "dossier/html.h"
#include "html/gunzip.h"

namespace dossier {
namespace {

std::string GzipOf(std::string_view data) {
  z_stream zs;
  std::memset(&zs, 0, sizeof zs);
  EXPECT_EQ(deflateInit2(&zs, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out(deflateBound(&zs, data.size()) + 32, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&zs, Z_FINISH), Z_STREAM_END);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

std::string Text(size_t n) {
  std::string s;
  for (size_t i = 0; s.size() < n; ++i) s += "<p>line " + std::to_string(i * 7919 % 1000) + "</p>\n";
  s.resize(n);
  return s;
}

TEST(Gunzip, IsGzip) {
  EXPECT_TRUE(IsGzip(GzipOf("x")));
  EXPECT_FALSE(IsGzip("<html>"));
  EXPECT_FALSE(IsGzip("\x1f"));
  EXPECT_FALSE(IsGzip(""));
}

TEST(Gunzip, RoundTrip) {
  for (size_t n : {size_t{0}, size_t{1}, size_t{1000}, size_t{70000}, size_t{3} << 20}) {
    const std::string data = Text(n);
    std::string out, error;
    ASSERT_TRUE(Gunzip(GzipOf(data), &out, &error)) << n << ": " << error;
    EXPECT_TRUE(out == data) << n;
  }
}

TEST(Gunzip, MultiMemberStreamsAreConcatenated) {
  const std::string a = Text(100000), b = "second member", c = Text(10);
  std::string out, error;
  ASSERT_TRUE(Gunzip(GzipOf(a) + GzipOf(b) + GzipOf("") + GzipOf(c), &out, &error)) << error;
  EXPECT_TRUE(out == a + b + c);
}

TEST(Gunzip, TrailingZerosAfterAMemberAreIgnored) {
  std::string out, error;
  ASSERT_TRUE(Gunzip(GzipOf("abc") + std::string(16, '\0'), &out, &error)) << error;
  EXPECT_EQ(out, "abc");
}

TEST(Gunzip, TruncatedStreamsFail) {
  const std::string gz = GzipOf(Text(50000));
  for (size_t cut : {size_t{0}, size_t{1}, size_t{5}, size_t{10}, gz.size() / 2, gz.size() - 4, gz.size() - 1}) {
    std::string out, error;
    EXPECT_FALSE(Gunzip(std::string_view(gz).substr(0, cut), &out, &error)) << cut;
    EXPECT_NE(error.find("gzip:"), std::string::npos) << cut;
  }
  // A complete member followed by a truncated one.
  const std::string two = GzipOf("abc") + GzipOf(Text(5000));
  std::string out, error;
  EXPECT_FALSE(Gunzip(std::string_view(two).substr(0, two.size() - 20), &out, &error));
  EXPECT_NE(error.find("truncated"), std::string::npos) << error;
}

TEST(Gunzip, CorruptStreamsFail) {
  const std::string data = Text(20000);
  std::string gz = GzipOf(data);
  // A flipped CRC byte (the trailer's first four bytes).
  std::string bad_crc = gz;
  bad_crc[gz.size() - 8] ^= 0x55;
  std::string out, error;
  EXPECT_FALSE(Gunzip(bad_crc, &out, &error));
  EXPECT_NE(error.find("corrupt"), std::string::npos) << error;
  // A wrong length in the trailer.
  std::string bad_len = gz;
  bad_len[gz.size() - 1] ^= 0x01;
  EXPECT_FALSE(Gunzip(bad_len, &out, &error));
  // Garbage inside the deflate data.
  std::string bad_data = gz;
  for (size_t i = 20; i < 40; ++i) bad_data[i] = '\xFF';
  EXPECT_FALSE(Gunzip(bad_data, &out, &error));
  // Not gzip at all.
  EXPECT_FALSE(Gunzip("<html>not gzip</html>", &out, &error));
}

TEST(Gunzip, OutputLimit) {
  const std::string data = Text(200000);
  const std::string gz = GzipOf(data);
  std::string out, error;
  EXPECT_TRUE(Gunzip(gz, &out, &error, data.size()));  // exactly the limit is fine
  EXPECT_EQ(out.size(), data.size());
  EXPECT_FALSE(Gunzip(gz, &out, &error, data.size() - 1));
  EXPECT_NE(error.find("limit"), std::string::npos) << error;
  // A bomb: 64 MiB of zeros from a few KiB, with a 1 MiB limit.
  const std::string bomb = GzipOf(std::string(size_t{64} << 20, '\0'));
  EXPECT_LT(bomb.size(), size_t{1} << 20);
  EXPECT_FALSE(Gunzip(bomb, &out, &error, size_t{1} << 20));
  EXPECT_LE(out.size(), (size_t{1} << 20) + (size_t{1} << 16));
}

}  // namespace
}  // namespace dossier

namespace dossier {
namespace {

// The fast path (libdeflate, member by member) against zlib alone, on multi-member streams with
// random damage: the same answer, the same bytes or the same error, every time.
TEST(Gunzip, FastPathMatchesZlib) {
  std::string good;
  for (size_t n : {size_t{3000}, size_t{0}, size_t{120000}, size_t{17}}) good += GzipOf(Text(n));
  uint64_t state = 99;
  auto next = [&state](uint64_t n) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (state >> 33) % n;
  };
  size_t failures = 0;
  for (int round = 0; round < 340; ++round) {
    std::string bytes = good;
    if (round >= 300) bytes.resize(static_cast<size_t>(round - 300) % 21);  // nothing, or a member's first bytes
    if (round % 10 == 0) bytes += std::string(next(20), round % 20 ? '\0' : 'x');  // padding, junk
    for (int e = round % 5 && round < 300 ? 1 + static_cast<int>(next(3)) : 0; e > 0 && !bytes.empty(); --e) {
      const size_t at = next(bytes.size());
      switch (next(3)) {
        case 0: bytes[at] = static_cast<char>(next(256)); break;
        case 1: bytes.resize(at); break;
        default: bytes.insert(at, std::string(1 + next(30), static_cast<char>(next(256)))); break;
      }
    }
    const uint64_t limit = round % 7 == 3 ? 100000 : uint64_t{1} << 31;
    std::string fast_out, fast_error, zlib_out, zlib_error;
    const bool fast_ok = Gunzip(bytes, &fast_out, &fast_error, limit);
    const bool zlib_ok = GunzipWithZlib(bytes, &zlib_out, &zlib_error, limit);
    ASSERT_EQ(fast_ok, zlib_ok) << "round " << round << ": " << zlib_error;
    if (zlib_ok) EXPECT_TRUE(fast_out == zlib_out) << "round " << round;
    else EXPECT_EQ(fast_error, zlib_error) << "round " << round;
    failures += !zlib_ok;
  }
  // Both kinds of case were met.
  EXPECT_GT(failures, 50u);
  EXPECT_LT(failures, 290u);
}

}  // namespace
}  // namespace dossier
