// Experiments for `dossier segment` on extracted Choi-format directories: the unsupervised DCM
// lattice at several settings, MAP vs posterior decoding. Not part of the build:
//   g++ -O2 -std=c++20 -Iinclude -Isrc bench/tools/segment_experiment.cc build/libdossier.a -o /tmp/segexp
//   /tmp/segexp DIR...
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>

#include "dossier/segment.h"
#include <map>

#include "segment/boundary_features.h"
#include "segment/segment_lattice.h"
#include "segment/topic_segmenter.h"
#include "segment/unit_segmenter_internal.h"
#include "segment_corpus.h"

using namespace dossier::segment_internal;
using segbench::Doc;

struct Tally {
  std::map<std::string, std::pair<double, int>> by;
  void Add(const std::string& k, double v) { by[k].first += v, by[k].second++; }
  std::string Str() const {
    std::string s;
    for (auto& [k, v] : by) s += k + "=" + std::to_string(v.first / v.second).substr(0, 6) + " ";
    return s;
  }
};

int main(int argc, char** argv) {
  std::vector<Doc> docs;
  for (int i = 1; i < argc; ++i) {
    auto d = segbench::LoadDocs(argv[i]);
    docs.insert(docs.end(), d.begin(), d.end());
  }
  const char* mode = getenv("MODE") ? getenv("MODE") : "grid";
  std::vector<UnitTerms> terms;
  for (auto& d : docs) terms.push_back(ExtractUnitTerms(d.Views()));
  if (std::string(mode) == "grid") {
    for (double prior : {0.5}) {
      std::vector<SegmentLattice> base;
      for (auto& t : terms) base.push_back(DcmLattice(t, prior, 100));
      for (double temp : {1.0, 2.0, 4.0}) {
        for (double pen : {0.5, 1.0, 1.5}) {
          Tally map_pk, mbr_pk[4];
          const double thetas[4] = {0.3, 0.4, 0.5, 0.6};
          for (size_t di = 0; di < docs.size(); ++di) {
            SegmentLattice l = base[di];
            const size_t n = l.units();
            const double c = pen * std::log(double(n));
            for (size_t s = 0; s < n; ++s)
              for (size_t len = 1; len <= l.MaxLenAt(s); ++len) l.at(s, len) = base[di].at(s, len) / temp - c;
            auto best = BestSegmentation(l);
            bool news = docs[di].subset.rfind("news", 0) == 0;
            std::string set = news ? "news" : "choi";
            map_pk.Add(set, segbench::PkWd(n, docs[di].starts, best).first);
            if (!news) map_pk.Add(docs[di].subset, segbench::PkWd(n, docs[di].starts, best).first);
            auto p = StartMarginals(l);
            for (int ti = 0; ti < 4; ++ti) {
              std::vector<uint32_t> pred = {0};
              for (size_t i = 1; i < n; ++i) {
                double prev = p[i - 1], next = i + 1 < n ? p[i + 1] : 0;
                if (i == 1) prev = 0;
                if (p[i] > thetas[ti] && p[i] >= prev && p[i] > next) pred.push_back(i);
              }
              mbr_pk[ti].Add(set, segbench::PkWd(n, docs[di].starts, pred).first);
            }
          }
          printf("prior %.2f T %.1f pen %.2f MAP %s\n", prior, temp, pen, map_pk.Str().c_str());
          for (int ti = 0; ti < 4; ++ti) printf("   theta %.1f %s\n", thetas[ti], mbr_pk[ti].Str().c_str());
          fflush(stdout);
        }
      }
    }
  }
  if (std::string(mode) == "speed") {
    // CPU time of the library calls over every document, REPEAT times (MODEL=path: trained one).
    const int repeat = getenv("REPEAT") ? atoi(getenv("REPEAT")) : 3;
    dossier::TrainedUnitSegmenter trained;
    std::string error;
    if (getenv("MODEL") && !trained.Load(getenv("MODEL"), &error)) return fprintf(stderr, "%s\n", error.c_str()), 1;
    size_t units = 0, checksum = 0;
    std::vector<std::vector<std::string_view>> views;
    for (auto& d : docs) views.push_back(d.Views()), units += d.units.size();
    const clock_t t0 = clock();
    for (int r = 0; r < repeat; ++r)
      for (auto& v : views) checksum += (trained.loaded() ? trained.Segment(v) : dossier::SegmentUnits(v)).size();
    const double cpu = double(clock() - t0) / CLOCKS_PER_SEC;
    printf("%s: %zu units x %d in %.2f s CPU: %.0f units/s (checksum %zu)\n", trained.loaded() ? "trained" : "SegmentUnits",
           units, repeat, cpu, units * repeat / cpu, checksum);
  }
  if (std::string(mode) == "cv") {
    // Outer cross-validation: folds by the documents' number (number % 5), over both sets at once.
    const int folds = getenv("FOLDS") ? atoi(getenv("FOLDS")) : 5;
    std::vector<std::vector<std::vector<Feature>>> feats;
    for (auto& d : docs) feats.push_back(BoundaryFeatures(d.Views()));
    // DROP="open,coh": leave out the features whose names start with any of these prefixes.
    if (const char* drop = getenv("DROP")) {
      std::vector<std::string> pre;
      std::string s(drop), cur;
      for (char c : s + ",") {
        if (c == ',') { if (!cur.empty()) pre.push_back(cur); cur.clear(); } else cur.push_back(c);
      }
      for (auto& doc : feats)
        for (auto& fs : doc)
          fs.erase(std::remove_if(fs.begin(), fs.end(), [&](const Feature& f) {
            for (auto& p : pre) if (f.first.rfind(p, 0) == 0) return true;
            return false; }), fs.end());
    }
    Tally pk, wd;
    long hits[4] = {0, 0, 0, 0}, npred = 0, ngold = 0;
    for (int f = 0; f < folds; ++f) {
      std::vector<std::vector<std::vector<Feature>>> tf;
      std::vector<std::vector<uint32_t>> ts;
      for (size_t i = 0; i < docs.size(); ++i)
        if (docs[i].number % folds != f) tf.push_back(feats[i]), ts.push_back(docs[i].starts);
      TopicTrainOptions opt;
      if (getenv("SEED")) opt.seed = atoi(getenv("SEED"));
      if (getenv("EPOCHS")) opt.epochs = atoi(getenv("EPOCHS"));
      if (getenv("NO_LENGTH_PRIOR")) opt.length_weights = {0.0};
      auto m = TopicSegmenter::TrainOnFeatures(tf, ts, opt);
      fprintf(stderr, "fold %d: %s bias %.2f lw %.2f\n", f, m.settings().c_str(), m.start_bias(), m.length_weight());
      for (size_t i = 0; i < docs.size(); ++i) {
        if (docs[i].number % folds != f) continue;
        auto pred = m.Decode(feats[i]);
        auto r = segbench::PkWd(docs[i].units.size(), docs[i].starts, pred);
        for (auto g : docs[i].starts) {
          if (g == 0) continue;
          int best = 99;
          for (auto q : pred) if (q) best = std::min(best, std::abs(int(q) - int(g)));
          hits[std::min(best, 3)]++;
        }
        npred += pred.size() - 1, ngold += docs[i].starts.size() - 1;
        bool news = docs[i].subset.rfind("news", 0) == 0;
        pk.Add(news ? "news" : "choi", r.first), wd.Add(news ? "news" : "choi", r.second);
        if (!news) pk.Add(docs[i].subset, r.first), wd.Add(docs[i].subset, r.second);
      }
    }
    printf("CV Pk %s\nCV WD %s\n", pk.Str().c_str(), wd.Str().c_str());
    printf("gold boundaries %ld predicted %ld; nearest prediction at distance 0: %ld, 1: %ld, 2: %ld, 3+: %ld\n", ngold,
           npred, hits[0], hits[1], hits[2], hits[3]);
  }
  return 0;
}
