// The fault matrix: every x-siraya-mock fault and forced status, on each streaming dialect, sent by
// the harness runner to the in-process mock (port 0). Each fault must be caught by the harness
// with the check id that names it (or end as an error outcome when the transport itself failed),
// and the faults that leave the response intact must pass.
#include <gtest/gtest.h>

#include <array>
#include <map>
#include <mutex>

#include "core/schema/registry.h"
#include "harness/runner/runner.h"
#include "harness/suite/loader.h"
#include "mock/server.h"

namespace siraya::harness {
namespace {

using nlohmann::json;

enum class Dialect { chat, responses, messages };
constexpr Dialect kDialects[] = {Dialect::chat, Dialect::responses, Dialect::messages};

std::string name_of(Dialect d) {
  return d == Dialect::chat ? "chat" : d == Dialect::responses ? "responses" : "messages";
}

// What the harness must make of one row.
enum class Verdict {
  caught,     // the case fails with an error finding `id`
  noticed,    // a finding `id` below error severity (profile standard); the case passes
  transport,  // an error outcome whose error id starts with `id` (the transport failed)
  passes,     // the case passes without error findings
};

struct Row {
  std::string id;
  std::string control;
  bool stream = true;
  int status = 200;               // expect.status
  json expect_extra = json::object();  // more of expect: headers, error
  int timeout_ms = 0;
  // Per dialect (chat, responses, messages): the verdict and the id it names.
  std::array<std::pair<Verdict, std::string>, 3> outcome;
};

std::pair<Verdict, std::string> all3(Verdict v, const std::string& id) { return {v, id}; }

std::vector<Row> rows() {
  std::vector<Row> r;
  auto same = [](Verdict v, const std::string& id) {
    return std::array<std::pair<Verdict, std::string>, 3>{all3(v, id), all3(v, id), all3(v, id)};
  };
  auto sse = [](Verdict v, const std::string& suffix) {
    return std::array<std::pair<Verdict, std::string>, 3>{
        all3(v, "sse.chat." + suffix), all3(v, "sse.responses." + suffix), all3(v, "sse.messages." + suffix)};
  };
  r.push_back({"truncate", "fault=truncate;after=3", true, 200, json::object(), 0,
               {all3(Verdict::caught, "sse.chat.done_missing"), all3(Verdict::caught, "sse.responses.terminal_missing"),
                all3(Verdict::caught, "sse.messages.stop_missing")}});
  // OpenAI sends no [DONE] on /v1/responses, so its absence is a warning there (strict: error).
  r.push_back({"drop-terminal", "fault=drop-terminal", true, 200, json::object(), 0,
               {all3(Verdict::caught, "sse.chat.done_missing"), all3(Verdict::noticed, "sse.responses.done_missing"),
                all3(Verdict::caught, "sse.messages.stop_missing")}});
  r.push_back({"malformed", "fault=malformed;after=2", true, 200, json::object(), 0, sse(Verdict::caught, "invalid_json")});
  r.push_back({"error", "fault=error;after=3", true, 200, json::object(), 0,
               {all3(Verdict::caught, "sse.chat.error_chunk"), all3(Verdict::caught, "sse.responses.error_event"),
                all3(Verdict::caught, "sse.messages.error_event")}});
  r.push_back({"close-mid-stream", "fault=close;after=2", true, 200, json::object(), 0, same(Verdict::caught, "body.truncated")});
  r.push_back({"reset-mid-stream", "fault=reset;after=2", true, 200, json::object(), 0, same(Verdict::caught, "body.truncated")});
  r.push_back({"close-before-response", "fault=close", true, 200, json::object(), 0, same(Verdict::transport, "http.")});
  r.push_back({"reset-before-response", "fault=reset", true, 200, json::object(), 0, same(Verdict::transport, "http.")});
  r.push_back({"stall-mid-stream", "fault=stall;after=2", true, 200, json::object(), 700, same(Verdict::transport, "http.timeout.")});
  r.push_back({"stall-before-response", "fault=stall", true, 200, json::object(), 700, same(Verdict::transport, "http.timeout.")});
  r.push_back({"paced", "delay=20;interval=2;jitter=3", true, 200, json::object(), 0, same(Verdict::passes, "")});
  r.push_back({"should-retry", "should-retry=false", true, 200, {{"headers", {{"x-should-retry", "^false$"}}}}, 0,
               same(Verdict::passes, "")});
  r.push_back({"buffered-truncate", "fault=truncate", false, 200, json::object(), 0, same(Verdict::caught, "body.truncated")});
  r.push_back({"buffered-malformed", "fault=malformed", false, 200, json::object(), 0,
               same(Verdict::caught, "body.invalid_json")});
  r.push_back({"bad-header", "fault=explode", true, 400, {{"error", {{"param", "header:x-siraya-mock"}}}}, 0,
               same(Verdict::passes, "")});
  r.push_back({"rate-limit-headers", "status=429", true, 429,
               {{"headers", {{"retry-after", "^1$"}, {"x-ratelimit-remaining-requests", "^0$"}}}}, 0,
               same(Verdict::passes, "")});
  for (int status : {400, 401, 402, 403, 404, 405, 408, 413, 429, 500, 502, 503}) {
    const std::string s = std::to_string(status);
    // Expected: the envelope validates against the endpoint's error schema, code equals status.
    r.push_back({"status-" + s, "status=" + s, true, status, json::object(), 0, same(Verdict::passes, "")});
    // Unexpected: a gateway that answers this instead of 200 fails the case.
    r.push_back({"status-" + s + "-unexpected", "status=" + s, true, 200, json::object(), 0,
                 same(Verdict::caught, "status.mismatch")});
  }
  return r;
}

json request_body(Dialect d, bool stream) {
  json body;
  switch (d) {
    case Dialect::chat:
      body = {{"model", "openai/gpt-4o"}, {"messages", {{{"role", "user"}, {"content", "Tell me about rivers."}}}}};
      break;
    case Dialect::responses: body = {{"model", "openai/gpt-4o"}, {"input", "Tell me about rivers."}}; break;
    case Dialect::messages:
      body = {{"model", "anthropic/claude-sonnet-4.5"},
              {"max_tokens", 256},
              {"messages", {{{"role", "user"}, {"content", "Tell me about rivers."}}}}};
      break;
  }
  if (stream) body["stream"] = true;
  return body;
}

std::string path_of(Dialect d) {
  return d == Dialect::chat ? "/chat/completions" : d == Dialect::responses ? "/responses" : "/messages";
}

// A suite of one row's case for one dialect.
std::string suite_text(Dialect d, const Row& row) {
  json expect = row.expect_extra;
  expect["status"] = row.status;
  json c = {{"id", row.id},
            {"request",
             {{"method", "POST"},
              {"path", path_of(d)},
              {"headers", {{"x-siraya-mock", row.control}}},
              {"body", request_body(d, row.stream)}}},
            {"expect", expect}};
  if (row.timeout_ms > 0) c["timeout_ms"] = row.timeout_ms;
  const json auth = d == Dialect::messages
                        ? json{{"x-api-key", "sk-fault-matrix"}, {"anthropic-version", "2023-06-01"}}
                        : json{{"Authorization", "Bearer sk-fault-matrix"}};
  return json{{"version", 1}, {"name", "faults/" + name_of(d)}, {"defaults", {{"headers", auth}}}, {"cases", json::array({c})}}.dump();
}

class Collect : public Reporter {
 public:
  void on_start(const RunInfo&) override {}
  void on_case(const CaseResult& r) override {
    std::lock_guard lock(mutex_);
    results[r.suite->name + "#" + r.test_case->id] = r;
  }
  void on_finish(const RunSummary&) override {}
  std::map<std::string, CaseResult> results;

