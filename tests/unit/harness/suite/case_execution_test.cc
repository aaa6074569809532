// Running cases: steps with captures (against a scripted client and against the in-process mock on
// port 0), capability skips, and trials.
#include <gtest/gtest.h>

#include <deque>

#include "harness/runner/capture.h"
#include "harness/runner/case_executor.h"
#include "harness/suite/loader.h"
#include "harness/suite/target.h"
#include "mock/server.h"

namespace siraya::harness {
namespace {

using nlohmann::json;

std::shared_ptr<const core::schema::Registry> registry() {
  static auto schemas = core::schema::Registry::embedded();
  EXPECT_TRUE(schemas) << schemas.error().to_string();
  return *schemas;
}

Suite load(const std::string& text) {
  auto s = SuiteLoader(registry()).parse(text, "t.suite.json");
  EXPECT_TRUE(s) << s.error().to_string();
  return s ? std::move(*s) : Suite{};
}

// Answers each request with the next scripted response (or transport error) and records requests.
class ScriptedClient final : public core::http::Client {
 public:
  void reply(int status, const std::string& body, core::http::Headers headers = {}) {
    core::http::Response r;
    r.status = status;
    r.body = body;
    r.headers = std::move(headers);
    r.headers.emplace_back("content-type", "application/json");
    script_.emplace_back(std::move(r));
  }
  void stream(const std::string& body) {
    core::http::Response r;
    r.status = 200;
    r.body = body;
    r.chunks.push_back({body, std::chrono::nanoseconds(0)});
    r.headers = {{"content-type", "text/event-stream"}};
    script_.emplace_back(std::move(r));
  }
  void fail() { script_.emplace_back(core::fail("http.connect", "connection refused")); }

  core::Result<core::http::Response> send(const core::http::Request& request, core::http::Mode) override {
    sent.push_back(request);
    if (script_.empty()) return core::fail("http.error", "no scripted response left");
    auto next = std::move(script_.front());
    script_.pop_front();
    return next;
  }
  std::vector<core::http::Request> sent;

 private:
  std::deque<core::Result<core::http::Response>> script_;
};

// As the runner does: the run's variables over the suite's defaults.
CaseResult run(const Suite& suite, std::size_t index, core::http::Client& client, Variables vars = {}) {
  if (!vars.has("api_key")) vars.set("api_key", "sk-test", true);
  for (const auto& [name, value] : suite.variables) {
    if (!vars.has(name)) vars.set(name, value);
  }
  PreparedCase p = prepare_case(suite, suite.cases[index], vars);
  return execute_case(p, client, *registry(), JudgeOptions{});
}

const char* kSteps = R"({"version": 1, "name": "t/steps", "variables": {"v": "1"}, "cases": [{"id": "flow", "steps": [
  {"name": "create", "request": {"method": "POST", "path": "/custom", "body": {"v": "${v}"}},
   "expect": {"status": 200, "assert": [{"path": "/ok", "eq": true}]},
   "capture": {"item": {"body": "/item/id"}, "trace": {"header": "x-trace"}}},
  {"name": "use", "request": {"method": "GET", "path": "/custom/${item}", "headers": {"x-parent": "${trace}"}},
   "expect": {"status": 200, "assert": [{"path": "/id", "eq": "${item}"}]}}]}]})";

TEST(CaseExecution, CapturesFeedLaterSteps) {
  const Suite suite = load(kSteps);
  ScriptedClient client;
  client.reply(200, R"({"ok": true, "item": {"id": "it_42"}})", {{"x-trace", "tr-7"}});
  client.reply(200, R"({"id": "it_42"})");
  CaseResult r = run(suite, 0, client);
  EXPECT_EQ(r.outcome, Outcome::passed) << (r.findings.empty() ? "" : r.findings[0].to_string());
  ASSERT_EQ(client.sent.size(), 2u);
  EXPECT_EQ(client.sent[1].path, "/custom/it_42");
  EXPECT_EQ(client.sent[1].headers[0], (std::pair<std::string, std::string>{"x-parent", "tr-7"}));
  EXPECT_EQ(r.steps, 2u);
  EXPECT_EQ(r.step, 0u);
  EXPECT_EQ(r.request_line, "GET /custom/it_42");
}

