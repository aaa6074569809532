// status=<s>: every documented status on every endpoint family, in the right envelope with the
// headers the SDKs read; a bad header is a 400 naming it; the option that turns the header off.
#include "mock_test_support.h"

namespace siraya::mock::testing {
namespace {

using nlohmann::json;

const int kStatuses[] = {400, 401, 402, 403, 404, 405, 408, 413, 429, 500, 502, 503};

httplib::Headers with_control(httplib::Headers headers, const std::string& control) {
  headers.emplace("x-siraya-mock", control);
  return headers;
}

httplib::Headers messages_headers() { return {{"x-api-key", kKey}, {"anthropic-version", "2023-06-01"}}; }

json messages_body() {
  return {{"model", "anthropic/claude-sonnet-4.5"},
          {"max_tokens", 64},
          {"messages", {{{"role", "user"}, {"content", "Hi"}}}}};
}

void expect_gateway_envelope(const httplib::Result& res, int status) {
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, status);
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/json");
  const json body = json_of(res);
  ASSERT_TRUE(body.is_object()) << res->body;
  EXPECT_EQ(body["error"]["code"], status);
  EXPECT_TRUE(body["error"]["message"].is_string());
  EXPECT_TRUE(body["error"]["type"].is_string());
  EXPECT_FALSE(body.contains("request_id"));
}

void expect_superset_envelope(const httplib::Result& res, int status) {
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, status);
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/json");
  const json body = json_of(res);
  ASSERT_TRUE(body.is_object()) << res->body;
  EXPECT_EQ(body["type"], "error");
  EXPECT_EQ(body["error"]["code"], status);
  EXPECT_TRUE(body["error"]["type"].is_string());
  EXPECT_EQ(body["request_id"], res->get_header_value("request-id"));
}

using FaultsStatus = MockTest;

TEST_F(FaultsStatus, EveryStatusOnChatInTheGatewayEnvelope) {
  for (int status : kStatuses) {
    SCOPED_TRACE(status);
    json body = chat_request();
    body["stream"] = true;  // answered before the first byte: HTTP status + JSON (README §4.4)
    auto res = post_chat(client(), body, with_control(auth_headers(), "status=" + std::to_string(status)));
    expect_gateway_envelope(res, status);
    EXPECT_NE(json_of(res)["error"]["message"].get<std::string>().find("x-siraya-mock"), std::string::npos);
  }
}

TEST_F(FaultsStatus, EveryStatusOnResponsesAndModels) {
  for (int status : kStatuses) {
    SCOPED_TRACE(status);
    const json body = {{"model", "openai/gpt-4o"}, {"input", "Hi"}, {"stream", true}};
    expect_gateway_envelope(client().Post("/v1/responses", with_control(auth_headers(), "status=" + std::to_string(status)),
                                          body.dump(), "application/json"),
                            status);
    expect_gateway_envelope(client().Get("/v1/models", with_control(auth_headers(), "status=" + std::to_string(status))),
                            status);
  }
}

TEST_F(FaultsStatus, EveryStatusOnMessagesInTheSupersetBody) {
  const std::map<int, std::string> anthropic_type = {
      {400, "invalid_request_error"}, {401, "authentication_error"}, {402, "billing_error"},
      {403, "permission_error"},      {404, "not_found_error"},      {405, "invalid_request_error"},
      {408, "timeout_error"},         {413, "request_too_large"},    {429, "rate_limit_error"},
      {500, "api_error"},             {502, "api_error"},            {503, "overloaded_error"}};
  for (int status : kStatuses) {
    SCOPED_TRACE(status);
    auto res = client().Post("/v1/messages", with_control(messages_headers(), "status=" + std::to_string(status)),
                             messages_body().dump(), "application/json");
    expect_superset_envelope(res, status);
    EXPECT_EQ(json_of(res)["error"]["type"], anthropic_type.at(status));
  }
}

TEST_F(FaultsStatus, RateLimitHeaders) {
  auto res = post_chat(client(), chat_request(), with_control(auth_headers(), "status=429"));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 429);
  EXPECT_EQ(res->get_header_value("retry-after"), "1");
  EXPECT_EQ(res->get_header_value("x-ratelimit-limit-requests"), "60");
  EXPECT_EQ(res->get_header_value("x-ratelimit-remaining-requests"), "0");
  EXPECT_EQ(res->get_header_value("x-ratelimit-reset-requests"), "1s");
  EXPECT_FALSE(res->get_header_value("x-ratelimit-limit-tokens").empty());
  EXPECT_FALSE(res->get_header_value("x-ratelimit-remaining-tokens").empty());
  EXPECT_FALSE(res->get_header_value("x-ratelimit-reset-tokens").empty());
  EXPECT_EQ(json_of(res)["error"]["type"], "rate_limit_error");
}

TEST_F(FaultsStatus, RetryAfterAndShouldRetry) {
  auto res = post_chat(client(), chat_request(), with_control(auth_headers(), "status=429;retry-after=30;should-retry=false"));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->get_header_value("retry-after"), "30");
  EXPECT_EQ(res->get_header_value("x-ratelimit-reset-requests"), "30s");
  EXPECT_EQ(res->get_header_value("x-should-retry"), "false");

  res = post_chat(client(), chat_request(), with_control(auth_headers(), "status=502;retry-after=2"));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 502);
  EXPECT_EQ(res->get_header_value("retry-after"), "2");
  EXPECT_EQ(res->get_header_value("x-should-retry"), "");

  res = post_chat(client(), chat_request(), with_control(auth_headers(), "status=503"));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->get_header_value("retry-after"), "1");
  res = post_chat(client(), chat_request(), with_control(auth_headers(), "status=500"));
  ASSERT_TRUE(res);
  EXPECT_FALSE(res->has_header("retry-after"));
}

