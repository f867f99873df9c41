// WarcReader: records in order with their offsets, plain and gzip (per record and whole file), and
// hostile files: each bad thing reported once, every good record still read.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "dossier/warc.h"
#include "warc_test_util.h"

namespace dossier {
namespace {

using testing::GzipMember;
using testing::HttpMessage;
using testing::Page;
using testing::WarcRecordBytes;

struct Item {
  bool error = false;
  std::string text;  // the record's URI, or the error
  uint64_t offset = 0;
  uint64_t member = UINT64_MAX;
};

std::vector<Item> ReadAll(std::string bytes, const WarcReaderOptions& options = {}) {
  std::unique_ptr<WarcReader> reader = WarcReader::FromBytes(std::move(bytes), options);
  std::vector<Item> items;
  WarcRecord record;
  std::string error;
  for (int guard = 0; guard < 1000; ++guard) {
    const WarcReader::Result r = reader->Next(&record, &error);
    if (r == WarcReader::Result::kEnd) break;
    if (r == WarcReader::Result::kError) items.push_back({true, error});
    else items.push_back({false, record.target_uri, record.offset, record.gzip_member_offset});
  }
  return items;
}

std::vector<std::string> Texts(const std::vector<Item>& items) {
  std::vector<std::string> out;
  for (const Item& i : items) out.push_back((i.error ? "ERROR " : "") + i.text);
  return out;
}

// Five records: warcinfo, request, an HTML response, an image response, another HTML response.
std::vector<std::string> FiveRecords() {
  return {
      WarcRecordBytes("warcinfo", "", "software: test\r\n", 1, "application/warc-fields"),
      WarcRecordBytes("request", "http://a.example/1", "GET /1 HTTP/1.1\r\nHost: a.example\r\n\r\n", 2,
                      "application/http; msgtype=request"),
      WarcRecordBytes("response", "http://a.example/1", HttpMessage(Page("One", "First page.")), 3),
      WarcRecordBytes("response", "http://a.example/logo.png", HttpMessage("\x89PNG....", "Content-Type: image/png\r\n"), 4),
      WarcRecordBytes("response", "http://a.example/2", HttpMessage(Page("Two", "Second page.")), 5),
  };
}

std::string Join(const std::vector<std::string>& parts) {
  std::string s;
  for (const auto& p : parts) s += p;
  return s;
}

const std::vector<std::string> kFiveUris = {"", "http://a.example/1", "http://a.example/1", "http://a.example/logo.png",
                                            "http://a.example/2"};

TEST(WarcReader, PlainRecordsWithOffsets) {
  const std::vector<std::string> parts = FiveRecords();
  std::vector<Item> items = ReadAll(Join(parts));
  ASSERT_EQ(Texts(items), kFiveUris);
  uint64_t offset = 0;
  for (size_t i = 0; i < parts.size(); ++i) {
    EXPECT_EQ(items[i].offset, offset);
    EXPECT_EQ(items[i].member, UINT64_MAX);
    offset += parts[i].size();
  }
}

TEST(WarcReader, RecordFields) {
  auto reader = WarcReader::FromBytes(Join(FiveRecords()));
  WarcRecord r;
  std::string error;
  ASSERT_EQ(reader->Next(&r, &error), WarcReader::Result::kRecord);
  EXPECT_EQ(r.version, "WARC/1.0");
  EXPECT_EQ(r.type, "warcinfo");
  EXPECT_EQ(r.block, "software: test\r\n");
  ASSERT_EQ(reader->Next(&r, &error), WarcReader::Result::kRecord);
  ASSERT_EQ(reader->Next(&r, &error), WarcReader::Result::kRecord);
  EXPECT_EQ(r.type, "response");
  EXPECT_EQ(r.date, "2025-11-20T09:30:00Z");
  EXPECT_EQ(r.record_id, "<urn:uuid:00000000-0000-0000-0000-100000000003>");
  EXPECT_EQ(r.Header("content-length"), std::to_string(r.block.size()));
  EXPECT_EQ(r.block, HttpMessage(Page("One", "First page.")));
}

TEST(WarcReader, GzipPerRecordGivesMemberOffsets) {
  const std::vector<std::string> parts = FiveRecords();
  std::string gz;
  std::vector<uint64_t> members;
  for (const auto& p : parts) {
    members.push_back(gz.size());
    gz += GzipMember(p);
  }
  std::vector<Item> items = ReadAll(gz);
  ASSERT_EQ(Texts(items), kFiveUris);
  uint64_t offset = 0;
  for (size_t i = 0; i < parts.size(); ++i) {
    EXPECT_EQ(items[i].offset, offset);
    EXPECT_EQ(items[i].member, members[i]);
    offset += parts[i].size();
  }
  EXPECT_TRUE(LooksLikeWarc(gz));
  EXPECT_TRUE(LooksLikeWarc(Join(parts)));
  EXPECT_FALSE(LooksLikeWarc(GzipMember(Page("x", "y"))));
  EXPECT_FALSE(LooksLikeWarc("WARC is a format"));
}

TEST(WarcReader, GzipWholeFileOneMember) {
  std::vector<Item> items = ReadAll(GzipMember(Join(FiveRecords())));
  EXPECT_EQ(Texts(items), kFiveUris);
  for (const Item& i : items) EXPECT_EQ(i.member, 0u);
}

TEST(WarcReader, BlankLinesAndBareLineFeedsTolerated) {
  std::string lf = WarcRecordBytes("response", "http://lf.example/", HttpMessage(Page("LF", "Bare line feeds.")), 9);
  // Header lines ended by LF only, and the two line ends after the block too.
  std::string fixed;
  const size_t header_end = lf.find("\r\n\r\n");
  for (size_t i = 0; i < header_end; ++i)
    if (lf[i] != '\r') fixed.push_back(lf[i]);
  fixed += "\n\n" + lf.substr(header_end + 4, lf.size() - header_end - 8) + "\n\n";
  std::vector<Item> items = ReadAll("\r\n" + fixed + "\r\n" + Join(FiveRecords()));
  ASSERT_EQ(items.size(), 6u);
  EXPECT_EQ(items[0].text, "http://lf.example/");
  EXPECT_FALSE(items[0].error);
}

TEST(WarcReaderHostile, TruncatedLastRecord) {
  std::vector<std::string> parts = FiveRecords();
  std::string bytes = Join(parts);
  bytes.resize(bytes.size() - 40);
  std::vector<Item> items = ReadAll(bytes);
  ASSERT_EQ(items.size(), 5u);
  for (size_t i = 0; i < 4; ++i) EXPECT_EQ(items[i].text, kFiveUris[i]);
  EXPECT_TRUE(items[4].error);
  EXPECT_NE(items[4].text.find("truncated"), std::string::npos) << items[4].text;
}

class ContentLengthTooLarge : public ::testing::TestWithParam<long long> {};

// A length past the end of the file, held (100 kB) or too large to hold (1 GiB, > max_block).
TEST_P(ContentLengthTooLarge, LosesOnlyThatRecord) {
  std::vector<std::string> parts = FiveRecords();
  const std::string block = HttpMessage(Page("Liar", "Claims too much."));
  parts.insert(parts.begin() + 2, WarcRecordBytes("response", "http://liar.example/", block, 7,
                                                  "application/http; msgtype=response", GetParam()));
  std::vector<Item> items = ReadAll(Join(parts));
  std::vector<std::string> expect = kFiveUris;
  expect.insert(expect.begin() + 2, "ERROR");
  ASSERT_EQ(items.size(), expect.size());
  for (size_t i = 0; i < items.size(); ++i) {
    if (i == 2) {
      EXPECT_TRUE(items[i].error);
      EXPECT_NE(items[i].text.find(GetParam() > (1 << 20) ? "does not end where the next record starts" : "truncated"),
                std::string::npos)
          << items[i].text;
    } else {
      EXPECT_EQ(items[i].text, expect[i]);
    }
  }
}
INSTANTIATE_TEST_SUITE_P(WarcReaderHostile, ContentLengthTooLarge, ::testing::Values(100000LL, 1LL << 30));

TEST(WarcReaderHostile, ContentLengthTooShort) {
  std::vector<std::string> parts = FiveRecords();
  const std::string block = HttpMessage(Page("Short", "Claims too little."));
  parts.insert(parts.begin() + 1, WarcRecordBytes("response", "http://short.example/", block, 7,
                                                  "application/http; msgtype=response", 20));
  std::vector<Item> items = ReadAll(Join(parts));
  ASSERT_EQ(items.size(), 6u);
  EXPECT_TRUE(items[1].error);
  EXPECT_NE(items[1].text.find("no CRLF CRLF"), std::string::npos) << items[1].text;
  EXPECT_EQ(items[2].text, kFiveUris[1]);
  EXPECT_EQ(items[5].text, kFiveUris[4]);
}

TEST(WarcReaderHostile, GarbageBetweenRecords) {
  std::vector<std::string> parts = FiveRecords();
  parts.insert(parts.begin() + 3, "this is not a record\r\nnor is this WARC/1.0 in the middle\r\n");
  std::vector<Item> items = ReadAll(Join(parts));
  ASSERT_EQ(items.size(), 6u);
  EXPECT_TRUE(items[3].error);
  EXPECT_NE(items[3].text.find("garbage"), std::string::npos) << items[3].text;
  EXPECT_EQ(items[4].text, kFiveUris[3]);
  // Garbage at the very start too.
  items = ReadAll("junk\n" + Join(FiveRecords()));
  ASSERT_EQ(items.size(), 6u);
  EXPECT_TRUE(items[0].error);
}

TEST(WarcReaderHostile, BadGzipMemberLosesOnlyItsRecord) {
  const std::vector<std::string> parts = FiveRecords();
  std::string gz;
  for (size_t i = 0; i < parts.size(); ++i) {
    std::string member = GzipMember(parts[i]);
    if (i == 2) {
      for (size_t k = 20; k < member.size() - 8; k += 3) member[k] = static_cast<char>(member[k] ^ 0x5A);
    }
    gz += member;
  }
  std::vector<Item> items = ReadAll(gz);
  std::vector<std::string> texts = Texts(items);
  // Records 0, 1, 3, 4 come out; the damage to record 2 is reported once.
  size_t errors = 0;
  std::vector<std::string> good;
  for (const Item& i : items) {
    if (i.error) {
      ++errors;
      EXPECT_NE(i.text.find("gzip"), std::string::npos) << i.text;
    } else {
      good.push_back(i.text);
    }
  }
  EXPECT_EQ(errors, 1u);
  EXPECT_EQ(good, (std::vector<std::string>{kFiveUris[0], kFiveUris[1], kFiveUris[3], kFiveUris[4]}));
}

TEST(WarcReaderHostile, GarbageBetweenGzipMembers) {
  const std::vector<std::string> parts = FiveRecords();
  std::string gz;
  for (size_t i = 0; i < parts.size(); ++i) {
    gz += GzipMember(parts[i]);
    if (i == 1) gz += "not gzip at all";
  }
  gz += std::string(16, '\0');  // zero padding at the end is not garbage
  std::vector<Item> items = ReadAll(gz);
  ASSERT_EQ(items.size(), 6u);
  EXPECT_TRUE(items[2].error);
  EXPECT_NE(items[2].text.find("garbage between gzip members"), std::string::npos) << items[2].text;
  EXPECT_EQ(items[3].text, kFiveUris[2]);
}

TEST(WarcReaderHostile, TruncatedGzip) {
  std::string gz = GzipMember(Join(FiveRecords()));
  gz.resize(gz.size() * 2 / 3);
  std::vector<Item> items = ReadAll(gz);
  ASSERT_FALSE(items.empty());
  EXPECT_TRUE(items.back().error);
  for (size_t i = 0; i + 1 < items.size(); ++i) EXPECT_FALSE(items[i].error) << items[i].text;
}

TEST(WarcReaderHostile, HugeHeaderLine) {
  std::vector<std::string> parts = FiveRecords();
  std::string huge = WarcRecordBytes("response", "http://huge.example/" + std::string(200000, 'x'),
                                     HttpMessage(Page("Huge", "Header.")), 8);
  parts.insert(parts.begin() + 2, huge);
  std::vector<Item> items = ReadAll(Join(parts));
  ASSERT_EQ(items.size(), 6u);
  EXPECT_TRUE(items[2].error);
  EXPECT_NE(items[2].text.find("header line longer"), std::string::npos) << items[2].text;
  EXPECT_EQ(items[3].text, kFiveUris[2]);
}

TEST(WarcReaderHostile, MissingContentLengthAndMalformedHeader) {
  std::vector<std::string> parts = FiveRecords();
  parts.insert(parts.begin() + 1, "WARC/1.0\r\nWARC-Type: response\r\n\r\nbody\r\n\r\n");
  parts.insert(parts.begin() + 3, "WARC/1.0\r\nno colon here\r\nContent-Length: 4\r\n\r\nbody\r\n\r\n");
  std::vector<Item> items = ReadAll(Join(parts));
  ASSERT_EQ(items.size(), 7u);
  EXPECT_TRUE(items[1].error);
  EXPECT_NE(items[1].text.find("no Content-Length"), std::string::npos);
  EXPECT_TRUE(items[3].error);
  EXPECT_NE(items[3].text.find("malformed header line"), std::string::npos);
  EXPECT_EQ(items[6].text, kFiveUris[4]);
}

TEST(WarcReaderHostile, MissingLineEndsAfterBlock) {
  std::vector<std::string> parts = FiveRecords();
  parts[2].resize(parts[2].size() - 4);  // the record runs straight into the next one
  std::vector<Item> items = ReadAll(Join(parts));
  ASSERT_EQ(items.size(), 5u);
  EXPECT_TRUE(items[2].error);
  EXPECT_NE(items[2].text.find("no CRLF CRLF"), std::string::npos) << items[2].text;
  EXPECT_EQ(items[3].text, kFiveUris[3]);
}

TEST(WarcReader, LargeBlockSkippedUnread) {
  std::vector<std::string> parts = FiveRecords();
  parts.insert(parts.begin() + 1, WarcRecordBytes("response", "http://big.example/", std::string(5000, 'b'), 11));
  WarcReaderOptions options;
  options.max_block = 1000;
  auto reader = WarcReader::FromBytes(Join(parts), options);
  WarcRecord r;
  std::string error;
  ASSERT_EQ(reader->Next(&r, &error), WarcReader::Result::kRecord);
  ASSERT_EQ(reader->Next(&r, &error), WarcReader::Result::kRecord);
  EXPECT_TRUE(r.block_skipped);
  EXPECT_TRUE(r.block.empty());
  WarcPage page;
  std::string why;
  EXPECT_EQ(ToWarcPage(std::move(r), &page, &why), WarcPageResult::kSkipped);
  EXPECT_EQ(why, "too large");
  ASSERT_EQ(reader->Next(&r, &error), WarcReader::Result::kRecord);
  EXPECT_EQ(r.target_uri, "http://a.example/1");
}

TEST(WarcReader, EmptyAndNotWarc) {
  EXPECT_TRUE(ReadAll("").empty());
  std::vector<Item> items = ReadAll("hello\nworld\n");
  ASSERT_EQ(items.size(), 1u);
  EXPECT_TRUE(items[0].error);
}

}  // namespace
}  // namespace dossier

