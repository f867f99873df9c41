#include "inputs.h"

#include "io.h"

namespace dossier::cli {

std::string WarcCounts(uint64_t records, uint64_t pages, uint64_t bad, const std::map<std::string, uint64_t>& skipped) {
  std::string s = std::to_string(records) + " records: " + std::to_string(pages) + " HTML pages";
  if (bad) s += ", " + std::to_string(bad) + " bad";
  if (!skipped.empty()) {
    s += "; skipped:";
    bool first = true;
    for (const auto& [why, n] : skipped) {
      s += first ? " " : ", ";
      s += std::to_string(n) + " " + why;
      first = false;
    }
  }
  return s;
}

bool InputItems::Next(InputItem* item) {
  *item = InputItem();
  while (warc_ || index_ < paths_.size()) {
    if (warc_) {
      if (NextFromWarc(item)) return true;
      continue;
    }
    const std::string& path = paths_[index_++];
    if (path == "-") {
      // Standard input is read whole here: it can be sniffed only once.
      std::string bytes, error;
      ReadInput(path, &bytes, &error);
      if (LooksLikeWarc(std::string_view(bytes).substr(0, 4096))) {
        warc_ = WarcReader::FromBytes(std::move(bytes));
        warc_path_ = path;
        records_ = pages_ = bad_ = 0;
        skipped_.clear();
        continue;
      }
      item->kind = InputItem::Kind::kFile;
      item->path = path;
      item->has_bytes = true;
      item->bytes = std::move(bytes);
      return true;
    }
    if (FileLooksLikeWarc(path)) {
      std::string error;
      warc_ = WarcReader::OpenFile(path, &error);
      if (!warc_) {
        item->kind = InputItem::Kind::kError;
        item->message = error;
        return true;
      }
      warc_path_ = path;
      records_ = pages_ = bad_ = 0;
      skipped_.clear();
      continue;
    }
    item->kind = InputItem::Kind::kFile;
    item->path = path;
    return true;
  }
  return false;
}

bool InputItems::NextFromWarc(InputItem* item) {
  WarcRecord record;
  std::string error;
  for (;;) {
    switch (warc_->Next(&record, &error)) {
      case WarcReader::Result::kEnd:
        item->kind = InputItem::Kind::kNote;
        item->path = warc_path_;
        item->message = warc_path_ + ": " + WarcCounts(records_, pages_, bad_, skipped_);
        warc_.reset();
        return true;
      case WarcReader::Result::kError:
        ++bad_;
        item->kind = InputItem::Kind::kError;
        item->path = warc_path_;
        item->message = warc_path_ + ": " + error;
        return true;
      case WarcReader::Result::kRecord: break;
    }
    ++records_;
    const uint64_t offset = record.offset;
    const std::string uri = record.target_uri;
    std::string why;
    switch (ToWarcPage(std::move(record), &item->page, &why)) {
      case WarcPageResult::kPage:
        ++pages_;
        item->kind = InputItem::Kind::kPage;
        item->path = warc_path_;
        return true;
      case WarcPageResult::kSkipped:
        ++skipped_[why];
        continue;
      case WarcPageResult::kBad:
        ++bad_;
        item->kind = InputItem::Kind::kError;
        item->path = warc_path_;
        item->message = warc_path_ + ": bad WARC record at offset " + std::to_string(offset) +
                        (uri.empty() ? "" : " (" + uri + ")") + ": " + why;
        return true;
    }
  }
}

}  // namespace dossier::cli
