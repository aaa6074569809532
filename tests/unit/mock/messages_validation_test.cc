// POST /v1/messages request checks and errors (reference messages.md §1-§4, README §4.3): the
// superset error body with `param`, and both credential headers.
#include "mock_test_support.h"

namespace siraya::mock::testing {
namespace {

using nlohmann::json;

json base() {
  return {{"model", "anthropic/claude-sonnet-4.5"}, {"max_tokens", 64}, {"messages", {{{"role", "user"}, {"content", "hi"}}}}};
}

class MessagesValidationTest : public MockTest {
 protected:
  void SetUp() override {
    Options options;
    options.strict = true;  // error bodies must pass their schemas too
    restart(options);
  }
  httplib::Result post(const json& body, httplib::Headers headers = {{"x-api-key", kKey}}) {
    return client().Post("/v1/messages", headers, body.dump(), "application/json");
  }
  // The error object of a request expected to fail with `status`, after checking the superset
  // body: {"type":"error","error":{"type","message","param","code"},"request_id"}.
  json rejected(const json& body, int status = 400, httplib::Headers headers = {{"x-api-key", kKey}}) {
    auto res = post(body, std::move(headers));
    EXPECT_TRUE(res);
    if (!res) return json();
    EXPECT_EQ(res->status, status) << res->body;
    const json b = json_of(res);
    EXPECT_EQ(b["type"], "error");
    EXPECT_EQ(b["error"]["code"], status);
    EXPECT_TRUE(b["error"]["message"].is_string());
    EXPECT_TRUE(b["error"].contains("param"));
    EXPECT_EQ(b["request_id"], res->get_header_value("request-id"));
    EXPECT_FALSE(res->get_header_value("request-id").empty());
    return b["error"];
  }
};

TEST_F(MessagesValidationTest, BothCredentialHeadersAreAccepted) {
  auto res = post(base(), {{"x-api-key", kKey}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200) << res->body;
  res = post(base(), auth_headers());
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200) << res->body;
}

TEST_F(MessagesValidationTest, MissingCredentialsUseTheSupersetBody) {
  EXPECT_EQ(rejected(base(), 401, {})["type"], "authentication_error");
}

TEST_F(MessagesValidationTest, MissingMaxTokens) {
  json body = base();
  body.erase("max_tokens");
  const json e = rejected(body);
  EXPECT_EQ(e["param"], "max_tokens");
  EXPECT_EQ(e["type"], "invalid_request_error");
  body["max_tokens"] = 0;
  EXPECT_EQ(rejected(body)["param"], "max_tokens");
}

TEST_F(MessagesValidationTest, RangesAndShapes) {
  json body = base();
  body["temperature"] = 1.5;
  EXPECT_EQ(rejected(body)["param"], "temperature");
  body = base();
  body["tool_choice"] = "auto";
  EXPECT_EQ(rejected(body)["param"], "tool_choice");
  body = base();
  body["messages"] = json::array();
  EXPECT_EQ(rejected(body)["param"], "messages");
  body = base();
  body["messages"][0]["content"] = json::parse(R"([{"type":"image","source":{"type":"base64","media_type":"image/bmp","data":"AAAA"}}])");
  const std::string param = rejected(body)["param"];
  EXPECT_EQ(param.rfind("messages[0].content[0]", 0), 0u) << param;
}

// The provider object has the routing fields of chat-completions.md §5 on every endpoint; its
// errors use the superset body like every other 400 here.
TEST_F(MessagesValidationTest, ProviderFieldsAreChecked) {
  json body = base();
  body["provider"] = {{"order", json::array({"anthropic"})}, {"allow_fallbacks", true}};
  auto res = post(body);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200) << res->body;
  body["provider"] = "anthropic";
  EXPECT_EQ(rejected(body)["param"], "provider");
  body["provider"] = {{"sort", "fastest"}};
  EXPECT_EQ(rejected(body)["param"], "provider.sort");
  body["provider"] = {{"require_parameters", 1}};
  EXPECT_EQ(rejected(body)["param"], "provider.require_parameters");
}

TEST_F(MessagesValidationTest, TurnRules) {
  json body = base();
  body["messages"] = json::parse(R"([{"role":"assistant","content":"hello"}])");
  EXPECT_EQ(rejected(body)["param"], "messages[0].role");
  body["messages"] = json::parse(R"([{"role":"user","content":"a"},
    {"role":"assistant","content":[{"type":"tool_use","id":"toolu_1","name":"f","input":{}}]},
    {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_2","content":"x"}]}])");
  EXPECT_EQ(rejected(body)["param"], "messages[2].content[0].tool_use_id");
  body["messages"] = json::parse(R"([{"role":"user","content":[{"type":"tool_use","id":"toolu_1","name":"f","input":{}}]}])");
  EXPECT_EQ(rejected(body)["param"], "messages[0].content[0]");
}

TEST_F(MessagesValidationTest, ToolChoiceAndThinking) {
  json body = base();
  body["tools"] = json::parse(R"([{"name":"get_weather","input_schema":{"type":"object"}}])");
  body["tool_choice"] = {{"type", "tool"}, {"name", "get_time"}};
  EXPECT_EQ(rejected(body)["param"], "tool_choice.name");
  body = base();
  body["thinking"] = {{"type", "enabled"}, {"budget_tokens", 2048}};
  EXPECT_EQ(rejected(body)["param"], "thinking.budget_tokens") << "budget must be below max_tokens";
  body["max_tokens"] = 4096;
  body["thinking"]["budget_tokens"] = 100;
  EXPECT_EQ(rejected(body)["param"], "thinking.budget_tokens");
}

TEST_F(MessagesValidationTest, UnknownModelIsA400) {
  json body = base();
  body["model"] = "nobody/nothing";
  EXPECT_EQ(rejected(body)["param"], "model");
}

}  // namespace
}  // namespace siraya::mock::testing
