// ExtractArticle: parse, then main content and metadata from the same tree.
#include "dossier/html.h"
#include "html/content.h"
#include "html/dom.h"
#include "html/gumbo_dom.h"
#include "html/metadata.h"

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
  // TODO(parser): switch to html::ParseHtml once it passes the differential test.
  html::BuildDomWithGumbo(utf8_html, &dom);
  ExtractedArticle article;
  article.blocks = html::ExtractMainContent(dom, &article.strategy);
  article.metadata = html::ExtractMetadata(dom, options.url);
  return article;
}

}  // namespace dossier
