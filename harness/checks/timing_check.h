#pragma once
// Timing figures of one response and the timing.* checks (harness/checks/catalog.cc):
//  - timing.ttfb / timing.gap / timing.total: a limit the case set in expect.timing was exceeded;
//  - timing.buffered: a stream that arrived buffered instead of event by event, which defeats the
//    point of streaming (reference README §5: events are flushed as they are produced). Judged from
//    the read structure, never from durations, so that a fast local server is not flagged: a stream
//    of two or more events is buffered when every event was completed by one read (the whole stream
//    at once, or the first event only with the body's last read), or when it carried a
//    Content-Length, which a server can only know once the whole stream exists.
#include <vector>

#include "core/finding.h"
#include "core/http/client.h"
#include "core/sse/event.h"
#include "harness/checks/timing.h"
#include "harness/suite/suite.h"

namespace siraya::harness {

struct TimingVerdict {
  Timing timing;
  core::Findings findings;
};

// `events` are the decoded events of a stream (their arrival is the read that completed them);
// nullptr for a response that is not judged as a stream.
TimingVerdict check_timing(const core::http::Response& response, const std::vector<core::sse::Event>* events,
                           const TimingLimits& limits);

}  // namespace siraya::harness
