// The one document model every Dossier stage reads and adds to.
//
// A Document holds one canonical text (valid UTF-8, NFC, cleaned) and typed spans over it: blocks,
// stories, sentences, tokens, and the repairs and duplicates found on the way. Every span is a pair
// of byte offsets into `text`; `offsets` maps any canonical offset back to a byte offset of the
// input file, so every annotation can be reported against the bytes the user gave us.
//
// Spans are plain structs of integers (no per-span strings): a token costs 12 bytes, and a stage
// adds to the vectors below without reallocating the text. Later stages (entities, quotes, time)
// add their own span vectors here.
#ifndef DOSSIER_DOCUMENT_H_
#define DOSSIER_DOCUMENT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dossier/html.h"
#include "dossier/offset_map.h"

namespace dossier {

// Bumped whenever a field of the JSON output changes meaning or disappears (adding a field does not).
inline constexpr std::string_view kSchemaVersion = "1.0";

// A half-open byte range [begin, end) of Document::text.
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - begin; }
  bool empty() const { return end <= begin; }
  friend bool operator==(const Span&, const Span&) = default;
};

// What a block of the page is. Article text is kBody, kHeading or kListItem; everything else is a
// leftover of the page that is kept (and reported) but is not part of the article.
enum class BlockKind : uint8_t { kBody, kHeading, kListItem, kCaption, kMedia, kConsent, kOther };
std::string_view BlockKindName(BlockKind kind);
bool IsArticleKind(BlockKind kind);

inline constexpr int32_t kNoStory = -1;

struct Block {
  Span span;                 // the block's text in Document::text
  BlockKind kind = BlockKind::kBody;
  int32_t story = kNoStory;  // index into Document::stories; kNoStory for leftovers between stories
  uint32_t line = 0;         // 1-based input line (crude text); 0 when not line-based
  Span credit;               // captions: the picture credit ("Pic: AP"), empty if none
  uint64_t source_begin = 0; // the block's input bytes (set by the front door; a block whose line
  uint64_t source_end = 0;   // cleaned to nothing has an empty span but still its input range)
  float confidence = 1.0f;   // how sure the classifier is of `kind`, 0..1
  // HTML input: the element kind the block came from (a blockquote or a table row is kBody above)
  // and the heading level / list depth; unset for crude text.
  bool has_html_kind = false;
  HtmlBlockKind html_kind = HtmlBlockKind::kParagraph;
  uint8_t level = 0;
};

struct Story {
  uint32_t first_block = 0;  // inclusive indices into Document::blocks
  uint32_t last_block = 0;
  std::string title;         // empty when none can be inferred
  int32_t title_block = -1;  // the heading block the title came from, or -1 if inferred otherwise
};

enum class TokenKind : uint8_t {
  kWord,        // letters, with inner apostrophes/hyphens/periods (U.S., Mr., well-known, don't)
  kNumber,      // 1,000  3.5  9/11  2025-11-20  90bn (a number with a unit suffix)
  kPunct,       // . , ; : ! ? ( ) [ ] and the like
  kQuote,       // “ ” ‘ ’ " ' « »
  kDash,        // - – — (standing alone)
  kEllipsis,    // … or ...
  kSymbol,      // $ £ € % & + = / and other symbols
  kUrl,         // http://…, www.…, example.com/path
  kEmail,
  kHandle,      // @POTUS
  kHashtag,     // #Ukraine
  kEmoji,
};
std::string_view TokenKindName(TokenKind kind);

struct Token {
  Span span;
  TokenKind kind = TokenKind::kWord;
  uint8_t flags = 0;  // TokenFlag bits
};
enum TokenFlag : uint8_t {
  kSpaceBefore = 1,  // whitespace precedes the token (lets a renderer rebuild the text)
  kCapitalized = 2,  // first letter upper case
  kAllCaps = 4,      // every letter upper case (and at least two letters)
};

struct Sentence {
  Span span;
  uint32_t block = 0;        // the block that holds it (sentences never cross blocks)
  uint32_t first_token = 0;  // index into Document::tokens
  uint32_t token_count = 0;
  bool duplicate = false;    // a repeat of an earlier sentence; kept in the text, skipped by analysis
};