TEST(CaseExecution, AFailingStepStopsTheCaseAndIsNamed) {
  const Suite suite = load(kSteps);
  ScriptedClient client;
  client.reply(200, R"({"ok": false, "item": {"id": "it_42"}})", {{"x-trace", "tr-7"}});
  CaseResult r = run(suite, 0, client);
  EXPECT_EQ(r.outcome, Outcome::failed);
  EXPECT_EQ(client.sent.size(), 1u);
  EXPECT_EQ(r.step, 1u);
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].location, "step 1 (create): body#/ok");
}

TEST(CaseExecution, AMissingCaptureStopsTheCase) {
  const Suite suite = load(kSteps);
  ScriptedClient client;
  client.reply(200, R"({"ok": true})");  // neither /item/id nor x-trace
  CaseResult r = run(suite, 0, client);
  EXPECT_EQ(r.outcome, Outcome::failed);
  EXPECT_EQ(client.sent.size(), 1u);
  ASSERT_EQ(r.findings.size(), 2u);
  EXPECT_EQ(r.findings[0].id, "capture.missing");
  EXPECT_NE(r.findings[0].what.find("\"item\""), std::string::npos);
  EXPECT_EQ(r.findings[1].location, "step 1 (create): header x-trace");
}

TEST(CaseExecution, ALaterStepFailureNamesItsStepAndTheCapturedValue) {
  const Suite suite = load(kSteps);
  ScriptedClient client;
  client.reply(200, R"({"ok": true, "item": {"id": "it_42"}})", {{"x-trace", "tr-7"}});
  client.reply(200, R"({"id": "it_43"})");
  CaseResult r = run(suite, 0, client);
  EXPECT_EQ(r.outcome, Outcome::failed);
  EXPECT_EQ(r.step, 2u);
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].location, "step 2 (use): body#/id");
  EXPECT_NE(r.findings[0].what.find("expected \"it_42\", got \"it_43\""), std::string::npos) << r.findings[0].what;
}

TEST(CaseExecution, TransportErrorInALaterStepIsAnErrorAtThatStep) {
  const Suite suite = load(kSteps);
  ScriptedClient client;
  client.reply(200, R"({"ok": true, "item": {"id": "it_42"}})", {{"x-trace", "tr-7"}});
  client.fail();
  CaseResult r = run(suite, 0, client);
  EXPECT_EQ(r.outcome, Outcome::error);
  EXPECT_EQ(r.step, 2u);
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->location, "t.suite.json#/cases/0/steps/1");
}

TEST(CaseExecution, EventCaptureTakesTheFirstEventOfThatType) {
  const Suite suite = load(R"({"version": 1, "name": "t/ev", "cases": [{"id": "ev", "steps": [
      {"request": {"method": "POST", "path": "/custom", "body": {"stream": true}}, "expect": {"status": 200},
       "capture": {"rid": {"event": "response.completed", "path": "/response/id"}, "raw": {"event": "ping"},
                   "typed": {"event": "message_stop", "path": "/n"}, "missing": {"event": "response.failed"}}}]}]})");
  StepVerdict verdict;
  auto event = [](std::string type, std::string data) {
    core::sse::Event e;
    e.type = std::move(type);
    e.data = std::move(data);
    return e;
  };
  verdict.events = {event("response.completed", R"({"response": {"id": "resp_1"}})"),
                    event("response.completed", R"({"response": {"id": "resp_2"}})"),
                    event("ping", "not json"),
                    // Without an event: field the JSON "type" names the event.
                    event("", R"({"type": "message_stop", "n": 3})")};
  Variables vars;
  auto findings = take_captures(suite.cases[0].steps[0], verdict, core::http::Response{}, vars);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].id, "capture.missing");
  EXPECT_EQ(findings[0].location, "event response.failed");
  EXPECT_EQ(*vars.resolve(std::string("${rid} ${raw} ${typed}")), "resp_1 not json 3");
}

