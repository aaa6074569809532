// run --parity: every streamable case is sent once more with "stream" flipped. Against the
// in-process mock (whose streamed and buffered answers agree) every dialect passes and twice the
// requests are made; a target whose stream ends differently from its buffered answer fails with
// parity.mismatch.
#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <mutex>

#include "core/schema/registry.h"
#include "harness/runner/runner.h"
#include "harness/suite/loader.h"
#include "mock/server.h"

namespace siraya::harness {
namespace {

using nlohmann::json;

class Collect : public Reporter {
 public:
  void on_start(const RunInfo&) override {}
  void on_case(const CaseResult& r) override {
    std::lock_guard lock(mutex_);
    results[r.test_case->id] = r;
  }
  void on_finish(const RunSummary&) override {}
  std::map<std::string, CaseResult> results;

 private:
  std::mutex mutex_;
};

// Counts the requests it passes on to the real client.
class Counting : public core::http::Client {
 public:
  explicit Counting(std::unique_ptr<core::http::Client> inner) : inner_(std::move(inner)) {}
  core::Result<core::http::Response> send(const core::http::Request& request, core::http::Mode mode) override {
    ++sent;
    if (mode == core::http::Mode::streaming) ++streamed;
    return inner_->send(request, mode);
  }
  std::atomic<int> sent{0}, streamed{0};

