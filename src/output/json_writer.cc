// A small streaming JSON writer: documents are written straight into one string buffer, with no
// intermediate tree, because output formatting is on the hot path of `analyze`.
#include <cstdio>

#include "dossier/output.h"

namespace dossier {

namespace {

void AppendUint(uint64_t v, std::string* out) {
  char buf[24];
  int n = std::snprintf(buf, sizeof buf, "%llu", static_cast<unsigned long long>(v));
  out->append(buf, static_cast<size_t>(n));
}
void AppendInt(int64_t v, std::string* out) {
  char buf[24];
  int n = std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(v));
  out->append(buf, static_cast<size_t>(n));
}
void Key(std::string_view k, std::string* out) {
  out->push_back('"');
  out->append(k);
  out->append("\":");
}

}  // namespace

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
  constexpr size_t kFlushAt = size_t{1} << 20;
  auto maybe_flush = [&]() {
    if (flush && out->size() >= kFlushAt) flush(out);
  };
  out->push_back('{');
  Key("schema_version", out);
  AppendJsonString(kSchemaVersion, out);
  out->push_back(',');
  Key("source", out);
  out->push_back('{');
  Key("path", out);
  AppendJsonString(doc.source.path, out);
  out->append(",");
  Key("format", out);
  AppendJsonString(doc.source.format, out);
  out->append(",");
  Key("size_bytes", out);
  AppendUint(doc.source.size_bytes, out);
  out->append(",");
  Key("encoding", out);
  AppendJsonString(doc.source.encoding, out);
  out->append(",");
  Key("invalid_bytes_replaced", out);
  AppendUint(doc.source.invalid_bytes_replaced, out);
  out->append(",");
  Key("lines", out);
  AppendUint(doc.source.lines, out);
  out->append("},");

  Key("blocks", out);
  out->push_back('[');
  for (size_t i = 0; i < doc.blocks.size(); ++i) {
    const Block& b = doc.blocks[i];
    maybe_flush();
    if (i) out->push_back(',');
    out->push_back('{');
    Key("kind", out);
    AppendJsonString(BlockKindName(b.kind), out);
    out->push_back(',');
    Key("text", out);
    AppendJsonString(doc.Text(b.span), out);
    out->push_back(',');
    Key("story", out);
    if (b.story < 0) out->append("null");
    else AppendInt(b.story, out);
    out->push_back(',');
    Key("source_begin", out);
    AppendUint(b.source_begin, out);
    out->push_back(',');
    Key("source_end", out);
    AppendUint(b.source_end, out);
    out->push_back(',');
    Key("line", out);
    AppendUint(b.line, out);
    out->push_back(',');
    Key("begin", out);
    AppendUint(b.span.begin, out);
    out->push_back(',');
    Key("end", out);
    AppendUint(b.span.end, out);
    if (b.kind == BlockKind::kCaption) {
      out->push_back(',');
      Key("credit", out);
      if (b.credit.empty()) {
        out->append("null");
      } else {
        out->push_back('{');
        Key("text", out);
        AppendJsonString(doc.Text(b.credit), out);
        out->push_back(',');
        Key("source_begin", out);
        AppendUint(doc.SourceBegin(b.credit), out);
        out->push_back(',');
        Key("source_end", out);
        AppendUint(doc.SourceEnd(b.credit), out);
        out->push_back('}');
        // The caption without its credit, for people who want only the description.
        Span desc{b.span.begin, b.credit.begin};
        while (desc.end > desc.begin && (doc.text[desc.end - 1] == ' ' || doc.text[desc.end - 1] == '|'))
          --desc.end;
        out->push_back(',');
        Key("caption", out);
        AppendJsonString(doc.Text(desc), out);
      }
    }
    char conf[16];
    std::snprintf(conf, sizeof conf, "%.3f", b.confidence);
    out->push_back(',');
    Key("confidence", out);
    out->append(conf);
    out->push_back('}');
  }
  out->append("],");

  Key("stories", out);
  out->push_back('[');
  for (size_t i = 0; i < doc.stories.size(); ++i) {
    const Story& s = doc.stories[i];
    if (i) out->push_back(',');
    out->push_back('{');
    Key("index", out);
    AppendUint(i, out);
    out->push_back(',');
    Key("title", out);
    AppendJsonString(s.title, out);
    out->push_back(',');
    Key("title_block", out);
    if (s.title_block < 0) out->append("null");
    else AppendInt(s.title_block, out);
    out->push_back(',');
    Key("first_block", out);
    AppendUint(s.first_block, out);
    out->push_back(',');
    Key("last_block", out);
    AppendUint(s.last_block, out);
    out->push_back(',');
    Key("source_begin", out);
    AppendUint(doc.blocks[s.first_block].source_begin, out);
    out->push_back(',');
    Key("source_end", out);
    AppendUint(doc.blocks[s.last_block].source_end, out);
    out->push_back('}');
  }
  out->append("],");

  Key("duplicates", out);
  out->push_back('[');
  for (size_t i = 0; i < doc.duplicates.size(); ++i) {
    const Duplicate& d = doc.duplicates[i];
    if (i) out->push_back(',');
    out->push_back('{');
    Key("text", out);
    AppendJsonString(d.text, out);
    out->push_back(',');
    Key("kept", out);
    out->push_back('{');
    Key("source_begin", out);
    AppendUint(doc.SourceBegin(d.kept), out);
    out->push_back(',');
    Key("source_end", out);
    AppendUint(doc.SourceEnd(d.kept), out);
    out->append("},");
    Key("removed", out);
    out->push_back('{');
    Key("source_begin", out);
    AppendUint(d.repeat_source_begin, out);
    out->push_back(',');
    Key("source_end", out);
    AppendUint(d.repeat_source_end, out);
    out->append("}}");
  }
  out->append("],");

  Key("repairs", out);
  out->push_back('[');
  for (size_t i = 0; i < doc.repairs.size(); ++i) {
    const Repair& r = doc.repairs[i];
    if (i) out->push_back(',');
    out->push_back('{');
    Key("kind", out);
    AppendJsonString(RepairKindName(r.kind), out);
    out->push_back(',');
    Key("before", out);
    AppendJsonString(r.before, out);
    out->push_back(',');
    Key("after", out);
    AppendJsonString(doc.Text(r.span), out);
    out->push_back(',');
    Key("source_begin", out);
    AppendUint(doc.SourceBegin(r.span), out);
    out->push_back(',');
    Key("source_end", out);
    AppendUint(doc.SourceEnd(r.span), out);
    out->push_back('}');
  }
  out->push_back(']');

  if (options.sentences) {
    out->push_back(',');
    Key("sentences", out);
    out->push_back('[');
    for (size_t i = 0; i < doc.sentences.size(); ++i) {
      const Sentence& s = doc.sentences[i];
      maybe_flush();
      if (i) out->push_back(',');
      out->push_back('{');
      Key("block", out);
      AppendUint(s.block, out);
      out->push_back(',');
      Key("source_begin", out);
      AppendUint(doc.SourceBegin(s.span), out);
      out->push_back(',');
      Key("source_end", out);
      AppendUint(doc.SourceEnd(s.span), out);
      out->push_back(',');
      Key("tokens", out);
      AppendUint(s.token_count, out);
      out->push_back('}');
    }
    out->push_back(']');
  }
  if (options.tokens) {
    out->push_back(',');
    Key("tokens", out);
    out->push_back('[');
    for (size_t i = 0; i < doc.tokens.size(); ++i) {
      const Token& t = doc.tokens[i];
      maybe_flush();
      if (i) out->push_back(',');
      out->push_back('[');
      AppendUint(doc.SourceBegin(t.span), out);
      out->push_back(',');
      AppendUint(doc.SourceEnd(t.span), out);
      out->push_back(',');
      AppendJsonString(TokenKindName(t.kind), out);
      out->push_back(']');
    }
    out->push_back(']');
  }
  out->push_back('}');
}

}  // namespace dossier
