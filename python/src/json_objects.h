// Python objects (dict, list, str, int, float, bool, None) straight from the JSON the engine writes,
// with the CPython API: what json.loads of the same text returns, equal object for object, without
// first making one large str of the text and without json's per-character scanning. Keys (the
// schema's few field names) are made once and shared. Call with the GIL held.
#ifndef DOSSIER_PYTHON_JSON_OBJECTS_H_
#define DOSSIER_PYTHON_JSON_OBJECTS_H_

#include <pybind11/pybind11.h>

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace dossier::python {

// The schema's keys as interned str objects, made once and shared by every conversion (under the
// GIL); the map's views point into the key objects' own UTF-8 buffers, held as long as the cache.
using JsonKeyCache = std::unordered_map<std::string_view, pybind11::object>;

// One conversion: made on the stack per call, so that threads (which may take turns inside the
// CPython calls) never share a position.
class JsonObjects {
 public:
  explicit JsonObjects(JsonKeyCache* keys) : keys_(*keys) { stack_.reserve(256); }
  ~JsonObjects();
  JsonObjects(const JsonObjects&) = delete;
  JsonObjects& operator=(const JsonObjects&) = delete;

  // The value of one JSON text; throws std::runtime_error if it is not well-formed JSON.
  pybind11::object Convert(std::string_view json);

 private:
  pybind11::object Value();
  pybind11::object Object();
  pybind11::object Array();
  pybind11::object String();
  pybind11::object Number();
  pybind11::object Key();
  void SkipSpace();
  [[noreturn]] void Fail(const char* what) const;

  const char* begin_ = nullptr;
  const char* p_ = nullptr;
  const char* end_ = nullptr;
  JsonKeyCache& keys_;
  // The members and elements of the containers being read (owned references), innermost last.
  std::vector<PyObject*> stack_;
};

}  // namespace dossier::python

#endif  // DOSSIER_PYTHON_JSON_OBJECTS_H_
