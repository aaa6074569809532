// `siraya-harness run` with every reporter at once (console, --junit, --json, --markdown,
// --transcripts) against the embedded mock: no output ever carries a secret (the API key, a
// ${secret:X} value, a credential --header); the JSON report validates against its schema; and the
// outputs, with timing figures, ports and temporary paths normalised, match approved files in
// tests/golden/ (SIRAYA_UPDATE_GOLDEN=1 rewrites them).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include <unistd.h>

#include "core/schema/registry.h"
#include "harness/cli/run_command.h"
#include "harness/report/json_reporter.h"

namespace siraya::harness {
namespace {

namespace fs = std::filesystem;

constexpr const char* kApiKey = "sk-cli-key-4567-secret";
constexpr const char* kEnvSecret = "env-secret-value-9876";
constexpr const char* kHeaderSecret = "tok-cli-header-1357";

constexpr const char* kSuite = R"({
  "version": 1,
  "name": "it/outputs",
  "defaults": {"headers": {"Authorization": "Bearer ${api_key}", "x-extra": "${secret:SIRAYA_IT_SECRET}"}},
  "cases": [
    {"id": "models", "name": "lists models", "request": {"method": "GET", "path": "/models"}, "expect": {"status": 200}},
    {"id": "wrong-status", "name": "expects 201 on purpose", "request": {"method": "GET", "path": "/models"},
     "expect": {"status": 201}},
    {"id": "stream", "name": "a streamed reply", "tags": ["smoke"],
     "request": {"method": "POST", "path": "/chat/completions",
                 "body": {"model": "openai/gpt-4o", "stream": true, "messages": [{"role": "user", "content": "Say hi."}]}},
     "expect": {"status": 200, "timing": {"max_total_ms": 60000}}},
    {"id": "key-in-body", "name": "secrets in the body, status wrong on purpose",
     "request": {"method": "POST", "path": "/chat/completions",
                 "body": {"model": "openai/gpt-4o",
                          "messages": [{"role": "user", "content": "Repeat ${api_key} and ${secret:SIRAYA_IT_SECRET}"}]}},
     "expect": {"status": 202}}
  ]
})";

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Timing figures, the mock's port and the temporary folder vary from run to run.
std::string normalise(std::string text, const std::string& tmp) {
  for (auto pos = text.find(tmp); pos != std::string::npos; pos = text.find(tmp, pos)) text.replace(pos, tmp.size(), "TMP");
  const std::pair<const char*, const char*> rules[] = {
      {R"(127\.0\.0\.1:\d+)", "127.0.0.1:PORT"},
      {R"(\d+(\.\d+)? ms\b)", "N ms"},
      {R"(("[a-z_]*_ms"): \d+(\.\d+)?)", "$1: 0"},
      {R"(time="[0-9.e-]+")", "time=\"0\""},
      // How many events the mock's text makes is the mock's business.
      {R"(\d+ (events?) in \d+ (reads?))", "N $1 in N $2"},
      {R"(\| \d+ / \d+ \|)", "| N / N |"},
      {R"(("events"|"reads"): \d+)", "$1: 0"},
  };
  for (const auto& [pattern, replacement] : rules) text = std::regex_replace(text, std::regex(pattern), replacement);
  return text;
}

void expect_golden(const std::string& name, const std::string& actual) {
  const std::string path = std::string(SIRAYA_SOURCE_DIR) + "/tests/golden/" + name;
  if (std::getenv("SIRAYA_UPDATE_GOLDEN") != nullptr) std::ofstream(path, std::ios::binary) << actual;
  EXPECT_EQ(actual, read(path)) << "differs from " << path;
}

class RunOutputs : public ::testing::Test {
 protected:
  void SetUp() override {
    ::setenv("SIRAYA_IT_SECRET", kEnvSecret, 1);
    // One folder per test: CTest runs the tests of this fixture in parallel processes.
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    tmp_ = fs::path(::testing::TempDir()) / ("run_outputs." + std::string(info->name()) + "." + std::to_string(::getpid()));
    fs::remove_all(tmp_);
    fs::create_directories(tmp_ / "suites");
    std::ofstream(tmp_ / "suites" / "it.suite.json") << kSuite;
  }
  void TearDown() override {
    ::unsetenv("SIRAYA_IT_SECRET");
    std::error_code ignored;
    fs::remove_all(tmp_, ignored);
  }

  RunCommand command() const {
    RunCommand c;
    c.suite_dirs = {(tmp_ / "suites").string()};
    c.api_key = kApiKey;
    c.headers = {std::string("x-org-token: ") + kHeaderSecret, "x-team: platform"};
    c.jobs = 2;
    c.junit_path = (tmp_ / "junit.xml").string();
    c.json_path = (tmp_ / "report.json").string();
    c.markdown_path = (tmp_ / "summary.md").string();
    c.transcripts_dir = (tmp_ / "transcripts").string();
    c.transcripts_on = "all";
    return c;
  }

  fs::path tmp_;
};

