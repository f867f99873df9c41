// `dossier segment FILE`: one unit per line; prints the 1-based numbers of the units that start a
// segment. Lines that are exactly "==========" (Choi's separators) and blank lines are not units
// and are ignored, so a file with or without separators gives the same answer.
//
// By default the trained segmenter (models/segment.model, `dossier train segment`) decides;
// `--unsupervised` or `--penalty` use the unsupervised DCM segmenter (SegmentUnits) instead.
#include <iostream>
#include <memory>

#include "commands.h"
#include "dossier/pipeline.h"
#include "dossier/segment.h"
#include "io.h"
#include "segment/choi_format.h"

namespace dossier::cli {

namespace {
struct SegmentFlags {
  std::string path, model;
  double penalty = -1.0;
  bool unsupervised = false;
};
}  // namespace

Runner AddSegment(CLI::App& app) {
  auto f = std::make_shared<SegmentFlags>();
  CLI::App* cmd = app.add_subcommand("segment", "Segment a file of units (one per line) by topic; print the 1-based unit numbers where segments start");
  cmd->add_option("file", f->path, "input file (one sentence per line), or -")->required();
  cmd->add_option("--model", f->model, "trained segmenter (default: segment.model in the models directory)");
  cmd->add_flag("--unsupervised", f->unsupervised, "use the unsupervised DCM segmenter instead of the trained one");
  cmd->add_option("--penalty", f->penalty, "unsupervised segmenter's cost of a segment boundary, as a multiple of ln(units) (implies --unsupervised)");
  return [f]() -> int {
    std::string text, error;
    if (!ReadInput(f->path, &text, &error)) {
      std::cerr << "dossier segment: " << error << "\n";
      return 1;
    }
    if (text.find('\0') != std::string::npos) {
      std::cerr << "dossier segment: " << f->path << ": binary data, not text\n";
      return 1;
    }
    const std::vector<std::string_view> units = segment_internal::ParseChoi(text).units;
    std::vector<uint32_t> starts;
    if (f->unsupervised || f->penalty >= 0) {
      starts = SegmentUnits(units, UnitSegmenterOptions{f->penalty});
    } else {
      TrainedUnitSegmenter segmenter;
      const std::string model = f->model.empty() ? ResolveModelDir("") + "/segment.model" : f->model;
      if (!segmenter.Load(model, &error)) {
        std::cerr << "dossier segment: " << error << " (train it with `dossier train segment`, or use --unsupervised)\n";
        return 1;
      }
      starts = segmenter.Segment(units);
    }
    std::string out;
    for (size_t i = 0; i < starts.size(); ++i) {
      if (i) out.push_back(' ');
      out += std::to_string(starts[i] + 1);
    }
    out.push_back('\n');
    return WriteStdout(out) ? 0 : 1;
  };
}

}  // namespace dossier::cli
