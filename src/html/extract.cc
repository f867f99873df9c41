// ExtractArticle: parse, then main content and metadata from the same tree.
#include "dossier/html.h"
#include "html/content.h"
#include "html/dom.h"
#include "html/gumbo_dom.h"
#include "html/metadata.h"
#include "html/parser.h"

namespace dossier {

std::string_view HtmlBlockKindName(HtmlBlockKind kind) {
  switch (kind) {
    case HtmlBlockKind::kParagraph: return "paragraph";
    case HtmlBlockKind::kHeading: return "heading";
    case HtmlBlockKind::kListItem: return "list_item";
    case HtmlBlockKind::kBlockquote: return "blockquote";
    case HtmlBlockKind::kTable: return "table";
    case HtmlBlockKind::kCode: return "code";
    case HtmlBlockKind::kCaption: return "caption";
  }
  return "paragraph";
}

ExtractedArticle ExtractArticle(std::string_view utf8_html, const ExtractOptions& options) {
  // One tree per thread, reused across pages so the arena and node vectors are not reallocated.
  thread_local html::Dom dom;
  // Our own parser: it gives gumbo's tree on every benchmark page (tests/html/
  // parser_differential_test.cc) at several times gumbo's speed, and bounds depth and node count on
  // hostile input. gumbo (unbounded, recursive in places) only on request, as the reference for
  // comparisons (`dossier extract --reference-parser`).
  if (options.reference_parser) {
    html::BuildDomWithGumbo(utf8_html, &dom);
  } else {
    html::ParseLimits limits;
    limits.max_depth = options.max_depth;
    limits.max_nodes = options.max_nodes;
    html::ParseHtml(utf8_html, limits, &dom);
  }
  ExtractedArticle article;
  article.blocks = html::ExtractMainContent(dom, &article.strategy);
  article.metadata = html::ExtractMetadata(dom, options.url);
  return article;
}

}  // namespace dossier
