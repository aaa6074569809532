#include "mock/generation/json_instance.h"

#include <gtest/gtest.h>

namespace siraya::mock::generation {
namespace {

using nlohmann::json;

TEST(JsonInstance, ObjectWithTypedProperties) {
  const json schema = json::parse(R"({
    "type": "object",
    "properties": {
      "city": {"type": "string"},
      "days": {"type": "integer", "minimum": 1, "maximum": 7},
      "ratio": {"type": "number", "minimum": 0.5, "maximum": 0.75},
      "metric": {"type": "boolean"},
      "unit": {"type": "string", "enum": ["celsius", "fahrenheit"]},
      "tags": {"type": "array", "items": {"type": "string"}, "minItems": 2},
      "when": {"type": "string", "format": "date"}
    },
    "required": ["city"]
  })");
  for (std::uint64_t seed = 0; seed < 30; ++seed) {
    Rng rng(seed);
    const json v = generate_instance(schema, rng);
    ASSERT_TRUE(v.is_object());
    EXPECT_TRUE(v["city"].is_string());
    ASSERT_TRUE(v["days"].is_number_integer());
    EXPECT_GE(v["days"].get<int>(), 1);
    EXPECT_LE(v["days"].get<int>(), 7);
    EXPECT_GE(v["ratio"].get<double>(), 0.5);
    EXPECT_LE(v["ratio"].get<double>(), 0.75);
    EXPECT_TRUE(v["metric"].is_boolean());
    EXPECT_TRUE(v["unit"] == "celsius" || v["unit"] == "fahrenheit");
    EXPECT_GE(v["tags"].size(), 2u);
    EXPECT_EQ(v["when"].get<std::string>().size(), 10u);
  }
}

TEST(JsonInstance, DeterministicPerSeed) {
  const json schema = {{"type", "object"}, {"properties", {{"q", {{"type", "string"}}}}}};
  Rng a(5), b(5);
  EXPECT_EQ(generate_instance(schema, a), generate_instance(schema, b));
}

TEST(JsonInstance, ConstNullableAndEmptySchemas) {
  Rng rng(1);
  EXPECT_EQ(generate_instance(json{{"const", 3}}, rng), 3);
  EXPECT_TRUE(generate_instance(json{{"type", json::array({"null", "integer"})}}, rng).is_number_integer());
  EXPECT_TRUE(generate_instance(json{{"type", "object"}}, rng).is_object());
  EXPECT_TRUE(generate_instance(json::object(), rng).is_string());
  EXPECT_LE(generate_instance(json{{"type", "integer"}, {"maximum", -5}}, rng).get<int>(), -5);
}

TEST(JsonInstance, HostileSchemasStayBounded) {
  Rng rng(2);
  const json wide = json::parse(R"({"type":"array","minItems":1000000000,"items":
    {"type":"array","minItems":1000000000,"items":{"type":"array","minItems":1000000000,"items":
    {"type":"string","minLength":1000000000,"format":7}}}})");
  EXPECT_LE(generate_instance(wide, rng).dump().size(), 1u << 20);
  EXPECT_TRUE(generate_instance(json{{"type", "integer"}, {"minimum", 1e300}}, rng).is_number_integer());
}

}  // namespace
}  // namespace siraya::mock::generation
