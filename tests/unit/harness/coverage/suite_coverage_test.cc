// Static coverage over tests/data/coverage/small.suite.json: the exact covered and uncovered
// items of every dimension, with small stand-in request and stream event schemas so the lists
// stay short (the endpoint table and the status list are the real ones).
#include "harness/coverage/suite_coverage.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/schema/registry.h"
#include "harness/suite/loader.h"

namespace siraya::harness {
namespace {

using Names = std::vector<std::string>;

SchemaDocuments small_schemas() {
  return SchemaDocuments({
      {"chat/chat_request.json",
       R"({"type": "object", "properties": {"model": {}, "messages": {}, "stream": {}, "stream_options": {},
           "temperature": {}, "top_p": {}}})"},
      {"embeddings/embeddings_request.json", R"({"properties": {"model": {}, "input": {}, "dimensions": {}}})"},
      {"rerank/rerank_request.json", R"({"properties": {"model": {}, "query": {}, "documents": {}}})"},
      {"responses/responses_request.json",
       R"({"properties": {"model": {}, "input": {}, "stream": {}}, "allOf": [{"properties": {"previous_response_id": {}}}]})"},
      {"messages/messages_request.json", R"({"properties": {"model": {}, "max_tokens": {}, "messages": {}, "stream": {}}})"},
      {"responses/stream_event.json",
       R"({"properties": {"type": {"enum": ["response.created", "response.completed"]}},
           "allOf": [{"if": {"properties": {"type": {"const": "response.output_text.delta"}}},
                      "then": {"properties": {"part": {"properties": {"type": {"const": "output_text"}}}}}}]})"},
      {"messages/stream_event.json",
       R"({"allOf": [{"if": {"properties": {"type": {"const": "message_start"}}}},
                     {"if": {"properties": {"type": {"enum": ["message_delta", "message_stop"]}}}}]})"},
  });
}

std::vector<Suite> small_suite() {
  auto registry = core::schema::Registry::embedded();
  EXPECT_TRUE(registry);
  SuiteLoader loader(*registry);
  auto suite = loader.load_file(std::string(SIRAYA_SOURCE_DIR) + "/tests/data/coverage/small.suite.json");
  EXPECT_TRUE(suite) << (suite ? "" : suite.error().to_string());
  return {*suite};
}

CoverageReport small_report() {
  auto report = analyse_suites(small_suite(), small_schemas());
  EXPECT_TRUE(report) << (report ? "" : report.error().to_string());
  return *report;
}

// "group:name" (or "name") of the items of one dimension that are, or are not, covered.
Names names(const CoverageReport& report, std::string_view dimension, bool covered) {
  Names out;
  for (const auto& i : report.find(dimension)->items) {
    if (i.covered() == covered) out.push_back(i.group.empty() ? i.name : i.group + ":" + i.name);
  }
  return out;
}

Names extra(const CoverageReport& report, std::string_view dimension) {
  Names out;
  for (const auto& i : report.find(dimension)->extra) out.push_back(i.group.empty() ? i.name : i.group + ":" + i.name);
  return out;
}

Names cases_of(const CoverageReport& report, std::string_view dimension, const std::string& name) {
  for (const auto& i : report.find(dimension)->items) {
    if ((i.group.empty() ? i.name : i.group + ":" + i.name) == name) return i.cases;
  }
  return {"(no such item)"};
}

TEST(CoverageAnalysis, CountsSuitesAndCases) {
  const auto report = small_report();
  EXPECT_EQ(report.suites, 1u);
  EXPECT_EQ(report.cases, 10u);
  ASSERT_EQ(report.dimensions.size(), 5u);
  EXPECT_EQ(report.dimensions[0].id, kCoverageEndpoints);
  EXPECT_EQ(report.dimensions[4].id, kCoverageSchemas);
}

TEST(CoverageAnalysis, EndpointsByMethodPathAndMode) {
  const auto report = small_report();
  EXPECT_EQ(names(report, kCoverageEndpoints, true),
            (Names{"GET /v1/models", "POST /v1/chat/completions (buffered)", "POST /v1/chat/completions (stream)",
                   "POST /v1/embeddings", "POST /v1/responses (buffered)", "POST /v1/responses (stream)",
                   "POST /v1/messages (buffered)"}));
  // GET /messages (a 405 case) does not cover POST /v1/messages; nothing streams messages.
  EXPECT_EQ(names(report, kCoverageEndpoints, false), (Names{"POST /v1/rerank", "POST /v1/messages (stream)"}));
  // stream: true with an expected 400 reads no stream: it counts for the buffered mode.
  EXPECT_EQ(cases_of(report, kCoverageEndpoints, "POST /v1/chat/completions (buffered)"),
            (Names{"coverage/small#chat-text", "coverage/small#chat-stream-invalid", "coverage/small#chat-raw"}));
  EXPECT_EQ(cases_of(report, kCoverageEndpoints, "POST /v1/chat/completions (stream)"),
            (Names{"coverage/small#chat-stream-usage"}));
  EXPECT_TRUE(extra(report, kCoverageEndpoints).empty());
}

