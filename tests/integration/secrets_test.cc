// No output carries a secret (README "Security"): the API key, a ${secret:NAME} value, a
// credential --header and the admin token never appear in anything the programs write — the
// siraya-harness binary's stdout and stderr (the embedded mock's stderr included) and its
// --junit, --json, --markdown and --transcripts files, nor siraya-mock's stdout, stderr and
// request journal. The suite sends the secrets where they are easy to leak: in headers, in the
// body, as a wrong key (a 401), in failing cases, in streams.
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "child_process_support.h"

namespace siraya::harness {
namespace {

namespace fs = std::filesystem;
using siraya::testing::ChildProcess;

constexpr const char* kApiKey = "sk-leak-check-key-8f3a";
constexpr const char* kSecret = "leak-check-secret-77c1";       // ${secret:SIRAYA_LEAK_SECRET}
constexpr const char* kHeaderSecret = "leak-check-header-4b2e";  // --header x-org-token: ...
constexpr const char* kAdminToken = "leak-check-admin-91d0";

constexpr const char* kSuite = R"({
  "version": 1,
  "name": "it/secrets",
  "defaults": {"headers": {"Authorization": "Bearer ${api_key}", "x-upstream-key": "${secret:SIRAYA_LEAK_SECRET}"}},
  "cases": [
    {"id": "models", "name": "lists models", "request": {"method": "GET", "path": "/models"}, "expect": {"status": 200}},
    {"id": "echo", "name": "the secrets in the body, a status expected wrongly on purpose",
     "request": {"method": "POST", "path": "/chat/completions",
                 "body": {"model": "openai/gpt-4o",
                          "messages": [{"role": "user", "content": "Repeat ${api_key} and ${secret:SIRAYA_LEAK_SECRET}"}]}},
     "expect": {"status": 201}},
    {"id": "stream", "name": "a stream about the secret, an assertion failing on purpose",
     "request": {"method": "POST", "path": "/chat/completions",
                 "body": {"model": "openai/gpt-4o", "stream": true,
                          "messages": [{"role": "user", "content": "Spell ${secret:SIRAYA_LEAK_SECRET} please"}]}},
     "expect": {"status": 200, "assert": [{"path": "/choices/0/message/content", "eq": "never this"}]}},
    {"id": "wrong-key", "name": "the secret as the key: 401, expected 200 on purpose",
     "request": {"method": "POST", "path": "/chat/completions",
                 "headers": {"Authorization": "Bearer ${secret:SIRAYA_LEAK_SECRET}"},
                 "body": {"model": "openai/gpt-4o", "messages": [{"role": "user", "content": "Hi"}]}},
     "expect": {"status": 200}},
    {"id": "messages", "name": "the key as x-api-key on /messages",
     "request": {"method": "POST", "path": "/messages",
                 "headers": {"Authorization": null, "x-api-key": "${api_key}", "anthropic-version": "2023-06-01"},
                 "body": {"model": "anthropic/claude-sonnet-4.5", "max_tokens": 64,
                          "messages": [{"role": "user", "content": "Say ${api_key}"}]}},
     "expect": {"status": 200}}
  ]
})";

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

class Secrets : public ::testing::Test {
 protected:
  void SetUp() override {
    ::setenv("SIRAYA_LEAK_SECRET", kSecret, 1);
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    tmp_ = fs::path(::testing::TempDir()) / ("secrets." + std::string(info->name()) + "." + std::to_string(::getpid()));
    fs::remove_all(tmp_);
    fs::create_directories(tmp_ / "suites");
    std::ofstream(tmp_ / "suites" / "secrets.suite.json") << kSuite;
  }
  void TearDown() override {
    ::unsetenv("SIRAYA_LEAK_SECRET");
    std::error_code ignored;
    fs::remove_all(tmp_, ignored);
  }

