#pragma once
// fault=error: the upstream fails after HTTP 200, so the error travels inside the stream in the
// dialect's form (reference README §4.4):
//   chat       an error chunk (top-level "error", finish_reason "error"), then data: [DONE]
//              (chat-completions.md §8.6);
//   responses  `error` in the superset form, then `response.failed`, then data: [DONE]
//              (responses.md §7);
//   messages   `event: error` with the superset body, then the end of the stream (messages.md §7.6).
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/endpoints.h"

namespace siraya::mock::faults {

// The frames that replace events[at...] of a stream the mock planned (`events` are encoded SSE
// frames; ids, model, created and sequence numbers are read from them). `status` is the error's
// code (the HTTP status it would have had), `request_id` goes into the messages body.
std::vector<std::string> in_stream_error_frames(core::StreamDialect dialect, const std::vector<std::string>& events,
                                                std::size_t at, int status, std::string_view request_id);

}  // namespace siraya::mock::faults
