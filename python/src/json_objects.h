// Python objects (dict, list, str, int, float, bool, None) straight from the JSON the engine writes,
// with the CPython API: what json.loads of the same text returns, equal object for object, without
// first making one large str of the text and without json's per-character scanning. Keys (the
// schema's few field names) are made once and shared. Call with the GIL held.
#ifndef DOSSIER_PYTHON_JSON_OBJECTS_H_
#define DOSSIER_PYTHON_JSON_OBJECTS_H_

#include <pybind11/pybind11.h>

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::python {

// The schema's keys as interned str objects, made once and shared by every conversion (under the
// GIL). A small open-addressed table hashed on a key's length and its first and last 8 bytes: one
// look-up per member of every object, so it is on the hot path, and std::unordered_map's hash of
// the whole string and its node chasing cost more than the rest of a key's handling. Keys and their
// names are never freed (a few hundred at most).
class JsonKeyCache {
 public:
  // The cached key (a borrowed reference) for the `n` bytes at `s`, or null. At least 8 bytes must
  // be readable from `s` (the key is read 8 bytes at a time, without a call to memcpy or memcmp:
  // a key of at most 16 bytes is told by its size and its first and last 8 bytes).
  PyObject* Find(const char* s, size_t n) const {
    const Words k = WordsOf(s, n);
    for (size_t i = Hash(k, n);; i = (i + 1) & (kSlots - 1)) {
      const Slot& slot = slots_[i];
      if (!slot.key) return nullptr;
      if (slot.size == n && slot.words.first == k.first && slot.words.last == k.last &&
          (n <= 16 || std::memcmp(slot.name, s, n) == 0))
        return slot.key;
    }
  }
  // Keeps `key` (an interned str whose UTF-8 is `name`; the name is copied with padding, so that it
  // can be read 8 bytes at a time) as a new reference the cache takes, unless the table is half
  // full (then the key is simply not shared).
  void Add(std::string_view name, PyObject* key);

 private:
  static constexpr size_t kSlots = 1024;
  struct Words {
    uint64_t first = 0, last = 0;
  };
  struct Slot {
    const char* name = nullptr;
    size_t size = 0;
    Words words;
    PyObject* key = nullptr;
  };
  static Words WordsOf(const char* s, size_t n) {
    Words w;
    std::memcpy(&w.first, s, 8);  // a constant size: one load
    if (n < 8) w.first &= (uint64_t{1} << (8 * n)) - 1;
    if (n > 8) std::memcpy(&w.last, s + n - 8, 8);
    return w;
  }
  static size_t Hash(Words w, size_t n) {
    const uint64_t v = (w.first ^ (w.last * 0x9E3779B97F4A7C15ULL) ^ n) * 0xFF51AFD7ED558CCDULL;
    return static_cast<size_t>(v >> 54);  // 10 bits: kSlots
  }
  Slot slots_[kSlots];
  size_t used_ = 0;
};

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
