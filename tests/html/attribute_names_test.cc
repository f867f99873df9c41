#include "html/attribute_names.h"

#include <gtest/gtest.h>

#include <string>

namespace dossier::html {
namespace {

TEST(AttributeNamesTest, CommonNamesAreStaticCopies) {
  for (const char* name : {"d", "id", "src", "href", "class", "style", "target", "content", "itemprop",
                           "itemscope", "aria-label", "aria-hidden", "aria-expanded", "referrerpolicy",
                           "allowfullscreen", "aria-describedby", "data-src", "viewbox"}) {
    const std::string copy(name);  // another buffer: the result must not point into it
    const std::string_view known = KnownAttributeName(copy);
    EXPECT_EQ(known, copy);
    EXPECT_NE(known.data(), copy.data());
  }
}

TEST(AttributeNamesTest, OtherNamesAreNotKnown) {
  for (const char* name : {"", "x", "clas", "classes", "Class", "data-foo", "aria-", "onload2", "hrefx",
                           "a-very-long-attribute-name-beyond-any-known-one"}) {
    EXPECT_TRUE(KnownAttributeName(name).empty()) << name;
  }
}

}  // namespace
}  // namespace dossier::html
