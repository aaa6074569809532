// POST /v1/messages (reference messages.md): the Message body (§5), the event stream (§7) and its
// agreement with the body, tool_use, thinking, stop sequences, max_tokens and prefill.
#include "core/sse/decoder.h"
#include "mock_test_support.h"

namespace siraya::mock::testing {
namespace {

using nlohmann::json;

json messages_request(const std::string& prompt = "Tell me about rivers.") {
  return {{"model", "anthropic/claude-sonnet-4.5"},
          {"max_tokens", 1024},
          {"messages", {{{"role", "user"}, {"content", prompt}}}}};
}

json weather_tool() {
  return json::parse(R"({"name":"get_weather","description":"Current weather",
    "input_schema":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}})");
}

struct Stream {
  std::vector<std::string> types;
  std::vector<json> events;
};

class MessagesTest : public MockTest {
 protected:
  void SetUp() override {
    Options options;
    options.strict = true;  // every body and event must pass the bundled schemas
    restart(options);
  }
  httplib::Result post(const json& body) {
    return client().Post("/v1/messages", {{"x-api-key", kKey}, {"anthropic-version", "2023-06-01"}}, body.dump(),
                         "application/json");
  }
  json complete(const json& body) {
    auto res = post(body);
    EXPECT_TRUE(res);
    if (!res) return json();
    EXPECT_EQ(res->status, 200) << res->body;
    return json_of(res);
  }
  Stream stream(json body) {
    body["stream"] = true;
    Stream s;
    auto res = post(body);
    EXPECT_TRUE(res);
    if (!res) return s;
    EXPECT_EQ(res->status, 200) << res->body;
    const auto decoded = core::sse::decode_all(res->body);
    EXPECT_TRUE(decoded.findings.empty()) << decoded.findings.front().to_string();
    for (const auto& e : decoded.events) {
      EXPECT_NE(e.data, "[DONE]") << "Anthropic streams have no [DONE]";
      s.events.push_back(json::parse(e.data, nullptr, false));
      EXPECT_EQ(s.events.back()["type"], e.type) << "event: line must equal the JSON type";
      s.types.push_back(e.type);
    }
    return s;
  }
};

// Checks the §7.2 grammar and rebuilds the message as an SDK accumulator would.
json accumulate(const Stream& s) {
  EXPECT_GE(s.types.size(), 3u);
  if (s.types.size() < 3) return json();
  EXPECT_EQ(s.types.front(), "message_start");
  EXPECT_EQ(s.types[s.types.size() - 2], "message_delta");
  EXPECT_EQ(s.types.back(), "message_stop");
  json message = s.events.front()["message"];
  EXPECT_TRUE(message["content"].empty());
  EXPECT_TRUE(message["stop_reason"].is_null());
  EXPECT_TRUE(message["usage"].contains("output_tokens"));
  std::vector<std::string> partial;
  bool open = false;
  for (std::size_t i = 1; i + 2 < s.types.size(); ++i) {
    const json& e = s.events[i];
    const std::string& type = s.types[i];
    if (type == "ping") {
      EXPECT_EQ(e, json({{"type", "ping"}}));
    } else if (type == "content_block_start") {
      EXPECT_FALSE(open);
      EXPECT_EQ(e["index"], message["content"].size()) << "block indices are 0, 1, 2, ...";
      message["content"].push_back(e["content_block"]);
      partial.emplace_back();
      open = true;
    } else if (type == "content_block_delta") {
      EXPECT_TRUE(open);
      EXPECT_EQ(e["index"], message["content"].size() - 1);
      json& block = message["content"].back();
      const json& d = e["delta"];
      if (d["type"] == "text_delta") {
        EXPECT_EQ(block["type"], "text");
        block["text"] = block["text"].get<std::string>() + d["text"].get<std::string>();
      } else if (d["type"] == "input_json_delta") {
        EXPECT_EQ(block["type"], "tool_use");
        partial.back() += d["partial_json"].get<std::string>();
      } else if (d["type"] == "thinking_delta") {
        EXPECT_EQ(block["type"], "thinking");
        block["thinking"] = block["thinking"].get<std::string>() + d["thinking"].get<std::string>();
      } else if (d["type"] == "signature_delta") {
        block["signature"] = d["signature"];
      } else {
        ADD_FAILURE() << "unexpected delta " << d.dump();
      }
    } else if (type == "content_block_stop") {
      EXPECT_TRUE(open);
      EXPECT_EQ(e["index"], message["content"].size() - 1);
      json& block = message["content"].back();
      if (block["type"] == "tool_use") {
        block["input"] = partial.back().empty() ? json::object() : json::parse(partial.back(), nullptr, false);
      }
      open = false;
    } else {
      ADD_FAILURE() << "unexpected event " << type;
    }
  }
  const json& delta = s.events[s.types.size() - 2];
  message["stop_reason"] = delta["delta"]["stop_reason"];
  message["stop_sequence"] = delta["delta"]["stop_sequence"];
  message["usage"]["output_tokens"] = delta["usage"]["output_tokens"];
  EXPECT_EQ(s.events.back(), json({{"type", "message_stop"}}));
  return message;
}

