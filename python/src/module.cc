// The C++ side of the Python package `dossier` (python/dossier/__init__.py): analyzers loaded once
// and shared by threads, the work done with the GIL released, results handed back as the same JSON
// the command line writes (the package turns it into dicts), and a WARC/HTML/text corpus reader.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <memory>
#include <string>

#include "dossier/entities.h"
#include "dossier/html.h"
#include "dossier/output.h"
#include "dossier/pipeline.h"
#include "dossier/warc.h"

namespace py = pybind11;

namespace dossier::python {
namespace {

// str -> its UTF-8 bytes; bytes as they are.
std::string InputBytes(const py::object& data) {
  if (py::isinstance<py::bytes>(data)) return std::string(py::reinterpret_borrow<py::bytes>(data));
  if (py::isinstance<py::str>(data)) return py::reinterpret_borrow<py::str>(data).cast<std::string>();
  throw py::type_error("expected str or bytes");
}

class PyAnalyzer {
 public:
  PyAnalyzer(const std::string& stages, const std::string& models, const std::string& data) {
    AnalyzerOptions options;
    options.model_dir = models;
    options.data_dir = data;
    std::string error;
    if (!ParseStages(stages, &options.stages, &error)) throw py::value_error("stages: " + error);
    analyzer_ = Analyzer::Create(options, &error);
    if (!analyzer_) throw std::runtime_error(error);
    const uint32_t s = analyzer_->stages();
    json_.entities = (s & kStageEntities) != 0;
    json_.quotes = (s & kStageQuotes) != 0;
    json_.time = (s & kStageTime) != 0;
  }

  // kind: "auto" (sniffed as the command line does), "html" or "text".
  py::str AnalyzeJson(const py::object& data, const std::string& kind, const std::string& url,
                      const std::string& published, const std::string& path, bool sentences, bool tokens) {
    std::string input = InputBytes(data);
    HtmlInput hints;
    hints.url = url;
    hints.published = published;
    hints.is_html = kind == "html";
    hints.is_text = kind == "text";
    if (hints.is_html && py::isinstance<py::str>(data)) hints.content_type = "text/html; charset=utf-8";
    JsonOptions json = json_;
    json.sentences = sentences;
    json.tokens = tokens;
    std::string out, error;
    bool ok;
    {
      py::gil_scoped_release release;
      Document doc;
      ok = analyzer_->AnalyzeTakingInput(std::move(input), path, &doc, &error, hints);
      if (ok) WriteDocumentJson(doc, json, &out);
    }
    if (!ok) throw py::value_error(error);
    return py::str(out);
  }

 private:
  std::unique_ptr<Analyzer> analyzer_;
  JsonOptions json_;
};

py::str ExtractJson(const py::object& data, const std::string& url, const std::string& path) {
  std::string input = InputBytes(data);
  const bool is_str = py::isinstance<py::str>(data);
  std::string out, error;
  bool ok = true;
  {
    py::gil_scoped_release release;
    std::string unzipped;
    std::string_view bytes = input;
    if (IsGzip(bytes)) {
      ok = Gunzip(bytes, &unzipped, &error);
      bytes = unzipped;
    }
    if (ok) {
      DecodedHtml page = DecodeHtml(bytes, is_str ? "text/html; charset=utf-8" : "");
      ExtractOptions options;
      options.url = url;
      ExtractedArticle article = ExtractArticle(page.text, options);
      WriteExtractJson(path, page, article, &out);
    }
  }
  if (!ok) throw py::value_error(error);
  return py::str(out);
}

// Entity mentions as the tagger finds them (before linking): a JSON array of
// {type, text, source_begin, source_end}.
class PyTagger {
 public:
  PyTagger(const std::string& models, const std::string& data) {
    AnalyzerOptions options;
    options.model_dir = models;
    options.data_dir = data;
    options.stages = kFoundationOnly;
    std::string error;
    analyzer_ = Analyzer::Create(options, &error);
    EntityTaggerOptions eo;
    eo.model_path = ResolveModelDir(models) + "/ner.model";
    eo.data_dir = ResolveDataDir(data);
    if (analyzer_) tagger_ = EntityTagger::Create(eo, &error);
    if (!analyzer_ || !tagger_) throw std::runtime_error(error);
  }
  py::str TagJson(const py::object& data, const std::string& kind) {
    std::string input = InputBytes(data);
    HtmlInput hints;
    hints.is_html = kind == "html";
    hints.is_text = kind == "text";
    std::string out, error;
    bool ok;
    {
      py::gil_scoped_release release;
      Document doc;
      ok = analyzer_->AnalyzeTakingInput(std::move(input), "-", &doc, &error, hints);
      if (ok) {
        out.push_back('[');
        bool first = true;
        for (const EntityMention& m : tagger_->Tag(doc)) {
          if (!first) out.push_back(',');
          first = false;
          out += "{\"type\":";
          AppendJsonString(EntityTypeName(m.type), &out);
          out += ",\"text\":";
          AppendJsonString(doc.Text(m.span), &out);
          out += ",\"source_begin\":" + std::to_string(doc.SourceBegin(m.span));
          out += ",\"source_end\":" + std::to_string(doc.SourceEnd(m.span)) + "}";
        }
        out.push_back(']');
      }
    }
    if (!ok) throw py::value_error(error);
    return py::str(out);
  }

