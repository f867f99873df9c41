// `dossier`: the command line. Each subcommand lives in its own cmd_*.cc and only parses flags and
// calls the library.
#include <cstdio>
#include <iostream>

#include "commands.h"

#ifndef DOSSIER_VERSION
#define DOSSIER_VERSION "dev"
#endif

int main(int argc, char** argv) {
  CLI::App app{"Dossier: structured knowledge from raw news "};
  app.set_version_flag("--version", std::string("dossier ") + DOSSIER_VERSION);
  app.require_subcommand(1);
  dossier::cli::Runner analyze = dossier::cli::AddAnalyze(app);
  dossier::cli::Runner extract = dossier::cli::AddExtract(app);
  dossier::cli::Runner segment = dossier::cli::AddSegment(app);
  dossier::cli::Runner train = dossier::cli::AddTrain(app);
  dossier::cli::Runner tag = dossier::cli::AddTag(app);
  dossier::cli::Runner time = dossier::cli::AddTime(app);
  dossier::cli::Runner index = dossier::cli::AddIndex(app);
  dossier::cli::Runner search = dossier::cli::AddSearch(app);
  dossier::cli::Runner entities = dossier::cli::AddEntities(app);
  dossier::cli::Runner serve = dossier::cli::AddServe(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // CLI11 prints help to stdout (exit 0) and errors as one line to stderr (exit != 0).
    if (e.get_exit_code() != 0) {
      std::cerr << "dossier: " << e.what() << " (see --help)\n";
      return 2;
    }
    return app.exit(e);
  }
  if (app.got_subcommand("analyze")) return analyze();
  if (app.got_subcommand("extract")) return extract();
  if (app.got_subcommand("segment")) return segment();
  if (app.got_subcommand("train")) return train();
  if (app.got_subcommand("tag")) return tag();
  if (app.got_subcommand("time")) return time();
  if (app.got_subcommand("index")) return index();
  if (app.got_subcommand("search")) return search();
  if (app.got_subcommand("entities")) return entities();
  if (app.got_subcommand("serve")) return serve();
  return 2;
}
