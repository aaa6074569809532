// run --compare-with: every case runs against two targets and the differences between the two
// results are reported. Two in-process mocks with different seeds (different generated text,
// ids, timestamps and token counts) must show no difference at all over the bundled suites; a
// second mock scripted by a rules file (docs/rules.md) to call another tool, or to answer one
// case with another status, must show exactly that difference and nothing else.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>

#include "core/http/client.h"
#include "core/schema/registry.h"
#include "harness/cli/run_command.h"
#include "harness/report/json_reporter.h"
#include "harness/runner/runner.h"
#include "harness/suite/loader.h"
#include "mock/server.h"

namespace siraya::harness {
namespace {

using nlohmann::json;

constexpr const char* kKey = "sk-compare-base-1";
constexpr const char* kOtherKey = "sk-compare-other-2";

std::string temp_file(const std::string& name, const std::string& text) {
  const std::string path = ::testing::TempDir() + "compare_with_" + name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

json read_json(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return json::parse(text.str(), nullptr, false);
}

std::unique_ptr<mock::Server> start_mock(std::uint64_t seed, std::vector<std::string> keys = {kKey},
                                         std::vector<std::string> rules_files = {}) {
  mock::Options options;
  options.port = 0;
  options.seed = seed;
  options.strict = true;
  options.keys = std::move(keys);
  options.rules_files = std::move(rules_files);
  auto server = mock::Server::start(options);
  EXPECT_TRUE(server) << server.error().to_string();
  return server ? std::move(*server) : nullptr;
}

// Every report's cases with their differences, by suite#id.
std::map<std::string, json> differing_cases(const json& report) {
  std::map<std::string, json> out;
  for (const auto& c : report["cases"]) {
    if (c.contains("differences")) out[c["suite"].get<std::string>() + "#" + c["id"].get<std::string>()] = c["differences"];
  }
  return out;
}

void expect_valid_report(const json& report) {
  auto schemas = core::schema::Registry::embedded();
  ASSERT_TRUE(schemas);
  for (const auto& f : (*schemas)->validate(kReportSchema, report, "report.json")) ADD_FAILURE() << f.to_string();
}

TEST(CompareWith, TwoMocksWithDifferentSeedsShowNoDifferenceOverTheBundledSuites) {
  RunCommand command;
  command.seed = 1;
  command.compare_with = "embedded";
  command.compare_seed = 2;
  command.jobs = 4;
  command.json_path = ::testing::TempDir() + "compare_with_bundled.json";
  std::ostringstream out, err;
  const int code = run_command(command, out, err);
  std::string failures;
  std::istringstream lines(out.str());
  for (std::string line; std::getline(lines, line);) {
    if (line.find("[compare.") != std::string::npos || line.rfind("FAIL", 0) == 0) failures += line + "\n";
  }
  EXPECT_EQ(code, 0) << failures << err.str();
  EXPECT_NE(out.str().find(", compared with embedded siraya-mock at http://127.0.0.1:"), std::string::npos) << out.str();
  EXPECT_NE(out.str().find(" 0 errors, 0 differing in "), std::string::npos) << failures;
  const json report = read_json(command.json_path);
  expect_valid_report(report);
  EXPECT_EQ(report["summary"]["differing"], 0);
  EXPECT_GT(report["summary"]["passed"].get<int>(), 400) << "the bundled suites ran on both sides";
  EXPECT_TRUE(differing_cases(report).empty());
  EXPECT_EQ(out.str().find("sk-siraya-local"), std::string::npos) << "the key is redacted";
}

// Two tools are offered and one must be called; the compare mock's rules call the other one
// for "weather" questions and refuse "rivers" with a 402.
const char* kSuite = R"({"version": 1, "name": "compare/demo",
  "defaults": {"headers": {"Authorization": "Bearer ${api_key}"}},
  "cases": [
    {"id": "tool", "request": {"method": "POST", "path": "/chat/completions",
      "body": {"model": "openai/gpt-4o", "tool_choice": "required",
               "messages": [{"role": "user", "content": "What is the weather in Paris?"}],
               "tools": [{"type": "function", "function": {"name": "get_weather",
                            "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}}},
                         {"type": "function", "function": {"name": "get_time",
                            "parameters": {"type": "object", "properties": {"zone": {"type": "string"}}, "required": ["zone"]}}}]}},
      "expect": {"status": 200}},
    {"id": "text", "request": {"method": "POST", "path": "/chat/completions",
      "body": {"model": "openai/gpt-4o", "stream": true, "messages": [{"role": "user", "content": "Tell me about lakes."}]}},
      "expect": {"status": 200}},
    {"id": "refused", "request": {"method": "POST", "path": "/messages",
      "body": {"model": "anthropic/claude-sonnet-4.5", "max_tokens": 200,
               "messages": [{"role": "user", "content": "Tell me about rivers."}]}},
      "expect": {"status": 200}}
  ]})";

const char* kToolRule = R"({"version": 1, "rules": [
  {"name": "the other tool", "when": {"user_text": "weather"},
   "reply": {"tool_calls": [{"name": "get_time", "arguments": {"zone": "CET"}}]}}]})";