// A sentence that occurs twice. `kept` is the copy that stays in the canonical text (so the
// sentence is Document::Text(kept); no copy is held: a scrape that repeats itself has as many
// duplicates as sentences); the repeat, judged inserted by the scraper, is removed from the text,
// so only its input byte range remains.
struct Duplicate {
  Span kept;
  uint64_t repeat_source_begin = 0;
  uint64_t repeat_source_end = 0;
};

// A change made to the input on the way to the canonical text, so nothing is silently altered.
enum class RepairKind : uint8_t {
  kInvalidUtf8,    // bad bytes replaced by U+FFFD
  kNormalization,  // Unicode NFC / compatibility whitespace / invisible characters
  kGluedWords,     // a space inserted between two words a scraper had glued together
};
std::string_view RepairKindName(RepairKind kind);

struct Repair {
  RepairKind kind;
  Span span;           // the repaired text in Document::text
  std::string before;  // the input text it replaced (kept short)
};

// A named entity (dossier/entities.h finds the mentions, dossier/entity_linking.h groups them).
enum class EntityType : uint8_t { kPerson, kLocation, kOrganization, kMisc };
std::string_view EntityTypeName(EntityType type);  // "PER", "LOC", "ORG", "MISC"

struct LinkedMention {
  Span span;              // in Document::text
  int32_t tagger_index;   // index into the tagger's mentions, or -1 for a description found by linking
};

struct Entity {
  uint32_t id = 0;                      // 0-based, in order of first mention
  EntityType type = EntityType::kMisc;
  std::string name;                     // canonical: the fullest form, titles stripped
  std::vector<LinkedMention> mentions;  // document order
  std::vector<std::string> aliases;     // distinct surface forms, canonical name first
};

// A time expression (TimeML TIMEX3): its extent, type and normalised value.
enum class TimexType : uint8_t { kDate, kTime, kDuration, kSet };
std::string_view TimexTypeName(TimexType type);

struct Timex {
  Span span;
  TimexType type = TimexType::kDate;
  std::string value;      // TIMEX3 value: 2025-11-20, 1994-12, 2025-W47, P30D, PRESENT_REF, XXXX-WXX-1
  std::string mod;        // TIMEX3 mod (APPROX, START, END, MORE_THAN, ...), empty when none
  int32_t sentence = -1;  // index into Document::sentences, -1 when not known
};

// A number with what it counts: money, a count of things, a percentage, an ordinal, a tally.
enum class AmountKind : uint8_t { kMoney, kCount, kPercent, kOrdinal, kNumber, kTally };
std::string_view AmountKindName(AmountKind kind);

struct Amount {
  Span span;
  AmountKind kind = AmountKind::kNumber;
  double value = 0;         // the number with its scale applied ($90bn -> 9e10); tallies: votes for
  double high = 0;          // ranges: the upper bound (has_high); tallies: votes against
  bool has_high = false;
  std::string unit;         // ISO 4217 code for money, the counted noun, "%", ...
  bool approximate = false; // hedged: around, about, nearly, more than, up to, ...
  std::string modifier;     // the hedge as a TimeML-style mod: APPROX, MORE_THAN, LESS_THAN, ...
};

// A quotation or a piece of reported speech, attributed to who said it (src/quotes).
enum class QuoteType : uint8_t {
  kDirect,    // the content is a quotation in marks: “We will win,” she said.
  kIndirect,  // reported speech without marks: Bell says the plan will fail.
  kMixed,     // reported speech that quotes some words: he said the plan was “a hoax”.
};
std::string_view QuoteTypeName(QuoteType type);  // "direct", "indirect", "mixed"

