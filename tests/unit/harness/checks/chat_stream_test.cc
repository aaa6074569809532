// The chat stream state machine on hand-made streams: one valid stream, then one mutation per
// check id, each asserting exactly that id is reported.
#include "harness/checks/chat_stream.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/schema/registry.h"
#include "core/sse/decoder.h"
#include "harness/checks/catalog.h"

namespace siraya::harness {
namespace {

using nlohmann::json;

std::string chunk(const json& choices, const std::string& id = "chatcmpl-1", json extra = json::object()) {
  json c = {{"id", id}, {"object", "chat.completion.chunk"}, {"created", 1761200000}, {"model", "openai/gpt-4o"},
            {"choices", choices}};
  for (auto it = extra.begin(); it != extra.end(); ++it) c[it.key()] = it.value();
  return "data: " + c.dump() + "\n\n";
}

json choice(json delta, json finish = nullptr, int index = 0) {
  return json::array({{{"index", index}, {"delta", delta}, {"logprobs", nullptr}, {"finish_reason", finish}}});
}

const std::string kRole = chunk(choice({{"role", "assistant"}, {"content", ""}, {"refusal", nullptr}}));
const std::string kHel = chunk(choice({{"content", "Hel"}}));
const std::string kLo = chunk(choice({{"content", "lo!"}}));
const std::string kStop = chunk(choice(json::object(), "stop"));
const std::string kUsage = chunk(json::array(), "chatcmpl-1",
                                 {{"usage", {{"prompt_tokens", 3}, {"completion_tokens", 2}, {"total_tokens", 5}}}});
const std::string kDone = "data: [DONE]\n\n";

ChatStreamResult check(const std::string& body, const json& request = json::object(), bool with_schemas = true) {
  static auto schemas = core::schema::Registry::embedded();
  auto decoded = core::sse::decode_all(body);
  ChatStreamOptions options;
  options.request = &request;
  options.schemas = with_schemas && schemas ? schemas->get() : nullptr;
  auto result = check_chat_stream(decoded.events, options);
  apply_profile(result.findings, Profile::standard);
  return result;
}

std::vector<std::string> error_ids(const ChatStreamResult& r) {
  std::vector<std::string> ids;
  for (const auto& f : r.findings) {
    if (f.severity == core::Severity::error) ids.push_back(f.id);
  }
  return ids;
}

TEST(ChatStream, ValidStreamHasNoFindingsAndAccumulates) {
  auto r = check(kRole + kHel + kLo + kStop + kDone);
  EXPECT_TRUE(r.findings.empty()) << r.findings.front().to_string();
  EXPECT_EQ(r.accumulated["choices"][0]["message"]["content"], "Hello!");
  EXPECT_EQ(r.accumulated["choices"][0]["finish_reason"], "stop");
  EXPECT_EQ(r.accumulated["id"], "chatcmpl-1");
}

TEST(ChatStream, UsageChunkWhenRequested) {
  json request = {{"stream_options", {{"include_usage", true}}}};
  auto ok = check(kRole + kHel + kStop + kUsage + kDone, request);
  EXPECT_TRUE(error_ids(ok).empty());
  EXPECT_EQ(ok.accumulated["usage"]["total_tokens"], 5);
  EXPECT_EQ(error_ids(check(kRole + kHel + kStop + kDone, request)),
            std::vector<std::string>{"sse.chat.usage_missing"});
}

TEST(ChatStream, UsageOnTheFinishChunkIsAccepted) {
  const std::string finish_with_usage = chunk(choice(json::object(), "stop"), "chatcmpl-1",
      {{"usage", {{"prompt_tokens", 3}, {"completion_tokens", 2}, {"total_tokens", 5}}}});
  EXPECT_TRUE(error_ids(check(kRole + kHel + finish_with_usage + kDone)).empty());
}

struct Mutation {
  const char* name;
  std::string body;
  std::string expected_id;
};

class ChatStreamBroken : public ::testing::TestWithParam<Mutation> {};

TEST_P(ChatStreamBroken, ReportsTheRightCheck) {
  const auto& m = GetParam();
  auto ids = error_ids(check(m.body, json::object(), false));
  EXPECT_NE(std::find(ids.begin(), ids.end(), m.expected_id), ids.end())
      << m.name << ": got " << ::testing::PrintToString(ids);
}

const std::string kBadUsage = chunk(json::array(), "chatcmpl-1",
                                    {{"usage", {{"prompt_tokens", 3}, {"completion_tokens", 2}, {"total_tokens", 9}}}});

INSTANTIATE_TEST_SUITE_P(
    Mutations, ChatStreamBroken,
    ::testing::Values(
        Mutation{"no_done", kRole + kHel + kStop, "sse.chat.done_missing"},
        Mutation{"done_twice", kRole + kHel + kStop + kDone + kDone, "sse.chat.done_repeated"},
        Mutation{"after_done", kRole + kHel + kDone + kStop, "sse.chat.after_done"},
        Mutation{"id_changes", kRole + chunk(choice({{"content", "x"}}), "chatcmpl-2") + kStop + kDone, "sse.chat.id_changed"},
        Mutation{"role_missing", kHel + kStop + kDone, "sse.chat.role_missing"},
        Mutation{"role_repeated", kRole + kRole + kStop + kDone, "sse.chat.role_repeated"},
        Mutation{"finish_missing", kRole + kHel + kDone, "sse.chat.finish_reason_missing"},
        Mutation{"finish_twice", kRole + kStop + kStop + kDone, "sse.chat.finish_reason_repeated"},
        Mutation{"after_finish", kRole + kStop + kHel + kDone, "sse.chat.after_finish"},
        Mutation{"truncated_json", kRole + "data: {\"id\":\"chatcmpl-1\",\"choi\n\n" + kStop + kDone, "sse.chat.invalid_json"},
        Mutation{"not_object", kRole + "data: 42\n\n" + kStop + kDone, "sse.chat.not_object"},
        Mutation{"no_choices", kRole + "data: {\"id\":\"chatcmpl-1\"}\n\n" + kStop + kDone, "sse.chat.choices_missing"},
        Mutation{"bad_index", kRole + chunk(choice({{"content", "x"}}, nullptr, 3)) + kStop + kDone, "sse.chat.choice_index"},
        Mutation{"usage_sum", kRole + kStop + kBadUsage + kDone, "sse.chat.usage_sum"},
        Mutation{"usage_then_choice", kRole + kUsage + kStop + kDone, "sse.chat.usage_misplaced"},
        Mutation{"error_chunk", kRole + chunk(choice({{"content", ""}}, "error"), "chatcmpl-1",
                                              {{"error", {{"code", 502}, {"message", "Upstream provider disconnected"}}}}) + kDone,
                 "sse.chat.error_chunk"},
        Mutation{"empty", kDone, "sse.chat.empty"},
        Mutation{"tool_start", kRole + chunk(choice({{"tool_calls", json::array({{{"index", 0}, {"function", {{"arguments", "{}"}}}}})}})) +
                                   chunk(choice(json::object(), "tool_calls")) + kDone,
                 "sse.chat.tool_call_start"},
        Mutation{"tool_args", kRole + chunk(choice({{"tool_calls", json::array({{{"index", 0}, {"id", "call_1"}, {"type", "function"},
                                                     {"function", {{"name", "f"}, {"arguments", "{\"a\":"}}}}})}})) +
                                  chunk(choice(json::object(), "tool_calls")) + kDone,
                 "sse.chat.tool_call_arguments"},
        Mutation{"tool_identity", kRole + chunk(choice({{"tool_calls", json::array({{{"index", 0}, {"id", "call_1"}, {"type", "function"},
                                                         {"function", {{"name", "f"}, {"arguments", ""}}}}})}})) +
                                      chunk(choice({{"tool_calls", json::array({{{"index", 0}, {"id", "call_2"},
                                                                                 {"function", {{"arguments", "{}"}}}}})}})) +
                                      chunk(choice(json::object(), "tool_calls")) + kDone,
                 "sse.chat.tool_call_identity"}),
    [](const auto& param_info) { return std::string(param_info.param.name); });

TEST(ChatStream, ChoiceIndexBoundedByN) {
  json request = {{"n", 1}};
  auto r = check(kRole + chunk(choice({{"role", "assistant"}}, nullptr, 1)) + kStop + kDone, request, false);
  auto ids = error_ids(r);
  EXPECT_NE(std::find(ids.begin(), ids.end(), "sse.chat.choice_index"), ids.end());
}

TEST(ChatStream, SchemaViolationsAreReportedPerEvent) {
  const std::string bad_finish = chunk(choice(json::object(), "finished"));
  auto r = check(kRole + bad_finish + kDone);
  auto ids = error_ids(r);
  EXPECT_NE(std::find(ids.begin(), ids.end(), "schema.stream_event"), ids.end());
}

TEST(ChatStream, LenientProfileDowngradesProviderQuirks) {
  auto decoded = core::sse::decode_all(kHel + chunk(choice(json::object(), "stop"), "chatcmpl-2") + kDone);
  ChatStreamOptions options;
  auto r = check_chat_stream(decoded.events, options);
  apply_profile(r.findings, Profile::lenient);
  EXPECT_FALSE(core::has_errors(r.findings));
  apply_profile(r.findings, Profile::standard);
  EXPECT_TRUE(core::has_errors(r.findings));
}

}  // namespace
}  // namespace siraya::harness

namespace siraya::harness {
namespace {

TEST(ChatStream, MalformedRequestFieldsDoNotThrow) {
  auto decoded = core::sse::decode_all(kRole + kHel + kStop + kDone);
  for (const auto& request : {nlohmann::json{{"stream_options", {{"include_usage", "yes"}}}},
                              nlohmann::json{{"stream_options", "on"}}, nlohmann::json{{"n", "two"}},
                              nlohmann::json::array()}) {
    ChatStreamOptions options;
    options.request = &request;
    auto r = check_chat_stream(decoded.events, options);
    EXPECT_FALSE(core::has_errors(r.findings)) << request.dump();
  }
}

}  // namespace
}  // namespace siraya::harness
