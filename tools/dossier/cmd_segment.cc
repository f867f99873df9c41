// `dossier segment FILE`: one unit per line; prints the 1-based numbers of the units that start a
// segment. Lines that are exactly "==========" (Choi's separators) and blank lines are not units
// and are ignored, so a file with or without separators gives the same answer.
#include <iostream>
#include <memory>

#include "commands.h"
#include "dossier/segment.h"
#include "io.h"

namespace dossier::cli {

Runner AddSegment(CLI::App& app) {
  auto path = std::make_shared<std::string>();
  auto penalty = std::make_shared<double>(-1.0);
  CLI::App* cmd = app.add_subcommand("segment", "Segment a file of units (one per line) by topic; print the 1-based unit numbers where segments start");
  cmd->add_option("file", *path, "input file (one sentence per line), or -")->required();
  cmd->add_option("--penalty", *penalty, "cost of a segment boundary, as a multiple of ln(units) (default: tuned on development data)");
  return [path, penalty]() -> int {
    std::string text, error;
    if (!ReadInput(*path, &text, &error)) {
      std::cerr << "dossier segment: " << error << "\n";
      return 1;
    }
    if (text.find('\0') != std::string::npos) {
      std::cerr << "dossier segment: " << *path << ": binary data, not text\n";
      return 1;
    }
    std::vector<std::string_view> units;
    size_t pos = 0;
    while (pos < text.size()) {
      size_t nl = text.find('\n', pos);
      if (nl == std::string::npos) nl = text.size();
      std::string_view line(text.data() + pos, nl - pos);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      std::string_view trimmed = line;
      while (!trimmed.empty() && (trimmed.back() == ' ' || trimmed.back() == '\t')) trimmed.remove_suffix(1);
      if (!trimmed.empty() && trimmed != "==========") units.push_back(line);
      pos = nl + 1;
    }
    std::vector<uint32_t> starts = SegmentUnits(units, UnitSegmenterOptions{*penalty});
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
