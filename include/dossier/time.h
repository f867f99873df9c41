// Time expressions (TimeML TIMEX3) and amounts: recognition, normalisation, the timeline, and
// the TempEval-3 document format.
//
// English rules live in data/time/en.timex and data/time/en.amounts; another language is another
// pair of files. Everything here is loaded once and const afterwards, so threads can share it.
#ifndef DOSSIER_TIME_H_
#define DOSSIER_TIME_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dossier/document.h"

namespace dossier {

namespace time {
class RuleSet;
class Matcher;
}  // namespace time

// A calendar date (the document creation time), or unknown.
struct DocumentDate {
  bool known = false;
  int year = 0, month = 0, day = 0;
  // Parses YYYY-MM-DD (a time or zone after it is ignored: 2025-11-20T09:30:00Z) or YYYYMMDD.
  static bool Parse(std::string_view s, DocumentDate* out);
  std::string Iso() const;  // YYYY-MM-DD, or "" when unknown
};

class TimeTagger {
 public:
  // Loads DIR/time/LANG.timex. Returns null and sets `error` on failure.
  static std::unique_ptr<TimeTagger> Load(const std::string& data_dir, const std::string& language,
                                          std::string* error);
  static std::unique_ptr<TimeTagger> FromFile(const std::string& path, std::string* error);
  ~TimeTagger();

  // Finds and normalises the time expressions of `sentences` (spans of `text`, in order) against
  // `dct`. Relative expressions use the creation time, the tense of their sentence and the last
  // date mentioned before them. Appends to `out` in text order; Timex::sentence is
  // `sentence_base` + the index into `sentences`.
  void Tag(std::string_view text, const std::vector<Span>& sentences, const DocumentDate& dct,
           std::vector<Timex>* out, int32_t sentence_base = 0) const;

  // The date a text gives for its own "today" ("until today, 20 November", "today (Nov. 20)"):
  // true with month and day, and the year when it is written (0 otherwise).
  bool FindToday(std::string_view text, const std::vector<Span>& sentences, int* year, int* month,
                 int* day) const;

  // Sentence spans of a plain text (paragraphs at blank lines, then the project's sentence
  // splitter), for callers that have no Document.
  static std::vector<Span> SplitText(std::string_view text);

  const time::RuleSet& rules() const { return *rules_; }

 private:
  TimeTagger();
  std::unique_ptr<time::RuleSet> rules_;
  std::unique_ptr<time::Matcher> matcher_;
  int future_ = -1, past_ = -1, present_ = -1, notpast_ = -1;
  std::vector<std::string> past_suffixes_;
};

// Money, counts, percentages, ordinals, ranges, vote tallies and hedges.
class AmountTagger {
 public:
  static std::unique_ptr<AmountTagger> Load(const std::string& data_dir, const std::string& language,
                                            std::string* error);
  static std::unique_ptr<AmountTagger> FromFile(const std::string& path, std::string* error);
  ~AmountTagger();
  // Appends the amounts of `sentences` (spans of `text`) to `out`, in text order. Spans that
  // overlap `skip` (time expressions) are left alone.
  void Tag(std::string_view text, const std::vector<Span>& sentences, const std::vector<Timex>& skip,
           std::vector<Amount>* out) const;

 private:
  AmountTagger();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The time stage of the pipeline: the creation time of the document and of each story (given,
// from the page metadata, or from the text: "until today, 20 November"), then time expressions,
// amounts, all added to the Document.
class TimeStage {
 public:
  static std::unique_ptr<TimeStage> Load(const std::string& data_dir, std::string* error);
  ~TimeStage();
  // `published` (YYYY-MM-DD, may be empty) wins over the page metadata and the text.
  // `fallback` (YYYY-MM-DD...) is weak evidence, used only when neither `published` nor the
  // page's metadata gives a date: the crawl date of a WARC record (evidence "crawl").
  void Annotate(Document* doc, std::string_view published, std::string_view fallback = {}) const;

 private:
  TimeStage();
  std::unique_ptr<TimeTagger> timex_;
  std::unique_ptr<AmountTagger> amounts_;
};

// The dated events of a document or a story, in date order: sentences with a DATE or TIME
// expression that resolved to a calendar value.
struct TimelineEvent {
  std::string date;        // the TIMEX3 value (2025-11-19, 1994-12, 2025-W47, ...)
  std::string sort_key;    // the value's first day, YYYY-MM-DD, for ordering
  uint32_t timex = 0;      // index into Document::timexes
  uint32_t sentence = 0;   // index into Document::sentences
  int32_t story = -1;      // the sentence's story, -1 for none
  std::vector<std::string> entities;  // canonical names of the entities mentioned in the sentence
  std::vector<uint32_t> entity_ids;   // their Document::entities ids, same order
};
// Every dated event of the document, in date order (ties in text order).
std::vector<TimelineEvent> BuildTimeline(const Document& doc);

// TempEval-3 documents (`dossier time`).
struct Te3Document {
  std::string raw;           // the input bytes
  std::string text;          // the text content of <TEXT>: tags removed, references decoded, CR LF -> LF
  std::vector<uint32_t> raw_begin;  // per text byte: where its raw character starts
  std::vector<uint32_t> raw_end;    // per text byte: where its raw character ends
  DocumentDate dct;
  std::string dct_value;     // the DCT TIMEX3 value as written
  int max_tid = 0;           // the largest tN already used
  // Where <TEXT>'s content is in `raw`, and the tags inside it: [begin, end) in `raw`, depth
  // change (+1 open, -1 close, 0 empty element) and whether it is a TIMEX3 tag (dropped on output).
  uint32_t content_begin = 0, content_end = 0;
  struct Tag {
    uint32_t begin = 0, end = 0;
    int depth = 0;
    bool timex = false;
  };
  std::vector<Tag> tags;
};
// Parses a TimeML / TE3input document. Returns false with a one-line reason on malformed input.
bool ParseTe3Document(std::string_view raw, Te3Document* doc, std::string* error);
// The document with TIMEX3 elements for `timexes` (spans of doc.text) inserted inside <TEXT>;
// existing TIMEX3 in <TEXT> are replaced, every other byte is kept. A timex that would cross an
// element boundary is left out.
std::string WriteTe3Document(const Te3Document& doc, const std::vector<Timex>& timexes);

}  // namespace dossier

#endif  // DOSSIER_TIME_H_
