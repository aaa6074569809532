#include "harness/suite/target.h"

#include <gtest/gtest.h>

#include <fstream>

#include "harness/suite/capabilities.h"
#include "harness/suite/loader.h"

namespace siraya::harness {
namespace {

const core::schema::Registry& schemas() {
  static auto registry = core::schema::Registry::embedded();
  EXPECT_TRUE(registry) << registry.error().to_string();
  return **registry;
}

std::string write_temp(const std::string& name, const std::string& text) {
  const std::string path = ::testing::TempDir() + name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

TEST(Target, DefaultsDependOnTheTarget) {
  auto mock = resolve_target({}, /*embedded_mock=*/true, schemas());
  ASSERT_TRUE(mock);
  EXPECT_EQ(mock->capabilities.count("mock-control"), 1u);
  EXPECT_EQ(mock->capabilities.size(), capability_catalog().size());
  auto live = resolve_target({}, /*embedded_mock=*/false, schemas());
  ASSERT_TRUE(live);
  EXPECT_EQ(live->capabilities.count("mock-control"), 0u);
  EXPECT_EQ(live->capabilities.count("tools"), 1u);
  EXPECT_FALSE(live->strict);
}

TEST(Target, CapabilitiesOptionReplacesTheDefault) {
  TargetOptions options;
  options.capabilities = {"chat, tools", "x-vision-beta"};
  options.strict_capabilities = true;
  auto t = resolve_target(options, true, schemas());
  ASSERT_TRUE(t) << t.error().to_string();
  EXPECT_EQ(t->capabilities, (std::set<std::string>{"chat", "tools", "x-vision-beta"}));
  EXPECT_TRUE(t->strict);
  options.capabilities = {"chat,toolz"};
  auto bad = resolve_target(options, true, schemas());
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().id, "usage");
  EXPECT_NE(bad.error().message.find("\"toolz\""), std::string::npos);
  EXPECT_NE(bad.error().fix.find("tools"), std::string::npos);
}

TEST(Target, ProfileFileAddsCapabilitiesAndProfile) {
  TargetOptions options;
  options.capabilities = {"tools"};
  options.profile_file = write_temp("target_profile.json", R"({"version": 1, "name": "staging",
      "capabilities": ["chat", "streaming"], "profile": "lenient"})");
  auto t = resolve_target(options, false, schemas());
  ASSERT_TRUE(t) << t.error().to_string();
  EXPECT_EQ(t->capabilities, (std::set<std::string>{"chat", "streaming", "tools"}));
  ASSERT_TRUE(t->profile);
  EXPECT_EQ(*t->profile, Profile::lenient);
  EXPECT_EQ(t->label, "staging");
}

TEST(Target, ProfileFileSeveritiesOverrideCheckIds) {
  TargetOptions options;
  options.profile_file = write_temp("severities.json", R"({"version": 1, "capabilities": ["chat"],
      "severities": {"sse.responses.done_sent": "error", "timing.buffered": "info"}})");
  auto t = resolve_target(options, false, schemas());
  ASSERT_TRUE(t) << t.error().to_string();
  EXPECT_EQ(t->severities, (SeverityOverrides{{"sse.responses.done_sent", core::Severity::error},
                                              {"timing.buffered", core::Severity::info}}));
  core::Findings findings{{"sse.responses.done_sent", core::Severity::info, "event 9", "", ""},
                          {"sse.responses.done_missing", core::Severity::warning, "stream", "", ""}};
  apply_overrides(findings, t->severities);
  EXPECT_EQ(findings[0].severity, core::Severity::error);
  EXPECT_EQ(findings[1].severity, core::Severity::warning) << "ids the file does not name keep their severity";

  options.profile_file = write_temp("unknown_check.json", R"({"version": 1, "capabilities": ["chat"],
      "severities": {"sse.responses.done_sent": "error", "sse.nope/x": "error"}})");
  auto unknown = resolve_target(options, false, schemas());
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().id, "target.invalid");
  EXPECT_EQ(unknown.error().location, options.profile_file + "#/severities/sse.nope~1x");
  options.profile_file = write_temp("bad_severity.json", R"({"version": 1, "capabilities": ["chat"],
      "severities": {"timing.buffered": "fatal"}})");
  auto bad = resolve_target(options, false, schemas());
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().location, options.profile_file + "#/severities/timing.buffered");
}

TEST(Target, BadProfileFilesSayWhereAndWhy) {
  TargetOptions options;
  options.profile_file = "/nonexistent/profile.json";
  EXPECT_EQ(resolve_target(options, false, schemas()).error().id, "target.io");
  options.profile_file = write_temp("not_json.json", "{");
  EXPECT_EQ(resolve_target(options, false, schemas()).error().id, "target.parse");
  options.profile_file = write_temp("bad_profile.json", R"({"version": 1, "capabilities": ["chat"], "profile": "loose"})");
  auto schema_error = resolve_target(options, false, schemas());
  ASSERT_FALSE(schema_error);
  EXPECT_EQ(schema_error.error().id, "target.invalid");
  EXPECT_EQ(schema_error.error().location, options.profile_file + "#/profile");
  options.profile_file = write_temp("unknown_capability.json", R"({"version": 1, "capabilities": ["chat", "vision"]})");
  auto unknown = resolve_target(options, false, schemas());
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().location, options.profile_file + "#/capabilities/1");
}

TEST(Target, ApplyMarksTheFirstMissingCapability) {
  auto schemas_ptr = core::schema::Registry::embedded();
  ASSERT_TRUE(schemas_ptr);
  auto suite = SuiteLoader(*schemas_ptr).parse(R"({"version": 1, "name": "t/x", "defaults": {"requires": ["chat"]}, "cases": [
      {"id": "plain", "request": {"method": "GET", "path": "/p"}, "expect": {"status": 200}},
      {"id": "tools", "requires": ["tools", "x-beta"], "request": {"method": "GET", "path": "/p"}, "expect": {"status": 200}}]})",
                                               "t.suite.json");
  ASSERT_TRUE(suite) << suite.error().to_string();
  std::vector<Suite> suites{*suite};
  Target target;
  target.capabilities = {"chat", "x-beta"};
  apply_target(suites, target);
  EXPECT_FALSE(suites[0].cases[0].missing_capability);
  ASSERT_TRUE(suites[0].cases[1].missing_capability);
  EXPECT_EQ(*suites[0].cases[1].missing_capability, "tools");
  EXPECT_FALSE(suites[0].cases[1].missing_capability_fails);
  target.capabilities = {"tools", "x-beta"};
  target.strict = true;
  apply_target(suites, target);
  EXPECT_EQ(suites[0].cases[0].missing_capability.value_or(""), "chat");
  EXPECT_TRUE(suites[0].cases[0].missing_capability_fails);
}

TEST(Capabilities, KnownNamesAndCustomOnes) {
  EXPECT_TRUE(is_known_capability("structured-outputs"));
  EXPECT_TRUE(is_known_capability("x-anything"));
  EXPECT_FALSE(is_known_capability("x-"));
  EXPECT_FALSE(is_known_capability("Tools"));
  EXPECT_NE(capability_names().find("mock-control"), std::string::npos);
}

}  // namespace
}  // namespace siraya::harness
