// judge_step on hand-made responses: one valid response per shape, then one mutation per check id
// of the status, header, body, schema, envelope and stream layers, each asserting exactly the
// error ids reported (profile standard).
#include "harness/runner/step_judge.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace siraya::harness {
namespace {

using nlohmann::json;

const json kCompletion = {
    {"id", "chatcmpl-1"},
    {"object", "chat.completion"},
    {"created", 1761200000},
    {"model", "openai/gpt-4o"},
    {"choices",
     {{{"index", 0},
       {"message", {{"role", "assistant"}, {"content", "Hello!"}, {"refusal", nullptr}}},
       {"logprobs", nullptr},
       {"finish_reason", "stop"}}}},
    {"usage", {{"prompt_tokens", 7}, {"completion_tokens", 2}, {"total_tokens", 9}}}};

json error_body(int code, const std::string& type = "invalid_request_error", json param = "temperature") {
  return {{"error", {{"message", "temperature must be at most 2"}, {"type", type}, {"param", param}, {"code", code}}}};
}

std::string chunk(const std::string& delta_json, const std::string& finish = "null", long created = 1761200000,
                  const std::string& model = "openai/gpt-4o") {
  return "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":" + std::to_string(created) +
         ",\"model\":\"" + model + "\",\"choices\":[{\"index\":0,\"delta\":" + delta_json +
         ",\"logprobs\":null,\"finish_reason\":" + finish + "}]}\n\n";
}

const std::string kRole = chunk(R"({"role":"assistant","content":""})");
const std::string kText = chunk(R"({"content":"Hi"})");
const std::string kStop = chunk("{}", "\"stop\"");
const std::string kDone = "data: [DONE]\n\n";

core::http::Response response(int status, const std::string& body, const std::string& content_type = "application/json") {
  core::http::Response r;
  r.status = status;
  r.headers = {{"Content-Type", content_type}, {"x-request-id", "req_1"}};
  r.body = body;
  r.chunks = {{body, std::chrono::milliseconds(1)}};
  return r;
}

struct Row {
  std::string name;
  core::http::Response response;
  bool stream = false;
  int expect_status = 200;
  std::optional<ErrorExpectation> error;
  std::map<std::string, std::optional<std::string>> headers;
  std::set<std::string> ids;  // exactly the error ids reported
};

std::vector<Row> rows() {
  auto truncated = response(200, kCompletion.dump().substr(0, 40));
  truncated.truncated = true;
  return {
      {"valid_completion", response(200, kCompletion.dump()), false, 200, {}, {}, {}},
      {"status_mismatch", response(500, error_body(500, "server_error", nullptr).dump()), false, 200, {}, {},
       {"status.mismatch"}},
      {"header_matches", response(200, kCompletion.dump()), false, 200, {}, {{"x-request-id", "^req_"}}, {}},
      {"header_missing", response(200, kCompletion.dump()), false, 200, {}, {{"request-id", "^req_"}},
       {"header.mismatch"}},
      {"header_must_be_absent", response(200, kCompletion.dump()), false, 200, {}, {{"x-request-id", std::nullopt}},
       {"header.mismatch"}},
      {"body_content_type", response(200, kCompletion.dump(), "text/plain"), false, 200, {}, {}, {"body.content_type"}},
      {"body_invalid_json", response(200, "{\"id\": "), false, 200, {}, {}, {"body.invalid_json"}},
      {"body_truncated", truncated, false, 200, {}, {}, {"body.truncated", "body.invalid_json"}},
      {"schema_response", response(200, json{{"id", "chatcmpl-1"}, {"object", "chat.completion"}}.dump()), false, 200,
       {}, {}, {"schema.response"}},
      {"valid_error", response(400, error_body(400).dump()), false, 400, {}, {}, {}},
      {"schema_error", response(400, json{{"error", "temperature must be at most 2"}}.dump()), false, 400, {}, {},
       {"schema.error"}},
      {"envelope_code_mismatch", response(400, error_body(500).dump()), false, 400, {}, {},
       {"envelope.code_mismatch"}},
      {"envelope_expected_fields", response(400, error_body(400).dump()), false, 400,
       ErrorExpectation{json("invalid_request_error"), json("temperature"), "at most"}, {}, {}},
      {"envelope_type_mismatch", response(400, error_body(400).dump()), false, 400,
       ErrorExpectation{json("authentication_error"), std::nullopt, std::nullopt}, {}, {"envelope.type_mismatch"}},
      {"envelope_param_mismatch", response(400, error_body(400).dump()), false, 400,
       ErrorExpectation{std::nullopt, json("top_p"), std::nullopt}, {}, {"envelope.param_mismatch"}},
      {"envelope_message_mismatch", response(400, error_body(400).dump()), false, 400,
       ErrorExpectation{std::nullopt, std::nullopt, "^unknown model"}, {}, {"envelope.message_mismatch"}},
      {"valid_stream", response(200, kRole + kText + kStop + kDone, "text/event-stream"), true, 200, {}, {}, {}},
      {"sse_content_type", response(200, kRole + kText + kStop + kDone, "application/json"), true, 200, {}, {},
       {"sse.content_type"}},
      {"sse_chat_created_changed",
       response(200, kRole + chunk(R"({"content":"Hi"})", "null", 1761200001) + kStop + kDone, "text/event-stream"),
       true, 200, {}, {}, {"sse.chat.created_changed"}},
      {"sse_chat_model_changed",
       response(200, kRole + chunk(R"({"content":"Hi"})", "null", 1761200000, "openai/gpt-4o-2024-08-06") + kStop + kDone,
                "text/event-stream"),
       true, 200, {}, {}, {"sse.chat.model_changed"}},
  };
}

class StepJudge : public ::testing::TestWithParam<Row> {};

TEST_P(StepJudge, ReportsExactlyTheExpectedErrors) {
  static auto schemas = core::schema::Registry::embedded();
  ASSERT_TRUE(schemas) << schemas.error().to_string();
  const Row& row = GetParam();
  Step step;
  step.location = "t.suite.json#/cases/0";
  step.request.method = "POST";
  step.request.path = "/chat/completions";
  step.expect.status = row.expect_status;
  step.expect.error = row.error;
  step.expect.headers = row.headers;
  PreparedStep prepared;
  prepared.request.method = "POST";
  prepared.request.path = "/chat/completions";
  prepared.body = json{{"model", "openai/gpt-4o"}, {"messages", {{{"role", "user"}, {"content", "Hi"}}}}};
  if (row.stream) (*prepared.body)["stream"] = true;
  const StepVerdict verdict = judge_step(step, prepared, row.response, **schemas, Profile::standard);
  std::set<std::string> ids;
  std::string all;
  for (const auto& f : verdict.findings) {
    all += "\n  " + f.to_string();
    if (f.severity == core::Severity::error) ids.insert(f.id);
  }
  EXPECT_EQ(ids, row.ids) << all;
}

INSTANTIATE_TEST_SUITE_P(Table, StepJudge, ::testing::ValuesIn(rows()),
                         [](const auto& row_info) { return row_info.param.name; });

TEST(StepJudgeEventField, AnEventLineInAChatStreamIsAWarningInStandardAndAnErrorInStrict) {
  static auto schemas = core::schema::Registry::embedded();
  ASSERT_TRUE(schemas) << schemas.error().to_string();
  Step step;
  step.request.method = "POST";
  step.request.path = "/chat/completions";
  PreparedStep prepared;
  prepared.request.path = "/chat/completions";
  prepared.body = json{{"model", "openai/gpt-4o"}, {"stream", true}};
  const auto r = response(200, "event: chunk\n" + kRole + kText + kStop + kDone, "text/event-stream");
  auto severity_of = [&](Profile profile) {
    for (const auto& f : judge_step(step, prepared, r, **schemas, profile).findings) {
      if (f.id == "sse.chat.event_field") return std::optional<core::Severity>(f.severity);
    }
    return std::optional<core::Severity>();
  };
  EXPECT_EQ(severity_of(Profile::standard), core::Severity::warning);
  EXPECT_EQ(severity_of(Profile::strict), core::Severity::error);
}

}  // namespace
}  // namespace siraya::harness