const char* kStatusRule = R"({"version": 1, "rules": [
  {"name": "out of credit", "when": {"user_text": "rivers"}, "reply": {"error": {"status": 402}}}]})";

struct TwoMocks {
  std::unique_ptr<mock::Server> base, other;
  RunCommand command;
  std::ostringstream out, err;
  TwoMocks(const char* rules, const std::string& name, std::vector<std::string> other_keys = {kKey}) {
    base = start_mock(1);
    other = start_mock(2, std::move(other_keys), {temp_file(name + ".rules.json", rules)});
    command.base_url = base->base_url();
    command.compare_with = other->base_url();
    command.api_key = kKey;
    command.retries = 0;
    command.suite_files = {temp_file(name + ".suite.json", kSuite)};
    command.json_path = ::testing::TempDir() + "compare_with_" + name + ".json";
    command.junit_path = ::testing::TempDir() + "compare_with_" + name + ".xml";
    command.markdown_path = ::testing::TempDir() + "compare_with_" + name + ".md";
  }
  int run() { return run_command(command, out, err); }
  ~TwoMocks() {
    if (base) base->stop();
    if (other) other->stop();
  }
};

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(CompareWith, ARuleCallingAnotherToolIsExactlyOneDifference) {
  TwoMocks mocks(kToolRule, "tool");
  ASSERT_TRUE(mocks.base && mocks.other);
  EXPECT_EQ(mocks.run(), 1) << "a difference fails the run" << mocks.out.str() << mocks.err.str();
  const json report = read_json(mocks.command.json_path);
  expect_valid_report(report);
  EXPECT_EQ(report["compare_with"], mocks.other->base_url());
  EXPECT_EQ(report["summary"]["differing"], 1);
  EXPECT_EQ(report["summary"]["failed"], 1);
  EXPECT_EQ(report["summary"]["exit_code"], 1);
  const auto differing = differing_cases(report);
  ASSERT_EQ(differing.size(), 1u) << report.dump(2);
  const json expected = json::array({{{"aspect", "tools"},
                                      {"pointer", "/choices/0/message/tool_calls/0/function/name"},
                                      {"base", "get_weather"},
                                      {"compare", "get_time"},
                                      {"what", "the tools called differ: get_weather on the base target, get_time on the "
                                               "compare target"}}});
  EXPECT_EQ(differing.at("compare/demo#tool"), expected);
  const std::string console = mocks.out.str();
  EXPECT_NE(console.find("error [compare.tools] /choices/0/message/tool_calls/0/function/name: the tools called differ: "
                         "get_weather on the base target, get_time on the compare target"),
            std::string::npos)
      << console;
  EXPECT_NE(console.find("1 differing in "), std::string::npos) << console;
  EXPECT_NE(read_text(mocks.command.junit_path).find("<failure type=\"compare.tools\""), std::string::npos);
  EXPECT_NE(read_text(mocks.command.junit_path).find("<property name=\"compare_with\""), std::string::npos);
  const std::string md = read_text(mocks.command.markdown_path);
  EXPECT_NE(md.find("| `compare/demo#tool` | failed | `compare.tools` |"), std::string::npos) << md;
  EXPECT_NE(md.find("1 case differs"), std::string::npos) << md;
}

