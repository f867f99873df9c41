// Build-time helper: precomputes the known-word tier of the glued-word lexicon from Debian's word
// lists into one sorted binary file that the library memory-maps (see src/crude/lexicon.h).
// Usage: dossier_lexicon_cache OUT.bin  (word lists from LexiconPaths::Defaults)
#include <cstdio>
#include <string>

#include "crude/lexicon.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: dossier_lexicon_cache OUT.bin\n");
    return 2;
  }
  std::string error;
  if (!dossier::WriteKnownWordCache(dossier::LexiconPaths::Defaults(""), argv[1], &error)) {
    // Not fatal for the build: the library falls back to reading the text lists (or works without).
    std::fprintf(stderr, "dossier_lexicon_cache: %s (glued-word repair will read the text lists)\n", error.c_str());
    std::remove(argv[1]);
    std::FILE* f = std::fopen(argv[1], "wb");
    if (f) std::fclose(f);
  }
  return 0;
}
