// Parallel tool calls (docs/determinism.md, "Tool calls"): with several tools offered and parallel
// calls allowed, the mock calls every tool the last user message names, in offered order; with
// parallel calls disabled only the first. Streamed and buffered answers agree, and every call's
// arguments validate against its tool's schema.
#include <map>

#include "core/schema/registry.h"
#include "core/sse/decoder.h"
#include "mock_test_support.h"

namespace siraya::mock::testing {
namespace {

using nlohmann::json;

const char* kPrompt = "Use get_weather and get_time for Paris.";

json weather_schema() {
  return json::parse(R"({"type":"object","properties":{"city":{"type":"string"},"unit":{"enum":["c","f"]}},
    "required":["city","unit"],"additionalProperties":false})");
}
json time_schema() {
  return json::parse(R"({"type":"object","properties":{"zone":{"type":"string","minLength":3},"hour24":{"type":"boolean"}},
    "required":["zone"]})");
}
json unused_schema() { return json::parse(R"({"type":"object","properties":{"q":{"type":"integer"}}})"); }

const std::map<std::string, json>& schemas_by_name() {
  static const std::map<std::string, json> m = {
      {"get_weather", weather_schema()}, {"get_time", time_schema()}, {"search", unused_schema()}};
  return m;
}

struct Call {
  std::string id;
  std::string name;
  json arguments;
};

void expect_valid_arguments(const std::vector<Call>& calls) {
  for (const auto& c : calls) {
    auto findings = core::schema::Registry::validate_inline(schemas_by_name().at(c.name), c.arguments, c.name);
    ASSERT_TRUE(findings) << findings.error().to_string();
    EXPECT_TRUE(findings->empty()) << c.name << ": " << c.arguments.dump() << " " << findings->front().to_string();
  }
}

std::vector<std::string> names_of(const std::vector<Call>& calls) {
  std::vector<std::string> out;
  for (const auto& c : calls) out.push_back(c.name);
  return out;
}

const std::vector<std::string> kBoth = {"get_time", "get_weather"};  // offered order (map order)
const std::vector<std::string> kFirst = {"get_time"};

class ParallelToolsTest : public MockTest {
 protected:
  void SetUp() override {
    Options options;
    options.strict = true;
    options.fixed_clock = 1761200000;
    restart(options);
  }
  json post(const char* path, const json& body) {
    auto res = client().Post(path, {{"Authorization", std::string("Bearer ") + kKey}, {"anthropic-version", "2023-06-01"}},
                             body.dump(), "application/json");
    EXPECT_TRUE(res);
    if (!res) return json();
    EXPECT_EQ(res->status, 200) << res->body;
    if (body.value("stream", false)) {
      json events = json::array();
      const auto decoded = core::sse::decode_all(res->body);
      EXPECT_TRUE(decoded.findings.empty());
      for (const auto& e : decoded.events) {
        if (e.data != "[DONE]") events.push_back(json::parse(e.data));
      }
      return events;
    }
    return json_of(res);
  }

  // ---- chat
  json chat_body(const char* prompt = kPrompt) {
    json body = chat_request(prompt);
    for (const auto& [name, schema] : schemas_by_name()) {
      body["tools"].push_back({{"type", "function"}, {"function", {{"name", name}, {"parameters", schema}}}});
    }
    return body;
  }
  std::vector<Call> chat_calls(const json& body) {
    std::vector<Call> calls;
    const json out = post("/v1/chat/completions", body);
    EXPECT_EQ(out["choices"][0]["finish_reason"], "tool_calls");
    for (const auto& c : out["choices"][0]["message"]["tool_calls"]) {
      calls.push_back({c["id"], c["function"]["name"], json::parse(c["function"]["arguments"].get<std::string>())});
    }
    return calls;
  }
  std::vector<Call> chat_stream_calls(json body) {
    body["stream"] = true;
    std::vector<Call> calls;
    std::vector<std::string> args;
    for (const auto& chunk : post("/v1/chat/completions", body)) {
      for (const auto& choice : chunk["choices"]) {
        if (!choice["delta"].contains("tool_calls")) continue;
        for (const auto& d : choice["delta"]["tool_calls"]) {
          const std::size_t index = d["index"];
          if (d.contains("id")) {
            EXPECT_EQ(index, calls.size()) << "indices run 0..n-1";
            calls.push_back({d["id"], d["function"]["name"], json()});
            args.emplace_back();
          }
          EXPECT_LT(index, calls.size());
          if (index < args.size()) args[index] += d["function"]["arguments"].get<std::string>();
        }
      }
    }
    for (std::size_t i = 0; i < calls.size(); ++i) calls[i].arguments = json::parse(args[i]);
    return calls;
  }

