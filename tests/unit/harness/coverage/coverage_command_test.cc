// `siraya-harness coverage`: the console table, --json, --fail-under and the exit codes, and
// --run against the embedded mock.
#include "harness/cli/coverage_command.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/schema/registry.h"
#include "harness/coverage/coverage_json.h"

namespace siraya::harness {
namespace {

const std::string kSmall = std::string(SIRAYA_SOURCE_DIR) + "/tests/data/coverage/small.suite.json";

struct Outcome {
  int code;
  std::string out, err;
};

Outcome run(const CoverageCommand& command) {
  std::ostringstream out, err;
  const int code = coverage_command(command, out, err);
  return {code, out.str(), err.str()};
}

CoverageCommand small() {
  CoverageCommand c;
  c.selection.suite_files = {kSmall};
  return c;
}

std::string temp_path(const std::string& name) {
  return (std::filesystem::temp_directory_path() /
          ("siraya-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" + name))
      .string();
}

nlohmann::json read_json(const std::string& path) {
  std::ifstream in(path);
  return nlohmann::json::parse(in, nullptr, false);
}

TEST(CoverageCommand, PrintsTheTableAndEveryUncoveredItem) {
  const auto r = run(small());
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("Coverage of 1 suite, 10 cases (static: nothing was sent)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("endpoints                          7       9    77.8%"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("error statuses                     4      11    36.4%"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  endpoints: POST /v1/rerank, POST /v1/messages (stream)\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  error statuses: 402, 403, 408, 413, 429, 502, 503\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("    rerank: model, query, documents, top_n, return_documents, provider\n"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("stream event types: static: declared by expect/capture"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("    embeddings: x_vendor_flag  (coverage/small#embeddings-500)\n"), std::string::npos) << r.out;
}

TEST(CoverageCommand, FailUnderSetsTheExitCode) {
  auto c = small();
  c.fail_under = 99.5;
  auto r = run(c);
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.out.find("is below --fail-under 99.5%"), std::string::npos) << r.out;
  c.fail_under = 10;
  EXPECT_EQ(run(c).code, 0);
  c.fail_under = 0;
  EXPECT_EQ(run(c).code, 0);
  c.fail_under = 101;
  r = run(c);
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("[usage] --fail-under"), std::string::npos);
}

TEST(CoverageCommand, BadSuitesAndEmptySelectionsAreUsageErrors) {
  CoverageCommand broken;
  broken.selection.suite_files = {std::string(SIRAYA_SOURCE_DIR) + "/tests/data/broken_suites/unknown_key.suite.json"};
  auto r = run(broken);
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("[suite.invalid]"), std::string::npos) << r.err;
  auto none = small();
  none.selection.filters = {"no-such-suite#*"};
  r = run(none);
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("no case matches"), std::string::npos) << r.err;
}

TEST(CoverageCommand, JsonFileValidatesAgainstItsSchema) {
  auto c = small();
  c.json_path = temp_path("coverage.json");
  ASSERT_EQ(run(c).code, 0);
  const auto doc = read_json(c.json_path);
  std::filesystem::remove(c.json_path);
  ASSERT_FALSE(doc.is_discarded());
  auto schemas = core::schema::Registry::embedded();
  ASSERT_TRUE(schemas);
  for (const auto& f : (*schemas)->validate(kCoverageSchema, doc, "coverage.json")) ADD_FAILURE() << f.to_string();
  EXPECT_EQ(doc["total"]["covered"], 36);
  EXPECT_EQ(doc["total"]["total"], 148);
}

TEST(CoverageCommand, UnwritableJsonFileIsAnError) {
  auto c = small();
  c.json_path = "/nonexistent-dir/coverage.json";
  const auto r = run(c);
  EXPECT_EQ(r.code, 3);
  EXPECT_NE(r.err.find("[report.io]"), std::string::npos) << r.err;
}

TEST(CoverageCommand, RunObservesStatusesAndEventsFromTheEmbeddedMock) {
  auto c = small();
  c.run = true;
  c.json_path = temp_path("coverage-run.json");
  const auto r = run(c);
  ASSERT_EQ(r.code, 0) << r.err << r.out;
  EXPECT_NE(r.out.find("ran against embedded siraya-mock at http://127.0.0.1:"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(": 10 passed, 0 failed, 0 skipped, 0 errors"), std::string::npos) << r.out;
  const auto doc = read_json(c.json_path);
  std::filesystem::remove(c.json_path);
  ASSERT_FALSE(doc.is_discarded());
  EXPECT_EQ(doc["mode"], "run");
  auto covered = [&](std::size_t dimension, const std::string& group, const std::string& name) {
    for (const auto& item : doc["dimensions"][dimension]["items"]) {
      if (item.value("group", "") == group && item["name"] == name) return item["covered"].get<bool>();
    }
    ADD_FAILURE() << "no item " << group << ":" << name;
    return false;
  };
  const auto& statuses = doc["dimensions"][1];
  EXPECT_EQ(statuses["covered"], 4);  // 400, 401, 404, 405 as received
  EXPECT_EQ(statuses["extra"][0]["name"], "500");
  // A stream the runner read: events the suite never names are observed.
  EXPECT_TRUE(covered(3, "responses", "response.created"));
  EXPECT_TRUE(covered(3, "responses", "response.output_text.delta"));
  EXPECT_TRUE(covered(3, "chat", "usage"));
  EXPECT_FALSE(covered(3, "chat", "tool_calls"));
  EXPECT_FALSE(covered(3, "messages", "message_start"));  // no messages stream in the suite
  // Static dimensions are unchanged by --run.
  EXPECT_EQ(doc["dimensions"][0]["covered"], 7);
}

}  // namespace
}  // namespace siraya::harness