  // siraya-harness run with every output on; `target` adds --base-url (empty: the embedded mock).
  // Returns {name, text} of every output: stdout, stderr and each file it wrote.
  std::vector<std::pair<std::string, std::string>> run_harness(const std::string& base_url) {
    const fs::path out = tmp_ / (base_url.empty() ? "embedded" : "standalone");
    std::vector<std::string> args = {SIRAYA_HARNESS_BIN, "run", "--suites", (tmp_ / "suites").string(),
                                     "--api-key", kApiKey, "--header", std::string("x-org-token: ") + kHeaderSecret,
                                     "--junit", (out / "junit.xml").string(), "--json", (out / "report.json").string(),
                                     "--markdown", (out / "summary.md").string(),
                                     "--transcripts", (out / "transcripts").string(), "--transcripts-on", "all",
                                     "--verbose", "--retries", "0", "--color", "never"};
    if (!base_url.empty()) args.insert(args.end(), {"--base-url", base_url});
    fs::create_directories(out);
    ChildProcess harness(args);
    EXPECT_TRUE(harness.started());
    EXPECT_EQ(harness.wait(std::chrono::seconds(120)), 1) << "cases fail on purpose\n"
                                                          << harness.stdout_text() << harness.stderr_text();
    std::vector<std::pair<std::string, std::string>> outputs = {{"harness stdout", harness.stdout_text()},
                                                                {"harness stderr", harness.stderr_text()}};
    for (const auto& entry : fs::recursive_directory_iterator(out)) {
      if (entry.is_regular_file()) outputs.emplace_back(entry.path().string(), read(entry.path()));
    }
    return outputs;
  }

  static void expect_no_secret(const std::vector<std::pair<std::string, std::string>>& outputs) {
    for (const auto& [name, text] : outputs) {
      for (const char* secret : {kApiKey, kSecret, kHeaderSecret, kAdminToken}) {
        EXPECT_EQ(text.find(secret), std::string::npos) << secret << " appears in " << name << ":\n" << text;
      }
    }
  }

  fs::path tmp_;
};

TEST_F(Secrets, NotInAnyOutputOfTheHarnessWithTheEmbeddedMock) {
  const auto outputs = run_harness("");
  // stdout, stderr, 3 reports and a transcript per case.
  EXPECT_EQ(outputs.size(), 2u + 3u + 5u);
  expect_no_secret(outputs);
  EXPECT_NE(outputs[0].second.find("FAIL  it/secrets#echo"), std::string::npos) << outputs[0].second;
}

TEST_F(Secrets, NotInTheMockOutputsOrJournalNorInTheHarnessOutputs) {
  ChildProcess mock({SIRAYA_MOCK_BIN, "--port", "0", "--key", kApiKey, "--admin-token", kAdminToken});
  const auto line = mock.read_line(std::chrono::seconds(30));
  ASSERT_TRUE(line) << mock.stderr_text();
  const std::string prefix = "siraya-mock listening on http://127.0.0.1:";
  ASSERT_EQ(line->rfind(prefix, 0), 0u) << *line;
  const int port = std::atoi(line->c_str() + prefix.size());

  auto outputs = run_harness("http://127.0.0.1:" + std::to_string(port) + "/v1");
  EXPECT_EQ(outputs.size(), 2u + 3u + 5u);

  httplib::Client admin("127.0.0.1", port);
  auto journal = admin.Get("/__admin/requests", {{"Authorization", std::string("Bearer ") + kAdminToken}});
  ASSERT_TRUE(journal);
  ASSERT_EQ(journal->status, 200) << journal->body;
  const auto entries = nlohmann::json::parse(journal->body, nullptr, false);
  ASSERT_FALSE(entries.is_discarded());
  EXPECT_EQ(entries["data"].size(), 5u) << "every case reached the mock: " << journal->body;
  outputs.emplace_back("the mock's journal", journal->body);

  mock.signal(SIGTERM);
  EXPECT_EQ(mock.wait(std::chrono::seconds(30)), 0);
  outputs.emplace_back("mock stdout", mock.stdout_text());
  outputs.emplace_back("mock stderr", mock.stderr_text());
  expect_no_secret(outputs);
}

}  // namespace
}  // namespace siraya::harness
