#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include <unicode/normalizer2.h>
#include <unicode/utf8.h>

#include "dossier/text.h"

namespace dossier {
namespace {

using Piece = OffsetMap::Piece;

bool SamePieces(const OffsetMap& a, const OffsetMap& b) {
  if (a.pieces().size() != b.pieces().size()) return false;
  for (size_t i = 0; i < a.pieces().size(); ++i) {
    const Piece& x = a.pieces()[i];
    const Piece& y = b.pieces()[i];
    if (x.canon_begin != y.canon_begin || x.canon_len != y.canon_len ||
        x.source_begin != y.source_begin || x.source_len != y.source_len || x.copied != y.copied) {
      return false;
    }
  }
  return true;
}

std::string Hex(std::string_view s) {
  static const char* d = "0123456789abcdef";
  std::string r;
  for (unsigned char c : s) {
    r += d[c >> 4];
    r += d[c & 15];
  }
  return r;
}

// Number of U+FFFD a conforming decoder emits, counted with ICU's U8_NEXT (which also substitutes
// maximal subparts) as an independent oracle for our decoder.
uint32_t IcuReplacementCount(std::string_view s) {
  uint32_t count = 0;
  for (int32_t i = 0; i < static_cast<int32_t>(s.size());) {
    UChar32 c;
    U8_NEXT(s.data(), i, static_cast<int32_t>(s.size()), c);
    if (c < 0) ++count;
  }
  return count;
}

bool IcuIsNfc(std::string_view s) {
  UErrorCode st = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(st);
  return nfc->isNormalizedUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())), st);
}

// Everything both paths must satisfy on any input.
void CheckProperties(std::string_view line, uint64_t off) {
  SCOPED_TRACE(Hex(line));
  CleanStats fs, rs;
  const MappedText fast = CleanLine(line, off, &fs);
  const MappedText ref = CleanLineReference(line, off, &rs);
  ASSERT_EQ(fast.text, ref.text);
  ASSERT_TRUE(SamePieces(fast.map, ref.map));
  ASSERT_EQ(fs.invalid_bytes_replaced, rs.invalid_bytes_replaced);
  ASSERT_EQ(fs.normalized_runs, rs.normalized_runs);
  ASSERT_EQ(rs.invalid_bytes_replaced, IcuReplacementCount(line));

  const std::string& t = ref.text;
  ASSERT_TRUE(IsValidUtf8(t));
  ASSERT_TRUE(IcuIsNfc(t));
  ASSERT_EQ(t.find("  "), std::string::npos);
  if (!t.empty()) {
    ASSERT_NE(t.front(), ' ');
    ASSERT_NE(t.back(), ' ');
  }
  // The pieces tile the canonical text, walk forward through the input and copies are exact.
  uint32_t canon = 0;
  uint64_t src = off;
  for (const Piece& p : ref.map.pieces()) {
    ASSERT_EQ(p.canon_begin, canon);
    ASSERT_GE(p.source_begin, src);
    ASSERT_LE(p.source_begin + p.source_len, off + line.size());
    if (p.copied) {
      ASSERT_EQ(t.substr(p.canon_begin, p.canon_len),
                line.substr(p.source_begin - off, p.source_len));
    }
    canon += p.canon_len;
    src = p.source_begin + p.source_len;
  }
  ASSERT_EQ(canon, t.size());
  // (An empty result has an empty map, which OffsetMap treats as the identity: nothing to check.)
  for (uint32_t c = 0; !t.empty() && c <= t.size(); ++c) {
    ASSERT_GE(ref.map.ToSourceBegin(c), off);
    ASSERT_LE(ref.map.ToSourceBegin(c), off + line.size());
    ASSERT_GE(ref.map.ToSourceEnd(c), off);
    ASSERT_LE(ref.map.ToSourceEnd(c), off + line.size());
  }
  // Cleaning is idempotent and a clean line is one copied piece.
  const MappedText again = CleanLine(t, 0, nullptr);
  ASSERT_EQ(again.text, t);
  ASSERT_EQ(again.map.pieces().size(), t.empty() ? 0u : 1u);
}

