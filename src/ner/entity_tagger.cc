// EntityTagger: Document tokens -> the tagger's words (possessive 's split off, typographic quotes
// and dashes read as CoNLL writes them) -> labels -> mentions over Document tokens.
#include "dossier/entities.h"

#include "dossier/pipeline.h"
#include "ner/ner_doc.h"
#include "ner/ner_model.h"
#include "ner/tags.h"

namespace dossier {

std::string_view EntityTypeName(EntityType type) {
  switch (type) {
    case EntityType::kPerson: return "PER";
    case EntityType::kLocation: return "LOC";
    case EntityType::kOrganization: return "ORG";
    case EntityType::kMisc: return "MISC";
  }
  return "MISC";
}

namespace {
// One tagger workspace per thread, kept across documents: it caches per-word work (the model
// checks that the cache is its own).
ner::NerModel::Workspace& Workspace() {
  thread_local ner::NerModel::Workspace ws;
  return ws;
}
}  // namespace

struct EntityTagger::Impl {
  ner::NerModel model;
  EntityTaggerOptions options;
};

EntityTagger::EntityTagger() : impl_(std::make_unique<Impl>()) {}
EntityTagger::~EntityTagger() = default;

std::unique_ptr<EntityTagger> EntityTagger::Create(const EntityTaggerOptions& options, std::string* error) {
  std::unique_ptr<EntityTagger> t(new EntityTagger());
  t->impl_->options = options;
  const std::string data = ResolveDataDir(options.data_dir);
  const std::string model = options.model_path.empty() ? ResolveModelDir("") + "/ner.model" : options.model_path;
  if (!t->impl_->model.LoadResources(data + "/gazetteers", data + "/ner/clusters.txt", error) ||
      !t->impl_->model.Load(model, error))
    return nullptr;
  return t;
}

namespace {

// Where a tagger word came from: a Document token, and the bytes of it the word covers.
struct WordSource {
  uint32_t token;
  Span span;
};

bool EndsWithPossessive(std::string_view w, size_t* stem) {
  // 's or ’s (U+2019 is 3 bytes) after at least one character.
  if (w.size() > 2 && (w.substr(w.size() - 2) == "'s" || w.substr(w.size() - 2) == "'S")) {
    *stem = w.size() - 2;
    return true;
  }
  if (w.size() > 4 && (w.substr(w.size() - 4) == "\xE2\x80\x99s" || w.substr(w.size() - 4) == "\xE2\x80\x99S")) {
    *stem = w.size() - 4;
    return true;
  }
  return false;
}

}  // namespace

std::vector<EntityMention> EntityTagger::Tag(const Document& doc) const {
  ner::NerDoc nd;
  std::vector<WordSource> sources;
  std::vector<uint32_t> sentence_of;  // tagger sentence -> Document sentence
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    const Sentence& sent = doc.sentences[s];
    if (sent.duplicate || sent.token_count == 0) continue;
    if (impl_->options.article_only && sent.block < doc.blocks.size() &&
        !IsArticleKind(doc.blocks[sent.block].kind) && doc.blocks[sent.block].kind != BlockKind::kCaption)
      continue;
    nd.sentence_starts.push_back(static_cast<uint32_t>(nd.words.size()));
    sentence_of.push_back(s);
    for (uint32_t t = sent.first_token; t < sent.first_token + sent.token_count && t < doc.tokens.size(); ++t) {
      const Token& tok = doc.tokens[t];
      std::string_view w = doc.Text(tok.span);
      size_t stem = 0;
      if (tok.kind == TokenKind::kWord && EndsWithPossessive(w, &stem)) {
        nd.words.push_back(w.substr(0, stem));
        sources.push_back({t, {tok.span.begin, tok.span.begin + static_cast<uint32_t>(stem)}});
        nd.words.push_back("'s");
        sources.push_back({t, {tok.span.begin + static_cast<uint32_t>(stem), tok.span.end}});
        continue;
      }
      if (tok.kind == TokenKind::kQuote) w = (w == "'" || w == "\xE2\x80\x98" || w == "\xE2\x80\x99") ? "'" : "\"";
      else if (tok.kind == TokenKind::kDash) w = "-";
      nd.words.push_back(w);
      sources.push_back({t, tok.span});
    }
  }
  std::vector<int> labels;
  impl_->model.Tag(nd, &labels, &Workspace());
  std::vector<EntityMention> out;
  for (size_t s = 0; s < nd.sentences(); ++s) {
    const uint32_t b = nd.SentenceBegin(s), e = nd.SentenceEnd(s);
    for (const ner::Phrase& p : ner::PhrasesFromLabels(labels.data() + b, e - b)) {
      uint32_t first = b + p.first, last = b + p.last;
      // A possessive 's is never part of a name.
      while (last > first && nd.words[last] == "'s" && sources[last].token == sources[last - 1].token) --last;
      EntityMention m;
      m.type = static_cast<EntityType>(p.type);
      m.first_token = sources[first].token;
      m.token_count = sources[last].token - sources[first].token + 1;
      m.span = {sources[first].span.begin, sources[last].span.end};
      m.sentence = sentence_of[s];
      out.push_back(m);
    }
  }
  return out;
}

std::vector<std::vector<std::string_view>> EntityTagger::TagWords(
    const std::vector<std::vector<std::string_view>>& sentences) const {
  ner::NerDoc nd;
  for (const auto& s : sentences) {
    nd.sentence_starts.push_back(static_cast<uint32_t>(nd.words.size()));
    nd.words.insert(nd.words.end(), s.begin(), s.end());
  }
  // Empty sentences have no words; keep the starts strictly meaningful for the tagger.
  std::vector<int> labels;
  impl_->model.Tag(nd, &labels, &Workspace());
  std::vector<std::vector<std::string_view>> out(sentences.size());
  size_t k = 0;
  for (size_t s = 0; s < sentences.size(); ++s)
    for (size_t i = 0; i < sentences[s].size(); ++i) out[s].push_back(ner::Iob2Tag(labels[k++]));
  return out;
}

}  // namespace dossier