TEST_F(FaultsStatus, Forced405NamesTheAllowedMethod) {
  auto res = post_chat(client(), chat_request(), with_control(auth_headers(), "status=405"));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 405);
  EXPECT_EQ(res->get_header_value("Allow"), "POST");
}

TEST_F(FaultsStatus, ForcedStatusWinsOverAnInvalidBody) {
  auto res = post_chat(client(), {{"model", 3}}, with_control(auth_headers(), "status=429"));
  expect_gateway_envelope(res, 429);
}

TEST_F(FaultsStatus, AuthenticationComesFirst) {
  auto res = post_chat(client(), chat_request(), {{"x-siraya-mock", "status=429"}});
  expect_gateway_envelope(res, 401);
}

TEST_F(FaultsStatus, BadHeaderIs400NamingIt) {
  auto res = post_chat(client(), chat_request(), with_control(auth_headers(), "status=42"));
  expect_gateway_envelope(res, 400);
  const json body = json_of(res);
  EXPECT_EQ(body["error"]["param"], "header:x-siraya-mock");
  const std::string message = body["error"]["message"];
  EXPECT_NE(message.find("status=\"42\""), std::string::npos) << message;
  EXPECT_NE(message.find("Valid directives: status=<400|"), std::string::npos) << message;
  EXPECT_NE(message.find("fault=<truncate|"), std::string::npos) << message;
}

TEST_F(FaultsStatus, BadHeaderOnMessagesIsTheSupersetBody) {
  auto res = client().Post("/v1/messages", with_control(messages_headers(), "fault=explode"), messages_body().dump(),
                           "application/json");
  expect_superset_envelope(res, 400);
  EXPECT_EQ(json_of(res)["error"]["param"], "header:x-siraya-mock");
}

TEST_F(FaultsStatus, StreamDirectivesOnABufferedResponseAre400) {
  for (const char* control : {"interval=5", "jitter=5", "fault=error", "fault=drop-terminal", "fault=close;after=1"}) {
    SCOPED_TRACE(control);
    auto res = post_chat(client(), chat_request(), with_control(auth_headers(), control));
    expect_gateway_envelope(res, 400);
    const json body = json_of(res);
    EXPECT_EQ(body["error"]["param"], "header:x-siraya-mock");
    EXPECT_NE(body["error"]["message"].get<std::string>().find("\"stream\": true"), std::string::npos);
  }
}

TEST_F(FaultsStatus, RepeatedHeaderLinesFormOneList) {
  httplib::Headers headers = auth_headers();
  headers.emplace("x-siraya-mock", "status=429");
  headers.emplace("x-siraya-mock", "should-retry=false");
  auto res = post_chat(client(), chat_request(), headers);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 429);
  EXPECT_EQ(res->get_header_value("x-should-retry"), "false");
}

TEST_F(FaultsStatus, HealthAndUnknownPathsIgnoreTheHeader) {
  auto health = client().Get("/health", {{"x-siraya-mock", "status=500"}});
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  auto unknown = client().Get("/v1/nope", with_control(auth_headers(), "status=500"));
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 404);
}

TEST_F(FaultsStatus, StrictModeChecksThePlanBeforeTheFault) {
  Options options;
  options.strict = true;
  restart(options);
  json body = chat_request();
  body["stream"] = true;
  auto res = post_chat(client(), body, with_control(auth_headers(), "fault=malformed;after=1"));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200) << "strict mode must not report the mock's own fault as a mock bug";
  res = post_chat(client(), chat_request(), with_control(auth_headers(), "status=429"));
  expect_gateway_envelope(res, 429);
}

TEST_F(FaultsStatus, OptionTurnsTheHeaderOff) {
  Options options;
  options.control_header = false;
  restart(options);
  auto res = post_chat(client(), chat_request(), with_control(auth_headers(), "status=429"));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  res = post_chat(client(), chat_request(), with_control(auth_headers(), "not a directive"));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
}

// Part 1 details: 405 and 413 on /v1/messages in the superset body as well.
TEST_F(FaultsStatus, MessagesAnswers405And413InTheSupersetBody) {
  auto res = client().Get("/v1/messages", messages_headers());
  expect_superset_envelope(res, 405);
  EXPECT_EQ(res->get_header_value("Allow"), "POST");

  Options options;
  options.max_body_bytes = 256;
  restart(options);
  json big = messages_body();
  big["messages"][0]["content"] = std::string(1024, 'x');
  res = client().Post("/v1/messages", messages_headers(), big.dump(), "application/json");
  expect_superset_envelope(res, 413);
  EXPECT_EQ(json_of(res)["error"]["type"], "request_too_large");
  res = post_chat(client(), chat_request(std::string(1024, 'x')));
  expect_gateway_envelope(res, 413);
}

}  // namespace
}  // namespace siraya::mock::testing