TEST(CleanLine, InvalidBytesBecomeOneReplacementPerMaximalSubpart) {
  CleanStats st;
  const MappedText r = CleanLine("a\xC3\x28" "b", 100, &st);
  EXPECT_EQ(r.text, "a\uFFFD(b");
  EXPECT_EQ(st.invalid_bytes_replaced, 1u);
  ASSERT_EQ(r.map.pieces().size(), 3u);
  EXPECT_EQ(r.map.ToSourceBegin(1), 101u);  // U+FFFD maps to the one bad byte
  EXPECT_EQ(r.map.ToSourceEnd(4), 102u);
  EXPECT_EQ(r.map.ToSourceBegin(4), 102u);  // "(" is a copy again
  EXPECT_FALSE(r.map.pieces()[1].copied);

  // Unicode 15, Table 3-8: a F1 80 80 E1 80 C2 62 80 63 80 BF 64.
  CleanStats st2;
  EXPECT_EQ(CleanLine("\x61\xF1\x80\x80\xE1\x80\xC2\x62\x80\x63\x80\xBF\x64", 0, &st2).text,
            "a\uFFFD\uFFFD\uFFFDb\uFFFDc\uFFFD\uFFFDd");
  EXPECT_EQ(st2.invalid_bytes_replaced, 6u);
  // Surrogates, overlongs and past-U+10FFFF: every byte is its own subpart.
  EXPECT_EQ(CleanLine("\xED\xA0\x80", 0, nullptr).text, "\uFFFD\uFFFD\uFFFD");
  EXPECT_EQ(CleanLine("\xC0\xAF", 0, nullptr).text, "\uFFFD\uFFFD");
  EXPECT_EQ(CleanLine("\xF4\x90\x80\x80", 0, nullptr).text, "\uFFFD\uFFFD\uFFFD\uFFFD");
  // A truncated sequence is one.
  EXPECT_EQ(CleanLine("x\xF0\x9F\x98", 0, nullptr).text, "x\uFFFD");
}

TEST(CleanLine, Nfc) {
  CleanStats st;
  const MappedText r = CleanLine("caf" "e\u0301!", 10, &st);
  EXPECT_EQ(r.text, "café!");
  EXPECT_EQ(st.normalized_runs, 1u);
  ASSERT_EQ(r.map.pieces().size(), 3u);
  EXPECT_EQ(r.map.ToSourceBegin(3), 13u);  // "é" <- "e\u0301" (input 13..16)
  EXPECT_EQ(r.map.ToSourceEnd(5), 16u);
  EXPECT_EQ(r.map.ToSourceBegin(5), 16u);
  EXPECT_EQ(CleanLine("\u1100\u1161", 0, nullptr).text, "\uAC00");  // Hangul jamo compose
  EXPECT_EQ(CleanLine("\u212B", 0, nullptr).text, "\u00C5");        // Angstrom sign -> Å
  // A removed character between base and mark does not block composition; the change maps to
  // the whole input stretch.
  const MappedText z = CleanLine("e\u200B\u0301", 0, nullptr);
  EXPECT_EQ(z.text, "é");
  EXPECT_EQ(z.map.ToSourceEnd(2), 6u);
}

TEST(CleanLine, Whitespace) {
  CleanStats st;
  const MappedText r = CleanLine("  a\u00A0\u00A0b  ", 0, &st);
  EXPECT_EQ(r.text, "a b");
  EXPECT_EQ(st.normalized_runs, 3u);  // leading run, the NBSP pair, trailing run
  EXPECT_EQ(r.map.ToSourceBegin(0), 2u);
  EXPECT_EQ(r.map.ToSourceBegin(1), 3u);  // the space replaces both NBSPs (3..7)
  EXPECT_EQ(r.map.ToSourceEnd(2), 7u);
  EXPECT_EQ(r.map.ToSourceBegin(2), 7u);
  EXPECT_EQ(CleanLine("a\tb\u2009c\u3000d\u202Fe", 0, nullptr).text, "a b c d e");
  EXPECT_EQ(CleanLine("a \t b", 0, nullptr).text, "a b");
  // The other White_Space characters separate words too, rather than being deleted.
  EXPECT_EQ(CleanLine("a\rb\xC2\x85" "c\u2028d", 0, nullptr).text, "a b c d");
  EXPECT_EQ(CleanLine(" \u00A0 ", 0, nullptr).text, "");
  EXPECT_TRUE(CleanLine(" \u00A0 ", 0, nullptr).map.empty());
}

TEST(CleanLine, InvisiblesAndControlsAreRemoved) {
  const MappedText r = CleanLine("co\u00ADoperate", 50, nullptr);
  EXPECT_EQ(r.text, "cooperate");
  ASSERT_EQ(r.map.pieces().size(), 2u);  // two copies around the skipped soft hyphen
  EXPECT_EQ(r.map.ToSourceBegin(2), 54u);
  EXPECT_EQ(CleanLine("\uFEFFa\u200Bb\u200Cc\u200Dd\u2060e\x01\x7F\xC2\x80", 0, nullptr).text,
            "abcde");
  EXPECT_EQ(CleanLine("\u200Fx\u202Ay\u202C", 0, nullptr).text, "xy");  // bidi marks
  // Removed characters inside a space run do not break it.
  EXPECT_EQ(CleanLine("a \u200B b", 0, nullptr).text, "a b");
}