TEST(CompareWith, WarnOnlyReportsTheDifferenceWithoutFailing) {
  TwoMocks mocks(kToolRule, "warn");
  ASSERT_TRUE(mocks.base && mocks.other);
  mocks.command.compare_warn_only = true;
  EXPECT_EQ(mocks.run(), 0) << mocks.out.str() << mocks.err.str();
  EXPECT_NE(mocks.out.str().find("warning [compare.tools]"), std::string::npos) << mocks.out.str();
  const json report = read_json(mocks.command.json_path);
  EXPECT_EQ(report["summary"]["differing"], 1);
  EXPECT_EQ(report["summary"]["failed"], 0);
}

TEST(CompareWith, AScriptedStatusIsExactlyOneDifference) {
  TwoMocks mocks(kStatusRule, "status");
  ASSERT_TRUE(mocks.base && mocks.other);
  EXPECT_EQ(mocks.run(), 1) << mocks.out.str() << mocks.err.str();
  const json report = read_json(mocks.command.json_path);
  expect_valid_report(report);
  const auto differing = differing_cases(report);
  ASSERT_EQ(differing.size(), 1u) << report.dump(2);
  const json expected = json::array({{{"aspect", "status"},
                                      {"base", "200"},
                                      {"compare", "402"},
                                      {"what", "HTTP status 200 on the base target, 402 on the compare target"}}});
  EXPECT_EQ(differing.at("compare/demo#refused"), expected) << "the status.mismatch it causes is not a second difference";
}

TEST(CompareWith, TheCompareTargetGetsItsOwnKeyAndHeaders) {
  // The compare mock accepts only the other key; its rule calls the other tool only for requests
  // with x-team: blue.
  const char* rules = R"({"version": 1, "rules": [
    {"when": {"headers": {"x-team": "blue"}, "user_text": "weather"},
     "reply": {"tool_calls": [{"name": "get_time", "arguments": {"zone": "CET"}}]}}]})";
  {
    TwoMocks mocks(rules, "key", {kOtherKey});
    ASSERT_TRUE(mocks.base && mocks.other);
    EXPECT_EQ(mocks.run(), 1) << "without --compare-api-key the compare target gets the base key";
    EXPECT_EQ(differing_cases(read_json(mocks.command.json_path)).size(), 3u);
    EXPECT_NE(mocks.out.str().find("HTTP status 200 on the base target, 401 on the compare target"), std::string::npos)
        << mocks.out.str();
  }
  {
    TwoMocks mocks(rules, "key2", {kOtherKey});
    mocks.command.compare_api_key = kOtherKey;
    mocks.command.headers = {"x-team: red"};
    EXPECT_EQ(mocks.run(), 0) << mocks.out.str() << mocks.err.str();
    mocks.command.compare_headers = {"X-Team: blue"};
    std::ostringstream out, err;
    EXPECT_EQ(run_command(mocks.command, out, err), 1) << out.str() << err.str();
    EXPECT_NE(out.str().find("[compare.tools]"), std::string::npos) << out.str();
    EXPECT_EQ(out.str().find(kOtherKey), std::string::npos) << "the compare key is redacted";
    EXPECT_EQ(read_text(mocks.command.json_path).find(kOtherKey), std::string::npos);
  }
}

