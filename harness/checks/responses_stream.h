#pragma once
// The /v1/responses stream state machine (reference responses.md §6, §7, §8): event: name equals
// the JSON type, sequence_number contiguous from 0, response.created first, output items and
// content parts added in order and closed by their done events (matched by output_index,
// item_id and content_index), deltas adding up to the done texts and arguments, exactly one
// terminal event and nothing after it but data: [DONE], and the in-stream error event.
// It also yields the response a client ends with: the terminal event's response, or one built
// from the events when the stream has no terminal event.
#include <vector>

#include <nlohmann/json.hpp>

#include "core/finding.h"
#include "core/sse/event.h"

namespace siraya::core::schema {
class Registry;
}

namespace siraya::harness {

struct ResponsesStreamOptions {
  // Validates each event against "responses/stream_event.json" when set.
  const core::schema::Registry* schemas = nullptr;
};

struct ResponsesStreamResult {
  core::Findings findings;     // severities are the catalog's defaults; the runner applies the profile
  nlohmann::json accumulated;  // the final Response object (responses.md §5), or null for an empty stream
};

ResponsesStreamResult check_responses_stream(const std::vector<core::sse::Event>& events,
                                             const ResponsesStreamOptions& options);

}  // namespace siraya::harness
