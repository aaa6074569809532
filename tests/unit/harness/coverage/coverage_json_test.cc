// The JSON form of a coverage report validates against schemas/harness/coverage.schema.json, in
// both modes, and the schema rejects a malformed one.
#include "harness/coverage/coverage_json.h"

#include <gtest/gtest.h>

#include "core/schema/registry.h"
#include "harness/coverage/suite_coverage.h"
#include "harness/suite/loader.h"

namespace siraya::harness {
namespace {

CoverageReport small_report() {
  auto registry = core::schema::Registry::embedded();
  EXPECT_TRUE(registry);
  SuiteLoader loader(*registry);
  auto suite = loader.load_file(std::string(SIRAYA_SOURCE_DIR) + "/tests/data/coverage/small.suite.json");
  EXPECT_TRUE(suite);
  auto report = analyse_suites({*suite}, SchemaDocuments::embedded());
  EXPECT_TRUE(report);
  return *report;
}

void expect_valid(const core::schema::Registry& schemas, const nlohmann::json& doc) {
  for (const auto& f : schemas.validate(kCoverageSchema, doc, "coverage.json")) ADD_FAILURE() << f.to_string();
}

TEST(CoverageJson, StaticReportValidatesAgainstItsSchema) {
  auto schemas = core::schema::Registry::embedded();
  ASSERT_TRUE(schemas);
  const auto report = small_report();
  const auto doc = coverage_json(report);
  expect_valid(**schemas, doc);
  EXPECT_EQ(doc["mode"], "static");
  EXPECT_FALSE(doc.contains("run"));
  EXPECT_EQ(doc["cases"], 10);
  EXPECT_EQ(doc["total"]["covered"], report.covered());
  EXPECT_EQ(doc["total"]["total"], report.total());
  ASSERT_EQ(doc["dimensions"].size(), 5u);
  const auto& statuses = doc["dimensions"][1];
  EXPECT_EQ(statuses["id"], "statuses");
  EXPECT_EQ(statuses["items"][0], (nlohmann::json{{"name", "400"}, {"covered", true},
                                                  {"cases", {"coverage/small#chat-stream-invalid", "coverage/small#chat-raw",
                                                             "coverage/small#responses-follow-up"}}}));
  EXPECT_EQ(statuses["extra"][0]["name"], "500");
  EXPECT_EQ(doc["dimensions"][2]["groups"][0]["name"], "chat_completions");
}

TEST(CoverageJson, RunReportValidatesAgainstItsSchema) {
  auto schemas = core::schema::Registry::embedded();
  ASSERT_TRUE(schemas);
  auto report = small_report();
  report.run = RunSummary{9, 1, 0, 0, std::chrono::milliseconds(12)};
  report.target = "embedded siraya-mock at http://127.0.0.1:1/v1";
  const auto doc = coverage_json(report);
  expect_valid(**schemas, doc);
  EXPECT_EQ(doc["mode"], "run");
  EXPECT_EQ(doc["run"]["failed"], 1);
}

TEST(CoverageJson, SchemaRejectsAMalformedReport) {
  auto schemas = core::schema::Registry::embedded();
  ASSERT_TRUE(schemas);
  auto doc = coverage_json(small_report());
  doc["dimensions"][0]["items"][0].erase("covered");
  doc["dimensions"][1]["id"] = "colours";
  doc["total"]["percent"] = 150;
  EXPECT_GE((*schemas)->validate(kCoverageSchema, doc, "coverage.json").size(), 3u);
}

}  // namespace
}  // namespace siraya::harness
