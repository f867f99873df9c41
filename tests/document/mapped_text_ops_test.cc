// Edits of a MappedText (insert, erase, append) must keep every canonical byte mapped to the input
// byte it came from.
#include "document/mapped_text_ops.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <algorithm>
#include <random>
#include <string>
#include <vector>

namespace dossier {
namespace {

MappedText Copied(std::string text, uint64_t source_begin) {
  MappedText t;
  t.map.AddCopy(0, source_begin, static_cast<uint32_t>(text.size()));
  t.text = std::move(text);
  return t;
}

// The pieces tile [0, text.size()) in order with no gap or overlap.
void ExpectTiles(const MappedText& t) {
  uint32_t at = 0;
  for (const auto& p : t.map.pieces()) {
    EXPECT_EQ(p.canon_begin, at);
    EXPECT_GT(p.canon_len, 0u);
    if (p.copied) {
      EXPECT_EQ(p.source_len, p.canon_len);
    }
    at = p.canon_begin + p.canon_len;
  }
  EXPECT_EQ(at, t.text.size());
}

TEST(MappedTextOps, InsertSpaceIntoGluedWord) {
  // "Ukrainewar" copied from input offset 100.
  MappedText t = Copied("Ukrainewar", 100);
  InsertText(&t, 7, " ");
  EXPECT_EQ(t.text, "Ukraine war");
  ExpectTiles(t);
  // "Ukraine" -> input [100, 107).
  EXPECT_EQ(t.map.ToSourceBegin(0), 100u);
  EXPECT_EQ(t.map.ToSourceEnd(7), 107u);
  // "war" -> input [107, 110).
  EXPECT_EQ(t.map.ToSourceBegin(8), 107u);
  EXPECT_EQ(t.map.ToSourceEnd(11), 110u);
  // The inserted space maps to the empty input range at 107.
  EXPECT_EQ(t.map.ToSourceBegin(7), 107u);
  EXPECT_EQ(t.map.ToSourceEnd(8), 107u);
  // The whole repaired word still covers exactly the glued input.
  EXPECT_EQ(t.map.ToSourceBegin(0), 100u);
  EXPECT_EQ(t.map.ToSourceEnd(11), 110u);
  // Every letter maps one for one.
  const std::string input = "Ukrainewar";
  for (uint32_t i = 0; i < t.text.size(); ++i) {
    if (i == 7) continue;
    uint64_t s = t.map.ToSourceBegin(i);
    ASSERT_GE(s, 100u);
    ASSERT_LT(s, 110u);
    EXPECT_EQ(input[s - 100], t.text[i]) << i;
    EXPECT_EQ(t.map.ToSourceEnd(i + 1), s + 1) << i;
  }
}

TEST(MappedTextOps, InsertAtStartAndEnd) {
  MappedText t = Copied("abc", 10);
  InsertText(&t, 0, ">>");
  EXPECT_EQ(t.text, ">>abc");
  ExpectTiles(t);
  EXPECT_EQ(t.map.ToSourceBegin(0), 10u);
  EXPECT_EQ(t.map.ToSourceEnd(2), 10u);  // the inserted bytes cover no input
  EXPECT_EQ(t.map.ToSourceBegin(2), 10u);
  EXPECT_EQ(t.map.ToSourceEnd(5), 13u);

  InsertText(&t, 5, "!");
  EXPECT_EQ(t.text, ">>abc!");
  ExpectTiles(t);
  EXPECT_EQ(t.map.ToSourceBegin(5), 13u);
  EXPECT_EQ(t.map.ToSourceEnd(6), 13u);
  EXPECT_EQ(t.map.ToSourceBegin(4), 12u);
  EXPECT_EQ(t.map.ToSourceEnd(5), 13u);

  InsertText(&t, 3, "");  // no-op
  EXPECT_EQ(t.text, ">>abc!");
  ExpectTiles(t);
}

TEST(MappedTextOps, EraseThenMap) {
  // "Hello big world" from input offset 50; erase " big".
  MappedText t = Copied("Hello big world", 50);
  EraseText(&t, 5, 9);
  EXPECT_EQ(t.text, "Hello world");
  ExpectTiles(t);
  EXPECT_EQ(t.map.ToSourceBegin(0), 50u);
  EXPECT_EQ(t.map.ToSourceEnd(5), 55u);   // "Hello" -> [50, 55)
  EXPECT_EQ(t.map.ToSourceBegin(5), 59u);  // " world" -> [59, 65)
  EXPECT_EQ(t.map.ToSourceEnd(11), 65u);
  EXPECT_EQ(t.map.ToSourceBegin(6), 60u);  // "world"

  EraseText(&t, 3, 3);  // empty range: no-op
  EXPECT_EQ(t.text, "Hello world");
  ExpectTiles(t);

  // Erase to the end, then from the start.
  EraseText(&t, 5, 11);
  EXPECT_EQ(t.text, "Hello");
  ExpectTiles(t);
  EXPECT_EQ(t.map.ToSourceEnd(5), 55u);
  EraseText(&t, 0, 2);
  EXPECT_EQ(t.text, "llo");
  ExpectTiles(t);
  EXPECT_EQ(t.map.ToSourceBegin(0), 52u);
  EXPECT_EQ(t.map.ToSourceEnd(3), 55u);
}

TEST(MappedTextOps, EraseRepeatedSentenceAtLineEnd) {
  // A line whose input had a repeated sentence glued onto its end, the way the analyzer removes it.
  const std::string input = "xxSome news. The same sentence here.";
  MappedText t = Copied(input.substr(2), 2);
  const uint32_t b = static_cast<uint32_t>(t.text.find(" The same"));
  EraseText(&t, b, static_cast<uint32_t>(t.text.size()));
  EXPECT_EQ(t.text, "Some news.");
  ExpectTiles(t);
  EXPECT_EQ(t.map.ToSourceBegin(0), 2u);
  EXPECT_EQ(t.map.ToSourceEnd(10), 12u);
}

TEST(MappedTextOps, EraseAcrossReplacement) {
  // "a" + U+FFFD (replacing one bad input byte) + "bc": erase the replacement.
  MappedText t;
  t.text = "a\xEF\xBF\xBD" "bc";
  t.map.AddCopy(0, 0, 1);
  t.map.AddReplacement(1, 3, 1, 1);
  t.map.AddCopy(4, 2, 2);
  EraseText(&t, 1, 4);
  EXPECT_EQ(t.text, "abc");
  ExpectTiles(t);
  EXPECT_EQ(t.map.ToSourceBegin(1), 2u);
  EXPECT_EQ(t.map.ToSourceEnd(1), 1u);
  EXPECT_EQ(t.map.ToSourceEnd(3), 4u);
}

TEST(MappedTextOps, InsertNextToReplacement) {
  MappedText t;
  t.text = "a\xEF\xBF\xBD" "b";
  t.map.AddCopy(0, 0, 1);
  t.map.AddReplacement(1, 3, 1, 2);  // two bad input bytes -> one U+FFFD
  t.map.AddCopy(4, 3, 1);
  InsertText(&t, 4, " ");
  EXPECT_EQ(t.text, "a\xEF\xBF\xBD b");
  ExpectTiles(t);
  EXPECT_EQ(t.map.ToSourceBegin(1), 1u);
  EXPECT_EQ(t.map.ToSourceEnd(4), 3u);
  EXPECT_EQ(t.map.ToSourceBegin(4), 3u);
  EXPECT_EQ(t.map.ToSourceEnd(5), 3u);
  EXPECT_EQ(t.map.ToSourceBegin(5), 3u);
  EXPECT_EQ(t.map.ToSourceEnd(6), 4u);
}

TEST(MappedTextOps, AppendMappedShiftsThePiece) {
  std::string out = "ab";
  OffsetMap map;
  map.AddCopy(0, 0, 2);
  MappedText piece = Copied("cd", 10);
  AppendMapped(piece, &out, &map);
  EXPECT_EQ(out, "abcd");
  EXPECT_EQ(map.ToSourceBegin(0), 0u);
  EXPECT_EQ(map.ToSourceEnd(2), 2u);
  EXPECT_EQ(map.ToSourceBegin(2), 10u);
  EXPECT_EQ(map.ToSourceBegin(3), 11u);
  EXPECT_EQ(map.ToSourceEnd(4), 12u);

  // A piece with an insertion keeps it when appended.
  MappedText glued = Copied("Ukrainewar", 100);
  InsertText(&glued, 7, " ");
  AppendMapped(glued, &out, &map);
  EXPECT_EQ(out, "abcdUkraine war");
  EXPECT_EQ(map.ToSourceBegin(4), 100u);
  EXPECT_EQ(map.ToSourceEnd(11), 107u);
  EXPECT_EQ(map.ToSourceBegin(12), 107u);
  EXPECT_EQ(map.ToSourceEnd(15), 110u);

  // Appending an empty piece changes nothing.
  AppendMapped(MappedText{}, &out, &map);
  EXPECT_EQ(out, "abcdUkraine war");
  EXPECT_EQ(map.ToSourceEnd(15), 110u);
}

// Random edits (fixed seed) against a shadow model that knows, for every canonical byte, whether it
// was copied and from which input byte.
TEST(MappedTextOps, RandomEditsKeepCopiedBytesMapped) {
  std::mt19937 rng(20251127);
  auto uniform = [&](uint32_t lo, uint32_t hi) {  // inclusive
    return std::uniform_int_distribution<uint32_t>(lo, hi)(rng);
  };
  std::string input(4000, ' ');
  for (char& c : input) c = static_cast<char>('a' + uniform(0, 25));

  for (int round = 0; round < 40; ++round) {
    // Build a text from the input: copied runs with skipped input between them and the odd
    // replacement ("#" standing for several input bytes).
    MappedText t;
    std::vector<int64_t> shadow;  // input offset of each canonical byte, or -1 if not copied
    std::vector<int> run;         // which replacement run a byte belongs to, or -1
    int runs = 0;
    uint64_t src = uniform(0, 50);
    while (src + 40 < input.size() && t.text.size() < 600) {
      uint32_t len = uniform(1, 30);
      t.map.AddCopy(static_cast<uint32_t>(t.text.size()), src, len);
      for (uint32_t k = 0; k < len; ++k) {
        t.text.push_back(input[src + k]);
        shadow.push_back(static_cast<int64_t>(src + k));
        run.push_back(-1);
      }
      src += len;
      if (uniform(0, 3) == 0) {
        uint32_t rlen = uniform(1, 3);
        t.map.AddReplacement(static_cast<uint32_t>(t.text.size()), rlen, src, 2);
        for (uint32_t k = 0; k < rlen; ++k) {
          t.text.push_back('#');
          shadow.push_back(-1);
          run.push_back(runs);
        }
        ++runs;
        src += 2;
      }
      src += uniform(0, 5);  // skipped input
    }

    for (int edit = 0; edit < 60; ++edit) {
      const uint32_t size = static_cast<uint32_t>(t.text.size());
      if (size == 0 || uniform(0, 1) == 0) {
        uint32_t pos = uniform(0, size);
        // Insertions go between characters, as the analyzer's do: never inside the bytes of one
        // replacement (a U+FFFD or an NFC result is one character).
        while (pos > 0 && pos < size && run[pos - 1] >= 0 && run[pos - 1] == run[pos]) --pos;
        std::string what(uniform(1, 3), '_');
        InsertText(&t, pos, what);
        shadow.insert(shadow.begin() + pos, what.size(), -1);
        run.insert(run.begin() + pos, what.size(), -1);
      } else {
        uint32_t b = uniform(0, size - 1);
        uint32_t e = std::min(size, b + uniform(1, 20));
        EraseText(&t, b, e);
        shadow.erase(shadow.begin() + b, shadow.begin() + e);
        run.erase(run.begin() + b, run.begin() + e);
      }
      ASSERT_EQ(t.text.size(), shadow.size());
      ExpectTiles(t);
      for (uint32_t i = 0; i < t.text.size(); ++i) {
        if (shadow[i] < 0) continue;
        const uint64_t s = t.map.ToSourceBegin(i);
        ASSERT_EQ(s, static_cast<uint64_t>(shadow[i]))
            << "round " << round << " edit " << edit << " byte " << i;
        ASSERT_EQ(input[s], t.text[i]);
        ASSERT_EQ(t.map.ToSourceEnd(i + 1), s + 1);
      }
      // The map never runs backwards: input offsets grow with canonical offsets.
      for (uint32_t i = 0; i + 1 < t.text.size(); ++i)
        ASSERT_LE(t.map.ToSourceBegin(i), t.map.ToSourceBegin(i + 1)) << "byte " << i;
    }

    // Appending the edited text to a document shifts it but keeps every copied byte mapped.
    std::string doc = "prefix";
    OffsetMap doc_map;
    doc_map.AddReplacement(0, 6, 0, 0);
    AppendMapped(t, &doc, &doc_map);
    for (uint32_t i = 0; i < t.text.size(); ++i) {
      if (shadow[i] < 0) continue;
      ASSERT_EQ(doc_map.ToSourceBegin(6 + i), static_cast<uint64_t>(shadow[i]));
      ASSERT_EQ(input[doc_map.ToSourceBegin(6 + i)], doc[6 + i]);
    }
  }
}

}  // namespace
}  // namespace dossier
