// schemas/chat/chat_request.json against hand-written requests (chat-completions.md §1-§5):
// documented forms pass, and each broken request yields one finding at the right pointer.
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

constexpr const char* kRequest = "chat/chat_request.json";

Findings check(const json& request) { return embedded_registry().validate(kRequest, request, "body"); }

json with_messages(const char* messages) {
  return json{{"model", "openai/gpt-4o"}, {"messages", json::parse(messages)}};
}

TEST(ChatRequestSchema, AcceptsEveryDocumentedForm) {
  const char* valid[] = {
      R"({"model": "openai/gpt-4o", "messages": [{"role": "user", "content": "Hi"}]})",
      // every top-level parameter of §1 at a legal value, and unknown keys (ignored)
      R"({"model": "m", "messages": [{"role": "user", "content": "Hi"}], "stream": true,
          "stream_options": {"include_usage": true}, "temperature": 2, "top_p": 0, "max_tokens": 1,
          "max_completion_tokens": 10, "stop": ["a", "b", "c", "d"], "frequency_penalty": -2,
          "presence_penalty": 2, "seed": 7, "n": 1, "logprobs": true, "top_logprobs": 20,
          "logit_bias": {"50256": -100, "11": 100}, "user": "u-1", "parallel_tool_calls": false,
          "models": ["a/b"], "reasoning": {"effort": "xhigh"}, "reasoning_effort": "low",
          "metadata": {"anything": 1}, "some_future_field": [1, 2]})",
      // nulls where the reference types a field as "T | null"
      R"({"model": "m", "messages": [{"role": "user", "content": "Hi"}], "stream": null, "temperature": null,
          "top_p": null, "max_tokens": null, "stop": null, "n": null, "logit_bias": null, "seed": null})",
      R"({"model": "m", "messages": [{"role": "user", "content": "Hi"}], "stop": "END"})",
      // every role of §2, assistant tool calls and the tool answer of §3.3, assistant prefill §2.2
      R"({"model": "m", "messages": [
          {"role": "system", "content": "Be terse.", "name": "sys"},
          {"role": "developer", "content": [{"type": "text", "text": "Really."}]},
          {"role": "user", "content": "Weather in Paris?"},
          {"role": "assistant", "content": null, "tool_calls": [{"id": "call_1", "type": "function",
            "function": {"name": "get_weather", "arguments": "{\"city\":\"Paris\"}"}}]},
          {"role": "assistant", "tool_calls": []},
          {"role": "tool", "tool_call_id": "call_1", "content": "{\"temp_c\": 18}"},
          {"role": "assistant", "content": [{"type": "text", "text": "It is"}, {"type": "refusal", "refusal": "no"}]},
          {"role": "assistant", "content": "{\"city\": \""}]})",
      // every user content part of §2.1, both video tags
      R"({"model": "m", "messages": [{"role": "user", "content": [
          {"type": "text", "text": "What is this?"},
          {"type": "image_url", "image_url": {"url": "data:image/png;base64,iVBORw0KGgo=", "detail": "low"}},
          {"type": "image_url", "image_url": {"url": "https://example.com/cat.jpg"}},
          {"type": "file", "file": {"filename": "report.pdf", "file_data": "data:application/pdf;base64,JVBERi0x"}},
          {"type": "input_audio", "input_audio": {"data": "UklGRiQAAABXQVZF", "format": "wav"}},
          {"type": "video_url", "video_url": {"url": "https://example.com/v.mp4"}},
          {"type": "input_video", "video_url": {"url": "data:video/mp4;base64,AAAA"}}]}]})",
      // tools and every tool_choice form of §3.1
      R"({"model": "m", "messages": [{"role": "user", "content": "x"}],
          "tools": [{"type": "function", "function": {"name": "get_weather", "description": "d",
                     "parameters": {"type": "object", "properties": {"city": {"type": "string"}}}, "strict": true}},
                    {"type": "function", "function": {"name": "A-b_9"}}],
          "tool_choice": {"type": "function", "function": {"name": "get_weather"}}})",
      R"({"model": "m", "messages": [{"role": "user", "content": "x"}], "tool_choice": "required"})",
      R"({"model": "m", "messages": [{"role": "user", "content": "x"}],
          "tool_choice": {"type": "allowed_tools", "allowed_tools": {"mode": "auto", "tools": [{"type": "function"}]}}})",
      // response_format forms of §4
      R"({"model": "m", "messages": [{"role": "user", "content": "x"}], "response_format": {"type": "text"}})",
      R"({"model": "m", "messages": [{"role": "user", "content": "x"}], "response_format": {"type": "json_object"}})",
      R"({"model": "m", "messages": [{"role": "user", "content": "x"}], "response_format": {"type": "json_schema",
          "json_schema": {"name": "city_info", "schema": {"type": "object"}, "strict": true, "description": "d"}}})",
      R"({"model": "m", "messages": [{"role": "user", "content": "x"}], "response_format": {"type": "json",
          "schema": {"type": "object"}, "name": "anything goes"}})",
      // provider routing object of §5
      R"({"model": "m", "messages": [{"role": "user", "content": "x"}], "provider": {"order": ["openai", "azure"],
          "allow_fallbacks": false, "require_parameters": true, "data_collection": "deny", "zdr": true,
          "only": ["openai"], "ignore": ["x"], "quantizations": ["fp8", "int4"], "sort": "price",
          "max_price": {"prompt": 1, "completion": "2.5", "request": 0}}})",
      R"({"model": "m", "messages": [{"role": "user", "content": "x"}], "provider": {"sort": {"by": "latency", "partition": "none"}}})",
  };
  for (const char* text : valid) {
    json request = json::parse(text);
    EXPECT_TRUE(check(request).empty()) << text << "\n" << dump(check(request));
  }
}

