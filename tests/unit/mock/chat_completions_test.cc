// POST /v1/chat/completions, non-streaming (chat-completions.md §6): shape, determinism, limits,
// stop sequences, prefill, tools, structured output, n.
#include <regex>

#include "mock_test_support.h"

namespace siraya::mock::testing {
namespace {

using nlohmann::json;

class ChatCompletionsTest : public MockTest {
 protected:
  json complete(const json& body) {
    auto res = post_chat(client(), body);
    EXPECT_TRUE(res);
    if (!res) return json();
    EXPECT_EQ(res->status, 200) << res->body;
    EXPECT_EQ(res->get_header_value("Content-Type"), "application/json");
    return json_of(res);
  }
  static std::string content_of(const json& completion) { return completion["choices"][0]["message"]["content"]; }

  static json weather_tool() {
    return json::parse(R"({"type":"function","function":{"name":"get_weather","description":"Weather",
      "parameters":{"type":"object","properties":{"city":{"type":"string"},
      "unit":{"type":"string","enum":["celsius","fahrenheit"]},"days":{"type":"integer","minimum":1,"maximum":5}},
      "required":["city"],"additionalProperties":false}}})");
  }
};

TEST_F(ChatCompletionsTest, ResponseShape) {
  const json c = complete(chat_request());
  EXPECT_TRUE(std::regex_match(c["id"].get<std::string>(), std::regex("chatcmpl-[A-Za-z0-9]{24}")));
  EXPECT_EQ(c["object"], "chat.completion");
  EXPECT_TRUE(c["created"].is_number_integer());
  EXPECT_EQ(c["model"], "openai/gpt-4o");
  EXPECT_FALSE(c.contains("system_fingerprint"));
  ASSERT_EQ(c["choices"].size(), 1u);
  const json& choice = c["choices"][0];
  EXPECT_EQ(choice["index"], 0);
  EXPECT_EQ(choice["message"]["role"], "assistant");
  EXPECT_FALSE(choice["message"]["content"].get<std::string>().empty());
  EXPECT_TRUE(choice["message"].contains("refusal") && choice["message"]["refusal"].is_null());
  EXPECT_TRUE(choice.contains("logprobs") && choice["logprobs"].is_null());
  EXPECT_EQ(choice["finish_reason"], "stop");
  const json& usage = c["usage"];
  EXPECT_GT(usage["prompt_tokens"].get<int>(), 0);
  EXPECT_GT(usage["completion_tokens"].get<int>(), 0);
  EXPECT_EQ(usage["total_tokens"], usage["prompt_tokens"].get<int>() + usage["completion_tokens"].get<int>());
  EXPECT_EQ(usage["prompt_tokens_details"]["cached_tokens"], 0);
  EXPECT_EQ(usage["completion_tokens_details"]["reasoning_tokens"], 0);
}

TEST_F(ChatCompletionsTest, SameRequestSameAnswer) {
  const json a = complete(chat_request());
  const json b = complete(chat_request());
  EXPECT_EQ(a["id"], b["id"]);
  EXPECT_EQ(content_of(a), content_of(b));
  EXPECT_NE(content_of(a), content_of(complete(chat_request("Tell me about forests."))));
}

TEST_F(ChatCompletionsTest, SeedChangesTheAnswer) {
  const json a = complete(chat_request());
  Options options;
  options.seed = 12345;
  restart(options);
  const json b = complete(chat_request());
  EXPECT_NE(content_of(a), content_of(b));
  EXPECT_NE(a["id"], b["id"]);
}

TEST_F(ChatCompletionsTest, MaxTokensCutsWithFinishReasonLength) {
  const std::string full = content_of(complete(chat_request()));
  for (const char* key : {"max_tokens", "max_completion_tokens"}) {
    json body = chat_request();
    body[key] = 3;
    const json c = complete(body);
    EXPECT_EQ(c["choices"][0]["finish_reason"], "length");
    EXPECT_LE(c["usage"]["completion_tokens"].get<int>(), 3);
    const std::string cut = content_of(c);
    EXPECT_FALSE(cut.empty());
    EXPECT_EQ(full.rfind(cut, 0), 0u) << "'" << cut << "' is not a prefix of '" << full << "'";
  }
  json body = chat_request();
  body["max_tokens"] = 10000;
  EXPECT_EQ(complete(body)["choices"][0]["finish_reason"], "stop");
}

TEST_F(ChatCompletionsTest, StopSequenceCutsBeforeIt) {
  const std::string full = content_of(complete(chat_request()));
  const auto second_space = full.find(' ', full.find(' ') + 1);
  ASSERT_NE(second_space, std::string::npos);
  const std::string stop = full.substr(second_space, 4);
  json body = chat_request();
  body["stop"] = json::array({"zzzz-never", stop});
  const json c = complete(body);
  EXPECT_EQ(content_of(c), full.substr(0, full.find(stop)));
  EXPECT_EQ(c["choices"][0]["finish_reason"], "stop");
  body["stop"] = stop;  // a single string works too
  EXPECT_EQ(content_of(complete(body)), full.substr(0, full.find(stop)));
}

