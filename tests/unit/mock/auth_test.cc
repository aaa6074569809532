// Authentication (reference README §2): Bearer or x-api-key, Bearer first; 401 in the envelope.
#include "mock_test_support.h"

namespace siraya::mock::testing {
namespace {

class AuthTest : public MockTest {
 protected:
  void SetUp() override {
    Options options;
    options.keys = {"sk-good", "sk-other"};
    restart(options);
  }
  httplib::Result models(httplib::Headers headers) { return client().Get("/v1/models", headers); }
  void expect_401(const httplib::Result& res, const std::string& message_part) {
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 401);
    const auto body = json_of(res);
    EXPECT_EQ(body["error"]["type"], "authentication_error");
    EXPECT_EQ(body["error"]["code"], 401);
    EXPECT_TRUE(body["error"]["param"].is_null());
    const std::string message = body["error"]["message"];
    EXPECT_NE(message.find(message_part), std::string::npos) << message;
  }
};

TEST_F(AuthTest, MissingKey) { expect_401(models({}), "Missing API key"); }

TEST_F(AuthTest, MalformedAuthorization) {
  expect_401(models({{"Authorization", "sk-good"}}), "Malformed Authorization");
  expect_401(models({{"Authorization", "Basic c2stZ29vZA=="}}), "Malformed Authorization");
  expect_401(models({{"Authorization", "Bearer"}}), "Malformed Authorization");
  expect_401(models({{"Authorization", "Bearer two tokens"}}), "Malformed Authorization");
}

TEST_F(AuthTest, WrongKey) {
  expect_401(models({{"Authorization", "Bearer sk-bad"}}), "Invalid API key");
  expect_401(models({{"x-api-key", "sk-bad"}}), "Invalid API key");
}

TEST_F(AuthTest, AcceptedKeys) {
  for (httplib::Headers h : {httplib::Headers{{"Authorization", "Bearer sk-good"}},
                             httplib::Headers{{"authorization", "bearer sk-other"}},
                             httplib::Headers{{"x-api-key", "sk-good"}}}) {
    auto res = models(h);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200) << res->body;
  }
}

TEST_F(AuthTest, BearerTakesPrecedenceOverXApiKey) {
  expect_401(models({{"Authorization", "Bearer sk-bad"}, {"x-api-key", "sk-good"}}), "Invalid API key");
  auto res = models({{"Authorization", "Bearer sk-good"}, {"x-api-key", "sk-bad"}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
}

TEST_F(AuthTest, ChatCompletionsNeedsAuthToo) {
  auto res = post_chat(client(), chat_request(), {});
  expect_401(res, "Missing API key");
}

TEST(AuthOpen, AnyNonEmptyKeyWhenNoKeysAreConfigured) {
  auto server = start_mock();
  ASSERT_NE(server, nullptr);
  auto cli = client_for(*server);
  auto res = cli->Get("/v1/models", {{"Authorization", "Bearer anything"}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  res = cli->Get("/v1/models", {{"x-api-key", ""}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 401);
}

}  // namespace
}  // namespace siraya::mock::testing