TEST(CleanLine, TypographyIsKeptAndTakesTheFastPath) {
  const std::string s = "“Hello” — it’s… €5 – ‘fine’ Zürich";
  CleanStats st;
  const MappedText r = CleanLine(s, 7, &st);
  EXPECT_EQ(r.text, s);
  ASSERT_EQ(r.map.pieces().size(), 1u);
  EXPECT_TRUE(r.map.pieces()[0].copied);
  EXPECT_EQ(r.map.pieces()[0].source_begin, 7u);
  EXPECT_EQ(st.invalid_bytes_replaced + st.normalized_runs, 0u);
  EXPECT_TRUE(CleanLine("", 3, nullptr).map.empty());
}

TEST(CleanLine, StatsAccumulate) {
  CleanStats st;
  CleanLine("\xFF", 0, &st);
  CleanLine("\xFE a", 0, &st);
  EXPECT_EQ(st.invalid_bytes_replaced, 2u);
}

TEST(CleanLine, IsValidUtf8) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("plain ASCII text, longer than eight bytes"));
  EXPECT_TRUE(IsValidUtf8("\xF4\x8F\xBF\xBF \u00E9 \U0001F600"));
  EXPECT_FALSE(IsValidUtf8("abcdefgh\xC0\x80"));        // overlong
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));            // surrogate
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));        // > U+10FFFF
  EXPECT_FALSE(IsValidUtf8("ok\xE2\x80"));              // truncated
}

// Every code point in a line of its own and around its neighbours: fast and reference agree.
// This is what catches a wrong entry in the fast path's "NFC cannot touch this" ranges.
TEST(CleanLine, FastMatchesReferenceForEachCodePoint) {
  auto check = [](int32_t c) {
    if (c >= 0xD800 && c <= 0xDFFF) return;
    std::string cp;
    if (c < 0x80) {
      cp = static_cast<char>(c);
    } else {
      char buf[4];
      int32_t len = 0;
      U8_APPEND_UNSAFE(buf, len, c);
      cp.assign(buf, len);
    }
    for (const std::string& s : {"x" + cp + "y", cp + "\u0301", "e" + cp, "\u1100" + cp}) {
      const MappedText a = CleanLine(s, 0, nullptr);
      const MappedText b = CleanLineReference(s, 0, nullptr);
      ASSERT_EQ(a.text, b.text) << std::hex << c;
      ASSERT_TRUE(SamePieces(a.map, b.map)) << std::hex << c;
    }
  };
  for (int32_t c = 0; c < 0x3100; ++c) check(c);
  for (int32_t c = 0xAC00; c < 0xAC40; ++c) check(c);
  for (int32_t c = 0xF900; c < 0x10000; ++c) check(c);
  for (int32_t c = 0x1D150; c < 0x1D1C0; ++c) check(c);
  for (int32_t c = 0x1F000; c < 0x1FB00; ++c) check(c);
  for (int32_t c = 0x2F800; c < 0x2FA20; ++c) check(c);
}

TEST(CleanLine, PropertyRandomBytes) {
  std::mt19937_64 rng(20251120);
  for (int iter = 0; iter < 20000; ++iter) {
    std::string s(rng() % 40, '\0');
    for (char& ch : s) ch = static_cast<char>(rng());
    CheckProperties(s, rng() % 1000);
    if (HasFatalFailure()) return;
  }
}

// Random strings from pieces chosen to hit every rule and their interactions.
TEST(CleanLine, PropertyRandomPieces) {
  const char* pieces[] = {
      "a", "Z", "e", " ", " ", "  ", "\t", "\u00A0", "\u2009", "\u3000", "\u00AD", "\u200B",
      "\u200D", "\uFEFF", "\x01", "\x7F", "\xC2\x85", "\u0301", "\u0316", "\u0327", "é", "\u212B",
      "\u1100", "\u1161", "\u11A8", "’", "“", "—", "…", "😀", "\xC3", "\x80", "\xE2\x80", "\xF0\x9F",
      "\xED\xA0\x80", "\xFF", "\u0344", "\u0F73", "\u1E9B", "\uFB2C", "\u05B8", "\r", "\u2028",
      "\uFFFD", "\u0958", "Ω", "\u2126"};
  std::mt19937_64 rng(99);
  for (int iter = 0; iter < 30000; ++iter) {
    std::string s;
    const int len = rng() % 16;
    for (int k = 0; k < len; ++k) s += pieces[rng() % std::size(pieces)];
    CheckProperties(s, rng() % 1000);
    if (HasFatalFailure()) return;
  }
}

// Long clean ASCII lines exercise the eight-bytes-at-a-time scan, including spaces at word edges.
TEST(CleanLine, FastScanWordBoundaries) {
  std::mt19937 rng(5);
  for (int iter = 0; iter < 5000; ++iter) {
    std::string s(rng() % 40, 'a');
    for (char& ch : s) {
      const unsigned r = rng() % 10;
      ch = r < 3 ? ' ' : r == 3 ? '\t' : r == 4 ? '\x7F' : static_cast<char>('a' + r);
    }
    CheckProperties(s, 0);
    if (HasFatalFailure()) return;
  }
}

}  // namespace
}  // namespace dossier
