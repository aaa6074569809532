// The request bodies agent CLIs send (reference agent-clients.md §1-§4, in
// tests/data/agent_requests/), against the mock with the example rules of each CLI: the rule
// "reject what the real API rejects, accept what it accepts" (docs/agent-clis.md). Unknown fields
// and newer enum values are accepted; the documented fields around them are still checked.
#include <fstream>
#include <sstream>

#include "mock_test_support.h"

namespace siraya::mock::testing {
namespace {

using nlohmann::json;

json load(const std::string& name) {
  std::ifstream in(std::string(SIRAYA_SOURCE_DIR) + "/tests/data/agent_requests/" + name);
  std::stringstream text;
  text << in.rdbuf();
  json body = json::parse(text.str(), nullptr, false);
  EXPECT_TRUE(body.is_object()) << name;
  return body;
}

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

// What a streamed answer says, in any dialect: its text and its tool calls (name -> arguments).
struct Answer {
  std::string text;
  std::vector<std::pair<std::string, json>> calls;
};

Answer read_stream(std::string_view endpoint, const std::string& body) {
  Answer a;
  std::string args;
  const auto close_call = [&] {
    if (!a.calls.empty() && !args.empty()) a.calls.back().second = json::parse(args, nullptr, false);
    args.clear();
  };
  for (const json& e : events_of(body)) {
    if (endpoint == "chat") {
      if (!e.contains("choices") || e["choices"].empty()) continue;
      const json& d = e["choices"][0]["delta"];
      if (d.contains("content") && d["content"].is_string()) a.text += d["content"].get<std::string>();
      if (d.contains("tool_calls")) {
        const json& f = d["tool_calls"][0]["function"];
        if (f.contains("name")) {
          close_call();
          a.calls.emplace_back(f["name"].get<std::string>(), json());
        }
        if (f.contains("arguments")) args += f["arguments"].get<std::string>();
      }
    } else if (endpoint == "messages") {
      if (e["type"] == "content_block_start" && e["content_block"]["type"] == "tool_use") {
        close_call();
        a.calls.emplace_back(e["content_block"]["name"].get<std::string>(), json());
      }
      if (e["type"] == "content_block_delta" && e["delta"]["type"] == "text_delta") a.text += e["delta"]["text"].get<std::string>();
      if (e["type"] == "content_block_delta" && e["delta"]["type"] == "input_json_delta") {
        args += e["delta"]["partial_json"].get<std::string>();
      }
    } else if (e["type"] == "response.completed") {
      for (const json& item : e["response"]["output"]) {
        if (item["type"] == "message") a.text += item["content"][0]["text"].get<std::string>();
        if (item["type"] == "function_call") {
          a.calls.emplace_back(item["name"].get<std::string>(), json::parse(item["arguments"].get<std::string>()));
        }
      }
    }
  }
  close_call();
  return a;
}

const char* kSummary = "Those are the files in the current directory.";

class AgentRequestsTest : public MockTest {
 protected:
  void SetUp() override {
    Options options;
    const std::string examples = std::string(SIRAYA_SOURCE_DIR) + "/examples/rules/";
    options.rules_files = {examples + "claude_code_bash.json", examples + "codex_exec_command.json",
                           examples + "opencode_bash.json"};
    options.strict = true;  // every answer must satisfy the response schemas too
    restart(std::move(options));
  }

  static std::string path_of(std::string_view endpoint) {
    if (endpoint == "chat") return "/v1/chat/completions";
    if (endpoint == "messages") return "/v1/messages";
    return "/v1/responses";
  }

  httplib::Result post(const std::string& path, const json& body, httplib::Headers headers = auth_headers()) {
    return client().Post(path, headers, body.dump(), "application/json");
  }

  // The streamed answer to a body that must be accepted.
  Answer accepted(std::string_view endpoint, const json& body, const std::string& path = {},
                  httplib::Headers headers = auth_headers()) {
    auto res = post(path.empty() ? path_of(endpoint) : path, body, std::move(headers));
    EXPECT_TRUE(res);
    if (!res) return {};
    EXPECT_EQ(res->status, 200) << res->body;
    if (res->status != 200) return {};
    EXPECT_EQ(res->get_header_value("Content-Type").rfind("text/event-stream", 0), 0u);
    return read_stream(endpoint, res->body);
  }

