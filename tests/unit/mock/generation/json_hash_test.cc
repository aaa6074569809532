// mock/generation/json_hash: hashing fields in place gives the hash of their serialised object,
// so every generated answer stays what it was when the mock hashed to_json_text() of a copy.
#include "mock/generation/json_hash.h"

#include <gtest/gtest.h>

#include "mock/generation/hash.h"
#include "mock/json_text.h"

namespace siraya::mock::generation {
namespace {

using nlohmann::json;

const json kMessages = json::parse(R"([{"role":"user","content":[{"type":"text","text":"caf\u00e9 \"quoted\"\n"},
  {"type":"image_url","image_url":{"url":"data:image/png;base64,AAAA"}}]},{"role":"assistant","content":null}])");

TEST(JsonHash, AnObjectOfFieldsHashesLikeItsText) {
  const json model = "openai/gpt-4o", tools = json::array({{{"type", "function"}, {"function", {{"name", "f"}}}}});
  const json seed = 7, choice = "auto";
  // Given out of order, with one field missing: the text is of the object as nlohmann orders it.
  const json object = {{"model", model}, {"messages", kMessages}, {"tools", tools}, {"seed", seed}, {"tool_choice", choice}};
  EXPECT_EQ(fnv1a_object({{"tools", &tools}, {"model", &model}, {"response_format", nullptr}, {"messages", &kMessages},
                          {"seed", &seed}, {"tool_choice", &choice}},
                         42),
            fnv1a(to_json_text(object), 42));
  EXPECT_EQ(fnv1a_object({}, 1), fnv1a("{}", 1));
}

TEST(JsonHash, AValueHashesLikeItsText) {
  for (const json& v : {kMessages, json(nullptr), json(1.5), json("x"), json::object(), json::array()}) {
    EXPECT_EQ(fnv1a_json(v, 9), fnv1a(to_json_text(v), 9)) << v;
  }
  // Invalid UTF-8 (as from the URL) is replaced, as in to_json_text, rather than thrown on.
  const json bad = std::string("a\xff" "b");
  EXPECT_EQ(fnv1a_json(bad, 9), fnv1a(to_json_text(bad), 9));
}

TEST(JsonHash, DifferentFieldsHashDifferently) {
  const json a = "a", b = "b";
  EXPECT_NE(fnv1a_object({{"k", &a}}, 0), fnv1a_object({{"k", &b}}, 0));
  EXPECT_NE(fnv1a_object({{"k", &a}}, 0), fnv1a_object({{"j", &a}}, 0));
}

}  // namespace
}  // namespace siraya::mock::generation