 private:
  std::mutex mutex_;
};

// One mock for the whole matrix; each test runs its own row's case through the runner (CTest runs
// every test in a process of its own, so running the whole matrix per test would repeat it).
class FaultMatrix : public ::testing::TestWithParam<std::tuple<Dialect, std::size_t>> {
 protected:
  static void SetUpTestSuite() {
    mock::Options options;
    options.port = 0;
    auto server = mock::Server::start(options);
    ASSERT_TRUE(server) << server.error().to_string();
    server_ = std::move(*server);
  }
  static void TearDownTestSuite() {
    if (server_) server_->stop();  // also ends the stalled streams
    server_.reset();
  }

  // The result of `row`'s case for `dialect`, run by the harness against the mock.
  static void run_case(Dialect dialect, const Row& row, Collect& collect) {
    auto schemas = core::schema::Registry::embedded();
    ASSERT_TRUE(schemas) << schemas.error().to_string();
    auto suite = SuiteLoader(*schemas).parse(suite_text(dialect, row), "faults-" + name_of(dialect) + ".suite.json");
    ASSERT_TRUE(suite) << suite.error().to_string();
    std::vector<Suite> suites;
    suites.push_back(std::move(*suite));
    RunOptions run;
    run.client.base_url = server_->base_url();
    run.client.timeouts.total = std::chrono::milliseconds(10'000);
    Runner runner(run, *schemas, Variables());
    auto summary = runner.run(suites, {&collect});
    ASSERT_TRUE(summary) << summary.error().to_string();
  }

  static std::unique_ptr<mock::Server> server_;
};
std::unique_ptr<mock::Server> FaultMatrix::server_;

std::string describe(const CaseResult& r) {
  std::string all = std::string(to_string(r.outcome)) + ", status " + std::to_string(r.status);
  if (r.error) all += "\n  error " + r.error->to_string();
  for (const auto& f : r.findings) all += "\n  " + f.to_string();
  return all;
}

TEST_P(FaultMatrix, TheHarnessNamesTheFault) {
  ASSERT_NE(server_, nullptr);
  const auto [dialect, index] = GetParam();
  const Row row = rows()[index];
  const std::string key = "faults/" + name_of(dialect) + "#" + row.id;
  Collect collect;
  ASSERT_NO_FATAL_FAILURE(run_case(dialect, row, collect));
  ASSERT_EQ(collect.results.count(key), 1u) << key;
  const CaseResult& r = collect.results.at(key);
  const auto& [verdict, id] = row.outcome[static_cast<std::size_t>(dialect)];
  SCOPED_TRACE(key + " (x-siraya-mock: " + row.control + ") -> " + describe(r));
  auto has = [&](bool error_severity) {
    for (const auto& f : r.findings) {
      if (f.id == id && (f.severity == core::Severity::error) == error_severity) return true;
    }
    return false;
  };
  switch (verdict) {
    case Verdict::caught:
      EXPECT_EQ(r.outcome, Outcome::failed);
      EXPECT_TRUE(has(true)) << "expected error finding " << id;
      break;
    case Verdict::noticed:
      EXPECT_EQ(r.outcome, Outcome::passed);
      EXPECT_TRUE(has(false)) << "expected a warning or info finding " << id;
      break;
    case Verdict::transport:
      EXPECT_EQ(r.outcome, Outcome::error);
      ASSERT_TRUE(r.error.has_value());
      EXPECT_EQ(r.error->id.rfind(id, 0), 0u) << "expected an error id starting with " << id;
      break;
    case Verdict::passes:
      EXPECT_EQ(r.outcome, Outcome::passed);
      EXPECT_FALSE(core::has_errors(r.findings));
      break;
  }
}

INSTANTIATE_TEST_SUITE_P(Matrix, FaultMatrix,
                         ::testing::Combine(::testing::ValuesIn(kDialects), ::testing::Range<std::size_t>(0, rows().size())),
                         [](const auto& param_info) {
                           std::string name = name_of(std::get<0>(param_info.param)) + "_" +
                                              rows()[std::get<1>(param_info.param)].id;
                           for (auto& c : name) {
                             if (c == '-') c = '_';
                           }
                           return name;
                         });

}  // namespace
}  // namespace siraya::harness
