// The comparison of two results of one case (run --compare-with), aspect by aspect, on
// hand-built results: which differences are found, with which values and pointers, which are not
// (a difference that follows from another), and how they become findings and decide the outcome.
#include "harness/runner/differential.h"

#include <gtest/gtest.h>

#include "harness/suite/suite.h"

namespace siraya::harness {
namespace {

struct Fixture {
  Suite suite;
  Fixture() {
    suite.name = "unit/compare";
    Case c;
    c.id = "case";
    c.location = "unit/compare.suite.json#/cases/0";
    suite.cases.push_back(c);
  }
  // A passed single-step result: a 200 chat answer ending with `finish`.
  CaseResult result(const std::string& finish = "stop") const {
    CaseResult r;
    r.suite = &suite;
    r.test_case = &suite.cases[0];
    r.status = 200;
    StepShape s;
    s.status = 200;
    s.answer.endings = {{"/choices/0/finish_reason", finish}};
    r.shapes = {s};
    return r;
  }
};

std::vector<std::string> aspects(const std::vector<Difference>& d) {
  std::vector<std::string> out;
  for (const auto& x : d) out.push_back(x.aspect);
  return out;
}

TEST(Differential, EqualShapesHaveNoDifference) {
  Fixture fx;
  CaseResult a = fx.result(), b = fx.result();
  a.duration = std::chrono::milliseconds(3);  // what is not in the shape is not compared
  b.duration = std::chrono::milliseconds(300);
  b.retries = 2;
  EXPECT_TRUE(compare_results(a, b).empty());
}

TEST(Differential, Status) {
  Fixture fx;
  CaseResult a = fx.result(), b = fx.result();
  b.shapes[0] = StepShape{503};
  b.outcome = Outcome::failed;
  b.findings.push_back({"status.mismatch", core::Severity::error, "status", "expected 200, got 503", ""});
  const auto d = compare_results(a, b);
  ASSERT_EQ(aspects(d), std::vector<std::string>{"status"}) << "the rest of the step and the checks follow from it";
  EXPECT_EQ(d[0].base, "200");
  EXPECT_EQ(d[0].compare, "503");
  EXPECT_EQ(d[0].step, 0u);
  EXPECT_TRUE(d[0].pointer.empty());
  EXPECT_EQ(d[0].what, "HTTP status 200 on the base target, 503 on the compare target");
}

TEST(Differential, EventsNameThePositionAndBothSequences) {
  Fixture fx;
  CaseResult a = fx.result(), b = fx.result();
  a.shapes[0].streamed = b.shapes[0].streamed = true;
  a.shapes[0].events = {"response.created", "response.output_text.delta", "response.completed", "[DONE]"};
  b.shapes[0].events = {"response.created", "response.output_text.delta", "response.incomplete", "[DONE]"};
  const auto d = compare_results(a, b);
  ASSERT_EQ(aspects(d), std::vector<std::string>{"events"});
  EXPECT_EQ(d[0].base, "response.created > response.output_text.delta > response.completed > [DONE]");
  EXPECT_EQ(d[0].compare, "response.created > response.output_text.delta > response.incomplete > [DONE]");
  EXPECT_NE(d[0].what.find("from event kind 3 on: response.completed > [DONE] on the base target, "
                           "response.incomplete > [DONE] on the compare target"),
            std::string::npos)
      << d[0].what;
}

TEST(Differential, AShorterStreamEndsWhereTheOtherGoesOn) {
  Fixture fx;
  CaseResult a = fx.result(), b = fx.result();
  a.shapes[0].events = {"role", "content", "finish", "[DONE]"};
  b.shapes[0].events = {"role", "content", "finish"};
  const auto d = compare_results(a, b);
  ASSERT_EQ(aspects(d), std::vector<std::string>{"events"});
  EXPECT_NE(d[0].what.find("[DONE] on the base target, (end of stream) on the compare target"), std::string::npos)
      << d[0].what;
}

TEST(Differential, EndingPerChoiceWithItsPointer) {
  Fixture fx;
  CaseResult a = fx.result(), b = fx.result();
  a.shapes[0].answer.endings.push_back({"/choices/1/finish_reason", "stop"});
  b.shapes[0].answer.endings.push_back({"/choices/1/finish_reason", "content_filter"});
  const auto d = compare_results(a, b);
  ASSERT_EQ(aspects(d), std::vector<std::string>{"ending"});
  EXPECT_EQ(d[0].pointer, "/choices/1/finish_reason");
  EXPECT_EQ(d[0].base, "stop");
  EXPECT_EQ(d[0].compare, "content_filter");
  EXPECT_EQ(d[0].what, "finish_reason \"stop\" on the base target, \"content_filter\" on the compare target");
}

// Whether text stops by itself, at the token limit or at a stop sequence depends on the
// generated text; another kind of ending does not.
TEST(Differential, EndingsOfTextThatSimplyEndedCountAsOne) {
  Fixture fx;
  auto differs = [&](const std::string& pointer, const std::string& x, const std::string& y,
                     const std::string& reason = "") {
    CaseResult a = fx.result(), b = fx.result();
    a.shapes[0].answer.endings = {{pointer, x}};
    b.shapes[0].answer.endings = {{pointer, y}};
    b.shapes[0].answer.incomplete_reason = reason;
    return !compare_results(a, b).empty();
  };
  EXPECT_FALSE(differs("/choices/0/finish_reason", "stop", "length"));
  EXPECT_FALSE(differs("/stop_reason", "end_turn", "max_tokens"));
  EXPECT_FALSE(differs("/stop_reason", "stop_sequence", "end_turn"));
  EXPECT_FALSE(differs("/status", "completed", "incomplete", "max_output_tokens"));
  EXPECT_TRUE(differs("/status", "completed", "incomplete", "content_filter"));
  EXPECT_TRUE(differs("/status", "completed", "failed"));
  EXPECT_TRUE(differs("/choices/0/finish_reason", "length", "tool_calls"));
  EXPECT_TRUE(differs("/stop_reason", "max_tokens", "tool_use"));
  EXPECT_TRUE(differs("/stop_reason", "end_turn", "refusal"));
}

TEST(Differential, AStreamCutAtMaxOutputTokensEndsLikeOneThatWasNot) {
  Fixture fx;
  CaseResult a = fx.result(), b = fx.result();
  a.shapes[0].events = {"response.created", "response.output_text.delta", "response.completed", "[DONE]"};
  b.shapes[0].events = {"response.created", "response.output_text.delta", "response.incomplete", "[DONE]"};
  a.shapes[0].answer.endings = {{"/status", "completed"}};
  b.shapes[0].answer.endings = {{"/status", "incomplete"}};
  b.shapes[0].answer.incomplete_reason = "max_output_tokens";
  EXPECT_TRUE(compare_results(a, b).empty());
  b.shapes[0].answer.incomplete_reason = "content_filter";
  EXPECT_EQ(aspects(compare_results(a, b)), (std::vector<std::string>{"events", "ending"}));
}

TEST(Differential, AnEndingOnOneSideOnlyIsAbsentOnTheOther) {
  Fixture fx;
  CaseResult a = fx.result(), b = fx.result();
  b.shapes[0].answer.endings.push_back({"/choices/1/finish_reason", "stop"});
  const auto d = compare_results(a, b);
  ASSERT_EQ(aspects(d), std::vector<std::string>{"ending"});
  EXPECT_EQ(d[0].base, "absent");
  EXPECT_EQ(d[0].compare, "stop");
}

TEST(Differential, ToolsPointAtTheFirstCallThatDiffers) {
  Fixture fx;
  CaseResult a = fx.result("tool_calls"), b = fx.result("tool_calls");
  const std::string p = "/choices/0/message/tool_calls/";
  a.shapes[0].answer.tools = {{p + "0/function/name", "get_weather"}, {p + "1/function/name", "get_time"}};
  b.shapes[0].answer.tools = {{p + "0/function/name", "get_weather"}};
  auto d = compare_results(a, b);
  ASSERT_EQ(aspects(d), std::vector<std::string>{"tools"});
  EXPECT_EQ(d[0].pointer, p + "1/function/name");
  EXPECT_EQ(d[0].base, "get_weather, get_time");
  EXPECT_EQ(d[0].compare, "get_weather");

  b.shapes[0].answer.tools = {};
  a.shapes[0].answer.tools = {};
  b.shapes[0].answer.tools = {{p + "0/function/name", "get_time"}};
  d = compare_results(a, b);
  ASSERT_EQ(aspects(d), std::vector<std::string>{"tools"});
  EXPECT_EQ(d[0].pointer, p + "0/function/name") << "the side that has the call points at it";
  EXPECT_EQ(d[0].base, "none");
}

TEST(Differential, ToolsAtAnotherPositionAreTheSameCalls) {
  Fixture fx;
  CaseResult a = fx.result(), b = fx.result();
  a.shapes[0].answer.tools = {{"/output/0/name", "get_weather"}};
  b.shapes[0].answer.tools = {{"/output/1/name", "get_weather"}};  // after a text item
  EXPECT_TRUE(compare_results(a, b).empty());
}

TEST(Differential, ChecksThatFailOnOneSideOnly) {
  Fixture fx;
  CaseResult a = fx.result(), b = fx.result();
  a.findings = {{"sse.chat.done_missing", core::Severity::error, "end", "", ""},
                {"schema.response", core::Severity::error, "body", "", ""},
                {"timing.buffered", core::Severity::warning, "stream", "", ""}};
  b.findings = {{"schema.response", core::Severity::error, "body#/other", "another message", ""},
                {"compare.status", core::Severity::error, "", "", ""}};
  const auto d = compare_results(a, b);
  ASSERT_EQ(aspects(d), std::vector<std::string>{"checks"})
      << "a check failing on both sides, a warning and the comparison's own ids are not differences";
  EXPECT_EQ(d[0].check, "sse.chat.done_missing");
  EXPECT_EQ(d[0].base, "fail");
  EXPECT_EQ(d[0].compare, "pass");
  EXPECT_EQ(d[0].what, "check sse.chat.done_missing fails on the base target and passes on the compare target");
}

TEST(Differential, AnErrorOnOneSideIsTheOnlyDifference) {
  Fixture fx;
  CaseResult a = fx.result(), b = fx.result();
  b.shapes.clear();
  b.outcome = Outcome::error;
  b.error = core::Error{"http.connect", "connection refused", "127.0.0.1:1", ""};
  b.findings = {};
  a.findings = {{"schema.response", core::Severity::error, "body", "", ""}};
  const auto d = compare_results(a, b);
  ASSERT_EQ(aspects(d), std::vector<std::string>{"error"});
  EXPECT_EQ(d[0].base, "none");
  EXPECT_EQ(d[0].compare, "http.connect");
  EXPECT_NE(d[0].what.find("could not be judged on the compare target: [http.connect] 127.0.0.1:1: connection refused"),
            std::string::npos)
      << d[0].what;
  EXPECT_NE(d[0].what.find("but ran on the base target"), std::string::npos) << d[0].what;

  CaseResult c = b;
  EXPECT_TRUE(compare_results(b, c).empty()) << "the same error on both sides is no difference";
}

TEST(Differential, StepsAreNumberedAndComparedAsFarAsBothGot) {
  Fixture fx;
  CaseResult a = fx.result(), b = fx.result();
  a.steps = b.steps = 3;
  a.shapes.push_back(a.shapes[0]);
  a.shapes.push_back(a.shapes[0]);
  b.shapes.push_back(b.shapes[0]);
  b.shapes[1].answer.endings = {{"/choices/0/finish_reason", "content_filter"}};
  const auto d = compare_results(a, b);
  ASSERT_EQ(aspects(d), std::vector<std::string>{"ending"});
  EXPECT_EQ(d[0].step, 2u);
  const auto findings = difference_findings(d);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].location, "step 2: /choices/0/finish_reason");
}

