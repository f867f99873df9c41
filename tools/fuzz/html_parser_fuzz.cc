// libFuzzer target for the HTML parser: any bytes in (made valid UTF-8, as ParseHtml expects),
// then the tree is dumped and its structure checked (links, document order, depth and node
// limits). The first byte sometimes picks small limits so the bounds get exercised too.
// Build and run: see tools/fuzz/README.md. tests/html/parser_fuzz_test.cc runs it on seeded
// mutations of real pages in every test run.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "html/dom.h"
#include "html/dom_check.h"
#include "html/input_stream.h"
#include "html/parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace dossier::html;
  ParseLimits limits;
  if (size > 0 && data[0] % 4 == 0) {
    limits.max_depth = 1 + data[0] % 40;
    limits.max_nodes = 300 + data[0] * 7;
  }
  const std::string html =
      ReplaceInvalidUtf8(std::string_view(reinterpret_cast<const char*>(data), size));
  Dom dom;
  ParseHtml(html, limits, &dom);
  const std::string dump = DumpTree(dom);
  const std::string problem = CheckDom(dom, limits, html.size());
  if (!problem.empty() || (dump.empty() && !dom.truncated && dom.nodes.size() > 1)) {
    std::fprintf(stderr, "html_parser_fuzz: %s\n", problem.empty() ? "empty dump" : problem.c_str());
    std::abort();
  }
  return 0;
}