namespace siraya::harness {
namespace {

// expect.stream_error: the in-stream error a case asks for is info; its absence fails the case.
TEST(StepJudgeStreamError, AnExpectedInStreamErrorPassesAndAMissingOneFails) {
  static auto schemas = core::schema::Registry::embedded();
  ASSERT_TRUE(schemas) << schemas.error().to_string();
  Step step;
  step.request.method = "POST";
  step.request.path = "/chat/completions";
  step.expect.stream_error = true;
  PreparedStep prepared;
  prepared.request.path = "/chat/completions";
  prepared.body = json{{"model", "openai/gpt-4o"}, {"stream", true}};
  // The OpenRouter-style error chunk (chat-completions.md, errors inside streams).
  const std::string error_chunk =
      "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1761200000,\"model\":"
      "\"openai/gpt-4o\",\"error\":{\"code\":502,\"message\":\"Upstream failed\"},\"choices\":[{\"index\":0,"
      "\"delta\":{\"content\":\"\"},\"finish_reason\":\"error\"}]}\n\n";
  auto errors_of = [&](const std::string& body) {
    std::set<std::string> ids;
    for (const auto& f : judge_step(step, prepared, response(200, body, "text/event-stream"), **schemas,
                                    Profile::strict).findings) {
      if (f.severity == core::Severity::error) ids.insert(f.id);
    }
    return ids;
  };
  EXPECT_EQ(errors_of(kRole + kText + error_chunk + kDone), std::set<std::string>{});
  EXPECT_EQ(errors_of(kRole + kText + kStop + kDone), std::set<std::string>{"stream.error_missing"});
  step.expect.stream_error = false;
  EXPECT_EQ(errors_of(kRole + kText + error_chunk + kDone).count("sse.chat.error_chunk"), 1u);
}

}  // namespace
}  // namespace siraya::harness