TEST(CaseExecution, UnresolvableVariablesEndTheCaseBeforeAnythingIsSent) {
  ::unsetenv("SIRAYA_TEST_UNSET_LATER");
  const Suite suite = load(R"({"version": 1, "name": "t/env", "cases": [{"id": "env", "steps": [
      {"request": {"method": "GET", "path": "/a"}, "expect": {"status": 200}, "capture": {"x": {"body": "/x"}}},
      {"request": {"method": "GET", "path": "/b/${x}/${env:SIRAYA_TEST_UNSET_LATER}"}, "expect": {"status": 200}}]}]})");
  ScriptedClient client;
  CaseResult r = run(suite, 0, client);
  EXPECT_EQ(r.outcome, Outcome::error);
  EXPECT_TRUE(client.sent.empty());
  EXPECT_EQ(r.error->location, "t.suite.json#/cases/0/steps/1/request/path");
}

TEST(CaseExecution, PreparingLearnsTheSecretsOfEveryStep) {
  ::setenv("SIRAYA_TEST_STEP_SECRET", "step-two-s3cr3t", 1);
  const Suite suite = load(R"({"version": 1, "name": "t/sec", "cases": [{"id": "sec", "steps": [
      {"request": {"method": "GET", "path": "/a"}, "expect": {"status": 200}, "capture": {"x": {"body": "/x"}}},
      {"request": {"method": "GET", "path": "/b/${x}", "headers": {"x-key": "${secret:SIRAYA_TEST_STEP_SECRET}"}},
       "expect": {"status": 200}}]}]})");
  Variables vars;
  PreparedCase p = prepare_case(suite, suite.cases[0], vars);
  EXPECT_FALSE(p.error);
  EXPECT_EQ(vars.secrets().count("step-two-s3cr3t"), 1u);
  EXPECT_EQ(p.request.path, "/a");
}

TEST(CaseExecution, MissingCapabilitySkipsOrFailsWithoutSending) {
  Suite suite = load(R"({"version": 1, "name": "t/cap", "cases": [{"id": "tools", "requires": ["tools"],
      "request": {"method": "GET", "path": "/p"}, "expect": {"status": 200}}]})");
  std::vector<Suite> suites{suite};
  Target target;
  target.capabilities = {"chat"};
  apply_target(suites, target);
  ScriptedClient client;
  CaseResult skipped = run(suites[0], 0, client);
  EXPECT_EQ(skipped.outcome, Outcome::skipped);
  ASSERT_TRUE(skipped.error);
  EXPECT_EQ(skipped.error->id, "capability.unsupported");
  EXPECT_EQ(skipped.error->message, "unsupported: needs tools");
  target.strict = true;
  apply_target(suites, target);
  CaseResult failed = run(suites[0], 0, client);
  EXPECT_EQ(failed.outcome, Outcome::failed);
  ASSERT_EQ(failed.findings.size(), 1u);
  EXPECT_EQ(failed.findings[0].id, "capability.unsupported");
  EXPECT_TRUE(client.sent.empty());
}

const char* kTrials = R"({"version": 1, "name": "t/trials", "cases": [{"id": "flaky", "trials": {"runs": 3, "min_passes": 2},
    "request": {"method": "GET", "path": "/custom"}, "expect": {"status": 200, "assert": [{"path": "/ok", "eq": true}]}}]})";

TEST(CaseExecution, TrialsPassWithEnoughPassingRunsAndKeepTheFailuresAsWarnings) {
  const Suite suite = load(kTrials);
  ScriptedClient client;
  client.reply(200, R"({"ok": false})");
  client.reply(200, R"({"ok": true})");
  client.reply(200, R"({"ok": true})");
  CaseResult r = run(suite, 0, client);
  EXPECT_EQ(r.outcome, Outcome::passed);
  ASSERT_TRUE(r.trials);
  EXPECT_EQ(r.trials->ran, 3);
  EXPECT_EQ(r.trials->passed, 2);
  ASSERT_EQ(r.findings.size(), 2u);
  EXPECT_EQ(r.findings[0].severity, core::Severity::warning);
  EXPECT_EQ(r.findings[0].location, "run 1: body#/ok");
  EXPECT_EQ(r.findings[1].id, "trials.passed");
  EXPECT_EQ(r.findings[1].what, "2 of 3 runs passed (2 of at most 3 required)");
}

