// Each error status from its real cause (reference README §3-§4.2), through a server on port 0
// started with a configuration: 402 credits, 403 moderation, 408 deadline, 429 token buckets
// (with an injected clock, so no test sleeps), 502 upstreams, 503 provider routing.
#include <atomic>
#include <memory>

#include <gtest/gtest.h>

#include "mock/config/config.h"
#include "mock_test_support.h"

namespace siraya::mock {
namespace {

using nlohmann::json;
using testing::auth_headers;
using testing::chat_request;
using testing::json_of;
using testing::post_chat;

class LimitsTest : public testing::MockTest {
 protected:
  void SetUp() override {}
  // Starts a server with `config`; the buckets' clock is now_ms_ (milliseconds from an epoch).
  void start(config::Config config) {
    Options options;
    options.config = std::make_shared<const config::Config>(std::move(config));
    auto now = now_ms_;
    options.limits_clock = [now] { return std::chrono::steady_clock::time_point(std::chrono::milliseconds(now->load())); };
    restart(std::move(options));
  }
  httplib::Headers key(const std::string& k) { return {{"Authorization", "Bearer " + k}}; }

  std::shared_ptr<std::atomic<std::int64_t>> now_ms_ = std::make_shared<std::atomic<std::int64_t>>(1'000'000);
};

TEST_F(LimitsTest, SpentBalanceIs402AndNothingIsCharged) {
  config::Config c;
  c.keys = {{"sk-empty", 0.0}, {"sk-rich", 1.0}, {"sk-poor", 0.0000001}};
  start(c);
  auto r = post_chat(client(), chat_request(), key("sk-empty"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 402);
  EXPECT_EQ(json_of(r)["error"]["type"], "insufficient_credits");
  EXPECT_EQ(post_chat(client(), chat_request(), key("sk-rich"))->status, 200);
  // Too poor for openai/gpt-4o, yet nothing is charged: the free mock model still works after.
  EXPECT_EQ(post_chat(client(), chat_request(), key("sk-poor"))->status, 402);
  json free = chat_request();
  free["model"] = "mock/mock-model";
  EXPECT_EQ(post_chat(client(), free, key("sk-poor"))->status, 200);
}

TEST_F(LimitsTest, EachRequestIsChargedUntilTheBalanceRunsOut) {
  // The first answer costs usage x catalog price; give exactly enough for one and a half.
  config::Config probe;
  probe.keys = {{"sk-probe", 1.0}};
  start(probe);
  const json first = json_of(post_chat(client(), chat_request(), key("sk-probe")));
  const double cost = first["usage"]["prompt_tokens"].get<double>() * 0.0000025 +
                      first["usage"]["completion_tokens"].get<double>() * 0.00001;
  config::Config c;
  c.keys = {{"sk-a", cost * 1.5}};
  start(c);
  EXPECT_EQ(post_chat(client(), chat_request(), key("sk-a"))->status, 200);
  EXPECT_EQ(post_chat(client(), chat_request(), key("sk-a"))->status, 402);
}

TEST_F(LimitsTest, ModeratedInputIs403WithTheReasonInMetadata) {
  config::Config c;
  c.moderation.terms = {"Forbidden Word"};
  c.moderation.patterns = {"k[i1]ll"};
  c.moderation.models = {"openai/gpt-4o"};
  start(c);
  auto r = post_chat(client(), chat_request("this has a forbidden word in it"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 403);
  const json body = json_of(r);
  EXPECT_EQ(body["error"]["type"], "moderation_error");
  EXPECT_EQ(body["error"]["metadata"]["reasons"], json::array({"term:forbidden word"}));
  EXPECT_EQ(body["error"]["metadata"]["flagged_input"], "this has a forbidden word in it");
  auto pattern = json_of(post_chat(client(), chat_request("how to K1LL a process")));
  EXPECT_EQ(pattern["error"]["metadata"]["reasons"], json::array({"pattern:k[i1]ll"}));
  json other = chat_request("this has a forbidden word in it");
  other["model"] = "openai/gpt-4o-mini";  // not moderated
  EXPECT_EQ(post_chat(client(), other)->status, 200);
}

TEST_F(LimitsTest, LatencyBeyondTheDeadlineIs408) {
  config::Config c;
  c.latency["openai/gpt-4o"] = {std::chrono::milliseconds(40), std::chrono::milliseconds(0)};
  c.deadline = std::chrono::milliseconds(5);
  start(c);
  auto r = post_chat(client(), chat_request());
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 408);
  EXPECT_EQ(json_of(r)["error"]["type"], "timeout_error");
  auto headers = auth_headers();
  headers.emplace("x-siraya-deadline-ms", "1000");  // the header overrides the default
  EXPECT_EQ(post_chat(client(), chat_request(), headers)->status, 200);
  headers = auth_headers();
  headers.emplace("x-siraya-deadline-ms", "soon");
  auto bad = post_chat(client(), chat_request(), headers);
  EXPECT_EQ(bad->status, 400);
  EXPECT_EQ(json_of(bad)["error"]["param"], "header:x-siraya-deadline-ms");
}

TEST_F(LimitsTest, RequestBucketIs429WithTrueHeadersAndRefills) {
  config::Config c;
  c.rate_limit.requests_per_minute = 2;
  start(c);
  auto first = post_chat(client(), chat_request());
  ASSERT_EQ(first->status, 200);
  EXPECT_EQ(first->get_header_value("x-ratelimit-limit-requests"), "2");
  EXPECT_EQ(first->get_header_value("x-ratelimit-remaining-requests"), "1");
  EXPECT_EQ(first->get_header_value("x-ratelimit-reset-requests"), "30s");
  EXPECT_EQ(post_chat(client(), chat_request())->status, 200);
  auto limited = post_chat(client(), chat_request());
  ASSERT_EQ(limited->status, 429);
  EXPECT_EQ(json_of(limited)["error"]["type"], "rate_limit_error");
  EXPECT_EQ(limited->get_header_value("retry-after"), "30");
  EXPECT_EQ(limited->get_header_value("x-ratelimit-remaining-requests"), "0");
  EXPECT_EQ(limited->get_header_value("x-ratelimit-reset-requests"), "1m0s");
  *now_ms_ += 29'999;
  EXPECT_EQ(post_chat(client(), chat_request())->status, 429);
  *now_ms_ += 1;
  EXPECT_EQ(post_chat(client(), chat_request())->status, 200);
  // Another key has its own bucket.
  EXPECT_EQ(post_chat(client(), chat_request(), key("sk-other"))->status, 200);
}

TEST_F(LimitsTest, TokenBucketChargesUsageAndPerModelBucketsAreSeparate) {
  config::Config c;
  c.rate_limit.tokens_per_minute = 10;  // one answer spends more than that
  c.model_limits["openai/gpt-4o-mini"].requests_per_minute = 1;
  start(c);
  auto first = post_chat(client(), chat_request());
  ASSERT_EQ(first->status, 200);
  EXPECT_EQ(first->get_header_value("x-ratelimit-remaining-tokens"), "0");
  auto limited = post_chat(client(), chat_request());
  ASSERT_EQ(limited->status, 429);
  EXPECT_GE(std::stoi(limited->get_header_value("retry-after")), 1);
  EXPECT_NE(json_of(limited)["error"]["message"].get<std::string>().find("tokens per minute"), std::string::npos);

  config::Config per_model;
  per_model.model_limits["openai/gpt-4o-mini"].requests_per_minute = 1;
  start(per_model);
  json mini = chat_request();
  mini["model"] = "openai/gpt-4o-mini";
  EXPECT_EQ(post_chat(client(), mini)->status, 200);
  EXPECT_EQ(post_chat(client(), mini)->status, 429);
  EXPECT_EQ(post_chat(client(), chat_request())->status, 200);
}

TEST_F(LimitsTest, UpstreamsDownOrInvalidAre502) {
  config::Config c;
  c.down_models = {"openai/gpt-4.1"};
  c.invalid_models = {"openai/gpt-5"};
  c.down_providers = {"openai"};
  start(c);
  for (const char* model : {"openai/gpt-4.1", "openai/gpt-5", "openai/o3"}) {  // o3: only openai serves it
    json body = chat_request();
    body["model"] = model;
    auto r = post_chat(client(), body);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 502) << model;
    EXPECT_EQ(json_of(r)["error"]["type"], "upstream_error") << model;
  }
  // gpt-4o falls back to azure; pinning it to openai without fallbacks leaves nobody up.
  EXPECT_EQ(post_chat(client(), chat_request())->status, 200);
  json pinned = chat_request();
  pinned["provider"] = {{"order", {"openai"}}, {"allow_fallbacks", false}};
  EXPECT_EQ(post_chat(client(), pinned)->status, 502);
}

TEST_F(LimitsTest, MessagesUseTheSupersetBody) {
  config::Config c;
  c.rate_limit.requests_per_minute = 1;
  start(c);
  const json request = {{"model", "anthropic/claude-sonnet-4.5"},
                        {"max_tokens", 50},
                        {"messages", {{{"role", "user"}, {"content", "Hi"}}}}};
  EXPECT_EQ(client().Post("/v1/messages", auth_headers(), request.dump(), "application/json")->status, 200);
  auto r = client().Post("/v1/messages", auth_headers(), request.dump(), "application/json");
  ASSERT_EQ(r->status, 429);
  const json body = json_of(r);
  EXPECT_EQ(body["type"], "error");
  EXPECT_EQ(body["error"]["type"], "rate_limit_error");
  EXPECT_EQ(body["error"]["code"], 429);
}

// Provider routing runs without a configuration too (chat-completions.md §5).
struct RoutingCase {
  const char* name;
  const char* provider;  // the request's provider object
  int status;
};

class ProviderRouting : public testing::MockTest, public ::testing::WithParamInterface<RoutingCase> {};

TEST_P(ProviderRouting, HonoursTheObjectAgainstTheCatalog) {
  json body = chat_request();  // openai/gpt-4o: providers openai, azure
  body["provider"] = json::parse(GetParam().provider);
  auto r = post_chat(client(), body);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, GetParam().status) << r->body;
  if (GetParam().status == 503) {
    EXPECT_EQ(json_of(r)["error"]["type"], "no_provider_available");
    EXPECT_EQ(r->get_header_value("retry-after"), "1");
  }
}

INSTANTIATE_TEST_SUITE_P(
    Table, ProviderRouting,
    ::testing::Values(RoutingCase{"only_known", R"({"only":["azure"]})", 200},
                      RoutingCase{"only_unknown", R"({"only":["groq"]})", 503},
                      RoutingCase{"ignore_all", R"({"ignore":["openai","azure"]})", 503},
                      RoutingCase{"ignore_one", R"({"ignore":["openai"]})", 200},
                      RoutingCase{"order_unknown_with_fallbacks", R"({"order":["groq"]})", 200},
                      RoutingCase{"order_unknown_without_fallbacks", R"({"order":["groq"],"allow_fallbacks":false})", 503},
                      RoutingCase{"order_known_without_fallbacks", R"({"order":["azure"],"allow_fallbacks":false})", 200},
                      RoutingCase{"sort_price", R"({"sort":"price"})", 200},
                      RoutingCase{"data_collection_deny", R"({"data_collection":"deny"})", 200},
                      RoutingCase{"empty", R"({})", 200},
                      RoutingCase{"wrong_type", R"({"only":"azure"})", 400}),
    [](const auto& param_info) { return std::string(param_info.param.name); });

TEST_F(LimitsTest, RequireParametersAndDataCollectionNarrowTheProviders) {
  config::Config c;
  c.collecting_providers = {"openai", "azure"};
  start(c);
  json deny = chat_request();
  deny["provider"] = {{"data_collection", "deny"}};
  EXPECT_EQ(post_chat(client(), deny)->status, 503);
  json strict = chat_request();
  strict["model"] = "openai/gpt-5";  // does not list temperature
  strict["temperature"] = 0.5;
  strict["provider"] = {{"require_parameters", true}};
  auto r = post_chat(client(), strict);
  EXPECT_EQ(r->status, 503) << r->body;
  strict["provider"] = {{"require_parameters", false}};
  EXPECT_EQ(post_chat(client(), strict)->status, 200);
}

}  // namespace
}  // namespace siraya::mock
