// The stored form of an analysis (CorpusDocument), built from a Document, and what is derived
// from it: the content hash and the entity summaries for corpus linking.
#include <algorithm>
#include <cstring>

#include "dossier/corpus_store.h"
#include "store/document_title.h"

namespace dossier {
namespace {

constexpr uint64_t kP1 = 0x9E3779B185EBCA87ull, kP2 = 0xC2B2AE3D27D4EB4Full;

uint64_t Rotl(uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }

uint64_t Mix(uint64_t h) {  // splitmix64's finaliser: every input bit reaches every output bit
  h ^= h >> 30;
  h *= 0xBF58476D1CE4E5B9ull;
  h ^= h >> 27;
  h *= 0x94D049BB133111EBull;
  return h ^ (h >> 31);
}

}  // namespace

std::string ContentHash(std::string_view bytes) {
  // Two lanes with different seeds and update rules, 8 bytes at a time: a change anywhere changes
  // both; 128 bits make an accidental collision between two versions of a file negligible.
  uint64_t a = 0x243F6A8885A308D3ull ^ bytes.size(), b = 0x13198A2E03707344ull + bytes.size() * kP2;
  size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, bytes.data() + i, 8);
    a = Rotl(a ^ (w * kP1), 31) * kP2;
    b = Rotl(b + w, 27) * kP1 + a;
  }
  uint64_t tail = 0;
  if (i < bytes.size()) std::memcpy(&tail, bytes.data() + i, bytes.size() - i);  // never from null
  a = Mix(a ^ tail * kP1);
  b = Mix(b + tail + a);
  char out[33];
  std::snprintf(out, sizeof out, "%016llx%016llx", static_cast<unsigned long long>(a),
                static_cast<unsigned long long>(b));
  return std::string(out, 32);
}

CorpusDocument ToCorpusDocument(const Document& doc) {
  CorpusDocument c;
  c.path = doc.source.path;
  c.format = doc.source.format;
  c.size_bytes = doc.source.size_bytes;
  c.encoding = doc.source.encoding;
  const PageMetadata& md = doc.metadata;
  if (doc.source.format == "html") {
    c.title = md.title.value;
    c.site = md.site.value;
    c.url = md.url.value;
    c.published = md.published.value;
    c.language = md.language.value;
    c.description = md.description.value;
    c.section = md.section.value;
    for (const MetaValue& v : md.bylines) c.bylines.push_back(v.value);
  }
  c.time_reference = doc.time_reference.value;
  c.text = doc.text;
  c.blocks.reserve(doc.blocks.size());
  for (const Block& b : doc.blocks)
    c.blocks.push_back({b.kind, b.story, b.line, b.span.begin, b.span.end, b.source_begin, b.source_end});
  for (const Story& s : doc.stories)
    c.stories.push_back({s.title, s.title_block, s.first_block, s.last_block, doc.blocks[s.first_block].source_begin,
                         doc.blocks[s.last_block].source_end});
  for (const Entity& e : doc.entities) {
    c.entities.push_back({e.type, e.name});
    for (const LinkedMention& m : e.mentions)
      c.mentions.push_back({e.id, m.span.begin, m.span.end, doc.SourceBegin(m.span), doc.SourceEnd(m.span),
                            m.tagger_index < 0});
  }
  for (const Quote& q : doc.quotes) {
    CorpusDocument::Quote o;
    o.type = q.type;
    o.text = std::string(doc.Text(q.content));
    if (!q.content2.empty()) {
      o.text.push_back(' ');
      o.text.append(doc.Text(q.content2));
    }
    const Span whole{q.content.begin, q.content2.empty() ? q.content.end : q.content2.end};
    o.source_begin = doc.SourceBegin(whole);
    o.source_end = doc.SourceEnd(whole);
    if (!q.speaker.empty()) {
      o.has_speaker = true;
      o.speaker_text = std::string(doc.Text(q.speaker));
      o.speaker_name = q.speaker_name;
      o.speaker_entity = q.entity;
      o.speaker_source_begin = doc.SourceBegin(q.speaker);
      o.speaker_source_end = doc.SourceEnd(q.speaker);
    }
    if (!q.cue.empty()) {
      o.cue = std::string(doc.Text(q.cue));
      o.cue_begin = doc.SourceBegin(q.cue);
      o.cue_end = doc.SourceEnd(q.cue);
    }
    c.quotes.push_back(std::move(o));
  }
  for (const Timex& x : doc.timexes)
    c.timexes.push_back({x.type, std::string(doc.Text(x.span)), x.value, x.mod, doc.SourceBegin(x.span),
                         doc.SourceEnd(x.span)});
  for (const Amount& a : doc.amounts) {
    CorpusDocument::Amount o;
    o.kind = a.kind;
    o.text = std::string(doc.Text(a.span));
    o.unit = a.unit;
    o.modifier = a.modifier;
    o.value = a.value;
    o.high = a.high;
    o.has_high = a.has_high;
    o.approximate = a.approximate;
    o.source_begin = doc.SourceBegin(a.span);
    o.source_end = doc.SourceEnd(a.span);
    c.amounts.push_back(std::move(o));
  }
  store::FillDisplayTitle(&c);
  return c;
}

std::vector<EntitySummary> SummariseEntities(const CorpusDocument& doc) {
  std::vector<EntitySummary> out(doc.entities.size());
  for (uint32_t i = 0; i < out.size(); ++i) {
    out[i].entity = i;
    out[i].type = doc.entities[i].type;
    out[i].name = doc.entities[i].name;
  }
  for (const CorpusDocument::Mention& m : doc.mentions) {
    if (m.entity >= out.size() || m.end > doc.text.size() || m.begin > m.end) continue;
    const std::string_view text = std::string_view(doc.text).substr(m.begin, m.end - m.begin);
    auto& surfaces = out[m.entity].surfaces;
    auto it = std::find_if(surfaces.begin(), surfaces.end(), [&](const auto& x) { return x.text == text; });
    if (it == surfaces.end()) surfaces.push_back({std::string(text), 1});
    else ++it->mentions;
  }
  return out;
}

}  // namespace dossier