TEST(CompareWith, AnUnreachableCompareTargetIsAnErrorDifferenceOfEveryCase) {
  auto base = start_mock(1);
  ASSERT_TRUE(base);
  RunCommand command;
  command.base_url = base->base_url();
  command.compare_with = "http://127.0.0.1:1/v1";
  command.api_key = kKey;
  command.retries = 0;
  command.suite_files = {temp_file("unreachable.suite.json", kSuite)};
  command.json_path = ::testing::TempDir() + "compare_with_unreachable.json";
  std::ostringstream out, err;
  EXPECT_EQ(run_command(command, out, err), 1) << out.str() << err.str();
  base->stop();
  const auto differing = differing_cases(read_json(command.json_path));
  ASSERT_EQ(differing.size(), 3u);
  for (const auto& [name, d] : differing) {
    ASSERT_EQ(d.size(), 1u) << name << d.dump();
    EXPECT_EQ(d[0]["aspect"], "error") << name;
    EXPECT_EQ(d[0]["base"], "none") << name;
    EXPECT_EQ(d[0]["compare"], "http.connect") << name;
  }
}

TEST(CompareWith, BadCompareOptionsAreUsageErrors) {
  RunCommand command;
  command.compare_with = "embedded";
  command.compare_headers = {"no colon"};
  command.filters = {"models/list#*"};
  std::ostringstream out, err;
  EXPECT_EQ(run_command(command, out, err), 2);
  EXPECT_NE(err.str().find("--compare-header \"no colon\" is not NAME: VALUE"), std::string::npos) << err.str();

  RunCommand alone;
  alone.compare_api_key = "sk-x";
  alone.filters = {"models/list#*"};
  EXPECT_EQ(run_command(alone, out, err), 2);
  EXPECT_NE(err.str().find("[usage] command line: --compare-api-key configures the second target of --compare-with, "
                           "which is not given"),
            std::string::npos)
      << err.str();

  RunCommand seeded;
  seeded.compare_with = "http://127.0.0.1:1/v1";
  seeded.compare_seed = 3;
  seeded.filters = {"models/list#*"};
  EXPECT_EQ(run_command(seeded, out, err), 2);
  EXPECT_NE(err.str().find("--compare-seed sets the seed of an embedded mock"), std::string::npos) << err.str();

  RunCommand bad_url;
  bad_url.compare_with = "not a url";
  bad_url.filters = {"models/list#*"};
  EXPECT_EQ(run_command(bad_url, out, err), 2) << out.str() << err.str();
}

// Streams compared through the runner: the same answer cut into another number of text deltas is
// no difference; another terminal event is one.
class Collect : public Reporter {
 public:
  void on_start(const RunInfo&) override {}
  void on_case(const CaseResult& r) override { results.push_back(r); }
  void on_finish(const RunSummary& s) override { summary = s; }
  std::vector<CaseResult> results;
  RunSummary summary;
};

// Replays one captured response to every request.
class Replay : public core::http::Client {
 public:
  explicit Replay(core::http::Response r) : response_(std::move(r)) {}
  core::Result<core::http::Response> send(const core::http::Request&, core::http::Mode) override { return response_; }

 private:
  core::http::Response response_;
};