  // ---- responses
  json responses_body(const char* prompt = kPrompt) {
    json body = {{"model", "openai/gpt-4o"}, {"input", prompt}};
    for (const auto& [name, schema] : schemas_by_name()) {
      body["tools"].push_back({{"type", "function"}, {"name", name}, {"parameters", schema}});
    }
    return body;
  }
  static std::vector<Call> response_calls(const json& output) {
    std::vector<Call> calls;
    for (const auto& item : output) {
      if (item["type"] == "function_call") {
        calls.push_back({item["call_id"], item["name"], json::parse(item["arguments"].get<std::string>())});
      }
    }
    return calls;
  }
  std::vector<Call> responses_calls(const json& body) { return response_calls(post("/v1/responses", body)["output"]); }
  std::vector<Call> responses_stream_calls(json body) {
    body["stream"] = true;
    const json events = post("/v1/responses", body);
    EXPECT_FALSE(events.empty());
    if (events.empty()) return {};
    EXPECT_EQ(events.back()["type"], "response.completed");
    return response_calls(events.back()["response"]["output"]);
  }

  // ---- messages
  json messages_body(const char* prompt = kPrompt) {
    json body = {{"model", "anthropic/claude-sonnet-4.5"},
                 {"max_tokens", 1024},
                 {"messages", {{{"role", "user"}, {"content", prompt}}}}};
    for (const auto& [name, schema] : schemas_by_name()) body["tools"].push_back({{"name", name}, {"input_schema", schema}});
    return body;
  }
  std::vector<Call> messages_calls(const json& body) {
    const json out = post("/v1/messages", body);
    EXPECT_EQ(out["stop_reason"], "tool_use");
    std::vector<Call> calls;
    for (const auto& b : out["content"]) {
      if (b["type"] == "tool_use") calls.push_back({b["id"], b["name"], b["input"]});
    }
    return calls;
  }
  std::vector<Call> messages_stream_calls(json body) {
    body["stream"] = true;
    std::vector<Call> calls;
    std::map<std::size_t, std::string> partial;
    std::map<std::size_t, std::size_t> call_of_block;
    for (const auto& e : post("/v1/messages", body)) {
      if (e["type"] == "content_block_start" && e["content_block"]["type"] == "tool_use") {
        call_of_block[e["index"]] = calls.size();
        calls.push_back({e["content_block"]["id"], e["content_block"]["name"], json()});
      }
      if (e["type"] == "content_block_delta" && e["delta"]["type"] == "input_json_delta") {
        partial[e["index"]] += e["delta"]["partial_json"].get<std::string>();
      }
      if (e["type"] == "message_delta") {
        EXPECT_EQ(e["delta"]["stop_reason"], "tool_use");
      }
    }
    for (const auto& [block, text] : partial) calls[call_of_block.at(block)].arguments = json::parse(text);
    return calls;
  }
};

TEST_F(ParallelToolsTest, ChatCallsEveryNamedToolStreamedAndNot) {
  const auto calls = chat_calls(chat_body());
  EXPECT_EQ(names_of(calls), kBoth);
  expect_valid_arguments(calls);
  EXPECT_NE(calls[0].id, calls[1].id);
  const auto streamed = chat_stream_calls(chat_body());
  EXPECT_EQ(names_of(streamed), kBoth);
  for (std::size_t i = 0; i < streamed.size() && i < calls.size(); ++i) {
    EXPECT_EQ(streamed[i].id, calls[i].id);
    EXPECT_EQ(streamed[i].arguments, calls[i].arguments);
  }
}