TEST_F(MessagesTest, BodyHasTheMessageShape) {
  const json m = complete(messages_request());
  EXPECT_EQ(m["type"], "message");
  EXPECT_EQ(m["role"], "assistant");
  EXPECT_EQ(m["id"].get<std::string>().rfind("msg_01", 0), 0u);
  EXPECT_EQ(m["model"], "anthropic/claude-sonnet-4.5");
  ASSERT_EQ(m["content"].size(), 1u);
  EXPECT_EQ(m["content"][0]["type"], "text");
  EXPECT_FALSE(m["content"][0]["text"].get<std::string>().empty());
  // @ai-sdk/anthropic rejects "citations": null; the key is left out when there are none.
  EXPECT_FALSE(m["content"][0].contains("citations"));
  EXPECT_EQ(m["stop_reason"], "end_turn");
  EXPECT_TRUE(m["stop_sequence"].is_null());
  EXPECT_GT(m["usage"]["input_tokens"].get<int>(), 0);
  EXPECT_GT(m["usage"]["output_tokens"].get<int>(), 0);
  EXPECT_EQ(complete(messages_request()), m) << "deterministic";
}

TEST_F(MessagesTest, TextStreamAccumulatesToTheBody) {
  const json body = messages_request();
  const json full = complete(body);
  const Stream s = stream(body);
  EXPECT_EQ(s.types[1], "ping");
  const json m = accumulate(s);
  EXPECT_EQ(m["id"], full["id"]);
  EXPECT_EQ(m["content"], full["content"]);
  EXPECT_EQ(m["stop_reason"], "end_turn");
  EXPECT_EQ(m["usage"]["output_tokens"], full["usage"]["output_tokens"]);
  EXPECT_EQ(m["usage"]["input_tokens"], full["usage"]["input_tokens"]);
}

TEST_F(MessagesTest, ToolChoiceAnyCallsTheTool) {
  json body = messages_request("Hello");
  body["tools"] = json::array({weather_tool()});
  body["tool_choice"] = {{"type", "any"}};
  const json full = complete(body);
  EXPECT_EQ(full["stop_reason"], "tool_use");
  ASSERT_EQ(full["content"].size(), 1u);
  const json& call = full["content"][0];
  EXPECT_EQ(call["type"], "tool_use");
  EXPECT_EQ(call["id"].get<std::string>().rfind("toolu_", 0), 0u);
  EXPECT_EQ(call["name"], "get_weather");
  ASSERT_TRUE(call["input"].is_object());
  EXPECT_TRUE(call["input"]["city"].is_string());

  const Stream s = stream(body);
  std::size_t fragments = 0;
  for (const auto& e : s.events) {
    if (e["type"] == "content_block_delta") ++fragments;
  }
  EXPECT_GT(fragments, 2u) << "partial_json arrives in several fragments";
  const json m = accumulate(s);
  EXPECT_EQ(m["content"], full["content"]);
  EXPECT_EQ(m["stop_reason"], "tool_use");
}

