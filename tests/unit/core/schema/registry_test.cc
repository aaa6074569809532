// Loading the registry: the embedded set, override folders, cross-file $ref, and every way a
// schema folder can be broken (each an Error "schema.load" naming the file).
#include "core/schema/registry.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/embedded.h"
#include "tests/unit/core/schema/schema_test_support.h"

namespace siraya::core::schema {
namespace {

using nlohmann::json;
using testing::dump;
using testing::embedded_registry;
using testing::locations;
using testing::TempSchemaDir;

TEST(SchemaRegistry, LoadsEveryEmbeddedSchema) {
  auto registry = Registry::embedded();
  ASSERT_TRUE(registry) << registry.error().to_string();
  std::vector<std::string> ids = (*registry)->ids();
  EXPECT_EQ(ids.size(), core::embedded::schemas().size());
  for (const char* id : {"chat/chat_request.json", "chat/chat_completion.json", "chat/chat_chunk.json",
                         "common/error_envelope.json", "common/anthropic_error.json",
                         "common/usage.json", "models/model_list.json"}) {
    EXPECT_TRUE((*registry)->has(id)) << id;
  }
  EXPECT_FALSE((*registry)->has("chat/missing.json"));
}

// Every file, the meta-schema included, conforms to the draft-07 meta-schema (an exact copy of
// json-schema.org/draft-07/schema, plus a description).
TEST(SchemaRegistry, EveryEmbeddedSchemaIsAValidDraft07Schema) {
  ASSERT_TRUE(embedded_registry().has("common/json_schema_draft07.json"));
  for (const auto& file : core::embedded::schemas()) {
    json doc = json::parse(file.content, nullptr, false);
    ASSERT_FALSE(doc.is_discarded()) << file.path;
    Findings findings = embedded_registry().validate("common/json_schema_draft07.json", doc, file.path);
    EXPECT_TRUE(findings.empty()) << file.path << "\n" << dump(findings);
  }
}

TEST(SchemaRegistry, TheMetaSchemaRejectsMalformedKeywords) {
  Findings f = embedded_registry().validate(
      "common/json_schema_draft07.json",
      json::parse(R"({"properties": {"a": {"type": "strin", "minimum": "1"}}, "required": "a"})"), "schema");
  EXPECT_EQ(locations(f), (std::vector<std::string>{"schema#/properties/a/minimum", "schema#/properties/a/type",
                                                    "schema#/required"}))
      << dump(f);
}

TEST(SchemaRegistry, OurSchemasDeclareDraft07WithTitleAndDescription) {
  for (const auto& file : core::embedded::schemas()) {
    std::string path(file.path);
    if (path.rfind("harness/", 0) == 0) continue;  // the suite schema is not part of this set
    json doc = json::parse(file.content, nullptr, false);
    EXPECT_EQ(doc.value("$schema", ""), "http://json-schema.org/draft-07/schema#") << path;
    EXPECT_TRUE(doc.contains("title") && doc["title"].is_string()) << path;
    EXPECT_TRUE(doc.contains("description") && doc["description"].is_string()) << path;
  }
}

TEST(SchemaRegistry, UnknownIdIsOneFinding) {
  Findings findings = embedded_registry().validate("chat/nope.json", json::object(), "body");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].id, "schema.unknown");
  EXPECT_EQ(findings[0].severity, Severity::error);
  EXPECT_NE(findings[0].what.find("chat/nope.json"), std::string::npos);
}

