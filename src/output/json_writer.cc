// A small streaming JSON writer: documents are written straight into one string buffer, with no
// intermediate tree, because output formatting is on the hot path of `analyze`.
#include <charconv>
#include <cstdio>

#include "dossier/output.h"
#include "output/json_members.h"
#include "output/metadata_json.h"
#include "output/quotes_json.h"
#include "output/time_json.h"

namespace dossier {

using json::AppendInt;
using json::AppendUint;
using json::Members;

void AppendJsonString(std::string_view s, std::string* out) {
  out->push_back('"');
  size_t run = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out->append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      default: {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\u%04x", c);
        out->append(buf);
      }
    }
  }
  out->append(s.data() + run, s.size() - run);
  out->push_back('"');
}

void WriteDocumentJson(const Document& doc, const JsonOptions& options, std::string* out,
                       const JsonFlush& flush) {
  // Every list that grows with the input flushes (a file that repeats itself has as many
  // duplicates as paragraphs).
  constexpr size_t kFlushAt = size_t{1} << 20;
  auto maybe_flush = [&]() {
    if (flush && out->size() >= kFlushAt) flush(out);
  };
  Members top(out, '{', '}');
  if (!options.id_json.empty()) top.Raw("id", options.id_json);
  top.Str("schema_version", kSchemaVersion);
  {
    top.Key("source");
    Members src(out, '{', '}');
    src.Str("path", doc.source.path);
    src.Str("format", doc.source.format);
    src.Uint("size_bytes", doc.source.size_bytes);
    src.Str("encoding", doc.source.encoding);
    src.Uint("invalid_bytes_replaced", doc.source.invalid_bytes_replaced);
    src.Uint("lines", doc.source.lines);
    if (doc.source.gzip) src.Raw("gzip", "true");
    if (!doc.source.encoding_evidence.empty()) src.Str("encoding_evidence", doc.source.encoding_evidence);
    if (doc.source.from_warc) json::WriteWarcOrigin(doc.source.warc, src);
  }
  if (doc.source.format == "html") {
    // Page metadata: the plain fields and, with their evidence, the `metadata` object.
    json::WritePlainMetadata(doc.metadata, top);
    json::WriteMetadataWithEvidence(doc.metadata, top);
  }
  {
    top.Key("blocks");
    Members blocks(out, '[', ']');
    for (const Block& b : doc.blocks) {
      maybe_flush();
      blocks.Next();
      Members o(out, '{', '}');
      o.Str("kind", BlockKindName(b.kind));
      o.Str("text", doc.Text(b.span));
      o.IndexOrNull("story", b.story);
      o.SourceRange(b.source_begin, b.source_end);
      o.Uint("line", b.line);
      o.Uint("begin", b.span.begin);
      o.Uint("end", b.span.end);
      if (b.has_html_kind) {
        o.Str("html_kind", HtmlBlockKindName(b.html_kind));
        if (b.level) o.Uint("level", b.level);
      }
      if (b.kind == BlockKind::kCaption) {
        if (b.credit.empty()) {
          o.Raw("credit", "null");
        } else {
          {
            o.Key("credit");
            Members credit(out, '{', '}');
            credit.Str("text", doc.Text(b.credit));
            credit.SourceRange(doc.SourceBegin(b.credit), doc.SourceEnd(b.credit));
          }
          // The caption without its credit, for people who want only the description.
          Span desc{b.span.begin, b.credit.begin};
          while (desc.end > desc.begin && (doc.text[desc.end - 1] == ' ' || doc.text[desc.end - 1] == '|'))
            --desc.end;
          o.Str("caption", doc.Text(desc));
        }
      }
      char conf[16];
      std::snprintf(conf, sizeof conf, "%.3f", b.confidence);
      o.Raw("confidence", conf);
    }
  }
  {
    top.Key("stories");
    Members stories(out, '[', ']');
    for (size_t i = 0; i < doc.stories.size(); ++i) {
      const Story& s = doc.stories[i];
      stories.Next();
      Members o(out, '{', '}');
      o.Uint("index", i);
      o.Str("title", s.title);
      o.IndexOrNull("title_block", s.title_block);
      o.Uint("first_block", s.first_block);
      o.Uint("last_block", s.last_block);
      o.SourceRange(doc.blocks[s.first_block].source_begin, doc.blocks[s.last_block].source_end);
    }
  }
  {
    top.Key("duplicates");
    Members duplicates(out, '[', ']');
    for (const Duplicate& d : doc.duplicates) {
      maybe_flush();
      duplicates.Next();
      Members o(out, '{', '}');
      o.Str("text", doc.Text(d.kept));
      {
        o.Key("kept");
        Members kept(out, '{', '}');
        kept.SourceRange(doc.SourceBegin(d.kept), doc.SourceEnd(d.kept));
      }
      o.Key("removed");
      Members removed(out, '{', '}');
      removed.SourceRange(d.repeat_source_begin, d.repeat_source_end);
    }
  }
  {
    top.Key("repairs");
    Members repairs(out, '[', ']');
    for (const Repair& r : doc.repairs) {
      maybe_flush();
      repairs.Next();
      Members o(out, '{', '}');
      o.Str("kind", RepairKindName(r.kind));
      o.Str("before", r.before);
      o.Str("after", doc.Text(r.span));
      o.SourceRange(doc.SourceBegin(r.span), doc.SourceEnd(r.span));
    }
  }
  if (options.sentences) {
    top.Key("sentences");
    Members sentences(out, '[', ']');
    for (const Sentence& s : doc.sentences) {
      maybe_flush();
      sentences.Next();
      Members o(out, '{', '}');
      o.Uint("block", s.block);
      o.SourceRange(doc.SourceBegin(s.span), doc.SourceEnd(s.span));
      o.Uint("tokens", s.token_count);
    }
  }
  if (options.tokens) {
    top.Key("tokens");
    Members tokens(out, '[', ']');
    for (const Token& t : doc.tokens) {
      maybe_flush();
      // [source_begin, source_end, kind]: compact, since there are many.
      std::string* o = tokens.Next();
      o->push_back('[');
      AppendUint(doc.SourceBegin(t.span), o);
      o->push_back(',');
      AppendUint(doc.SourceEnd(t.span), o);
      o->push_back(',');
      AppendJsonString(TokenKindName(t.kind), o);
      o->push_back(']');
    }
  }
  if (options.entities) {
    // Entities: each with its canonical name, aliases and every mention's input offsets.
    Members entities(top.Key("entities"), '[', ']');
    for (const Entity& e : doc.entities) {
      maybe_flush();
      Members o(entities.Next(), '{', '}');
      o.Uint("id", e.id);
      o.Str("type", EntityTypeName(e.type));
      o.Str("name", e.name);
      {
        Members aliases(o.Key("aliases"), '[', ']');
        for (const auto& a : e.aliases) AppendJsonString(a, aliases.Next());
      }
      Members mentions(o.Key("mentions"), '[', ']');
      for (const LinkedMention& m : e.mentions) {
        Members mo(mentions.Next(), '{', '}');
        mo.Str("text", doc.Text(m.span));
        mo.SourceRange(doc.SourceBegin(m.span), doc.SourceEnd(m.span));
        mo.Uint("begin", m.span.begin);
        mo.Uint("end", m.span.end);
        if (m.tagger_index < 0) mo.Raw("description", "true");
      }
    }
  }
  if (options.time) json::WriteTimeSections(doc, top);  // timexes, amounts, time_reference, timeline
  if (options.quotes) json::WriteQuotes(doc, top);     // quotations and reported speech with their speakers
}

}  // namespace dossier