TEST_F(RunOutputs, EveryReporterAtOnceAndNoSecretAnywhere) {
  std::ostringstream out, err;
  const int code = run_command(command(), out, err);
  EXPECT_EQ(code, 1) << out.str() << err.str();
  EXPECT_TRUE(err.str().empty()) << err.str();

  std::vector<std::pair<std::string, std::string>> outputs{{"stdout", out.str()}, {"stderr", err.str()}};
  for (const auto& entry : fs::recursive_directory_iterator(tmp_)) {
    if (entry.is_regular_file() && entry.path().parent_path() != tmp_ / "suites") {
      outputs.emplace_back(entry.path().string(), read(entry.path()));
    }
  }
  EXPECT_EQ(outputs.size(), 2u + 3u + 4u) << "console, 3 report files, 4 transcripts";
  for (const auto& [name, text] : outputs) {
    for (const char* secret : {kApiKey, kEnvSecret, kHeaderSecret}) {
      EXPECT_EQ(text.find(secret), std::string::npos) << secret << " appears in " << name;
    }
  }

  const std::string console = out.str();
  EXPECT_NE(console.find("reproduce: curl -sS -N 'http://127.0.0.1:"), std::string::npos) << console;
  EXPECT_NE(console.find(R"(-H 'Authorization: Bearer '"$SIRAYA_API_KEY")"), std::string::npos) << console;
  EXPECT_NE(console.find(R"(-H 'x-extra: '"$SIRAYA_IT_SECRET")"), std::string::npos) << console;
  EXPECT_NE(console.find("first event"), std::string::npos) << "streams show their timing";
  EXPECT_EQ(console.find("timing.buffered"), std::string::npos) << "the mock flushes event by event";

  auto report = nlohmann::json::parse(read(tmp_ / "report.json"), nullptr, false);
  ASSERT_FALSE(report.is_discarded());
  auto schemas = core::schema::Registry::embedded();
  ASSERT_TRUE(schemas);
  for (const auto& f : (*schemas)->validate(kReportSchema, report, "report.json")) ADD_FAILURE() << f.to_string();
  EXPECT_EQ(report["summary"]["exit_code"], 1);
  EXPECT_TRUE(report["cases"][2]["timing"].contains("first_event_ms"));

  const std::string tmp = tmp_.string();
  expect_golden("run_console.txt", normalise(console, tmp));
  expect_golden("run_junit.xml", normalise(read(tmp_ / "junit.xml"), tmp));
  expect_golden("run_summary.md", normalise(read(tmp_ / "summary.md"), tmp));
  expect_golden("run_report.json", normalise(read(tmp_ / "report.json"), tmp));
}

TEST_F(RunOutputs, TranscriptsOnFailureOnlyByDefault) {
  RunCommand c = command();
  c.transcripts_on = "failure";
  std::ostringstream out, err;
  EXPECT_EQ(run_command(c, out, err), 1) << err.str();
  EXPECT_TRUE(fs::exists(tmp_ / "transcripts/it/outputs/wrong-status.json"));
  EXPECT_TRUE(fs::exists(tmp_ / "transcripts/it/outputs/key-in-body.json"));
  EXPECT_FALSE(fs::exists(tmp_ / "transcripts/it/outputs/models.json"));
  EXPECT_FALSE(fs::exists(tmp_ / "transcripts/it/outputs/stream.json"));
}

TEST_F(RunOutputs, SelectionAndUsageOptions) {
  RunCommand c = command();
  c.endpoints = {"chat"};
  c.fail_fast = true;
  c.jobs = 1;
  std::ostringstream out, err;
  EXPECT_EQ(run_command(c, out, err), 1) << err.str();
  EXPECT_EQ(out.str().find("#models"), std::string::npos) << out.str();
  EXPECT_NE(out.str().find("PASS  it/outputs#stream"), std::string::npos) << out.str();

  auto usage = [&](RunCommand bad) {
    std::ostringstream o, e;
    const int rc = run_command(bad, o, e);
    return std::make_pair(rc, e.str());
  };
  RunCommand bad_shard = command();
  bad_shard.shard = "3/2";
  EXPECT_EQ(usage(bad_shard).first, 2);
  RunCommand bad_family = command();
  bad_family.endpoints = {"files"};
  EXPECT_EQ(usage(bad_family).first, 2);
  RunCommand bad_header = command();
  bad_header.headers = {"no colon"};
  EXPECT_EQ(usage(bad_header).first, 2);
  RunCommand bad_on = command();
  bad_on.transcripts_on = "sometimes";
  EXPECT_EQ(usage(bad_on).first, 2);
  RunCommand unwritable = command();
  unwritable.json_path = (tmp_ / "missing-folder" / "report.json").string();
  auto [rc, message] = usage(unwritable);
  EXPECT_EQ(rc, 1) << "the run's own verdict stands";
  EXPECT_NE(message.find("[report.io]"), std::string::npos) << message;
}

}  // namespace
}  // namespace siraya::harness
