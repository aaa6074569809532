// What the limits charge (docs/mock-config.md, "Credits"): the mock's own usage count, whether or
// not the wire carries it (a chat stream without stream_options.include_usage), and nothing for
// an answer a fault breaks. The buckets' clock is injected and stands still, so the token headers
// are exact.
#include <atomic>
#include <memory>

#include <gtest/gtest.h>

#include "core/schema/registry.h"
#include "mock/config/config.h"
#include "mock/config/config_loader.h"
#include "mock_test_support.h"

namespace siraya::mock {
namespace {

using nlohmann::json;
using testing::auth_headers;
using testing::chat_request;
using testing::json_of;
using testing::post_chat;

constexpr std::int64_t kTokensPerMinute = 100000;

json stream_request() {
  json body = chat_request();
  body["stream"] = true;
  return body;
}

class ChargingTest : public testing::MockTest {
 protected:
  void SetUp() override {}
  void start(config::Config config) {
    Options options;
    options.config = std::make_shared<const config::Config>(std::move(config));
    options.limits_clock = [] { return std::chrono::steady_clock::time_point(std::chrono::seconds(1000)); };
    restart(std::move(options));
  }
  void start_with_tokens() {
    config::Config c;
    c.rate_limit.tokens_per_minute = kTokensPerMinute;
    start(c);
  }
  static std::int64_t remaining_tokens(const httplib::Result& r) {
    return r ? std::stoll(r->get_header_value("x-ratelimit-remaining-tokens")) : -1;
  }
  httplib::Result post_with(const json& body, const std::string& directive) {
    auto headers = auth_headers();
    headers.emplace("x-siraya-mock", directive);
    return post_chat(client(), body, headers);
  }
};

TEST_F(ChargingTest, AChatStreamWithoutIncludeUsageIsChargedItsTokens) {
  start_with_tokens();
  auto first = post_chat(client(), stream_request());
  ASSERT_TRUE(first);
  ASSERT_EQ(first->status, 200);
  EXPECT_EQ(first->body.find("\"usage\""), std::string::npos);  // nothing on the wire
  const std::int64_t left = remaining_tokens(first);
  EXPECT_LT(left, kTokensPerMinute - 5) << "the prompt and the answer count";
  EXPECT_LT(remaining_tokens(post_chat(client(), stream_request())), left);

  // The same cost in credits: a balance below it gets 402, and is not charged.
  config::Config poor;
  poor.keys = {{"sk-poor", 0.0000001}};
  start(poor);
  auto r = post_chat(client(), stream_request(), {{"Authorization", "Bearer sk-poor"}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 402);
}

TEST_F(ChargingTest, AStreamCarryingItsUsageIsChargedWhatItSays) {
  start_with_tokens();
  json body = stream_request();
  body["stream_options"] = {{"include_usage", true}};
  auto r = post_chat(client(), body);
  ASSERT_TRUE(r);
  const auto at = r->body.rfind("\"total_tokens\":");
  ASSERT_NE(at, std::string::npos) << r->body;
  const std::int64_t total = std::stoll(r->body.substr(at + 15));
  EXPECT_EQ(remaining_tokens(r), kTokensPerMinute - total);
}

TEST_F(ChargingTest, AnAnswerBrokenByAFaultIsNotCharged) {
  start_with_tokens();
  const std::int64_t intact = remaining_tokens(post_chat(client(), stream_request()));
  for (const char* directive : {"fault=truncate;after=2", "fault=error;after=1", "fault=drop-terminal",
                                "fault=malformed", "fault=close;after=1"}) {
    start_with_tokens();
    auto broken = post_with(stream_request(), directive);
    if (broken) {  // with close, the client reports the cut instead of the headers
      EXPECT_EQ(remaining_tokens(broken), kTokensPerMinute) << directive;
    }
    // The next, intact answer is the first charged.
    EXPECT_EQ(remaining_tokens(post_chat(client(), stream_request())), intact) << directive;
  }
  start_with_tokens();
  EXPECT_EQ(remaining_tokens(post_with(chat_request(), "fault=malformed")), kTokensPerMinute);  // buffered
}

TEST_F(ChargingTest, TimingDirectivesDoNotChangeTheCharge) {
  start_with_tokens();
  const std::int64_t intact = remaining_tokens(post_chat(client(), stream_request()));
  start_with_tokens();
  EXPECT_EQ(remaining_tokens(post_with(stream_request(), "delay=1;interval=1;should-retry=false")), intact);
}

TEST_F(ChargingTest, AConfiguredFaultThatBreaksTheAnswerIsNotCharged) {
  static const auto registry = core::schema::Registry::embedded();
  auto c = config::parse_config(json::parse(R"({"version":1,"rate_limits":{"tokens_per_minute":100000},
      "faults":[{"match":{"endpoint":"/v1/chat/completions"},"directive":"fault=truncate;after=1"}]})"),
                                "test.json", **registry);
  ASSERT_TRUE(c) << c.error().to_string();
  start(*c);
  EXPECT_EQ(remaining_tokens(post_chat(client(), stream_request())), kTokensPerMinute);
}

TEST_F(ChargingTest, ForcedStatusesTakeNoRequestToken) {
  config::Config c;
  c.rate_limit.requests_per_minute = 1;
  start(c);
  EXPECT_EQ(post_with(chat_request(), "status=503")->status, 503);
  EXPECT_EQ(post_chat(client(), chat_request())->status, 200);
  EXPECT_EQ(post_chat(client(), chat_request())->status, 429);
}

}  // namespace
}  // namespace siraya::mock