TEST_F(ParallelToolsTest, ChatParallelToolCallsFalseCallsOne) {
  json body = chat_body();
  body["parallel_tool_calls"] = false;
  EXPECT_EQ(names_of(chat_calls(body)), kFirst);
  EXPECT_EQ(names_of(chat_stream_calls(body)), kFirst);
}

TEST_F(ParallelToolsTest, ChatRequiredWithoutNamedToolCallsOne) {
  json body = chat_body("What should I pack?");
  body["tool_choice"] = "required";
  const auto calls = chat_calls(body);
  ASSERT_EQ(calls.size(), 1u);
  expect_valid_arguments(calls);
}

TEST_F(ParallelToolsTest, ChatNamedToolChoiceCallsOnlyThatTool) {
  json body = chat_body();
  body["tool_choice"] = {{"type", "function"}, {"function", {{"name", "get_time"}}}};
  EXPECT_EQ(names_of(chat_calls(body)), std::vector<std::string>{"get_time"});
}

TEST_F(ParallelToolsTest, ResponsesEmitsSeveralFunctionCallItems) {
  const auto calls = responses_calls(responses_body());
  EXPECT_EQ(names_of(calls), kBoth);
  expect_valid_arguments(calls);
  const auto streamed = responses_stream_calls(responses_body());
  EXPECT_EQ(names_of(streamed), kBoth);
  expect_valid_arguments(streamed);
  json body = responses_body();
  body["parallel_tool_calls"] = false;
  EXPECT_EQ(names_of(responses_calls(body)), kFirst);
}

TEST_F(ParallelToolsTest, MessagesEmitsSeveralToolUseBlocks) {
  const auto calls = messages_calls(messages_body());
  EXPECT_EQ(names_of(calls), kBoth);
  expect_valid_arguments(calls);
  const auto streamed = messages_stream_calls(messages_body());
  EXPECT_EQ(names_of(streamed), kBoth);
  for (std::size_t i = 0; i < streamed.size() && i < calls.size(); ++i) {
    EXPECT_EQ(streamed[i].id, calls[i].id);
    EXPECT_EQ(streamed[i].arguments, calls[i].arguments);
  }
}

TEST_F(ParallelToolsTest, MessagesDisableParallelToolUseCallsOne) {
  for (const char* type : {"auto", "any"}) {
    json body = messages_body();
    body["tool_choice"] = {{"type", type}, {"disable_parallel_tool_use", true}};
    EXPECT_EQ(names_of(messages_calls(body)), kFirst) << type;
    EXPECT_EQ(names_of(messages_stream_calls(body)), kFirst) << type;
  }
}

TEST_F(ParallelToolsTest, ToolResultEndsTheLoopInText) {
  json body = chat_body();
  const auto calls = chat_calls(body);
  ASSERT_EQ(calls.size(), 2u);
  json assistant = {{"role", "assistant"}, {"content", nullptr}, {"tool_calls", json::array()}};
  for (const auto& c : calls) {
    assistant["tool_calls"].push_back(
        {{"id", c.id}, {"type", "function"}, {"function", {{"name", c.name}, {"arguments", c.arguments.dump()}}}});
  }
  body["messages"].push_back(assistant);
  for (const auto& c : calls) body["messages"].push_back({{"role", "tool"}, {"tool_call_id", c.id}, {"content", "ok"}});
  const json out = post("/v1/chat/completions", body);
  EXPECT_EQ(out["choices"][0]["finish_reason"], "stop");
  EXPECT_TRUE(out["choices"][0]["message"]["content"].is_string());
}

}  // namespace
}  // namespace siraya::mock::testing
