// The inputs of `analyze` and `extract`, item by item: a plain file (text, HTML, gzip) is one item,
// read and analysed on a worker; a WARC file (sniffed by content) is one item per HTML page record,
// read here, one record at a time, so a crawl of any size goes through in bounded memory.
#ifndef DOSSIER_TOOLS_INPUTS_H_
#define DOSSIER_TOOLS_INPUTS_H_

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "dossier/warc.h"

namespace dossier::cli {

struct InputItem {
  enum class Kind {
    kFile,   // `path`, to be read by the worker (or already read: `bytes`, for standard input)
    kPage,   // an HTML page from the WARC file `path`
    kError,  // a bad WARC record or gzip member: `message` (one line, the path first)
    kNote,   // a WARC file is done: `message` counts its records (not a failure)
  };
  Kind kind = Kind::kFile;
  std::string path;
  bool has_bytes = false;
  std::string bytes;
  WarcPage page;
  std::string message;
};

class InputItems {
 public:
  explicit InputItems(const std::vector<std::string>& paths) : paths_(paths) {}
  // The next item; false at the end.
  bool Next(InputItem* item);
  // Input files fully handed out so far (for a progress bar).
  size_t files_done() const { return warc_ ? index_ - 1 : index_; }

 private:
  bool NextFromWarc(InputItem* item);
  const std::vector<std::string>& paths_;
  size_t index_ = 0;  // next path to open
  std::unique_ptr<WarcReader> warc_;
  std::string warc_path_;
  uint64_t records_ = 0, pages_ = 0, bad_ = 0;
  std::map<std::string, uint64_t> skipped_;  // why -> how many
};

// "3 records: 2 pages, skipped 1 request record" for the note at the end of a WARC file.
std::string WarcCounts(uint64_t records, uint64_t pages, uint64_t bad, const std::map<std::string, uint64_t>& skipped);

}  // namespace dossier::cli

#endif  // DOSSIER_TOOLS_INPUTS_H_
