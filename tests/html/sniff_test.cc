// LooksLikeHtml: HTML pages versus crude text.
#include <gtest/gtest.h>
#include <unicode/ucnv.h>

#include <string>

#include "dossier/html.h"

namespace dossier {
namespace {

std::string Utf16Le(std::string_view ascii) {
  std::string out;
  for (char c : ascii) {
    out.push_back(c);
    out.push_back('\0');
  }
  return out;
}

std::string Utf16Be(std::string_view ascii) {
  std::string out;
  for (char c : ascii) {
    out.push_back('\0');
    out.push_back(c);
  }
  return out;
}

TEST(LooksLikeHtml, Pages) {
  EXPECT_TRUE(LooksLikeHtml("<!DOCTYPE html><html><head><title>x</title></head></html>"));
  EXPECT_TRUE(LooksLikeHtml("<!doctype  HTML>\n<p>hi"));
  EXPECT_TRUE(LooksLikeHtml("<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\">"));
  EXPECT_TRUE(LooksLikeHtml("\n\n   <html lang=\"en\">"));
  EXPECT_TRUE(LooksLikeHtml("<HEAD><TITLE>old</TITLE></HEAD>"));
  EXPECT_TRUE(LooksLikeHtml("<body>"));
  EXPECT_TRUE(LooksLikeHtml("<div class=\"story\"><p>Fragment</p></div>"));
  EXPECT_TRUE(LooksLikeHtml("<meta charset=utf-8><title>t</title>"));
}

TEST(LooksLikeHtml, PagesOpeningWithCommentsXmlOrBom) {
  EXPECT_TRUE(LooksLikeHtml("<!-- saved from url=(0014)about:internet -->\n<!DOCTYPE html><html>"));
  EXPECT_TRUE(LooksLikeHtml("<!--[if IE]><div>old IE</div><![endif]-->\n<!DOCTYPE html>"));
  // The comment mentions <div>, but what follows the comments decides.
  EXPECT_TRUE(LooksLikeHtml("<!-- a --><!-- b -->\n<html>"));
  EXPECT_TRUE(LooksLikeHtml("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!DOCTYPE html PUBLIC "
                            "\"-//W3C//DTD XHTML 1.0 Strict//EN\"><html xmlns=\"http://www.w3.org/1999/xhtml\">"));
  EXPECT_TRUE(LooksLikeHtml("\xEF\xBB\xBF<!DOCTYPE html>"));
  EXPECT_TRUE(LooksLikeHtml("\xEF\xBB\xBF  <html>"));
  // XML that is not HTML.
  EXPECT_FALSE(LooksLikeHtml("<?xml version=\"1.0\"?><rss><channel><title>x</title></channel></rss>"));
  // A comment longer than the prefix gives no verdict: not HTML.
  EXPECT_FALSE(LooksLikeHtml("<!--" + std::string(5000, 'x') + "--><html>"));
}

TEST(LooksLikeHtml, Utf16Pages) {
  EXPECT_TRUE(LooksLikeHtml("\xFF\xFE" + Utf16Le("<!DOCTYPE html><html>")));
  EXPECT_TRUE(LooksLikeHtml("\xFE\xFF" + Utf16Be("<html><head>")));
  EXPECT_TRUE(LooksLikeHtml(Utf16Le("<!DOCTYPE html><html><body>")));  // no BOM
  EXPECT_TRUE(LooksLikeHtml(Utf16Be("<!DOCTYPE html><html><body>")));
  // UTF-16 plain text with a BOM is still text.
  EXPECT_FALSE(LooksLikeHtml("\xFF\xFE" + Utf16Le("Dear editor, the minister said on Monday...")));
}

TEST(LooksLikeHtml, CrudeText) {
  EXPECT_FALSE(LooksLikeHtml(""));
  EXPECT_FALSE(LooksLikeHtml("   \n"));
  EXPECT_FALSE(LooksLikeHtml("The minister said on Monday that the budget would be balanced."));
  EXPECT_FALSE(LooksLikeHtml("Use the <p> element for paragraphs, said the style guide."));
  EXPECT_FALSE(LooksLikeHtml("x < y and y > z, so <3 is a heart"));
  EXPECT_FALSE(LooksLikeHtml("<<< BREAKING >>> Markets fall"));
  EXPECT_FALSE(LooksLikeHtml("\xEF\xBB\xBFPlain text with a BOM"));
  // A tag name that merely starts like a known one.
  EXPECT_FALSE(LooksLikeHtml("<headline>Markets fall</headline>"));
  // Text that quotes a lot of markup does look like HTML.
  EXPECT_TRUE(LooksLikeHtml("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><head><title>x"));
}

}  // namespace
}  // namespace dossier

// Cases from the content extractor's work on real pages: a page may open with a long <style> or a
// <script> before any other tag.
namespace dossier {
namespace {
TEST(LooksLikeHtml, PagesOpeningWithStyleOrScript) {
  EXPECT_TRUE(LooksLikeHtml("<!DOCTYPE html><p>x"));
  EXPECT_TRUE(LooksLikeHtml("  \n<html lang=en>"));
  EXPECT_TRUE(LooksLikeHtml("<style>\n" + std::string(8000, ' ') + "</style><div>x</div>"));
  EXPECT_TRUE(LooksLikeHtml("<script src=a.js></script>"));
  EXPECT_FALSE(LooksLikeHtml("<styles are not tags> and this is crude text"));
  EXPECT_FALSE(LooksLikeHtml("Plain text about <b>bold</b> claims."));
}
}  // namespace
}  // namespace dossier
