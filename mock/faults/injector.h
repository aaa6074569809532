#pragma once
// Step 7 of the request pipeline (design.md): fault directives transform a response plan that the
// endpoint built (and strict mode checked); the transport honours the timing and the ending.
//
// Where a fault happens, n = `after` (clamped so that the fault always shows):
//   truncate       streams: the first n events (default: half of them), then a proper end of the
//                  body; buffered: Content-Length of the whole body, half of it, then close.
//   drop-terminal  streams: without data: [DONE] (chat, responses) or message_stop (messages).
//   malformed      streams: event n (default: the middle one) with its JSON cut in half;
//                  buffered: the body cut in half (a complete HTTP response with invalid JSON).
//   error          streams: events before n (default: half), then in_stream_error_frames().
//   close|reset|stall  without after: before the status line; streams with after: after n events.
#include <cstdint>
#include <string_view>

#include "core/endpoints.h"
#include "core/result.h"
#include "mock/faults/directives.h"
#include "mock/http/response_plan.h"

namespace siraya::mock::faults {

// Applies delay, interval and jitter (seeded by `seed`: the same request gets the same gaps),
// x-should-retry and the fault to `plan`. An error plan (status >= 400) keeps its body and only
// gets the delay, the header and close/reset/stall without `after`. Error id mock.fault_directive when a
// directive needs a stream (interval, jitter, after, drop-terminal, error) and `plan` is a buffered
// 2xx; `plan` is unchanged then.
core::Result<void> inject(const Directives& directives, core::StreamDialect dialect, std::string_view request_id,
                          std::uint64_t seed, ResponsePlan& plan);

}  // namespace siraya::mock::faults
