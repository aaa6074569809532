// The runner against a scripted client: retries (only transport errors, 429 and 503, never a
// status the case expects or a failed check), report order with parallel jobs, --fail-fast,
// --header, the reproduce command, and transcripts without secrets.
#include "harness/runner/runner.h"

#include <gtest/gtest.h>

#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "harness/suite/loader.h"
#include "tests/unit/harness/runner/scripted_client.h"

namespace siraya::harness {
namespace {

using siraya::testing::json_response;
using siraya::testing::ScriptedClient;
using siraya::testing::stream_response;
using std::chrono::milliseconds;

constexpr const char* kKey = "sk-test-secret-123";

std::shared_ptr<const core::schema::Registry> schemas() {
  static auto registry = *core::schema::Registry::embedded();
  return registry;
}

// One suite of GET cases on paths outside the endpoint table (only status and JSON are judged).
Suite suite_of(const std::vector<std::pair<std::string, int>>& cases, const std::string& extra_case = "") {
  std::string text = R"({"version": 1, "name": "unit/runner", "cases": [)";
  bool first = true;
  for (const auto& [id, status] : cases) {
    text += std::string(first ? "" : ",") + R"({"id": ")" + id + R"(", "request": {"method": "GET", "path": "/)" + id +
            R"("}, "expect": {"status": )" + std::to_string(status) + "}}";
    first = false;
  }
  if (!extra_case.empty()) text += (first ? "" : ",") + extra_case;
  text += "]}";
  auto suite = SuiteLoader(schemas()).parse(text, "unit/runner.suite.json");
  EXPECT_TRUE(suite) << (suite ? "" : suite.error().to_string());
  return suite ? *suite : Suite{};
}

struct Seen {
  std::string id;
  Outcome outcome;
  std::size_t retries;
  std::string reproduce;
  std::string error_id;
};

class Recorder : public Reporter {
 public:
  void on_start(const RunInfo&) override {}
  void on_case(const CaseResult& r) override {
    cases.push_back({r.test_case->id, r.outcome, r.retries, r.reproduce, r.error ? r.error->id : ""});
  }
  void on_finish(const RunSummary& s) override { summary = s; }
  void on_progress(std::size_t finished, std::size_t total) override { progress.emplace_back(finished, total); }
  std::vector<Seen> cases;
  std::vector<std::pair<std::size_t, std::size_t>> progress;
  RunSummary summary;
};

struct Harness {
  RunOptions options;
  std::vector<milliseconds> sleeps;
  Variables vars;
  Recorder recorder;

  explicit Harness(std::shared_ptr<ScriptedClient> client) {
    options.client.base_url = "http://gw.test/v1";
    options.client_override = std::move(client);
    options.jobs = 1;
    options.retry.retries = 2;
    options.sleep = [this](milliseconds d) { sleeps.push_back(d); };
    vars.set("api_key", kKey, /*secret=*/true);
  }
  RunSummary run(const std::vector<Suite>& suites) {
    Runner runner(options, schemas(), vars);
    auto summary = runner.run(suites, {&recorder});
    EXPECT_TRUE(summary);
    return summary ? *summary : RunSummary{};
  }
};

TEST(Runner, RetriesA429HonouringRetryAfterThenPasses) {
  auto client = std::make_shared<ScriptedClient>([](const core::http::Request&, std::size_t call) {
    return call == 0 ? json_response(429, R"({"error": {}})", {{"retry-after", "1"}}) : json_response(200, "{}");
  });
  Harness h(client);
  auto summary = h.run({suite_of({{"flaky", 200}})});
  EXPECT_EQ(summary.passed, 1u);
  ASSERT_EQ(h.recorder.cases.size(), 1u);
  EXPECT_EQ(h.recorder.cases[0].retries, 1u);
  EXPECT_EQ(h.sleeps, std::vector<milliseconds>{milliseconds(1000)});
  EXPECT_EQ(client->calls("/flaky"), 2u);
}

