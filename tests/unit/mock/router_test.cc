// Routing: exact paths, 404 with the nearest documented path, 405 with Allow.
#include "mock/router.h"

#include "mock_test_support.h"

namespace siraya::mock::testing {
namespace {

using RouterTest = MockTest;

void expect_envelope(const httplib::Result& res, int status, const std::string& type) {
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, status);
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/json");
  const auto body = json_of(res);
  ASSERT_TRUE(body.is_object()) << res->body;
  EXPECT_EQ(body["error"]["code"], status);
  EXPECT_EQ(body["error"]["type"], type);
  EXPECT_TRUE(body["error"]["param"].is_null());
  EXPECT_TRUE(body["error"]["message"].is_string());
}

TEST(NearestPath, PicksTheClosestDocumentedPath) {
  EXPECT_EQ(nearest_path("/v1/foo"), "/v1/models");
  EXPECT_EQ(nearest_path("/v1/chat/completion"), "/v1/chat/completions");
  EXPECT_EQ(nearest_path("/chat/completions"), "/v1/chat/completions");
  EXPECT_EQ(nearest_path("/v1/v1/messages"), "/v1/messages");
  EXPECT_EQ(nearest_path("/v1/embedding"), "/v1/embeddings");
}

TEST_F(RouterTest, UnknownPathIs404WithTheNearestPath) {
  auto res = client().Get("/v1/foo", auth_headers());
  expect_envelope(res, 404, "not_found_error");
  EXPECT_EQ(json_of(res)["error"]["message"], "Unknown path /v1/foo; did you mean /v1/models?");
}

TEST_F(RouterTest, DoubledV1PrefixGetsAHint) {
  auto res = client().Post("/v1/v1/messages", auth_headers(), "{}", "application/json");
  expect_envelope(res, 404, "not_found_error");
  const std::string message = json_of(res)["error"]["message"];
  EXPECT_NE(message.find("did you mean /v1/messages?"), std::string::npos) << message;
  EXPECT_NE(message.find("without /v1"), std::string::npos) << message;
}

TEST_F(RouterTest, PathsCompareExactly) {
  expect_envelope(client().Get("/v1/models/", auth_headers()), 404, "not_found_error");
  expect_envelope(client().Get("/V1/MODELS", auth_headers()), 404, "not_found_error");
}

TEST_F(RouterTest, WrongMethodIs405WithAllow) {
  auto res = client().Post("/v1/models", auth_headers(), "{}", "application/json");
  expect_envelope(res, 405, "invalid_request_error");
  EXPECT_EQ(res->get_header_value("Allow"), "GET");

  res = client().Get("/v1/chat/completions", auth_headers());
  expect_envelope(res, 405, "invalid_request_error");
  EXPECT_EQ(res->get_header_value("Allow"), "POST");

  res = client().Delete("/health");
  expect_envelope(res, 405, "invalid_request_error");
  EXPECT_EQ(res->get_header_value("Allow"), "GET");
}

TEST_F(RouterTest, QueryStringsAreIgnored) {
  auto res = client().Get("/v1/models?limit=1&category=x", auth_headers());
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
}

TEST_F(RouterTest, HeadIsServedLikeGet) {
  auto res = client().Head("/health");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
}

}  // namespace
}  // namespace siraya::mock::testing