core::http::Response fetch_stream(const mock::Server& server, const json& body, core::http::Headers extra = {}) {
  core::http::ClientOptions options;
  options.base_url = server.base_url();
  auto client = core::http::Client::create(options);
  EXPECT_TRUE(client);
  core::http::Request request;
  request.method = "POST";
  request.path = "/responses";
  request.headers = {{"Authorization", std::string("Bearer ") + kKey}, {"Content-Type", "application/json"}};
  request.headers.insert(request.headers.end(), extra.begin(), extra.end());
  request.body = body.dump();
  auto response = (*client)->send(request, core::http::Mode::streaming);
  EXPECT_TRUE(response) << response.error().to_string();
  EXPECT_EQ(response->status, 200) << response->body;
  return *response;
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

std::vector<CaseResult> compare_streams(const core::http::Response& a, const core::http::Response& b) {
  auto schemas = core::schema::Registry::embedded();
  EXPECT_TRUE(schemas);
  auto suite = SuiteLoader(*schemas).parse(R"({"version": 1, "name": "compare/streams", "cases": [
    {"id": "stream", "request": {"method": "POST", "path": "/responses",
      "body": {"model": "openai/gpt-4o", "stream": true, "input": "Tell me about lakes."}}, "expect": {"status": 200}}]})",
                                           "compare/streams.suite.json");
  EXPECT_TRUE(suite) << suite.error().to_string();
  RunOptions options;
  options.client.base_url = "http://base.test/v1";
  options.client_override = std::make_shared<Replay>(a);
  CompareTarget compare;
  compare.client.base_url = "http://compare.test/v1";
  compare.client_override = std::make_shared<Replay>(b);
  options.compare = compare;
  Collect collect;
  auto summary = Runner(options, *schemas, Variables()).run({*suite}, {&collect});
  EXPECT_TRUE(summary);
  return collect.results;
}

TEST(CompareWith, AStreamWithMoreTextDeltasIsNoDifference) {
  auto a = start_mock(1), b = start_mock(2);
  ASSERT_TRUE(a && b);
  const json body = {{"model", "openai/gpt-4o"}, {"stream", true}, {"input", "Tell me about lakes."}};
  const auto x = fetch_stream(*a, body), y = fetch_stream(*b, body);
  a->stop();
  b->stop();
  const std::string delta = "event: response.output_text.delta\n";
  ASSERT_NE(count(x.body, delta), count(y.body, delta)) << "the seeds must give answers of different lengths";
  const auto results = compare_streams(x, y);
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].outcome, Outcome::passed);
  EXPECT_TRUE(results[0].differences.empty()) << results[0].differences.front().what;
}

TEST(CompareWith, AnotherTerminalEventIsADifference) {
  auto a = start_mock(1);
  ASSERT_TRUE(a);
  const json body = {{"model", "openai/gpt-4o"}, {"stream", true}, {"input", "Tell me about lakes."}};
  const auto completed = fetch_stream(*a, body);
  // The upstream fails halfway: an error event and response.failed instead of response.completed.
  const auto failed = fetch_stream(*a, body, {{"x-siraya-mock", "fault=error"}});
  a->stop();
  ASSERT_NE(failed.body.find("event: response.failed\n"), std::string::npos);
  const auto results = compare_streams(completed, failed);
  ASSERT_EQ(results.size(), 1u);
  const auto& d = results[0].differences;
  ASSERT_EQ(d.size(), 3u);
  EXPECT_EQ(d[0].aspect, "events");
  EXPECT_TRUE(d[0].base.ends_with(" > response.output_text.delta > response.output_text.done > response.content_part.done > "
                                  "response.output_item.done > response.completed > [DONE]"))
      << d[0].base;
  EXPECT_TRUE(d[0].compare.ends_with(" > response.output_text.delta > error > response.failed > [DONE]")) << d[0].compare;
  EXPECT_NE(d[0].what.find(": response.output_text.done > response.content_part.done > response.output_item.done > "
                           "response.completed > ... on the base target, error > response.failed > [DONE] on the "
                           "compare target"),
            std::string::npos)
      << d[0].what;
  EXPECT_EQ(d[1].aspect, "ending");
  EXPECT_EQ(d[1].pointer, "/status");
  EXPECT_EQ(d[1].base, "completed");
  EXPECT_EQ(d[1].compare, "failed");
  EXPECT_EQ(d[2].aspect, "checks");
  EXPECT_EQ(d[2].check, "sse.responses.error_event");
  EXPECT_EQ(d[2].base, "pass");
  EXPECT_EQ(d[2].compare, "fail");
  EXPECT_EQ(results[0].outcome, Outcome::failed);
}

}  // namespace
}  // namespace siraya::harness
