// The admin API (docs/admin-api.md): off by default, bearer token, reset, journal, rules.
#include "mock_test_support.h"

namespace siraya::mock::testing {
namespace {

using nlohmann::json;

constexpr const char* kToken = "admin-secret";

httplib::Headers admin_headers(const std::string& token = kToken) { return {{"Authorization", "Bearer " + token}}; }

class AdminApiTest : public MockTest {
 protected:
  void SetUp() override {
    Options options;
    options.admin_token = kToken;
    options.journal_capacity = 3;
    restart(std::move(options));
  }
};

TEST(AdminApiOff, AdminPathsAreUnknownWithoutAToken) {
  auto server = start_mock();
  ASSERT_NE(server, nullptr);
  auto client = client_for(*server);
  auto res = client->Get("/__admin/requests", admin_headers());
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 404);
}

TEST_F(AdminApiTest, EveryCallNeedsTheToken) {
  for (const httplib::Headers& headers : {httplib::Headers{}, admin_headers("wrong"), admin_headers("admin-secre"),
                                          httplib::Headers{{"Authorization", std::string("Basic ") + kToken}}}) {
    auto res = client().Get("/__admin/requests", headers);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 401);
    EXPECT_EQ(json_of(res)["error"]["code"], 401);
    EXPECT_EQ(client().Post("/__admin/reset", headers, "", "application/json")->status, 401);
    EXPECT_EQ(client().Post("/__admin/rules", headers, "{}", "application/json")->status, 401);
  }
}

TEST_F(AdminApiTest, JournalKeepsTheLastRequestsWithKeysRedacted) {
  for (const char* prompt : {"one", "two", "three", "four"}) post_chat(client(), chat_request(prompt));
  auto res = client().Get("/__admin/requests", admin_headers());
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  const json journal = json_of(res);
  EXPECT_EQ(journal["capacity"], 3);
  EXPECT_EQ(journal["dropped"], 1);
  ASSERT_EQ(journal["data"].size(), 3u);
  const json& last = journal["data"][2];
  EXPECT_EQ(last["seq"], 4);
  EXPECT_EQ(last["method"], "POST");
  EXPECT_EQ(last["path"], "/v1/chat/completions");
  EXPECT_EQ(last["status"], 200);
  EXPECT_EQ(last["body"]["messages"][0]["content"], "four");
  EXPECT_EQ(last["headers"]["authorization"], "[redacted]");
  EXPECT_EQ(res->body.find(kKey), std::string::npos);
  EXPECT_EQ(res->body.find(kToken), std::string::npos);
  EXPECT_TRUE(last["rule"].is_null());
}

TEST_F(AdminApiTest, RulesLoadAtRunTimeAndResetRestoresTheStartupRules) {
  const json rules = {{"version", 1},
                      {"rules", {{{"name", "pong"}, {"when", {{"user_text", "ping"}}}, {"reply", {{"text", "pong"}}}}}}};
  auto loaded = client().Post("/__admin/rules", admin_headers(), rules.dump(), "application/json");
  ASSERT_TRUE(loaded);
  ASSERT_EQ(loaded->status, 200) << loaded->body;
  EXPECT_EQ(json_of(loaded)["loaded"], 1);
  auto listed = client().Get("/__admin/rules", admin_headers());
  EXPECT_EQ(json_of(listed)["data"][0]["name"], "pong");

  auto res = post_chat(client(), chat_request("ping"));
  ASSERT_TRUE(res);
  EXPECT_EQ(json_of(res)["choices"][0]["message"]["content"], "pong");
  EXPECT_EQ(json_of(client().Get("/__admin/requests", admin_headers()))["data"].back()["rule"], "pong");

  auto reset = client().Post("/__admin/reset", admin_headers(), "", "application/json");
  ASSERT_TRUE(reset);
  EXPECT_EQ(reset->status, 200);
  EXPECT_TRUE(json_of(client().Get("/__admin/requests", admin_headers()))["data"].empty());
  EXPECT_NE(json_of(post_chat(client(), chat_request("ping")))["choices"][0]["message"]["content"], "pong");
}

TEST_F(AdminApiTest, BadRulesAreA400AndKeepTheRulesInForce) {
  const std::string bad = R"({"version":1,"rules":[{"when":{"user_text":{"regex":"("}},"reply":{"text":"x"}}]})";
  auto res = client().Post("/__admin/rules", admin_headers(), bad, "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
  const std::string message = json_of(res)["error"]["message"];
  EXPECT_NE(message.find("POST /__admin/rules#/rules/0/when/user_text/regex"), std::string::npos) << message;
  EXPECT_TRUE(json_of(client().Get("/__admin/rules", admin_headers()))["data"].empty());
}

TEST_F(AdminApiTest, UnknownPathsAndMethods) {
  EXPECT_EQ(client().Get("/__admin/nothing", admin_headers())->status, 404);
  auto res = client().Get("/__admin/reset", admin_headers());
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 405);
  EXPECT_EQ(res->get_header_value("Allow"), "POST");
  EXPECT_EQ(client().Delete("/__admin/rules", admin_headers())->status, 405);
}

}  // namespace
}  // namespace siraya::mock::testing