TEST(SchemaRegistry, ResolvesRelativeReferencesAcrossFiles) {
  TempSchemaDir dir({
      {"a/outer.json", R"({"type": "object", "required": ["usage"],
                           "properties": {"usage": {"$ref": "../common/inner.json#/definitions/usage"},
                                          "whole": {"$ref": "../common/inner.json"}}})"},
      {"common/inner.json", R"({"type": "object",
                               "definitions": {
                                 "count": {"type": "integer", "minimum": 0},
                                 "usage": {"type": "object", "required": ["n"],
                                           "properties": {"n": {"$ref": "#/definitions/count"},
                                                          "same": {"$ref": "inner.json#/definitions/count"}}}}})"},
  });
  auto registry = Registry::from_directory(dir.path());
  ASSERT_TRUE(registry) << registry.error().to_string();
  EXPECT_TRUE((*registry)->has("a/outer.json"));
  EXPECT_TRUE((*registry)->has("common/inner.json"));

  EXPECT_TRUE((*registry)->validate("a/outer.json", json{{"usage", {{"n", 3}}}}, "body").empty());
  Findings f = (*registry)->validate("a/outer.json", json{{"usage", {{"n", -1}, {"same", "x"}}}}, "body");
  ASSERT_EQ(f.size(), 2u) << dump(f);
  EXPECT_EQ(f[0].location, "body#/usage/n");
  EXPECT_NE(f[0].what.find("common/inner.json#/definitions/count/minimum"), std::string::npos) << f[0].what;
  EXPECT_EQ(f[1].location, "body#/usage/same");
  f = (*registry)->validate("a/outer.json", json{{"usage", {{"n", 1}}}, {"whole", 5}}, "body");
  EXPECT_EQ(locations(f), std::vector<std::string>{"body#/whole"}) << dump(f);
}

TEST(SchemaRegistry, ReferenceCyclesAcrossFilesLoad) {
  TempSchemaDir dir({
      {"tree.json", R"({"type": "object", "properties": {"children": {"type": "array",
                        "items": {"$ref": "node.json"}}}})"},
      {"node.json", R"({"type": "object", "required": ["name"], "properties": {
                        "name": {"type": "string"}, "sub": {"$ref": "tree.json"}}})"},
  });
  auto registry = Registry::from_directory(dir.path());
  ASSERT_TRUE(registry) << registry.error().to_string();
  json doc = json::parse(R"({"children": [{"name": "a", "sub": {"children": [{"name": 1}]}}]})");
  EXPECT_EQ(locations((*registry)->validate("tree.json", doc, "body")),
            std::vector<std::string>{"body#/children/0/sub/children/0/name"});
}

struct BadFolder {
  const char* name;
  std::map<std::string, std::string> files;
  const char* location_part;  // expected inside Error::location
  const char* message_part;   // expected inside Error::message
};

class SchemaRegistryBadFolder : public ::testing::TestWithParam<BadFolder> {};

TEST_P(SchemaRegistryBadFolder, IsASchemaLoadErrorNamingTheFile) {
  const BadFolder& bad = GetParam();
  TempSchemaDir dir(bad.files);
  auto registry = Registry::from_directory(dir.path());
  ASSERT_FALSE(registry);
  const Error& e = registry.error();
  EXPECT_EQ(e.id, "schema.load");
  EXPECT_NE(e.location.find(bad.location_part), std::string::npos) << e.to_string();
  EXPECT_NE(e.message.find(bad.message_part), std::string::npos) << e.to_string();
  EXPECT_FALSE(e.fix.empty());
}