TEST(CoverageAnalysis, StatusesFromExpectStatus) {
  const auto report = small_report();
  EXPECT_EQ(names(report, kCoverageStatuses, true), (Names{"400", "401", "404", "405"}));
  EXPECT_EQ(names(report, kCoverageStatuses, false), (Names{"402", "403", "408", "413", "429", "502", "503"}));
  EXPECT_EQ(extra(report, kCoverageStatuses), (Names{"500"}));
  EXPECT_EQ(cases_of(report, kCoverageStatuses, "400"),
            (Names{"coverage/small#chat-stream-invalid", "coverage/small#chat-raw", "coverage/small#responses-follow-up"}));
}

TEST(CoverageAnalysis, ParametersFromJsonBodiesOnly) {
  const auto report = small_report();
  EXPECT_EQ(names(report, kCoverageParameters, true),
            (Names{"chat_completions:model", "chat_completions:messages", "chat_completions:stream",
                   "chat_completions:stream_options", "chat_completions:temperature", "embeddings:model",
                   "embeddings:input", "responses:model", "responses:input", "responses:stream",
                   "responses:previous_response_id", "messages:model", "messages:max_tokens", "messages:messages"}));
  // top_p appears only in chat-raw's raw_body, which counts for nothing.
  EXPECT_EQ(names(report, kCoverageParameters, false),
            (Names{"chat_completions:top_p", "embeddings:dimensions", "rerank:model", "rerank:query",
                   "rerank:documents", "messages:stream"}));
  // unknown-path's body addresses no endpoint: its keys count nowhere.
  EXPECT_EQ(extra(report, kCoverageParameters), (Names{"embeddings:x_vendor_flag"}));
}

TEST(CoverageAnalysis, EventTypesDeclaredByCapturesAndImpliedChatKinds) {
  const auto report = small_report();
  EXPECT_EQ(names(report, kCoverageEvents, true),
            (Names{"chat:role", "chat:content", "chat:finish", "chat:usage", "responses:response.completed"}));
  // The nested part type "output_text" is not an event type.
  EXPECT_EQ(names(report, kCoverageEvents, false),
            (Names{"chat:tool_calls", "chat:error", "responses:response.created", "responses:response.output_text.delta",
                   "messages:message_start", "messages:message_delta", "messages:message_stop"}));
  EXPECT_EQ(cases_of(report, kCoverageEvents, "responses:response.completed"),
            (Names{"coverage/small#responses-follow-up"}));
  EXPECT_NE(report.find(kCoverageEvents)->basis.find("static: declared by expect/capture"), std::string::npos);
}

TEST(CoverageAnalysis, SchemasEachResponseIsCheckedAgainst) {
  const auto report = small_report();
  EXPECT_EQ(names(report, kCoverageSchemas, true),
            (Names{"models/model_list.json", "common/error_envelope.json", "chat/chat_completion.json",
                   "chat/chat_chunk.json", "responses/stream_event.json", "messages/error.json"}));
  EXPECT_EQ(names(report, kCoverageSchemas, false),
            (Names{"embeddings/embedding_list.json", "rerank/rerank_response.json", "responses/response.json",
                   "messages/message.json", "messages/stream_event.json"}));
  EXPECT_EQ(extra(report, kCoverageSchemas), (Names{"common/anthropic_error.json"}));
}

TEST(CoverageAnalysis, TotalCountsEveryItemOnce) {
  const auto report = small_report();
  // 7 of 9 endpoints, 4 of 11 statuses, 14 of 20 parameters, 5 of 12 event types, 6 of 11 schemas.
  EXPECT_EQ(report.covered(), 7u + 4u + 14u + 5u + 6u);
  EXPECT_EQ(report.total(), 9u + 11u + 20u + 12u + 11u);
  EXPECT_DOUBLE_EQ(report.percent(), 100.0 * 36.0 / 63.0);
}

TEST(CoverageAnalysis, ForcedToolChoiceImpliesToolCallsNotContent) {
  Suite suite;
  suite.name = "s";
  Case c;
  c.id = "tools";
  Step step;
  step.request.method = "POST";
  step.request.path = "/chat/completions";
  nlohmann::json body = {{"stream", true}, {"tool_choice", "required"}};
  body["tools"] = nlohmann::json::array({nlohmann::json{{"type", "function"}}});
  step.request.body = body;
  c.steps.push_back(step);
  suite.cases.push_back(c);
  auto report = analyse_suites({suite}, small_schemas());
  ASSERT_TRUE(report);
  EXPECT_EQ(names(*report, kCoverageEvents, true), (Names{"chat:role", "chat:tool_calls", "chat:finish"}));
}

TEST(CoverageAnalysis, MissingRequestSchemaIsAnError) {
  auto report = analyse_suites({}, SchemaDocuments({}));
  ASSERT_FALSE(report);
  EXPECT_EQ(report.error().id, "coverage.schema");
  EXPECT_EQ(report.error().location, "chat/chat_request.json");
}

}  // namespace
}  // namespace siraya::harness