struct Quote {
  Span content;              // what was said; direct quotes keep their marks. A quotation that runs
                             // over several paragraphs crosses blocks.
  Span content2;             // a split quote's second part (“…,” Bell adds. “…”), empty if none
  QuoteType type = QuoteType::kDirect;
  Span cue;                  // "said", "told NBC News", "according to"; empty when none
  Span speaker;              // the speaker as written ("he", "Bell", "a defence official"), empty if none
  bool inherited = false;    // no speaker in the sentence: the quote continues the previous speaker's
                             // turn, and `speaker` is that earlier mention
  int32_t entity = -1;       // the speaker's Document::entities id, -1 when unknown
  std::string speaker_name;  // who it is: the entity's name, or the speaker text when it names
                             // someone the entities missed; empty when unknown
};

// The date relative time expressions were resolved against, and where it came from.
struct TimeReference {
  std::string value;     // ISO date (YYYY-MM-DD), empty when unknown
  std::string evidence;  // "published" (given), "metadata" (HTML), "text" ("until today, 20 November"),
                         // "crawl" (a WARC record's HTTP Last-Modified or WARC-Date), ""
  std::vector<std::string> stories;  // per story, the date used (stories may differ), same order
};

// Where a document came from inside a WARC file (`dossier analyze`/`extract` on .warc[.gz]).
// Dates are kept as given by each source and never overwrite the page's own metadata.
struct WarcOrigin {
  std::string url;                 // WARC-Target-URI
  std::string warc_date;           // WARC-Date (ISO 8601, as in the record)
  std::string record_id;           // WARC-Record-ID ("<urn:uuid:...>")
  std::string http_date;           // the HTTP Date header, as ISO 8601 when it parses ("" if none)
  std::string http_last_modified;  // the HTTP Last-Modified header, likewise
  std::string content_type;        // the HTTP Content-Type header
  uint64_t record_offset = 0;      // byte offset of the record ("WARC/1.x" line) in the decompressed WARC
  // For .warc.gz: byte offset in the compressed file of the gzip member the record starts in (what
  // CDX indexes store for random access); UINT64_MAX for an uncompressed WARC.
  uint64_t gzip_member_offset = UINT64_MAX;
};

struct SourceInfo {
  std::string path;             // as given on the command line ("-" for standard input)
  uint64_t size_bytes = 0;
  std::string format = "text";  // "text" (crude text) or "html"
  bool gzip = false;            // the input was gzip-compressed; offsets are into the decompressed bytes
  std::string encoding = "UTF-8";
  std::string encoding_evidence;  // HTML: "bom", "http-header", "meta", "detected" or "default"
  uint32_t invalid_bytes_replaced = 0;
  uint32_t lines = 0;           // non-empty input lines
  // A WARC record: `path` is the WARC file, offsets are into the record's decoded HTML payload.
  bool from_warc = false;
  WarcOrigin warc;
};

struct Document {
  SourceInfo source;
  PageMetadata metadata;  // from the HTML front door; every field unknown for crude text
  std::string text;  // the canonical text: blocks joined by '\n'
  OffsetMap offsets; // canonical byte offset -> input byte offset

  std::vector<Block> blocks;
  std::vector<Story> stories;
  std::vector<Sentence> sentences;
  std::vector<Token> tokens;
  std::vector<Duplicate> duplicates;
  std::vector<Repair> repairs;
  // Added by the entity stage (src/ner tags, src/entities links), ids in order of first mention.
  std::vector<Entity> entities;
  // Added by the time stage (src/time, src/amounts), in text order.
  std::vector<Timex> timexes;
  std::vector<Amount> amounts;
  TimeReference time_reference;
  // Added by the quote stage (src/quotes), in text order of their content.
  std::vector<Quote> quotes;

  std::string_view Text(Span s) const { return std::string_view(text).substr(s.begin, s.size()); }
  // Input byte range of a canonical span (end exclusive).
  uint64_t SourceBegin(Span s) const { return offsets.ToSourceBegin(s.begin); }
  uint64_t SourceEnd(Span s) const { return offsets.ToSourceEnd(s.end); }
  // The story of the block holding canonical offset `pos` (the last block starting at or before
  // it): kNoStory before the first block or in a block outside every story.
  int32_t StoryAt(uint32_t pos) const;
};

}  // namespace dossier

#endif  // DOSSIER_DOCUMENT_H_