TEST(Runner, NeverRetriesAnExpectedStatusOrAFailedCheck) {
  auto client = std::make_shared<ScriptedClient>([](const core::http::Request& r, std::size_t) {
    return r.path == "/limited" ? json_response(429, "{}") : json_response(500, "{}");
  });
  Harness h(client);
  auto summary = h.run({suite_of({{"limited", 429}, {"broken", 200}})});
  EXPECT_EQ(summary.passed, 1u);
  EXPECT_EQ(summary.failed, 1u);
  EXPECT_EQ(client->calls("/limited"), 1u);
  EXPECT_EQ(client->calls("/broken"), 1u);
  EXPECT_TRUE(h.sleeps.empty());
}

TEST(Runner, TransportErrorsAreRetriedThenReportedAsErrors) {
  auto client = std::make_shared<ScriptedClient>(
      [](const core::http::Request&, std::size_t) -> core::Result<core::http::Response> {
        return core::fail("http.connect", "connection refused", "gw.test:80");
      });
  Harness h(client);
  auto summary = h.run({suite_of({{"down", 200}})});
  EXPECT_EQ(summary.errors, 1u);
  EXPECT_EQ(client->calls("/down"), 3u);
  EXPECT_EQ(h.recorder.cases[0].retries, 2u);
  EXPECT_EQ(h.recorder.cases[0].error_id, "http.connect");
}

TEST(Runner, ReportsInSuiteOrderWhateverOrderCasesFinish) {
  // The first case answers only once the three others have been answered.
  std::mutex mutex;
  std::condition_variable cv;
  std::size_t others = 0;
  auto client = std::make_shared<ScriptedClient>([&](const core::http::Request& r, std::size_t) {
    std::unique_lock lock(mutex);
    if (r.path == "/a") {
      EXPECT_TRUE(cv.wait_for(lock, std::chrono::seconds(30), [&] { return others == 3; }));
    } else {
      ++others;
      cv.notify_all();
    }
    return json_response(200, "{}");
  });
  Harness h(client);
  h.options.jobs = 4;
  h.run({suite_of({{"a", 200}, {"b", 200}, {"c", 200}, {"d", 200}})});
  ASSERT_EQ(h.recorder.cases.size(), 4u);
  EXPECT_EQ(h.recorder.cases[0].id, "a");
  EXPECT_EQ(h.recorder.cases[1].id, "b");
  EXPECT_EQ(h.recorder.cases[2].id, "c");
  EXPECT_EQ(h.recorder.cases[3].id, "d");
  std::vector<std::pair<std::size_t, std::size_t>> progress{{1, 4}, {2, 4}, {3, 4}, {4, 4}};
  EXPECT_EQ(h.recorder.progress, progress);
}

TEST(Runner, FailFastSkipsTheCasesNotYetStarted) {
  auto client = std::make_shared<ScriptedClient>([](const core::http::Request&, std::size_t) {
    return json_response(200, "{}");
  });
  Harness h(client);
  h.options.fail_fast = true;
  auto summary = h.run({suite_of({{"first", 200}, {"wrong", 204}, {"third", 200}, {"fourth", 200}})});
  EXPECT_EQ(summary.passed, 1u);
  EXPECT_EQ(summary.failed, 1u);
  EXPECT_EQ(summary.skipped, 2u);
  EXPECT_EQ(h.recorder.cases[2].error_id, "run.not_run");
  EXPECT_EQ(client->calls("/third"), 0u);
  EXPECT_EQ(client->calls("/fourth"), 0u);
}

