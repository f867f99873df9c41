// Loading Choi-format documents (one unit per line, "==========" separators) from extracted
// benchmark directories, and the Pk / WindowDiff measures of PROTOCOLS.md section 3, for the
// segmentation experiment tools (the official scorer is bench/score_segmentation.py).
#ifndef DOSSIER_BENCH_TOOLS_SEGMENT_CORPUS_H_
#define DOSSIER_BENCH_TOOLS_SEGMENT_CORPUS_H_

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace segbench {

struct Doc {
  std::string path, subset;  // subset: the directory holding the file ("3-11", "news-dev", ...)
  int number = 0;            // from the file name
  std::vector<std::string> units;
  std::vector<uint32_t> starts;  // 0-based gold starts (0 included)
  std::vector<std::string_view> Views() const { return {units.begin(), units.end()}; }
};

inline std::vector<Doc> LoadDocs(const std::string& root) {
  std::vector<std::string> paths;
  for (auto& e : std::filesystem::recursive_directory_iterator(root))
    if (e.path().extension() == ".ref") paths.push_back(e.path().string());
  std::sort(paths.begin(), paths.end());
  std::vector<Doc> docs;
  for (auto& p : paths) {
    Doc d;
    d.path = p;
    std::filesystem::path fp(p);
    d.subset = fp.parent_path().filename().string();
    d.number = std::stoi(fp.stem().string());
    std::ifstream in(p);
    std::string line;
    bool boundary = true;
    while (std::getline(in, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line == "==========") { boundary = true; continue; }
      if (line.find_first_not_of(" \t") == std::string::npos) continue;
      if (boundary) d.starts.push_back(static_cast<uint32_t>(d.units.size()));
      boundary = false;
      d.units.push_back(line);
    }
    docs.push_back(std::move(d));
  }
  return docs;
}

// Pk and WindowDiff of one document (PROTOCOLS.md section 3).
inline std::pair<double, double> PkWd(size_t n, const std::vector<uint32_t>& gold, const std::vector<uint32_t>& pred) {
  const size_t segs = gold.size();
  size_t k = std::max<long>(1, static_cast<long>(static_cast<double>(n) / (2.0 * segs) + 0.5));
  if (n <= k) return {0, 0};
  std::vector<int> gs(n, 0), ps(n, 0);  // segment index of every unit
  std::vector<char> gb(n, 0), pb(n, 0);
  for (auto s : gold) if (s < n) gb[s] = 1;
  for (auto s : pred) if (s < n) pb[s] = 1;
  gb[0] = pb[0] = 1;
  for (size_t i = 0, g = 0, q = 0; i < n; ++i) {
    if (i && gb[i]) ++g;
    if (i && pb[i]) ++q;
    gs[i] = g, ps[i] = q;
  }
  size_t pk = 0, wd = 0;
  for (size_t i = 0; i + k < n; ++i) {
    if ((gs[i] == gs[i + k]) != (ps[i] == ps[i + k])) ++pk;
    if (gs[i + k] - gs[i] != ps[i + k] - ps[i]) ++wd;
  }
  return {static_cast<double>(pk) / (n - k), static_cast<double>(wd) / (n - k)};
}

}  // namespace segbench

#endif  // DOSSIER_BENCH_TOOLS_SEGMENT_CORPUS_H_
