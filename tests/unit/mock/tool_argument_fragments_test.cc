// Streamed tool-call arguments arrive in several fragments that add up to the final JSON (issue 3
// item 3), even when the arguments are a tiny object such as {"a":42}: chat tool_calls deltas
// (chat-completions.md §9), responses function_call_arguments.delta (responses.md §6) and messages
// input_json_delta (messages.md §7.4).
#include "core/sse/decoder.h"
#include "mock_test_support.h"

namespace siraya::mock::testing {
namespace {

using nlohmann::json;

// Arguments of eight bytes at most: {"a":NN}.
json tiny_schema() {
  return json::parse(R"({"type":"object","properties":{"a":{"type":"integer","minimum":10,"maximum":99}},
    "required":["a"],"additionalProperties":false})");
}

class ToolArgumentFragmentsTest : public MockTest {
 protected:
  void SetUp() override {
    Options options;
    options.strict = true;
    restart(options);
  }
  std::vector<json> stream(const char* path, json body) {
    body["stream"] = true;
    std::vector<json> events;
    auto res = client().Post(path, {{"Authorization", std::string("Bearer ") + kKey}, {"anthropic-version", "2023-06-01"}},
                             body.dump(), "application/json");
    EXPECT_TRUE(res);
    if (!res) return events;
    EXPECT_EQ(res->status, 200) << res->body;
    const auto decoded = core::sse::decode_all(res->body);
    EXPECT_TRUE(decoded.findings.empty());
    for (const auto& e : decoded.events) {
      if (e.data != "[DONE]") events.push_back(json::parse(e.data));
    }
    return events;
  }
  static void expect_tiny_in_pieces(const std::vector<std::string>& pieces) {
    std::string joined;
    for (const auto& p : pieces) joined += p;
    const json args = json::parse(joined, nullptr, false);
    ASSERT_TRUE(args.is_object()) << joined;
    EXPECT_TRUE(args["a"].is_number_integer()) << joined;
    EXPECT_LE(joined.size(), 8u) << "a tiny argument object";
    EXPECT_GE(pieces.size(), 2u) << joined << " arrived in one fragment";
  }
};

TEST_F(ToolArgumentFragmentsTest, ChatTinyArgumentsComeInSeveralDeltas) {
  json body = chat_request("Hello");
  body["tools"] = json::array({{{"type", "function"}, {"function", {{"name", "tiny"}, {"parameters", tiny_schema()}}}}});
  body["tool_choice"] = "required";
  std::vector<std::string> pieces;
  for (const auto& chunk : stream("/v1/chat/completions", body)) {
    if (!chunk.contains("choices") || chunk["choices"].empty()) continue;
    for (const auto& call : chunk["choices"][0]["delta"].value("tool_calls", json::array())) {
      const std::string fragment = call["function"].value("arguments", "");
      if (!fragment.empty()) pieces.push_back(fragment);
    }
  }
  expect_tiny_in_pieces(pieces);
}

TEST_F(ToolArgumentFragmentsTest, ResponsesTinyArgumentsComeInSeveralDeltas) {
  json body = {{"model", "openai/gpt-4o"}, {"input", "Hello"}, {"tool_choice", "required"}};
  body["tools"] = json::array({{{"type", "function"}, {"name", "tiny"}, {"parameters", tiny_schema()}}});
  std::vector<std::string> pieces;
  std::string done;
  for (const auto& e : stream("/v1/responses", body)) {
    if (e["type"] == "response.function_call_arguments.delta") pieces.push_back(e["delta"]);
    if (e["type"] == "response.function_call_arguments.done") done = e["arguments"];
  }
  expect_tiny_in_pieces(pieces);
  std::string joined;
  for (const auto& p : pieces) joined += p;
  EXPECT_EQ(joined, done);
}

TEST_F(ToolArgumentFragmentsTest, MessagesTinyInputComesInSeveralDeltas) {
  json body = {{"model", "anthropic/claude-sonnet-4.5"},
               {"max_tokens", 256},
               {"messages", {{{"role", "user"}, {"content", "Hello"}}}},
               {"tool_choice", {{"type", "any"}}}};
  body["tools"] = json::array({{{"name", "tiny"}, {"input_schema", tiny_schema()}}});
  std::vector<std::string> pieces;
  for (const auto& e : stream("/v1/messages", body)) {
    if (e["type"] == "content_block_delta" && e["delta"]["type"] == "input_json_delta") {
      const std::string fragment = e["delta"]["partial_json"];
      if (!fragment.empty()) pieces.push_back(fragment);  // the first, empty one is Anthropic's (§7.4)
    }
  }
  expect_tiny_in_pieces(pieces);
}

}  // namespace
}  // namespace siraya::mock::testing
