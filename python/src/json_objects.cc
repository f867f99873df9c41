#include "json_objects.h"

#include <Python.h>

#include <cstdint>
#include <cstring>
#include <stdexcept>

#include "util/utf8.h"

namespace py = pybind11;

namespace dossier::python {

namespace {

// A new reference as a py::object, or the pending Python error thrown.
py::object Steal(PyObject* o) {
  if (!o) throw py::error_already_set();
  return py::reinterpret_steal<py::object>(o);
}

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// UTF-8 bytes as a str; pure ASCII (most of the schema's text) copied without decoding.
py::object Text(const char* s, size_t n, bool ascii) {
  if (ascii) {
    PyObject* o = PyUnicode_New(static_cast<Py_ssize_t>(n), 127);
    if (!o) throw py::error_already_set();
    std::memcpy(PyUnicode_1BYTE_DATA(o), s, n);
    return Steal(o);
  }
  // "surrogatepass": a lone \ud800 escape decodes as json.loads does, to a lone surrogate.
  return Steal(PyUnicode_DecodeUTF8(s, static_cast<Py_ssize_t>(n), "surrogatepass"));
}

// Integers below this are made once and shared (ints are immutable, so sharing one object is
// invisible): most numbers in a document are offsets and counts below it, and making and freeing an
// int object per number was a good part of the cost. Never freed (at most 2 MB).
constexpr int64_t kSharedInts = 1 << 16;

py::object Int(int64_t v) {
  if (v < 0 || v >= kSharedInts) return Steal(PyLong_FromLongLong(v));
  static PyObject** shared = new PyObject*[kSharedInts]();
  PyObject*& o = shared[v];
  if (!o) {
    o = PyLong_FromLongLong(v);
    if (!o) throw py::error_already_set();
  }
  return py::reinterpret_borrow<py::object>(o);
}

// Numbers written as d.ddd (confidences, scores: the writer's "%.3f" of a value in [0, 10)) are
// made once each and shared, as the small ints are: the same float json.loads makes of the text
// (made from the text the first time), without the parse and the allocation each time.
PyObject* SharedFixed3(const char* s) {
  static PyObject** shared = new PyObject*[10000]();
  const int k = (s[0] - '0') * 1000 + (s[2] - '0') * 100 + (s[3] - '0') * 10 + (s[4] - '0');
  PyObject*& o = shared[k];
  if (!o) {
    const std::string text(s, 5);
    const double v = PyOS_string_to_double(text.c_str(), nullptr, nullptr);
    if (v == -1.0 && PyErr_Occurred()) throw py::error_already_set();
    o = PyFloat_FromDouble(v);
    if (!o) throw py::error_already_set();
  }
  Py_INCREF(o);
  return o;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// In 8 bytes at once: whether any is '"' or '\\' (the end of a plain run of string), and whether
// any is not ASCII.
constexpr uint64_t kOnes = 0x0101010101010101ULL, kHighs = 0x8080808080808080ULL;
inline uint64_t HasByte(uint64_t w, unsigned char c) {
  const uint64_t x = w ^ (kOnes * c);
  return (x - kOnes) & ~x & kHighs;
}

}  // namespace

void JsonKeyCache::Add(std::string_view name, PyObject* key) {
  if (used_ * 2 >= kSlots) {
    Py_DECREF(key);
    return;
  }
  // The name with 8 bytes of padding, so that WordsOf may read 8 bytes of it; never freed, as the
  // key objects are not.
  char* copy = new char[name.size() + 8]();
  std::memcpy(copy, name.data(), name.size());
  const Words w = WordsOf(copy, name.size());
  size_t i = Hash(w, name.size());
  while (slots_[i].key) i = (i + 1) & (kSlots - 1);
  slots_[i] = {copy, name.size(), w, key};
  ++used_;
}

void JsonObjects::Fail(const char* what) const {
  throw std::runtime_error(std::string("bad JSON from the engine at byte ") + std::to_string(p_ - begin_) + ": " +
                           what);
}

void JsonObjects::SkipSpace() {
  while (p_ < end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
}

py::object JsonObjects::Convert(std::string_view json) {
  // No cyclic garbage collection while the tree is built: every container made here is live, so a
  // collection (one per ~700 new containers) would only walk the young tree for nothing.
  struct GcPause {
    bool was_enabled = PyGC_Disable() != 0;
    ~GcPause() {
      if (was_enabled) PyGC_Enable();
    }
  } pause;
  begin_ = p_ = json.data();
  end_ = json.data() + json.size();
  py::object v = Value();
  SkipSpace();
  if (p_ != end_) Fail("trailing characters");
  return v;
}

py::object JsonObjects::Value() {
  SkipSpace();
  if (p_ == end_) Fail("unexpected end");
  switch (*p_) {
    case '{': return Object();
    case '[': return Array();
    case '"': return String();
    case 't':
      if (end_ - p_ >= 4 && std::string_view(p_, 4) == "true") {
        p_ += 4;
        return py::reinterpret_borrow<py::object>(Py_True);
      }
      break;
    case 'f':
      if (end_ - p_ >= 5 && std::string_view(p_, 5) == "false") {
        p_ += 5;
        return py::reinterpret_borrow<py::object>(Py_False);
      }
      break;
    case 'n':
      if (end_ - p_ >= 4 && std::string_view(p_, 4) == "null") {
        p_ += 4;
        return py::none();
      }
      break;
    default:
      if (*p_ == '-' || (*p_ >= '0' && *p_ <= '9')) return Number();
  }
  Fail("unexpected character");
}

JsonObjects::~JsonObjects() {
  for (PyObject* o : stack_) Py_DECREF(o);  // left by an error half-way
}

py::object JsonObjects::Object() {
  ++p_;  // '{'
  // Keys and values go on the stack first, so that the dict is made at its final size at once.
  const size_t base = stack_.size();
  SkipSpace();
  if (p_ < end_ && *p_ == '}') {
    ++p_;
    return Steal(PyDict_New());
  }
  for (;;) {
    SkipSpace();
    if (p_ == end_ || *p_ != '"') Fail("expected a key");
    stack_.push_back(Key().release().ptr());
    SkipSpace();
    if (p_ == end_ || *p_ != ':') Fail("expected ':'");
    ++p_;
    stack_.push_back(Value().release().ptr());
    SkipSpace();
    if (p_ == end_) Fail("unexpected end");
    if (*p_ == ',') {
      ++p_;
      continue;
    }
    if (*p_ == '}') {
      ++p_;
      break;
    }
    Fail("expected ',' or '}'");
  }
  py::object dict = Steal(_PyDict_NewPresized(static_cast<Py_ssize_t>((stack_.size() - base) / 2)));
  for (size_t i = base; i < stack_.size(); i += 2)
    if (PyDict_SetItem(dict.ptr(), stack_[i], stack_[i + 1]) != 0) throw py::error_already_set();
  for (size_t i = base; i < stack_.size(); ++i) Py_DECREF(stack_[i]);
  stack_.resize(base);
  return dict;
}

py::object JsonObjects::Array() {
  ++p_;  // '['
  const size_t base = stack_.size();
  SkipSpace();
  if (p_ < end_ && *p_ == ']') {
    ++p_;
  } else {
    for (;;) {
      stack_.push_back(Value().release().ptr());
      SkipSpace();
      if (p_ == end_) Fail("unexpected end");
      if (*p_ == ',') {
        ++p_;
        continue;
      }
      if (*p_ == ']') {
        ++p_;
        break;
      }
      Fail("expected ',' or ']'");
    }
  }
  py::object list = Steal(PyList_New(static_cast<Py_ssize_t>(stack_.size() - base)));
  // PyList_SET_ITEM takes the stack's reference.
  for (size_t i = base; i < stack_.size(); ++i) PyList_SET_ITEM(list.ptr(), i - base, stack_[i]);
  stack_.resize(base);
  return list;
}

py::object JsonObjects::Key() {
  // The writer's keys are plain ASCII names: looked up as written; anything else made as a string.
  const char* s = p_ + 1;
  const char* q = s;
  while (q < end_ && *q != '"' && *q != '\\') ++q;
  if (q == end_ || *q == '\\') return String();
  const std::string_view name(s, static_cast<size_t>(q - s));
  if (end_ - s < 8) return String();  // too near the end to be read 8 bytes at a time: not shared
  if (PyObject* cached = keys_.Find(s, name.size())) {
    p_ = q + 1;
    return py::reinterpret_borrow<py::object>(cached);
  }
  py::object key = String();
  PyObject* k = key.release().ptr();
  PyUnicode_InternInPlace(&k);
  key = py::reinterpret_steal<py::object>(k);
  Py_ssize_t size = 0;
  const char* utf8 = PyUnicode_AsUTF8AndSize(k, &size);
  if (!utf8) throw py::error_already_set();
  Py_INCREF(k);
  keys_.Add(std::string_view(utf8, static_cast<size_t>(size)), k);
  return key;
}

py::object JsonObjects::String() {
  const char* s = ++p_;  // after '"'
  bool ascii = true;
  const char* q = s;
  uint64_t highs = 0;
  for (; end_ - q >= 8; q += 8) {
    uint64_t w;
    std::memcpy(&w, q, 8);
    if (HasByte(w, '"') | HasByte(w, '\\')) break;
    highs |= w & kHighs;
  }
  ascii = highs == 0;
  for (; q < end_ && *q != '"' && *q != '\\'; ++q) ascii &= static_cast<unsigned char>(*q) < 0x80;
  if (q == end_) Fail("unterminated string");
  if (*q == '"') {
    p_ = q + 1;
    return Text(s, static_cast<size_t>(q - s), ascii);
  }
  // Escapes: the string unescaped into UTF-8 first.
  std::string out(s, q);
  while (q < end_ && *q != '"') {
    const char c = *q;
    if (static_cast<unsigned char>(c) >= 0x80) ascii = false;
    if (c != '\\') {
      out.push_back(c);
      ++q;
      continue;
    }
    if (++q == end_) break;
    switch (*q++) {
      case '"': out.push_back('"'); break;
      case '\\': out.push_back('\\'); break;
      case '/': out.push_back('/'); break;
      case 'b': out.push_back('\b'); break;
      case 'f': out.push_back('\f'); break;
      case 'n': out.push_back('\n'); break;
      case 'r': out.push_back('\r'); break;
      case 't': out.push_back('\t'); break;
      case 'u': {
        auto hex4 = [&](uint32_t* cp) {
          if (end_ - q < 4) return false;
          uint32_t v = 0;
          for (int i = 0; i < 4; ++i) {
            const int d = HexDigit(q[i]);
            if (d < 0) return false;
            v = v * 16 + static_cast<uint32_t>(d);
          }
          q += 4;
          *cp = v;
          return true;
        };
        uint32_t cp;
        if (!hex4(&cp)) Fail("bad \\u escape");
        // A surrogate pair is one character, as json.loads reads it.
        if (cp >= 0xD800 && cp < 0xDC00 && end_ - q >= 6 && q[0] == '\\' && q[1] == 'u') {
          const char* back = q;
          q += 2;
          uint32_t low;
          if (hex4(&low) && low >= 0xDC00 && low < 0xE000) cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          else q = back;
        }
        if (cp >= 0x80) ascii = false;
        AppendUtf8(static_cast<char32_t>(cp), &out);  // a lone surrogate as its 3 bytes, like before
        break;
      }
      default: Fail("bad escape");
    }
  }
  if (q == end_) Fail("unterminated string");
  p_ = q + 1;
  return Text(out.data(), out.size(), ascii);
}

py::object JsonObjects::Number() {
  const char* s = p_;
  const char* q = s;
  if (*q == '-') ++q;
  const char* digits = q;
  while (q < end_ && *q >= '0' && *q <= '9') ++q;
  if (q == digits) Fail("bad number");
  const bool integer = q == end_ || (*q != '.' && *q != 'e' && *q != 'E');
  if (integer) {
    const size_t n = static_cast<size_t>(q - digits);
    p_ = q;
    if (n <= 18) {
      int64_t v = 0;
      for (const char* d = digits; d < q; ++d) v = v * 10 + (*d - '0');
      return Int(*s == '-' ? -v : v);
    }
    const std::string text(s, q);
    return Steal(PyLong_FromString(text.c_str(), nullptr, 10));
  }
  while (q < end_ && ((*q >= '0' && *q <= '9') || *q == '.' || *q == 'e' || *q == 'E' || *q == '+' || *q == '-')) ++q;
  if (q - s == 5 && s[1] == '.' && IsDigit(s[0]) && IsDigit(s[2]) && IsDigit(s[3]) && IsDigit(s[4])) {
    p_ = q;
    return py::reinterpret_steal<py::object>(SharedFixed3(s));
  }
  // The same correctly rounded conversion float() and json.loads use.
  const std::string text(s, q);
  char* stop = nullptr;
  const double v = PyOS_string_to_double(text.c_str(), &stop, nullptr);
  if (v == -1.0 && PyErr_Occurred()) throw py::error_already_set();
  if (stop != text.c_str() + text.size()) Fail("bad number");
  p_ = q;
  return Steal(PyFloat_FromDouble(v));
}

}  // namespace dossier::python
