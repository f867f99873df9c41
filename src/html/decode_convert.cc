// Every encoding but UTF-8, with an exact map back to the input bytes.
//
// Single-byte encodings go through a 128-entry table (built once from ICU): ASCII runs are copied
// (one piece per run), every other byte is one character and one piece. Multi-byte encodings and
// UTF-16 go through an ICU converter with source offsets; a character's source range runs from its
// own offset to the next character's, so escape sequences and the like stay with the character
// before them. Undecodable input becomes U+FFFD, counted in invalid_bytes_replaced.
#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <array>
#include <bit>
#include <cstring>
#include <memory>
#include <mutex>

#include "html/decode_internal.h"

namespace dossier::html {
namespace {

// ---- single-byte tables -------------------------------------------------------------------------

struct SingleByteTable {
  uint8_t len[128] = {};  // UTF-8 length of the character for byte 0x80+i; 0 = undecodable
  char utf8[128][3] = {};
};

// ISO-8859-16 (A0..FF; 80..9F are the C1 controls), which Debian's ICU data lacks.
constexpr uint16_t kIso8859_16[96] = {
    0x00A0, 0x0104, 0x0105, 0x0141, 0x20AC, 0x201E, 0x0160, 0x00A7, 0x0161, 0x00A9, 0x0218, 0x00AB,
    0x0179, 0x00AD, 0x017A, 0x017B, 0x00B0, 0x00B1, 0x010C, 0x0142, 0x017D, 0x201D, 0x00B6, 0x00B7,
    0x017E, 0x010D, 0x0219, 0x00BB, 0x0152, 0x0153, 0x0178, 0x017C, 0x00C0, 0x00C1, 0x00C2, 0x0102,
    0x00C4, 0x0106, 0x00C6, 0x00C7, 0x00C8, 0x00C9, 0x00CA, 0x00CB, 0x00CC, 0x00CD, 0x00CE, 0x00CF,
    0x0110, 0x0143, 0x00D2, 0x00D3, 0x00D4, 0x0150, 0x00D6, 0x015A, 0x0170, 0x00D9, 0x00DA, 0x00DB,
    0x00DC, 0x0118, 0x021A, 0x00DF, 0x00E0, 0x00E1, 0x00E2, 0x0103, 0x00E4, 0x0107, 0x00E6, 0x00E7,
    0x00E8, 0x00E9, 0x00EA, 0x00EB, 0x00EC, 0x00ED, 0x00EE, 0x00EF, 0x0111, 0x0144, 0x00F2, 0x00F3,
    0x00F4, 0x0151, 0x00F6, 0x015B, 0x0171, 0x00F9, 0x00FA, 0x00FB, 0x00FC, 0x0119, 0x021B, 0x00FF};

void SetEntry(SingleByteTable* t, int i, UChar32 c) {
  int32_t k = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(t->utf8[i]), k, 3, c, error);
  t->len[i] = error ? 0 : static_cast<uint8_t>(k);
}

void BuildTable(Encoding e, SingleByteTable* t) {
  if (e == Encoding::kXUserDefined) {
    for (int i = 0; i < 128; ++i) SetEntry(t, i, 0xF780 + i);
    return;
  }
  if (e == Encoding::kIso8859_16) {
    for (int i = 0; i < 32; ++i) SetEntry(t, i, 0x80 + i);
    for (int i = 0; i < 96; ++i) SetEntry(t, 32 + i, kIso8859_16[i]);
    return;
  }
  UErrorCode status = U_ZERO_ERROR;
  UConverter* cnv = ucnv_open(IcuConverterName(e), &status);
  if (U_FAILURE(status)) return;  // every byte undecodable; a test checks that all converters open
  for (int i = 0; i < 128; ++i) {
    const char byte = static_cast<char>(0x80 + i);
    UChar u[4];
    status = U_ZERO_ERROR;
    ucnv_reset(cnv);
    ucnv_setToUCallBack(cnv, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    const int32_t k = ucnv_toUChars(cnv, u, 4, &byte, 1, &status);
    if (U_FAILURE(status) || k != 1 || U16_IS_SURROGATE(u[0])) continue;
    SetEntry(t, i, u[0]);
  }
  ucnv_close(cnv);
}

const SingleByteTable& TableFor(Encoding e) {
  constexpr size_t kN = static_cast<size_t>(Encoding::kCount);
  static std::array<std::once_flag, kN> once;
  static std::array<SingleByteTable, kN> tables;
  const size_t i = static_cast<size_t>(e);
  std::call_once(once[i], [&] { BuildTable(e, &tables[i]); });
  return tables[i];
}

void DecodeSingleByte(std::string_view bytes, size_t begin, Encoding e, DecodedHtml* out) {
  const SingleByteTable& table = TableFor(e);
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  const size_t n = bytes.size();
  std::string& text = out->text;
  if (begin < n) text.reserve(text.size() + (n - begin) + (n - begin) / 8);
  size_t i = begin;
  while (i < n) {
    size_t j = i;
    while (j + 8 <= n) {
      uint64_t w;
      std::memcpy(&w, s + j, 8);
      const uint64_t high = w & 0x8080808080808080ULL;
      if (high != 0) {
        j += static_cast<size_t>(std::countr_zero(high)) / 8;
        break;
      }
      j += 8;
    }
    while (j < n && s[j] < 0x80) ++j;
    if (j > i) {
      out->offsets.AddCopy(static_cast<uint32_t>(text.size()), i, static_cast<uint32_t>(j - i));
      text.append(bytes.data() + i, j - i);
    }
    for (; j < n && s[j] >= 0x80; ++j) {
      const uint8_t k = s[j] - 0x80;
      const uint32_t at = static_cast<uint32_t>(text.size());
      if (table.len[k] == 0) {
        text.append("\xEF\xBF\xBD");
        ++out->invalid_bytes_replaced;
        out->offsets.AddReplacement(at, 3, j, 1);
      } else {
        text.append(table.utf8[k], table.len[k]);
        out->offsets.AddReplacement(at, table.len[k], j, 1);
      }
    }
    i = j;
  }
}

// ---- ICU converters -----------------------------------------------------------------------------

// Writes one U+FFFD per undecodable sequence and counts it (the built-in substitute callback may
// write U+001A for some converters, and would not count).
void CountingSubstitute(const void* context, UConverterToUnicodeArgs* args, const char*, int32_t,
                        UConverterCallbackReason reason, UErrorCode* err) {
  if (reason > UCNV_IRREGULAR) return;  // reset, close, clone: nothing to write
  *err = U_ZERO_ERROR;
  static const UChar kFffd = 0xFFFD;
  ucnv_cbToUWriteUChars(args, &kFffd, 1, 0, err);
  ++*static_cast<uint32_t*>(const_cast<void*>(context));
}

// Collects decoded code points with their source offsets and writes text + offset pieces. Code
// points that share a source offset (a sequence decoding to two characters) form one piece; ASCII
// characters that are their own input byte extend one copied piece.
class PieceWriter {
 public:
  PieceWriter(std::string_view bytes, DecodedHtml* out) : bytes_(bytes), out_(out) {}

  void Add(UChar32 c, uint64_t source) {
    if (has_pending_ && source != pending_source_) Flush(source);
    if (!has_pending_) {
      has_pending_ = true;
      pending_source_ = source;
      pending_len_ = 0;
    } else if (pending_len_ + 4u > sizeof pending_) {
      Flush(source);  // (never: one input sequence decodes to at most a few characters)
      has_pending_ = true;
      pending_source_ = source;
      pending_len_ = 0;
    }
    if (c < 0x80) {
      pending_[pending_len_++] = static_cast<char>(c);
      return;
    }
    int32_t k = pending_len_;
    UBool error = false;
    U8_APPEND(reinterpret_cast<uint8_t*>(pending_), k, static_cast<int32_t>(sizeof pending_), c, error);
    if (error) {  // a lone surrogate cannot come out of a converter, but never write bad UTF-8
      std::memcpy(pending_ + pending_len_, "\xEF\xBF\xBD", 3);
      k = pending_len_ + 3;
    }
    pending_len_ = static_cast<uint8_t>(k);
  }

  void Finish() {
    if (has_pending_) Flush(bytes_.size());
    EmitRun();
  }

 private:
  void Flush(uint64_t source_end) {
    std::string& text = out_->text;
    const auto at = static_cast<uint32_t>(text.size());
    const uint64_t len = source_end > pending_source_ ? source_end - pending_source_ : 0;
    if (pending_len_ == 1 && len == 1 && bytes_[pending_source_] == pending_[0]) {
      // ASCII as itself.
      if (run_len_ > 0 && run_source_ + run_len_ == pending_source_ && run_text_ + run_len_ == at) {
        ++run_len_;
      } else {
        EmitRun();
        run_source_ = pending_source_;
        run_text_ = at;
        run_len_ = 1;
      }
      text.push_back(pending_[0]);
    } else {
      EmitRun();
      out_->offsets.AddReplacement(at, pending_len_, pending_source_, len);
      text.append(pending_, pending_len_);
    }
    has_pending_ = false;
  }

  void EmitRun() {
    if (run_len_ > 0) out_->offsets.AddCopy(run_text_, run_source_, run_len_);
    run_len_ = 0;
  }

  std::string_view bytes_;
  DecodedHtml* out_;
  bool has_pending_ = false;
  uint64_t pending_source_ = 0;
  char pending_[16];
  uint8_t pending_len_ = 0;
  uint64_t run_source_ = 0;  // the copied run not yet in the offset map
  uint32_t run_text_ = 0;
  uint32_t run_len_ = 0;
};

void DecodeWithIcu(std::string_view bytes, size_t begin, Encoding e, DecodedHtml* out) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> cnv(ucnv_open(IcuConverterName(e), &status),
                                                        &ucnv_close);
  if (U_FAILURE(status) || !cnv) {  // cannot happen with the converters listed (a test opens all)
    DecodeUtf8Into(bytes, begin, out);
    return;
  }
  uint32_t replaced = 0;
  ucnv_setToUCallBack(cnv.get(), CountingSubstitute, &replaced, nullptr, nullptr, &status);

  // Small slices keep the buffers on the stack (heap buffers cost more in page faults and heap
  // trimming than the conversion itself on a typical page). A slice yields at most one UTF-16
  // unit per input byte, plus what a flush or a character left over from the previous slice
  // releases; an overflow is handled anyway. (Uninitialised: only what ICU writes is read.)
  constexpr size_t kSlice = 4096;
  constexpr size_t capacity = kSlice + 64;
  UChar units[capacity];
  int32_t offsets[capacity];
  PieceWriter writer(bytes, out);
  out->text.reserve(out->text.size() + (bytes.size() - begin) * 3 / 2);
  size_t pos = begin;
  uint64_t carry = begin;  // where a character left incomplete by the previous slice began
  UChar lead = 0;          // a high surrogate waiting for its low half
  uint64_t lead_source = 0;
  uint64_t last_source = begin;  // source offset of the last unit seen
  // Unpaired surrogates cannot come out of a converter; should one, it is replaced and counted.
  auto unpaired = [&](uint64_t source) {
    writer.Add(0xFFFD, source);
    ++replaced;
  };
  bool done = false;
  while (!done) {
    const size_t slice_end = std::min(bytes.size(), pos + kSlice);
    const bool flush = slice_end == bytes.size();
    const char* source = bytes.data() + pos;
    const char* const source_limit = bytes.data() + slice_end;
    for (;;) {
      UChar* target = units;
      const char* const call_start = source;
      status = U_ZERO_ERROR;
      ucnv_toUnicode(cnv.get(), &target, units + capacity, &source, source_limit,
                     offsets, flush, &status);
      const uint64_t base = static_cast<uint64_t>(call_start - bytes.data());
      const size_t produced = static_cast<size_t>(target - units);
      for (size_t k = 0; k < produced; ++k) {
        const uint64_t src = offsets[k] >= 0 ? base + static_cast<uint64_t>(offsets[k]) : carry;
        last_source = src;
        const UChar u = units[k];
        if (lead != 0) {
          if (U16_IS_TRAIL(u)) {
            writer.Add(U16_GET_SUPPLEMENTARY(lead, u), lead_source);
            lead = 0;
            continue;
          }
          unpaired(lead_source);
          lead = 0;
        }
        if (U16_IS_LEAD(u)) {
          lead = u;
          lead_source = src;
        } else if (U16_IS_TRAIL(u)) {
          unpaired(src);
        } else {
          writer.Add(u, src);
        }
      }
      if (status == U_BUFFER_OVERFLOW_ERROR) {
        // More output for the same slice: the converter hands it over first, with no offsets;
        // it came from input after the last unit seen, so it joins that unit's piece.
        carry = last_source;
        continue;
      }
      if (U_FAILURE(status)) {
        done = true;  // a converter failure: keep what was decoded
        break;
      }
      break;
    }
    if (flush) break;
    status = U_ZERO_ERROR;
    const int32_t pending = ucnv_toUCountPending(cnv.get(), &status);
    carry = slice_end - static_cast<uint64_t>(U_SUCCESS(status) && pending > 0 ? pending : 0);
    pos = slice_end;
  }
  if (lead != 0) unpaired(lead_source);
  writer.Finish();
  out->invalid_bytes_replaced += replaced;
}

}  // namespace

void DecodeLegacyInto(std::string_view bytes, size_t begin, Encoding e, DecodedHtml* out) {
  switch (KindOf(e)) {
    case EncodingKind::kSingleByte:
      DecodeSingleByte(bytes, begin, e, out);
      return;
    case EncodingKind::kUtf16:
    case EncodingKind::kMultiByte:
      DecodeWithIcu(bytes, begin, e, out);
      return;
    case EncodingKind::kUtf8:
    case EncodingKind::kReplacement:
      DecodeUtf8Into(bytes, begin, out);
      return;
  }
}

}  // namespace dossier::html
