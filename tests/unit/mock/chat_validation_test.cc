// 400s from POST /v1/chat/completions with the exact `param` (chat-completions.md §1).
#include "mock_test_support.h"

namespace siraya::mock::testing {
namespace {

using nlohmann::json;

class ChatValidationTest : public MockTest {
 protected:
  // Posts `body` (raw text) and returns the error object of a 400.
  json error_for_text(const std::string& body, const std::string& content_type = "application/json") {
    auto res = client().Post("/v1/chat/completions", auth_headers(), body, content_type);
    EXPECT_TRUE(res);
    if (!res) return json();
    EXPECT_EQ(res->status, 400) << res->body;
    EXPECT_EQ(res->get_header_value("Content-Type"), "application/json");
    const json parsed = json_of(res);
    EXPECT_EQ(parsed["error"]["type"], "invalid_request_error") << res->body;
    EXPECT_EQ(parsed["error"]["code"], 400) << res->body;
    return parsed["error"];
  }
  json error_for(const json& body) { return error_for_text(body.dump()); }
  // The `param` of the 400 for `body`.
  json param_for(const json& body) { return error_for(body)["param"]; }
};

TEST_F(ChatValidationTest, InvalidJsonNamesThePosition) {
  const json e = error_for_text(R"({"model": "openai/gpt-4o", })");
  EXPECT_TRUE(e["param"].is_null());
  const std::string message = e["message"];
  EXPECT_EQ(message.rfind("Invalid JSON: ", 0), 0u) << message;
  EXPECT_NE(message.find("column"), std::string::npos) << message;
}

TEST_F(ChatValidationTest, EmptyBody) {
  EXPECT_TRUE(error_for_text("")["param"].is_null());
}

TEST_F(ChatValidationTest, BodyMustBeAnObject) {
  const json e = error_for_text("[1,2]");
  EXPECT_TRUE(e["param"].is_null());
  EXPECT_NE(e["message"].get<std::string>().find("must be a JSON object"), std::string::npos);
}

TEST_F(ChatValidationTest, ContentTypeMustBeJson) {
  const json e = error_for_text(chat_request().dump(), "text/plain");
  EXPECT_TRUE(e["param"].is_null());
  EXPECT_NE(e["message"].get<std::string>().find("Content-Type"), std::string::npos);
}

TEST_F(ChatValidationTest, ContentTypeWithCharsetIsFine) {
  auto res = client().Post("/v1/chat/completions", auth_headers(), chat_request().dump(),
                           "application/json; charset=utf-8");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200) << res->body;
}

TEST_F(ChatValidationTest, Model) {
  json body = chat_request();
  body.erase("model");
  EXPECT_EQ(param_for(body), "model");
  body["model"] = 7;
  EXPECT_EQ(param_for(body), "model");
  body["model"] = "openai/gpt-5-imaginary";
  const json e = error_for(body);
  EXPECT_EQ(e["param"], "model");
  EXPECT_NE(e["message"].get<std::string>().find("openai/gpt-4o"), std::string::npos) << e["message"];
  body["model"] = "openai/text-embedding-3-small";
  EXPECT_EQ(param_for(body), "model");
}

TEST_F(ChatValidationTest, Messages) {
  json body = chat_request();
  body.erase("messages");
  EXPECT_EQ(param_for(body), "messages");
  body["messages"] = json::array();
  EXPECT_EQ(param_for(body), "messages");
  body["messages"] = "hello";
  EXPECT_EQ(param_for(body), "messages");
}

TEST_F(ChatValidationTest, MessageFields) {
  json body = chat_request();
  body["messages"].push_back({{"role", "user"}, {"content", 42}});
  EXPECT_EQ(param_for(body), "messages[1].content");

  body["messages"][1] = {{"role", "wizard"}, {"content", "hi"}};
  const json e = error_for(body);
  EXPECT_EQ(e["param"], "messages[1].role");
  EXPECT_NE(e["message"].get<std::string>().find("system, developer, user, assistant, tool"), std::string::npos);

  body["messages"][1] = {{"content", "hi"}};
  EXPECT_EQ(param_for(body), "messages[1].role");
  body["messages"][1] = "hi";
  EXPECT_EQ(param_for(body), "messages[1]");
  body["messages"][1] = {{"role", "user"}, {"content", {{{"type", "text"}}}}};
  EXPECT_EQ(param_for(body), "messages[1].content[0].text");
  body["messages"][1] = {{"role", "user"}, {"content", {{{"type", "image_url"}, {"image_url", {{"detail", "low"}}}}}}};
  EXPECT_EQ(param_for(body), "messages[1].content[0].image_url.url");
  body["messages"][1] = {{"role", "system"}, {"content", {{{"type", "image_url"}, {"image_url", {{"url", "x"}}}}}}};
  EXPECT_EQ(param_for(body), "messages[1].content[0].type");
  body["messages"][1] = {{"role", "assistant"}};
  EXPECT_EQ(param_for(body), "messages[1].content");
}

TEST_F(ChatValidationTest, ToolMessageMustAnswerAPrecedingToolCall) {
  json body = chat_request();
  body["messages"].push_back({{"role", "tool"}, {"tool_call_id", "call_unknown"}, {"content", "18C"}});
  const json e = error_for(body);
  EXPECT_EQ(e["param"], "messages[1].tool_call_id");
  EXPECT_NE(e["message"].get<std::string>().find("call_unknown"), std::string::npos);

  body["messages"][1].erase("tool_call_id");
  EXPECT_EQ(param_for(body), "messages[1].tool_call_id");

  // Answering a call made earlier is fine.
  body["messages"] = json::array({
      {{"role", "user"}, {"content", "Weather in Paris?"}},
      {{"role", "assistant"}, {"content", nullptr},
       {"tool_calls", {{{"id", "call_1"}, {"type", "function"},
                        {"function", {{"name", "get_weather"}, {"arguments", "{}"}}}}}}},
      {{"role", "tool"}, {"tool_call_id", "call_1"}, {"content", "18C"}},
  });
  auto res = post_chat(client(), body);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200) << res->body;
}

