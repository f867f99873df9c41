// Each subcommand registers its flags on the CLI11 app and returns the function that runs it.
#ifndef DOSSIER_TOOLS_COMMANDS_H_
#define DOSSIER_TOOLS_COMMANDS_H_

#include <functional>

#include <CLI/CLI.hpp>

namespace dossier::cli {

using Runner = std::function<int()>;

Runner AddAnalyze(CLI::App& app);
Runner AddExtract(CLI::App& app);
Runner AddSegment(CLI::App& app);
Runner AddTrain(CLI::App& app);
Runner AddTag(CLI::App& app);
Runner AddTime(CLI::App& app);
Runner AddIndex(CLI::App& app);
Runner AddSearch(CLI::App& app);
Runner AddEntities(CLI::App& app);
Runner AddServe(CLI::App& app);

}  // namespace dossier::cli

#endif  // DOSSIER_TOOLS_COMMANDS_H_
