// The runner with a compare target (run --compare-with), against scripted clients: each case that
// runs is sent to both targets, each with its own headers and ${api_key}; a skipped case goes to
// neither; differences fail their case (or warn), are counted, and never carry a secret.
#include <gtest/gtest.h>

#include "harness/runner/runner.h"
#include "harness/suite/loader.h"
#include "tests/unit/harness/runner/scripted_client.h"

namespace siraya::harness {
namespace {

using siraya::testing::json_response;
using siraya::testing::ScriptedClient;

std::shared_ptr<const core::schema::Registry> schemas() {
  static auto registry = *core::schema::Registry::embedded();
  return registry;
}

Suite suite() {
  auto s = SuiteLoader(schemas()).parse(R"({"version": 1, "name": "unit/compare",
    "defaults": {"headers": {"Authorization": "Bearer ${api_key}"}},
    "cases": [
      {"id": "a", "request": {"method": "GET", "path": "/a"}, "expect": {"status": 200}},
      {"id": "b", "request": {"method": "GET", "path": "/b"}, "expect": {"status": 200}},
      {"id": "later", "request": {"method": "GET", "path": "/later"}, "expect": {"status": 200}}]})",
                                        "unit/compare.suite.json");
  EXPECT_TRUE(s) << (s ? "" : s.error().to_string());
  return s ? *s : Suite{};
}

class Recorder : public Reporter {
 public:
  void on_start(const RunInfo& i) override { info = i; }
  void on_case(const CaseResult& r) override { results.push_back(r); }
  void on_finish(const RunSummary& s) override { summary = s; }
  RunInfo info;
  std::vector<CaseResult> results;
  RunSummary summary;
};

std::string header(const core::http::Request& r, const std::string& name) {
  for (const auto& [n, v] : r.headers) {
    if (n == name) return v;
  }
  return "";
}

struct TwoTargets {
  std::shared_ptr<ScriptedClient> base, other;
  RunOptions options;
  Recorder recorder;
  TwoTargets(ScriptedClient::Handler base_handler, ScriptedClient::Handler other_handler) {
    base = std::make_shared<ScriptedClient>(std::move(base_handler));
    other = std::make_shared<ScriptedClient>(std::move(other_handler));
    options.client.base_url = "http://base.test/v1";
    options.client_override = base;
    options.jobs = 2;
    options.headers = {{"x-team", "red"}, {"x-trace", "on"}};
    CompareTarget compare;
    compare.client.base_url = "http://other.test/v1";
    compare.client_override = other;
    compare.headers = {{"x-team", "blue"}, {"x-trace", "on"}};
    compare.variables.set("api_key", "sk-other-secret", /*secret=*/true);
    options.compare = compare;
  }
  // The suites stay alive with the fixture: the recorded results point into them.
  RunSummary run(std::vector<Suite> suites) {
    suites_ = std::move(suites);
    Variables vars;
    vars.set("api_key", "sk-base-secret", /*secret=*/true);
    auto summary = Runner(options, schemas(), vars).run(suites_, {&recorder});
    EXPECT_TRUE(summary);
    return summary ? *summary : RunSummary{};
  }
  std::vector<Suite> suites_;
};

auto ok = [](const core::http::Request&, std::size_t) { return json_response(200, "{}"); };

TEST(CompareRunner, EachTargetGetsItsOwnHeadersAndKey) {
  TwoTargets r(ok, ok);
  const auto summary = r.run({suite()});
  EXPECT_EQ(summary.passed, 3u);
  EXPECT_EQ(summary.differing, 0u);
  EXPECT_EQ(r.recorder.info.compare_target, "http://other.test/v1");
  ASSERT_EQ(r.base->requests().size(), 3u);
  ASSERT_EQ(r.other->requests().size(), 3u);
  for (const auto& q : r.base->requests()) {
    EXPECT_EQ(header(q, "Authorization"), "Bearer sk-base-secret");
    EXPECT_EQ(header(q, "x-team"), "red");
  }
  for (const auto& q : r.other->requests()) {
    EXPECT_EQ(header(q, "Authorization"), "Bearer sk-other-secret");
    EXPECT_EQ(header(q, "x-team"), "blue");
    EXPECT_EQ(header(q, "x-trace"), "on");
  }
}

TEST(CompareRunner, ASkippedCaseGoesToNeitherTarget) {
  Suite s = suite();
  s.cases[2].missing_capability = "mock-control";
  TwoTargets r(ok, ok);
  const auto summary = r.run({s});
  EXPECT_EQ(summary.skipped, 1u);
  EXPECT_EQ(r.base->calls("/later"), 0u);
  EXPECT_EQ(r.other->calls("/later"), 0u);
}

TEST(CompareRunner, DifferencesFailTheirCaseAreCountedAndCarryNoSecret) {
  // The other target refuses /b with a message quoting its key.
  TwoTargets r(ok, [](const core::http::Request& q, std::size_t) -> core::Result<core::http::Response> {
    if (q.path == "/b") return core::fail("http.connect", "refused for " + header(q, "Authorization"), "other.test:80");
    return json_response(200, "{}");
  });
  r.options.retry.retries = 0;
  const auto summary = r.run({suite()});
  EXPECT_EQ(summary.passed, 2u);
  EXPECT_EQ(summary.failed, 1u);
  EXPECT_EQ(summary.differing, 1u);
  const CaseResult& b = r.recorder.results[1];
  EXPECT_EQ(b.test_case->id, "b");
  EXPECT_EQ(b.outcome, Outcome::failed);
  ASSERT_EQ(b.differences.size(), 1u);
  EXPECT_EQ(b.differences[0].aspect, "error");
  ASSERT_EQ(b.findings.size(), 1u);
  EXPECT_EQ(b.findings[0].id, "compare.error");
  EXPECT_EQ(b.findings[0].what.find("sk-other-secret"), std::string::npos) << b.findings[0].what;
  EXPECT_EQ(b.differences[0].what.find("sk-other-secret"), std::string::npos) << b.differences[0].what;
  EXPECT_NE(b.differences[0].what.find("refused for Bearer ***"), std::string::npos) << b.differences[0].what;
}

TEST(CompareRunner, WarnOnlyKeepsTheOutcome) {
  TwoTargets r(ok, [](const core::http::Request& q, std::size_t) {
    return json_response(q.path == "/a" ? 404 : 200, R"({"error": {"message": "no", "type": "not_found", "code": 404}})");
  });
  r.options.compare->warn_only = true;
  const auto summary = r.run({suite()});
  EXPECT_EQ(summary.passed, 3u);
  EXPECT_EQ(summary.differing, 1u);
  const CaseResult& a = r.recorder.results[0];
  ASSERT_EQ(a.findings.size(), 1u);
  EXPECT_EQ(a.findings[0].id, "compare.status");
  EXPECT_EQ(a.findings[0].severity, core::Severity::warning);
}

}  // namespace
}  // namespace siraya::harness
