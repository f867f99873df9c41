// Helpers shared by the corpus store's and the corpus API's tests: a temporary database file and
// entity mentions added to a hand-written CorpusDocument.
#ifndef DOSSIER_TESTS_STORE_CORPUS_TEST_SUPPORT_H_
#define DOSSIER_TESTS_STORE_CORPUS_TEST_SUPPORT_H_

#include <unistd.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "dossier/corpus_store.h"

namespace dossier::testing_support {

// A temporary database file name, removed (with its WAL files) afterwards.
class TempDb {
 public:
  TempDb() {
    char name[] = "/tmp/dossier-corpus-test-XXXXXX";
    const int fd = mkstemp(name);
    close(fd);
    unlink(name);
    path_ = name;
  }
  ~TempDb() {
    for (const char* suffix : {"", "-wal", "-shm"}) unlink((path_ + suffix).c_str());
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Adds an entity with a mention at every occurrence of each of `surfaces` in the text; input
// offsets are the canonical ones plus `shift`.
inline void AddEntity(CorpusDocument* d, EntityType type, const std::string& name,
                      const std::vector<std::string>& surfaces, uint64_t shift = 0) {
  const uint32_t id = static_cast<uint32_t>(d->entities.size());
  d->entities.push_back({type, name});
  for (const std::string& s : surfaces)
    for (size_t at = d->text.find(s); at != std::string::npos; at = d->text.find(s, at + s.size()))
      d->mentions.push_back(
          {id, static_cast<uint32_t>(at), static_cast<uint32_t>(at + s.size()), at + shift, at + s.size() + shift, false});
}

}  // namespace dossier::testing_support

#endif  // DOSSIER_TESTS_STORE_CORPUS_TEST_SUPPORT_H_
