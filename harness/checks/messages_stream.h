#pragma once
// The /v1/messages stream state machine (reference messages.md §7, §8, §9): every event named by
// an event: line equal to its JSON type (the Anthropic SDKs dispatch by name and drop the rest),
// message_start once and first, content blocks started, delta'd with the matching delta kind and
// stopped in index order from 0, tool input fragments adding up to a JSON object, message_delta
// (with usage and stop_reason) before message_stop, message_stop last, and the error event.
// It also accumulates the message a client ends with, as the SDKs' finalMessage() does.
#include <vector>

#include <nlohmann/json.hpp>

#include "core/finding.h"
#include "core/sse/event.h"

namespace siraya::core::schema {
class Registry;
}

namespace siraya::harness {

struct MessagesStreamOptions {
  // Validates each event against "messages/stream_event.json" when set.
  const core::schema::Registry* schemas = nullptr;
};

struct MessagesStreamResult {
  core::Findings findings;     // severities are the catalog's defaults; the runner applies the profile
  nlohmann::json accumulated;  // the Message (messages.md §5) built from the events, or null without message_start
};

MessagesStreamResult check_messages_stream(const std::vector<core::sse::Event>& events,
                                           const MessagesStreamOptions& options);

}  // namespace siraya::harness
