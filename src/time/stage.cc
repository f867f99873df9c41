// The time stage of the pipeline: creation time of the document and of each story, time
// expressions per story (each story resolves against its own date), then amounts.
#include <algorithm>

#include "dossier/time.h"
#include "time/calendar.h"

namespace dossier {

TimeStage::TimeStage() = default;
TimeStage::~TimeStage() = default;

std::unique_ptr<TimeStage> TimeStage::Load(const std::string& data_dir, std::string* error) {
  std::unique_ptr<TimeStage> st(new TimeStage());
  st->timex_ = TimeTagger::Load(data_dir, "en", error);
  if (!st->timex_) return nullptr;
  st->amounts_ = AmountTagger::Load(data_dir, "en", error);
  if (!st->amounts_) return nullptr;
  return st;
}

namespace {

// Which blocks hold text worth tagging: the article and captions, not video titles, consent
// notices or other page furniture.
bool Taggable(BlockKind k) { return IsArticleKind(k) || k == BlockKind::kCaption; }

// A month and day the text gives for today, completed with a year: the one given, else the
// document's (the latest such date on or before it), else unknown.
DocumentDate CompleteToday(int year, int month, int day, const DocumentDate& doc_date) {
  DocumentDate d;
  if (year == 0 && doc_date.known) {
    year = doc_date.year;
    if (month > doc_date.month || (month == doc_date.month && day > doc_date.day)) --year;
  }
  if (year == 0 || !time::IsValidDate(year, month, day)) return d;
  d.known = true;
  d.year = year;
  d.month = month;
  d.day = day;
  return d;
}

}  // namespace

void TimeStage::Annotate(Document* doc, std::string_view published, std::string_view fallback) const {
  doc->timexes.clear();
  doc->amounts.clear();
  doc->time_reference = TimeReference();
  DocumentDate doc_date;
  std::string evidence;
  if (DocumentDate::Parse(published, &doc_date)) {
    evidence = "published";
  } else if (doc->metadata.published.known() && DocumentDate::Parse(doc->metadata.published.value, &doc_date)) {
    evidence = "metadata";
  }
  // The crawl date is weaker than the page's own words: it only dates a page whose metadata and
  // text give nothing (and completes a "today, 20 November" without a year).
  DocumentDate crawl;
  if (fallback.size() < 10 || !DocumentDate::Parse(fallback.substr(0, 10), &crawl)) crawl = DocumentDate();
  // Sentences by story (the last group: sentences outside every story), in text order.
  const size_t n_stories = doc->stories.size();
  std::vector<std::vector<uint32_t>> groups(n_stories + 1);
  std::vector<Span> all_spans;
  for (uint32_t i = 0; i < doc->sentences.size(); ++i) {
    const Sentence& s = doc->sentences[i];
    if (s.duplicate || s.block >= doc->blocks.size()) continue;
    const Block& b = doc->blocks[s.block];
    if (!Taggable(b.kind)) continue;
    size_t g = b.story >= 0 && static_cast<size_t>(b.story) < n_stories ? static_cast<size_t>(b.story) : n_stories;
    groups[g].push_back(i);
    all_spans.push_back(s.span);
  }
  // A story's own "today, 20 November" gives its date; the first such date with a year dates a
  // document that has none.
  std::vector<Span> spans;
  std::vector<DocumentDate> group_date(groups.size(), doc_date);
  std::vector<std::string> group_evidence(groups.size(), evidence);
  for (size_t g = 0; g < groups.size(); ++g) {
    spans.clear();
    for (uint32_t i : groups[g]) spans.push_back(doc->sentences[i].span);
    int y = 0, m = 0, d = 0;
    if (!timex_->FindToday(doc->text, spans, &y, &m, &d)) continue;
    DocumentDate today = CompleteToday(y, m, d, doc_date.known ? doc_date : crawl);
    if (!today.known) continue;
    group_date[g] = today;
    group_evidence[g] = "text";
    if (!doc_date.known) {
      doc_date = today;
      evidence = "text";
    }
  }
  if (!doc_date.known && crawl.known) {
    doc_date = crawl;
    evidence = "crawl";
  }
  for (size_t g = 0; g < groups.size(); ++g)
    if (!group_date[g].known && doc_date.known) {
      group_date[g] = doc_date;
      group_evidence[g] = evidence;
    }
  // Time expressions, story by story.
  std::vector<Timex> found;
  for (size_t g = 0; g < groups.size(); ++g) {
    if (groups[g].empty()) continue;
    spans.clear();
    for (uint32_t i : groups[g]) spans.push_back(doc->sentences[i].span);
    found.clear();
    timex_->Tag(doc->text, spans, group_date[g], &found, 0);
    for (Timex& x : found) {
      x.sentence = x.sentence >= 0 && static_cast<size_t>(x.sentence) < groups[g].size()
                       ? static_cast<int32_t>(groups[g][x.sentence])
                       : -1;
      doc->timexes.push_back(std::move(x));
    }
  }
  std::stable_sort(doc->timexes.begin(), doc->timexes.end(),
                   [](const Timex& a, const Timex& b) { return a.span.begin < b.span.begin; });
  // Amounts over the same sentences, in text order.
  amounts_->Tag(doc->text, all_spans, doc->timexes, &doc->amounts);
  doc->time_reference.value = doc_date.Iso();
  doc->time_reference.evidence = doc_date.known ? evidence : "";
  for (size_t s = 0; s < n_stories; ++s) doc->time_reference.stories.push_back(group_date[s].Iso());
}

}  // namespace dossier