namespace dossier {
namespace {

// Random damage (byte flips, cuts, inserted junk) to plain and gzip WARC files: reading always
// ends, within a bounded number of calls, whatever the bytes (run under ASan+UBSan by .ci/run).
TEST(WarcReaderHostile, RandomDamageAlwaysEnds) {
  const std::string plain = Join(FiveRecords());
  std::string gz;
  for (const auto& p : FiveRecords()) gz += GzipMember(p);
  uint64_t state = 12345;
  auto next = [&state](uint64_t n) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (state >> 33) % n;
  };
  for (int round = 0; round < 400; ++round) {
    std::string bytes = round % 2 ? gz : plain;
    const int edits = 1 + static_cast<int>(next(4));
    for (int e = 0; e < edits && !bytes.empty(); ++e) {
      const size_t at = next(bytes.size());
      switch (next(3)) {
        case 0: bytes[at] = static_cast<char>(next(256)); break;
        case 1: bytes.resize(at); break;
        default: bytes.insert(at, std::string(1 + next(40), static_cast<char>(next(256)))); break;
      }
    }
    WarcReaderOptions options;
    options.max_block = 64 + next(4096);
    auto reader = WarcReader::FromBytes(bytes, options);
    WarcRecord record;
    std::string error;
    int calls = 0;
    while (reader->Next(&record, &error) != WarcReader::Result::kEnd) {
      ASSERT_LT(++calls, 1000) << "round " << round;
      WarcPage page;
      std::string why;
      if (record.block.size() < 100000) ToWarcPage(std::move(record), &page, &why);
    }
  }
}

}  // namespace
}  // namespace dossier