TEST_F(ChatCompletionsTest, PrefillIsContinuedNotEchoed) {
  json body = chat_request();
  const std::string prefix = "Once upon a time";
  body["messages"].push_back({{"role", "assistant"}, {"content", prefix}});
  const std::string content = content_of(complete(body));
  EXPECT_EQ(content.find(prefix), std::string::npos) << content;
  EXPECT_EQ(content.front(), ' ') << "the continuation starts a new word: " << content;
}

TEST_F(ChatCompletionsTest, RequiredToolChoiceCallsATool) {
  json body = chat_request();
  body["tools"] = json::array({weather_tool()});
  body["tool_choice"] = "required";
  const json c = complete(body);
  const json& choice = c["choices"][0];
  EXPECT_EQ(choice["finish_reason"], "tool_calls");
  EXPECT_TRUE(choice["message"]["content"].is_null());
  ASSERT_EQ(choice["message"]["tool_calls"].size(), 1u);
  const json& call = choice["message"]["tool_calls"][0];
  EXPECT_TRUE(std::regex_match(call["id"].get<std::string>(), std::regex("call_[A-Za-z0-9]{24}")));
  EXPECT_EQ(call["type"], "function");
  EXPECT_EQ(call["function"]["name"], "get_weather");
  const json args = json::parse(call["function"]["arguments"].get<std::string>(), nullptr, false);
  ASSERT_TRUE(args.is_object()) << call["function"]["arguments"];
  EXPECT_TRUE(args["city"].is_string());
  EXPECT_TRUE(args["unit"] == "celsius" || args["unit"] == "fahrenheit");
  EXPECT_GE(args["days"].get<int>(), 1);
  EXPECT_LE(args["days"].get<int>(), 5);
  EXPECT_GT(c["usage"]["completion_tokens"].get<int>(), 0);
}

TEST_F(ChatCompletionsTest, NamedToolChoiceCallsThatTool) {
  json other = weather_tool();
  other["function"]["name"] = "get_time";
  json body = chat_request();
  body["tools"] = json::array({weather_tool(), other});
  body["tool_choice"] = {{"type", "function"}, {"function", {{"name", "get_time"}}}};
  const json c = complete(body);
  EXPECT_EQ(c["choices"][0]["message"]["tool_calls"][0]["function"]["name"], "get_time");
}

TEST_F(ChatCompletionsTest, AutoCallsAToolOnlyWhenTheUserMentionsIt) {
  json body = chat_request("Tell me a story about the sea.");
  body["tools"] = json::array({weather_tool()});
  EXPECT_EQ(complete(body)["choices"][0]["finish_reason"], "stop");
  body["messages"][0]["content"] = "Please use get_weather for Paris.";
  EXPECT_EQ(complete(body)["choices"][0]["finish_reason"], "tool_calls");
  // A word of the tool's name (get_weather -> "weather") is a mention; "get" alone is too general.
  body["messages"][0]["content"] = "What is the weather in Paris?";
  EXPECT_EQ(complete(body)["choices"][0]["finish_reason"], "tool_calls");
  body["messages"][0]["content"] = "Get me a coffee.";
  EXPECT_EQ(complete(body)["choices"][0]["finish_reason"], "stop");
  body["messages"][0]["content"] = "What is the weather in Paris?";
  body["tool_choice"] = "none";
  EXPECT_EQ(complete(body)["choices"][0]["finish_reason"], "stop");
}

TEST_F(ChatCompletionsTest, CamelCaseToolNamesAreSplitIntoWords) {
  json tool = weather_tool();
  tool["function"]["name"] = "lookupStockPrice";
  json body = chat_request("How are stocks doing today?");
  body["tools"] = json::array({tool});
  const json c = complete(body);
  ASSERT_EQ(c["choices"][0]["finish_reason"], "tool_calls");
  EXPECT_EQ(c["choices"][0]["message"]["tool_calls"][0]["function"]["name"], "lookupStockPrice");
}

