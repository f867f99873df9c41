// Where the WARC reader's bytes come from: a file or memory, plain or gzip (any number of members),
// read in pieces. A gzip source that meets a corrupt member or garbage between members reports it
// and carries on at the next member, so one bad record does not end the file.
#ifndef DOSSIER_WARC_BYTE_SOURCE_H_
#define DOSSIER_WARC_BYTE_SOURCE_H_

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "dossier/warc.h"

namespace dossier {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to `n` bytes into `buf`; 0 only at the end.
  virtual size_t Read(char* buf, size_t n) = 0;
  // Problems met so far and not yet taken, in output order. The output before and after a problem
  // is what could be read.
  std::vector<WarcStreamProblem> TakeProblems() { return std::exchange(problems_, {}); }
  // The compressed offset of the gzip member that produced output byte `offset` (UINT64_MAX when
  // the source is not gzip or it is no longer known). Offsets asked for must not decrease much:
  // older members are forgotten.
  virtual uint64_t MemberAt(uint64_t offset) { return UINT64_MAX; }

 protected:
  std::vector<WarcStreamProblem> problems_;
};

// Raw bytes of a file (owned FILE*, closed on destruction) or of a string in memory.
std::unique_ptr<ByteSource> FileSource(std::FILE* file, std::string path);
std::unique_ptr<ByteSource> MemorySource(std::string bytes);
// The decompressed bytes of a gzip stream read from `raw` (gzip_source.cc). `fast_inflate`: members
// inflated whole with libdeflate where they can be, zlib for the rest; false: zlib only (the two
// give the same bytes and problems; tests compare them).
std::unique_ptr<ByteSource> GzipSource(std::unique_ptr<ByteSource> raw, bool fast_inflate = true);

}  // namespace dossier

#endif  // DOSSIER_WARC_BYTE_SOURCE_H_
