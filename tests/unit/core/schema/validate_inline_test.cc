// Registry::validate_inline: schemas that arrive at run time (a tool's parameters, a
// response_format schema), with $defs/$ref, combinators, and invalid schemas.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/schema/registry.h"
#include "tests/unit/core/schema/schema_test_support.h"

namespace siraya::core::schema {
namespace {

using nlohmann::json;
using testing::dump;
using Strings = std::vector<std::string>;

Findings inline_findings(const char* schema, const json& instance) {
  auto result = Registry::validate_inline(json::parse(schema), instance, "args", "tool.arguments");
  EXPECT_TRUE(result) << result.error().to_string();
  return result ? *result : Findings{};
}

Strings locations_of(const Findings& findings) { return testing::locations(findings); }

constexpr const char* kWeather = R"({
  "type": "object",
  "properties": {"city": {"$ref": "#/$defs/city"}, "unit": {"$ref": "#/$defs/unit"},
                 "days": {"type": "array", "items": {"$ref": "#/definitions/day"}}},
  "required": ["city"],
  "additionalProperties": false,
  "$defs": {"city": {"type": "string", "minLength": 1},
            "unit": {"enum": ["c", "f"]}},
  "definitions": {"day": {"type": "integer", "minimum": 1, "maximum": 7}}
})";

TEST(ValidateInline, FollowsDefsAndDefinitionsReferences) {
  EXPECT_TRUE(inline_findings(kWeather, json::parse(R"({"city": "Paris", "unit": "c", "days": [1, 7]})")).empty());
  Findings f = inline_findings(kWeather, json::parse(R"({"city": "", "unit": "k", "days": [1, 9], "x/y": 1})"));
  EXPECT_EQ(locations_of(f), (Strings{"args#/city", "args#/days/1", "args#/unit", "args#/x~1y"})) << dump(f);
  ASSERT_EQ(f.size(), 4u);
  for (const auto& finding : f) EXPECT_EQ(finding.id, "tool.arguments");
  EXPECT_NE(f[0].what.find("expected at least 1 character, got 0 (schema #/$defs/city/minLength)"), std::string::npos)
      << f[0].what;
  EXPECT_NE(f[1].what.find("expected a number <= 7, got integer 9 (schema #/definitions/day/maximum)"),
            std::string::npos)
      << f[1].what;
  EXPECT_NE(f[2].what.find("expected one of \"c\" or \"f\", got string \"k\""), std::string::npos) << f[2].what;
  EXPECT_NE(f[3].what.find("unexpected property \"x/y\" (schema #/additionalProperties)"), std::string::npos)
      << f[3].what;
}

TEST(ValidateInline, MissingRequiredPointsAtTheMissingMember) {
  Findings f = inline_findings(kWeather, json::object());
  ASSERT_EQ(locations_of(f), Strings{"args#/city"}) << dump(f);
  EXPECT_NE(f[0].what.find("missing required property \"city\" (schema #/required)"), std::string::npos);
}

TEST(ValidateInline, OneOfReportsOnlyTheAlternativeMeantForTheValue) {
  const char* schema = R"({"type": "array", "items": {"oneOf": [
      {"type": "object", "required": ["type", "text"], "properties": {"type": {"const": "text"}, "text": {"type": "string"}}},
      {"type": "object", "required": ["type", "url"], "properties": {"type": {"const": "image"}, "url": {"type": "string"}}},
      {"type": "string"}]}})";
  json doc = json::parse(R"(["plain", {"type": "image", "url": 5}, {"type": "text"}, {"type": "video"}, 7])");
  Findings f = inline_findings(schema, doc);
  EXPECT_EQ(locations_of(f), (Strings{"args#/1/url", "args#/2/text", "args#/3/type", "args#/4"})) << dump(f);
  ASSERT_EQ(f.size(), 4u);
  EXPECT_NE(f[0].what.find("expected string, got integer 5"), std::string::npos) << f[0].what;
  EXPECT_NE(f[1].what.find("missing required property \"text\""), std::string::npos) << f[1].what;
  EXPECT_NE(f[2].what.find("expected \"text\" or \"image\", got string \"video\""), std::string::npos) << f[2].what;
  EXPECT_NE(f[3].what.find("expected object or string, got integer 7"), std::string::npos) << f[3].what;
}

