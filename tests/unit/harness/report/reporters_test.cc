// Reporter output against approved files in tests/golden/. To approve a deliberate change, run
// the test with SIRAYA_UPDATE_GOLDEN=1 and review the diff.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "harness/report/console_reporter.h"
#include "harness/report/junit_reporter.h"
#include "harness/suite/suite.h"

namespace siraya::harness {
namespace {

struct Fixture {
  Suite suite;
  std::vector<CaseResult> results;
  RunSummary summary;
  RunInfo info{"http://127.0.0.1:1/v1", "standard", 1, 4};

  Fixture() {
    suite.name = "chat/demo";
    suite.file = "suites/chat/demo.suite.json";
    for (const char* id : {"ok", "broken", "down", "later"}) {
      Case c;
      c.id = id;
      c.name = std::string("case <") + id + ">";
      c.location = suite.file + "#/cases/" + std::to_string(suite.cases.size());
      suite.cases.push_back(c);
    }
    auto result = [&](std::size_t i, Outcome o) {
      CaseResult r;
      r.suite = &suite;
      r.test_case = &suite.cases[i];
      r.outcome = o;
      r.request_line = "POST /chat/completions";
      r.duration = std::chrono::milliseconds(12);
      return r;
    };
    results.push_back(result(0, Outcome::passed));
    results.back().findings.push_back({"sse.multiline_data", core::Severity::warning, "event 2", "2 data lines", "one line"});
    results.push_back(result(1, Outcome::failed));
    results.back().findings.push_back({"sse.chat.done_missing", core::Severity::error, "end of stream (4 events)",
                                       "stream ended without data: [DONE]", "end with [DONE] & close"});
    results.push_back(result(2, Outcome::error));
    results.back().error = core::Error{"http.connect", "connection refused", "127.0.0.1:1", "start the server"};
    results.push_back(result(3, Outcome::skipped));
    results.back().error = core::Error{"harness.unsupported", "dialect \"messages\"", "", ""};
    summary = {1, 1, 1, 1, std::chrono::milliseconds(48)};
  }
};

std::string golden_path(const std::string& name) { return std::string(SIRAYA_SOURCE_DIR) + "/tests/golden/" + name; }

void expect_golden(const std::string& name, const std::string& actual) {
  if (std::getenv("SIRAYA_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(golden_path(name), std::ios::binary) << actual;
  }
  std::ifstream in(golden_path(name), std::ios::binary);
  ASSERT_TRUE(in) << "missing approved file " << golden_path(name);
  std::ostringstream expected;
  expected << in.rdbuf();
  EXPECT_EQ(actual, expected.str()) << "differs from " << golden_path(name);
}

TEST(Reporters, ConsoleMatchesApprovedOutput) {
  Fixture fx;
  std::ostringstream out;
  ConsoleReporter console(out, {});
  console.on_start(fx.info);
  for (const auto& r : fx.results) console.on_case(r);
  console.on_finish(fx.summary);
  expect_golden("console_report.txt", out.str());
}

TEST(Reporters, JunitMatchesApprovedOutput) {
  Fixture fx;
  JunitReporter junit("/nonexistent-dir/report.xml");
  junit.on_start(fx.info);
  for (const auto& r : fx.results) junit.on_case(r);
  expect_golden("junit_report.xml", junit.xml(fx.summary));
  junit.on_finish(fx.summary);
  EXPECT_TRUE(junit.write_failed());
}

TEST(Reporters, XmlEscapeHandlesMarkupAndControlBytes) {
  EXPECT_EQ(xml_escape("a<b>&\"'\x01"), "a&lt;b&gt;&amp;&quot;&apos;\\x01");
}

}  // namespace
}  // namespace siraya::harness
