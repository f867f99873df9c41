// The packed annotations of schema 4 (src/store/packed_document.h) and the compressed text
// (src/store/compressed_text.h): exact round trips of random documents, and hostile blobs
// (truncated, extended, flipped, forged counts) refused cleanly.
#include "store/packed_document.h"

#include <gtest/gtest.h>

#include <cstring>
#include <limits>
#include <random>

#include "store/compressed_text.h"

namespace dossier::store {
namespace {

using Doc = CorpusDocument;

std::string RandomString(std::mt19937_64& rng, size_t most) {
  std::string s(rng() % (most + 1), '\0');
  for (char& c : s) c = static_cast<char>(rng());  // any bytes, NUL included
  return s;
}

// Offsets from every range: small ascending ones (the usual case), and any 32/64-bit value.
uint64_t RandomOffset(std::mt19937_64& rng, uint64_t* running, uint64_t most) {
  switch (rng() % 4) {
    case 0: return rng() & most;
    case 1: return most - rng() % 3;
    default: return *running = (*running + rng() % 300) & most;
  }
}

Doc RandomDocument(std::mt19937_64& rng) {
  constexpr uint64_t k32 = std::numeric_limits<uint32_t>::max(), k64 = std::numeric_limits<uint64_t>::max();
  Doc d;
  uint64_t run = 0, srun = 0;
  for (size_t i = rng() % 40; i > 0; --i) {
    Doc::Block b;
    b.kind = static_cast<BlockKind>(rng() % 7);
    b.story = rng() % 5 == 0 ? kNoStory : static_cast<int32_t>(rng() % 4 == 0 ? rng() : rng() % 10);
    b.line = static_cast<uint32_t>(rng());
    b.begin = static_cast<uint32_t>(RandomOffset(rng, &run, k32));
    b.end = static_cast<uint32_t>(RandomOffset(rng, &run, k32));
    b.source_begin = RandomOffset(rng, &srun, k64);
    b.source_end = RandomOffset(rng, &srun, k64);
    d.blocks.push_back(b);
  }
  for (size_t i = rng() % 4; i > 0; --i)
    d.stories.push_back({RandomString(rng, 30), static_cast<int32_t>(rng()), static_cast<uint32_t>(rng()),
                         static_cast<uint32_t>(rng()), RandomOffset(rng, &srun, k64), RandomOffset(rng, &srun, k64)});
  for (size_t i = rng() % 30; i > 0; --i)
    d.entities.push_back({static_cast<EntityType>(rng() % 4), RandomString(rng, 20)});
  run = srun = 0;
  for (size_t i = rng() % 120; i > 0; --i)
    d.mentions.push_back({static_cast<uint32_t>(rng() % 3 == 0 ? rng() : rng() % 30),
                          static_cast<uint32_t>(RandomOffset(rng, &run, k32)),
                          static_cast<uint32_t>(RandomOffset(rng, &run, k32)), RandomOffset(rng, &srun, k64),
                          RandomOffset(rng, &srun, k64), rng() % 2 == 0});
  for (size_t i = rng() % 10; i > 0; --i) {
    Doc::Amount a;
    a.kind = static_cast<AmountKind>(rng() % 6);
    a.text = RandomString(rng, 12);
    a.unit = RandomString(rng, 4);
    a.modifier = RandomString(rng, 6);
    const uint64_t bits[2] = {rng(), rng()};
    std::memcpy(&a.value, &bits[0], 8);  // any double, NaNs included: compared bit for bit
    a.has_high = rng() % 2 == 0;
    if (a.has_high) std::memcpy(&a.high, &bits[1], 8);
    a.approximate = rng() % 2 == 0;
    a.source_begin = RandomOffset(rng, &srun, k64);
    a.source_end = RandomOffset(rng, &srun, k64);
    d.amounts.push_back(a);
  }
  return d;
}

bool SameBits(double a, double b) { return std::memcmp(&a, &b, 8) == 0; }

void ExpectSameAnnotations(const Doc& a, const Doc& b) {
  ASSERT_EQ(a.blocks.size(), b.blocks.size());
  for (size_t i = 0; i < a.blocks.size(); ++i) {
    const auto &x = a.blocks[i], &y = b.blocks[i];
    EXPECT_TRUE(x.kind == y.kind && x.story == y.story && x.line == y.line && x.begin == y.begin && x.end == y.end &&
                x.source_begin == y.source_begin && x.source_end == y.source_end)
        << "block " << i;
  }
  ASSERT_EQ(a.stories.size(), b.stories.size());
  for (size_t i = 0; i < a.stories.size(); ++i) {
    const auto &x = a.stories[i], &y = b.stories[i];
    EXPECT_TRUE(x.title == y.title && x.title_block == y.title_block && x.first_block == y.first_block &&
                x.last_block == y.last_block && x.source_begin == y.source_begin && x.source_end == y.source_end)
        << "story " << i;
  }
  ASSERT_EQ(a.entities.size(), b.entities.size());
  for (size_t i = 0; i < a.entities.size(); ++i) {
    EXPECT_EQ(a.entities[i].type, b.entities[i].type);
    EXPECT_EQ(a.entities[i].name, b.entities[i].name);
  }
  ASSERT_EQ(a.mentions.size(), b.mentions.size());
  for (size_t i = 0; i < a.mentions.size(); ++i) {
    const auto &x = a.mentions[i], &y = b.mentions[i];
    EXPECT_TRUE(x.entity == y.entity && x.begin == y.begin && x.end == y.end && x.source_begin == y.source_begin &&
                x.source_end == y.source_end && x.description == y.description)
        << "mention " << i;
  }
  ASSERT_EQ(a.amounts.size(), b.amounts.size());
  for (size_t i = 0; i < a.amounts.size(); ++i) {
    const auto &x = a.amounts[i], &y = b.amounts[i];
    EXPECT_TRUE(x.kind == y.kind && x.text == y.text && x.unit == y.unit && x.modifier == y.modifier &&
                SameBits(x.value, y.value) && x.has_high == y.has_high && x.approximate == y.approximate &&
                (!x.has_high || SameBits(x.high, y.high)) && x.source_begin == y.source_begin &&
                x.source_end == y.source_end)
        << "amount " << i;
  }
}

TEST(PackedAnnotations, RandomDocumentsRoundTripExactly) {
  std::mt19937_64 rng(8);
  for (int n = 0; n < 300; ++n) {
    const Doc d = RandomDocument(rng);
    std::string blob;
    PackAnnotations(d, &blob);
    Doc back;
    back.text = "kept";  // only the annotations are replaced
    std::string error;
    ASSERT_TRUE(UnpackAnnotations(blob, "", &back, &error)) << error;
    ExpectSameAnnotations(d, back);
    EXPECT_EQ(back.text, "kept");
  }
}

TEST(PackedAnnotations, AnEmptyDocumentIsSixBytes) {
  std::string blob;
  PackAnnotations(Doc(), &blob);
  EXPECT_EQ(blob, std::string("\x01\x00\x00\x00\x00\x00", 6));  // the version and five empty lists
}

TEST(PackedAnnotations, AscendingOffsetsTakeFewBytes) {
  // 100 mentions two words apart: entity, begin delta, length, source delta, source length, one
  // byte each.
  Doc d;
  for (uint32_t i = 0; i < 100; ++i) d.mentions.push_back({i % 5, 10 * i, 10 * i + 6, 500 + 12u * i, 508 + 12u * i, false});
  std::string blob;
  PackAnnotations(d, &blob);
  EXPECT_LE(blob.size(), 6u + 100 * 5 + 2);
}

Doc NewsDocument() {
  Doc d;
  d.text = "Keir Starmer met Emmanuel Macron. Mr Starmer said so.";
  d.entities = {{EntityType::kPerson, "Keir Starmer"}, {EntityType::kPerson, "Emmanuel Macron"},
                {EntityType::kPerson, "the Prime Minister"}};
  d.mentions = {{0, 0, 12, 100, 112, false}, {1, 17, 32, 117, 132, false}, {0, 34, 44, 134, 144, false},
                {2, 34, 44, 134, 144, true}};
  return d;
}

TEST(PackedAnnotations, NamesThatAreAMentionsTextAreStoredByReference) {
  const Doc d = NewsDocument();
  std::string blob;
  PackAnnotations(d, &blob);
  // Two names are mentions' texts (a number each), "the Prime Minister" is not (its 18 bytes).
  EXPECT_EQ(blob.find("Keir Starmer"), std::string::npos);
  EXPECT_NE(blob.find("the Prime Minister"), std::string::npos);
  Doc back;
  std::string error;
  ASSERT_TRUE(UnpackAnnotations(blob, d.text, &back, &error)) << error;
  ExpectSameAnnotations(d, back);
  // Read against a text too short for the referenced mention: refused, not read past the text.
  EXPECT_FALSE(UnpackAnnotations(blob, "Keir", &back, &error));
  EXPECT_EQ(error, "packed annotations: a name from a mention outside the text");
  // A name from mention 10 in a blob without mentions.
  std::string forged("\x01\x00\x00\x00\x01\x00\x0a\x00", 8);
  EXPECT_FALSE(UnpackAnnotations(forged, d.text, &back, &error));
  EXPECT_EQ(error, "packed annotations: a name from a mention that does not exist");
}

TEST(PackedAnnotations, EveryTruncationAndExtensionIsRefused) {
  std::mt19937_64 rng(9);
  for (int n = 0; n < 20; ++n) {
    const Doc d = RandomDocument(rng);
    std::string blob;
    PackAnnotations(d, &blob);
    std::string error;
    for (size_t cut = 0; cut < blob.size(); ++cut) {
      Doc back;
      EXPECT_FALSE(UnpackAnnotations(std::string_view(blob).substr(0, cut), "", &back, &error)) << cut;
      EXPECT_TRUE(back.blocks.empty() && back.mentions.empty() && back.amounts.empty());
    }
    Doc back;
    EXPECT_FALSE(UnpackAnnotations(blob + '\0', "", &back, &error));
    EXPECT_EQ(error, "packed annotations: trailing bytes");
  }
}

TEST(PackedAnnotations, ForgedValuesAreRefused) {
  Doc back;
  std::string error;
  EXPECT_FALSE(UnpackAnnotations(std::string("\x02\x00\x00\x00\x00\x00", 6), "", &back, &error));
  EXPECT_EQ(error, "packed annotations: an unknown format version");
  // A count of 2^62 blocks in an 11-byte blob: refused before anything is allocated.
  EXPECT_FALSE(UnpackAnnotations(std::string("\x01\xff\xff\xff\xff\xff\xff\xff\xff\x3f\x00", 11), "", &back, &error));
  EXPECT_EQ(error, "packed annotations: a count larger than the blob");
  // A varint of 11 bytes.
  EXPECT_FALSE(UnpackAnnotations(std::string("\x01\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01", 12), "", &back, &error));
  EXPECT_EQ(error, "packed annotations: a varint longer than 64 bits");
  // One block of kind 7 (there are seven kinds, 0-6).
  EXPECT_FALSE(UnpackAnnotations(std::string("\x01\x01\x07\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00", 14), "", &back,
                                 &error));
  EXPECT_EQ(error, "packed annotations: an unknown enum value");
  // A mention whose begin is 2^32: the model keeps canonical offsets in 32 bits.
  std::string blob("\x01\x00\x00\x01\x00", 5);  // no blocks, no stories, one mention of entity 0
  blob += std::string("\x80\x80\x80\x80\x20\x00\x00\x00\x00\x00", 10);  // begin zigzag(2^32) = 2^33
  EXPECT_FALSE(UnpackAnnotations(blob, "", &back, &error));
  EXPECT_EQ(error, "packed annotations: a 32-bit value out of range");
}

TEST(PackedAnnotations, CorruptBlobsNeverCrash) {
  // Flipped bytes of valid blobs, and random bytes after a valid version: refused or read, never
  // read outside the blob (ASan runs this) nor allocating beyond it.
  std::mt19937_64 rng(10);
  for (int n = 0; n < 200; ++n) {
    std::string blob;
    PackAnnotations(RandomDocument(rng), &blob);
    for (int flips = 1 + rng() % 4; flips > 0; --flips) blob[rng() % blob.size()] ^= static_cast<char>(1 + rng() % 255);
    Doc back;
    std::string error;
    if (!UnpackAnnotations(blob, "", &back, &error)) {
      EXPECT_FALSE(error.empty());
    }
    std::string noise = "\x01" + RandomString(rng, 64);
    UnpackAnnotations(noise, "", &back, &error);
  }
}

TEST(CompressedText, RoundTripsAnyBytes) {
  std::mt19937_64 rng(11);
  for (const std::string& text : {std::string(), std::string("a"), std::string(20000, 'x'),
                                  std::string("Keir Starmer met Emmanuel Macron in Paris.\nMr Starmer said so."),
                                  RandomString(rng, 5000)}) {
    std::string blob, back, error;
    CompressText(text, &blob);
    ASSERT_TRUE(DecompressText(blob, text.size(), &back, &error)) << error;
    EXPECT_EQ(back, text);
  }
  std::string blob;
  CompressText(std::string(20000, 'x'), &blob);
  EXPECT_LT(blob.size(), 200u);
}

TEST(CompressedText, CorruptOrMisSizedBlobsAreRefused) {
  const std::string text = "Heavy rain is expected in Paris and London this weekend. Forecasters said so.";
  std::string blob, back, error;
  CompressText(text, &blob);
  EXPECT_FALSE(DecompressText(blob, text.size() - 1, &back, &error));  // longer than announced
  EXPECT_FALSE(DecompressText(blob, text.size() + 1, &back, &error));  // shorter
  EXPECT_EQ(error, "compressed text: not the stored size");
  for (size_t cut = 0; cut < blob.size(); ++cut)
    EXPECT_FALSE(DecompressText(std::string_view(blob).substr(0, cut), text.size(), &back, &error)) << cut;
  EXPECT_FALSE(DecompressText(blob + "x", text.size(), &back, &error));  // trailing bytes
  std::string flipped = blob;
  flipped[blob.size() / 2] ^= 0x55;
  EXPECT_FALSE(DecompressText(flipped, text.size(), &back, &error));  // the checksum catches it
  // A forged size of 1 TB for a 10-byte blob: refused before allocating.
  EXPECT_FALSE(DecompressText(std::string(10, 'x'), uint64_t{1} << 40, &back, &error));
  EXPECT_EQ(error, "compressed text: a size the blob cannot hold");
}

}  // namespace
}  // namespace dossier::store
