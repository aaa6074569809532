// A scripted agent loop (examples/rules/agent_loop.json) on the three dialects, streamed and
// buffered: turn 1 answers a get_weather call, turn 2 (with the tool result) answers text. Also
// rule errors, faults and --strict-rules over the wire.
#include <fstream>
#include <sstream>

#include "mock_test_support.h"

namespace siraya::mock::testing {
namespace {

using nlohmann::json;

struct Turn {
  std::string text;
  std::string tool_name;
  json tool_args;
  std::string tool_id;
};

// The data: payloads of an SSE body, [DONE] excluded.
std::vector<json> events_of(const std::string& body) {
  std::vector<json> out;
  std::istringstream in(body);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("data: ", 0) != 0 || line == "data: [DONE]") continue;
    out.push_back(json::parse(line.substr(6), nullptr, false));
  }
  return out;
}

Turn read_chat(const std::string& body, bool stream) {
  Turn t;
  std::string args;
  if (!stream) {
    const json m = json::parse(body)["choices"][0]["message"];
    if (m["content"].is_string()) t.text = m["content"];
    if (m.contains("tool_calls")) {
      t.tool_name = m["tool_calls"][0]["function"]["name"];
      args = m["tool_calls"][0]["function"]["arguments"];
      t.tool_id = m["tool_calls"][0]["id"];
    }
  } else {
    for (const auto& e : events_of(body)) {
      if (e["choices"].empty()) continue;
      const json& d = e["choices"][0]["delta"];
      if (d.contains("content") && d["content"].is_string()) t.text += d["content"].get<std::string>();
      if (d.contains("tool_calls")) {
        const json& f = d["tool_calls"][0]["function"];
        if (f.contains("name")) t.tool_name = f["name"];
        if (d["tool_calls"][0].contains("id")) t.tool_id = d["tool_calls"][0]["id"];
        if (f.contains("arguments")) args += f["arguments"].get<std::string>();
      }
    }
  }
  if (!args.empty()) t.tool_args = json::parse(args);
  return t;
}

Turn read_responses(const std::string& body, bool stream) {
  json response;
  if (!stream) {
    response = json::parse(body);
  } else {
    for (const auto& e : events_of(body)) {
      if (e["type"] == "response.completed") response = e["response"];
    }
  }
  Turn t;
  for (const auto& item : response["output"]) {
    if (item["type"] == "message") t.text += item["content"][0]["text"].get<std::string>();
    if (item["type"] == "function_call") {
      t.tool_name = item["name"];
      t.tool_args = json::parse(item["arguments"].get<std::string>());
      t.tool_id = item["call_id"];
    }
  }
  return t;
}

Turn read_messages(const std::string& body, bool stream) {
  Turn t;
  if (!stream) {
    const json message = json::parse(body);
    for (const auto& block : message["content"]) {
      if (block["type"] == "text") t.text += block["text"].get<std::string>();
      if (block["type"] == "tool_use") {
        t.tool_name = block["name"];
        t.tool_args = block["input"];
        t.tool_id = block["id"];
      }
    }
    return t;
  }
  std::string args;
  for (const auto& e : events_of(body)) {
    if (e["type"] == "content_block_start" && e["content_block"]["type"] == "tool_use") {
      t.tool_name = e["content_block"]["name"];
      t.tool_id = e["content_block"]["id"];
    }
    if (e["type"] == "content_block_delta" && e["delta"]["type"] == "text_delta") t.text += e["delta"]["text"].get<std::string>();
    if (e["type"] == "content_block_delta" && e["delta"]["type"] == "input_json_delta") {
      args += e["delta"]["partial_json"].get<std::string>();
    }
  }
  if (!args.empty()) t.tool_args = json::parse(args);
  return t;
}

class RulesAgentLoopTest : public MockTest {
 protected:
  void SetUp() override {
    Options options;
    options.rules_files = {std::string(SIRAYA_SOURCE_DIR) + "/examples/rules/agent_loop.json"};
    options.strict = true;  // scripted answers must satisfy the response schemas too
    restart(std::move(options));
  }
  httplib::Result post(const char* path, const json& body, httplib::Headers headers = auth_headers()) {
    headers.emplace("anthropic-version", "2023-06-01");
    return client().Post(path, headers, body.dump(), "application/json");
  }
};

const char* kQuestion = "What is the weather in Paris?";
const char* kToolOutput = "{\"sky\":\"clear\",\"celsius\":21}";
const json kParameters = {{"type", "object"}, {"properties", {{"city", {{"type", "string"}}}}}};