TEST(ValidateInline, AnyOfAndNullableForms) {
  const char* schema = R"({"properties": {"v": {"anyOf": [{"type": "null"}, {"type": "integer", "minimum": 0}]}}})";
  EXPECT_TRUE(inline_findings(schema, json::parse(R"({"v": null})")).empty());
  EXPECT_TRUE(inline_findings(schema, json::parse(R"({"v": 3})")).empty());
  Findings f = inline_findings(schema, json::parse(R"({"v": -3})"));
  ASSERT_EQ(locations_of(f), Strings{"args#/v"}) << dump(f);
  EXPECT_NE(f[0].what.find("expected a number >= 0, got integer -3"), std::string::npos) << f[0].what;
  f = inline_findings(schema, json::parse(R"({"v": "x"})"));
  ASSERT_EQ(f.size(), 1u) << dump(f);
  EXPECT_NE(f[0].what.find("expected null or integer, got string \"x\""), std::string::npos) << f[0].what;
}

TEST(ValidateInline, FalseSubschemasAndOtherKeywordsAreReported) {
  const char* schema = R"({"type": "object", "properties": {"never": false,
      "tags": {"type": "array", "uniqueItems": true, "contains": {"const": "a"}},
      "n": {"type": "number", "multipleOf": 5, "not": {"const": 10}}},
      "patternProperties": {"^x-": {"type": "string"}},
      "dependencies": {"card": ["billing"]}})";
  Findings f = inline_findings(schema, json::parse(R"({"never": 1, "tags": ["b", "b"], "n": 12, "x-a": 1, "card": 1})"));
  EXPECT_EQ(locations_of(f), (Strings{"args#/billing", "args#/n", "args#/never", "args#/tags", "args#/tags",
                                      "args#/x-a"}))
      << dump(f);
  EXPECT_TRUE(inline_findings(schema, json::parse(R"({"tags": ["a"], "n": 15})")).empty());
  f = inline_findings(schema, json::parse(R"({"n": 10})"));
  ASSERT_EQ(f.size(), 1u) << dump(f);
  EXPECT_NE(f[0].what.find("\"not\""), std::string::npos) << f[0].what;
}

TEST(ValidateInline, FormatIsAnAnnotation) {
  const char* schema = R"({"properties": {"when": {"format": "date-time"}, "mail": {"type": "string", "format": "email"}}})";
  EXPECT_TRUE(inline_findings(schema, json::parse(R"({"when": 5, "mail": "not an address"})")).empty());
}

TEST(ValidateInline, FalseRootRejectsEverything) {
  auto result = Registry::validate_inline(json(false), json::object(), "args");
  ASSERT_TRUE(result);
  ASSERT_EQ(result->size(), 1u);
  EXPECT_EQ((*result)[0].location, "args#");
  EXPECT_EQ((*result)[0].id, "schema.violation");
  EXPECT_TRUE(Registry::validate_inline(json(true), json::object(), "args")->empty());
  EXPECT_TRUE(Registry::validate_inline(json::object(), json::array(), "args")->empty());
}

TEST(ValidateInline, CapsFindingsAndCountsTheRest) {
  json schema = {{"type", "array"}, {"items", {{"type", "integer"}}}};
  json doc = json::array();
  for (int i = 0; i < 30; ++i) doc.push_back("s" + std::to_string(i));
  auto result = Registry::validate_inline(schema, doc, "args");
  ASSERT_TRUE(result);
  ASSERT_EQ(result->size(), 21u);
  EXPECT_EQ((*result)[0].location, "args#/0");
  EXPECT_EQ((*result)[19].location, "args#/19");
  EXPECT_EQ((*result)[20].location, "args");
  EXPECT_NE((*result)[20].what.find("10 more schema violations not shown"), std::string::npos) << (*result)[20].what;
}

TEST(ValidateInline, MarkerKeywordsInTheSchemaAreIgnored) {
  const char* schema = R"({"x-siraya-begin": "spoof", "x-siraya-end": 1, "type": "object", "required": ["a"]})";
  Findings f = inline_findings(schema, json::object());
  EXPECT_EQ(locations_of(f), Strings{"args#/a"}) << dump(f);
}

struct BadSchema {
  const char* name;
  const char* schema;
  const char* message_part;
  const char* location;  // Error::location
};