INSTANTIATE_TEST_SUITE_P(
    Cases, SchemaRegistryBadFolder,
    ::testing::Values(
        BadFolder{"NotJson", {{"ok.json", "{}"}, {"sub/broken.json", "{\"type\": }"}}, "sub/broken.json",
                  "not valid JSON"},
        BadFolder{"UnknownType", {{"bad.json", R"({"properties": {"a": {"type": "strin"}}})"}},
                  "bad.json#/properties/a/type", "not a valid draft-07 schema"},
        BadFolder{"SchemaIsANumber", {{"bad.json", R"({"properties": {"a": 5}})"}}, "bad.json#/properties/a",
                  "not a valid draft-07 schema"},
        BadFolder{"StringMinimum", {{"ok.json", "true"}, {"bad.json", R"({"minimum": "1"})"}}, "bad.json#/minimum",
                  "expected number, got string \"1\""},
        BadFolder{"MissingFile", {{"x/a.json", R"({"properties": {"u": {"$ref": "../common/usage.json"}}})"}},
                  "x/a.json#/properties/u/$ref", "missing file \"common/usage.json\""},
        BadFolder{"MissingPointer", {{"a.json", R"({"$ref": "#/definitions/nope"})"}}, "a.json#/$ref",
                  "nothing at #/definitions/nope"},
        BadFolder{"RemoteRef", {{"a.json", R"({"$ref": "https://example.com/s.json"})"}}, "a.json#/$ref",
                  "remote"},
        BadFolder{"EscapesFolder", {{"a.json", R"({"$ref": "../../etc.json"})"}}, "a.json#/$ref",
                  "leaves the schema folder"},
        BadFolder{"BadRegex", {{"a.json", R"({"properties": {"s": {"pattern": "(unclosed"}}})"}},
                  "a.json#/properties/s/pattern", "regular expression"},
        BadFolder{"NoSchemas", {{"readme.txt", "hello"}}, "siraya_schema_test_", "no *.json"}),
    [](const ::testing::TestParamInfo<BadFolder>& p) { return std::string(p.param.name); });

TEST(SchemaRegistry, MissingDirectoryIsASchemaLoadError) {
  auto registry = Registry::from_directory("/nonexistent/siraya/schemas");
  ASSERT_FALSE(registry);
  EXPECT_EQ(registry.error().id, "schema.load");
  EXPECT_EQ(registry.error().location, "/nonexistent/siraya/schemas");
}

json small_chat_request() {
  return json::parse(R"({
    "model": "openai/gpt-4o",
    "messages": [
      {"role": "system", "content": "You are terse."},
      {"role": "user", "content": [{"type": "text", "text": "What is in this picture?"},
                                   {"type": "image_url", "image_url": {"url": "https://example.com/a.png"}}]}
    ],
    "temperature": 0.2, "max_tokens": 64, "stream": true, "stream_options": {"include_usage": true},
    "tools": [{"type": "function", "function": {"name": "get_weather",
               "parameters": {"type": "object", "properties": {"city": {"type": "string"}}}}}],
    "tool_choice": "auto"
  })");
}

TEST(SchemaRegistry, ValidatesConcurrentlyFromEightThreads) {
  const Registry& registry = embedded_registry();
  json good = small_chat_request();
  json bad = good;
  bad["temperature"] = 7;
  std::vector<int> failures(8, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) {
        if (!registry.validate("chat/chat_request.json", good, "body").empty()) ++failures[t];
        Findings f = registry.validate("chat/chat_request.json", bad, "body");
        if (f.size() != 1 || f[0].location != "body#/temperature") ++failures[t];
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int t = 0; t < 8; ++t) EXPECT_EQ(failures[t], 0) << "thread " << t;
}

// Not an assertion: prints the cost of validating a small chat request for the record.
TEST(SchemaRegistry, ReportsTimePerValidation) {
  const Registry& registry = embedded_registry();
  json request = small_chat_request();
  json bad = request;
  bad["messages"][1]["content"][1]["image_url"]["url"] = "ftp://x";
  constexpr int kRounds = 500;
  auto time_per = [&](const json& doc) {
    auto start = std::chrono::steady_clock::now();
    std::size_t findings = 0;
    for (int i = 0; i < kRounds; ++i) findings += registry.validate("chat/chat_request.json", doc, "body").size();
    auto elapsed = std::chrono::steady_clock::now() - start;
    return std::make_pair(std::chrono::duration<double, std::micro>(elapsed).count() / kRounds, findings);
  };
  auto [valid_us, none] = time_per(request);
  auto [invalid_us, some] = time_per(bad);
  EXPECT_EQ(none, 0u);
  EXPECT_EQ(some, static_cast<std::size_t>(kRounds));
  std::printf("[ timing   ] chat/chat_request.json: %.1f us per valid request, %.1f us per invalid one\n",
              valid_us, invalid_us);
}

}  // namespace
}  // namespace siraya::core::schema
