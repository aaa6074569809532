// Reasoning tokens in usage (chat-completions.md §5 completion_tokens_details, responses.md §5
// output_tokens_details): a reasoning model asked to reason reports a stable, non-zero count that
// completion_tokens includes; other requests report 0.
#include "mock_test_support.h"

namespace siraya::mock::testing {
namespace {

using nlohmann::json;

class ReasoningUsageTest : public MockTest {
 protected:
  void SetUp() override {
    Options options;
    options.strict = true;
    restart(options);
  }
  json usage_of(const json& body) {
    auto res = post_chat(client(), body);
    EXPECT_TRUE(res);
    if (!res) return json();
    EXPECT_EQ(res->status, 200) << res->body;
    return json_of(res)["usage"];
  }
  static json reasoning_request(json reasoning) {
    json body = chat_request();
    body["model"] = "openai/o3";
    body["reasoning"] = std::move(reasoning);
    return body;
  }
};

TEST_F(ReasoningUsageTest, ReasoningModelReportsReasoningTokensInsideCompletionTokens) {
  const json usage = usage_of(reasoning_request({{"effort", "high"}}));
  const auto reasoning = usage["completion_tokens_details"]["reasoning_tokens"].get<std::int64_t>();
  EXPECT_GT(reasoning, 0);
  EXPECT_GT(usage["completion_tokens"].get<std::int64_t>(), reasoning);
  EXPECT_EQ(usage["total_tokens"], usage["prompt_tokens"].get<std::int64_t>() + usage["completion_tokens"].get<std::int64_t>());
  EXPECT_EQ(usage_of(reasoning_request({{"effort", "high"}})), usage) << "stable for the same request";
}

TEST_F(ReasoningUsageTest, ReasoningEffortFieldAndMaxTokensCap) {
  json body = chat_request();
  body["model"] = "openai/o3";
  body["reasoning_effort"] = "low";
  EXPECT_GT(usage_of(body)["completion_tokens_details"]["reasoning_tokens"].get<std::int64_t>(), 0);
  EXPECT_EQ(usage_of(reasoning_request({{"max_tokens", 5}}))["completion_tokens_details"]["reasoning_tokens"], 5);
}

TEST_F(ReasoningUsageTest, NoReasoningWhenOffOrNotAReasoningModel) {
  EXPECT_EQ(usage_of(reasoning_request({{"effort", "none"}}))["completion_tokens_details"]["reasoning_tokens"], 0);
  EXPECT_EQ(usage_of(reasoning_request({{"enabled", false}}))["completion_tokens_details"]["reasoning_tokens"], 0);
  EXPECT_EQ(usage_of(chat_request())["completion_tokens_details"]["reasoning_tokens"], 0);
  json o3 = chat_request();
  o3["model"] = "openai/o3";
  EXPECT_EQ(usage_of(o3)["completion_tokens_details"]["reasoning_tokens"], 0);
}

TEST_F(ReasoningUsageTest, ResponsesReasoningSummaryCountsAsReasoningTokens) {
  const json body = {{"model", "openai/o3"}, {"input", "Why is the sky blue?"}, {"reasoning", {{"summary", "auto"}}}};
  auto res = client().Post("/v1/responses", auth_headers(), body.dump(), "application/json");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  const json usage = json_of(res)["usage"];
  EXPECT_GT(usage["output_tokens_details"]["reasoning_tokens"].get<std::int64_t>(), 0);
  EXPECT_GE(usage["output_tokens"].get<std::int64_t>(), usage["output_tokens_details"]["reasoning_tokens"].get<std::int64_t>());
}

}  // namespace
}  // namespace siraya::mock::testing
