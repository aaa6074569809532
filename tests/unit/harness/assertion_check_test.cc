// The assert operators over JSON Pointer paths with "*" wildcards, one table row per rule of the
// semantics in docs/suite-format.md ("Assertions").
#include <gtest/gtest.h>

#include "harness/checks/checks.h"

namespace siraya::harness {
namespace {

using nlohmann::json;

const json kBody = json::parse(R"({
  "object": "chat.completion",
  "choices": [
    {"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": "héllo"}},
    {"index": 1, "finish_reason": "length", "message": {"role": "assistant", "content": "hi"}}
  ],
  "usage": {"prompt_tokens": 3, "completion_tokens": 2.0},
  "tags": ["a", "b"],
  "empty": [],
  "nothing": null
})");

Assertion make(const std::string& path, const std::string& op, json operand = nullptr) {
  Assertion a;
  a.path = path;
  a.op = op;
  a.location = "t.suite.json#/cases/0/expect/assert/0";
  if (op == "each" || op == "any") {
    Assertion inner;
    inner.op = operand.begin().key();
    inner.operand = operand.begin().value();
    a.inner.push_back(inner);
  } else {
    a.operand = std::move(operand);
  }
  return a;
}

struct Row {
  const char* name;
  Assertion assertion;
  bool holds;
  const char* fragment;  // a part of the failure message (expected or actual), when it fails
};

TEST(AssertionCheck, SemanticsTable) {
  const std::vector<Row> rows{
      {"eq holds", make("/object", "eq", "chat.completion"), true, ""},
      {"eq numbers by value", make("/usage/completion_tokens", "eq", 2), true, ""},
      {"eq fails with expected and got", make("/object", "eq", "x"), false, "expected \"x\", got \"chat.completion\""},
      {"ne", make("/object", "ne", "x"), true, ""},
      {"ne fails", make("/object", "ne", "chat.completion"), false, "anything but"},
      {"lt", make("/usage/prompt_tokens", "lt", 4), true, ""},
      {"le", make("/usage/prompt_tokens", "le", 3), true, ""},
      {"gt fails", make("/usage/prompt_tokens", "gt", 3), false, "a number > 3, got 3"},
      {"ge on a string", make("/object", "ge", 1), false, "(string)"},
      {"matches", make("/object", "matches", "^chat\\."), true, ""},
      {"matches fails", make("/object", "matches", "^x"), false, "matching /^x/"},
      {"type integer is a number", make("/usage/prompt_tokens", "type", "number"), true, ""},
      {"type fails", make("/object", "type", "array"), false, "got string"},
      {"length counts code points", make("/choices/0/message/content", "length", 5), true, ""},
      {"length of an array", make("/choices", "length", 2), true, ""},
      {"length fails", make("/tags", "length", 3), false, "got length 2"},
      {"length of a number", make("/usage/prompt_tokens", "length", 1), false, "has no length"},
      {"contains in a string", make("/object", "contains", "compl"), true, ""},
      {"contains in an array", make("/tags", "contains", "b"), true, ""},
      {"contains fails", make("/tags", "contains", "z"), false, "containing \"z\""},
      {"exists", make("/nothing", "exists", true), true, ""},
      {"exists fails", make("/missing", "exists", true), false, "got nothing (the path is absent)"},
      {"absent", make("/missing", "absent", true), true, ""},
      {"absent fails", make("/nothing", "absent", true), false, "expected no value, got null"},
      {"plain op on an absent path fails", make("/missing", "eq", 1), false, "the path is absent"},
      // Wildcards.
      {"wildcard op holds for every match", make("/choices/*/message/role", "eq", "assistant"), true, ""},
      {"wildcard op fails on one match", make("/choices/*/finish_reason", "eq", "stop"), false,
       "got \"length\" at /choices/1/finish_reason (1 of 2 matches fail)"},
      {"each holds", make("/choices/*/index", "each", {{"lt", 2}}), true, ""},
      {"each fails", make("/choices/*/index", "each", {{"lt", 1}}), false, "for every match, got 1 at /choices/1/index"},
      {"any holds", make("/choices/*/finish_reason", "any", {{"eq", "length"}}), true, ""},
      {"any fails listing what came", make("/choices/*/index", "any", {{"gt", 5}}), false,
       "at least one of 2 matches to be a number > 5, got 0 at /choices/0/index, 1 at /choices/1/index"},
      {"wildcard over members", make("/usage/*", "each", {{"type", "number"}}), true, ""},
      {"exists with a wildcard: one match is enough", make("/choices/*/message/content", "exists", true), true, ""},
      {"absent with a wildcard: no match at all", make("/choices/*/message/tool_calls", "absent", true), true, ""},
      {"absent with a wildcard fails on any match", make("/choices/*/index", "absent", true), false,
       "got 0 at /choices/0/index (and 1 more)"},
      // A wildcard that matches nothing: only absent holds.
      {"each over nothing fails", make("/empty/*", "each", {{"eq", 1}}), false, "no value matches the path"},
      {"any over nothing fails", make("/empty/*", "any", {{"eq", 1}}), false, "no value matches the path"},
      {"op over nothing fails", make("/empty/*/x", "eq", 1), false, "no value matches the path"},
      {"exists over nothing fails", make("/empty/*", "exists", true), false, "no value matches the path"},
      {"absent over nothing holds", make("/empty/*", "absent", true), true, ""},
  };
  for (const auto& row : rows) {
    auto findings = check_assertions({row.assertion}, kBody);
    if (row.holds) {
      EXPECT_TRUE(findings.empty()) << row.name << ": " << (findings.empty() ? "" : findings[0].to_string());
      continue;
    }
    ASSERT_EQ(findings.size(), 1u) << row.name;
    const auto& f = findings[0];
    EXPECT_EQ(f.id, "assert.failed") << row.name;
    EXPECT_EQ(f.severity, core::Severity::error) << row.name;
    // Every failure names the path and the assertion's place in the suite.
    EXPECT_NE(f.what.find(row.assertion.path), std::string::npos) << row.name << ": " << f.what;
    EXPECT_NE(f.fix.find(row.assertion.location), std::string::npos) << row.name;
    EXPECT_NE(f.what.find(row.fragment), std::string::npos) << row.name << ": " << f.what;
  }
}

TEST(AssertionCheck, FailureLocationIsTheFirstFailingMatch) {
  auto findings = check_assertions({make("/choices/*/finish_reason", "eq", "stop")}, kBody);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].location, "body#/choices/1/finish_reason");
}

TEST(AssertionCheck, EveryAssertionIsChecked) {
  auto findings = check_assertions({make("/object", "eq", "x"), make("/object", "eq", "chat.completion"),
                                    make("/tags", "length", 0)},
                                   kBody);
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_NE(findings[1].what.find("/tags"), std::string::npos);
}

}  // namespace
}  // namespace siraya::harness
