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
  EXPECT_EQ(c.timeouts.total, std::chrono::milliseconds(500));
  EXPECT_FALSE(c.timeouts.connect);
  EXPECT_EQ(c.trials.runs, 1);
  ASSERT_EQ(c.steps.size(), 1u);
  const Step& step = c.steps[0];
  EXPECT_EQ(step.location, c.location);
  // Defaults merged: X-Drop removed by the case's null, Authorization kept, X-Own added.
  ASSERT_EQ(step.request.headers.size(), 2u);
  EXPECT_EQ(step.request.headers[0].first, "Authorization");
  EXPECT_EQ(step.request.headers[1].first, "X-Own");
  EXPECT_EQ(step.expect.headers.count("content-type"), 1u);
  ASSERT_TRUE(step.expect.error && step.expect.error->param);
  EXPECT_TRUE(step.expect.error->param->is_null());
  ASSERT_EQ(step.expect.assertions.size(), 2u);
  EXPECT_EQ(step.expect.assertions[1].op, "matches");
  EXPECT_EQ(step.expect.assertions[1].location, "x.suite.json#/cases/0/expect/assert/1");
}

TEST(SuiteLoader, StepsCapturesAndTheirLocations) {
  auto s = loader().parse(R"({"version": 1, "name": "r/x", "variables": {"m": "x"}, "cases": [{"id": "two", "steps": [
      {"name": "ask", "request": {"method": "POST", "path": "/responses", "body": {"model": "${m}", "stream": true, "input": "hi"}},
       "expect": {"status": 200},
       "capture": {"rid": {"event": "response.completed", "path": "/response/id"}, "text": {"body": "/output/0/content/0/text"},
                   "req": {"header": "x-request-id"}, "whole": {"event": "response.created"}}},
      {"request": {"method": "POST", "path": "/responses", "body": {"model": "${m}", "input": "${text}"}},
       "expect": {"status": 400, "assert": [{"path": "/error/message", "contains": "${rid}"},
                                            {"path": "/choices/*/index", "each": {"ge": 0}}]}}]}]})",
                          "s.suite.json");
  ASSERT_TRUE(s) << s.error().to_string();
  const Case& c = s->cases[0];
  ASSERT_EQ(c.steps.size(), 2u);
  EXPECT_EQ(c.steps[0].name, "ask");
  EXPECT_EQ(c.steps[1].location, "s.suite.json#/cases/0/steps/1");
  ASSERT_EQ(c.steps[0].captures.size(), 4u);
  // Captures come in name order.
  const Capture& req = c.steps[0].captures[0];
  EXPECT_EQ(req.name, "req");
  EXPECT_EQ(req.source, Capture::Source::header);
  EXPECT_EQ(req.header, "x-request-id");
  const Capture& rid = c.steps[0].captures[1];
  EXPECT_EQ(rid.source, Capture::Source::event);
  EXPECT_EQ(rid.event, "response.completed");
  EXPECT_EQ(rid.pointer, "/response/id");
  EXPECT_EQ(rid.location, "s.suite.json#/cases/0/steps/0/capture/rid");
  EXPECT_EQ(c.steps[0].captures[2].source, Capture::Source::body);
  EXPECT_EQ(c.steps[0].captures[3].pointer, "");
  const Assertion& each = c.steps[1].expect.assertions[1];
  EXPECT_EQ(each.op, "each");
  ASSERT_EQ(each.inner.size(), 1u);
  EXPECT_EQ(each.inner[0].op, "ge");
  EXPECT_EQ(each.inner[0].path, "");
  EXPECT_EQ(each.inner[0].location, "s.suite.json#/cases/0/steps/1/expect/assert/1/each");
}

