// Reading inputs for the command line: whole files or standard input, with one-line errors.
#ifndef DOSSIER_TOOLS_IO_H_
#define DOSSIER_TOOLS_IO_H_

#include <cstdio>
#include <string>

namespace dossier::cli {

// Reads `path` ("-" = standard input) into `out`; on failure sets `error` to a one-line message.
bool ReadInput(const std::string& path, std::string* out, std::string* error);

// Writes `s` to stdout; returns false when stdout is closed (e.g. a pipe to `head`).
bool WriteStdout(const std::string& s);

}  // namespace dossier::cli

#endif  // DOSSIER_TOOLS_IO_H_
