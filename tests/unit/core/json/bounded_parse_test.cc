// core/json/bounded_parse.h: outside JSON nested deeper than the limit is refused before parsing
// (a 100,000-deep body used to overflow a worker's stack in siraya-mock and siraya-harness).
#include "core/json/bounded_parse.h"

#include <gtest/gtest.h>

#include <string>

namespace siraya::core::json {
namespace {

std::string nested_objects(std::size_t depth) {
  std::string s;
  for (std::size_t i = 0; i < depth; ++i) s += "{\"a\":";
  return s + "1" + std::string(depth, '}');
}

TEST(BoundedParse, DepthCountsArraysAndObjectsButNotBracketsInStrings) {
  EXPECT_EQ(nesting_depth("1"), 0u);
  EXPECT_EQ(nesting_depth("{}"), 1u);
  EXPECT_EQ(nesting_depth(R"({"a":[1,{"b":[]}],"c":{}})"), 4u);
  EXPECT_EQ(nesting_depth(R"({"a":"[[[[{{{{","b":"\"[[["})"), 1u);
  EXPECT_EQ(nesting_depth(R"(["\\",[]])"), 2u);  // an escaped backslash ends before the quote
  EXPECT_EQ(nesting_depth(std::string(1000, '['), 10), 11u);  // stops once over the limit
}

TEST(BoundedParse, AtTheLimitParsesOneDeeperIsRefused) {
  const nlohmann::json at = parse_bounded(nested_objects(kMaxJsonNesting));
  EXPECT_TRUE(at.is_object());
  EXPECT_FALSE(too_deep(nested_objects(kMaxJsonNesting)));
  EXPECT_TRUE(parse_bounded(nested_objects(kMaxJsonNesting + 1)).is_discarded());
  EXPECT_TRUE(too_deep(nested_objects(kMaxJsonNesting + 1)));
  EXPECT_TRUE(parse_bounded(nested_objects(100000)).is_discarded());
  EXPECT_TRUE(parse_bounded("{\"a\":").is_discarded());
  EXPECT_FALSE(too_deep("{\"a\":"));
}

}  // namespace
}  // namespace siraya::core::json
