#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "crude/caption_credit.h"
#include "crude/duplicate_sentences.h"
#include "crude/glued_words.h"
#include "crude/lexicon.h"
#include "document/mapped_text_ops.h"
#include "pipeline/line_store.h"
#include "pipeline/line_sentences.h"
#include "dossier/crude.h"
#include "dossier/html.h"
#include "dossier/pipeline.h"
#include "dossier/stories.h"
#include "dossier/text.h"
#include "dossier/entities.h"
#include "dossier/entity_linking.h"
#include "dossier/quotes.h"
#include "dossier/time.h"
#include "pipeline/html_document.h"
#include "util/heap_trim.h"

#ifndef DOSSIER_DATA_DIR
#define DOSSIER_DATA_DIR "data"
#endif

namespace dossier {

struct Analyzer::Impl {
  AnalyzerOptions options;
  Lexicon lexicon;
  LineClassifier lines;
  StorySegmenter stories;
  std::unique_ptr<EntityTagger> entities;
  std::unique_ptr<OfficeHolders> offices;  // world knowledge for role phrases (data/entities)
  std::unique_ptr<TimeStage> time;
  std::unique_ptr<QuoteStage> quotes;
  std::string warnings;
};

namespace {

std::string FromEnvOr(const char* var, const std::string& given, const std::string& fallback) {
  if (!given.empty()) return given;
  if (const char* v = std::getenv(var); v && *v) return v;
  return fallback;
}

// Gives a string's or a vector's memory back. Neither `v = {}` (assigns an empty initializer
// list) nor, for a std::string, `s = std::string()` (libstdc++ keeps the buffer when the string
// moved in is short) does: the input and the edit lists stayed held to the end.
template <typename T>
void Free(T* v) {
  T().swap(*v);
}

// Inputs up to this size keep the tokens of their article lines from the repeated-sentence pass
// for the document (pipeline/line_sentences.h): at most ~3 bytes of tokens per input byte, held to
// the end, against the second tokenisation of those lines (~8 % of the foundation's instructions).
// Larger inputs tokenise again and hold nothing extra (peak memory on large scrapes).
constexpr size_t kKeepLineTokensUpTo = size_t{2} << 20;

// Tokens and sentences of every block. About one token per 4.5 bytes of news text. `kept`, when
// given, has the tokens and sentences of some blocks already (block i is line i).
void AddTokensAndSentences(Document* doc, const LineSentences* kept = nullptr) {
  std::vector<TokenRange> ranges;
  doc->tokens.reserve(doc->text.size() * 2 / 9 + 16);
  for (uint32_t bi = 0; bi < doc->blocks.size(); ++bi) {
    const Block& b = doc->blocks[bi];
    size_t first = doc->tokens.size();
    if (!kept || !kept->Take(bi, b.span.begin, &doc->tokens, &ranges)) {
      Tokenize(doc->Text(b.span), b.span.begin, &doc->tokens);
      ranges.clear();
      SplitSentences(doc->Text(b.span), b.span.begin, doc->tokens.data() + first, doc->tokens.size() - first,
                     &ranges);
    }
    for (const auto& r : ranges) {
      if (r.count == 0) continue;
      Sentence s;
      s.first_token = static_cast<uint32_t>(first + r.first);
      s.token_count = r.count;
      s.span = {doc->tokens[s.first_token].span.begin, doc->tokens[s.first_token + r.count - 1].span.end};
      s.block = bi;
      doc->sentences.push_back(s);
    }
  }
}

}  // namespace

std::string ResolveDataDir(const std::string& given) {
  return FromEnvOr("DOSSIER_DATA", given, DOSSIER_DATA_DIR);
}
std::string ResolveModelDir(const std::string& given) {
  std::string def = std::filesystem::path(DOSSIER_DATA_DIR).parent_path().string() + "/models";
  return FromEnvOr("DOSSIER_MODELS", given, def);
}

Analyzer::Analyzer() : impl_(std::make_unique<Impl>()) {}
Analyzer::~Analyzer() = default;
const std::string& Analyzer::load_warnings() const { return impl_->warnings; }
uint32_t Analyzer::stages() const { return impl_->options.stages; }

std::unique_ptr<Analyzer> Analyzer::Create(const AnalyzerOptions& options, std::string* error) {
  std::unique_ptr<Analyzer> a(new Analyzer());
  a->impl_->options = options;
  std::string data = ResolveDataDir(options.data_dir);
  std::string models = ResolveModelDir(options.model_dir);
  std::vector<std::string> missing;
  a->impl_->lexicon = Lexicon::Load(LexiconPaths::Defaults(data), &missing);
  for (const auto& m : missing) a->impl_->warnings += "word list not found (glued-word repair weakened): " + m + "\n";
  if (!a->impl_->lines.Load(models + "/lines.model", error)) return nullptr;
  if (!a->impl_->stories.Load(models + "/stories.model", error)) return nullptr;
  // The later stages' models and word lists are loaded only when the stage runs (the NER model and
  // its gazetteers are most of the start-up time).
  uint32_t& stages = a->impl_->options.stages;
  stages &= kAllStages;
  if (stages & kStageQuotes) stages |= kStageEntities;  // speakers are named through the entities
  if (stages & kStageEntities) {
    EntityTaggerOptions ner;
    ner.model_path = models + "/ner.model";
    ner.data_dir = data;
    if (!(a->impl_->entities = EntityTagger::Create(ner, error))) return nullptr;
  }
  if ((stages & kStageEntities) && !(a->impl_->offices = OfficeHolders::Load(data, error))) return nullptr;
  if ((stages & kStageTime) && !(a->impl_->time = TimeStage::Load(data, error))) return nullptr;
  if (stages & kStageQuotes) {
    QuoteStageOptions q;
    q.data_dir = data;
    q.model_path = models + "/quotes.model";
    q.mode = options.quotes_mode;
    if (!(a->impl_->quotes = QuoteStage::Load(q, error))) return nullptr;
  }
  return a;
}

Document Analyzer::AnalyzeCrudeText(std::string_view bytes, const std::string& path) const {
  return CrudeText(bytes, path, nullptr);
}

Document Analyzer::CrudeText(std::string_view bytes, const std::string& path, std::string* release) const {
  Document doc;
  doc.source.path = path;
  doc.source.size_bytes = bytes.size();
  doc.source.format = "text";
  CleanStats stats;

  // 1. Lines: every non-empty input line, cleaned and mapped to its input bytes. A line that
  //    cleans to nothing (only invisible characters) still becomes an (empty) block; a line of
  //    spaces and tabs only is blank, like an empty one.
  LineStore lines;
  std::vector<std::pair<uint32_t, uint32_t>> raw_ranges;  // input lines; < 4 GiB (AnalyzeOwned)
  {
    // Sized once from the line breaks instead of doubling (peak memory on large inputs).
    const size_t breaks = static_cast<size_t>(std::count(bytes.begin(), bytes.end(), '\n')) + 1;
    lines.reserve(breaks);
    raw_ranges.reserve(breaks);
  }
  size_t pos = 0;
  // A UTF-8 byte order mark at the very start is not text.
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") pos = 3;
  while (pos <= bytes.size()) {
    size_t nl = bytes.find('\n', pos);
    if (nl == std::string_view::npos) nl = bytes.size();
    size_t end = nl;
    if (end > pos && bytes[end - 1] == '\r') --end;
    // A line of nothing but spaces and tabs is blank; anything else (even a lone zero-width
    // space) is a line of the input and gets a block.
    bool blank = true;
    for (size_t k = pos; k < end && blank; ++k) blank = bytes[k] == ' ' || bytes[k] == '\t' || bytes[k] == '\r';
    if (!blank) {
      const std::string_view raw = bytes.substr(pos, end - pos);
      if (IsCleanLine(raw)) lines.AddView(raw, pos);
      else lines.AddOwned(CleanLineReference(raw, pos, &stats));  // what CleanLine does with it
      raw_ranges.push_back({static_cast<uint32_t>(pos), static_cast<uint32_t>(end)});
    }
    if (nl == bytes.size()) break;
    pos = nl + 1;
  }
  doc.source.invalid_bytes_replaced = stats.invalid_bytes_replaced;
  doc.source.lines = static_cast<uint32_t>(lines.size());

  // 2. What each line is.
  std::vector<std::string_view> views;
  views.reserve(lines.size());
  for (size_t i = 0; i < lines.size(); ++i) views.push_back(lines.text(i));
  std::vector<float> confidence;
  std::vector<BlockKind> kinds = impl_->lines.Classify(views, &confidence);
  for (size_t i = 0; i < lines.size(); ++i)
    if (views[i].empty()) kinds[i] = BlockKind::kOther;

  // 3. Glued words in article lines, and repeated sentences.
  struct PendingRepair {
    size_t line;
    uint32_t at;  // position in the final line text
    uint32_t len;
    std::string before;
  };
  std::vector<PendingRepair> glue_repairs;
  std::vector<std::vector<GlueFix>> glue(lines.size());
  for (size_t i = 0; i < lines.size(); ++i)
    if (IsArticleKind(kinds[i])) glue[i] = FindGluedWordCandidates(views[i], impl_->lexicon);
  DropRecurringTokens(bytes, views, &glue);
  for (size_t i = 0; i < lines.size(); ++i) {
    const auto& fixes = glue[i];
    // Right to left, so earlier offsets stay valid.
    for (auto it = fixes.rbegin(); it != fixes.rend(); ++it) {
      MappedText& line = lines.Own(i);
      std::string before = line.text.substr(it->word_begin, it->word_end - it->word_begin);
      InsertText(&line, it->split, " ");
      for (auto& r : glue_repairs)
        if (r.line == i) r.at += 1;
      glue_repairs.push_back({i, it->word_begin, it->word_end - it->word_begin + 1, before});
    }
  }
  Free(&glue);
  // The sentences of the article lines, for the repeats; their tokens are not kept (line_sentences.h).
  std::vector<LineSentence> line_sentences;
  LineSentences splitter(impl_->options.tokens && bytes.size() <= kKeepLineTokensUpTo, lines.size());
  {
    std::vector<Span> spans;
    for (size_t i = 0; i < lines.size(); ++i) {
      if (!IsArticleKind(kinds[i])) continue;
      spans.clear();
      splitter.Spans(i, lines.text(i), &spans);
      for (Span s : spans) line_sentences.push_back({static_cast<uint32_t>(i), s});
    }
  }
  for (size_t i = 0; i < lines.size(); ++i) views[i] = lines.text(i);
  std::vector<SentenceRepeat> repeats = FindRepeatedSentences(views, line_sentences);
  line_sentences = std::vector<LineSentence>();
  // Where each repeat is erased: [begin, end) of its line, with the space before it.
  struct Erase {
    size_t line;
    uint32_t begin, end;
    uint32_t kept_line;
    Span kept;
    uint64_t src_begin, src_end;  // the repeat's input bytes
  };
  std::vector<Erase> erases;
  erases.reserve(repeats.size());
  for (const auto& r : repeats) {
    const std::string_view l = lines.text(r.repeat.line);
    uint32_t b = r.repeat.span.begin, e = r.repeat.span.end;
    uint64_t sb = lines.SourceBegin(r.repeat.line, b), se = lines.SourceEnd(r.repeat.line, e);
    if (b == 0 && e == l.size()) {
      // A whole paragraph repeated: the line stays a block (every input line has one), but as a
      // leftover, so the article holds the paragraph once.
      kinds[r.repeat.line] = BlockKind::kOther;
      erases.push_back({r.repeat.line, 0, 0, r.kept.line, r.kept.span, sb, se});
      continue;
    }
    while (b > 0 && l[b - 1] == ' ') --b;
    if (b == 0) while (e < l.size() && l[e] == ' ') ++e;
    erases.push_back({r.repeat.line, b, e, r.kept.line, r.kept.span, sb, se});
  }
  repeats = std::vector<SentenceRepeat>();
  // Apply erasures right to left within each line.
  std::sort(erases.begin(), erases.end(), [](const Erase& a, const Erase& b) {
    return a.line != b.line ? a.line < b.line : a.begin > b.begin;
  });
  // A line loses its text in place, as a std::string erase does: `views` keeps the old length and
  // so still reads the kept sentences below at their old offsets. A line that is still a view of
  // the input becomes its own copy first, and its view is moved onto that copy.
  std::vector<size_t> edited;
  for (const auto& e : erases) {
    if (e.end <= e.begin) continue;
    if (edited.empty() || edited.back() != e.line) {
      edited.push_back(e.line);
      splitter.Forget(e.line);  // its tokens are made again from its final text
    }
    views[e.line] = lines.Own(e.line).text;
  }
  for (const auto& e : erases) {
    if (e.end <= e.begin) continue;
    EraseText(&lines.Own(e.line), e.begin, e.end);
    for (auto& g : glue_repairs) {
      if (g.line != e.line) continue;
      if (g.at >= e.end) g.at -= (e.end - e.begin);
      else if (g.len > 0 && g.at + g.len > e.begin) g.len = 0;  // repaired inside the repeat: erased with it
    }
  }
  // The duplicates, each kept copy found where it now is in its line (its line may have shifted by
  // an erasure) while `views` can still read the kept sentences at their old offsets; line-local
  // until the lines have their place in the text. Then the erase list and the views are freed and
  // the edited lines give back what the erasures freed (peak memory: a scrape that repeats itself
  // has an erasure per repeated sentence).
  std::vector<uint32_t> duplicate_line;
  doc.duplicates.reserve(erases.size());
  duplicate_line.reserve(erases.size());
  for (const Erase& e : erases) {
    std::string_view sentence = views[e.kept_line].substr(e.kept.begin, e.kept.size());
    size_t at = lines.text(e.kept_line).find(sentence);
    if (at == std::string_view::npos) continue;
    Duplicate d;
    d.kept = {static_cast<uint32_t>(at), static_cast<uint32_t>(at + sentence.size())};
    d.repeat_source_begin = e.src_begin;
    d.repeat_source_end = e.src_end;
    doc.duplicates.push_back(d);
    duplicate_line.push_back(e.kept_line);
  }
  Free(&erases);
  Free(&views);
  for (size_t i : edited) lines.Shrink(i);

  // 4. The canonical text: one block per line, '\n' between blocks.
  std::vector<uint32_t> line_start(lines.size(), 0);
  uint64_t prev_source_end = 0;
  {
    // One allocation each instead of doubling (peak memory on large inputs).
    size_t total = lines.size(), pieces = 0;
    for (size_t i = 0; i < lines.size(); ++i) {
      total += lines.text(i).size();
      pieces += 1 + lines.PieceCount(i);
    }
    doc.text.reserve(total);
    doc.offsets.reserve(pieces);
    doc.blocks.reserve(lines.size());
  }
  for (size_t i = 0; i < lines.size(); ++i) {
    const bool empty = lines.text(i).empty();
    uint64_t next_begin = empty ? raw_ranges[i].first : lines.SourceBegin(i, 0);
    if (!doc.blocks.empty()) {
      // The separator stands for the line break(s) between the two input lines.
      doc.offsets.AddReplacement(static_cast<uint32_t>(doc.text.size()), 1, prev_source_end,
                                 next_begin > prev_source_end ? next_begin - prev_source_end : 0);
      doc.text.push_back('\n');
    }
    if (empty) {
      // Nothing readable on the line: an empty leftover block that still points at its bytes.
      prev_source_end = raw_ranges[i].second;
      Block b;
      b.span = {static_cast<uint32_t>(doc.text.size()), static_cast<uint32_t>(doc.text.size())};
      b.kind = BlockKind::kOther;
      b.source_begin = raw_ranges[i].first;
      b.source_end = raw_ranges[i].second;
      line_start[i] = b.span.begin;
      doc.blocks.push_back(b);
      continue;
    }
    line_start[i] = static_cast<uint32_t>(doc.text.size());
    lines.AppendTo(i, &doc.text, &doc.offsets);
    Block b;
    b.span = {line_start[i], static_cast<uint32_t>(doc.text.size())};
    b.source_begin = doc.SourceBegin(b.span);
    b.source_end = doc.SourceEnd(b.span);
    prev_source_end = b.source_end;
    b.kind = kinds[i];
    b.confidence = confidence.empty() ? 1.0f : confidence[i];
    if (b.kind == BlockKind::kCaption) {
      Span c = FindCaptionCredit(lines.text(i));
      if (!c.empty()) b.credit = {c.begin + line_start[i], c.end + line_start[i]};
    }
    doc.blocks.push_back(b);
  }
  // Line numbers: count input line breaks before each block's first byte.
  {
    uint32_t line_no = 1;
    uint64_t scanned = 0;
    for (auto& b : doc.blocks) {
      uint64_t src = b.source_begin;
      for (; scanned < src && scanned < bytes.size(); ++scanned)
        if (bytes[scanned] == '\n') ++line_no;
      b.line = line_no;
    }
  }
  // Block i is line i.
  for (const auto& g : glue_repairs)
    if (g.len > 0) doc.repairs.push_back({RepairKind::kGluedWords, {line_start[g.line] + g.at, line_start[g.line] + g.at + g.len}, g.before});
  for (size_t k = 0; k < doc.duplicates.size(); ++k) {
    doc.duplicates[k].kept.begin += line_start[duplicate_line[k]];
    doc.duplicates[k].kept.end += line_start[duplicate_line[k]];
  }

  // The per-line copies and the edit lists are no longer needed: free them before the stories.
  lines.clear();
  Free(&duplicate_line);
  Free(&glue_repairs);
  Free(&raw_ranges);
  // Nothing reads the input bytes from here on.
  if (release) {
    bytes = {};
    Free(release);
  }

  // 5. Stories.
  std::vector<StoryBlock> sblocks;
  sblocks.reserve(doc.blocks.size());
  for (const auto& b : doc.blocks) sblocks.push_back({doc.Text(b.span), b.kind});
  std::vector<uint32_t> starts = impl_->stories.Segment(sblocks);
  {
    std::vector<BlockKind> block_kinds;
    for (const auto& b : doc.blocks) block_kinds.push_back(b.kind);
    RecoverStoryTitles(sblocks, &block_kinds, &starts);
    for (size_t b = 0; b < doc.blocks.size(); ++b) {
      doc.blocks[b].kind = block_kinds[b];
      sblocks[b].kind = block_kinds[b];
    }
  }
  for (size_t s = 0; s < starts.size(); ++s) {
    Story st;
    // A story owns its article blocks and the leftovers inside it; leftovers before a story's first
    // article block belong to no story (the gold convention of the benchmark).
    st.first_block = starts[s];
    uint32_t next = s + 1 < starts.size() ? starts[s + 1] : static_cast<uint32_t>(doc.blocks.size());
    uint32_t last = next;
    while (last > st.first_block && !IsArticleKind(doc.blocks[last - 1].kind)) --last;
    st.last_block = last - 1;
    std::vector<StoryBlock> own(sblocks.begin() + st.first_block, sblocks.begin() + st.last_block + 1);
    int32_t tb = -1;
    st.title = InferStoryTitle(own, &tb);
    st.title_block = tb < 0 ? -1 : tb + static_cast<int32_t>(st.first_block);
    for (uint32_t b = st.first_block; b <= st.last_block; ++b) doc.blocks[b].story = static_cast<int32_t>(s);
    doc.stories.push_back(std::move(st));
  }
  // 6. Tokens and sentences of every block.
  Free(&sblocks);
  // Everything the cleaning and the stories freed is dead now; on a large input it is tens of MB
  // the allocator would otherwise keep resident under the token array (util/heap_trim.h).
  if (doc.text.size() >= kHeapTrimMinBytes) ReturnFreedHeapPages();
  if (impl_->options.tokens) AddTokensAndSentences(&doc, &splitter);

  return doc;
}

Document Analyzer::AnalyzeHtml(std::string_view bytes, const std::string& path,
                               const HtmlInput& hints) const {
  DecodedHtml page = DecodeHtml(bytes, hints.content_type);
  ExtractOptions options;
  options.url = hints.url;
  ExtractedArticle article = ExtractArticle(page.text, options);
  Document doc = BuildHtmlDocument(page, article, path, bytes.size());
  if (impl_->options.tokens) AddTokensAndSentences(&doc);
  return doc;
}

bool Analyzer::Analyze(std::string_view bytes, const std::string& path, Document* doc,
                       std::string* error, const HtmlInput& hints) const {
  return AnalyzeOwned(bytes, path, doc, error, hints, nullptr);
}

bool Analyzer::AnalyzeTakingInput(std::string&& bytes, const std::string& path, Document* doc,
                                  std::string* error, const HtmlInput& hints) const {
  std::string owned = std::move(bytes);
  return AnalyzeOwned(owned, path, doc, error, hints, &owned);
}

bool Analyzer::AnalyzeOwned(std::string_view bytes, const std::string& path, Document* doc,
                            std::string* error, const HtmlInput& hints, std::string* release) const {
  std::string unzipped;
  bool gzip = false;
  if (!hints.is_html && !hints.is_text && IsGzip(bytes)) {
    if (!Gunzip(bytes, &unzipped, error)) {
      *error = path + ": " + *error;
      return false;
    }
    bytes = unzipped;
    gzip = true;
    if (release) {
      Free(release);  // the compressed bytes are not read again
      release = &unzipped;
    }
  }
  if (bytes.size() > 0xFFFFFFF0u) {
    *error = path + ": larger than 4 GiB";
    return false;
  }
  if (!hints.is_text && (hints.is_html || LooksLikeHtml(bytes))) {
    *doc = AnalyzeHtml(bytes, path, hints);
  } else {
    if (bytes.find('\0') != std::string_view::npos) {
      *error = path + ": binary data, neither text nor HTML";
      return false;
    }
    *doc = CrudeText(bytes, path, release);
  }
  doc->source.gzip = gzip;
  // Erased repeats can leave most of the token array unused (a scrape that repeats itself): give
  // that back before the later stages add their own memory. (Not for the foundation alone: the
  // copy would only raise its peak.)
  if ((impl_->entities || impl_->quotes || impl_->time) && doc->tokens.capacity() > 2 * doc->tokens.size() + 1024)
    doc->tokens.shrink_to_fit();
  // Entities need tokens and sentences: names found by the tagger, then grouped into entities.
  if (impl_->entities && !doc->tokens.empty()) {
    LinkingKnowledge knowledge{impl_->offices.get(), hints.published};
    if (knowledge.date.empty() && doc->metadata.published.value.size() >= 10)
      knowledge.date = doc->metadata.published.value.substr(0, 10);
    if (knowledge.date.empty() && hints.fallback_date.size() >= 10) knowledge.date = hints.fallback_date.substr(0, 10);
    doc->entities = LinkEntities(*doc, impl_->entities->Tag(*doc), knowledge);
  }
  if (impl_->quotes) impl_->quotes->Annotate(doc);  // quotations attributed to speakers, after entities (src/quotes)
  if (impl_->time) impl_->time->Annotate(doc, hints.published, hints.fallback_date);  // time expressions, amounts (src/time, src/amounts)
  return true;
}

}  // namespace dossier