TEST(Differential, FindingsCarryTheAspectsCheckIdAndLocation) {
  std::vector<Difference> d(3);
  d[0].aspect = "status";
  d[1].aspect = "checks";
  d[1].check = "schema.response";
  d[2].aspect = "tools";
  d[2].pointer = "/content/0/name";
  d[2].what = "the tools called differ";
  const auto f = difference_findings(d);
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(f[0].id, "compare.status");
  EXPECT_EQ(f[0].location, "status");
  EXPECT_EQ(f[1].id, "compare.checks");
  EXPECT_EQ(f[1].location, "schema.response");
  EXPECT_EQ(f[2].to_string().rfind("[compare.tools] /content/0/name: the tools called differ (", 0), 0u)
      << f[2].to_string();
  EXPECT_NE(f[2].fix.find("--compare-warn-only"), std::string::npos);
  for (const auto& x : f) EXPECT_EQ(x.severity, core::Severity::error);
}

TEST(Differential, RecordedDifferencesFailAPassedCaseUnlessWarnOnly) {
  Fixture fx;
  const CaseResult b = fx.result("tool_calls");
  CaseResult a = fx.result();
  record_differences(a, b, Profile::standard, {}, /*warn_only=*/false);
  EXPECT_EQ(a.outcome, Outcome::failed);
  ASSERT_EQ(a.differences.size(), 1u);
  ASSERT_EQ(a.findings.size(), 1u);
  EXPECT_EQ(a.findings[0].id, "compare.ending");
  EXPECT_EQ(a.findings[0].severity, core::Severity::error);

  CaseResult warned = fx.result();
  record_differences(warned, b, Profile::standard, {}, /*warn_only=*/true);
  EXPECT_EQ(warned.outcome, Outcome::passed);
  ASSERT_EQ(warned.findings.size(), 1u);
  EXPECT_EQ(warned.findings[0].severity, core::Severity::warning);

  CaseResult overridden = fx.result();
  record_differences(overridden, b, Profile::standard, {{"compare.ending", core::Severity::info}}, false);
  EXPECT_EQ(overridden.outcome, Outcome::passed) << "a target profile's severities apply to compare.* ids";
  EXPECT_EQ(overridden.findings[0].severity, core::Severity::info);

  CaseResult same = fx.result();
  record_differences(same, fx.result(), Profile::standard, {}, false);
  EXPECT_EQ(same.outcome, Outcome::passed);
  EXPECT_TRUE(same.findings.empty());
}

TEST(Differential, AnErrorOutcomeStaysAnError) {
  Fixture fx;
  CaseResult a = fx.result();
  a.shapes.clear();
  a.outcome = Outcome::error;
  a.error = core::Error{"http.timeout.total", "timed out", "", ""};
  record_differences(a, fx.result(), Profile::standard, {}, false);
  EXPECT_EQ(a.outcome, Outcome::error);
  ASSERT_EQ(a.differences.size(), 1u);
  EXPECT_EQ(a.differences[0].aspect, "error");
  EXPECT_EQ(a.differences[0].base, "http.timeout.total");
}

}  // namespace
}  // namespace siraya::harness
