#include <gtest/gtest.h>

#include "dossier/html.h"

namespace dossier {
namespace {

TEST(LooksLikeHtml, OpenersAndCrudeText) {
  EXPECT_TRUE(LooksLikeHtml("<!DOCTYPE html><p>x"));
  EXPECT_TRUE(LooksLikeHtml("  \n<html lang=en>"));
  // A page that opens with a long <style> block: the usual tags are beyond the prefix looked at.
  EXPECT_TRUE(LooksLikeHtml("<style>\n" + std::string(8000, ' ') + "</style><div>x</div>"));
  EXPECT_TRUE(LooksLikeHtml("<script src=a.js></script>"));
  EXPECT_FALSE(LooksLikeHtml("<styles are not tags> and this is crude text"));
  EXPECT_FALSE(LooksLikeHtml("Plain text about <b>bold</b> claims."));
}

}  // namespace
}  // namespace dossier
