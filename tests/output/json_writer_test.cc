// The JSON output contract: string escaping, every field of a hand-built Document, the optional
// sentence/token arrays, and streaming through the flush callback.
#include "dossier/output.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "dossier/document.h"

namespace dossier {
namespace {

using nlohmann::json;

std::string Escaped(std::string_view s) {
  std::string out;
  AppendJsonString(s, &out);
  return out;
}

std::set<std::string> Keys(const json& j) {
  std::set<std::string> k;
  for (auto it = j.begin(); it != j.end(); ++it) k.insert(it.key());
  return k;
}

TEST(AppendJsonString, EscapesSpecialCharacters) {
  EXPECT_EQ(Escaped(""), "\"\"");
  EXPECT_EQ(Escaped("plain text"), "\"plain text\"");
  EXPECT_EQ(Escaped("say \"hi\""), "\"say \\\"hi\\\"\"");
  EXPECT_EQ(Escaped("back\\slash"), "\"back\\\\slash\"");
  EXPECT_EQ(Escaped("a\nb\rc\td"), "\"a\\nb\\rc\\td\"");
  EXPECT_EQ(Escaped("x\x01y"), "\"x\\u0001y\"");
  EXPECT_EQ(Escaped("\x1f\x08\x0c"), "\"\\u001f\\u0008\\u000c\"");
  EXPECT_EQ(Escaped(std::string_view("nul\0byte", 8)), "\"nul\\u0000byte\"");
  // DEL is not a control character for JSON; '/' need not be escaped.
  EXPECT_EQ(Escaped("\x7f/"), "\"\x7f/\"");
}

TEST(AppendJsonString, LeavesUtf8Untouched) {
  const std::string s = "\xe2\x80\x9c" "curly" "\xe2\x80\x9d caf\xc3\xa9 \xe2\x80\x94 \xf0\x9f\x98\x80";
  EXPECT_EQ(Escaped(s), "\"" + s + "\"");
}

TEST(AppendJsonString, AppendsAndRoundTrips) {
  std::string out = "prefix:";
  AppendJsonString("a\"b", &out);
  EXPECT_EQ(out, "prefix:\"a\\\"b\"");
  const std::string nasty = std::string("q\"b\\n\nr\rt\t\x01\x02\x1f caf\xc3\xa9 ") + std::string(1, '\0') + "end";
  EXPECT_EQ(json::parse(Escaped(nasty)).get<std::string>(), nasty);
}

// The input of the hand-built document (4 lines; two leading spaces trimmed, a glued word repaired,
// a repeated sentence removed):
const std::string kInput =
    "  Water Bills To Rise\n"
    "Ofwat saidbills will rise. Pipes leak. Pipes leak.\n"
    "A reservoir near Leeds. Pic: PA\n"
    "Share this story\n";

uint32_t At(std::string_view hay, std::string_view needle, size_t from = 0) {
  size_t p = hay.find(needle, from);
  EXPECT_NE(p, std::string_view::npos) << needle;
  return static_cast<uint32_t>(p);
}

// Builds the canonical text and its offset map piece by piece.
struct Builder {
  Document* doc;
  uint32_t pos() const { return static_cast<uint32_t>(doc->text.size()); }
  Span Copy(uint64_t source_begin, uint32_t len) {
    Span s{pos(), pos() + len};
    doc->offsets.AddCopy(pos(), source_begin, len);
    doc->text.append(kInput, source_begin, len);
    return s;
  }
  Span Insert(std::string_view text, uint64_t source_at) {
    Span s{pos(), pos() + static_cast<uint32_t>(text.size())};
    doc->offsets.AddReplacement(pos(), static_cast<uint32_t>(text.size()), source_at, 0);
    doc->text.append(text);
    return s;
  }
};

struct Expected {
  uint32_t heading_src, body_src, body_line_end, said_src, bills_end_src, pipes1_src, pipes2_src, caption_src,
      credit_src, share_src;
};

Document MakeDocument(Expected* e) {
  Document doc;
  doc.source.path = "news/\"odd\" name.txt";
  doc.source.size_bytes = kInput.size();
  doc.source.lines = 4;
  e->heading_src = 2;
  e->body_src = At(kInput, "Ofwat");
  e->body_line_end = At(kInput, "\nA reservoir");
  e->said_src = At(kInput, "saidbills");
  e->bills_end_src = e->said_src + 9;
  e->pipes1_src = At(kInput, "Pipes leak.");
  e->pipes2_src = At(kInput, "Pipes leak.", e->pipes1_src + 1);
  e->caption_src = At(kInput, "A reservoir");
  e->credit_src = At(kInput, "Pic: PA");
  e->share_src = At(kInput, "Share");

  Builder b{&doc};
  // Block 0: heading.
  Span heading = b.Copy(e->heading_src, 19);
  b.Copy(e->heading_src + 19, 1);  // '\n'
  // Block 1: body, "said" + inserted space + "bills will rise. Pipes leak." (the repeat is dropped).
  Span ofwat_said = b.Copy(e->body_src, 10);  // "Ofwat said"
  b.Insert(" ", e->said_src + 4);
  Span rest = b.Copy(e->said_src + 4, e->pipes1_src + 11 - (e->said_src + 4));  // "bills ... Pipes leak."
  Span body{ofwat_said.begin, rest.end};
  Span repaired{ofwat_said.end - 4, ofwat_said.end + 1 + 5};  // "said bills"
  Span sentence1{body.begin, At(doc.text, "rise.") + 5};
  Span kept{At(doc.text, "Pipes leak."), At(doc.text, "Pipes leak.") + 11};
  b.Copy(e->body_line_end, 1);  // '\n'
  // Block 2: caption with credit.
  Span caption = b.Copy(e->caption_src, 31);
  Span credit{caption.end - 7, caption.end};
  b.Copy(e->caption_src + 31, 1);
  // Block 3: other.
  Span share = b.Copy(e->share_src, 16);

  Block b0;
  b0.span = heading;
  b0.kind = BlockKind::kHeading;
  b0.story = 0;
  b0.line = 1;
  b0.source_begin = 0;
  b0.source_end = e->heading_src + 19;
  Block b1;
  b1.span = body;
  b1.kind = BlockKind::kBody;
  b1.story = 0;
  b1.line = 2;
  b1.source_begin = e->body_src;
  b1.source_end = e->body_line_end;
  b1.confidence = 0.75f;
  Block b2;
  b2.span = caption;
  b2.kind = BlockKind::kCaption;
  b2.story = kNoStory;
  b2.line = 3;
  b2.credit = credit;
  b2.source_begin = e->caption_src;
  b2.source_end = e->caption_src + 31;
  Block b3;
  b3.span = share;
  b3.kind = BlockKind::kOther;
  b3.story = kNoStory;
  b3.line = 4;
  b3.source_begin = e->share_src;
  b3.source_end = e->share_src + 16;
  doc.blocks = {b0, b1, b2, b3};

  Story s;
  s.first_block = 0;
  s.last_block = 1;
  s.title = "Water Bills To Rise";
  s.title_block = 0;
  doc.stories = {s};

  Duplicate d;
  d.kept = kept;
  d.repeat_source_begin = e->pipes2_src;
  d.repeat_source_end = e->pipes2_src + 11;
  doc.duplicates = {d};

  Repair r;
  r.kind = RepairKind::kGluedWords;
  r.span = repaired;
  r.before = "saidbills";
  doc.repairs = {r};

  doc.tokens = {{{heading.begin, heading.begin + 5}, TokenKind::kWord, kCapitalized},
                {{kept.end - 1, kept.end}, TokenKind::kPunct, kSpaceBefore}};
  doc.sentences = {{heading, 0, 0, 4, false}, {sentence1, 1, 0, 6, false}, {kept, 1, 0, 3, true}};
  return doc;
}

// A quote's fields, with offsets into the input bytes (across the glued-word repair "saidbills"),
// an unknown entity, and no cue.
TEST(WriteDocumentJson, QuotesHaveTheContractFields) {
  Expected e;
  Document doc = MakeDocument(&e);
  const size_t at = doc.text.find("Ofwat said bills will rise.");
  ASSERT_NE(at, std::string::npos);
  auto span = [&](size_t off, size_t len) {
    return Span{static_cast<uint32_t>(at + off), static_cast<uint32_t>(at + off + len)};
  };
  Quote q;
  q.content = span(11, 15);  // bills will rise
  q.type = QuoteType::kIndirect;
  q.cue = span(6, 4);        // said
  q.speaker = span(0, 5);    // Ofwat
  q.speaker_name = "Ofwat";
  Quote unknown;
  unknown.content = span(0, 27);
  unknown.type = QuoteType::kDirect;
  doc.quotes = {q, unknown};
  std::string out;
  WriteDocumentJson(doc, JsonOptions{}, &out);
  const json j = json::parse(out);
  ASSERT_EQ(j["quotes"].size(), 2u);
  const json& a = j["quotes"][0];
  EXPECT_EQ(a["text"], "bills will rise");
  EXPECT_EQ(a["type"], "indirect");
  EXPECT_EQ(a["cue"], "said");
  EXPECT_EQ(kInput.substr(a["source_begin"].get<size_t>(), a["source_end"].get<size_t>() - a["source_begin"].get<size_t>()),
            "bills will rise");
  EXPECT_EQ(kInput.substr(a["cue_begin"].get<size_t>(), a["cue_end"].get<size_t>() - a["cue_begin"].get<size_t>()), "said");
  EXPECT_EQ(a["speaker"]["text"], "Ofwat");
  EXPECT_TRUE(a["speaker"]["entity"].is_null());
  EXPECT_EQ(a["speaker"]["name"], "Ofwat");
  EXPECT_FALSE(a["speaker"].contains("inherited"));
  EXPECT_FALSE(a.contains("parts"));
  const json& b = j["quotes"][1];
  EXPECT_TRUE(b["speaker"].is_null());
  EXPECT_TRUE(b["cue"].is_null());
  EXPECT_FALSE(b.contains("cue_begin"));
  EXPECT_EQ(b["type"], "direct");
}

TEST(WriteDocumentJson, HandBuiltDocumentHasTheContractFields) {
  Expected e;
  const Document doc = MakeDocument(&e);
  ASSERT_EQ(doc.Text(doc.blocks[1].span), "Ofwat said bills will rise. Pipes leak.");
  ASSERT_EQ(doc.Text(doc.repairs[0].span), "said bills");
  ASSERT_EQ(doc.Text(doc.blocks[2].credit), "Pic: PA");

  std::string out;
  WriteDocumentJson(doc, JsonOptions{}, &out);
  ASSERT_FALSE(out.empty());
  EXPECT_EQ(out.front(), '{');
  EXPECT_EQ(out.back(), '}');
  EXPECT_EQ(out.find('\n'), std::string::npos) << "one JSON line";
  const json j = json::parse(out);

  EXPECT_EQ(Keys(j), (std::set<std::string>{"schema_version", "source", "blocks", "stories", "duplicates",
                                            "repairs", "sentences", "timexes", "amounts", "time_reference",
                                            "timeline", "entities", "quotes"}));
  EXPECT_TRUE(j["entities"].is_array() && j["entities"].empty()) << "no tagger ran on a hand-built document";
  EXPECT_TRUE(j["quotes"].is_array() && j["quotes"].empty()) << "no quote stage ran on a hand-built document";
  EXPECT_EQ(j["schema_version"], "1.0");
  EXPECT_EQ(j["source"]["path"], "news/\"odd\" name.txt");
  EXPECT_EQ(j["source"]["format"], "text");
  EXPECT_EQ(j["source"]["encoding"], "UTF-8");
  EXPECT_EQ(j["source"]["size_bytes"], kInput.size());
  EXPECT_EQ(j["source"]["lines"], 4);
  EXPECT_EQ(j["source"]["invalid_bytes_replaced"], 0);

  const json& blocks = j["blocks"];
  ASSERT_EQ(blocks.size(), 4u);
  const std::set<std::string> block_keys = {"kind", "text", "story", "source_begin", "source_end",
                                            "line", "begin", "end", "confidence"};
  EXPECT_EQ(Keys(blocks[0]), block_keys);
  EXPECT_EQ(blocks[0]["kind"], "heading");
  EXPECT_EQ(blocks[0]["text"], "Water Bills To Rise");
  EXPECT_EQ(blocks[0]["story"], 0);
  EXPECT_EQ(blocks[0]["source_begin"], 0);
  EXPECT_EQ(blocks[0]["source_end"], e.heading_src + 19);
  EXPECT_EQ(blocks[0]["line"], 1);
  EXPECT_EQ(blocks[0]["begin"], 0);
  EXPECT_EQ(blocks[0]["end"], 19);
  EXPECT_EQ(blocks[0]["confidence"], 1.0);

  EXPECT_EQ(blocks[1]["kind"], "body");
  EXPECT_EQ(blocks[1]["text"], "Ofwat said bills will rise. Pipes leak.");
  EXPECT_EQ(blocks[1]["story"], 0);
  EXPECT_EQ(blocks[1]["source_begin"], e.body_src);
  EXPECT_EQ(blocks[1]["source_end"], e.body_line_end);
  EXPECT_EQ(blocks[1]["line"], 2);
  EXPECT_EQ(blocks[1]["begin"], doc.blocks[1].span.begin);
  EXPECT_EQ(blocks[1]["end"], doc.blocks[1].span.end);
  EXPECT_DOUBLE_EQ(blocks[1]["confidence"].get<double>(), 0.75);

  std::set<std::string> caption_keys = block_keys;
  caption_keys.insert({"credit", "caption"});
  EXPECT_EQ(Keys(blocks[2]), caption_keys);
  EXPECT_EQ(blocks[2]["kind"], "caption");
  EXPECT_EQ(blocks[2]["text"], "A reservoir near Leeds. Pic: PA");
  EXPECT_TRUE(blocks[2]["story"].is_null());
  EXPECT_EQ(blocks[2]["source_begin"], e.caption_src);
  EXPECT_EQ(blocks[2]["source_end"], e.caption_src + 31);
  EXPECT_EQ(blocks[2]["line"], 3);
  EXPECT_EQ(Keys(blocks[2]["credit"]), (std::set<std::string>{"text", "source_begin", "source_end"}));
  EXPECT_EQ(blocks[2]["credit"]["text"], "Pic: PA");
  EXPECT_EQ(blocks[2]["credit"]["source_begin"], e.credit_src);
  EXPECT_EQ(blocks[2]["credit"]["source_end"], e.credit_src + 7);
  EXPECT_EQ(blocks[2]["caption"], "A reservoir near Leeds.");

  EXPECT_EQ(Keys(blocks[3]), block_keys);
  EXPECT_EQ(blocks[3]["kind"], "other");
  EXPECT_EQ(blocks[3]["text"], "Share this story");
  EXPECT_TRUE(blocks[3]["story"].is_null());
  EXPECT_EQ(blocks[3]["source_begin"], e.share_src);
  EXPECT_EQ(blocks[3]["source_end"], e.share_src + 16);
  EXPECT_EQ(blocks[3]["line"], 4);
  // Every block's text is the input bytes it maps to (the body had a repair, so compare the others).
  for (int i : {0, 2, 3}) {
    const auto& bj = blocks[i];
    const uint64_t sb = doc.SourceBegin(doc.blocks[i].span), se = doc.SourceEnd(doc.blocks[i].span);
    EXPECT_EQ(bj["text"].get<std::string>(), kInput.substr(sb, se - sb));
  }

  ASSERT_EQ(j["stories"].size(), 1u);
  const json& st = j["stories"][0];
  EXPECT_EQ(Keys(st), (std::set<std::string>{"index", "title", "title_block", "first_block", "last_block",
                                             "source_begin", "source_end"}));
  EXPECT_EQ(st["index"], 0);
  EXPECT_EQ(st["title"], "Water Bills To Rise");
  EXPECT_EQ(st["title_block"], 0);
  EXPECT_EQ(st["first_block"], 0);
  EXPECT_EQ(st["last_block"], 1);
  EXPECT_EQ(st["source_begin"], 0);
  EXPECT_EQ(st["source_end"], e.body_line_end);

  ASSERT_EQ(j["duplicates"].size(), 1u);
  const json& du = j["duplicates"][0];
  EXPECT_EQ(Keys(du), (std::set<std::string>{"text", "kept", "removed"}));
  EXPECT_EQ(du["text"], "Pipes leak.");
  EXPECT_EQ(du["kept"], (json{{"source_begin", e.pipes1_src}, {"source_end", e.pipes1_src + 11}}));
  EXPECT_EQ(du["removed"], (json{{"source_begin", e.pipes2_src}, {"source_end", e.pipes2_src + 11}}));
  EXPECT_EQ(kInput.substr(e.pipes2_src, 11), "Pipes leak.");

  ASSERT_EQ(j["repairs"].size(), 1u);
  const json& re = j["repairs"][0];
  EXPECT_EQ(Keys(re), (std::set<std::string>{"kind", "before", "after", "source_begin", "source_end"}));
  EXPECT_EQ(re["kind"], "glued_words");
  EXPECT_EQ(re["before"], "saidbills");
  EXPECT_EQ(re["after"], "said bills");
  EXPECT_EQ(re["source_begin"], e.said_src);
  EXPECT_EQ(re["source_end"], e.bills_end_src);
  EXPECT_EQ(kInput.substr(e.said_src, e.bills_end_src - e.said_src), "saidbills");

  const json& se = j["sentences"];
  ASSERT_EQ(se.size(), 3u);
  EXPECT_EQ(Keys(se[0]), (std::set<std::string>{"block", "source_begin", "source_end", "tokens"}));
  EXPECT_EQ(se[0], (json{{"block", 0}, {"source_begin", 2}, {"source_end", 21}, {"tokens", 4}}));
  EXPECT_EQ(se[1], (json{{"block", 1}, {"source_begin", e.body_src}, {"source_end", At(kInput, "rise.") + 5},
                         {"tokens", 6}}));
  EXPECT_EQ(se[2], (json{{"block", 1}, {"source_begin", e.pipes1_src}, {"source_end", e.pipes1_src + 11},
                         {"tokens", 3}}));
}

TEST(WriteDocumentJson, TokensAndSentencesOptions) {
  Expected e;
  const Document doc = MakeDocument(&e);
  std::string out;
  WriteDocumentJson(doc, JsonOptions{.sentences = true, .tokens = true}, &out);
  json j = json::parse(out);
  ASSERT_TRUE(j.contains("tokens"));
  ASSERT_TRUE(j.contains("sentences"));
  EXPECT_EQ(j["tokens"], (json{{2, 7, "word"}, {e.pipes1_src + 10, e.pipes1_src + 11, "punct"}}));

  out.clear();
  WriteDocumentJson(doc, JsonOptions{.sentences = false, .tokens = false}, &out);
  j = json::parse(out);
  EXPECT_FALSE(j.contains("sentences"));
  EXPECT_FALSE(j.contains("tokens"));
  EXPECT_EQ(j["blocks"].size(), 4u);

  out.clear();
  WriteDocumentJson(doc, JsonOptions{.sentences = false, .tokens = true}, &out);
  j = json::parse(out);
  EXPECT_FALSE(j.contains("sentences"));
  EXPECT_EQ(j["tokens"].size(), 2u);
}

TEST(WriteDocumentJson, AppendsToExistingOutput) {
  Expected e;
  const Document doc = MakeDocument(&e);
  std::string alone;
  WriteDocumentJson(doc, JsonOptions{}, &alone);
  std::string out = alone + "\n";
  WriteDocumentJson(doc, JsonOptions{}, &out);
  EXPECT_EQ(out, alone + "\n" + alone);
}

TEST(WriteDocumentJson, CaptionWithoutCreditAndEmptyDocument) {
  Document doc;
  doc.text = "A reservoir near Leeds.";
  Block b;
  b.span = {0, static_cast<uint32_t>(doc.text.size())};
  b.kind = BlockKind::kCaption;
  b.source_end = doc.text.size();
  doc.blocks = {b};
  std::string out;
  WriteDocumentJson(doc, JsonOptions{}, &out);
  json j = json::parse(out);
  EXPECT_TRUE(j["blocks"][0]["credit"].is_null());
  EXPECT_FALSE(j["blocks"][0].contains("caption"));
  // Without an offset map, canonical offsets are input offsets.
  EXPECT_EQ(j["blocks"][0]["end"], doc.text.size());

  Document empty;
  out.clear();
  WriteDocumentJson(empty, JsonOptions{}, &out);
  j = json::parse(out);
  EXPECT_EQ(j["blocks"], json::array());
  EXPECT_EQ(j["stories"], json::array());
  EXPECT_EQ(j["duplicates"], json::array());
  EXPECT_EQ(j["repairs"], json::array());
  EXPECT_EQ(j["sentences"], json::array());
  EXPECT_EQ(j["source"]["path"], "");
}

TEST(WriteDocumentJson, FlushedChunksEqualUnflushedOutput) {
  Document doc;
  constexpr uint32_t kBlocks = 20000;
  for (uint32_t i = 0; i < kBlocks; ++i) {
    if (i) doc.text.push_back('\n');
    Block b;
    b.span.begin = static_cast<uint32_t>(doc.text.size());
    doc.text += "Block number " + std::to_string(i) + " says \"hello\" to the reader.";
    b.span.end = static_cast<uint32_t>(doc.text.size());
    b.kind = i % 7 == 3 ? BlockKind::kOther : BlockKind::kBody;
    b.story = i % 7 == 3 ? kNoStory : static_cast<int32_t>(i / 100);
    b.line = i + 1;
    b.source_begin = b.span.begin;
    b.source_end = b.span.end;
    doc.blocks.push_back(b);
    doc.sentences.push_back({b.span, i, 0, 7, false});
    doc.tokens.push_back({{b.span.begin, b.span.begin + 5}, TokenKind::kWord, kCapitalized});
  }
  for (uint32_t s = 0; s < kBlocks / 100; ++s) {
    Story st;
    st.first_block = s * 100;
    st.last_block = s * 100 + 99;
    doc.stories.push_back(st);
  }
  const JsonOptions options{.sentences = true, .tokens = true};
  std::string whole;
  WriteDocumentJson(doc, options, &whole);
  ASSERT_GT(whole.size(), size_t{3} << 20);

  std::string streamed, out;
  int calls = 0;
  size_t largest_chunk = 0;
  WriteDocumentJson(doc, options, &out, [&](std::string* buf) {
    ++calls;
    largest_chunk = std::max(largest_chunk, buf->size());
    streamed += *buf;
    buf->clear();
  });
  streamed += out;
  EXPECT_GT(calls, 1);
  EXPECT_EQ(streamed.size(), whole.size());
  EXPECT_TRUE(streamed == whole);
  // Chunks are about 1 MB, never the whole output.
  EXPECT_LT(largest_chunk, (size_t{1} << 20) + 4096);
  EXPECT_LT(out.size(), whole.size());
  const json j = json::parse(streamed);
  EXPECT_EQ(j["blocks"].size(), kBlocks);
  EXPECT_EQ(j["blocks"][3]["story"], nullptr);
  EXPECT_EQ(j["blocks"][19999]["text"], "Block number 19999 says \"hello\" to the reader.");
}

// A file that repeats itself has as many duplicates and repairs as paragraphs: those lists stream
// too instead of piling up in the buffer.
TEST(WriteDocumentJson, DuplicatesAndRepairsStreamInChunks) {
  Document doc;
  doc.text = "A sentence that the scraper repeated many times over.";
  Block b;
  b.span = {0, static_cast<uint32_t>(doc.text.size())};
  doc.blocks.push_back(b);
  constexpr uint32_t kRepeats = 40000;
  for (uint32_t i = 0; i < kRepeats; ++i) {
    doc.duplicates.push_back({b.span, 100u + i, 150u + i});
    doc.repairs.push_back({RepairKind::kGluedWords, {2, 10}, "sentencethat"});
  }
  std::string whole;
  WriteDocumentJson(doc, JsonOptions{}, &whole);
  ASSERT_GT(whole.size(), size_t{4} << 20);
  std::string streamed, out;
  size_t largest_chunk = 0;
  WriteDocumentJson(doc, JsonOptions{}, &out, [&](std::string* buf) {
    largest_chunk = std::max(largest_chunk, buf->size());
    streamed += *buf;
    buf->clear();
  });
  streamed += out;
  EXPECT_TRUE(streamed == whole);
  EXPECT_LT(largest_chunk, (size_t{1} << 20) + 4096);
  EXPECT_LT(out.size(), (size_t{1} << 20) + 4096);
  const json j = json::parse(streamed);
  EXPECT_EQ(j["duplicates"].size(), kRepeats);
  EXPECT_EQ(j["repairs"].size(), kRepeats);
}

}  // namespace
}  // namespace dossier
