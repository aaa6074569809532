// The response-side schemas (chat completion, chunk, model list, usage, error bodies) against
// hand-made documents: documented shapes pass, broken ones are reported at the right pointer.
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
using testing::embedded_registry;
using testing::locations;
using Strings = std::vector<std::string>;

Findings check(const char* id, const json& doc) { return embedded_registry().validate(id, doc, "body"); }

json completion() {
  return json::parse(R"({
    "id": "chatcmpl-9a8b7c6d5e", "object": "chat.completion", "created": 1761200000, "model": "openai/gpt-4o",
    "choices": [{"index": 0, "message": {"role": "assistant", "content": "Paris.", "refusal": null},
                 "logprobs": null, "finish_reason": "stop"}],
    "usage": {"prompt_tokens": 14, "completion_tokens": 8, "total_tokens": 22,
              "prompt_tokens_details": {"cached_tokens": 0}, "completion_tokens_details": {"reasoning_tokens": 0}}
  })");
}

json chunk() {
  return json::parse(R"({"id": "chatcmpl-1", "object": "chat.completion.chunk", "created": 1761200000,
    "model": "openai/gpt-4o", "choices": [{"index": 0, "delta": {"content": "Hel"}, "logprobs": null,
    "finish_reason": null}]})");
}

TEST(ChatCompletionSchema, AcceptsTheReferenceExamples) {
  EXPECT_TRUE(check("chat/chat_completion.json", completion()).empty()) << dump(check("chat/chat_completion.json", completion()));
  json tools = completion();
  tools["choices"][0]["message"] = json::parse(R"({"role": "assistant", "content": null, "refusal": null,
      "tool_calls": [{"id": "call_X", "type": "function", "function": {"name": "get_weather", "arguments": "{}"}}]})");
  tools["choices"][0]["finish_reason"] = "tool_calls";
  tools["system_fingerprint"] = nullptr;
  tools["provider"] = "OpenAI";
  tools["choices"][0]["logprobs"] = json::parse(R"({"content": [{"token": "a", "logprob": -0.1, "bytes": [97],
      "top_logprobs": []}], "refusal": null})");
  EXPECT_TRUE(check("chat/chat_completion.json", tools).empty()) << dump(check("chat/chat_completion.json", tools));
  for (const char* reason : {"length", "content_filter", "error"}) {
    json doc = completion();
    doc["choices"][0]["finish_reason"] = reason;
    EXPECT_TRUE(check("chat/chat_completion.json", doc).empty()) << reason;
  }
}

TEST(ChatCompletionSchema, ReportsBrokenFieldsAtTheirPointers) {
  json doc = completion();
  doc["choices"][0]["finish_reason"] = "eos";
  doc["choices"][0].erase("logprobs");
  doc["choices"][0]["message"]["content"] = 5;
  doc["usage"]["total_tokens"] = -1;
  doc["created"] = "2026-01-01";
  Findings f = check("chat/chat_completion.json", doc);
  EXPECT_EQ(locations(f), (Strings{"body#/choices/0/finish_reason", "body#/choices/0/logprobs",
                                   "body#/choices/0/message/content", "body#/created", "body#/usage/total_tokens"}))
      << dump(f);
  ASSERT_EQ(f.size(), 5u);
  EXPECT_NE(f[0].what.find("got string \"eos\""), std::string::npos) << f[0].what;
  EXPECT_NE(f[0].what.find("(schema chat/definitions.json#/definitions/finish_reason/enum)"), std::string::npos)
      << f[0].what;
  EXPECT_NE(f[1].what.find("missing required property \"logprobs\""), std::string::npos);
  EXPECT_NE(f[3].what.find("expected integer, got string \"2026-01-01\""), std::string::npos) << f[3].what;
  EXPECT_NE(f[4].what.find("common/usage.json#/definitions/token_count/minimum"), std::string::npos) << f[4].what;
}

TEST(ChatChunkSchema, AcceptsTheReferenceStreamShapes) {
  const char* chunks[] = {
      R"({"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}]})",
      R"({"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}],"usage":null})",
      R"({"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"role":"assistant","content":null,"tool_calls":[{"index":0,"id":"call_abc","type":"function","function":{"name":"get_weather","arguments":""}}]},"logprobs":null,"finish_reason":null}]})",
      R"({"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\"city\":"}}]},"finish_reason":null}]})",
      // §8.5 usage chunk
      R"({"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[],"usage":{"prompt_tokens":14,"completion_tokens":3,"total_tokens":17}})",
      // §8.6 mid-stream error chunk, integer and string codes
      R"({"id":"c","object":"chat.completion.chunk","created":1,"model":"m","error":{"code":502,"message":"Upstream provider disconnected"},"choices":[{"index":0,"delta":{"content":""},"finish_reason":"error"}]})",
      R"({"id":"c","object":"chat.completion.chunk","created":1,"model":"m","error":{"code":"server_error","message":"x"},"choices":[{"index":0,"delta":{},"finish_reason":"error"}]})",
      // Azure's first chunk: empty id, object and model, created 0, only prompt_filter_results
      R"({"choices":[],"created":0,"id":"","model":"","object":"","prompt_filter_results":[{"prompt_index":0}]})",
      // Mistral: content as an array of parts
      R"({"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":[{"type":"text","text":"Hi"}]},"finish_reason":null}]})",
  };
  for (const char* text : chunks) {
    Findings f = check("chat/chat_chunk.json", json::parse(text));
    EXPECT_TRUE(f.empty()) << text << "\n" << dump(f);
  }
}

