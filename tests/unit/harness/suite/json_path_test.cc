#include "harness/suite/json_path.h"

#include <gtest/gtest.h>

namespace siraya::harness {
namespace {

using nlohmann::json;

std::vector<std::string> pointers(const std::string& path, const json& doc) {
  auto p = JsonPath::parse(path);
  EXPECT_TRUE(p) << path;
  std::vector<std::string> out;
  if (!p) return out;
  for (const auto& m : p->find(doc)) out.push_back(m.pointer);
  return out;
}

const json kDoc = json::parse(R"({
  "choices": [{"index": 0, "message": {"role": "assistant"}}, {"index": 1, "message": {"role": "assistant", "tool_calls": []}}],
  "usage": {"a": 1, "b": 2},
  "odd/key": {"~tilde": true},
  "empty": [],
  "n": 5
})");

TEST(JsonPath, ParsesRfc6901AndRejectsTheRest) {
  EXPECT_TRUE(JsonPath::parse(""));
  EXPECT_TRUE(JsonPath::parse("/"));
  EXPECT_TRUE(JsonPath::parse("/a~0b/c~1d/*"));
  auto no_slash = JsonPath::parse("choices/0");
  ASSERT_FALSE(no_slash);
  EXPECT_EQ(no_slash.error().id, "suite.pointer");
  EXPECT_NE(no_slash.error().message.find("start with \"/\""), std::string::npos);
  auto bad_escape = JsonPath::parse("/a~2");
  ASSERT_FALSE(bad_escape);
  EXPECT_NE(bad_escape.error().message.find("~"), std::string::npos);
  EXPECT_FALSE(JsonPath::parse("/a~"));
}

TEST(JsonPath, PlainPointersFindOneValueOrNone) {
  EXPECT_EQ(pointers("/choices/1/index", kDoc), (std::vector<std::string>{"/choices/1/index"}));
  EXPECT_EQ(pointers("", kDoc), (std::vector<std::string>{""}));
  EXPECT_TRUE(pointers("/choices/2", kDoc).empty());   // out of range
  EXPECT_TRUE(pointers("/choices/01", kDoc).empty());  // not a canonical index
  EXPECT_TRUE(pointers("/choices/-", kDoc).empty());   // past the end
  EXPECT_TRUE(pointers("/n/x", kDoc).empty());         // through a scalar
  EXPECT_EQ(pointers("/odd~1key/~0tilde", kDoc), (std::vector<std::string>{"/odd~1key/~0tilde"}));
  EXPECT_FALSE(JsonPath::parse("/n")->has_wildcard());
}

TEST(JsonPath, WildcardsMatchEveryElementAndMember) {
  EXPECT_EQ(pointers("/choices/*/index", kDoc), (std::vector<std::string>{"/choices/0/index", "/choices/1/index"}));
  EXPECT_EQ(pointers("/usage/*", kDoc), (std::vector<std::string>{"/usage/a", "/usage/b"}));
  // Only the elements that have the rest of the path match.
  EXPECT_EQ(pointers("/choices/*/message/tool_calls", kDoc), (std::vector<std::string>{"/choices/1/message/tool_calls"}));
  EXPECT_EQ(pointers("/*/~0tilde", kDoc), (std::vector<std::string>{"/odd~1key/~0tilde"}));
  EXPECT_TRUE(pointers("/empty/*", kDoc).empty());
  EXPECT_TRUE(pointers("/n/*", kDoc).empty());
  EXPECT_TRUE(JsonPath::parse("/choices/*")->has_wildcard());
  const auto p = JsonPath::parse("/choices/*/message/role");
  ASSERT_TRUE(p);
  EXPECT_EQ(*p->find_one(kDoc), "assistant");
}

TEST(JsonPath, EscapesSegments) { EXPECT_EQ(escape_pointer_segment("a/b~c"), "a~1b~0c"); }

}  // namespace
}  // namespace siraya::harness