TEST_F(RulesAgentLoopTest, ChatToolCallThenText) {
  for (bool stream : {false, true}) {
    json body = {{"model", "openai/gpt-4o"}, {"stream", stream},
                 {"tools", {{{"type", "function"}, {"function", {{"name", "get_weather"}, {"parameters", kParameters}}}}}},
                 {"messages", {{{"role", "user"}, {"content", kQuestion}}}}};
    auto first = post("/v1/chat/completions", body);
    ASSERT_TRUE(first);
    ASSERT_EQ(first->status, 200) << first->body;
    const Turn call = read_chat(first->body, stream);
    EXPECT_EQ(call.text, "Let me check.");
    EXPECT_EQ(call.tool_name, "get_weather");
    EXPECT_EQ(call.tool_args, json({{"city", "Paris"}}));
    if (!stream) {
      EXPECT_EQ(json::parse(first->body)["choices"][0]["finish_reason"], "tool_calls");
    }
    body["messages"].push_back({{"role", "assistant"}, {"content", call.text},
                                {"tool_calls", {{{"id", call.tool_id}, {"type", "function"},
                                                 {"function", {{"name", "get_weather"}, {"arguments", call.tool_args.dump()}}}}}}});
    body["messages"].push_back({{"role", "tool"}, {"tool_call_id", call.tool_id}, {"content", kToolOutput}});
    auto second = post("/v1/chat/completions", body);
    ASSERT_TRUE(second);
    ASSERT_EQ(second->status, 200) << second->body;
    const Turn answer = read_chat(second->body, stream);
    EXPECT_EQ(answer.text, "It is sunny in Paris, 21 degrees.") << stream;
    EXPECT_TRUE(answer.tool_name.empty());
  }
}

TEST_F(RulesAgentLoopTest, ResponsesToolCallThenText) {
  for (bool stream : {false, true}) {
    json body = {{"model", "openai/gpt-4o"}, {"stream", stream},
                 {"tools", {{{"type", "function"}, {"name", "get_weather"}, {"parameters", kParameters}}}},
                 {"input", {{{"role", "user"}, {"content", kQuestion}}}}};
    auto first = post("/v1/responses", body);
    ASSERT_TRUE(first);
    ASSERT_EQ(first->status, 200) << first->body;
    const Turn call = read_responses(first->body, stream);
    EXPECT_EQ(call.tool_name, "get_weather") << stream;
    EXPECT_EQ(call.tool_args, json({{"city", "Paris"}}));
    body["input"].push_back({{"type", "function_call"}, {"call_id", call.tool_id}, {"name", "get_weather"},
                             {"arguments", call.tool_args.dump()}});
    body["input"].push_back({{"type", "function_call_output"}, {"call_id", call.tool_id}, {"output", kToolOutput}});
    auto second = post("/v1/responses", body);
    ASSERT_TRUE(second);
    ASSERT_EQ(second->status, 200) << second->body;
    EXPECT_EQ(read_responses(second->body, stream).text, "It is sunny in Paris, 21 degrees.") << stream;
  }
}

TEST_F(RulesAgentLoopTest, MessagesToolUseThenText) {
  for (bool stream : {false, true}) {
    json body = {{"model", "anthropic/claude-sonnet-4.5"}, {"max_tokens", 256}, {"stream", stream},
                 {"tools", {{{"name", "get_weather"}, {"input_schema", kParameters}}}},
                 {"messages", {{{"role", "user"}, {"content", kQuestion}}}}};
    auto first = post("/v1/messages", body);
    ASSERT_TRUE(first);
    ASSERT_EQ(first->status, 200) << first->body;
    const Turn call = read_messages(first->body, stream);
    EXPECT_EQ(call.text, "Let me check.") << first->body;
    EXPECT_EQ(call.tool_name, "get_weather");
    EXPECT_EQ(call.tool_args, json({{"city", "Paris"}}));
    if (!stream) {
      EXPECT_EQ(json::parse(first->body)["stop_reason"], "tool_use");
    }
    body["messages"].push_back({{"role", "assistant"},
                                {"content", {{{"type", "text"}, {"text", call.text}},
                                             {{"type", "tool_use"}, {"id", call.tool_id}, {"name", "get_weather"},
                                              {"input", call.tool_args}}}}});
    body["messages"].push_back(
        {{"role", "user"}, {"content", {{{"type", "tool_result"}, {"tool_use_id", call.tool_id}, {"content", kToolOutput}}}}});
    auto second = post("/v1/messages", body);
    ASSERT_TRUE(second);
    ASSERT_EQ(second->status, 200) << second->body;
    EXPECT_EQ(read_messages(second->body, stream).text, "It is sunny in Paris, 21 degrees.") << stream;
  }
}

TEST_F(RulesAgentLoopTest, UnmatchedRequestsGetGeneratedOutput) {
  auto res = post_chat(client(), chat_request("Tell me about rivers."));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_NE(read_chat(res->body, false).text, "It is sunny in Paris, 21 degrees.");
}

