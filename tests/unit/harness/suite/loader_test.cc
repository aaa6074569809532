#include "harness/suite/loader.h"

#include <gtest/gtest.h>

namespace siraya::harness {
namespace {

SuiteLoader loader() {
  static auto schemas = core::schema::Registry::embedded();
  EXPECT_TRUE(schemas.has_value()) << schemas.error().to_string();
  return SuiteLoader(*schemas);
}

const char* kValid = R"({
  "version": 1, "name": "chat/x",
  "variables": {"model": "m"},
  "defaults": {"headers": {"Authorization": "Bearer ${api_key}", "X-Drop": "1"}, "timeout_ms": 500},
  "cases": [{
    "id": "one", "name": "first", "tags": ["smoke"],
    "request": {"method": "POST", "path": "/chat/completions", "headers": {"X-Drop": null, "X-Own": "2"},
                "body": {"model": "${model}"}},
    "expect": {"status": 200, "headers": {"Content-Type": "^application/json"},
               "error": {"param": null},
               "assert": [{"path": "/choices/0/index", "eq": 0}, {"path": "/id", "matches": "^chatcmpl-"}]}
  }]
})";

TEST(SuiteLoader, ParsesAValidSuite) {
  auto s = loader().parse(kValid, "x.suite.json");
  ASSERT_TRUE(s) << s.error().to_string();
  EXPECT_EQ(s->name, "chat/x");
  ASSERT_EQ(s->cases.size(), 1u);
  const Case& c = s->cases[0];
  EXPECT_EQ(c.location, "x.suite.json#/cases/0");
  EXPECT_EQ(c.timeout_ms, 500);
  // Defaults merged: X-Drop removed by the case's null, Authorization kept, X-Own added.
  ASSERT_EQ(c.request.headers.size(), 2u);
  EXPECT_EQ(c.request.headers[0].first, "Authorization");
  EXPECT_EQ(c.request.headers[1].first, "X-Own");
  EXPECT_EQ(c.expect.headers.count("content-type"), 1u);
  ASSERT_TRUE(c.expect.error && c.expect.error->param);
  EXPECT_TRUE(c.expect.error->param->is_null());
  ASSERT_EQ(c.expect.assertions.size(), 2u);
  EXPECT_EQ(c.expect.assertions[1].op, "matches");
  EXPECT_EQ(c.expect.assertions[1].location, "x.suite.json#/cases/0/expect/assert/1");
}

TEST(SuiteLoader, NotJsonNamesLineAndColumn) {
  auto s = loader().parse("{\n  \"version\": 1,\n  oops\n}", "bad.suite.json");
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().id, "suite.parse");
  EXPECT_EQ(s.error().location, "bad.suite.json");
  EXPECT_NE(s.error().message.find("line 3"), std::string::npos) << s.error().message;
}

TEST(SuiteLoader, SchemaViolationNamesThePointer) {
  auto s = loader().parse(R"({"version": 1, "name": "a", "cases": [{"id": "x", "request": {"method": "POST", "path": "/p"},
                              "expect": {"status": "200"}}]})", "f.suite.json");
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().id, "suite.invalid");
  EXPECT_EQ(s.error().location, "f.suite.json#/cases/0/expect/status") << s.error().to_string();
  EXPECT_FALSE(s.error().fix.empty());
}

TEST(SuiteLoader, UnknownKeyIsRejected) {
  auto s = loader().parse(R"({"version": 1, "name": "a", "cases": [{"id": "x", "request": {"method": "POST", "path": "/p"},
                              "expect": {"status": 200, "stauts": 1}}]})", "f.suite.json");
  ASSERT_FALSE(s);
  EXPECT_NE(s.error().location.find("f.suite.json#/cases/0/expect"), std::string::npos) << s.error().to_string();
}

TEST(SuiteLoader, DuplicateCaseIds) {
  auto s = loader().parse(R"({"version": 1, "name": "a", "cases": [
      {"id": "x", "request": {"method": "GET", "path": "/p"}, "expect": {"status": 200}},
      {"id": "x", "request": {"method": "GET", "path": "/p"}, "expect": {"status": 200}}]})", "d.suite.json");
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().location, "d.suite.json#/cases/1/id");
}

TEST(SuiteLoader, BadRegularExpression) {
  auto s = loader().parse(R"({"version": 1, "name": "a", "cases": [
      {"id": "x", "request": {"method": "GET", "path": "/p"}, "expect": {"status": 200, "assert": [{"path": "/a", "matches": "(["}]}}]})",
                          "r.suite.json");
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().location, "r.suite.json#/cases/0/expect/assert/0/matches");
}

TEST(SuiteLoader, MissingFileIsAnIoError) {
  auto s = loader().load_file("/nonexistent/dir/x.suite.json");
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().id, "suite.io");
}

TEST(SuiteLoader, EmbeddedSuitesLoad) {
  auto suites = loader().load_embedded();
  ASSERT_TRUE(suites) << suites.error().to_string();
  EXPECT_GE(suites->size(), 4u);
}

}  // namespace
}  // namespace siraya::harness