TEST(ChatChunkSchema, ReportsBrokenFieldsAtTheirPointers) {
  json doc = chunk();
  doc["choices"][0]["finish_reason"] = "eos";
  Findings f = check("chat/chat_chunk.json", doc);
  ASSERT_EQ(locations(f), Strings{"body#/choices/0/finish_reason"}) << dump(f);
  EXPECT_NE(f[0].what.find("expected null, \"stop\", \"length\", \"tool_calls\", \"content_filter\" or \"error\", "
                           "got string \"eos\""),
            std::string::npos)
      << f[0].what;

  doc = chunk();
  doc["choices"][0].erase("finish_reason");
  doc["choices"][0]["delta"]["tool_calls"] = json::parse(R"([{"id": "call_1"}])");
  doc["choices"][0]["delta"]["role"] = "user";
  f = check("chat/chat_chunk.json", doc);
  EXPECT_EQ(locations(f), (Strings{"body#/choices/0/delta/role", "body#/choices/0/delta/tool_calls/0/index",
                                   "body#/choices/0/finish_reason"}))
      << dump(f);

  doc = chunk();
  doc["object"] = "chat.completion";
  doc.erase("id");
  doc["usage"] = "none";
  f = check("chat/chat_chunk.json", doc);
  EXPECT_EQ(locations(f), (Strings{"body#/id", "body#/object", "body#/usage"})) << dump(f);

  f = check("chat/chat_chunk.json", json::parse(R"({"choices": [], "usage": {"prompt_tokens": 1}})"));
  EXPECT_EQ(locations(f), (Strings{"body#/usage/completion_tokens", "body#/usage/total_tokens"})) << dump(f);
  f = check("chat/chat_chunk.json", json::parse(R"({"id": "c", "object": "chat.completion.chunk"})"));
  EXPECT_EQ(locations(f), Strings{"body#/choices"}) << dump(f);
}

TEST(ModelListSchema, AcceptsTheReferenceListWithExtensions) {
  json list = json::parse(R"({"object": "list", "data": [
      {"id": "openai/gpt-4o", "object": "model", "created": 1715367049, "owned_by": "openai",
       "context_length": 128000, "pricing": {"prompt": "0.0000025"}},
      {"id": "cohere/rerank-v3.5", "object": "model", "created": 1733097600, "owned_by": "cohere"}]})");
  EXPECT_TRUE(check("models/model_list.json", list).empty()) << dump(check("models/model_list.json", list));
  EXPECT_TRUE(check("models/model_list.json", json::parse(R"({"object": "list", "data": []})")).empty());
}

TEST(ModelListSchema, ReportsBrokenModels) {
  json list = json::parse(R"({"object": "lists", "data": [
      {"id": "a/b", "object": "model", "created": 1, "owned_by": "a"},
      {"id": "a/c", "object": "model", "created": "yesterday"}]})");
  Findings f = check("models/model_list.json", list);
  EXPECT_EQ(locations(f), (Strings{"body#/data/1/created", "body#/data/1/owned_by", "body#/object"})) << dump(f);
}

TEST(ErrorSchemas, GatewayEnvelopeFollowsTheReference) {
  const char* id = "common/error_envelope.json";
  EXPECT_TRUE(check(id, json::parse(R"({"error": {"message": "Rate limit exceeded", "type": "rate_limit_error",
                                         "param": null, "code": 429}})")).empty());
  EXPECT_TRUE(check(id, json::parse(R"({"error": {"message": "m", "code": 400, "type": null,
                                         "metadata": {"provider_name": "x"}}})")).empty());
  EXPECT_EQ(locations(check(id, json::parse(R"({"error": {"message": "m", "code": "rate_limit_exceeded"}})"))),
            Strings{"body#/error/code"});
  EXPECT_EQ(locations(check(id, json::parse(R"({"error": {"code": 500, "param": 3}})"))),
            (Strings{"body#/error/message", "body#/error/param"}));
  EXPECT_EQ(locations(check(id, json::parse(R"({"message": "flat"})"))), Strings{"body#/error"});
}

TEST(ErrorSchemas, AnthropicShapeAndTheSupersetBody) {
  json native = json::parse(R"({"type": "error", "error": {"type": "rate_limit_error", "message": "Rate limit exceeded"},
                                "request_id": "req_0123abcd"})");
  EXPECT_TRUE(check("common/anthropic_error.json", native).empty());
  EXPECT_EQ(locations(check("common/error_envelope.json", native)), Strings{"body#/error/code"});
  // README §4.3: the body the mock sends on /v1/messages satisfies both readers.
  json superset = json::parse(R"({"type": "error", "error": {"type": "rate_limit_error", "message": "Rate limit exceeded",
                                  "param": null, "code": 429}, "request_id": "req_mock_0001"})");
  EXPECT_TRUE(check("common/anthropic_error.json", superset).empty()) << dump(check("common/anthropic_error.json", superset));
  EXPECT_TRUE(check("common/error_envelope.json", superset).empty()) << dump(check("common/error_envelope.json", superset));
  EXPECT_EQ(locations(check("common/anthropic_error.json", json::parse(R"({"type": "err", "error": {"message": "m"}})"))),
            (Strings{"body#/error/type", "body#/type"}));
}

TEST(UsageSchema, PinsTheThreeCounts) {
  EXPECT_TRUE(check("common/usage.json", json::parse(R"({"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0,
      "prompt_tokens_details": null, "cost": 0.01, "queue_time": 0.1})")).empty());
  EXPECT_EQ(locations(check("common/usage.json", json::parse(R"({"prompt_tokens": 1.5, "completion_tokens": 1,
      "total_tokens": 2, "completion_tokens_details": {"reasoning_tokens": -3}})"))),
            (Strings{"body#/completion_tokens_details/reasoning_tokens", "body#/prompt_tokens"}));
}

}  // namespace
}  // namespace siraya::core::schema