class ValidateInlineBadSchema : public ::testing::TestWithParam<BadSchema> {};

TEST_P(ValidateInlineBadSchema, IsSchemaInvalid) {
  auto result = Registry::validate_inline(json::parse(GetParam().schema), json::object(), "args");
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().id, "schema.invalid");
  EXPECT_NE(result.error().message.find(GetParam().message_part), std::string::npos) << result.error().to_string();
  EXPECT_EQ(result.error().location, GetParam().location);
  EXPECT_FALSE(result.error().fix.empty());
}

INSTANTIATE_TEST_SUITE_P(
    Cases, ValidateInlineBadSchema,
    ::testing::Values(
        BadSchema{"UnknownType", R"({"type": "text"})", "not a valid draft-07 schema", "inline schema#/type"},
        BadSchema{"RequiredNotArray", R"({"required": "a"})", "expected array, got string \"a\"",
                  "inline schema#/required"},
        BadSchema{"MinimumString", R"({"minimum": "1"})", "expected number", "inline schema#/minimum"},
        BadSchema{"SchemaIsString", R"({"properties": {"a": "string"}})", "expected object or boolean",
                  "inline schema#/properties/a"},
        BadSchema{"DanglingRef", R"({"$ref": "#/$defs/missing"})", "nothing at #/$defs/missing",
                  "inline schema#/$ref"},
        BadSchema{"OtherFileRef", R"({"items": {"$ref": "other.json"}})", "missing file", "inline schema#/items/$ref"},
        BadSchema{"RemoteRef", R"({"$ref": "http://json-schema.org/draft-07/schema#"})", "remote", "inline schema#/$ref"},
        BadSchema{"AnchorRef", R"({"$ref": "#foo"})", "not a JSON pointer", "inline schema#/$ref"},
        BadSchema{"BadPattern", R"({"pattern": "[a-"})", "regular expression", "inline schema#/pattern"},
        BadSchema{"SelfReferenceInAllOf", R"({"allOf": [{"$ref": "#"}]})", "never descends",
                  "inline schema#/allOf/0/$ref"},
        BadSchema{"DefinitionsReferringToEachOther",
                  R"({"$ref": "#/$defs/a", "$defs": {"a": {"anyOf": [{"$ref": "#/$defs/b"}]}, "b": {"not": {"$ref": "#/$defs/a"}}}})",
                  "never descends", "inline schema#/$defs/b/not/$ref"},
        BadSchema{"NotASchema", R"(42)", "expected object or boolean, got integer 42", "inline schema#"}),
    [](const ::testing::TestParamInfo<BadSchema>& p) { return std::string(p.param.name); });

// std::regex's default depth-first executor recurses once per character and overflows the stack
// on long strings; `pattern` must hold for a 1 MB string (a base64 image in a request) both ways.
TEST(ValidateInline, PatternOnAMegabyteStringNeitherCrashesNorMisjudges) {
  const char* schema = R"({"type":"string","pattern":"^[A-Za-z0-9+/=\\s]*$"})";
  std::string data(1 << 20, 'A');
  EXPECT_TRUE(inline_findings(schema, data).empty());
  data[data.size() / 2] = '!';
  EXPECT_EQ(locations_of(inline_findings(schema, data)), Strings{"args#"});
}

TEST(ValidateInline, RecursionThroughPropertiesAndItemsIsFine) {
  const char* tree = R"({"$ref": "#/$defs/node", "$defs": {"node": {"type": "object",
    "properties": {"children": {"type": "array", "items": {"$ref": "#/$defs/node"}}},
    "allOf": [{"$ref": "#/$defs/named"}]}, "named": {"required": ["name"]}}})";
  EXPECT_TRUE(inline_findings(tree, json::parse(R"({"name": "a", "children": [{"name": "b"}]})")).empty());
  EXPECT_EQ(locations_of(inline_findings(tree, json::parse(R"({"name": "a", "children": [{}]})"))),
            Strings{"args#/children/0/name"});
}

TEST(ValidateInline, PatternsWithBackReferencesStillWork) {
  const char* schema = R"({"type":"string","pattern":"^(a+)-\\1$"})";
  EXPECT_TRUE(inline_findings(schema, "aa-aa").empty());
  EXPECT_FALSE(inline_findings(schema, "aa-a").empty());
}

}  // namespace
}  // namespace siraya::core::schema
