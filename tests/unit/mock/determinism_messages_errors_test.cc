// Every error on /v1/messages uses the superset body of reference README §4.3
// ({"type":"error","error":{type,message,param,code},"request_id"}), including the ones raised
// before the endpoint runs: 405, 413, a bad x-siraya-seed, and 404 on /v1/v1/messages (the path
// an Anthropic SDK builds from a base URL that already ends in /v1).
#include "mock_test_support.h"

namespace siraya::mock::testing {
namespace {

using nlohmann::json;

void expect_superset(const httplib::Result& res, int status, const char* anthropic_type) {
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, status) << res->body;
  const json body = json_of(res);
  EXPECT_EQ(body["type"], "error") << res->body;
  EXPECT_EQ(body["error"]["type"], anthropic_type) << res->body;
  EXPECT_EQ(body["error"]["code"], status) << res->body;
  EXPECT_TRUE(body["error"]["message"].is_string()) << res->body;
  EXPECT_EQ(body["request_id"], res->get_header_value("request-id")) << res->body;
}

httplib::Headers anthropic_headers() { return {{"x-api-key", kKey}, {"anthropic-version", "2023-06-01"}}; }

const char* kBody = R"({"model":"anthropic/claude-sonnet-4.5","max_tokens":16,"messages":[{"role":"user","content":"Hi"}]})";

class MessagesErrorsTest : public MockTest {
 protected:
  void SetUp() override {
    Options options;
    options.strict = true;
    options.max_body_bytes = 4096;
    restart(options);
  }
};

TEST_F(MessagesErrorsTest, MethodNotAllowedUsesSupersetBody) {
  auto res = client().Get("/v1/messages", anthropic_headers());
  expect_superset(res, 405, "invalid_request_error");
  EXPECT_EQ(res->get_header_value("Allow"), "POST");
}

TEST_F(MessagesErrorsTest, DoubledV1PathIsA404InSupersetBodyWithAHint) {
  auto res = client().Post("/v1/v1/messages", anthropic_headers(), kBody, "application/json");
  expect_superset(res, 404, "not_found_error");
  EXPECT_NE(json_of(res)["error"]["message"].get<std::string>().find("/v1/messages"), std::string::npos);
}

TEST_F(MessagesErrorsTest, TooLargeBodyIsA413InSupersetBody) {
  const std::string big = std::string(R"({"model":"anthropic/claude-sonnet-4.5","max_tokens":16,"messages":[{"role":"user","content":")") +
                          std::string(8192, 'a') + "\"}]}";
  expect_superset(client().Post("/v1/messages", anthropic_headers(), big, "application/json"), 413, "request_too_large");
}

TEST_F(MessagesErrorsTest, BadSeedHeaderIsA400InSupersetBody) {
  httplib::Headers headers = anthropic_headers();
  headers.emplace("x-siraya-seed", "seven");
  auto res = client().Post("/v1/messages", headers, kBody, "application/json");
  expect_superset(res, 400, "invalid_request_error");
  EXPECT_EQ(json_of(res)["error"]["param"], "x-siraya-seed");
}

TEST_F(MessagesErrorsTest, OtherPathsKeepTheGatewayEnvelope) {
  auto res = client().Get("/v1/chat/completions", auth_headers());
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 405);
  const json body = json_of(res);
  EXPECT_FALSE(body.contains("type")) << res->body;
  EXPECT_EQ(body["error"]["code"], 405);
}

}  // namespace
}  // namespace siraya::mock::testing