TEST(Runner, RunHeadersAreAddedUnlessTheCaseSetsThemAndCredentialsAreRedacted) {
  auto client = std::make_shared<ScriptedClient>([](const core::http::Request&, std::size_t) {
    return json_response(500, "{}");
  });
  Harness h(client);
  h.options.headers = {{"x-team", "platform"}, {"Authorization", "Bearer run-level-token"}};
  const std::string own_auth =
      R"({"id": "own", "request": {"method": "GET", "path": "/own", "headers": {"authorization": "Bearer ${api_key}"}},
          "expect": {"status": 200}})";
  h.run({suite_of({{"plain", 200}}, own_auth)});
  auto requests = client->requests();
  ASSERT_EQ(requests.size(), 2u);
  auto header = [](const core::http::Request& r, const std::string& name) {
    std::string out;
    for (const auto& [n, v] : r.headers) {
      if (n == name) out += v + ";";
    }
    return out;
  };
  EXPECT_EQ(header(requests[0], "x-team"), "platform;");
  EXPECT_EQ(header(requests[0], "Authorization"), "Bearer run-level-token;");
  EXPECT_EQ(header(requests[1], "authorization"), std::string("Bearer ") + kKey + ";");
  EXPECT_EQ(header(requests[1], "Authorization"), "") << "the case's own header wins";
  ASSERT_EQ(h.recorder.cases.size(), 2u);
  const std::string& plain = h.recorder.cases[0].reproduce;
  EXPECT_EQ(plain.find("run-level-token"), std::string::npos) << plain;
  EXPECT_NE(plain.find("curl -sS -N 'http://gw.test/v1/plain'"), std::string::npos) << plain;
  EXPECT_NE(plain.find("-H 'x-team: platform'"), std::string::npos) << plain;
  const std::string& own = h.recorder.cases[1].reproduce;
  EXPECT_EQ(own.find(kKey), std::string::npos) << own;
  EXPECT_NE(own.find(R"(-H 'authorization: Bearer '"$SIRAYA_API_KEY")"), std::string::npos) << own;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(Runner, TranscriptsKeepReadsAndEventsOfFailuresWithoutSecrets) {
  // The server echoes the key, split across two reads.
  const std::string key(kKey);
  auto client = std::make_shared<ScriptedClient>([&](const core::http::Request& r, std::size_t) {
    if (r.path == "/fine") return json_response(200, "{}");
    return stream_response({"data: {\"echo\": \"" + key.substr(0, 8), key.substr(8) + "\"}\n\n", "data: [DONE]\n\n"});
  });
  const std::string dir = ::testing::TempDir() + "runner_transcripts";
  std::filesystem::remove_all(dir);
  Harness h(client);
  h.options.transcripts_dir = dir;
  const std::string stream_case = R"({"id": "echo", "request": {"method": "POST", "path": "/chat/completions",
      "headers": {"Authorization": "Bearer ${api_key}"}, "body": {"model": "m", "stream": true}},
      "expect": {"status": 200}})";
  h.run({suite_of({{"fine", 200}}, stream_case)});

  EXPECT_FALSE(std::filesystem::exists(dir + "/unit/runner/fine.json")) << "passing cases: only with --transcripts-on all";
  const std::string text = read_file(dir + "/unit/runner/echo.json");
  ASSERT_FALSE(text.empty());
  EXPECT_EQ(text.find(key), std::string::npos) << text;
  EXPECT_EQ(text.find(key.substr(8)), std::string::npos) << "the secret's second half, in the second read";
  auto doc = nlohmann::json::parse(text);
  const auto& x = doc["exchanges"][0];
  EXPECT_EQ(x["request"]["headers"][0][1], "Bearer ***");
  EXPECT_NE(x["curl"].get<std::string>().find("\"$SIRAYA_API_KEY\""), std::string::npos);
  const auto& chunks = x["response"]["chunks"];
  ASSERT_EQ(chunks.size(), 3u);
  EXPECT_EQ(chunks[0]["text"], "data: {\"echo\": \"********");
  EXPECT_EQ(chunks[0]["at_ms"], 2.0);
  ASSERT_EQ(x["response"]["events"].size(), 2u);
  EXPECT_EQ(x["response"]["events"][0]["data"], "{\"echo\": \"******************\"}");
  EXPECT_EQ(x["response"]["events"][1]["data"], "[DONE]");
  EXPECT_EQ(doc["outcome"], "failed");

  h.options.transcripts_all = true;
  h.run({suite_of({{"fine", 200}})});
  EXPECT_TRUE(std::filesystem::exists(dir + "/unit/runner/fine.json"));
}

}  // namespace
}  // namespace siraya::harness
