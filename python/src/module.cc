// The C++ side of the Python package `dossier` (python/dossier/__init__.py): analyzers loaded once
// and shared by threads, the work done with the GIL released, results handed back as the same JSON
// the command line writes, or as the dicts json.loads would make of it (made here, json_objects.h),
// a WARC/HTML/text corpus reader, and the corpus entity linker (the reduce step of
// python/dossier/dask.py).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <memory>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "dossier/corpus_entities.h"
#include "dossier/entities.h"
#include "dossier/html.h"
#include "dossier/output.h"
#include "dossier/pipeline.h"
#include "dossier/warc.h"
#include "json_objects.h"

namespace py = pybind11;

namespace dossier::python {
namespace {

// The engine's JSON as dicts and lists (JsonObjects), with the schema's keys made once for the
// process; never freed, so that no Python object outlives the interpreter in a static destructor.
py::object Objects(std::string_view json) {
  static JsonKeyCache* keys = new JsonKeyCache;
  return JsonObjects(keys).Convert(json);
}

// str -> its UTF-8 bytes; bytes as they are.
std::string InputBytes(const py::object& data) {
  if (py::isinstance<py::bytes>(data)) return std::string(py::reinterpret_borrow<py::bytes>(data));
  if (py::isinstance<py::str>(data)) return py::reinterpret_borrow<py::str>(data).cast<std::string>();
  throw py::type_error("expected str or bytes");
}

// A WARC page's origin from the dict `read_corpus` yields (WarcPages.__next__ below): the same
// fields, so a page analysed from Python carries its record in `source` as the command line's does.
WarcOrigin OriginFromDict(const py::dict& d) {
  auto str = [&](const char* key) {
    return d.contains(key) && !d[key].is_none() ? d[key].cast<std::string>() : std::string();
  };
  WarcOrigin o;
  o.url = str("url");
  o.warc_date = str("warc_date");
  o.record_id = str("warc_record_id");
  o.http_date = str("http_date");
  o.http_last_modified = str("http_last_modified");
  o.content_type = str("content_type");
  if (d.contains("record_offset")) o.record_offset = d["record_offset"].cast<uint64_t>();
  if (d.contains("warc_gzip_member_offset")) o.gzip_member_offset = d["warc_gzip_member_offset"].cast<uint64_t>();
  return o;
}

// The entity summaries of a document as compact JSON, [[entity, type, name, [[surface, mentions], ...]], ...]:
// what CorpusLinker.add takes back (after json.loads), so a distributed run can keep them on disk
// per partition and merge them later without the documents.
std::string SummaryJson(const Document& doc) {
  std::string out = "[";
  bool first = true;
  for (const EntitySummary& e : SummariseEntities(doc)) {
    if (!first) out.push_back(',');
    first = false;
    out += "[" + std::to_string(e.entity) + ",";
    AppendJsonString(EntityTypeName(e.type), &out);
    out.push_back(',');
    AppendJsonString(e.name, &out);
    out += ",[";
    for (size_t i = 0; i < e.surfaces.size(); ++i) {
      out += i ? ",[" : "[";
      AppendJsonString(e.surfaces[i].text, &out);
      out += "," + std::to_string(e.surfaces[i].mentions) + "]";
    }
    out += "]]";
  }
  out.push_back(']');
  return out;
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

  // kind: "auto" (sniffed as the command line does), "html" or "text". origin: None, or a WARC page
  // dict from WarcPages (the page is then HTML, dated by its crawl as `dossier analyze` does).
  py::str AnalyzeJson(const py::object& data, const std::string& kind, const std::string& url,
                      const std::string& published, const std::string& path, bool sentences, bool tokens,
                      const py::object& origin) {
    return py::str(Analyze(data, kind, url, published, path, sentences, tokens, origin, nullptr));
  }

  // The same document as dicts and lists: what json.loads of analyze_json returns, made directly.
  py::object AnalyzeObjects(const py::object& data, const std::string& kind, const std::string& url,
                            const std::string& published, const std::string& path, bool sentences, bool tokens,
                            const py::object& origin) {
    return Objects(Analyze(data, kind, url, published, path, sentences, tokens, origin, nullptr));
  }

  // The same document and, for the corpus linker, its entity summaries (SummaryJson).
  py::tuple AnalyzeJsonWithEntities(const py::object& data, const std::string& kind, const std::string& url,
                                    const std::string& published, const std::string& path, bool sentences,
                                    bool tokens, const py::object& origin) {
    std::string summary;
    std::string doc = Analyze(data, kind, url, published, path, sentences, tokens, origin, &summary);
    return py::make_tuple(py::str(doc), py::str(summary));
  }

 private:
  std::string Analyze(const py::object& data, const std::string& kind, const std::string& url,
                      const std::string& published, const std::string& path, bool sentences, bool tokens,
                      const py::object& origin, std::string* summary) {
    if (kind != "auto" && kind != "html" && kind != "text")
      throw py::value_error("kind must be 'auto', 'html' or 'text'");
    std::string input = InputBytes(data);
    HtmlInput hints;
    hints.url = url;
    hints.published = published;
    hints.is_html = kind == "html";
    hints.is_text = kind == "text";
    if (hints.is_html && py::isinstance<py::str>(data)) hints.content_type = "text/html; charset=utf-8";
    const bool from_warc = !origin.is_none();
    WarcOrigin warc;
    if (from_warc) {
      // As cmd_analyze.cc does for a WARC record: HTML, its Content-Type, the crawl's date as weak evidence.
      warc = OriginFromDict(py::cast<py::dict>(origin));
      if (hints.url.empty()) hints.url = warc.url;
      hints.content_type = warc.content_type;
      hints.is_html = true;
      hints.is_text = false;
      hints.fallback_date = warc.http_last_modified.size() >= 10 && warc.http_last_modified[4] == '-'
                                ? warc.http_last_modified
                                : warc.warc_date;
    }
    JsonOptions json = json_;
    json.sentences = sentences;
    json.tokens = tokens;
    std::string out, error;
    bool ok;
    {
      py::gil_scoped_release release;
      Document doc;
      ok = analyzer_->AnalyzeTakingInput(std::move(input), path, &doc, &error, hints);
      if (ok) {
        if (from_warc) {
          doc.source.from_warc = true;
          doc.source.warc = std::move(warc);
        }
        WriteDocumentJson(doc, json, &out);
        if (summary) *summary = SummaryJson(doc);
      }
    }
    if (!ok) throw py::value_error(error);
    return out;
  }

  std::unique_ptr<Analyzer> analyzer_;
  JsonOptions json_;
};

std::string ExtractJsonText(const py::object& data, const std::string& url, const std::string& path) {
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
  return out;
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
  py::str TagJson(const py::object& data, const std::string& kind) { return py::str(TagJsonText(data, kind)); }
  py::object Tag(const py::object& data, const std::string& kind) { return Objects(TagJsonText(data, kind)); }

 private:
  std::string TagJsonText(const py::object& data, const std::string& kind) {
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
    return out;
  }

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

// Entities merged across documents (CorpusEntityLinker), fed with the summaries of
// Analyzer.analyze_json_with_entities, in document order; the JSON lines are those of `dossier analyze
// --batch-entities`.
class PyCorpusLinker {
 public:
  using Surface = std::pair<std::string, uint32_t>;
  using Summary = std::tuple<uint32_t, std::string, std::string, std::vector<Surface>>;

  uint32_t Add(const std::string& document, const std::vector<Summary>& entities) {
    std::vector<EntitySummary> summaries;
    summaries.reserve(entities.size());
    for (const auto& [id, type, name, surfaces] : entities) {
      EntitySummary s;
      s.entity = id;
      s.type = TypeFromName(type);
      s.name = name;
      for (const auto& [text, mentions] : surfaces) s.surfaces.push_back({text, mentions});
      summaries.push_back(std::move(s));
    }
    names_.push_back(document);
    return linker_.Add(std::move(summaries));
  }

  std::vector<std::string> LinkJson() const {
    std::vector<CorpusEntity> entities;
    {
      py::gil_scoped_release release;
      entities = linker_.Link();
    }
    std::vector<std::string> lines(entities.size());
    for (size_t i = 0; i < entities.size(); ++i) WriteCorpusEntityJson(entities[i], names_, &lines[i]);
    return lines;
  }
  uint32_t documents() const { return linker_.documents(); }

 private:
  static EntityType TypeFromName(const std::string& name) {
    for (EntityType t : {EntityType::kPerson, EntityType::kLocation, EntityType::kOrganization, EntityType::kMisc})
      if (EntityTypeName(t) == name) return t;
    throw py::value_error("unknown entity type '" + name + "'");
  }
  CorpusEntityLinker linker_;
  std::vector<std::string> names_;
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
           py::arg("published") = "", py::arg("path") = "-", py::arg("sentences") = true, py::arg("tokens") = false,
           py::arg("origin") = py::none())
      .def("analyze", &PyAnalyzer::AnalyzeObjects, py::arg("data"), py::arg("kind") = "auto", py::arg("url") = "",
           py::arg("published") = "", py::arg("path") = "-", py::arg("sentences") = true, py::arg("tokens") = false,
           py::arg("origin") = py::none())
      .def("analyze_json_with_entities", &PyAnalyzer::AnalyzeJsonWithEntities, py::arg("data"),
           py::arg("kind") = "auto", py::arg("url") = "", py::arg("published") = "", py::arg("path") = "-",
           py::arg("sentences") = true, py::arg("tokens") = false, py::arg("origin") = py::none());
  py::class_<PyCorpusLinker>(m, "CorpusLinker")
      .def(py::init<>())
      .def("add", &PyCorpusLinker::Add, py::arg("document"), py::arg("entities"))
      .def("link_json", &PyCorpusLinker::LinkJson)
      .def_property_readonly("documents", &PyCorpusLinker::documents);
  py::class_<PyTagger>(m, "Tagger")
      .def(py::init<const std::string&, const std::string&>(), py::arg("models") = "", py::arg("data") = "")
      .def("tag_json", &PyTagger::TagJson, py::arg("data"), py::arg("kind") = "auto")
      .def("tag", &PyTagger::Tag, py::arg("data"), py::arg("kind") = "auto");
  m.def("extract_json", [](const py::object& data, const std::string& url, const std::string& path) {
        return py::str(ExtractJsonText(data, url, path));
      }, py::arg("data"), py::arg("url") = "", py::arg("path") = "-");
  m.def("extract", [](const py::object& data, const std::string& url, const std::string& path) {
        return Objects(ExtractJsonText(data, url, path));
      }, py::arg("data"), py::arg("url") = "", py::arg("path") = "-");
  // The converter alone, for its tests against json.loads.
  m.def("json_objects", [](const std::string& json) { return Objects(json); }, py::arg("json"));
  m.def("looks_like_warc", [](const std::string& path) { return dossier::FileLooksLikeWarc(path); });
  py::class_<PyWarcPages>(m, "WarcPages")
      .def(py::init<const std::string&>())
      .def("__iter__", [](PyWarcPages& self) -> PyWarcPages& { return self; }, py::return_value_policy::reference)
      .def("__next__", &PyWarcPages::Next)
      .def_property_readonly("errors", &PyWarcPages::errors)
      .def_property_readonly("skipped", &PyWarcPages::skipped);
}
