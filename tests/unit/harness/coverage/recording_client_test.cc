// Observed coverage: the case header is added to every step and never reaches the target; the
// recording client keeps statuses and stream kinds, and cover_observed() replaces the statuses
// and event types with them in suite order.
#include "harness/coverage/recording_client.h"

#include <gtest/gtest.h>

#include "harness/coverage/suite_coverage.h"
#include "tests/unit/harness/runner/scripted_client.h"

namespace siraya::harness {
namespace {

using Names = std::vector<std::string>;

core::http::Response sse(const std::string& body) {
  core::http::Response r;
  r.status = 200;
  r.headers = {{"Content-Type", "text/event-stream; charset=utf-8"}};
  r.body = body;
  return r;
}

TEST(CoverageRecordingClient, TagsEveryStepWithItsCase) {
  Suite suite;
  suite.name = "s/${x}";
  Case c;
  c.id = "two-steps";
  c.steps.resize(2);
  suite.cases.push_back(c);
  std::vector<Suite> suites{suite};
  tag_cases(suites);
  for (const auto& step : suites[0].cases[0].steps) {
    ASSERT_EQ(step.request.headers.size(), 1u);
    EXPECT_EQ(step.request.headers[0].first, kCoverageCaseHeader);
    EXPECT_EQ(step.request.headers[0].second, "s/$${x}#two-steps");  // literal after resolution
  }
}

TEST(CoverageRecordingClient, StripsTheCaseHeaderAndRecords) {
  auto inner = std::make_shared<testing::ScriptedClient>([](const core::http::Request& r, std::size_t) {
    if (r.path == "/messages") {
      return core::Result<core::http::Response>(
          sse("event: message_start\ndata: {\"type\":\"message_start\"}\n\nevent: ping\ndata: {\"type\":\"ping\"}\n\n"));
    }
    if (r.path == "/down") return core::Result<core::http::Response>(core::fail("http.connect", "refused"));
    return core::Result<core::http::Response>(testing::json_response(429, "{}"));
  });
  RecordingClient client(inner);
  core::http::Request request;
  request.method = "POST";
  request.path = "/messages";
  request.headers = {{"Authorization", "Bearer k"}, {"X-Siraya-Coverage-Case", "s#stream"}};
  ASSERT_TRUE(client.send(request, core::http::Mode::streaming));
  request.path = "/chat/completions";
  request.headers = {{std::string(kCoverageCaseHeader), "s#limited"}};
  ASSERT_TRUE(client.send(request, core::http::Mode::buffered));
  request.path = "/down";
  EXPECT_FALSE(client.send(request, core::http::Mode::buffered));

  for (const auto& sent : inner->requests()) {
    for (const auto& h : sent.headers) EXPECT_NE(h.first, "X-Siraya-Coverage-Case");
    for (const auto& h : sent.headers) EXPECT_NE(h.first, kCoverageCaseHeader);
  }
  EXPECT_EQ(inner->requests()[0].headers.size(), 1u);  // Authorization stays
  const auto seen = client.observations();
  ASSERT_EQ(seen.size(), 2u);  // a transport error records nothing
  EXPECT_EQ(seen[0].case_ref, "s#stream");
  EXPECT_EQ(seen[0].status, 200);
  EXPECT_EQ(seen[0].dialect, core::StreamDialect::messages);
  EXPECT_EQ(seen[0].kinds, (Names{"message_start", "ping"}));
  EXPECT_EQ(seen[1].case_ref, "s#limited");
  EXPECT_EQ(seen[1].status, 429);
  EXPECT_TRUE(seen[1].kinds.empty());
}

TEST(CoverageRecordingClient, ObservedCoverageReplacesStatusesAndEvents) {
  auto report = documented_items(SchemaDocuments::embedded());
  ASSERT_TRUE(report);
  report->find(kCoverageStatuses)->cover("", "408", "declared#only");
  Suite suite;
  suite.name = "s";
  for (const char* id : {"a", "b"}) {
    Case c;
    c.id = id;
    suite.cases.push_back(c);
  }
  // b finished first; the report lists cases in suite order anyway.
  std::vector<Observation> seen{
      {"s#b", "/messages", 200, core::StreamDialect::messages, {"message_start", "vendor_event"}},
      {"s#b", "/chat/completions", 500, core::StreamDialect::none, {}},
      {"s#a", "/chat/completions", 429, core::StreamDialect::none, {}},
      {"s#a", "/messages", 200, core::StreamDialect::messages, {"message_start"}},
      {"s#a", "/chat/completions", 200, core::StreamDialect::none, {}},
  };
  cover_observed(*report, {suite}, seen);
  const auto& statuses = *report->find(kCoverageStatuses);
  EXPECT_EQ(statuses.covered(), 1u);  // 429 only: the declared 408 is forgotten
  for (const auto& i : statuses.items) EXPECT_EQ(i.covered(), i.name == "429") << i.name;
  ASSERT_EQ(statuses.extra.size(), 1u);
  EXPECT_EQ(statuses.extra[0].name, "500");
  EXPECT_EQ(statuses.basis.rfind("observed:", 0), 0u);
  const auto& events = *report->find(kCoverageEvents);
  for (const auto& i : events.items) {
    if (i.name == "message_start") {
      EXPECT_EQ(i.cases, (Names{"s#a", "s#b"}));
    }
  }
  ASSERT_EQ(events.extra.size(), 1u);  // not in messages/stream_event.json's list
  EXPECT_EQ(events.extra[0].group, "messages");
  EXPECT_EQ(events.extra[0].name, "vendor_event");
}

}  // namespace
}  // namespace siraya::harness
