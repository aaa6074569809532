// POST /v1/responses request checks (reference responses.md §1-§4): a 400 in the gateway
// envelope whose `param` is a JSON path to the offending field.
#include "mock_test_support.h"

namespace siraya::mock::testing {
namespace {

using nlohmann::json;

class ResponsesValidationTest : public MockTest {
 protected:
  void SetUp() override {
    Options options;
    options.strict = true;  // error bodies must pass their schemas too
    restart(options);
  }
  // The error object of a request expected to fail with `status`.
  json rejected(const json& body, int status = 400) {
    auto res = client().Post("/v1/responses", auth_headers(), body.dump(), "application/json");
    EXPECT_TRUE(res);
    if (!res) return json();
    EXPECT_EQ(res->status, status) << res->body;
    const json envelope = json_of(res);
    EXPECT_EQ(envelope["error"]["code"], status);
    EXPECT_TRUE(envelope["error"]["message"].is_string());
    return envelope["error"];
  }
  static json base() { return {{"model", "openai/gpt-4o"}, {"input", "hi"}}; }
};

TEST_F(ResponsesValidationTest, MissingModelAndInput) {
  json body = base();
  body.erase("model");
  EXPECT_EQ(rejected(body)["param"], "model");
  body = base();
  body.erase("input");
  EXPECT_EQ(rejected(body)["param"], "input");
}

TEST_F(ResponsesValidationTest, UnknownModel) {
  json body = base();
  body["model"] = "nobody/nothing";
  const json e = rejected(body);
  EXPECT_EQ(e["param"], "model");
  EXPECT_EQ(e["type"], "invalid_request_error");
}

TEST_F(ResponsesValidationTest, SamplingRanges) {
  json body = base();
  body["temperature"] = 2.5;
  EXPECT_EQ(rejected(body)["param"], "temperature");
  body = base();
  body["top_p"] = -0.1;
  EXPECT_EQ(rejected(body)["param"], "top_p");
  body = base();
  body["max_output_tokens"] = 8;
  EXPECT_EQ(rejected(body)["param"], "max_output_tokens");
}

TEST_F(ResponsesValidationTest, BadItemContentNamesItsPath) {
  json body = base();
  body["input"] = json::parse(R"([{"role":"user","content":"a"},{"role":"assistant","content":"b"},
    {"type":"message","role":"user","content":42}])");
  const std::string param = rejected(body)["param"];
  EXPECT_EQ(param.rfind("input[2].content", 0), 0u) << param;
}

TEST_F(ResponsesValidationTest, FunctionCallOutputWithoutItsCall) {
  json body = base();
  body["input"] = json::parse(R"([{"role":"user","content":"a"},
    {"type":"function_call_output","call_id":"call_9","output":"x"}])");
  EXPECT_EQ(rejected(body)["param"], "input[1].call_id");
}

TEST_F(ResponsesValidationTest, ToolChoiceMustNameADeclaredTool) {
  json body = base();
  body["tools"] = json::parse(R"([{"type":"function","name":"get_weather"}])");
  body["tool_choice"] = {{"type", "function"}, {"name", "get_time"}};
  EXPECT_EQ(rejected(body)["param"], "tool_choice.name");
  body.erase("tools");
  body["tool_choice"] = "required";
  EXPECT_EQ(rejected(body)["param"], "tool_choice");
}

TEST_F(ResponsesValidationTest, ToolsAreFlat) {
  json body = base();
  body["tools"] = json::parse(R"([{"type":"function","function":{"name":"get_weather"}}])");
  const std::string param = rejected(body)["param"];
  EXPECT_EQ(param.rfind("tools[0]", 0), 0u) << param;
}

TEST_F(ResponsesValidationTest, PreviousResponseIdIsRejected) {
  json body = base();
  body["previous_response_id"] = "resp_1";
  EXPECT_EQ(rejected(body)["param"], "previous_response_id");
}

// responses.md §1: include takes reasoning.encrypted_content and message.output_text.logprobs.
TEST_F(ResponsesValidationTest, IncludeTakesTheDocumentedValues) {
  json body = base();
  body["include"] = {"reasoning.encrypted_content", "message.output_text.logprobs"};
  auto res = client().Post("/v1/responses", auth_headers(), body.dump(), "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200) << res->body;
  body["include"] = {"message.output_text.logprobs", "everything"};
  EXPECT_EQ(rejected(body)["param"], "include[1]");
  body["include"] = "message.output_text.logprobs";
  EXPECT_EQ(rejected(body)["param"], "include");
}

// responses.md §1: safety_identifier and prompt_cache_key are strings of at most 64 characters;
// store, background and stream_options.include_obfuscation are booleans.
TEST_F(ResponsesValidationTest, IdentifiersAndFlags) {
  for (const char* key : {"safety_identifier", "prompt_cache_key"}) {
    json body = base();
    body[key] = std::string(64, 'k');
    auto res = client().Post("/v1/responses", auth_headers(), body.dump(), "application/json");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200) << key << ": " << res->body;
    body[key] = std::string(65, 'k');
    EXPECT_EQ(rejected(body)["param"], key);
    body[key] = 42;
    EXPECT_EQ(rejected(body)["param"], key);
  }
  for (const char* key : {"store", "background"}) {
    json body = base();
    body[key] = "yes";
    EXPECT_EQ(rejected(body)["param"], key);
  }
  json body = base();
  body["stream"] = true;
  body["stream_options"] = {{"include_obfuscation", "yes"}};
  EXPECT_EQ(rejected(body)["param"], "stream_options.include_obfuscation");
}

// The provider object has the routing fields of chat-completions.md §5 on every endpoint.
TEST_F(ResponsesValidationTest, ProviderFieldsAreChecked) {
  json body = base();
  body["provider"] = {{"order", json::array({"openai"})}, {"allow_fallbacks", true}, {"quantizations", json::array({"fp16"})}};
  auto res = client().Post("/v1/responses", auth_headers(), body.dump(), "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200) << res->body;
  body["provider"] = "openai";
  EXPECT_EQ(rejected(body)["param"], "provider");
  body["provider"] = {{"only", "openai"}};
  EXPECT_EQ(rejected(body)["param"], "provider.only");
  body["provider"] = {{"sort", "fastest"}};
  EXPECT_EQ(rejected(body)["param"], "provider.sort");
  body["provider"] = {{"max_price", {{"completion", -1}}}};
  EXPECT_EQ(rejected(body)["param"], "provider.max_price.completion");
}

TEST_F(ResponsesValidationTest, UnknownTopLevelKeysAreAllowed) {
  json body = base();
  body["some_future_field"] = {{"x", 1}};
  auto res = client().Post("/v1/responses", auth_headers(), body.dump(), "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200) << res->body;
}

TEST_F(ResponsesValidationTest, MissingKeyIs401InTheEnvelope) {
  auto res = client().Post("/v1/responses", base().dump(), "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 401);
  EXPECT_EQ(json_of(res)["error"]["code"], 401);
}

}  // namespace
}  // namespace siraya::mock::testing