TEST(CaseExecution, TrialsStopOnceTheOutcomeIsCertain) {
  const Suite suite = load(kTrials);
  ScriptedClient passing;
  passing.reply(200, R"({"ok": true})");
  passing.reply(200, R"({"ok": true})");
  CaseResult r = run(suite, 0, passing);
  EXPECT_EQ(r.outcome, Outcome::passed);
  EXPECT_EQ(passing.sent.size(), 2u);
  ScriptedClient failing;
  failing.reply(200, R"({"ok": false})");
  failing.reply(200, R"({"ok": false})");
  CaseResult f = run(suite, 0, failing);
  EXPECT_EQ(f.outcome, Outcome::failed);
  EXPECT_EQ(failing.sent.size(), 2u);
  ASSERT_TRUE(f.trials);
  EXPECT_EQ(f.trials->passed, 0);
  ASSERT_EQ(f.findings.size(), 3u);
  EXPECT_EQ(f.findings[0].location, "run 1: body#/ok");
  EXPECT_EQ(f.findings[1].location, "run 2: body#/ok");
  EXPECT_EQ(f.findings[2].id, "trials.failed");
  EXPECT_EQ(f.findings[2].severity, core::Severity::error);
}

TEST(CaseExecution, ATransportErrorEndsTrialsAsAnError) {
  const Suite suite = load(kTrials);
  ScriptedClient client;
  client.reply(200, R"({"ok": true})");
  client.fail();
  CaseResult r = run(suite, 0, client);
  EXPECT_EQ(r.outcome, Outcome::error);
  ASSERT_TRUE(r.trials);
  EXPECT_EQ(r.trials->ran, 2);
}

class AgainstTheMock : public ::testing::Test {
 protected:
  void SetUp() override {
    mock::Options options;
    options.port = 0;
    options.keys = {"sk-test"};
    auto started = mock::Server::start(options);
    ASSERT_TRUE(started) << started.error().to_string();
    server_ = std::move(*started);
    auto client = core::http::Client::create({server_->base_url(), std::nullopt, false, {}});
    ASSERT_TRUE(client) << client.error().to_string();
    client_ = std::move(*client);
  }
  void TearDown() override {
    if (server_) server_->stop();
  }
  std::unique_ptr<mock::Server> server_;
  std::unique_ptr<core::http::Client> client_;
};

TEST_F(AgainstTheMock, ResponseIdCapturedFromTheStreamReachesTheNextSteps) {
  const Suite suite = load(R"({"version": 1, "name": "t/mock", "variables": {"model": "openai/gpt-4o"},
    "defaults": {"headers": {"Authorization": "Bearer ${api_key}"}}, "cases": [{"id": "flow", "steps": [
      {"request": {"method": "POST", "path": "/responses", "body": {"model": "${model}", "stream": true, "input": "Hi"}},
       "expect": {"status": 200},
       "capture": {"rid": {"event": "response.completed", "path": "/response/id"}, "text": {"body": "/output/0/content/0/text"},
                   "req": {"header": "x-request-id"}}},
      {"request": {"method": "POST", "path": "/responses", "body": {"model": "${model}", "previous_response_id": "${rid}", "input": "More"}},
       "expect": {"status": 400, "error": {"param": "previous_response_id"}}},
      {"request": {"method": "POST", "path": "/responses", "headers": {"x-parent": "${req}"},
                   "body": {"model": "${model}", "input": [{"type": "message", "role": "assistant", "content": [{"type": "output_text", "text": "${text}"}]},
                                                          {"type": "message", "role": "user", "content": "More"}]}},
       "expect": {"status": 200, "assert": [{"path": "/id", "ne": "${rid}"}, {"path": "/id", "eq": "${rid}"}]}}]}]})");
  CaseResult r = run(suite, 0, *client_);
  // The last assertion is there to fail: its message shows the captured id was substituted.
  EXPECT_EQ(r.outcome, Outcome::failed) << (r.error ? r.error->to_string() : "");
  EXPECT_EQ(r.step, 3u);
  // Step 1's stream ends with [DONE], noted as info (sse.responses.done_sent); step 3 failed.
  ASSERT_EQ(r.findings.size(), 2u) << r.findings[0].to_string();
  EXPECT_EQ(r.findings[0].id, "sse.responses.done_sent");
  EXPECT_EQ(r.findings[0].severity, core::Severity::info);
  EXPECT_EQ(r.findings[1].location, "step 3: body#/id");
  EXPECT_NE(r.findings[1].what.find("expected \"resp_"), std::string::npos) << r.findings[1].what;
}

}  // namespace
}  // namespace siraya::harness
