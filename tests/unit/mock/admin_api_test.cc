// The admin API (docs/admin-api.md): off by default, bearer token, reset, journal, rules.
#include <memory>

#include "faults_wire_support.h"
#include "mock/config/config.h"
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

TEST_F(AdminApiTest, JournalRedactsCredentialsWhereverTheyAppear) {
  auto headers = auth_headers();
  headers.emplace("x-org-token", "org-token-1234");
  headers.emplace("x-team", "platform");
  const std::string prompt = std::string("Repeat ") + kKey + " and org-token-1234";
  ASSERT_EQ(post_chat(client(), chat_request(prompt), headers)->status, 200);
  // A body cut at 64 KiB keeps no part of a key it was cut across.
  // The body is {"messages":[{"content":"<filler><key>"...: the key starts 5 bytes before the cut.
  const std::string filler(64 * 1024 - std::string(R"({"messages":[{"content":")").size() - 5, 'a');
  ASSERT_EQ(post_chat(client(), chat_request(filler + kKey), headers)->status, 200);

  const json journal = json_of(client().Get("/__admin/requests", admin_headers()));
  ASSERT_EQ(journal["data"].size(), 2u) << journal.dump();
  const json& first = journal["data"][0];
  EXPECT_EQ(first["headers"]["x-org-token"], "[redacted]") << "a header whose name says token";
  EXPECT_EQ(first["headers"]["x-team"], "platform");
  EXPECT_EQ(first["body"]["messages"][0]["content"], "Repeat [redacted] and [redacted]");
  const json& cut = journal["data"][1];
  EXPECT_TRUE(cut["body_truncated"].get<bool>());
  const std::string body = cut["body"].get<std::string>();
  EXPECT_EQ(body.size(), 64u * 1024);
  EXPECT_EQ(body.substr(body.size() - 5), "[reda") << "not sk-te, the key's first bytes";
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

TEST_F(AdminApiTest, ResetRestoresCreditsAndRateLimitBuckets) {
  const json prompt = chat_request("Rivers, please.");
  // What one answer costs on openai/gpt-4o (usage x catalog price); the balance pays for one and a half.
  const json usage = json_of(post_chat(client(), prompt))["usage"];
  const double cost = usage["prompt_tokens"].get<double>() * 0.0000025 + usage["completion_tokens"].get<double>() * 0.00001;
  config::Config c;
  c.keys = {{"sk-once", cost * 1.5}, {"sk-limited", std::nullopt}};
  c.rate_limit.requests_per_minute = 2;
  Options options;
  options.admin_token = kToken;
  options.config = std::make_shared<const config::Config>(std::move(c));
  options.limits_clock = [] { return std::chrono::steady_clock::time_point(std::chrono::seconds(1000)); };
  restart(std::move(options));
  const httplib::Headers once = {{"Authorization", "Bearer sk-once"}};
  const httplib::Headers limited = {{"Authorization", "Bearer sk-limited"}};
  EXPECT_EQ(post_chat(client(), prompt, once)->status, 200);
  EXPECT_EQ(post_chat(client(), prompt, once)->status, 402);  // the rest of the balance is too little
  EXPECT_EQ(post_chat(client(), prompt, limited)->status, 200);
  EXPECT_EQ(post_chat(client(), prompt, limited)->status, 200);
  EXPECT_EQ(post_chat(client(), prompt, limited)->status, 429);  // the clock stands still: no refill

  auto reset = client().Post("/__admin/reset", admin_headers(), "", "application/json");
  ASSERT_TRUE(reset);
  ASSERT_EQ(reset->status, 200) << reset->body;
  auto again = post_chat(client(), prompt, limited);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 200);
  EXPECT_EQ(again->get_header_value("x-ratelimit-remaining-requests"), "1");  // a full bucket, less this one
  EXPECT_EQ(post_chat(client(), prompt, once)->status, 200);  // the configured balance again
  EXPECT_EQ(post_chat(client(), prompt, once)->status, 402);
}

TEST_F(AdminApiTest, ResetWithAnEmptyBodyAndNoContentType) {
  // What curl -d '' or fetch(url, {method: "POST"}) send. Without Content-Length at all,
  // cpp-httplib 0.11 reads the body until the client closes its side (docs/admin-api.md).
  RawConnection connection(server_->port());
  ASSERT_TRUE(connection.connected());
  connection.send("POST /__admin/reset HTTP/1.1\r\nHost: mock\r\nAuthorization: Bearer " + std::string(kToken) +
                  "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(connection.read_to_end(), End::eof);
  EXPECT_EQ(connection.bytes.substr(0, 15), "HTTP/1.1 200 OK") << connection.bytes;
  EXPECT_NE(connection.bytes.find(R"({"reset":true)"), std::string::npos) << connection.bytes;
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
