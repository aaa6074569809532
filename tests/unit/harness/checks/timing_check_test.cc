// timing.* checks: figures from arrival times, limits from expect.timing, and buffering judged
// from the read structure (never from durations).
#include "harness/checks/timing_check.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace siraya::harness {
namespace {

using std::chrono::microseconds;
using std::chrono::milliseconds;

// A streamed response: one read per entry (its arrival in ms), each completing one event, unless
// `events_per_read` says otherwise.
struct Stream {
  core::http::Response response;
  std::vector<core::sse::Event> events;
};

Stream stream(const std::vector<long>& read_ms, const std::vector<std::size_t>& events_per_read = {}) {
  Stream s;
  s.response.status = 200;
  s.response.headers = {{"Content-Type", "text/event-stream"}};
  s.response.first_byte = milliseconds(read_ms.empty() ? 0 : read_ms.front() / 2);
  for (std::size_t i = 0; i < read_ms.size(); ++i) {
    const auto at = std::chrono::duration_cast<std::chrono::nanoseconds>(milliseconds(read_ms[i]));
    const std::size_t n = events_per_read.empty() ? 1 : events_per_read[i];
    std::string bytes;
    for (std::size_t k = 0; k < n; ++k) {
      core::sse::Event e;
      e.data = "{}";
      e.index = s.events.size();
      e.arrival = at;
      s.events.push_back(e);
      bytes += "data: {}\n\n";
    }
    s.response.chunks.push_back({bytes, at});
    s.response.body += bytes;
    s.response.total = at;
  }
  return s;
}

bool has(const core::Findings& f, const std::string& id) {
  return std::any_of(f.begin(), f.end(), [&](const core::Finding& x) { return x.id == id; });
}

TEST(TimingCheck, RecordsFiguresOfAStream) {
  auto s = stream({10, 12, 40, 45});
  auto v = check_timing(s.response, &s.events, {});
  EXPECT_EQ(v.timing.first_byte, microseconds(5000));
  EXPECT_EQ(v.timing.first_event, microseconds(10000));
  EXPECT_EQ(v.timing.max_gap, microseconds(28000));
  EXPECT_EQ(v.timing.total, microseconds(45000));
  EXPECT_EQ(v.timing.events, 4u);
  EXPECT_EQ(v.timing.reads, 4u);
  EXPECT_TRUE(v.findings.empty());
  EXPECT_EQ(to_string(v.timing), "ttfb 5.0 ms, first event 10.0 ms, max gap 28.0 ms, total 45.0 ms (4 events in 4 reads)");
}

TEST(TimingCheck, ABufferedResponseHasNoStreamFigures) {
  core::http::Response r;
  r.first_byte = milliseconds(3);
  r.total = milliseconds(4);
  auto v = check_timing(r, nullptr, {});
  EXPECT_FALSE(v.timing.first_event);
  EXPECT_FALSE(v.timing.max_gap);
  EXPECT_TRUE(v.findings.empty());
  EXPECT_EQ(to_string(v.timing), "ttfb 3.0 ms, total 4.0 ms");
}

TEST(TimingCheck, LimitsPassWhenMetAndFailWhenExceeded) {
  auto s = stream({10, 12, 40, 45});
  TimingLimits loose{100, 100, 100};
  EXPECT_TRUE(check_timing(s.response, &s.events, loose).findings.empty());

  TimingLimits tight{4, 20, 44};
  auto v = check_timing(s.response, &s.events, tight);
  ASSERT_EQ(v.findings.size(), 3u);
  EXPECT_EQ(v.findings[0].id, "timing.ttfb");
  EXPECT_EQ(v.findings[1].id, "timing.gap");
  EXPECT_EQ(v.findings[1].location, "event 2");
  EXPECT_NE(v.findings[1].what.find("events 1 and 2 arrived 28.0 ms apart"), std::string::npos) << v.findings[1].what;
  EXPECT_NE(v.findings[1].what.find("allows 20 ms"), std::string::npos);
  EXPECT_EQ(v.findings[2].id, "timing.total");
  for (const auto& f : v.findings) EXPECT_EQ(f.severity, core::Severity::error);
}

TEST(TimingCheck, FirstEventLimitPassesWhenMetAndFailsWhenExceeded) {
  auto s = stream({10, 12, 40, 45});
  TimingLimits loose;
  loose.max_first_event_ms = 10;
  EXPECT_TRUE(check_timing(s.response, &s.events, loose).findings.empty());
  TimingLimits tight;
  tight.max_first_event_ms = 9;
  auto v = check_timing(s.response, &s.events, tight);
  ASSERT_EQ(v.findings.size(), 1u);
  EXPECT_EQ(v.findings[0].id, "timing.first_event");
  EXPECT_EQ(v.findings[0].location, "event 0");
  EXPECT_NE(v.findings[0].what.find("after 10.0 ms"), std::string::npos) << v.findings[0].what;
  core::http::Response buffered;
  buffered.total = milliseconds(50);
  EXPECT_TRUE(check_timing(buffered, nullptr, tight).findings.empty()) << "not a stream: no first event";
}

TEST(TimingCheck, GapLimitIgnoresResponsesThatAreNotStreams) {
  core::http::Response r;
  r.total = milliseconds(50);
  EXPECT_TRUE(check_timing(r, nullptr, TimingLimits{std::nullopt, 1, std::nullopt}).findings.empty());
}

TEST(TimingCheck, EventByEventIsNotBuffered) {
  // Arrival times close together are fine: a fast local server streams in microseconds.
  auto s = stream({1, 1, 1, 2});
  s.response.chunks[1].arrival += std::chrono::nanoseconds(1);
  s.events[1].arrival += std::chrono::nanoseconds(1);
  EXPECT_FALSE(has(check_timing(s.response, &s.events, {}).findings, "timing.buffered"));
}

TEST(TimingCheck, AllEventsInOneReadIsBuffered) {
  auto s = stream({30}, {5});
  auto v = check_timing(s.response, &s.events, {});
  ASSERT_TRUE(has(v.findings, "timing.buffered"));
  EXPECT_EQ(v.findings.front().severity, core::Severity::warning);
  EXPECT_NE(v.findings.front().what.find("all 5 events arrived in one read at 30.0 ms"), std::string::npos)
      << v.findings.front().what;
}

TEST(TimingCheck, FirstEventOnlyWithTheLastReadIsBuffered) {
  // A keep-alive comment first, then the whole stream at the end.
  auto s = stream({30}, {3});
  s.response.chunks.insert(s.response.chunks.begin(), core::http::Chunk{": keep-alive\n\n", std::chrono::milliseconds(1)});
  auto v = check_timing(s.response, &s.events, {});
  ASSERT_TRUE(has(v.findings, "timing.buffered"));
  EXPECT_NE(v.findings.front().what.find("the body's last of 2 reads"), std::string::npos) << v.findings.front().what;
}

TEST(TimingCheck, ContentLengthOnAStreamIsBuffered) {
  auto s = stream({1, 2, 3});
  s.response.headers.emplace_back("Content-Length", "30");
  auto v = check_timing(s.response, &s.events, {});
  ASSERT_TRUE(has(v.findings, "timing.buffered"));
  EXPECT_EQ(v.findings.front().location, "header content-length");
}

TEST(TimingCheck, ASingleEventCannotShowBuffering) {
  auto s = stream({5});
  EXPECT_TRUE(check_timing(s.response, &s.events, {}).findings.empty());
}

}  // namespace
}  // namespace siraya::harness
