// The WHATWG Encoding Standard's label table (https://encoding.spec.whatwg.org/#names-and-labels)
// and how each encoding is decoded here.
#include <algorithm>
#include <array>
#include <string>

#include "html/decode_internal.h"

namespace dossier::html {
namespace {

struct EncodingInfo {
  std::string_view name;
  EncodingKind kind;
  const char* icu;  // ICU converter (kSingleByte tables are built from it; see decode_convert.cc)
};

// Indexed by Encoding. ICU names are converter names, not aliases, where the alias is ambiguous.
// WHATWG decodes GBK with the gb18030 decoder, Big5 as Big5-HKSCS, Shift_JIS as windows-31j and
// EUC-KR as windows-949 (Unified Hangul Code); the converters chosen follow that.
constexpr std::array<EncodingInfo, static_cast<size_t>(Encoding::kCount)> kInfo = {{
    {"UTF-8", EncodingKind::kUtf8, nullptr},
    {"IBM866", EncodingKind::kSingleByte, "ibm-866_P100-1995"},
    {"ISO-8859-2", EncodingKind::kSingleByte, "ibm-912_P100-1995"},
    {"ISO-8859-3", EncodingKind::kSingleByte, "ibm-913_P100-2000"},
    {"ISO-8859-4", EncodingKind::kSingleByte, "ibm-914_P100-1995"},
    {"ISO-8859-5", EncodingKind::kSingleByte, "ibm-915_P100-1995"},
    {"ISO-8859-6", EncodingKind::kSingleByte, "ibm-1089_P100-1995"},
    {"ISO-8859-7", EncodingKind::kSingleByte, "ibm-9005_X110-2007"},
    {"ISO-8859-8", EncodingKind::kSingleByte, "ibm-5012_P100-1999"},
    {"ISO-8859-8-I", EncodingKind::kSingleByte, "ibm-5012_P100-1999"},
    {"ISO-8859-10", EncodingKind::kSingleByte, "iso-8859_10-1998"},
    {"ISO-8859-13", EncodingKind::kSingleByte, "ibm-921_P100-1995"},
    {"ISO-8859-14", EncodingKind::kSingleByte, "iso-8859_14-1998"},
    {"ISO-8859-15", EncodingKind::kSingleByte, "ibm-923_P100-1998"},
    {"ISO-8859-16", EncodingKind::kSingleByte, nullptr},  // not in Debian's ICU data: built in
    {"KOI8-R", EncodingKind::kSingleByte, "ibm-878_P100-1996"},
    {"KOI8-U", EncodingKind::kSingleByte, "ibm-1168_P100-2002"},
    {"macintosh", EncodingKind::kSingleByte, "macos-0_2-10.2"},
    {"windows-874", EncodingKind::kSingleByte, "windows-874-2000"},
    {"windows-1250", EncodingKind::kSingleByte, "ibm-5346_P100-1998"},
    {"windows-1251", EncodingKind::kSingleByte, "ibm-5347_P100-1998"},
    {"windows-1252", EncodingKind::kSingleByte, "ibm-5348_P100-1997"},
    {"windows-1253", EncodingKind::kSingleByte, "ibm-5349_P100-1998"},
    {"windows-1254", EncodingKind::kSingleByte, "ibm-5350_P100-1998"},
    {"windows-1255", EncodingKind::kSingleByte, "ibm-9447_P100-2002"},
    {"windows-1256", EncodingKind::kSingleByte, "ibm-9448_X100-2005"},
    {"windows-1257", EncodingKind::kSingleByte, "ibm-9449_P100-2002"},
    {"windows-1258", EncodingKind::kSingleByte, "ibm-5354_P100-1998"},
    {"x-mac-cyrillic", EncodingKind::kSingleByte, "macos-7_3-10.2"},
    {"GBK", EncodingKind::kMultiByte, "gb18030"},
    {"gb18030", EncodingKind::kMultiByte, "gb18030"},
    {"Big5", EncodingKind::kMultiByte, "ibm-1375_P100-2008"},
    {"EUC-JP", EncodingKind::kMultiByte, "euc-jp-2007"},
    {"ISO-2022-JP", EncodingKind::kMultiByte, "ISO_2022,locale=ja,version=0"},
    {"Shift_JIS", EncodingKind::kMultiByte, "ibm-943_P15A-2003"},
    {"EUC-KR", EncodingKind::kMultiByte, "windows-949-2000"},
    {"replacement", EncodingKind::kReplacement, nullptr},
    {"UTF-16BE", EncodingKind::kUtf16, "UTF-16BE"},
    {"UTF-16LE", EncodingKind::kUtf16, "UTF-16LE"},
    {"x-user-defined", EncodingKind::kSingleByte, nullptr},  // built in: 80..FF -> U+F780..F7FF
    {"ISO-2022-KR", EncodingKind::kMultiByte, "ISO_2022,locale=ko,version=0"},
    {"ISO-2022-CN", EncodingKind::kMultiByte, "ISO_2022,locale=zh,version=0"},
}};

struct Label {
  std::string_view label;
  Encoding encoding;
};

using E = Encoding;
// Every label of the standard, sorted (checked by a test) for binary search.
constexpr Label kLabels[] = {
    {"866", E::kIbm866},
    {"ansi_x3.4-1968", E::kWindows1252},
    {"arabic", E::kIso8859_6},
    {"ascii", E::kWindows1252},
    {"asmo-708", E::kIso8859_6},
    {"big5", E::kBig5},
    {"big5-hkscs", E::kBig5},
    {"chinese", E::kGbk},
    {"cn-big5", E::kBig5},
    {"cp1250", E::kWindows1250},
    {"cp1251", E::kWindows1251},
    {"cp1252", E::kWindows1252},
    {"cp1253", E::kWindows1253},
    {"cp1254", E::kWindows1254},
    {"cp1255", E::kWindows1255},
    {"cp1256", E::kWindows1256},
    {"cp1257", E::kWindows1257},
    {"cp1258", E::kWindows1258},
    {"cp819", E::kWindows1252},
    {"cp866", E::kIbm866},
    {"csbig5", E::kBig5},
    {"cseuckr", E::kEucKr},
    {"cseucpkdfmtjapanese", E::kEucJp},
    {"csgb2312", E::kGbk},
    {"csibm866", E::kIbm866},
    {"csiso2022jp", E::kIso2022Jp},
    {"csiso2022kr", E::kReplacement},
    {"csiso58gb231280", E::kGbk},
    {"csiso88596e", E::kIso8859_6},
    {"csiso88596i", E::kIso8859_6},
    {"csiso88598e", E::kIso8859_8},
    {"csiso88598i", E::kIso8859_8I},
    {"csisolatin1", E::kWindows1252},
    {"csisolatin2", E::kIso8859_2},
    {"csisolatin3", E::kIso8859_3},
    {"csisolatin4", E::kIso8859_4},
    {"csisolatin5", E::kWindows1254},
    {"csisolatin6", E::kIso8859_10},
    {"csisolatin9", E::kIso8859_15},
    {"csisolatinarabic", E::kIso8859_6},
    {"csisolatincyrillic", E::kIso8859_5},
    {"csisolatingreek", E::kIso8859_7},
    {"csisolatinhebrew", E::kIso8859_8},
    {"cskoi8r", E::kKoi8R},
    {"csksc56011987", E::kEucKr},
    {"csmacintosh", E::kMacintosh},
    {"csshiftjis", E::kShiftJis},
    {"csunicode", E::kUtf16Le},
    {"cyrillic", E::kIso8859_5},
    {"dos-874", E::kWindows874},
    {"ecma-114", E::kIso8859_6},
    {"ecma-118", E::kIso8859_7},
    {"elot_928", E::kIso8859_7},
    {"euc-jp", E::kEucJp},
    {"euc-kr", E::kEucKr},
    {"gb18030", E::kGb18030},
    {"gb2312", E::kGbk},
    {"gb_2312", E::kGbk},
    {"gb_2312-80", E::kGbk},
    {"gbk", E::kGbk},
    {"greek", E::kIso8859_7},
    {"greek8", E::kIso8859_7},
    {"hebrew", E::kIso8859_8},
    {"hz-gb-2312", E::kReplacement},
    {"ibm819", E::kWindows1252},
    {"ibm866", E::kIbm866},
    {"iso-10646-ucs-2", E::kUtf16Le},
    {"iso-2022-cn", E::kReplacement},
    {"iso-2022-cn-ext", E::kReplacement},
    {"iso-2022-jp", E::kIso2022Jp},
    {"iso-2022-kr", E::kReplacement},
    {"iso-8859-1", E::kWindows1252},
    {"iso-8859-10", E::kIso8859_10},
    {"iso-8859-11", E::kWindows874},
    {"iso-8859-13", E::kIso8859_13},
    {"iso-8859-14", E::kIso8859_14},
    {"iso-8859-15", E::kIso8859_15},
    {"iso-8859-16", E::kIso8859_16},
    {"iso-8859-2", E::kIso8859_2},
    {"iso-8859-3", E::kIso8859_3},
    {"iso-8859-4", E::kIso8859_4},
    {"iso-8859-5", E::kIso8859_5},
    {"iso-8859-6", E::kIso8859_6},
    {"iso-8859-6-e", E::kIso8859_6},
    {"iso-8859-6-i", E::kIso8859_6},
    {"iso-8859-7", E::kIso8859_7},
    {"iso-8859-8", E::kIso8859_8},
    {"iso-8859-8-e", E::kIso8859_8},
    {"iso-8859-8-i", E::kIso8859_8I},
    {"iso-8859-9", E::kWindows1254},
    {"iso-ir-100", E::kWindows1252},
    {"iso-ir-101", E::kIso8859_2},
    {"iso-ir-109", E::kIso8859_3},
    {"iso-ir-110", E::kIso8859_4},
    {"iso-ir-126", E::kIso8859_7},
    {"iso-ir-127", E::kIso8859_6},
    {"iso-ir-138", E::kIso8859_8},
    {"iso-ir-144", E::kIso8859_5},
    {"iso-ir-148", E::kWindows1254},
    {"iso-ir-149", E::kEucKr},
    {"iso-ir-157", E::kIso8859_10},
    {"iso-ir-58", E::kGbk},
    {"iso8859-1", E::kWindows1252},
    {"iso8859-10", E::kIso8859_10},
    {"iso8859-11", E::kWindows874},
    {"iso8859-13", E::kIso8859_13},
    {"iso8859-14", E::kIso8859_14},
    {"iso8859-15", E::kIso8859_15},
    {"iso8859-2", E::kIso8859_2},
    {"iso8859-3", E::kIso8859_3},
    {"iso8859-4", E::kIso8859_4},
    {"iso8859-5", E::kIso8859_5},
    {"iso8859-6", E::kIso8859_6},
    {"iso8859-7", E::kIso8859_7},
    {"iso8859-8", E::kIso8859_8},
    {"iso8859-9", E::kWindows1254},
    {"iso88591", E::kWindows1252},
    {"iso885910", E::kIso8859_10},
    {"iso885911", E::kWindows874},
    {"iso885913", E::kIso8859_13},
    {"iso885914", E::kIso8859_14},
    {"iso885915", E::kIso8859_15},
    {"iso88592", E::kIso8859_2},
    {"iso88593", E::kIso8859_3},
    {"iso88594", E::kIso8859_4},
    {"iso88595", E::kIso8859_5},
    {"iso88596", E::kIso8859_6},
    {"iso88597", E::kIso8859_7},
    {"iso88598", E::kIso8859_8},
    {"iso88599", E::kWindows1254},
    {"iso_8859-1", E::kWindows1252},
    {"iso_8859-15", E::kIso8859_15},
    {"iso_8859-1:1987", E::kWindows1252},
    {"iso_8859-2", E::kIso8859_2},
    {"iso_8859-2:1987", E::kIso8859_2},
    {"iso_8859-3", E::kIso8859_3},
    {"iso_8859-3:1988", E::kIso8859_3},
    {"iso_8859-4", E::kIso8859_4},
    {"iso_8859-4:1988", E::kIso8859_4},
    {"iso_8859-5", E::kIso8859_5},
    {"iso_8859-5:1988", E::kIso8859_5},
    {"iso_8859-6", E::kIso8859_6},
    {"iso_8859-6:1987", E::kIso8859_6},
    {"iso_8859-7", E::kIso8859_7},
    {"iso_8859-7:1987", E::kIso8859_7},
    {"iso_8859-8", E::kIso8859_8},
    {"iso_8859-8:1988", E::kIso8859_8},
    {"iso_8859-9", E::kWindows1254},
    {"iso_8859-9:1989", E::kWindows1254},
    {"koi", E::kKoi8R},
    {"koi8", E::kKoi8R},
    {"koi8-r", E::kKoi8R},
    {"koi8-ru", E::kKoi8U},
    {"koi8-u", E::kKoi8U},
    {"koi8_r", E::kKoi8R},
    {"korean", E::kEucKr},
    {"ks_c_5601-1987", E::kEucKr},
    {"ks_c_5601-1989", E::kEucKr},
    {"ksc5601", E::kEucKr},
    {"ksc_5601", E::kEucKr},
    {"l1", E::kWindows1252},
    {"l2", E::kIso8859_2},
    {"l3", E::kIso8859_3},
    {"l4", E::kIso8859_4},
    {"l5", E::kWindows1254},
    {"l6", E::kIso8859_10},
    {"l9", E::kIso8859_15},
    {"latin1", E::kWindows1252},
    {"latin2", E::kIso8859_2},
    {"latin3", E::kIso8859_3},
    {"latin4", E::kIso8859_4},
    {"latin5", E::kWindows1254},
    {"latin6", E::kIso8859_10},
    {"logical", E::kIso8859_8I},
    {"mac", E::kMacintosh},
    {"macintosh", E::kMacintosh},
    {"ms932", E::kShiftJis},
    {"ms_kanji", E::kShiftJis},
    {"replacement", E::kReplacement},
    {"shift-jis", E::kShiftJis},
    {"shift_jis", E::kShiftJis},
    {"sjis", E::kShiftJis},
    {"sun_eu_greek", E::kIso8859_7},
    {"tis-620", E::kWindows874},
    {"ucs-2", E::kUtf16Le},
    {"unicode", E::kUtf16Le},
    {"unicode-1-1-utf-8", E::kUtf8},
    {"unicode11utf8", E::kUtf8},
    {"unicode20utf8", E::kUtf8},
    {"unicodefeff", E::kUtf16Le},
    {"unicodefffe", E::kUtf16Be},
    {"us-ascii", E::kWindows1252},
    {"utf-16", E::kUtf16Le},
    {"utf-16be", E::kUtf16Be},
    {"utf-16le", E::kUtf16Le},
    {"utf-8", E::kUtf8},
    {"utf8", E::kUtf8},
    {"visual", E::kIso8859_8},
    {"windows-1250", E::kWindows1250},
    {"windows-1251", E::kWindows1251},
    {"windows-1252", E::kWindows1252},
    {"windows-1253", E::kWindows1253},
    {"windows-1254", E::kWindows1254},
    {"windows-1255", E::kWindows1255},
    {"windows-1256", E::kWindows1256},
    {"windows-1257", E::kWindows1257},
    {"windows-1258", E::kWindows1258},
    {"windows-31j", E::kShiftJis},
    {"windows-874", E::kWindows874},
    {"windows-949", E::kEucKr},
    {"x-cp1250", E::kWindows1250},
    {"x-cp1251", E::kWindows1251},
    {"x-cp1252", E::kWindows1252},
    {"x-cp1253", E::kWindows1253},
    {"x-cp1254", E::kWindows1254},
    {"x-cp1255", E::kWindows1255},
    {"x-cp1256", E::kWindows1256},
    {"x-cp1257", E::kWindows1257},
    {"x-cp1258", E::kWindows1258},
    {"x-euc-jp", E::kEucJp},
    {"x-gbk", E::kGbk},
    {"x-mac-cyrillic", E::kXMacCyrillic},
    {"x-mac-roman", E::kMacintosh},
    {"x-mac-ukrainian", E::kXMacCyrillic},
    {"x-sjis", E::kShiftJis},
    {"x-unicode20utf8", E::kUtf8},
    {"x-user-defined", E::kXUserDefined},
    {"x-x-big5", E::kBig5},
};

inline bool IsAsciiWhitespace(char c) {
  return c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' ';
}

}  // namespace

std::string_view EncodingName(Encoding e) { return kInfo[static_cast<size_t>(e)].name; }
EncodingKind KindOf(Encoding e) { return kInfo[static_cast<size_t>(e)].kind; }
const char* IcuConverterName(Encoding e) { return kInfo[static_cast<size_t>(e)].icu; }

bool EncodingForLabel(std::string_view label, Encoding* out) {
  while (!label.empty() && IsAsciiWhitespace(label.front())) label.remove_prefix(1);
  while (!label.empty() && IsAsciiWhitespace(label.back())) label.remove_suffix(1);
  if (label.empty() || label.size() > 32) return false;
  std::string lower(label);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  const auto* end = std::end(kLabels);
  const auto* it = std::lower_bound(std::begin(kLabels), end, std::string_view(lower),
                                    [](const Label& l, std::string_view s) { return l.label < s; });
  if (it == end || it->label != lower) return false;
  *out = it->encoding;
  return true;
}

bool EncodingForDetectorName(std::string_view name, Encoding* out) {
  // ICU reports the ISO-2022 variants the standard only knows as "replacement"; we can decode them.
  if (name == "ISO-2022-KR") {
    *out = Encoding::kIso2022Kr;
    return true;
  }
  if (name == "ISO-2022-CN") {
    *out = Encoding::kIso2022Cn;
    return true;
  }
  Encoding e;
  if (!EncodingForLabel(name, &e) || e == Encoding::kReplacement) return false;
  *out = e;
  return true;
}

// For the label-table test.
bool LabelTableIsSorted() {
  return std::is_sorted(std::begin(kLabels), std::end(kLabels),
                        [](const Label& a, const Label& b) { return a.label < b.label; });
}
size_t LabelCount() { return std::size(kLabels); }

}  // namespace dossier::html
