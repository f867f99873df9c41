// Dumps every text block of HTML pages with the extractor's decision, one JSON object per block:
//   {"page", "i", "keep", "kind", "level", "chars", "link", "punct", "words", "hidden", "path", "text"}
// A development aid for the main-content extractor (not built by CMake):
//   g++ -O2 -std=c++20 -Iinclude -Isrc bench/tools/content_debug.cc build/libdossier.a \
//       $(pkg-config --libs gumbo) -lz $(pkg-config --libs icu-uc icu-i18n) -o /tmp/content_debug
//   /tmp/content_debug PAGE.html.gz ... > blocks.jsonl
#include <fstream>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "dossier/html.h"
#include "html/content.h"
#include "html/content_blocks.h"
#include "html/content_container.h"
#include "html/content_score.h"
#include "html/parser.h"

using namespace dossier;
using namespace dossier::html;

static std::string Path(const Dom& dom, const PageBlocks& page, uint32_t e, int max_levels) {
  std::string out;
  for (int k = 0; e != kNoNode && k < max_levels; ++k, e = page.elements[e].block_parent) {
    std::string s(dom.nodes[e].name);
    const std::string_view id = dom.Attr(e, "id"), cls = dom.Attr(e, "class");
    if (!id.empty()) s += "#" + std::string(id.substr(0, 30));
    if (!cls.empty()) s += "." + std::string(cls.substr(0, 40));
    if (IsBoilerplateElement(page.elements[e])) s += "[BP]";
    out = out.empty() ? s : s + " < " + out;
  }
  return out;
}

int main(int argc, char** argv) {
  for (int a = 1; a < argc; ++a) {
    std::ifstream in(argv[a], std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string raw = ss.str(), unz, err;
    std::string_view bytes = raw;
    if (IsGzip(bytes)) {
      Gunzip(bytes, &unz, &err);
      bytes = unz;
    }
    DecodedHtml page_text = DecodeHtml(bytes);
    Dom dom;
    ParseHtml(page_text.text, ParseLimits{}, &dom);
    PageBlocks page;
    std::vector<uint32_t> chosen;
    std::string strategy;
    SelectMainContent(dom, &page, &chosen, &strategy);
    {
      ContainerResult cr = SelectByContainer(page);
      std::cerr << argv[a] << ": strategy " << strategy << ", container "
                << (cr.container == kNoNode ? std::string("none") : Path(dom, page, cr.container, 40)) << "\n";
    }
    std::vector<bool> keep(page.blocks.size());
    for (uint32_t i : chosen) keep[i] = true;
    for (size_t i = 0; i < page.blocks.size(); ++i) {
      const RawBlock& b = page.blocks[i];
      nlohmann::json j;
      j["page"] = argv[a];
      j["i"] = i;
      j["keep"] = keep[i] ? 1 : 0;
      j["strategy"] = strategy;
      j["kind"] = std::string(HtmlBlockKindName(b.kind));
      j["level"] = b.level;
      j["chars"] = b.chars;
      j["link"] = b.link_chars;
      j["punct"] = b.punct;
      j["words"] = b.words;
      j["weight"] = BlockWeight(b);
      j["hidden"] = (b.flags & kBlockHidden) ? 1 : 0;
      j["path"] = Path(dom, page, b.owner, getenv("DEPTH") ? atoi(getenv("DEPTH")) : 6);
      j["text"] = std::string(page.Text(b));
      std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    }
  }
}
