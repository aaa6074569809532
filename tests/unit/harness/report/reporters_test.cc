// Reporter output against approved files in tests/golden/. To approve a deliberate change, run
// the test with SIRAYA_UPDATE_GOLDEN=1 and review the diff. Timing figures are fixed by the
// fixture, so the approved files are stable.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "core/schema/registry.h"
#include "harness/report/console_reporter.h"
#include "harness/report/json_reporter.h"
#include "harness/report/junit_reporter.h"
#include "harness/report/markdown_reporter.h"
#include "harness/suite/suite.h"

namespace siraya::harness {
namespace {

Timing timing(long ttfb_us, long total_us) {
  Timing t;
  t.first_byte = std::chrono::microseconds(ttfb_us);
  t.total = std::chrono::microseconds(total_us);
  return t;
}

Timing stream_timing(long ttfb_us, long first_event_us, long max_gap_us, long total_us, std::size_t events,
                     std::size_t reads) {
  Timing t = timing(ttfb_us, total_us);
  t.first_event = std::chrono::microseconds(first_event_us);
  t.max_gap = std::chrono::microseconds(max_gap_us);
  t.events = events;
  t.reads = reads;
  return t;
}

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
    results.back().status = 200;
    results.back().timing = timing(2100, 3400);
    results.back().trials = TrialTally{3, 2, 3, 2};
    results.push_back(result(1, Outcome::failed));
    results.back().findings.push_back({"sse.chat.done_missing", core::Severity::error, "end of stream (4 events)",
                                       "stream ended without data: [DONE]", "end with [DONE] & close"});
    results.back().findings.push_back({"timing.buffered", core::Severity::warning, "stream",
                                       "all 4 events arrived in one read at 9.5 ms: the stream was buffered",
                                       "flush each event | as it is produced"});
    results.back().status = 200;
    results.back().timing = stream_timing(3000, 9500, 0, 9500, 4, 1);
    results.back().steps = 3;
    results.back().step = 2;
    results.back().reproduce =
        R"(curl -sS -N -X POST 'http://127.0.0.1:1/v1/chat/completions' -H 'Authorization: Bearer '"$SIRAYA_API_KEY" --data-binary '{"stream":true}')";
    results.push_back(result(2, Outcome::error));
    results.back().error = core::Error{"http.connect", "connection refused", "127.0.0.1:1", "start the server"};
    results.back().retries = 2;
    results.back().reproduce = "curl -sS -N -X POST 'http://127.0.0.1:1/v1/chat/completions'";
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

TEST(Reporters, JsonMatchesApprovedOutputAndItsSchema) {
  Fixture fx;
  JsonReporter json("/nonexistent-dir/report.json");
  json.on_start(fx.info);
  for (const auto& r : fx.results) json.on_case(r);
  const auto doc = json.document(fx.summary);
  expect_golden("report.json", doc.dump(2) + "\n");
  auto schemas = core::schema::Registry::embedded();
  ASSERT_TRUE(schemas);
  const auto findings = (*schemas)->validate(kReportSchema, doc, "report.json");
  for (const auto& f : findings) ADD_FAILURE() << f.to_string();
  json.on_finish(fx.summary);
  ASSERT_TRUE(json.output_error());
  EXPECT_EQ(json.output_error()->id, "report.io");
}

TEST(Reporters, JsonSchemaRejectsAMalformedReport) {
  auto schemas = core::schema::Registry::embedded();
  ASSERT_TRUE(schemas);
  Fixture fx;
  JsonReporter json("unused");
  json.on_start(fx.info);
  for (const auto& r : fx.results) json.on_case(r);
  auto doc = json.document(fx.summary);
  doc["cases"][2].erase("error");  // an error case must say why
  doc["summary"]["exit_code"] = 2;
  EXPECT_GE((*schemas)->validate(kReportSchema, doc, "report.json").size(), 2u);
}

TEST(Reporters, MarkdownMatchesApprovedOutput) {
  Fixture fx;
  MarkdownReporter md("/nonexistent-dir/summary.md");
  md.on_start(fx.info);
  for (const auto& r : fx.results) md.on_case(r);
  expect_golden("summary.md", md.markdown(fx.summary));
  md.on_finish(fx.summary);
  EXPECT_TRUE(md.output_error());
}

TEST(Reporters, ConsoleColoursOnlyWhenAsked) {
  Fixture fx;
  std::ostringstream plain, coloured;
  ConsoleReporter a(plain, {});
  ConsoleReporter b(coloured, {/*color=*/true});
  for (auto* c : {&a, &b}) {
    c->on_start(fx.info);
    c->on_case(fx.results[1]);
    c->on_finish(fx.summary);
  }
  EXPECT_EQ(plain.str().find('\x1b'), std::string::npos);
  EXPECT_NE(coloured.str().find("\x1b[31mFAIL \x1b[0m"), std::string::npos) << coloured.str();
}

TEST(Reporters, ConsoleProgressLineIsClearedBeforeEachCase) {
  Fixture fx;
  std::ostringstream out;
  ConsoleReporter console(out, {false, false, /*progress=*/true});
  console.on_start(fx.info);
  console.on_progress(1, 4);
  console.on_progress(2, 4);
  console.on_case(fx.results[0]);
  console.on_finish(fx.summary);
  const std::string text = out.str();
  EXPECT_NE(text.find("\r\x1b[2K[1/4] running\r\x1b[2K[2/4] running\r\x1b[2KPASS "), std::string::npos) << text;
  std::ostringstream none;
  ConsoleReporter off(none, {});
  off.on_progress(1, 4);
  EXPECT_TRUE(none.str().empty());
}

TEST(Reporters, XmlEscapeHandlesMarkupAndControlBytes) {
  EXPECT_EQ(xml_escape("a<b>&\"'\x01"), "a&lt;b&gt;&amp;&quot;&apos;\\x01");
}

}  // namespace
}  // namespace siraya::harness
