// `dossier analyze` JSON Lines read back into the stored form, so that `dossier index` stores an
// analysis without redoing it. simdjson (a Debian package) parses at memory speed: the 5,000
// documents/s asked for JSON input leave no room for a tree of std::maps.
#include <simdjson.h>

#include <cstdlib>

#include "dossier/corpus_store.h"
#include "store/document_title.h"
#include "store/enum_names.h"

namespace dossier {
namespace {

using simdjson::dom::array;
using simdjson::dom::element;
using simdjson::dom::object;

std::string_view Str(const element& o, std::string_view key) {
  std::string_view v;
  if (o[key].get_string().get(v)) return {};
  return v;
}

uint64_t U64(const element& o, std::string_view key) {
  uint64_t v = 0;
  if (o[key].get_uint64().get(v)) return 0;
  return v;
}

// An index that may be null: -1 then.
int64_t IndexOrNull(const element& o, std::string_view key) {
  int64_t v = -1;
  if (o[key].get_int64().get(v)) return -1;
  return v;
}

double Num(const element& o, std::string_view key, bool* present = nullptr) {
  double v = 0;
  const bool ok = !o[key].get_double().get(v);
  if (present) *present = ok;
  return ok ? v : 0;
}

bool Bool(const element& o, std::string_view key) {
  bool v = false;
  if (o[key].get_bool().get(v)) return false;
  return v;
}

// The array under `key`, or an empty one when it is missing (a stage that did not run leaves its
// fields out; crude text has no bylines). A default-constructed simdjson array is not iterable,
// so the empty one is a real parsed "[]", kept by a parser that parses nothing else.
array Arr(const element& o, std::string_view key) {
  array a;
  if (!o[key].get_array().get(a)) return a;
  thread_local simdjson::dom::parser empty_parser;
  thread_local array empty = [] {
    array e;
    if (empty_parser.parse("[]", 2).get_array().get(e)) std::abort();  // cannot fail
    return e;
  }();
  return empty;
}

bool Fail(std::string* error, std::string_view what) {
  *error = std::string(what);
  return false;
}

}  // namespace

bool LooksLikeAnalysisJsonLines(std::string_view bytes) {
  size_t i = 0;
  while (i < bytes.size() && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r' || bytes[i] == '\n')) ++i;
  if (i >= bytes.size() || bytes[i] != '{') return false;
  // Our writer puts schema_version first and blocks soon after; look only at the start of line one.
  const size_t nl = bytes.find('\n', i);
  const std::string_view first = bytes.substr(i, nl == std::string_view::npos ? bytes.size() - i : nl - i);
  return first.substr(0, 40).find("\"schema_version\"") != std::string_view::npos &&
         first.find("\"blocks\":") != std::string_view::npos;
}

bool ParseAnalysisJson(std::string_view line, CorpusDocument* out, std::string* error) {
  thread_local simdjson::dom::parser parser;
  element root;
  if (auto err = parser.parse(line.data(), line.size()).get(root)) return Fail(error, simdjson::error_message(err));
  if (!root.is_object() || root["schema_version"].error() || root["blocks"].error())
    return Fail(error, "not a dossier analysis (no schema_version or blocks)");
  CorpusDocument& c = *out;
  c = CorpusDocument();
  c.content_hash = ContentHash(line);
  element source;
  if (root["source"].get(source) || !source.is_object()) return Fail(error, "no source object");
  c.path = std::string(Str(source, "path"));
  if (c.path.empty()) return Fail(error, "no source.path");
  c.format = std::string(Str(source, "format"));
  if (c.format.empty()) c.format = "text";
  c.size_bytes = U64(source, "size_bytes");
  c.encoding = std::string(Str(source, "encoding"));
  c.title = std::string(Str(root, "title"));
  c.site = std::string(Str(root, "site"));
  c.url = std::string(Str(root, "url"));
  c.published = std::string(Str(root, "published"));
  c.language = std::string(Str(root, "language"));
  element meta;
  if (!root["metadata"].get(meta) && meta.is_object()) {
    element v;
    if (!meta["description"].get(v) && v.is_object()) c.description = std::string(Str(v, "value"));
    if (!meta["section"].get(v) && v.is_object()) c.section = std::string(Str(v, "value"));
  }
  for (element b : Arr(root, "bylines")) {
    std::string_view s;
    if (!b.get_string().get(s)) c.bylines.emplace_back(s);
  }
  element tref;
  if (!root["time_reference"].get(tref) && tref.is_object()) c.time_reference = std::string(Str(tref, "value"));

  // Blocks, and the canonical text rebuilt from them: each block's text at its canonical offsets,
  // '\n' between blocks (the text the mentions' begin/end point into).
  for (element b : Arr(root, "blocks")) {
    CorpusDocument::Block o;
    if (!store::BlockKindFromName(Str(b, "kind"), &o.kind)) return Fail(error, "a block of unknown kind");
    const int64_t story = IndexOrNull(b, "story");
    o.story = story < 0 ? kNoStory : static_cast<int32_t>(story);
    o.line = static_cast<uint32_t>(U64(b, "line"));
    o.begin = static_cast<uint32_t>(U64(b, "begin"));
    o.end = static_cast<uint32_t>(U64(b, "end"));
    o.source_begin = U64(b, "source_begin");
    o.source_end = U64(b, "source_end");
    const std::string_view text = Str(b, "text");
    if (o.end < o.begin || text.size() != o.end - o.begin || o.begin < c.text.size())
      return Fail(error, "block offsets do not match their text");
    c.text.resize(o.begin, '\n');
    c.text.append(text);
    c.blocks.push_back(o);
  }
  for (element s : Arr(root, "stories")) {
    CorpusDocument::Story o;
    o.title = std::string(Str(s, "title"));
    o.title_block = static_cast<int32_t>(IndexOrNull(s, "title_block"));
    o.first_block = static_cast<uint32_t>(U64(s, "first_block"));
    o.last_block = static_cast<uint32_t>(U64(s, "last_block"));
    o.source_begin = U64(s, "source_begin");
    o.source_end = U64(s, "source_end");
    c.stories.push_back(std::move(o));
  }
  for (element e : Arr(root, "entities")) {
    CorpusDocument::Entity o;
    if (U64(e, "id") != c.entities.size()) return Fail(error, "entity ids are not 0, 1, 2, ...");
    if (!store::EntityTypeFromName(Str(e, "type"), &o.type)) return Fail(error, "an entity of unknown type");
    o.name = std::string(Str(e, "name"));
    const uint32_t id = static_cast<uint32_t>(c.entities.size());
    c.entities.push_back(std::move(o));
    for (element m : Arr(e, "mentions")) {
      CorpusDocument::Mention mo;
      mo.entity = id;
      mo.begin = static_cast<uint32_t>(U64(m, "begin"));
      mo.end = static_cast<uint32_t>(U64(m, "end"));
      if (mo.end < mo.begin || mo.end > c.text.size()) return Fail(error, "a mention outside the text");
      mo.source_begin = U64(m, "source_begin");
      mo.source_end = U64(m, "source_end");
      mo.description = Bool(m, "description");
      c.mentions.push_back(mo);
    }
  }
  for (element q : Arr(root, "quotes")) {
    CorpusDocument::Quote o;
    if (!store::QuoteTypeFromName(Str(q, "type"), &o.type)) return Fail(error, "a quote of unknown type");
    o.text = std::string(Str(q, "text"));
    o.source_begin = U64(q, "source_begin");
    o.source_end = U64(q, "source_end");
    element sp;
    if (!q["speaker"].get(sp) && sp.is_object()) {
      o.has_speaker = true;
      o.speaker_text = std::string(Str(sp, "text"));
      o.speaker_name = std::string(Str(sp, "name"));
      o.speaker_entity = static_cast<int32_t>(IndexOrNull(sp, "entity"));
      o.speaker_source_begin = U64(sp, "source_begin");
      o.speaker_source_end = U64(sp, "source_end");
    }
    o.cue = std::string(Str(q, "cue"));
    o.cue_begin = U64(q, "cue_begin");
    o.cue_end = U64(q, "cue_end");
    c.quotes.push_back(std::move(o));
  }
  for (element x : Arr(root, "timexes")) {
    CorpusDocument::Timex o;
    if (!store::TimexTypeFromName(Str(x, "type"), &o.type)) return Fail(error, "a time expression of unknown type");
    o.text = std::string(Str(x, "text"));
    o.value = std::string(Str(x, "value"));
    o.mod = std::string(Str(x, "mod"));
    o.source_begin = U64(x, "source_begin");
    o.source_end = U64(x, "source_end");
    c.timexes.push_back(std::move(o));
  }
  for (element a : Arr(root, "amounts")) {
    CorpusDocument::Amount o;
    if (!store::AmountKindFromName(Str(a, "kind"), &o.kind)) return Fail(error, "an amount of unknown kind");
    o.text = std::string(Str(a, "text"));
    o.unit = std::string(Str(a, "unit"));
    o.modifier = std::string(Str(a, "modifier"));
    o.value = Num(a, "value");
    bool high = false;
    o.high = Num(a, o.kind == AmountKind::kTally ? "against" : "high", &high);
    o.has_high = high;
    o.approximate = Bool(a, "approximate");
    o.source_begin = U64(a, "source_begin");
    o.source_end = U64(a, "source_end");
    c.amounts.push_back(std::move(o));
  }
  store::FillDisplayTitle(&c);
  return true;
}

}  // namespace dossier