// When the input ends with tool results, "auto" answers in text even if the user's words still
// mention the tool; "required" and a named tool oblige a call (chat-completions.md §3.1).
TEST_F(ChatCompletionsTest, ToolResultEndsAnAutoLoopInText) {
  json body = chat_request("What is the weather in Paris?");
  body["tools"] = json::array({weather_tool()});
  const json first = complete(body);
  ASSERT_EQ(first["choices"][0]["finish_reason"], "tool_calls");
  json assistant = first["choices"][0]["message"];
  body["messages"].push_back(assistant);
  body["messages"].push_back({{"role", "tool"},
                              {"tool_call_id", assistant["tool_calls"][0]["id"]},
                              {"content", R"({"temperature_c":21,"conditions":"sunny"})"}});
  const json second = complete(body);
  EXPECT_EQ(second["choices"][0]["finish_reason"], "stop");
  const std::string text = content_of(second);
  EXPECT_NE(text.find("tool"), std::string::npos) << text;
  EXPECT_NE(text.find("weather"), std::string::npos) << text;
  body["tool_choice"] = "required";
  EXPECT_EQ(complete(body)["choices"][0]["finish_reason"], "tool_calls");
  body["tool_choice"] = {{"type", "function"}, {"function", {{"name", "get_weather"}}}};
  EXPECT_EQ(complete(body)["choices"][0]["finish_reason"], "tool_calls");
}

TEST_F(ChatCompletionsTest, TextMentionsWhatWasAsked) {
  const std::string text = content_of(complete(chat_request("What is the capital of France?")));
  EXPECT_NE(text.find("the capital of France"), std::string::npos) << text;
  EXPECT_EQ(text.find("What is"), std::string::npos) << text;
}

TEST_F(ChatCompletionsTest, RequestSeedPicksTheAnswer) {
  json a = chat_request();
  a["seed"] = 1;
  json b = chat_request();
  b["seed"] = 2;
  const std::string first = content_of(complete(a));
  EXPECT_EQ(first, content_of(complete(a)));
  EXPECT_NE(first, content_of(complete(b)));
  EXPECT_NE(first, content_of(complete(chat_request())));
  a["seed"] = nullptr;  // null is no seed
  EXPECT_EQ(content_of(complete(a)), content_of(complete(chat_request())));
}

// Without max_tokens the answer is 20 to 120 words, so a limit of 100 tokens cuts some requests
// and not others (truncation tests see both outcomes).
TEST_F(ChatCompletionsTest, LimitCutsSomeAnswersButNotAll) {
  int cut = 0;
  for (int i = 0; i < 30; ++i) {
    json body = chat_request("Question number " + std::to_string(i) + " about rivers");
    body["max_tokens"] = 100;
    if (complete(body)["choices"][0]["finish_reason"] == "length") ++cut;
  }
  EXPECT_GT(cut, 0);
  EXPECT_LT(cut, 30);
}

TEST_F(ChatCompletionsTest, JsonPrefillIsClosed) {
  json body = chat_request("What is the capital of France? Answer in JSON.");
  const std::string prefix = R"({"city": ")";
  body["messages"].push_back({{"role", "assistant"}, {"content", prefix}});
  const std::string content = content_of(complete(body));
  const json whole = json::parse(prefix + content, nullptr, false);
  ASSERT_TRUE(whole.is_object()) << prefix + content;
  EXPECT_TRUE(whole["city"].is_string());
}

TEST_F(ChatCompletionsTest, JsonSchemaOutputIsJson) {
  json body = chat_request();
  body["response_format"] = json::parse(R"({"type":"json_schema","json_schema":{"name":"city",
    "schema":{"type":"object","properties":{"name":{"type":"string"},"population":{"type":"integer"}},
    "required":["name","population"]}}})");
  const json content = json::parse(content_of(complete(body)), nullptr, false);
  ASSERT_TRUE(content.is_object());
  EXPECT_TRUE(content["name"].is_string());
  EXPECT_TRUE(content["population"].is_number_integer());
}

TEST_F(ChatCompletionsTest, JsonObjectOutputIsJson) {
  json body = chat_request();
  body["response_format"] = {{"type", "json_object"}};
  const json content = json::parse(content_of(complete(body)), nullptr, false);
  ASSERT_TRUE(content.is_object());
  EXPECT_TRUE(content["answer"].is_string());
}

TEST_F(ChatCompletionsTest, SeveralChoices) {
  json body = chat_request();
  body["n"] = 3;
  const json c = complete(body);
  ASSERT_EQ(c["choices"].size(), 3u);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(c["choices"][i]["index"], i);
  EXPECT_NE(c["choices"][0]["message"]["content"], c["choices"][1]["message"]["content"]);
  // Choice 0 is the answer a request with n = 1 gets.
  EXPECT_EQ(c["choices"][0]["message"]["content"], content_of(complete(chat_request())));
  const json single = complete(chat_request());
  EXPECT_GT(c["usage"]["completion_tokens"].get<int>(), single["usage"]["completion_tokens"].get<int>());
  EXPECT_EQ(c["usage"]["prompt_tokens"], single["usage"]["prompt_tokens"]);
}

}  // namespace
}  // namespace siraya::mock::testing