 private:
  std::unique_ptr<Analyzer> analyzer_;
  std::unique_ptr<EntityTagger> tagger_;
};

// The HTML pages of a WARC file, one at a time: each a dict of the record's origin and its decoded
// payload (`html`, bytes); bad records are kept in `errors` (one line each) and skipped.
class PyWarcPages {
 public:
  explicit PyWarcPages(const std::string& path) : path_(path) {
    std::string error;
    reader_ = WarcReader::OpenFile(path, &error);
    if (!reader_) throw std::runtime_error(error);
  }
  py::object Next() {
    WarcPage page;
    bool found = false;
    {
      py::gil_scoped_release release;
      WarcRecord record;
      std::string error, why;
      while (!found) {
        const WarcReader::Result r = reader_->Next(&record, &error);
        if (r == WarcReader::Result::kEnd) break;
        if (r == WarcReader::Result::kError) {
          errors_.push_back(path_ + ": " + error);
          continue;
        }
        const uint64_t offset = record.offset;
        switch (ToWarcPage(std::move(record), &page, &why)) {
          case WarcPageResult::kPage: found = true; break;
          case WarcPageResult::kSkipped: ++skipped_; break;
          case WarcPageResult::kBad:
            errors_.push_back(path_ + ": bad WARC record at offset " + std::to_string(offset) + ": " + why);
            break;
        }
      }
    }
    if (!found) throw py::stop_iteration();
    const WarcOrigin& o = page.origin;
    py::dict d;
    d["path"] = path_;
    d["url"] = o.url;
    d["warc_date"] = o.warc_date;
    d["warc_record_id"] = o.record_id;
    d["record_offset"] = o.record_offset;
    if (o.gzip_member_offset != UINT64_MAX) d["warc_gzip_member_offset"] = o.gzip_member_offset;
    d["http_date"] = o.http_date;
    d["http_last_modified"] = o.http_last_modified;
    d["content_type"] = o.content_type;
    d["html"] = py::bytes(page.html);
    return d;
  }
  const std::vector<std::string>& errors() const { return errors_; }
  uint64_t skipped() const { return skipped_; }

 private:
  std::string path_;
  std::unique_ptr<WarcReader> reader_;
  std::vector<std::string> errors_;
  uint64_t skipped_ = 0;
};

}  // namespace
}  // namespace dossier::python

PYBIND11_MODULE(_dossier, m) {
  using namespace dossier::python;
  m.doc() = "Dossier's C++ engine (use the `dossier` package, which returns dicts)";
  py::class_<PyAnalyzer>(m, "Analyzer")
      .def(py::init<const std::string&, const std::string&, const std::string&>(), py::arg("stages") = "all",
           py::arg("models") = "", py::arg("data") = "")
      .def("analyze_json", &PyAnalyzer::AnalyzeJson, py::arg("data"), py::arg("kind") = "auto", py::arg("url") = "",
           py::arg("published") = "", py::arg("path") = "-", py::arg("sentences") = true, py::arg("tokens") = false);
  py::class_<PyTagger>(m, "Tagger")
      .def(py::init<const std::string&, const std::string&>(), py::arg("models") = "", py::arg("data") = "")
      .def("tag_json", &PyTagger::TagJson, py::arg("data"), py::arg("kind") = "auto");
  m.def("extract_json", &ExtractJson, py::arg("data"), py::arg("url") = "", py::arg("path") = "-");
  m.def("looks_like_warc", [](const std::string& path) { return dossier::FileLooksLikeWarc(path); });
  py::class_<PyWarcPages>(m, "WarcPages")
      .def(py::init<const std::string&>())
      .def("__iter__", [](PyWarcPages& self) -> PyWarcPages& { return self; }, py::return_value_policy::reference)
      .def("__next__", &PyWarcPages::Next)
      .def_property_readonly("errors", &PyWarcPages::errors)
      .def_property_readonly("skipped", &PyWarcPages::skipped);
}
