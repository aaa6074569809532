#pragma once
// The event kinds a stream shows, for the event-type dimension of coverage. Responses and
// Messages events name themselves (their JSON "type", else their event: field); chat chunks have
// no type (chat-completions.md §8), so a chunk counts as the kinds of content it carries.
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "core/endpoints.h"
#include "core/sse/event.h"

namespace siraya::harness {

// The chat chunk kinds: a delta with a role, a delta with non-empty content, a delta with tool
// calls, a choice with a finish_reason, a chunk with usage, an in-stream error chunk.
inline constexpr std::array<std::string_view, 6> kChatChunkKinds{"role", "content", "tool_calls",
                                                                 "finish", "usage", "error"};

// The kinds of one event of `dialect` (none for data: [DONE], data that is not JSON, or a
// dialect of none).
std::vector<std::string> event_kinds(core::StreamDialect dialect, const core::sse::Event& event);

// The kinds of every event, in first-seen order without repeats.
std::vector<std::string> stream_kinds(core::StreamDialect dialect, const std::vector<core::sse::Event>& events);

}  // namespace siraya::harness
