// DecodeHtml: encoding sniffing (BOM, header, <meta> prescan, detection), evidence over labels,
// conversion with exact offsets, and the archived benchmark pages.
#include <gtest/gtest.h>
#include <unicode/ucnv.h>
#include <unicode/utf8.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "dossier/html.h"
#include "html/decode_internal.h"
#include "util/utf8.h"

namespace dossier {
namespace {

using html::Encoding;

// Encodes UTF-8 text with an ICU converter (test data for long samples; short samples are bytes
// written out by hand and checked with Python's codecs).
std::string Encode(std::string_view utf8, const char* converter) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* from = ucnv_open("UTF-8", &status);
  UConverter* to = ucnv_open(converter, &status);
  std::string out(utf8.size() * 4 + 16, '\0');
  char* target = out.data();
  const char* source = utf8.data();
  ucnv_convertEx(to, from, &target, out.data() + out.size(), &source, utf8.data() + utf8.size(),
                 nullptr, nullptr, nullptr, nullptr, true, true, &status);
  EXPECT_TRUE(U_SUCCESS(status)) << u_errorName(status);
  out.resize(static_cast<size_t>(target - out.data()));
  ucnv_close(from);
  ucnv_close(to);
  return out;
}

bool IsValidUtf8(std::string_view s) { return html::ScanUtf8(s).valid_prefix == s.size(); }

Encoding EncodingOf(const DecodedHtml& d) {
  Encoding e = Encoding::kUtf8;
  EXPECT_TRUE(html::EncodingForDetectorName(d.charset, &e)) << d.charset;
  return e;
}

// Decodes a fragment of the input with a known encoding (no sniffing).
std::string DecodeAs(std::string_view bytes, Encoding e) {
  DecodedHtml d;
  if (e == Encoding::kUtf8) {
    html::DecodeUtf8Into(bytes, 0, &d);
  } else {
    html::DecodeLegacyInto(bytes, 0, e, &d);
  }
  return d.text;
}

// The offset map is exact: the pieces tile the text, and for every decoded character the input
// range it maps to decodes (alone) to that character. Not for stateful encodings (ISO-2022-*).
void ExpectRoundTrip(std::string_view bytes, const DecodedHtml& d) {
  ASSERT_TRUE(IsValidUtf8(d.text));
  const Encoding e = EncodingOf(d);
  uint32_t expect_begin = 0;
  for (const OffsetMap::Piece& p : d.offsets.pieces()) {
    ASSERT_EQ(p.canon_begin, expect_begin) << "pieces must tile the text";
    expect_begin += p.canon_len;
  }
  ASSERT_EQ(expect_begin, d.text.size());
  const auto* s = reinterpret_cast<const uint8_t*>(d.text.data());
  for (size_t i = 0; i < d.text.size();) {
    int32_t cp;
    const size_t len = DecodeUtf8Char(s, d.text.size(), i, &cp);
    const auto b = static_cast<uint32_t>(i), end = static_cast<uint32_t>(i + len);
    const uint64_t sb = d.offsets.ToSourceBegin(b), se = d.offsets.ToSourceEnd(end);
    ASSERT_LE(sb, se);
    ASSERT_LE(se, bytes.size());
    const std::string redecoded = DecodeAs(bytes.substr(sb, se - sb), e);
    // A piece may hold two characters that one input sequence decodes to; then the range
    // re-decodes to both.
    ASSERT_NE(redecoded.find(d.text.substr(i, len)), std::string::npos)
        << "char at " << i << " maps to [" << sb << "," << se << ") which decodes to '" << redecoded
        << "' in " << d.charset;
    i += len;
  }
}

// ---- labels and converters ----------------------------------------------------------------------

TEST(EncodingLabels, TableIsSortedAndComplete) {
  EXPECT_TRUE(html::LabelTableIsSorted());
  EXPECT_EQ(html::LabelCount(), 228u);
}

TEST(EncodingLabels, WhatwgAliases) {
  const std::map<std::string, std::string> cases = {
      {"latin1", "windows-1252"},   {"ISO-8859-1", "windows-1252"}, {"ascii", "windows-1252"},
      {"US-ASCII", "windows-1252"}, {" iso_8859-1:1987\t", "windows-1252"},
      {"iso-8859-9", "windows-1254"}, {"tis-620", "windows-874"}, {"utf8", "UTF-8"},
      {"UNICODE-1-1-UTF-8", "UTF-8"}, {"gb2312", "GBK"},           {"x-gbk", "GBK"},
      {"gb18030", "gb18030"},       {"big5-hkscs", "Big5"},       {"x-sjis", "Shift_JIS"},
      {"windows-31j", "Shift_JIS"}, {"ks_c_5601-1987", "EUC-KR"}, {"koi8-ru", "KOI8-U"},
      {"utf-16", "UTF-16LE"},       {"unicodefffe", "UTF-16BE"},  {"iso-2022-kr", "replacement"},
      {"hz-gb-2312", "replacement"}, {"x-mac-ukrainian", "x-mac-cyrillic"},
      {"logical", "ISO-8859-8-I"},  {"x-user-defined", "x-user-defined"}};
  for (const auto& [label, name] : cases) {
    Encoding e;
    ASSERT_TRUE(html::EncodingForLabel(label, &e)) << label;
    EXPECT_EQ(html::EncodingName(e), name) << label;
  }
  Encoding e;
  EXPECT_FALSE(html::EncodingForLabel("utf-7", &e));
  EXPECT_FALSE(html::EncodingForLabel("", &e));
  EXPECT_FALSE(html::EncodingForLabel("latin-1", &e));  // not a WHATWG label
  EXPECT_FALSE(html::EncodingForLabel("utf 8", &e));
}

TEST(EncodingLabels, EveryConverterOpens) {
  for (size_t i = 0; i < static_cast<size_t>(Encoding::kCount); ++i) {
    const char* name = html::IcuConverterName(static_cast<Encoding>(i));
    if (name == nullptr) continue;
    UErrorCode status = U_ZERO_ERROR;
    UConverter* cnv = ucnv_open(name, &status);
    EXPECT_TRUE(U_SUCCESS(status)) << name << ": " << u_errorName(status);
    if (cnv) ucnv_close(cnv);
  }
}

TEST(EncodingLabels, SingleByteTablesMatchTheStandardWhereItMatters) {
  // windows-1252's C1 range, ISO-8859-16 (built in) and x-user-defined.
  EXPECT_EQ(DecodeAs("\x80\x93\x94\x81\x9F", Encoding::kWindows1252), "€“”\xC2\x81Ÿ");
  EXPECT_EQ(DecodeAs("\xA4\xAA\xFE", Encoding::kIso8859_16), "€Șț");
  EXPECT_EQ(DecodeAs("a\x80\xFF", Encoding::kXUserDefined), "a\xEF\x9E\x80\xEF\x9F\xBF");
  EXPECT_EQ(DecodeAs("\xF0\xD2\xC9\xD7\xC5\xD4", Encoding::kKoi8R), "Привет");
  EXPECT_EQ(DecodeAs("\xCF\xF0\xE8\xE2\xE5\xF2", Encoding::kWindows1251), "Привет");
  EXPECT_EQ(DecodeAs("\xA3\xF3\x64\xBC", Encoding::kIso8859_2), "Łódź");
}

// ---- prescan ------------------------------------------------------------------------------------

std::string Prescanned(std::string_view html, size_t limit = 1024, bool late = false) {
  const html::PrescanResult r = html::PrescanMeta(html, limit, late);
  return r.found ? std::string(html::EncodingName(r.encoding)) : "none";
}

TEST(Prescan, MetaCharset) {
  EXPECT_EQ(Prescanned("<!DOCTYPE html><html><head><meta charset=\"windows-1251\">"), "windows-1251");
  EXPECT_EQ(Prescanned("<META CHARSET='KOI8-R'>"), "KOI8-R");
  EXPECT_EQ(Prescanned("<meta charset=iso-8859-2>"), "ISO-8859-2");
  EXPECT_EQ(Prescanned("<meta/charset=koi8-r>"), "KOI8-R");
  EXPECT_EQ(Prescanned("<meta\ncharset = \"latin1\" >"), "windows-1252");
  EXPECT_EQ(Prescanned("<metadata charset=koi8-r>"), "none");  // not a <meta>
  EXPECT_EQ(Prescanned("<p>no declaration</p>"), "none");
  EXPECT_EQ(Prescanned(""), "none");
}

TEST(Prescan, HttpEquivContentType) {
  EXPECT_EQ(Prescanned("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\">"),
            "KOI8-R");
  // Attribute order does not matter; quotes inside content are allowed.
  EXPECT_EQ(Prescanned("<meta content=\"text/html; charset='iso-8859-7'\" http-equiv=content-type>"),
            "ISO-8859-7");
  // content= without the pragma is not a declaration.
  EXPECT_EQ(Prescanned("<meta content=\"text/html; charset=koi8-r\">"), "none");
  EXPECT_EQ(Prescanned("<meta http-equiv=refresh content=\"0; charset=koi8-r\">"), "none");
  // charset= wins over content= in the same element, whatever the order.
  EXPECT_EQ(Prescanned("<meta http-equiv=content-type content=\"text/html; charset=koi8-r\" "
                       "charset=iso-8859-5>"),
            "ISO-8859-5");
}

TEST(Prescan, CommentsAndOtherMarkupAreSkipped) {
  EXPECT_EQ(Prescanned("<!-- <meta charset=\"koi8-r\"> --><meta charset=\"iso-8859-2\">"), "ISO-8859-2");
  EXPECT_EQ(Prescanned("<!--><meta charset=koi8-r>"), "KOI8-R");  // "<!-->" is a whole comment
  EXPECT_EQ(Prescanned("<!---><meta charset=koi8-r>"), "KOI8-R");  // nor is "<!--->"
  EXPECT_EQ(Prescanned("<!-- -><meta charset=koi8-r> -->"), "none");
  EXPECT_EQ(Prescanned("<?xml version=\"1.0\"?><!DOCTYPE html><meta charset=koi8-r>"), "KOI8-R");
  // A tag's attribute values are read as values, so a quoted "<meta" inside one is no tag.
  EXPECT_EQ(Prescanned("<div title='<meta charset=koi8-r>'><meta charset=iso-8859-5>"), "ISO-8859-5");
  // Unterminated comment or tag: the prescan gives up.
  EXPECT_EQ(Prescanned("<!-- <meta charset=koi8-r>"), "none");
  EXPECT_EQ(Prescanned("<meta charset=\"koi8-r"), "none");
}

TEST(Prescan, FirstUsableDeclarationWinsAndDuplicatesAreIgnored) {
  EXPECT_EQ(Prescanned("<meta charset=bogus><meta charset=koi8-r>"), "KOI8-R");
  EXPECT_EQ(Prescanned("<meta charset=koi8-r charset=iso-8859-5>"), "KOI8-R");
  EXPECT_EQ(Prescanned("<meta charset=koi8-r><meta charset=iso-8859-5>"), "KOI8-R");
}

TEST(Prescan, Utf16LabelsMeanUtf8AndXUserDefinedMeansWindows1252) {
  EXPECT_EQ(Prescanned("<meta charset=utf-16>"), "UTF-8");
  EXPECT_EQ(Prescanned("<meta charset=utf-16be>"), "UTF-8");
  EXPECT_EQ(Prescanned("<meta charset=x-user-defined>"), "windows-1252");
}

TEST(Prescan, Utf16XmlDeclaration) {
  const std::string le("<\0?\0x\0m\0l\0", 10), be("\0<\0?\0x\0m\0l", 10);
  EXPECT_EQ(Prescanned(le), "UTF-16LE");
  EXPECT_EQ(Prescanned(be), "UTF-16BE");
}

TEST(Prescan, OnlyTheFirst1024BytesUnlessLate) {
  const std::string page = "<html><head>" + std::string(1100, ' ') + "<meta charset=koi8-r></head>";
  EXPECT_EQ(Prescanned(page), "none");
  EXPECT_EQ(Prescanned(page, 1 << 20, /*late=*/true), "KOI8-R");
}

TEST(Prescan, LateScanSkipsScriptsAndStopsAtBody) {
  const std::string script = "<script>var s = \"<meta charset=koi8-r>\";</script><meta charset=iso-8859-5>";
  EXPECT_EQ(Prescanned(script), "KOI8-R");  // the spec's prescan does not know scripts
  EXPECT_EQ(Prescanned(script, 1 << 20, /*late=*/true), "ISO-8859-5");
  EXPECT_EQ(Prescanned("<head></head><body><meta charset=koi8-r>", 1 << 20, true), "none");
}

TEST(Prescan, MetaContentCharset) {
  Encoding e;
  ASSERT_TRUE(html::CharsetFromMetaContent("text/html; charset=utf-8", &e));
  EXPECT_EQ(e, Encoding::kUtf8);
  ASSERT_TRUE(html::CharsetFromMetaContent("text/html;charset = \"koi8-r\"", &e));
  EXPECT_EQ(e, Encoding::kKoi8R);
  ASSERT_TRUE(html::CharsetFromMetaContent("charsetx; charset=iso-8859-2; x=y", &e));
  EXPECT_EQ(e, Encoding::kIso8859_2);
  EXPECT_FALSE(html::CharsetFromMetaContent("text/html; charset='koi8-r", &e));  // unmatched quote
  EXPECT_FALSE(html::CharsetFromMetaContent("text/html; charset=", &e));
  EXPECT_FALSE(html::CharsetFromMetaContent("text/html", &e));
}

TEST(Prescan, ContentTypeCharsetParameter) {
  EXPECT_EQ(html::CharsetParameter("text/html; charset=ISO-8859-1"), "ISO-8859-1");
  EXPECT_EQ(html::CharsetParameter("text/html;charset=\"utf-8\""), "utf-8");
  EXPECT_EQ(html::CharsetParameter("text/html; q=1; charset=koi8-r ; x=y"), "koi8-r");
  EXPECT_EQ(html::CharsetParameter("text/html; CHARSET=koi8-r; charset=utf-8"), "koi8-r");
  EXPECT_EQ(html::CharsetParameter("charset=koi8-r"), "koi8-r");
  EXPECT_EQ(html::CharsetParameter("text/html"), "");
  EXPECT_EQ(html::CharsetParameter(""), "");
}

// ---- UTF-8 --------------------------------------------------------------------------------------

TEST(DecodeHtml, EmptyInput) {
  const DecodedHtml d = DecodeHtml("");
  EXPECT_EQ(d.text, "");
  EXPECT_EQ(d.charset, "UTF-8");
  EXPECT_EQ(d.charset_evidence, "default");
  EXPECT_EQ(d.invalid_bytes_replaced, 0u);
  EXPECT_TRUE(d.offsets.empty());
}

TEST(DecodeHtml, ValidUtf8IsOneCopiedPiece) {
  const std::string page = "<meta charset=utf-8><p>Café “quoted” — 東京 😀</p>";
  const DecodedHtml d = DecodeHtml(page);
  EXPECT_EQ(d.text, page);
  EXPECT_EQ(d.charset, "UTF-8");
  EXPECT_EQ(d.charset_evidence, "meta");
  EXPECT_EQ(d.declared_charset, "UTF-8");
  ASSERT_EQ(d.offsets.pieces().size(), 1u);
  EXPECT_TRUE(d.offsets.pieces()[0].copied);
}

TEST(DecodeHtml, UndeclaredAsciiAndUtf8) {
  DecodedHtml d = DecodeHtml("<p>plain ascii</p>");
  EXPECT_EQ(d.charset, "UTF-8");
  EXPECT_EQ(d.charset_evidence, "default");
  EXPECT_EQ(d.declared_charset, "");
  d = DecodeHtml("<p>Zürich</p>");
  EXPECT_EQ(d.charset, "UTF-8");
  EXPECT_EQ(d.charset_evidence, "detected");
  EXPECT_EQ(d.text, "<p>Zürich</p>");
}

TEST(DecodeHtml, InvalidUtf8IsReplacedPerMaximalSubpartWithExactOffsets) {
  // 80: lone continuation; E2 82: truncated 3-byte; C0 AF: overlong (two subparts); ED A0 80: a
  // surrogate (three); F0 9F 98: truncated 4-byte at the end.
  const std::string page = std::string("<meta charset=utf-8>Grüße “aus” Zürich a\x80") + "b\xE2\x82" +
                           "c\xC0\xAF" + "d\xED\xA0\x80" + "e\xF0\x9F\x98";
  const DecodedHtml d = DecodeHtml(page);
  EXPECT_EQ(d.charset, "UTF-8");
  EXPECT_EQ(d.charset_evidence, "meta");
  EXPECT_EQ(d.invalid_bytes_replaced, 8u);
  EXPECT_EQ(d.text, "<meta charset=utf-8>Grüße “aus” Zürich a\uFFFDb\uFFFDc\uFFFD\uFFFDd\uFFFD\uFFFD\uFFFDe\uFFFD");
  // The replacement for E2 82 covers exactly those two input bytes.
  const size_t at = d.text.find("b") + 1;
  EXPECT_EQ(d.offsets.ToSourceBegin(static_cast<uint32_t>(at)), page.find("b") + 1);
  EXPECT_EQ(d.offsets.ToSourceEnd(static_cast<uint32_t>(at + 3)), page.find("b") + 3);
  ExpectRoundTrip(page, d);
}

// The reference: ICU's U8_NEXT, which consumes one maximal subpart per ill-formed sequence.
std::string IcuUtf8Decode(std::string_view s, size_t* multibyte, size_t* invalid) {
  std::string out;
  *multibyte = *invalid = 0;
  for (int32_t i = 0; i < static_cast<int32_t>(s.size());) {
    const int32_t at = i;
    UChar32 c;
    U8_NEXT(s.data(), i, static_cast<int32_t>(s.size()), c);
    if (c < 0) {
      ++*invalid;
      out += "\uFFFD";
    } else {
      if (i - at > 1) ++*multibyte;
      out.append(s.substr(at, i - at));
    }
  }
  return out;
}

TEST(Utf8Scan, AgreesWithIcuOnRandomBytes) {
  // Bytes that make UTF-8 interesting: ASCII, continuations, every lead class and its edges.
  const uint8_t alphabet[] = {'a', ' ', '<', 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1,
                              0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3,
                              0xF4, 0xF5, 0xFF};
  uint64_t state = 0x9E3779B97F4A7C15ULL;
  auto next = [&] {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  };
  // Plus valid characters of every length, so that long valid runs occur.
  const std::string valid[] = {"é", "€", "東", "😀", "abcdefghijklmnopqrstuvwxyz0123456789"};
  for (int round = 0; round < 20000; ++round) {
    std::string s;
    const size_t len = next() % 64;
    for (size_t k = 0; k < len; ++k) {
      const uint64_t r = next();
      if (r % 4 == 0) {
        s += valid[(r >> 8) % 5];
      } else {
        s.push_back(static_cast<char>(alphabet[(r >> 8) % sizeof alphabet]));
      }
    }
    size_t multibyte = 0, invalid = 0;
    const std::string expected = IcuUtf8Decode(s, &multibyte, &invalid);
    const html::Utf8Stats stats = html::CountUtf8(s);
    ASSERT_EQ(stats.invalid, invalid) << round;
    ASSERT_EQ(stats.multibyte, multibyte) << round;
    const html::Utf8Scan scan = html::ScanUtf8(s);
    ASSERT_EQ(scan.valid_prefix == s.size(), invalid == 0) << round;
    ASSERT_TRUE(IsValidUtf8(s.substr(0, scan.valid_prefix))) << round;
    DecodedHtml d;
    html::DecodeUtf8Into(s, 0, &d);
    ASSERT_EQ(d.text, expected) << round;
    ASSERT_EQ(d.invalid_bytes_replaced, invalid) << round;
    d.charset = "UTF-8";
    ExpectRoundTrip(s, d);
  }
}

TEST(DecodeHtml, AFewStrayBytesInAUtf8PageStayUtf8) {
  const std::string page = "<meta charset=\"utf-8\"><p>Grüße aus Köln, schöne Straße. Ärger? "
                           "Nein.</p><script>/* M\xE4scot */</script>";
  const DecodedHtml d = DecodeHtml(page);
  EXPECT_EQ(d.charset, "UTF-8");
  EXPECT_EQ(d.charset_evidence, "meta");
  EXPECT_EQ(d.invalid_bytes_replaced, 1u);
  EXPECT_NE(d.text.find("M\uFFFDscot"), std::string::npos);
  ExpectRoundTrip(page, d);
}

// ---- BOMs and UTF-16 ----------------------------------------------------------------------------

TEST(DecodeHtml, Utf8BomWinsOverHeaderAndMeta) {
  const std::string page = "\xEF\xBB\xBF<meta charset=koi8-r><p>Grüße</p>";
  const DecodedHtml d = DecodeHtml(page, "text/html; charset=windows-1251");
  EXPECT_EQ(d.charset, "UTF-8");
  EXPECT_EQ(d.charset_evidence, "bom");
  EXPECT_EQ(d.text, "<meta charset=koi8-r><p>Grüße</p>");
  EXPECT_EQ(d.offsets.ToSourceBegin(0), 3u);
  ExpectRoundTrip(page, d);
}

std::string Utf16(std::string_view utf8, bool big_endian, bool bom) {
  std::string out = bom ? (big_endian ? "\xFE\xFF" : "\xFF\xFE") : "";
  return out + Encode(utf8, big_endian ? "UTF-16BE" : "UTF-16LE");
}

TEST(DecodeHtml, Utf16WithBom) {
  const std::string text = "<html><meta charset=windows-1252><p>Grüße € 東京 😀</p></html>";
  for (bool be : {false, true}) {
    const std::string page = Utf16(text, be, /*bom=*/true);
    const DecodedHtml d = DecodeHtml(page);
    EXPECT_EQ(d.charset, be ? "UTF-16BE" : "UTF-16LE");
    EXPECT_EQ(d.charset_evidence, "bom");
    EXPECT_EQ(d.text, text);
    EXPECT_EQ(d.invalid_bytes_replaced, 0u);
    // '<' is the first character after the BOM: two input bytes at offset 2.
    EXPECT_EQ(d.offsets.ToSourceBegin(0), 2u);
    EXPECT_EQ(d.offsets.ToSourceEnd(1), 4u);
    // The emoji is a surrogate pair: 4 text bytes from 4 input bytes.
    const size_t emoji = d.text.find("😀");
    EXPECT_EQ(d.offsets.ToSourceEnd(static_cast<uint32_t>(emoji + 4)) -
                  d.offsets.ToSourceBegin(static_cast<uint32_t>(emoji)),
              4u);
    ExpectRoundTrip(page, d);
  }
}

TEST(DecodeHtml, Utf16WithoutBomIsDetected) {
  const std::string text = "<!DOCTYPE html><html><head><title>Grüße</title></head><body>Hallo Welt</body></html>";
  for (bool be : {false, true}) {
    const DecodedHtml d = DecodeHtml(Utf16(text, be, /*bom=*/false));
    EXPECT_EQ(d.charset, be ? "UTF-16BE" : "UTF-16LE");
    EXPECT_EQ(d.charset_evidence, "detected");
    EXPECT_EQ(d.text, text);
  }
}

TEST(DecodeHtml, Utf16UnpairedSurrogateAndOddByteAreReplaced) {
  std::string page = "\xFF\xFE";
  page += std::string("a\0", 2) + std::string("\x00\xD8", 2) + std::string("b\0", 2) + "c";
  const DecodedHtml d = DecodeHtml(page);
  EXPECT_EQ(d.charset, "UTF-16LE");
  EXPECT_EQ(d.text, "a\uFFFDb\uFFFD");
  EXPECT_EQ(d.invalid_bytes_replaced, 2u);
}

TEST(DecodeHtml, Utf16HeaderOnAsciiBytesIsIgnored) {
  const DecodedHtml d = DecodeHtml("<meta charset=koi8-r><p>\xF0\xD2\xC9\xD7\xC5\xD4</p>",
                                   "text/html; charset=utf-16");
  EXPECT_EQ(d.declared_charset, "UTF-16LE");
  EXPECT_EQ(d.charset, "KOI8-R");
  EXPECT_EQ(d.charset_evidence, "meta");
  EXPECT_EQ(d.text, "<meta charset=koi8-r><p>Привет</p>");
}

// ---- header, meta and their precedence -----------------------------------------------------------

TEST(DecodeHtml, HeaderWinsOverMeta) {
  const std::string page = "<meta charset=windows-1251><p>\xF0\xD2\xC9\xD7\xC5\xD4</p>";
  DecodedHtml d = DecodeHtml(page, "text/html; charset=KOI8-R");
  EXPECT_EQ(d.charset, "KOI8-R");
  EXPECT_EQ(d.charset_evidence, "http-header");
  EXPECT_EQ(d.declared_charset, "KOI8-R");
  EXPECT_EQ(d.text, "<meta charset=windows-1251><p>Привет</p>");
  ExpectRoundTrip(page, d);
  // Without the header, the meta decides (and these bytes read as windows-1251 are other letters).
  d = DecodeHtml(page);
  EXPECT_EQ(d.charset, "windows-1251");
  EXPECT_EQ(d.charset_evidence, "meta");
  EXPECT_EQ(d.text, "<meta charset=windows-1251><p>рТЙЧЕФ</p>");
  // An unknown label in the header is no declaration.
  d = DecodeHtml(page, "text/html; charset=klingon");
  EXPECT_EQ(d.charset, "windows-1251");
  EXPECT_EQ(d.charset_evidence, "meta");
}

TEST(DecodeHtml, HttpEquivForm) {
  const std::string page =
      "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-2\">"
      "</head><body>\xA3\xF3\x64\xBC</body></html>";
  const DecodedHtml d = DecodeHtml(page);
  EXPECT_EQ(d.charset, "ISO-8859-2");
  EXPECT_EQ(d.charset_evidence, "meta");
  EXPECT_NE(d.text.find("Łódź"), std::string::npos);
  ExpectRoundTrip(page, d);
}

TEST(DecodeHtml, MetaInACommentIsIgnored) {
  const std::string page = "<!-- <meta charset=koi8-r> --><p>caf\xE9</p>";
  const DecodedHtml d = DecodeHtml(page);
  EXPECT_NE(d.charset, "KOI8-R");
  EXPECT_EQ(d.declared_charset, "");
  EXPECT_NE(d.charset_evidence, "meta");
}

TEST(DecodeHtml, Windows1252CurlyQuotes) {
  const std::string page = "<meta charset=windows-1252><p>\x93Hello,\x94 she said \x96 caf\xE9.</p>";
  const DecodedHtml d = DecodeHtml(page);
  EXPECT_EQ(d.charset, "windows-1252");
  EXPECT_EQ(d.charset_evidence, "meta");
  EXPECT_EQ(d.text, "<meta charset=windows-1252><p>“Hello,” she said – café.</p>");
  EXPECT_EQ(d.invalid_bytes_replaced, 0u);
  // “ is three text bytes from one input byte.
  const auto open = static_cast<uint32_t>(d.text.find("“"));
  EXPECT_EQ(d.offsets.ToSourceBegin(open), page.find('\x93'));
  EXPECT_EQ(d.offsets.ToSourceEnd(open + 3), page.find('\x93') + 1);
  // The ASCII after it maps one to one.
  EXPECT_EQ(d.offsets.ToSourceBegin(open + 3), page.find('\x93') + 1);
  ExpectRoundTrip(page, d);
}

TEST(DecodeHtml, Latin1LabelsMeanWindows1252) {
  for (const char* label : {"iso-8859-1", "latin1", "us-ascii", "ISO_8859-1"}) {
    const std::string page = std::string("<meta charset=") + label + "><p>\x93x\x94 \xE9</p>";
    const DecodedHtml d = DecodeHtml(page);
    EXPECT_EQ(d.charset, "windows-1252") << label;
    EXPECT_NE(d.text.find("“x” é"), std::string::npos) << label;
  }
}

// ---- evidence over labels -----------------------------------------------------------------------

TEST(DecodeHtml, Latin1LabelOnUtf8BytesIsUtf8) {
  const std::string page = "<meta http-equiv=content-type content='text/html; charset=iso-8859-1'>"
                           "<p>Café “déjà vu” in Zürich</p>";
  const DecodedHtml d = DecodeHtml(page);
  EXPECT_EQ(d.charset, "UTF-8");
  EXPECT_EQ(d.charset_evidence, "detected");
  EXPECT_EQ(d.declared_charset, "windows-1252");
  EXPECT_EQ(d.text, page);
  // The same from the header.
  const DecodedHtml h = DecodeHtml("<p>Café</p>", "text/html; charset=ISO-8859-1");
  EXPECT_EQ(h.charset, "UTF-8");
  EXPECT_EQ(h.charset_evidence, "detected");
  EXPECT_EQ(h.declared_charset, "windows-1252");
}

TEST(DecodeHtml, CjkLabelNeedsMoreUtf8Evidence) {
  // GBK bytes that happen to be one valid UTF-8 sequence (C3 A9 = "é" in UTF-8, "茅" in GBK).
  const DecodedHtml d = DecodeHtml("<meta charset=gbk><p>\xC3\xA9</p>");
  EXPECT_EQ(d.charset, "GBK");
  EXPECT_EQ(d.text, "<meta charset=gbk><p>茅</p>");
  // Many valid UTF-8 characters under a gb2312 label: UTF-8.
  const DecodedHtml u = DecodeHtml("<meta charset=gb2312><p>中文新闻，今天的新闻。</p>");
  EXPECT_EQ(u.charset, "UTF-8");
  EXPECT_EQ(u.charset_evidence, "detected");
  EXPECT_EQ(u.declared_charset, "GBK");
}

const char kGerman[] =
    "Die Bundesregierung hat am Mittwoch in Berlin über die künftige Förderung der Schulen "
    "beraten. Der Minister äußerte sich zufrieden: Die Gespräche seien fruchtbar gewesen, die "
    "Länder müssten nun schnell handeln. Kritiker bemängeln jedoch, dass die Maßnahmen zu spät "
    "kämen und für viele Gemeinden nicht ausreichten. Über die Höhe der Zuschüsse wird im "
    "Frühjahr entschieden; bis dahin prüfen die Behörden die Anträge der Städte.";

TEST(DecodeHtml, Utf8LabelOnLatin1BytesIsDetectedAsWindows1252) {
  const std::string body = Encode(kGerman, "windows-1252");
  const std::string page = "<html><head><meta charset=\"utf-8\"><title>Nachrichten</title></head><body><p>" +
                           body + "</p></body></html>";
  const DecodedHtml d = DecodeHtml(page);
  EXPECT_EQ(d.charset, "windows-1252");
  EXPECT_EQ(d.charset_evidence, "detected");
  EXPECT_EQ(d.declared_charset, "UTF-8");
  EXPECT_NE(d.text.find(kGerman), std::string::npos);
  EXPECT_EQ(d.invalid_bytes_replaced, 0u);
  ExpectRoundTrip(page, d);
}

TEST(DecodeHtml, ReplacementLabelsAreNotFollowed) {
  const DecodedHtml d = DecodeHtml("<meta charset=iso-2022-kr><p>Zürich</p>");
  EXPECT_EQ(d.declared_charset, "replacement");
  EXPECT_EQ(d.charset, "UTF-8");
  EXPECT_EQ(d.text, "<meta charset=iso-2022-kr><p>Zürich</p>");
}

// ---- legacy multi-byte encodings ----------------------------------------------------------------

TEST(DecodeHtml, ShiftJis) {
  // 日本語のニュース。東京 — "ニ" is 83 6A: its second byte is ASCII 'j'.
  const std::string page =
      "<meta charset=shift_jis><p>\x93\xFA\x96\x7B\x8C\xEA\x82\xCC\x83\x6A\x83\x85\x81\x5B\x83\x58"
      "\x81\x42\x93\x8C\x8B\x9E</p>";
  const DecodedHtml d = DecodeHtml(page);
  EXPECT_EQ(d.charset, "Shift_JIS");
  EXPECT_EQ(d.text, "<meta charset=shift_jis><p>日本語のニュース。東京</p>");
  EXPECT_EQ(d.invalid_bytes_replaced, 0u);
  const auto ni = static_cast<uint32_t>(d.text.find("ニ"));
  EXPECT_EQ(d.offsets.ToSourceBegin(ni), page.find("\x83\x6A"));
  EXPECT_EQ(d.offsets.ToSourceEnd(ni + 3), page.find("\x83\x6A") + 2);
  ExpectRoundTrip(page, d);
}

TEST(DecodeHtml, ShiftJisTruncatedAtTheEnd) {
  const DecodedHtml d = DecodeHtml("<meta charset=sjis><p>\x93\xFA\x93");
  EXPECT_EQ(d.text, "<meta charset=sjis><p>日\uFFFD");
  EXPECT_EQ(d.invalid_bytes_replaced, 1u);
}

TEST(DecodeHtml, Gb18030AndGbk) {
  // 中文新闻 in GBK, then gb18030's é (A8 A6) and a four-byte sequence for 😀.
  const std::string page = "<meta charset=gb2312><p>\xD6\xD0\xCE\xC4\xD0\xC2\xCE\xC5 \xA8\xA6 \x94\x39\xFC\x36</p>";
  const DecodedHtml d = DecodeHtml(page);
  EXPECT_EQ(d.charset, "GBK");
  EXPECT_EQ(d.charset_evidence, "meta");
  EXPECT_EQ(d.text, "<meta charset=gb2312><p>中文新闻 é 😀</p>");
  const auto emoji = static_cast<uint32_t>(d.text.find("😀"));
  EXPECT_EQ(d.offsets.ToSourceBegin(emoji), page.find("\x94\x39"));
  EXPECT_EQ(d.offsets.ToSourceEnd(emoji + 4), page.find("\x94\x39") + 4);
  ExpectRoundTrip(page, d);
}

TEST(DecodeHtml, Koi8REucJpEucKrBig5) {
  struct Case {
    std::string label, bytes, text;
  };
  const Case cases[] = {
      {"koi8-r", "\xF0\xD2\xC9\xD7\xC5\xD4\x2C\x20\xCD\xC9\xD2", "Привет, мир"},
      {"euc-jp", "\xC6\xFC\xCB\xDC\xB8\xEC", "日本語"},
      {"euc-kr", "\xC7\xD1\xB1\xB9\xBE\xEE", "한국어"},
      {"big5", "\xA4\xA4\xA4\xE5", "中文"},
  };
  for (const Case& c : cases) {
    const std::string page = "<meta charset=" + c.label + "><p>" + c.bytes + "</p>";
    const DecodedHtml d = DecodeHtml(page);
    EXPECT_EQ(d.text, "<meta charset=" + c.label + "><p>" + c.text + "</p>") << c.label;
    EXPECT_EQ(d.invalid_bytes_replaced, 0u) << c.label;
    ExpectRoundTrip(page, d);
  }
}

TEST(DecodeHtml, Iso2022Jp) {
  const std::string page = "<meta charset=iso-2022-jp><p>\x1B\x24\x42\x46\x7C\x4B\x5C\x38\x6C\x1B\x28\x42!</p>";
  const DecodedHtml d = DecodeHtml(page);
  EXPECT_EQ(d.charset, "ISO-2022-JP");
  EXPECT_EQ(d.text, "<meta charset=iso-2022-jp><p>日本語!</p>");
  // 日 maps to its two bytes after the escape; 語 also covers the escape back to ASCII.
  const auto day = static_cast<uint32_t>(d.text.find("日"));
  EXPECT_EQ(d.offsets.ToSourceBegin(day), page.find("\x46\x7C"));
  const auto go = static_cast<uint32_t>(d.text.find("語"));
  EXPECT_EQ(d.offsets.ToSourceEnd(go + 3), page.find('!'));
  EXPECT_EQ(d.offsets.ToSourceBegin(go + 3), page.find('!'));
}

TEST(DecodeHtml, UnassignedSingleByteIsReplaced) {
  const std::string page = "<meta charset=iso-8859-3><p>a\xA5z</p>";  // A5 is unassigned in 8859-3
  const DecodedHtml d = DecodeHtml(page);
  EXPECT_EQ(d.text, "<meta charset=iso-8859-3><p>a\uFFFDz</p>");
  EXPECT_EQ(d.invalid_bytes_replaced, 1u);
  ExpectRoundTrip(page, d);
}

TEST(DecodeHtml, XUserDefinedFromTheHeader) {
  const DecodedHtml d = DecodeHtml("<p>\x80</p>", "text/html; charset=x-user-defined");
  EXPECT_EQ(d.charset, "x-user-defined");
  EXPECT_EQ(d.text, "<p>\uF780</p>");
}

// ---- detection ----------------------------------------------------------------------------------

TEST(DecodeHtml, UndeclaredLegacyEncodingsAreDetected) {
  struct Case {
    const char* converter;
    std::string text;
    std::string expected_charset;
  };
  const Case cases[] = {
      {"windows-1252", kGerman, "windows-1252"},
      {"ibm-943_P15A-2003",
       "東京都は本日、新しい防災計画を発表しました。計画では、地震や台風などの災害に備えて、"
       "避難所の数を増やし、食料や水の備蓄を強化するとしています。都の担当者は、住民の皆さんにも"
       "日頃から準備をしてほしいと話しています。",
       "Shift_JIS"},
      {"gb18030",
       "国家统计局今天发布数据显示，今年前三季度国内生产总值同比增长百分之五，经济运行总体平稳。"
       "专家表示，消费和投资继续发挥重要作用，但外部环境依然复杂，需要进一步扩大内需。",
       "gb18030"},
      {"KOI8-R",
       "Правительство России в среду обсудило новые меры поддержки малого бизнеса. По словам "
       "министра, программа будет запущена в начале следующего года и охватит все регионы страны.",
       "KOI8-R"},
  };
  for (const Case& c : cases) {
    const std::string page = "<html><head><title>x</title></head><body><p>" + Encode(c.text, c.converter) +
                             "</p></body></html>";
    const DecodedHtml d = DecodeHtml(page);
    EXPECT_EQ(d.charset, c.expected_charset) << c.converter;
    EXPECT_EQ(d.charset_evidence, "detected") << c.converter;
    EXPECT_NE(d.text.find(c.text), std::string::npos) << c.converter;
    ExpectRoundTrip(page, d);
  }
}

TEST(DecodeHtml, LateMetaIsFollowedWhenTheBytesAreNotUtf8) {
  // A Wayback-style page: over 1024 bytes of injected script before the page's own <meta>.
  const std::string page = "<html><head><script>" + std::string(1200, ';') +
                           "</script><meta http-equiv=content-type content='text/html; "
                           "charset=iso-8859-1'></head><body>D\xC8" "but</body></html>";
  const DecodedHtml d = DecodeHtml(page);
  EXPECT_EQ(d.charset, "windows-1252");
  EXPECT_EQ(d.charset_evidence, "meta");
  EXPECT_NE(d.text.find("DÈbut"), std::string::npos);
}

// ---- size extremes ------------------------------------------------------------------------------

TEST(DecodeHtml, HugeUtf8Input) {
  std::string page = "<meta charset=utf-8>";
  const std::string line = "<p>Grüße aus Zürich — “news” 東京 😀</p>\n";
  while (page.size() < (size_t{64} << 20)) page += line;
  const DecodedHtml d = DecodeHtml(page);
  EXPECT_EQ(d.text.size(), page.size());
  EXPECT_TRUE(d.text == page);
  EXPECT_EQ(d.offsets.pieces().size(), 1u);
  // One bad byte in the middle: three pieces, exact offsets.
  page[page.find('<', page.size() / 2)] = '\xFF';
  const DecodedHtml bad = DecodeHtml(page);
  EXPECT_EQ(bad.invalid_bytes_replaced, 1u);
  EXPECT_TRUE(IsValidUtf8(bad.text));
}

TEST(DecodeHtml, HugeWindows1252Input) {
  std::string page = "<meta charset=windows-1252>";
  while (page.size() < (size_t{8} << 20)) page += "<p>\x93" "Caf\xE9\x94 \x96 na\xEFve</p>\n";
  const DecodedHtml d = DecodeHtml(page);
  EXPECT_EQ(d.charset, "windows-1252");
  EXPECT_TRUE(IsValidUtf8(d.text));
  EXPECT_EQ(d.offsets.ToSourceEnd(static_cast<uint32_t>(d.text.size())), page.size());
}

TEST(DecodeHtml, MultiSliceIcuConversionKeepsOffsets) {
  // Over several 64 KiB slices, with two-byte characters straddling slice boundaries.
  std::string page = "<meta charset=shift_jis>";
  while (page.size() < 300000) page += "a\x93\xFA\x96\x7B";
  const DecodedHtml d = DecodeHtml(page);
  EXPECT_EQ(d.invalid_bytes_replaced, 0u);
  ExpectRoundTrip(page, d);
}

// ---- the archived benchmark pages ---------------------------------------------------------------

std::string ReadGz(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string out, error;
  EXPECT_TRUE(Gunzip(ss.str(), &out, &error)) << path << ": " << error;
  return out;
}

// A valid UTF-8 page comes out unchanged (BOM dropped). Its charset is UTF-8, unless it is pure
// ASCII under another ASCII-compatible label (one page declares iso-8859-1 and is all ASCII).
void ExpectDecodedAsUtf8(const std::string& bytes, const DecodedHtml& d, const std::string& what) {
  EXPECT_EQ(d.invalid_bytes_replaced, 0u) << what;
  EXPECT_TRUE(d.text == (bytes.starts_with("\xEF\xBB\xBF") ? bytes.substr(3) : bytes)) << what;
  if (d.charset != "UTF-8") {
    EXPECT_EQ(html::CountUtf8(bytes).multibyte, 0u) << what << " " << d.charset;
  }
}

const std::filesystem::path kExtraction = std::filesystem::path(DOSSIER_SHARED_DIR) / "data/extraction";

// The 19 trafilatura pages that are not valid UTF-8, with the charset each one really is. Found by
// inspection (Python: the page's own declarations, bytes.decode() under each candidate, and the
// non-ASCII characters that result), not from this decoder:
//  * 15 pages declare ISO-8859-1 or windows-1252 and are German (or French) text in it: ä ö ü ß
//    and, in some, windows-1252's „ “ – from the 80..9F range; five of them declare it only after
//    1024 bytes (Wayback Machine script injected before the page's own <meta>, or a long head).
//  * 75eb9b9958b1cd84 declares gb2312 after the Wayback injection and decodes as GBK without error
//    (Chinese news text).
//  * 2aecfac52bccbed7 and b559074009293b63 declare UTF-8 and are UTF-8 (75 and 105 valid multi-byte
//    characters) with 1 and 4 stray Latin-1 bytes ("M\xe4scot" in a script comment, "Mitgef\xfchl
//    w\xe4hlen" in alt texts): they stay UTF-8 with those bytes replaced.
struct NonUtf8Page {
  const char* id;
  const char* charset;
  const char* evidence;
  uint32_t replaced;
};
constexpr NonUtf8Page kNonUtf8Pages[] = {
    {"0ddaaedbaccf2937", "windows-1252", "meta", 0}, {"104be559207e475a", "windows-1252", "meta", 0},
    {"16cb419f3f3ae92a", "windows-1252", "meta", 0}, {"228917f19c2a4451", "windows-1252", "meta", 0},
    {"25e047b2f777d42c", "windows-1252", "meta", 0}, {"2aecfac52bccbed7", "UTF-8", "meta", 1},
    {"3ea9696918ffc8f5", "windows-1252", "meta", 0}, {"41beef99d022d44a", "windows-1252", "meta", 0},
    {"4577dbd5017dfbfe", "windows-1252", "meta", 0}, {"6066abd43ad06a66", "windows-1252", "meta", 0},
    {"6eb3dedabf4ebc4b", "windows-1252", "meta", 0}, {"75eb9b9958b1cd84", "GBK", "meta", 0},
    {"765f0f1bd3192911", "windows-1252", "meta", 0}, {"a36f479981ddbc94", "windows-1252", "meta", 0},
    {"b48cdf12c871c85a", "windows-1252", "meta", 0}, {"b559074009293b63", "UTF-8", "meta", 4},
    {"b8f60a91a13af7cb", "windows-1252", "meta", 0}, {"b96c22fb3177ed4d", "windows-1252", "meta", 0},
    {"babe6573d5878a43", "windows-1252", "meta", 0},
};

TEST(DecodeHtmlPages, TrafilaturaPagesDecodeToValidUtf8WithTheRightCharset) {
  const auto dir = kExtraction / "trafilatura/pages";
  if (!std::filesystem::exists(dir)) GTEST_SKIP() << dir << " absent";
  std::map<std::string, const NonUtf8Page*> expected;
  for (const NonUtf8Page& p : kNonUtf8Pages) expected[p.id] = &p;
  size_t pages = 0, non_utf8 = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (!name.ends_with(".html.gz")) continue;
    const std::string id = name.substr(0, name.size() - 8);
    const std::string bytes = ReadGz(entry.path());
    const DecodedHtml d = DecodeHtml(bytes);
    ++pages;
    ASSERT_TRUE(IsValidUtf8(d.text)) << id;
    ASSERT_EQ(d.offsets.ToSourceEnd(static_cast<uint32_t>(d.text.size())), bytes.size()) << id;
    const bool input_valid = IsValidUtf8(bytes);
    auto it = expected.find(id);
    if (it == expected.end()) {
      EXPECT_TRUE(input_valid) << id << " is not UTF-8 but is not in the list";
      ExpectDecodedAsUtf8(bytes, d, id);
      continue;
    }
    ++non_utf8;
    EXPECT_FALSE(input_valid) << id;
    EXPECT_EQ(d.charset, it->second->charset) << id;
    EXPECT_EQ(d.charset_evidence, it->second->evidence) << id;
    EXPECT_EQ(d.invalid_bytes_replaced, it->second->replaced) << id;
    ExpectRoundTrip(bytes, d);
  }
  EXPECT_EQ(pages, 742u);
  EXPECT_EQ(non_utf8, 19u);
}

