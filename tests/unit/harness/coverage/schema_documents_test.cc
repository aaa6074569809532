// Documented items read from schemas: top-level request properties and the event types a stream
// event schema enumerates, on small documents and on the embedded schemas.
#include "harness/coverage/schema_documents.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>

namespace siraya::harness {
namespace {

using Names = std::vector<std::string>;
using nlohmann::ordered_json;

bool has(const Names& names, const std::string& n) { return std::find(names.begin(), names.end(), n) != names.end(); }

TEST(CoverageSchemaDocuments, TopLevelPropertiesInDocumentOrderWithBranches) {
  const auto schema = ordered_json::parse(R"({
    "properties": {"zeta": {}, "alpha": {"properties": {"nested": {}}}},
    "allOf": [{"properties": {"beta": {}, "zeta": {}}}],
    "oneOf": [{"properties": {"gamma": {}}}],
    "definitions": {"x": {"properties": {"not_top_level": {}}}}
  })");
  EXPECT_EQ(top_level_properties(schema), (Names{"zeta", "alpha", "beta", "gamma"}));
}

TEST(CoverageSchemaDocuments, EventTypesFromConstEnumAndBranches) {
  const auto schema = ordered_json::parse(R"({
    "properties": {"type": {"type": "string"}},
    "allOf": [
      {"if": {"properties": {"type": {"enum": ["a.started", "a.done"]}}},
       "then": {"properties": {"item": {"properties": {"type": {"const": "nested_type"}}}}}},
      {"if": {"properties": {"type": {"const": "a.delta"}}}},
      {"anyOf": [{"properties": {"type": {"const": "a.done"}}}, {"properties": {"type": {"const": "b"}}}]}
    ]
  })");
  EXPECT_EQ(enumerated_event_types(schema), (Names{"a.started", "a.done", "a.delta", "b"}));
}

TEST(CoverageSchemaDocuments, EmbeddedSchemasGiveTheDocumentedLists) {
  const auto docs = SchemaDocuments::embedded();
  auto chat = docs.document("chat/chat_request.json");
  ASSERT_TRUE(chat);
  const auto params = top_level_properties(*chat);
  EXPECT_EQ(params.front(), "model");
  EXPECT_TRUE(has(params, "temperature"));
  EXPECT_TRUE(has(params, "stream_options"));

  auto responses = docs.document("responses/stream_event.json");
  ASSERT_TRUE(responses);
  const auto types = enumerated_event_types(*responses);
  EXPECT_EQ(types.front(), "response.created");
  EXPECT_TRUE(has(types, "response.completed"));
  EXPECT_TRUE(has(types, "response.output_text.delta"));
  EXPECT_FALSE(has(types, "output_text"));  // a content part's type, not an event's

  auto messages = docs.document("messages/stream_event.json");
  ASSERT_TRUE(messages);
  const auto message_types = enumerated_event_types(*messages);
  EXPECT_TRUE(has(message_types, "message_start"));
  EXPECT_TRUE(has(message_types, "content_block_delta"));
  EXPECT_FALSE(has(message_types, "text_delta"));  // a delta's type
}

TEST(CoverageSchemaDocuments, MissingAndBrokenDocumentsAreErrors) {
  const SchemaDocuments docs(std::map<std::string, std::string, std::less<>>{{"bad.json", "{not json"}});
  auto missing = docs.document("none.json");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().id, "coverage.schema");
  auto bad = docs.document("bad.json");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().id, "coverage.schema");
  EXPECT_EQ(bad.error().location, "bad.json");
}

TEST(CoverageSchemaDocuments, ReadsAFolderByRelativePath) {
  const auto dir = std::filesystem::temp_directory_path() / ("siraya-coverage-schemas-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()));
  std::filesystem::create_directories(dir / "chat");
  std::ofstream(dir / "chat" / "chat_request.json") << R"({"properties": {"model": {}}})";
  auto docs = SchemaDocuments::from_directory(dir.string());
  ASSERT_TRUE(docs);
  auto chat = docs->document("chat/chat_request.json");
  ASSERT_TRUE(chat);
  EXPECT_EQ(top_level_properties(*chat), (Names{"model"}));
  std::filesystem::remove_all(dir);
  EXPECT_FALSE(SchemaDocuments::from_directory(dir.string()));
}

}  // namespace
}  // namespace siraya::harness