TEST_F(ChatValidationTest, SamplingRanges) {
  json body = chat_request();
  body["temperature"] = 3;
  json e = error_for(body);
  EXPECT_EQ(e["param"], "temperature");
  EXPECT_EQ(e["message"], "temperature must be between 0 and 2, got 3");
  body.erase("temperature");

  body["top_p"] = -1;
  EXPECT_EQ(param_for(body), "top_p");
  body["top_p"] = "high";
  EXPECT_EQ(param_for(body), "top_p");
  body.erase("top_p");

  for (const char* key : {"max_tokens", "max_completion_tokens"}) {
    body[key] = 0;
    EXPECT_EQ(param_for(body), key);
    body[key] = 2.5;
    EXPECT_EQ(param_for(body), key);
    body.erase(key);
  }
  body["n"] = 9;
  EXPECT_EQ(param_for(body), "n");
  body.erase("n");
  body["frequency_penalty"] = 2.5;
  EXPECT_EQ(param_for(body), "frequency_penalty");
  body.erase("frequency_penalty");
  body["stop"] = json::array({"a", 1});
  EXPECT_EQ(param_for(body), "stop[1]");
  body["stop"] = json::array({"a", "b", "c", "d", "e"});
  EXPECT_EQ(param_for(body), "stop");
}

TEST_F(ChatValidationTest, NullMeansDefault) {
  json body = chat_request();
  // The fields chat-completions.md §1 types as "... | null".
  for (const char* key : {"temperature", "top_p", "max_tokens", "max_completion_tokens", "stop", "n", "stream",
                          "stream_options", "seed", "logprobs", "top_logprobs", "frequency_penalty",
                          "presence_penalty", "parallel_tool_calls"}) {
    body[key] = nullptr;
  }
  auto res = post_chat(client(), body);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200) << res->body;
}

TEST_F(ChatValidationTest, TopLogprobsNeedsLogprobs) {
  json body = chat_request();
  body["top_logprobs"] = 3;
  const json e = error_for(body);
  EXPECT_EQ(e["param"], "top_logprobs");
  EXPECT_NE(e["message"].get<std::string>().find("logprobs"), std::string::npos);
  body["logprobs"] = nullptr;
  EXPECT_EQ(param_for(body), "top_logprobs");
  body["logprobs"] = true;
  auto res = post_chat(client(), body);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200) << res->body;
}

TEST_F(ChatValidationTest, Tools) {
  const json tool = {{"type", "function"},
                     {"function", {{"name", "get_weather"}, {"parameters", {{"type", "object"}}}}}};
  json body = chat_request();
  body["tools"] = json::array({tool});
  body["tool_choice"] = {{"type", "function"}, {"function", {{"name", "get_time"}}}};
  json e = error_for(body);
  EXPECT_EQ(e["param"], "tool_choice");
  EXPECT_NE(e["message"].get<std::string>().find("get_time"), std::string::npos);

  body["tool_choice"] = "sometimes";
  EXPECT_EQ(param_for(body), "tool_choice");
  body.erase("tool_choice");
  body["tools"][0]["function"]["name"] = "bad name!";
  EXPECT_EQ(param_for(body), "tools[0].function.name");
  body["tools"][0]["type"] = "custom";
  EXPECT_EQ(param_for(body), "tools[0].type");
  body["tools"] = json::array({tool, tool});
  EXPECT_EQ(param_for(body), "tools[1].function.name");

  body = chat_request();
  body["tool_choice"] = "required";
  EXPECT_EQ(param_for(body), "tool_choice");
}

TEST_F(ChatValidationTest, ResponseFormat) {
  json body = chat_request();
  body["response_format"] = {{"type", "xml"}};
  EXPECT_EQ(param_for(body), "response_format.type");
  body["response_format"] = {{"type", "json_schema"}};
  EXPECT_EQ(param_for(body), "response_format.json_schema");
  body["response_format"] = {{"type", "json_schema"}, {"json_schema", {{"schema", {{"type", "object"}}}}}};
  EXPECT_EQ(param_for(body), "response_format.json_schema.name");
}

}  // namespace
}  // namespace siraya::mock::testing
