#pragma once
// The chat-completions stream state machine (reference chat-completions.md §8, §9): ordering,
// identity, per-choice role / finish_reason pairing, tool-call fragments, usage placement and
// sums, [DONE], the in-stream error chunk. It also accumulates the deltas into the message a
// client would end up with, so the same assertions apply to streamed and buffered answers.
#include <vector>

#include <nlohmann/json.hpp>

#include "core/finding.h"
#include "core/sse/event.h"

namespace siraya::core::schema {
class Registry;
}

namespace siraya::harness {

struct ChatStreamOptions {
  // The request body, when known: "n" bounds the choice indices and
  // "stream_options.include_usage" makes the usage chunk mandatory.
  const nlohmann::json* request = nullptr;
  // Validates each chunk against "chat/chat_chunk.json" when set.
  const core::schema::Registry* schemas = nullptr;
};

struct ChatStreamResult {
  core::Findings findings;  // severities are the catalog's defaults; the runner applies the profile
  nlohmann::json accumulated;  // {"id","object","created","model","choices":[{index,message,finish_reason}],"usage"}
};

ChatStreamResult check_chat_stream(const std::vector<core::sse::Event>& events,
                                   const ChatStreamOptions& options);

}  // namespace siraya::harness
