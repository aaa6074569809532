// Reasoning tokens in usage (chat-completions.md §5 completion_tokens_details, responses.md §5
// output_tokens_details): a reasoning model asked to reason reports a stable, non-zero count that
// completion_tokens / output_tokens include, within the request's output limit; other requests
// report 0. Messages (messages.md §5) counts thinking in output_tokens and has no reasoning field.
#include "core/sse/decoder.h"
#include "mock/generation/token_counter.h"
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
  json post_json(const char* path, const json& body) {
    auto res = client().Post(path, {{"Authorization", std::string("Bearer ") + kKey}, {"anthropic-version", "2023-06-01"}},
                             body.dump(), "application/json");
    EXPECT_TRUE(res);
    if (!res) return json();
    EXPECT_EQ(res->status, 200) << res->body;
    return json_of(res);
  }
  // The final response.completed / response.incomplete snapshot of a streamed Response.
  json streamed_response(json body) {
    body["stream"] = true;
    auto res = client().Post("/v1/responses", auth_headers(), body.dump(), "application/json");
    EXPECT_TRUE(res);
    if (!res) return json();
    json last;
    for (const auto& e : core::sse::decode_all(res->body).events) {
      if (e.data != "[DONE]") last = json::parse(e.data);
    }
    return last["response"];
  }
  static json responses_request(json reasoning) {
    json body = {{"model", "openai/o3"}, {"input", "Why is the sky blue?"}};
    if (!reasoning.is_null()) body["reasoning"] = std::move(reasoning);
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

TEST_F(ReasoningUsageTest, ChatMaxTokensBoundsReasoningAndAnswerTogether) {
  json body = reasoning_request({{"effort", "high"}});
  body["max_tokens"] = 20;
  const json usage = usage_of(body);
  const auto reasoning = usage["completion_tokens_details"]["reasoning_tokens"].get<std::int64_t>();
  EXPECT_GT(reasoning, 0);
  EXPECT_LE(usage["completion_tokens"].get<std::int64_t>(), 20);
  EXPECT_GT(usage["completion_tokens"].get<std::int64_t>(), reasoning) << "some visible answer is left";
}

TEST_F(ReasoningUsageTest, ResponsesReasoningModelReportsHiddenReasoningWithoutSummary) {
  const json r = post_json("/v1/responses", responses_request({{"effort", "medium"}}));
  const json& usage = r["usage"];
  const auto reasoning = usage["output_tokens_details"]["reasoning_tokens"].get<std::int64_t>();
  EXPECT_GT(reasoning, 0);
  EXPECT_GT(usage["output_tokens"].get<std::int64_t>(), reasoning) << "output_tokens includes the visible answer";
  EXPECT_EQ(usage["total_tokens"], usage["input_tokens"].get<std::int64_t>() + usage["output_tokens"].get<std::int64_t>());
  for (const auto& item : r["output"]) EXPECT_NE(item["type"], "reasoning") << "no summary was asked for";
  EXPECT_EQ(post_json("/v1/responses", responses_request({{"effort", "medium"}}))["usage"], usage) << "stable";
  EXPECT_EQ(streamed_response(responses_request({{"effort", "medium"}}))["usage"], usage) << "the stream agrees";
}

TEST_F(ReasoningUsageTest, ResponsesSummaryIsNoLongerThanTheHiddenReasoning) {
  const json r = post_json("/v1/responses", responses_request({{"effort", "high"}, {"summary", "auto"}}));
  ASSERT_EQ(r["output"][0]["type"], "reasoning");
  const std::string summary = r["output"][0]["summary"][0]["text"];
  EXPECT_GE(r["usage"]["output_tokens_details"]["reasoning_tokens"].get<std::int64_t>(),
            static_cast<std::int64_t>(generation::count_tokens(summary)));
}

TEST_F(ReasoningUsageTest, ResponsesMaxOutputTokensBoundsReasoningAndAnswerTogether) {
  for (const json& reasoning : {json{{"effort", "high"}}, json{{"effort", "high"}, {"summary", "detailed"}}}) {
    json body = responses_request(reasoning);
    body["max_output_tokens"] = 16;
    const json r = post_json("/v1/responses", body);
    const json& usage = r["usage"];
    EXPECT_GT(usage["output_tokens_details"]["reasoning_tokens"].get<std::int64_t>(), 0) << reasoning;
    EXPECT_LE(usage["output_tokens"].get<std::int64_t>(), 16) << reasoning;
    EXPECT_EQ(r["status"], "incomplete") << reasoning;
    EXPECT_EQ(r["incomplete_details"]["reason"], "max_output_tokens");
    const json streamed = streamed_response(body);
    EXPECT_EQ(streamed["usage"], usage);
    EXPECT_EQ(streamed["output"], r["output"]);
  }
}

TEST_F(ReasoningUsageTest, ResponsesNoHiddenReasoningWhenOff) {
  EXPECT_EQ(post_json("/v1/responses", responses_request(json()))["usage"]["output_tokens_details"]["reasoning_tokens"], 0);
  EXPECT_EQ(post_json("/v1/responses", responses_request({{"effort", "none"}}))["usage"]["output_tokens_details"]
                     ["reasoning_tokens"],
            0);
  const json plain = {{"model", "openai/gpt-4o"}, {"input", "Why is the sky blue?"}};
  EXPECT_EQ(post_json("/v1/responses", plain)["usage"]["output_tokens_details"]["reasoning_tokens"], 0);
}

TEST_F(ReasoningUsageTest, MessagesThinkingCountsInOutputTokensWithoutAnExtraField) {
  const json body = {{"model", "anthropic/claude-sonnet-4.5"},
                     {"max_tokens", 4096},
                     {"thinking", {{"type", "enabled"}, {"budget_tokens", 2048}}},
                     {"messages", {{{"role", "user"}, {"content", "Tell me about rivers."}}}}};
  const json m = post_json("/v1/messages", body);
  ASSERT_EQ(m["content"].size(), 2u);
  ASSERT_EQ(m["content"][0]["type"], "thinking");
  const auto text_tokens = static_cast<std::int64_t>(generation::count_tokens(m["content"][1]["text"].get<std::string>()));
  EXPECT_GT(m["usage"]["output_tokens"].get<std::int64_t>(), text_tokens) << "thinking is part of output_tokens";
  EXPECT_LE(m["usage"]["output_tokens"].get<std::int64_t>(), 4096);
  // messages.md §5 lists usage.output_tokens_details only as optional with no defined content.
  EXPECT_FALSE(m["usage"].contains("output_tokens_details"));
}

}  // namespace
}  // namespace siraya::mock::testing