  // The error of a body that must be rejected with 400; returns error.param.
  json rejected_param(std::string_view endpoint, const json& body) {
    auto res = post(path_of(endpoint), body);
    EXPECT_TRUE(res);
    if (!res) return json();
    EXPECT_EQ(res->status, 400) << res->body;
    const json error = json_of(res)["error"];
    EXPECT_TRUE(error["message"].is_string()) << res->body;
    return error["param"];
  }
};

// The conversation before its last `n` items (the first turn of a recorded second turn).
json drop_last(json body, const char* list, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) body[list].erase(body[list].size() - 1);
  return body;
}

// ---- Claude Code 2.1.x (§1) ----

httplib::Headers claude_code_headers() {
  return {{"x-api-key", kKey},
          {"anthropic-version", "2023-06-01"},
          {"anthropic-beta", "claude-code-20250219,interleaved-thinking-2025-05-14,context-management-2025-06-27,"
                             "effort-2025-11-24"},
          {"anthropic-dangerous-direct-browser-access", "true"},
          {"x-app", "cli"},
          {"user-agent", "claude-cli/2.1.330 (external, sdk-cli)"}};
}

TEST_F(AgentRequestsTest, ClaudeCodeFirstTurnCallsBashDespiteTheTrailingSystemMessage) {
  // Adaptive thinking with display, a role:"system" message after the prompt, metadata.user_id
  // as a JSON string, context_management, output_config, cache_control on blocks, a
  // defer_loading tool and $schema 2020-12 in every input_schema; the SDK adds ?beta=true.
  const Answer a = accepted("messages", load("claude_code_turn1.json"), "/v1/messages?beta=true", claude_code_headers());
  ASSERT_EQ(a.calls.size(), 1u);
  EXPECT_EQ(a.calls[0].first, "Bash");
  EXPECT_EQ(a.calls[0].second["command"], "ls");
}

TEST_F(AgentRequestsTest, ClaudeCodeSecondTurnAnswersTheToolResultInText) {
  // The thinking block echoed with its signature, tool_result with cache_control, and a system
  // message (a string with its own output_config) after the tool result.
  const Answer a = accepted("messages", load("claude_code_turn2.json"), "/v1/messages?beta=true", claude_code_headers());
  EXPECT_EQ(a.text, kSummary);
  EXPECT_TRUE(a.calls.empty());
}

TEST_F(AgentRequestsTest, ClaudeCodeUnderABasePathPrefix) {
  // ANTHROPIC_BASE_URL=http://host/api/anthropic: the SDK posts /api/anthropic/v1/messages.
  const Answer a =
      accepted("messages", load("claude_code_turn1.json"), "/api/anthropic/v1/messages?beta=true", claude_code_headers());
  ASSERT_EQ(a.calls.size(), 1u);
  EXPECT_EQ(a.calls[0].first, "Bash");
}

TEST_F(AgentRequestsTest, ClaudeCodeDocumentedFieldsAreStillChecked) {
  const json body = load("claude_code_turn1.json");
  json b = body;
  b["thinking"] = {{"type", "sometimes"}};
  EXPECT_EQ(rejected_param("messages", b), "thinking.type");
  b = body;
  b["metadata"]["user_id"] = 42;
  EXPECT_EQ(rejected_param("messages", b), "metadata.user_id");
  b = body;
  b["messages"][1]["content"] = 42;
  EXPECT_EQ(rejected_param("messages", b), "messages[1].content");
  b = body;
  b["messages"][1]["role"] = "narrator";
  EXPECT_EQ(rejected_param("messages", b), "messages[1].role");
  b = body;
  b["tools"][2]["input_schema"]["type"] = "string";  // defer_loading does not excuse the schema
  EXPECT_EQ(rejected_param("messages", b), "tools[2].input_schema.type");
  b = body;
  b["system"][1]["cache_control"] = {{"type", "ephemeral"}, {"ttl", "1d"}};
  EXPECT_EQ(rejected_param("messages", b), "system[1].cache_control.ttl");
  b = body;
  b["messages"].erase(0);  // only the system-role message left: no user turn
  EXPECT_EQ(rejected_param("messages", b), "messages");
}

// ---- Codex 0.169 (§2) ----

TEST_F(AgentRequestsTest, CodexFirstTurnCallsExecCommand) {
  // No instructions (developer items with ids instead), namespace and web_search tools,
  // prompt_cache_key and client_metadata.
  const Answer a = accepted("responses", load("codex_turn1.json"));
  ASSERT_EQ(a.calls.size(), 1u);
  EXPECT_EQ(a.calls[0].first, "exec_command");
  EXPECT_EQ(a.calls[0].second, json({{"cmd", "ls"}}));
}

TEST_F(AgentRequestsTest, CodexSecondTurnAnswersTheFunctionCallOutputInText) {
  // reasoning with encrypted_content, function_call with id, function_call_output with an fco_ id.
  const Answer a = accepted("responses", load("codex_turn2.json"));
  EXPECT_EQ(a.text, kSummary);
  EXPECT_TRUE(a.calls.empty());
}

TEST_F(AgentRequestsTest, CodexBufferedAnswerEchoesEveryTool) {
  json body = load("codex_turn1.json");
  body["stream"] = false;
  auto res = post("/v1/responses", body);
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  const json tools = json_of(res)["tools"];
  ASSERT_EQ(tools.size(), body["tools"].size());
  EXPECT_EQ(tools[3]["type"], "namespace");
  EXPECT_EQ(tools[3]["tools"].size(), 2u);
  EXPECT_EQ(tools[4], body["tools"][4]);
}

TEST_F(AgentRequestsTest, CodexDocumentedFieldsAreStillChecked) {
  const json body = load("codex_turn1.json");
  json b = body;
  b["tools"][3]["tools"][0].erase("name");
  EXPECT_EQ(rejected_param("responses", b), "tools[3].tools[0].name");
  b = body;
  b["tools"][3]["tools"][0]["type"] = "web_search";  // a namespace holds functions
  EXPECT_EQ(rejected_param("responses", b), "tools[3].tools[0].type");
  b = body;
  b["tools"][3].erase("name");
  EXPECT_EQ(rejected_param("responses", b), "tools[3].name");
  b = body;
  b["tools"][4]["type"] = "web_surfing";
  EXPECT_EQ(rejected_param("responses", b), "tools[4].type");
  b = body;
  b["tools"][4]["external_web_access"] = "no";
  EXPECT_EQ(rejected_param("responses", b), "tools[4].external_web_access");
  b = body;
  b["prompt_cache_key"] = std::string(65, 'k');
  EXPECT_EQ(rejected_param("responses", b), "prompt_cache_key");
  b = body;
  b["input"][0]["id"] = 7;
  EXPECT_EQ(rejected_param("responses", b), "input[0].id");
  b = body;
  b["tool_choice"] = {{"type", "function"}, {"name", "web_search"}};  // not a function tool
  EXPECT_EQ(rejected_param("responses", b), "tool_choice.name");
}

// ---- opencode 1.18 (§3), its three provider packages ----

TEST_F(AgentRequestsTest, OpencodeChatCallsBashThenAnswers) {
  const json body = load("opencode_chat_turn2.json");
  const Answer first = accepted("chat", drop_last(body, "messages", 2));
  ASSERT_EQ(first.calls.size(), 1u);
  EXPECT_EQ(first.calls[0].first, "bash");
  EXPECT_EQ(first.calls[0].second["command"], "ls");
  EXPECT_EQ(accepted("chat", body).text, kSummary);
}

TEST_F(AgentRequestsTest, OpencodeTitleRequestWithoutToolsGetsGeneratedText) {
  const Answer a = accepted("chat", load("opencode_chat_title.json"));
  EXPECT_FALSE(a.text.empty());
  EXPECT_NE(a.text, kSummary);
  EXPECT_TRUE(a.calls.empty());
}

TEST_F(AgentRequestsTest, OpencodeMessagesCallsBashThenAnswers) {
  // @ai-sdk/anthropic: eager_input_streaming and cache_control on tools, cache_control on the
  // system block, the last user text, the tool_use and the tool_result; no ?beta=true.
  const json body = load("opencode_messages_turn2.json");
  httplib::Headers headers{{"x-api-key", kKey}, {"anthropic-version", "2023-06-01"},
                           {"anthropic-beta", "structured-outputs-2025-11-13"}};
  const Answer first = accepted("messages", drop_last(body, "messages", 2), "", headers);
  ASSERT_EQ(first.calls.size(), 1u);
  EXPECT_EQ(first.calls[0].first, "bash");
  EXPECT_EQ(accepted("messages", body, "", headers).text, kSummary);
}

TEST_F(AgentRequestsTest, OpencodeResponsesCallsBashThenAnswers) {
  // @ai-sdk/openai: message items without type, function_call items without ids.
  const json body = load("opencode_responses_turn2.json");
  const Answer first = accepted("responses", drop_last(body, "input", 2));
  ASSERT_EQ(first.calls.size(), 1u);
  EXPECT_EQ(first.calls[0].first, "bash");
  EXPECT_EQ(first.calls[0].second["description"].is_string(), true);
  EXPECT_EQ(accepted("responses", body).text, kSummary);
}

TEST_F(AgentRequestsTest, OpencodeDocumentedFieldsAreStillChecked) {
  json b = load("opencode_responses_turn2.json");
  b["input"][0]["role"] = "robot";
  EXPECT_EQ(rejected_param("responses", b), "input[0].role");
  b = load("opencode_messages_turn2.json");
  b["tools"][0]["eager_input_streaming"] = true;
  b["tools"][0]["name"] = "bash tool";
  EXPECT_EQ(rejected_param("messages", b), "tools[0].name");
}

// ---- Qwen Code 0.15 (§4) ----

TEST_F(AgentRequestsTest, QwenChatWithNullContentAndToolPartsIsAnswered) {
  const Answer a = accepted("chat", load("qwen_chat_turn2.json"));
  EXPECT_FALSE(a.text.empty());
}

TEST_F(AgentRequestsTest, QwenChatToolPartsAreStillChecked) {
  json b = load("qwen_chat_turn2.json");
  b["messages"][5]["content"] = {{{"type", "image_url"}, {"image_url", {{"url", "https://example.com/a.png"}}}}};
  EXPECT_EQ(rejected_param("chat", b), "messages[5].content[0].type");
  b = load("qwen_chat_turn2.json");
  b["messages"][4].erase("tool_calls");  // content null needs tool calls
  EXPECT_EQ(rejected_param("chat", b), "messages[4].content");
}

TEST_F(AgentRequestsTest, QwenMessagesThinkingBudgetAtOrAboveMaxTokensIsRejectedAsByTheRealApi) {
  // Decision (docs/agent-clis.md): budget_tokens must stay below max_tokens, as the public API
  // requires (messages.md §2); Qwen Code works over the chat dialect instead.
  EXPECT_EQ(rejected_param("messages", load("qwen_messages_budget.json")), "thinking.budget_tokens");
}

// ---- Probes and upgrades (§1, §2, §5 rule 1) ----

TEST_F(AgentRequestsTest, StrayHeadProbesGetA404) {
  for (const char* path : {"/", "/api/hello", "/api/anthropic"}) {
    auto res = client().Head(path, {{"User-Agent", "Bun/1.4.0"}});
    ASSERT_TRUE(res) << path;
    EXPECT_EQ(res->status, 404) << path;
  }
}

TEST_F(AgentRequestsTest, WebSocketUpgradeOnResponsesGetsA404SoCodexFallsBackToHttp) {
  auto res = client().Get("/v1/responses", {{"Authorization", std::string("Bearer ") + kKey},
                                            {"Connection", "Upgrade"},
                                            {"Upgrade", "websocket"},
                                            {"Sec-WebSocket-Version", "13"},
                                            {"Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ=="},
                                            {"openai-beta", "responses_websockets=2026-02-06"}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 404) << res->body;
  const json error = json_of(res)["error"];
  EXPECT_EQ(error["code"], 404);
  EXPECT_NE(error["message"].get<std::string>().find("WebSocket"), std::string::npos) << res->body;
  // A plain GET is still the documented 405.
  res = client().Get("/v1/responses", auth_headers());
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 405);
}

TEST_F(AgentRequestsTest, BasePathPrefixesAndQueryStringsReachTheEndpoint) {
  for (const char* path : {"/v1/chat/completions?api-version=1", "/gateway/v1/chat/completions",
                           "/api/openai/v1/chat/completions?x=1&y=2"}) {
    auto res = post(path, chat_request());
    ASSERT_TRUE(res) << path;
    EXPECT_EQ(res->status, 200) << path << ": " << res->body;
  }
  // A doubled /v1 (an Anthropic SDK given a base URL ending in /v1) stays a 404 with the hint.
  auto res = post("/v1/v1/messages", load("claude_code_turn1.json"), claude_code_headers());
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 404);
  EXPECT_NE(json_of(res)["error"]["message"].get<std::string>().find("without /v1"), std::string::npos) << res->body;
  // An unknown path under a prefix is not rewritten.
  res = post("/api/v1/chat/complete", chat_request());
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 404);
  EXPECT_NE(json_of(res)["error"]["message"].get<std::string>().find("/api/v1/chat/complete"), std::string::npos);
}

}  // namespace
}  // namespace siraya::mock::testing