TEST(SuiteLoader, DefaultsForRequiresTrialsAndTimeouts) {
  auto s = loader().parse(R"({"version": 1, "name": "d/x",
      "defaults": {"requires": ["chat", "streaming"], "trials": {"runs": 3, "min_passes": 2},
                   "timeouts": {"connect_ms": 100, "idle_ms": 200, "total_ms": 300}},
      "cases": [
        {"id": "inherits", "request": {"method": "GET", "path": "/models"}, "expect": {"status": 200}},
        {"id": "own", "requires": ["tools", "chat"], "trials": {"runs": 5, "min_passes": 5}, "timeout_ms": 50,
         "timeouts": {"first_byte_ms": 40, "idle_ms": 30},
         "request": {"method": "GET", "path": "/models"}, "expect": {"status": 200}}]})",
                          "d.suite.json");
  ASSERT_TRUE(s) << s.error().to_string();
  const Case& inherits = s->cases[0];
  EXPECT_EQ(inherits.required_capabilities, (std::vector<std::string>{"chat", "streaming"}));
  EXPECT_EQ(inherits.trials.runs, 3);
  EXPECT_EQ(inherits.trials.min_passes, 2);
  EXPECT_EQ(inherits.timeouts.connect, std::chrono::milliseconds(100));
  EXPECT_FALSE(inherits.timeouts.first_byte);
  EXPECT_EQ(inherits.timeouts.total, std::chrono::milliseconds(300));
  const Case& own = s->cases[1];
  // The suite's requirements and the case's, each once.
  EXPECT_EQ(own.required_capabilities, (std::vector<std::string>{"chat", "streaming", "tools"}));
  EXPECT_EQ(own.trials.runs, 5);
  EXPECT_EQ(own.timeouts.connect, std::chrono::milliseconds(100));
  EXPECT_EQ(own.timeouts.first_byte, std::chrono::milliseconds(40));
  EXPECT_EQ(own.timeouts.idle, std::chrono::milliseconds(30));
  EXPECT_EQ(own.timeouts.total, std::chrono::milliseconds(50));  // the case's timeout_ms beats the default
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

TEST(SuiteLoader, FirstProblemSaysHowManyMore) {
  auto s = loader().parse(R"({"version": 1, "name": "a", "cases": [
      {"id": "x", "request": {"method": "GET", "path": "/${a}"}, "expect": {"status": 200}},
      {"id": "x", "request": {"method": "GET", "path": "/${b}"}, "expect": {"status": 200}}]})", "m.suite.json");
  ASSERT_FALSE(s);
  EXPECT_NE(s.error().message.find("and 2 more problems"), std::string::npos) << s.error().to_string();
  auto all = loader().check(R"({"version": 1, "name": "a", "cases": [
      {"id": "x", "request": {"method": "GET", "path": "/${a}"}, "expect": {"status": 200}},
      {"id": "x", "request": {"method": "GET", "path": "/${b}"}, "expect": {"status": 200}}]})", "m.suite.json");
  EXPECT_FALSE(all.suite);
  ASSERT_EQ(all.problems.size(), 3u);
  EXPECT_EQ(all.problems[0].location, "m.suite.json#/cases/0/request/path");
  EXPECT_EQ(all.problems[1].id, "suite.duplicate_id");
  EXPECT_EQ(all.problems[2].location, "m.suite.json#/cases/1/request/path");
}

TEST(SuiteLoader, MissingFileIsAnIoError) {
  auto s = loader().load_file("/nonexistent/dir/x.suite.json");
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().id, "suite.io");
}

TEST(SuiteLoader, DuplicateSuiteNamesAcrossFiles) {
  auto a = loader().parse(R"({"version": 1, "name": "same", "cases": [{"id": "x", "request": {"method": "GET", "path": "/p"}, "expect": {"status": 200}}]})", "a.suite.json");
  auto b = loader().parse(R"({"version": 1, "name": "same", "cases": [{"id": "x", "request": {"method": "GET", "path": "/p"}, "expect": {"status": 200}}]})", "b.suite.json");
  ASSERT_TRUE(a && b);
  auto ok = check_unique_names({*a, *b});
  ASSERT_FALSE(ok);
  EXPECT_EQ(ok.error().id, "suite.duplicate_name");
  EXPECT_EQ(ok.error().location, "b.suite.json#/name");
}

TEST(SuiteLoader, EmbeddedSuitesLoad) {
  auto suites = loader().load_embedded();
  ASSERT_TRUE(suites) << suites.error().to_string();
  EXPECT_GE(suites->size(), 4u);
}

}  // namespace
}  // namespace siraya::harness
