// The .warc.gz fast path (each gzip member inflated whole with libdeflate) against zlib alone: on
// multi-member files built here, good and damaged, the reader gives the same records (type, URI,
// offsets, member offsets, blocks) and the same errors, in the same order, either way.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "dossier/warc.h"
#include "warc/byte_source.h"
#include "warc_test_util.h"

namespace dossier {
namespace {

using testing::GzipMember;
using testing::HttpMessage;
using testing::Page;
using testing::WarcRecordBytes;

// Everything the reader says about a file, one line per record or error.
std::vector<std::string> Transcript(const std::string& bytes, bool fast, uint64_t max_block = uint64_t{256} << 20) {
  WarcReaderOptions options;
  options.fast_inflate = fast;
  options.max_block = max_block;
  std::unique_ptr<WarcReader> reader = WarcReader::FromBytes(bytes, options);
  std::vector<std::string> lines;
  WarcRecord record;
  std::string error;
  for (int guard = 0; guard < 2000; ++guard) {
    const WarcReader::Result r = reader->Next(&record, &error);
    if (r == WarcReader::Result::kEnd) break;
    if (r == WarcReader::Result::kError) {
      lines.push_back("ERROR " + error);
      continue;
    }
    lines.push_back(record.type + " " + record.target_uri + " @" + std::to_string(record.offset) + " member " +
                    std::to_string(record.gzip_member_offset) + " block " + std::to_string(record.block.size()) + " " +
                    std::to_string(std::hash<std::string>()(record.block)) + (record.block_skipped ? " skipped" : ""));
  }
  return lines;
}

// Bytes that do not compress (so a member can be larger than the fast path's input window).
std::string Noise(size_t n, uint64_t seed) {
  std::string s(n, '\0');
  for (char& c : s) {
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    c = static_cast<char>(seed >> 56);
  }
  return s;
}

// Records of every size the fast path treats differently: small, a block larger than its first
// output buffer (1 MiB, compressible), one whose member is larger than its input window (256 KiB
// of noise), and an empty member between records.
std::vector<std::string> Records() {
  std::string big_page = Page("Big", "");
  while (big_page.size() < (size_t{3} << 19)) big_page += "<p>paragraph " + std::to_string(big_page.size()) + "</p>\n";
  return {
      WarcRecordBytes("warcinfo", "", "software: test\r\n", 1, "application/warc-fields"),
      WarcRecordBytes("response", "http://a.example/1", HttpMessage(Page("One", "First page.")), 2),
      WarcRecordBytes("response", "http://a.example/big", HttpMessage(big_page), 3),
      WarcRecordBytes("resource", "http://a.example/noise", Noise(400000, 7), 4, "application/octet-stream"),
      WarcRecordBytes("response", "http://a.example/2", HttpMessage(Page("Two", "Second page.")), 5),
  };
}

std::string MultiMember(const std::vector<std::string>& records) {
  std::string gz;
  for (size_t i = 0; i < records.size(); ++i) {
    gz += GzipMember(records[i]);
    if (i == 1) gz += GzipMember("");  // an empty member: no bytes, not an error
  }
  return gz;
}

TEST(GzipSource, FastAndZlibGiveTheSameBytes) {
  std::string plain;
  for (const auto& r : Records()) plain += r;
  const std::string gz = MultiMember(Records());
  for (bool fast : {true, false}) {
    auto source = GzipSource(MemorySource(gz), fast);
    std::string out;
    char buf[70000];  // reads of an odd size, across member boundaries
    for (size_t got; (got = source->Read(buf, sizeof buf)) > 0;) out.append(buf, got);
    EXPECT_TRUE(out == plain) << "fast " << fast;
    EXPECT_TRUE(source->TakeProblems().empty());
  }
}

TEST(GzipSource, GoodFileSameRecords) {
  const std::string gz = MultiMember(Records());
  const std::vector<std::string> zlib = Transcript(gz, false);
  ASSERT_EQ(zlib.size(), 5u);
  for (const auto& line : zlib) EXPECT_EQ(line.find("ERROR"), std::string::npos) << line;
  EXPECT_EQ(Transcript(gz, true), zlib);
  // One member for the whole file.
  std::string plain;
  for (const auto& r : Records()) plain += r;
  EXPECT_EQ(Transcript(GzipMember(plain), true), Transcript(GzipMember(plain), false));
}

TEST(GzipSource, HostileFilesSameRecordsAndErrors) {
  // The damage the hostile reader tests use, at random places, on a small file (most rounds) and
  // on the one with large members: truncation, flipped bytes (bad data, bad CRC), garbage between
  // or inside members, a member with a header CRC (which zlib checks and libdeflate would not).
  std::vector<std::string> small;
  for (int i = 0; i < 6; ++i) {
    small.push_back(WarcRecordBytes("response", "http://s.example/" + std::to_string(i),
                                    HttpMessage(Page("Page " + std::to_string(i), std::string(200 * i, 'w'))), 10 + i));
  }
  const std::string small_gz = MultiMember(small);
  const std::string large_gz = MultiMember(Records());
  uint64_t state = 2024;
  auto next = [&state](uint64_t n) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (state >> 33) % n;
  };
  size_t with_errors = 0;
  for (int round = 0; round < 160; ++round) {
    std::string bytes = round % 16 == 5 ? large_gz : small_gz;
    const int edits = 1 + static_cast<int>(next(3));
    for (int e = 0; e < edits && !bytes.empty(); ++e) {
      const size_t at = next(bytes.size());
      switch (next(5)) {
        case 0: bytes[at] = static_cast<char>(bytes[at] ^ (1 + next(255))); break;
        case 1: bytes.resize(at); break;
        case 2: bytes.insert(at, std::string(1 + next(40), static_cast<char>(next(256)))); break;
        case 3: bytes.insert(at, GzipMember("junk that is a member but no record\r\n")); break;
        default: {  // a header CRC flag on the first member (its CRC then wrong)
          if (bytes.size() > 10) bytes[3] = static_cast<char>(bytes[3] | 0x02);
        }
      }
    }
    const uint64_t max_block = round % 4 == 1 ? 100000 : uint64_t{256} << 20;
    const std::vector<std::string> zlib = Transcript(bytes, false, max_block);
    ASSERT_EQ(Transcript(bytes, true, max_block), zlib) << "round " << round;
    for (const auto& line : zlib) {
      if (line.rfind("ERROR", 0) == 0) {
        ++with_errors;
        break;
      }
    }
  }
  EXPECT_GT(with_errors, 80u);  // the damage was seen
}

}  // namespace
}  // namespace dossier
