// --strict: the mock's own output passes its response schemas, and a broken plan becomes a 500.
#include "mock/strict.h"

#include "core/schema/registry.h"
#include "core/sse/encoder.h"
#include "mock_test_support.h"

namespace siraya::mock::testing {
namespace {

using nlohmann::json;

class StrictTest : public MockTest {
 protected:
  void SetUp() override {
    Options options;
    options.strict = true;
    restart(options);
  }
};

TEST_F(StrictTest, EverythingTheMockSendsPassesItsSchemas) {
  json tools = json::parse(R"([{"type":"function","function":{"name":"get_weather",
    "parameters":{"type":"object","properties":{"city":{"type":"string"}}}}}])");
  std::vector<json> bodies;
  bodies.push_back(chat_request());
  json b = chat_request();
  b["stream"] = true;
  b["stream_options"] = {{"include_usage", true}};
  bodies.push_back(b);
  b = chat_request();
  b["tools"] = tools;
  b["tool_choice"] = "required";
  bodies.push_back(b);
  b["stream"] = true;
  bodies.push_back(b);
  b = chat_request();
  b["n"] = 2;
  b["max_tokens"] = 3;
  bodies.push_back(b);
  for (const auto& body : bodies) {
    auto res = post_chat(client(), body);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200) << body << "\n" << res->body;
  }
  auto res = client().Get("/v1/models", auth_headers());
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200) << res->body;
  // Errors are checked against the envelope schema too.
  res = client().Get("/v1/nope", auth_headers());
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 404) << res->body;
}

TEST(StrictCheck, FindsAViolationInABody) {
  auto schemas = core::schema::Registry::embedded();
  ASSERT_TRUE(schemas) << schemas.error().to_string();
  ResponsePlan plan;
  plan.body = R"({"object":"list"})";  // no data
  plan.body_schema = "models/model_list.json";
  auto finding = check_plan(**schemas, plan);
  ASSERT_TRUE(finding);
  const ResponsePlan replaced = strict_violation_plan(*finding);
  EXPECT_EQ(replaced.status, 500);
  const json body = json::parse(replaced.body);
  EXPECT_EQ(body["error"]["code"], 500);
  EXPECT_NE(body["error"]["message"].get<std::string>().find("mock bug"), std::string::npos);
}

TEST(StrictCheck, FindsAViolationInAStreamEvent) {
  auto schemas = core::schema::Registry::embedded();
  ASSERT_TRUE(schemas) << schemas.error().to_string();
  ResponsePlan plan;
  plan.streaming = true;
  plan.event_schema = "chat/chat_chunk.json";
  plan.events = {core::sse::encode(R"({"id":"x","object":"chat.completion.chunk","created":1,"model":"m"})"),
                 core::sse::encode(core::sse::kDone)};
  EXPECT_TRUE(check_plan(**schemas, plan)) << "a chunk without choices must be caught";
  plan.events = {"data: {\"unterminated\":true}\n"};
  EXPECT_TRUE(check_plan(**schemas, plan)) << "framing errors are caught";
}

}  // namespace
}  // namespace siraya::mock::testing