class RulesWireTest : public MockTest {
 protected:
  void with_rules(const std::string& rules, bool strict_rules = false) {
    const std::string path = ::testing::TempDir() + "rules_wire_" +
                             ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".json";
    std::ofstream(path) << rules;
    Options options;
    options.rules_files = {path};
    options.strict_rules = strict_rules;
    restart(std::move(options));
  }
};

TEST_F(RulesWireTest, ErrorRuleAnswersTheDocumentedErrorInTheDialectsEnvelope) {
  with_rules(R"({"version":1,"rules":[{"name":"busy","when":{"user_text":"busy"},
      "reply":{"error":{"status":429,"retry-after":7,"should-retry":false}}},
    {"name":"custom","when":{"user_text":"custom"},"reply":{"error":{"status":503,"message":"No capacity today"}}}]})");
  auto res = post_chat(client(), chat_request("are you busy?"));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 429);
  EXPECT_EQ(res->get_header_value("retry-after"), "7");
  EXPECT_EQ(res->get_header_value("x-should-retry"), "false");
  EXPECT_EQ(json_of(res)["error"]["code"], 429);
  EXPECT_NE(json_of(res)["error"]["message"].get<std::string>().find("scripted by rule \"busy\""), std::string::npos);

  json body = {{"model", "anthropic/claude-sonnet-4.5"}, {"max_tokens", 16},
               {"messages", {{{"role", "user"}, {"content", "custom please"}}}}};
  auto headers = auth_headers();
  headers.emplace("anthropic-version", "2023-06-01");
  auto msg = client().Post("/v1/messages", headers, body.dump(), "application/json");
  ASSERT_TRUE(msg);
  EXPECT_EQ(msg->status, 503);
  EXPECT_EQ(json_of(msg)["type"], "error");
  EXPECT_EQ(json_of(msg)["error"]["type"], "overloaded_error");
  EXPECT_EQ(json_of(msg)["error"]["message"], "No capacity today");
}

TEST_F(RulesWireTest, FaultRuleBreaksTheStreamAndTheHeaderOverridesIt) {
  with_rules(R"({"version":1,"rules":[{"name":"cut","reply":{"text":"one two three four five six","fault":{"fault":"drop-terminal"}}}]})");
  json body = chat_request("hi");
  body["stream"] = true;
  auto res = post_chat(client(), body);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->body.find("[DONE]"), std::string::npos);
  EXPECT_EQ(read_chat(res->body, true).text, "one two three four five six");
  // Buffered: the stream-only fault is dropped, the scripted text stays.
  auto buffered = post_chat(client(), chat_request("hi"));
  ASSERT_TRUE(buffered);
  EXPECT_EQ(buffered->status, 200);
  EXPECT_EQ(read_chat(buffered->body, false).text, "one two three four five six");
  // The x-siraya-mock header replaces the rule's directives.
  auto headers = auth_headers();
  headers.emplace("x-siraya-mock", "should-retry=true");
  auto overridden = post_chat(client(), body, headers);
  ASSERT_TRUE(overridden);
  EXPECT_NE(overridden->body.find("[DONE]"), std::string::npos);
}

TEST_F(RulesWireTest, StrictRulesListsTheNearestRules) {
  with_rules(R"({"version":1,"rules":[{"name":"ls","when":{"user_text":"list files"},"reply":{"text":"a"}}]})", true);
  auto res = post_chat(client(), chat_request("list the files"));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
  const std::string message = json_of(res)["error"]["message"];
  EXPECT_NE(message.find("No rule matches"), std::string::npos) << message;
  EXPECT_NE(message.find("\"ls\""), std::string::npos) << message;
  EXPECT_NE(message.find("user_text does not contain \"list files\""), std::string::npos) << message;
  EXPECT_EQ(post_chat(client(), chat_request("list files"))->status, 200);
  // Other endpoints are not scripted, so strict rules leave them alone.
  EXPECT_EQ(client().Get("/v1/models", auth_headers())->status, 200);
}

TEST_F(RulesWireTest, JsonReplyIsTheMessageText) {
  with_rules(R"({"version":1,"rules":[{"reply":{"json":{"city":"Paris","celsius":21}}}]})");
  auto res = post_chat(client(), chat_request("weather as JSON"));
  ASSERT_TRUE(res);
  EXPECT_EQ(json::parse(read_chat(res->body, false).text), json({{"city", "Paris"}, {"celsius", 21}}));
}

TEST(RulesServer, BadRulesFileStopsTheStart) {
  Options options;
  options.port = 0;
  options.rules_files = {std::string(SIRAYA_SOURCE_DIR) + "/tests/data/bad_rules/bad_regex.json"};
  auto server = Server::start(std::move(options));
  ASSERT_FALSE(server);
  EXPECT_EQ(server.error().id, "mock.rules");
}

}  // namespace
}  // namespace siraya::mock::testing