TEST_F(MessagesTest, ToolResultGetsATextAnswer) {
  json body = messages_request();
  body["tools"] = json::array({weather_tool()});
  body["messages"] = json::parse(R"([
    {"role":"user","content":"What is the weather in Paris? Use get_weather."},
    {"role":"assistant","content":[{"type":"tool_use","id":"toolu_1","name":"get_weather","input":{"city":"Paris"}}]},
    {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1","content":"18C"}]}])");
  const json m = complete(body);
  EXPECT_EQ(m["stop_reason"], "end_turn");
  EXPECT_EQ(m["content"][0]["type"], "text");
}

// A tool_result turn whose text still mentions the tool: "auto" ends the loop in text, "any"
// still calls (docs/determinism.md#tool-calls).
TEST_F(MessagesTest, AutoAfterToolResultAnswersInTextAnyStillCalls) {
  json body = messages_request();
  body["tools"] = json::array({weather_tool()});
  body["messages"] = json::parse(R"([
    {"role":"user","content":"What is the weather in Paris?"},
    {"role":"assistant","content":[{"type":"tool_use","id":"toolu_1","name":"get_weather","input":{"city":"Paris"}}]},
    {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1","content":"18C"},
      {"type":"text","text":"And the weather tomorrow?"}]}])");
  const json m = complete(body);
  EXPECT_EQ(m["stop_reason"], "end_turn");
  const std::string text = m["content"][0]["text"];
  EXPECT_NE(text.find("the weather tomorrow"), std::string::npos) << text;
  body["tool_choice"] = {{"type", "any"}};
  EXPECT_EQ(complete(body)["stop_reason"], "tool_use");
}

// A word of the tool's name in the question calls it under "auto" (get_weather <- "weather").
TEST_F(MessagesTest, AutoCallsAToolWhoseNameWordIsMentioned) {
  json body = messages_request("Will the weather in Paris be good?");
  body["tools"] = json::array({weather_tool()});
  EXPECT_EQ(complete(body)["stop_reason"], "tool_use");
}

TEST_F(MessagesTest, StopSequenceIsReported) {
  const json full = complete(messages_request());
  const std::string text = full["content"][0]["text"];
  const std::string stop = text.substr(text.find(' ') + 1, 3);  // three letters from the second word
  json body = messages_request();
  body["stop_sequences"] = {stop};
  const json m = complete(body);
  EXPECT_EQ(m["stop_reason"], "stop_sequence");
  EXPECT_EQ(m["stop_sequence"], stop);
  EXPECT_EQ(m["content"][0]["text"], text.substr(0, text.find(stop)));
  const json streamed = accumulate(stream(body));
  EXPECT_EQ(streamed["stop_sequence"], stop);
  EXPECT_EQ(streamed["content"], m["content"]);
}

TEST_F(MessagesTest, MaxTokensCutsTheText) {
  json body = messages_request();
  body["max_tokens"] = 3;
  const json m = complete(body);
  EXPECT_EQ(m["stop_reason"], "max_tokens");
  EXPECT_EQ(m["usage"]["output_tokens"], 3);
  EXPECT_EQ(accumulate(stream(body))["stop_reason"], "max_tokens");
}

TEST_F(MessagesTest, PrefillIsContinuedNotEchoed) {
  json body = messages_request();
  body["messages"].push_back({{"role", "assistant"}, {"content", "The answer is"}});
  const json m = complete(body);
  const std::string text = m["content"][0]["text"];
  EXPECT_EQ(text.rfind("The answer is", 0), std::string::npos);
  EXPECT_EQ(text.front(), ' ') << "continues the prefill as a new word";
}

TEST_F(MessagesTest, ThinkingBlockComesFirstWithASignature) {
  json body = messages_request();
  body["max_tokens"] = 4096;
  body["thinking"] = {{"type", "enabled"}, {"budget_tokens", 2048}};
  body["system"] = json::parse(R"([{"type":"text","text":"Be helpful."}])");
  const json full = complete(body);
  ASSERT_EQ(full["content"].size(), 2u);
  EXPECT_EQ(full["content"][0]["type"], "thinking");
  EXPECT_FALSE(full["content"][0]["thinking"].get<std::string>().empty());
  EXPECT_FALSE(full["content"][0]["signature"].get<std::string>().empty());
  EXPECT_EQ(full["content"][1]["type"], "text");
  const json m = accumulate(stream(body));
  EXPECT_EQ(m["content"], full["content"]);
}

}  // namespace
}  // namespace siraya::mock::testing
