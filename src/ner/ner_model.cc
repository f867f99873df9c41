#include "ner/ner_model.h"

#include <zlib.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <fstream>
#include <numeric>
#include <random>
#include <sstream>

#include "ner/viterbi.h"
#include "ner/word_shape.h"

namespace dossier::ner {

namespace {
constexpr char kMagic[4] = {'D', 'S', 'L', 'M'};
constexpr uint32_t kFormatVersion = 1;  // the header layout shared with LinearModel
constexpr uint32_t kNerVersion = 2;     // the payload below the header (2: more non-local features)

template <typename T>
void Put(std::string* out, const T& v) {
  out->append(reinterpret_cast<const char*>(&v), sizeof(T));
}
template <typename T>
bool Get(const std::string& in, size_t* pos, T* v) {
  if (*pos + sizeof(T) > in.size()) return false;
  std::memcpy(v, in.data() + *pos, sizeof(T));
  *pos += sizeof(T);
  return true;
}
void PutString(std::string* out, const std::string& s) {
  Put<uint32_t>(out, static_cast<uint32_t>(s.size()));
  out->append(s);
}
bool GetString(const std::string& in, size_t* pos, std::string* s) {
  uint32_t n = 0;
  if (!Get(in, pos, &n) || n > (1u << 20) || *pos + n > in.size()) return false;
  s->assign(in, *pos, n);
  *pos += n;
  return true;
}

// Training sentences: (doc, sentence) pairs.
struct SentenceRef {
  uint32_t doc, sentence;
};

// Trains one perceptron on documents whose features are already extracted.
StructuredPerceptron TrainPerceptron(const std::vector<const NerDoc*>& docs, const std::vector<DocFeatures>& feats,
                                     const TrainOptions& options, uint32_t seed, const std::string& name,
                                     bool report) {
  StructuredPerceptron model(options.bits);
  std::vector<SentenceRef> order;
  for (uint32_t d = 0; d < docs.size(); ++d)
    for (uint32_t s = 0; s < docs[d]->sentences(); ++s) order.push_back({d, s});
  std::mt19937 rng(seed);
  StructuredPerceptron::Scratch scratch;
  std::vector<int> guess;
  for (uint32_t e = 0; e < options.epochs; ++e) {
    std::shuffle(order.begin(), order.end(), rng);
    for (const SentenceRef& r : order) {
      const NerDoc& doc = *docs[r.doc];
      const uint32_t b = doc.SentenceBegin(r.sentence), end = doc.SentenceEnd(r.sentence);
      model.TrainSentence(feats[r.doc].ids.data(), feats[r.doc].offsets.data() + b, end - b, doc.gold.data() + b,
                          &scratch, &guess);
    }
    if (report && options.on_epoch) options.on_epoch(name, e + 1);
  }
  model.Finish();
  return model;
}
}  // namespace

uint64_t FingerprintDocs(const std::vector<NerDoc>& docs) {
  uint64_t h = 14695981039346656037ull;
  for (const NerDoc& d : docs) {
    for (size_t s = 0; s < d.sentences(); ++s) {
      for (uint32_t t = d.SentenceBegin(s); t < d.SentenceEnd(s); ++t) {
        h = Hash64(d.words[t], h);
        h = Hash64(Iob2Tag(t < d.gold.size() ? d.gold[t] : 0), h);
      }
      h = Hash64("\n", h);
    }
    h = Hash64("-DOCSTART-", h);
  }
  return h;
}

bool NerModel::LoadResources(const std::string& gazetteer_dir, const std::string& clusters_path,
                             std::string* error) {
  gazetteers_ = Gazetteers();
  clusters_ = WordClusters();
  return gazetteers_.LoadDir(gazetteer_dir, error) && clusters_.Load(clusters_path, error);
}

void NerModel::SetResources(Gazetteers gazetteers, WordClusters clusters) {
  gazetteers_ = std::move(gazetteers);
  clusters_ = std::move(clusters);
}

void NerModel::TagStage1(const StructuredPerceptron& model, const NerDoc& doc, Workspace* ws,
                         std::vector<int>* out) const {
  out->assign(doc.words.size(), 0);
  for (size_t s = 0; s < doc.sentences(); ++s) {
    const uint32_t b = doc.SentenceBegin(s), e = doc.SentenceEnd(s);
    model.Decode(ws->base.ids.data(), ws->base.offsets.data() + b, e - b, out->data() + b, &ws->scratch);
  }
}

void NerModel::TagReference(const NerDoc& doc, std::vector<int>* labels) const {
  Workspace ws;
  ws.extractor = std::make_unique<FeatureExtractor>(&gazetteers_, &clusters_, groups_);
  ws.extractor->Extract(doc, &ws.base);
  if (!two_stage_) {
    TagStage1(stage1_, doc, &ws, labels);
    return;
  }
  TagStage1(stage1_, doc, &ws, &ws.stage1);
  ws.extractor->AddNonLocal(doc, ws.base, ws.stage1, &ws.full);
  labels->assign(doc.words.size(), 0);
  for (size_t s = 0; s < doc.sentences(); ++s) {
    const uint32_t b = doc.SentenceBegin(s), e = doc.SentenceEnd(s);
    stage2_.Decode(ws.full.ids.data(), ws.full.offsets.data() + b, e - b, labels->data() + b, &ws.scratch);
  }
}

bool NerModel::BuildTables() {
  static std::atomic<uint64_t> next_id{1};
  id_ = next_id++;
  return tables_.Build(stage1_, two_stage_ ? &stage2_ : nullptr);
}

void NerModel::Tag(const NerDoc& doc, std::vector<int>* labels, Workspace* ws) const {
  constexpr int L = kLabels, W = EmissionTables::kWidth;
  // The extractor points into this object and the sums are of these weights: both must match.
  if (!ws->extractor || ws->owner != id_ || ws->owner_address != this) {
    ws->extractor = std::make_unique<FeatureExtractor>(&gazetteers_, &clusters_, groups_);
    ws->owner = id_;
    ws->owner_address = this;
    ws->word_done.clear();
    ws->generation = ws->extractor->generation();
  }
  FeatureExtractor& fx = *ws->extractor;
  fx.Extract(doc, &ws->base, /*split=*/true);
  if (ws->generation != fx.generation()) {
    ws->word_done.clear();
    ws->generation = fx.generation();
  }
  const size_t n = doc.words.size();
  labels->assign(n, 0);
  if (n == 0) return;
  if (ws->base.offsets.size() != n + 1) {  // words outside every sentence: never tagged
    TagReference(doc, labels);
    return;
  }
  // Word-only features: summed once per distinct word (exact integers, so the order of the sums
  // does not matter), then every token starts from its word's sums.
  ws->word_done.resize(fx.type_count(), 0);
  ws->word_sums.resize(fx.type_count() * W);
  ws->em1.resize(n * L);
  ws->em2.resize(n * L);
  const std::vector<uint32_t>& types = fx.token_types();
  for (size_t t = 0; t < n; ++t) {
    const uint32_t type = types[t];
    int32_t* sums = &ws->word_sums[static_cast<size_t>(type) * W];
    if (!ws->word_done[type]) {
      fx.WordFeatures(type, &ws->word_ids);
      const uint32_t offsets[2] = {0, static_cast<uint32_t>(ws->word_ids.size())};
      std::fill(sums, sums + W, 0);
      tables_.Add(ws->word_ids.data(), offsets, 1, sums, sums + L, &ws->rows);
      ws->word_done[type] = 1;
    }
    std::copy(sums, sums + L, &ws->em1[t * L]);
    std::copy(sums + L, sums + W, &ws->em2[t * L]);
  }
  tables_.Add(ws->base.ids.data(), ws->base.offsets.data(), n, ws->em1.data(),
              two_stage_ ? ws->em2.data() : nullptr, &ws->rows);
  std::vector<int>& stage1 = two_stage_ ? ws->stage1 : *labels;
  stage1.assign(n, 0);
  for (size_t s = 0; s < doc.sentences(); ++s) {
    const uint32_t b = doc.SentenceBegin(s), e = doc.SentenceEnd(s);
    ViterbiDecode(&ws->em1[static_cast<size_t>(b) * L], e - b, tables_.transitions(0), stage1.data() + b, &ws->score,
                  &ws->back);
  }
  if (!two_stage_) return;
  fx.ExtractNonLocal(doc, stage1, &ws->nonlocal);
  tables_.Add(ws->nonlocal.ids.data(), ws->nonlocal.offsets.data(), n, nullptr, ws->em2.data(), &ws->rows);
  for (size_t s = 0; s < doc.sentences(); ++s) {
    const uint32_t b = doc.SentenceBegin(s), e = doc.SentenceEnd(s);
    ViterbiDecode(&ws->em2[static_cast<size_t>(b) * L], e - b, tables_.transitions(1), labels->data() + b,
                  &ws->score, &ws->back);
  }
}

void NerModel::Train(const std::vector<NerDoc>& docs, const TrainOptions& options) {
  groups_ = options.groups;
  two_stage_ = options.two_stage;
  FeatureExtractor extractor(&gazetteers_, &clusters_, groups_);
  std::vector<DocFeatures> base(docs.size());
  std::vector<const NerDoc*> all;
  for (size_t d = 0; d < docs.size(); ++d) {
    extractor.Extract(docs[d], &base[d]);
    all.push_back(&docs[d]);
  }
  stage1_ = TrainPerceptron(all, base, options, options.seed, "stage1", true);
  if (two_stage_) {
    // Stage-1 labels of the training documents from models that did not see them (jackknife),
    // so stage 2 learns how far to trust stage 1 on unseen text.
    std::vector<std::vector<int>> stage1_labels(docs.size());
    const uint32_t folds = std::max<uint32_t>(2, options.folds);
    TrainOptions fold_options = options;
    for (uint32_t k = 0; k < folds; ++k) {
      std::vector<const NerDoc*> train_docs;
      std::vector<DocFeatures> train_feats;
      for (size_t d = 0; d < docs.size(); ++d)
        if (d % folds != k) {
          train_docs.push_back(&docs[d]);
          train_feats.push_back(base[d]);
        }
      StructuredPerceptron fold_model = TrainPerceptron(train_docs, train_feats, fold_options,
                                                        options.seed + 1 + k, "fold", false);
      Workspace ws;
      for (size_t d = k; d < docs.size(); d += folds) {
        ws.base = base[d];
        TagStage1(fold_model, docs[d], &ws, &stage1_labels[d]);
      }
    }
    std::vector<DocFeatures> full(docs.size());
    for (size_t d = 0; d < docs.size(); ++d) {
      extractor.Extract(docs[d], &base[d]);  // AddNonLocal reuses the per-token state of Extract
      extractor.AddNonLocal(docs[d], base[d], stage1_labels[d], &full[d]);
    }
    base.clear();
    stage2_ = TrainPerceptron(all, full, options, options.seed + 100, "stage2", true);
  }
  // Provenance: training data, resources and settings.
  fingerprint_ = FingerprintDocs(docs);
  fingerprint_ = Combine(fingerprint_, gazetteers_.fingerprint());
  fingerprint_ = Combine(fingerprint_, clusters_.fingerprint());
  std::ostringstream s;
  s << "ner seed=" << options.seed << " epochs=" << options.epochs << " bits=" << options.bits
    << " groups=" << options.groups << " two_stage=" << options.two_stage << " folds=" << options.folds
    << " gazetteers=" << gazetteers_.names().size() << " clusters=" << (clusters_.empty() ? "no" : "yes");
  settings_ = s.str();
  BuildTables();
}

bool NerModel::Save(const std::string& path, std::string* error) const {
  std::string out(kMagic, 4);
  Put(&out, kFormatVersion);
  PutString(&out, "ner");
  Put(&out, fingerprint_);
  PutString(&out, settings_);
  Put(&out, kNerVersion);
  Put(&out, groups_);
  Put<uint32_t>(&out, two_stage_ ? 1 : 0);
  Put(&out, gazetteers_.fingerprint());
  Put(&out, clusters_.fingerprint());
  std::string raw;
  stage1_.Serialize(&raw);
  if (two_stage_) stage2_.Serialize(&raw);
  uLongf packed_size = compressBound(raw.size());
  std::string packed(packed_size, '\0');
  if (compress2(reinterpret_cast<Bytef*>(packed.data()), &packed_size, reinterpret_cast<const Bytef*>(raw.data()),
                raw.size(), 9) != Z_OK) {
    *error = "cannot compress the model";
    return false;
  }
  packed.resize(packed_size);
  Put<uint64_t>(&out, raw.size());
  Put<uint64_t>(&out, packed.size());
  out += packed;
  std::ofstream f(path, std::ios::binary);
  f.write(out.data(), static_cast<std::streamsize>(out.size()));
  if (!f) {
    *error = "cannot write " + path;
    return false;
  }
  return true;
}

bool NerModel::Load(const std::string& path, std::string* error) {
  std::ifstream f(path, std::ios::binary);
  if (!f) {
    *error = "cannot open model " + path;
    return false;
  }
  std::ostringstream ss;
  ss << f.rdbuf();
  const std::string in = ss.str();
  size_t pos = 0;
  uint32_t version = 0, ner_version = 0, two = 0;
  std::string kind;
  if (in.size() < 4 || std::memcmp(in.data(), kMagic, 4) != 0) {
    *error = path + ": not a Dossier model (bad magic number)";
    return false;
  }
  pos = 4;
  if (!Get(in, &pos, &version) || version != kFormatVersion) {
    *error = path + ": unsupported model format version " + std::to_string(version);
    return false;
  }
  if (!GetString(in, &pos, &kind) || kind != "ner") {
    *error = path + ": model is for '" + kind + "', expected 'ner'";
    return false;
  }
  uint64_t gaz_fp = 0, cl_fp = 0, raw_size = 0, packed_size = 0;
  if (!Get(in, &pos, &fingerprint_) || !GetString(in, &pos, &settings_) || !Get(in, &pos, &ner_version) ||
      ner_version != kNerVersion || !Get(in, &pos, &groups_) || !Get(in, &pos, &two) || !Get(in, &pos, &gaz_fp) ||
      !Get(in, &pos, &cl_fp) || !Get(in, &pos, &raw_size) || !Get(in, &pos, &packed_size) ||
      packed_size != in.size() - pos || raw_size > (1ull << 32)) {
    *error = path + ": truncated or corrupt model header";
    return false;
  }
  two_stage_ = two != 0;
  if (gaz_fp != gazetteers_.fingerprint() || cl_fp != clusters_.fingerprint()) {
    *error = path + ": the model was trained with other gazetteer or cluster files than the ones loaded";
    return false;
  }
  std::string raw(raw_size, '\0');
  uLongf out_size = raw_size;
  if (uncompress(reinterpret_cast<Bytef*>(raw.data()), &out_size, reinterpret_cast<const Bytef*>(in.data() + pos),
                 packed_size) != Z_OK ||
      out_size != raw_size) {
    *error = path + ": corrupt model weights";
    return false;
  }
  size_t p = 0;
  if (!stage1_.Deserialize(raw, &p) || (two_stage_ && !stage2_.Deserialize(raw, &p)) || p != raw.size()) {
    *error = path + ": corrupt model weights";
    return false;
  }
  if (!BuildTables()) {
    *error = path + ": corrupt model weights (stages of different sizes)";
    return false;
  }
  return true;
}

}  // namespace dossier::ner
