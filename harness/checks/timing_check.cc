#include "harness/checks/timing_check.h"

#include <cstdio>
#include <set>

namespace siraya::harness {

namespace {

using std::chrono::duration_cast;
using std::chrono::microseconds;

std::string limit_text(long ms) { return "the case allows " + std::to_string(ms) + " ms (expect.timing)"; }

bool over(microseconds value, const std::optional<long>& limit_ms) {
  return limit_ms && value > std::chrono::milliseconds(*limit_ms);
}

// reference README §5 rules 7 and 8: flush after every event, no Content-Length, no gzip.
constexpr const char* kFlushFix =
    "flush each event as it is produced, send no Content-Length, and keep proxies from buffering or "
    "compressing text/event-stream (nginx: proxy_buffering off or X-Accel-Buffering: no); "
    "reference README §5 rules 7-8";

void check_buffered(const core::http::Response& response, const std::vector<core::sse::Event>& events,
                    core::Findings& out) {
  if (events.size() < 2) return;
  const std::string count = std::to_string(events.size()) + " events";
  if (auto length = response.header("content-length")) {
    out.push_back({"timing.buffered", core::Severity::warning, "header content-length",
                   "the stream of " + count + " carried Content-Length: " + *length +
                       ", so it was complete before the first byte was sent",
                   kFlushFix});
    return;
  }
  std::set<std::chrono::nanoseconds::rep> instants;
  for (const auto& e : events) instants.insert(e.arrival.count());
  if (instants.size() != 1) return;
  const auto at = format_ms(duration_cast<microseconds>(events.front().arrival));
  const bool at_end = !response.chunks.empty() && response.chunks.back().arrival == events.front().arrival &&
                      response.chunks.size() > 1;
  std::string what = "all " + count + " arrived in one read at " + at + " ms";
  if (at_end) what += ", the body's last of " + std::to_string(response.chunks.size()) + " reads";
  out.push_back({"timing.buffered", core::Severity::warning, "stream", what + ": the stream was buffered", kFlushFix});
}

}  // namespace

std::string format_ms(microseconds d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", static_cast<double>(d.count()) / 1000.0);
  return buf;
}

std::string to_string(const Timing& t) {
  std::string out = "ttfb " + format_ms(t.first_byte) + " ms";
  if (t.first_event) out += ", first event " + format_ms(*t.first_event) + " ms";
  if (t.max_gap) out += ", max gap " + format_ms(*t.max_gap) + " ms";
  out += ", total " + format_ms(t.total) + " ms";
  if (t.first_event) {
    out += " (" + std::to_string(t.events) + (t.events == 1 ? " event in " : " events in ") + std::to_string(t.reads) +
           (t.reads == 1 ? " read)" : " reads)");
  }
  return out;
}

double to_ms(microseconds d) { return static_cast<double>(d.count()) / 1000.0; }

TimingVerdict check_timing(const core::http::Response& response, const std::vector<core::sse::Event>* events,
                           const TimingLimits& limits) {
  TimingVerdict v;
  Timing& t = v.timing;
  t.first_byte = duration_cast<microseconds>(response.first_byte);
  t.total = duration_cast<microseconds>(response.total);
  std::size_t gap_after = 0;  // index of the event that ends the largest gap
  if (events != nullptr) {
    t.events = events->size();
    t.reads = response.chunks.size();
    if (!events->empty()) t.first_event = duration_cast<microseconds>(events->front().arrival);
    for (std::size_t i = 1; i < events->size(); ++i) {
      const auto gap = duration_cast<microseconds>((*events)[i].arrival - (*events)[i - 1].arrival);
      if (!t.max_gap || gap > *t.max_gap) {
        t.max_gap = gap;
        gap_after = i;
      }
    }
  }

  if (over(t.first_byte, limits.max_ttfb_ms)) {
    v.findings.push_back({"timing.ttfb", core::Severity::error, "timing",
                          "response headers after " + format_ms(t.first_byte) + " ms; " +
                              limit_text(*limits.max_ttfb_ms),
                          "send the response headers as soon as the request is accepted, before the first token"});
  }
  if (events != nullptr && t.first_event && over(*t.first_event, limits.max_first_event_ms)) {
    v.findings.push_back({"timing.first_event", core::Severity::error, "event 0",
                          "the first event was complete after " + format_ms(*t.first_event) + " ms; " +
                              limit_text(*limits.max_first_event_ms),
                          "send the first event as soon as the first token is ready; flush it at once"});
  }
  if (events != nullptr && t.max_gap && over(*t.max_gap, limits.max_gap_ms)) {
    v.findings.push_back({"timing.gap", core::Severity::error, "event " + std::to_string(gap_after),
                          "events " + std::to_string(gap_after - 1) + " and " + std::to_string(gap_after) +
                              " arrived " + format_ms(*t.max_gap) + " ms apart; " + limit_text(*limits.max_gap_ms),
                          "flush events as they are produced; long silences trip client idle timeouts"});
  }
  if (over(t.total, limits.max_total_ms)) {
    v.findings.push_back({"timing.total", core::Severity::error, "timing",
                          "body complete after " + format_ms(t.total) + " ms; " + limit_text(*limits.max_total_ms),
                          "answer faster, or raise expect.timing.max_total_ms if the limit is too tight for "
                          "this target"});
  }
  if (events != nullptr) check_buffered(response, *events, v.findings);
  return v;
}

}  // namespace siraya::harness
