#include "core/text/edit_distance.h"

#include <gtest/gtest.h>

namespace siraya::core {
namespace {

TEST(EditDistance, CountsInsertionsDeletionsAndSubstitutions) {
  EXPECT_EQ(edit_distance("", ""), 0u);
  EXPECT_EQ(edit_distance("", "abc"), 3u);
  EXPECT_EQ(edit_distance("abc", ""), 3u);
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
  EXPECT_EQ(edit_distance("/v1/chat/completion", "/v1/chat/completions"), 1u);
  EXPECT_EQ(edit_distance("gpt-4o", "gpt-4o"), 0u);
  EXPECT_EQ(edit_distance("ab", "ba"), 2u) << "a transposition is two edits";
}

}  // namespace
}  // namespace siraya::core