TEST(DecodeHtmlPages, SpotChecksOfDecodedText) {
  const auto dir = kExtraction / "trafilatura/pages";
  if (!std::filesystem::exists(dir)) GTEST_SKIP() << dir << " absent";
  // windows-1252 punctuation from the 80..9F range, an È after a late <meta>, and GBK.
  EXPECT_NE(DecodeHtml(ReadGz(dir / "4577dbd5017dfbfe.html.gz")).text.find("„"), std::string::npos);
  EXPECT_NE(DecodeHtml(ReadGz(dir / "3ea9696918ffc8f5.html.gz")).text.find("DÈbut"), std::string::npos);
  const DecodedHtml gbk = DecodeHtml(ReadGz(dir / "75eb9b9958b1cd84.html.gz"));
  EXPECT_NE(gbk.text.find("河北"), std::string::npos);
  EXPECT_EQ(gbk.invalid_bytes_replaced, 0u);
}

TEST(DecodeHtmlPages, ReadabilityAndScrapinghubPagesAreUtf8) {
  size_t pages = 0;
  auto check = [&](const std::filesystem::path& path) {
    const std::string bytes = ReadGz(path);
    ++pages;
    ExpectDecodedAsUtf8(bytes, DecodeHtml(bytes), path.string());
  };
  const auto sh = kExtraction / "scrapinghub/html";
  const auto rd = kExtraction / "readability/pages";
  if (!std::filesystem::exists(sh) || !std::filesystem::exists(rd)) GTEST_SKIP() << "pages absent";
  for (const auto& e : std::filesystem::directory_iterator(sh)) check(e.path());
  for (const auto& e : std::filesystem::directory_iterator(rd)) check(e.path() / "source.html.gz");
  EXPECT_EQ(pages, 136u + 98u);
  // The readability "qq" page declares gb2312 but was saved as UTF-8: the bytes win.
  const DecodedHtml qq = DecodeHtml(ReadGz(rd / "qq/source.html.gz"));
  EXPECT_EQ(qq.declared_charset, "GBK");
  EXPECT_EQ(qq.charset_evidence, "detected");
}

}  // namespace
}  // namespace dossier
