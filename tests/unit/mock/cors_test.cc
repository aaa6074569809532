// CORS (mock/cors/cors_policy.h, docs/cors.md) over real HTTP: off by default; a preflight from
// an allowed origin gets 204 with the Access-Control-Allow-* headers before authentication;
// answers to an allowed origin carry Access-Control-Allow-Origin and expose the headers SDKs
// read; another origin gets the documented 400 (the superset body on /v1/messages).
#include <gtest/gtest.h>

#include <tuple>
#include <vector>

#include "mock_test_support.h"

namespace siraya::mock::testing {
namespace {

using nlohmann::json;

class CorsTest : public MockTest {
 protected:
  void with_origins(std::vector<std::string> origins) {
    Options options;
    options.cors_origins = std::move(origins);
    restart(options);
  }
  httplib::Result preflight(const std::string& origin, const std::string& path = "/v1/chat/completions") {
    return client().Options(path, {{"Origin", origin},
                                   {"Access-Control-Request-Method", "POST"},
                                   {"Access-Control-Request-Headers", "authorization, content-type"}});
  }
  httplib::Result chat_from(const std::string& origin) {
    auto headers = auth_headers();
    headers.emplace("Origin", origin);
    return post_chat(client(), chat_request(), headers);
  }
};

TEST_F(CorsTest, OffByDefault) {
  auto res = preflight("http://localhost:5173");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 405);  // an OPTIONS like any other method the path does not serve
  res = chat_from("http://localhost:5173");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_FALSE(res->has_header("Access-Control-Allow-Origin"));
}

TEST_F(CorsTest, AllowedOriginPreflightAndAnswer) {
  with_origins({"http://localhost:5173/"});  // a trailing slash names the same origin
  auto res = preflight("http://localhost:5173");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 204);
  EXPECT_EQ(res->get_header_value("Access-Control-Allow-Origin"), "http://localhost:5173");
  EXPECT_EQ(res->get_header_value("Access-Control-Allow-Headers"), "authorization, content-type");
  EXPECT_NE(res->get_header_value("Access-Control-Allow-Methods").find("POST"), std::string::npos);
  EXPECT_EQ(res->get_header_value("Vary"), "Origin");
  EXPECT_FALSE(res->get_header_value("Access-Control-Max-Age").empty());

  res = chat_from("http://localhost:5173");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Access-Control-Allow-Origin"), "http://localhost:5173");
  EXPECT_NE(res->get_header_value("Access-Control-Expose-Headers").find("x-request-id"), std::string::npos);
  EXPECT_NE(res->get_header_value("Access-Control-Expose-Headers").find("retry-after"), std::string::npos);

  // Errors reach the page too: a 401 without a key still carries the CORS headers.
  res = client().Post("/v1/chat/completions", {{"Origin", "http://localhost:5173"}}, chat_request().dump(),
                      "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 401);
  EXPECT_EQ(res->get_header_value("Access-Control-Allow-Origin"), "http://localhost:5173");
}

TEST_F(CorsTest, DisallowedOriginGetsTheDocumented400) {
  with_origins({"https://app.example"});
  auto res = preflight("https://evil.example");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
  const json body = json_of(res);
  EXPECT_EQ(body["error"]["code"], 400);
  EXPECT_EQ(body["error"]["type"], "invalid_request_error");
  EXPECT_NE(body["error"]["message"].get<std::string>().find("--cors-origin https://evil.example"), std::string::npos);
  EXPECT_FALSE(res->has_header("Access-Control-Allow-Origin"));

  res = chat_from("https://evil.example");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);

  // /v1/messages answers in its superset body.
  res = preflight("https://evil.example", "/v1/messages");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
  EXPECT_EQ(json_of(res)["type"], "error");

  // Clients outside a browser send no Origin and are not affected.
  res = post_chat(client(), chat_request());
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
}

TEST_F(CorsTest, WhatCorsAnswersItselfIsJournaled) {
  Options options;
  options.cors_origins = {"https://app.example"};
  options.admin_token = "admin-token";
  restart(options);
  ASSERT_EQ(preflight("https://app.example")->status, 204);
  ASSERT_EQ(preflight("https://evil.example")->status, 400);
  ASSERT_EQ(chat_from("https://evil.example")->status, 400);
  ASSERT_EQ(chat_from("https://app.example")->status, 200);
  const json journal = json_of(client().Get("/__admin/requests", {{"Authorization", "Bearer admin-token"}}));
  ASSERT_EQ(journal["data"].size(), 4u) << journal.dump();
  const std::vector<std::tuple<std::string, std::string, int>> expected = {
      {"OPTIONS", "https://app.example", 204},
      {"OPTIONS", "https://evil.example", 400},
      {"POST", "https://evil.example", 400},
      {"POST", "https://app.example", 200}};
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const json& entry = journal["data"][i];
    EXPECT_EQ(entry["method"], std::get<0>(expected[i])) << entry.dump();
    EXPECT_EQ(entry["headers"]["origin"], std::get<1>(expected[i])) << entry.dump();
    EXPECT_EQ(entry["status"], std::get<2>(expected[i])) << entry.dump();
    EXPECT_EQ(entry["path"], "/v1/chat/completions");
  }
}

TEST_F(CorsTest, AnyOriginForLocalDevelopment) {
  with_origins({"*"});
  auto res = preflight("http://127.0.0.1:3000");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 204);
  EXPECT_EQ(res->get_header_value("Access-Control-Allow-Origin"), "http://127.0.0.1:3000");
  // An OPTIONS that is not a preflight (no Access-Control-Request-Method) is routed as usual.
  res = client().Options("/v1/chat/completions", {{"Origin", "http://127.0.0.1:3000"}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 405);
}

}  // namespace
}  // namespace siraya::mock::testing