struct Invalid {
  const char* name;
  const char* request;
  const char* pointer;  // the one finding's location after "body#"
  const char* what;     // expected inside the finding's `what`
};

class ChatRequestSchemaInvalid : public ::testing::TestWithParam<Invalid> {};

TEST_P(ChatRequestSchemaInvalid, YieldsOneFindingAtThePointer) {
  const Invalid& c = GetParam();
  Findings findings = check(json::parse(c.request));
  ASSERT_EQ(findings.size(), 1u) << dump(findings);
  EXPECT_EQ(findings[0].id, "schema.violation");
  EXPECT_EQ(findings[0].severity, Severity::error);
  EXPECT_EQ(findings[0].location, std::string("body#") + c.pointer);
  EXPECT_NE(findings[0].what.find(c.what), std::string::npos) << findings[0].what;
  EXPECT_NE(findings[0].what.find("(schema chat/"), std::string::npos) << findings[0].what;
  EXPECT_FALSE(findings[0].fix.empty());
}

#define USER R"({"role": "user", "content": "Hi"})"

INSTANTIATE_TEST_SUITE_P(
    Cases, ChatRequestSchemaInvalid,
    ::testing::Values(
        Invalid{"TemperatureAboveTwo", R"({"model": "m", "messages": [)" USER R"(], "temperature": 2.5})",
                "/temperature", "expected a number <= 2, got number 2.5"},
        Invalid{"TopPNegative", R"({"model": "m", "messages": [)" USER R"(], "top_p": -0.1})", "/top_p",
                "expected a number >= 0"},
        Invalid{"MaxTokensZero", R"({"model": "m", "messages": [)" USER R"(], "max_tokens": 0})", "/max_tokens",
                "expected a number >= 1, got integer 0"},
        Invalid{"NAsString", R"({"model": "m", "messages": [)" USER R"(], "n": "2"})", "/n",
                "expected integer or null, got string \"2\""},
        Invalid{"FiveStops", R"({"model": "m", "messages": [)" USER R"(], "stop": ["a","b","c","d","e"]})",
                "/stop", "expected at most 4 items, got 5"},
        Invalid{"PenaltyOutOfRange", R"({"model": "m", "messages": [)" USER R"(], "presence_penalty": 3})",
                "/presence_penalty", "<= 2"},
        Invalid{"TopLogprobs21", R"({"model": "m", "messages": [)" USER R"(], "top_logprobs": 21})",
                "/top_logprobs", "<= 20"},
        Invalid{"LogitBiasOutOfRange", R"({"model": "m", "messages": [)" USER R"(], "logit_bias": {"a/b~c": 101}})",
                "/logit_bias/a~1b~0c", "<= 100"},
        Invalid{"ModelMissing", R"({"messages": [)" USER R"(]})", "/model", "missing required property \"model\""},
        Invalid{"NoMessages", R"({"model": "m", "messages": []})", "/messages", "expected at least 1 item, got 0"},
        Invalid{"UnknownRole", R"({"model": "m", "messages": [{"role": "users", "content": "Hi"}]})",
                "/messages/0/role", "expected one of \"system\", \"developer\", \"user\", \"assistant\" or \"tool\""},
        Invalid{"RoleMissing", R"({"model": "m", "messages": [{"content": "Hi"}]})", "/messages/0/role",
                "missing required property \"role\""},
        Invalid{"UserWithoutContent", R"({"model": "m", "messages": [)" USER R"(, {"role": "user"}]})",
                "/messages/1/content", "missing required property \"content\""},
        Invalid{"ToolWithoutCallId", R"({"model": "m", "messages": [{"role": "tool", "content": "x"}]})",
                "/messages/0/tool_call_id", "missing required property \"tool_call_id\""},
        Invalid{"AssistantWithNothing", R"({"model": "m", "messages": [{"role": "assistant"}]})",
                "/messages/0/content", "missing required property \"content\""},
        Invalid{"ContentNumber", R"({"model": "m", "messages": [{"role": "user", "content": 5}]})",
                "/messages/0/content", "expected string or array, got integer 5"},
        Invalid{"ImageUrlNotAUrl",
                R"({"model": "m", "messages": [)" USER R"(, {"role": "user", "content": [{"type": "image_url",
                    "image_url": {"url": "ftp://example.com/a.png"}}]}]})",
                "/messages/1/content/0/image_url/url", "expected a string matching"},
        Invalid{"ImagePartWithoutImage", R"({"model": "m", "messages": [{"role": "user", "content": [{"type": "image_url"}]}]})",
                "/messages/0/content/0/image_url", "missing required property \"image_url\""},
        Invalid{"UnknownPartType", R"({"model": "m", "messages": [{"role": "user", "content": [{"type": "audio"}]}]})",
                "/messages/0/content/0/type", "got string \"audio\""},
        Invalid{"AudioWithoutFormat",
                R"({"model": "m", "messages": [{"role": "user", "content": [{"type": "input_audio", "input_audio": {"data": "UklG"}}]}]})",
                "/messages/0/content/0/input_audio/format", "missing required property \"format\""},
        Invalid{"ToolNameWithSpace",
                R"({"model": "m", "messages": [)" USER R"(], "tools": [{"type": "function", "function": {"name": "get weather"}}]})",
                "/tools/0/function/name", "expected a string matching"},
        Invalid{"ToolTypeCustom",
                R"({"model": "m", "messages": [)" USER R"(], "tools": [{"type": "custom", "function": {"name": "x"}}]})",
                "/tools/0/type", "expected \"function\", got string \"custom\""},
        Invalid{"ToolChoiceWord", R"({"model": "m", "messages": [)" USER R"(], "tool_choice": "always"})", "/tool_choice",
                "expected one of \"none\", \"auto\" or \"required\""},
        Invalid{"ToolChoiceWithoutName",
                R"({"model": "m", "messages": [)" USER R"(], "tool_choice": {"type": "function", "function": {}}})",
                "/tool_choice/function/name", "missing required property \"name\""},
        Invalid{"JsonSchemaWithoutName",
                R"({"model": "m", "messages": [)" USER R"(], "response_format": {"type": "json_schema", "json_schema": {"schema": {}}}})",
                "/response_format/json_schema/name", "missing required property \"name\""},
        Invalid{"ResponseFormatUnknown", R"({"model": "m", "messages": [)" USER R"(], "response_format": {"type": "yaml"}})",
                "/response_format/type", "got string \"yaml\""},
        Invalid{"ProviderSortUnknown", R"({"model": "m", "messages": [)" USER R"(], "provider": {"sort": "cheapest"}})",
                "/provider/sort", "expected one of \"price\", \"throughput\" or \"latency\""},
        Invalid{"StreamAsString", R"({"model": "m", "messages": [)" USER R"(], "stream": "yes"})", "/stream",
                "expected boolean or null"}),
    [](const ::testing::TestParamInfo<Invalid>& p) { return std::string(p.param.name); });

#undef USER

TEST(ChatRequestSchema, ReportsEveryBrokenFieldOnce) {
  json request = json::parse(R"({"messages": "hi", "temperature": -1, "top_p": 2})");
  EXPECT_EQ(locations(check(request)),
            (std::vector<std::string>{"body#/messages", "body#/model", "body#/temperature", "body#/top_p"}))
      << dump(check(request));
}

TEST(ChatRequestSchema, AWrongPartInATextOnlyMessageIsReportedAtThePart) {
  Findings f = check(with_messages(R"([{"role": "system", "content": [{"type": "image_url",
                                       "image_url": {"url": "https://x"}}]}])"));
  EXPECT_EQ(locations(f), (std::vector<std::string>{"body#/messages/0/content/0/text",
                                                    "body#/messages/0/content/0/type"}))
      << dump(f);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_NE(f[1].what.find("expected \"text\", got string \"image_url\""), std::string::npos) << f[1].what;
}

}  // namespace
}  // namespace siraya::core::schema