 private:
  std::unique_ptr<core::http::Client> inner_;
};

const char* kSuite = R"({"version": 1, "name": "parity",
  "defaults": {"headers": {"Authorization": "Bearer sk-parity", "x-api-key": "sk-parity"}},
  "cases": [
    {"id": "chat-text", "request": {"method": "POST", "path": "/chat/completions",
      "body": {"model": "openai/gpt-4o", "messages": [{"role": "user", "content": "Tell me about rivers."}]}}, "expect": {"status": 200}},
    {"id": "chat-tool-streamed", "request": {"method": "POST", "path": "/chat/completions",
      "body": {"model": "openai/gpt-4o", "stream": true, "tool_choice": "required",
               "messages": [{"role": "user", "content": "Weather in Paris?"}],
               "tools": [{"type": "function", "function": {"name": "get_weather",
                 "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}}}]}}, "expect": {"status": 200}},
    {"id": "responses-cut", "request": {"method": "POST", "path": "/responses",
      "body": {"model": "openai/gpt-4o", "input": "Tell me about rivers.", "max_output_tokens": 16}}, "expect": {"status": 200}},
    {"id": "messages-tool", "request": {"method": "POST", "path": "/messages",
      "body": {"model": "anthropic/claude-sonnet-4.5", "max_tokens": 256, "tool_choice": {"type": "any"},
               "messages": [{"role": "user", "content": "Weather in Paris?"}],
               "tools": [{"name": "get_weather", "input_schema": {"type": "object", "properties": {"city": {"type": "string"}}}}]}}, "expect": {"status": 200}},
    {"id": "models", "request": {"method": "GET", "path": "/models"}, "expect": {"status": 200}}
  ]})";

TEST(Parity, StreamedAndBufferedMockAnswersAgreeOnEveryDialect) {
  mock::Options options;
  options.port = 0;
  options.strict = true;
  auto server = mock::Server::start(options);
  ASSERT_TRUE(server) << server.error().to_string();
  auto schemas = core::schema::Registry::embedded();
  ASSERT_TRUE(schemas);
  auto suite = SuiteLoader(*schemas).parse(kSuite, "parity.suite.json");
  ASSERT_TRUE(suite) << suite.error().to_string();

  RunOptions run;
  run.client.base_url = (*server)->base_url();
  run.parity = true;
  auto inner = core::http::Client::create(run.client);
  ASSERT_TRUE(inner);
  auto counting = std::make_shared<Counting>(std::move(*inner));
  run.client_override = counting;
  Collect collect;
  Runner runner(run, *schemas, Variables());
  auto summary = runner.run({*suite}, {&collect});
  (*server)->stop();
  ASSERT_TRUE(summary) << summary.error().to_string();
  for (const auto& [id, r] : collect.results) {
    std::string all;
    for (const auto& f : r.findings) all += "\n  " + f.to_string();
    EXPECT_EQ(r.outcome, Outcome::passed) << id << all;
    for (const auto& f : r.findings) EXPECT_NE(f.id, "parity.mismatch") << id << all;
  }
  // Four streamable cases sent twice (once in each mode), GET /models once.
  EXPECT_EQ(counting->sent.load(), 9);
  EXPECT_EQ(counting->streamed.load(), 4);
}

// Buffered: finish_reason stop and a get_weather call; streamed: finish_reason length, no call.
class Diverging : public core::http::Client {
 public:
  core::Result<core::http::Response> send(const core::http::Request&, core::http::Mode mode) override {
    core::http::Response r;
    r.status = 200;
    if (mode == core::http::Mode::buffered) {
      r.headers = {{"Content-Type", "application/json"}};
      r.body = json{{"id", "chatcmpl-1"}, {"object", "chat.completion"}, {"created", 1}, {"model", "openai/gpt-4o"},
                    {"choices", {{{"index", 0}, {"logprobs", nullptr}, {"finish_reason", "stop"},
                                  {"message", {{"role", "assistant"}, {"content", "Rivers flow."}, {"refusal", nullptr}}}}}},
                    {"usage", {{"prompt_tokens", 3}, {"completion_tokens", 2}, {"total_tokens", 5}}}}
                   .dump();
    } else {
      r.headers = {{"Content-Type", "text/event-stream"}};
      auto chunk = [](const std::string& delta, const std::string& finish, const std::string& model) {
        return "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"" + model +
               "\",\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"logprobs\":null,\"finish_reason\":" + finish +
               "}]}\n\n";
      };
      const std::string model = "openai/gpt-4o-mini";
      r.body = chunk(R"({"role":"assistant","content":"Riv"})", "null", model) + chunk("{}", "\"length\"", model) +
               "data: [DONE]\n\n";
    }
    r.chunks = {{r.body, std::chrono::milliseconds(1)}};
    return r;
  }
};

TEST(Parity, AStreamThatEndsDifferentlyFromTheBufferedAnswerFails) {
  auto schemas = core::schema::Registry::embedded();
  ASSERT_TRUE(schemas);
  auto suite = SuiteLoader(*schemas).parse(R"({"version": 1, "name": "parity", "cases": [
    {"id": "chat-text", "request": {"method": "POST", "path": "/chat/completions",
      "body": {"model": "openai/gpt-4o", "messages": [{"role": "user", "content": "Rivers?"}]}}, "expect": {"status": 200}}]})",
                                           "parity.suite.json");
  ASSERT_TRUE(suite) << suite.error().to_string();
  RunOptions run;
  run.client.base_url = "http://127.0.0.1:9/v1";
  run.client_override = std::make_shared<Diverging>();
  Collect collect;
  run.parity = false;
  ASSERT_TRUE(Runner(run, *schemas, Variables()).run({*suite}, {&collect}));
  EXPECT_EQ(collect.results.at("chat-text").outcome, Outcome::passed) << "without --parity only one mode is sent";

  run.parity = true;
  ASSERT_TRUE(Runner(run, *schemas, Variables()).run({*suite}, {&collect}));
  const CaseResult& r = collect.results.at("chat-text");
  EXPECT_EQ(r.outcome, Outcome::failed);
  std::vector<std::string> what;
  for (const auto& f : r.findings) {
    if (f.id == "parity.mismatch" && f.severity == core::Severity::error) what.push_back(f.what);
  }
  ASSERT_EQ(what.size(), 2u);
  EXPECT_NE(what[0].find("the model differs between the two modes (buffered, then streamed)"), std::string::npos) << what[0];
  EXPECT_NE(what[1].find("\"stop\" vs \"length\""), std::string::npos) << what[1];
}

}  // namespace
}  // namespace siraya::harness
