#include "harness/checks/catalog.h"

#include <algorithm>
#include <array>

namespace siraya::harness {

namespace {
using core::Severity;
constexpr Severity E = Severity::error;
constexpr Severity W = Severity::warning;
constexpr Severity I = Severity::info;

// id, lenient, standard, strict, summary
constexpr std::array kChecks{
    CheckInfo{"status.mismatch", E, E, E, "HTTP status differs from the case's expect.status"},
    CheckInfo{"header.mismatch", E, E, E, "a response header is missing, present when it must not be, or does not match"},
    CheckInfo{"body.content_type", E, E, E, "a JSON response without an application/json media type (openai-node then returns a string)"},
    CheckInfo{"body.truncated", E, E, E, "the connection closed before the body was complete"},
    CheckInfo{"body.invalid_json", E, E, E, "the response body is not JSON"},
    CheckInfo{"schema.response", E, E, E, "the response body violates the endpoint's response schema"},
    CheckInfo{"schema.error", E, E, E, "an error response violates the documented error envelope"},
    CheckInfo{"schema.stream_event", W, E, E, "a stream event violates its schema"},
    CheckInfo{"envelope.code_mismatch", W, E, E, "error.code is not the HTTP status"},
    CheckInfo{"envelope.type_mismatch", E, E, E, "error.type differs from the case's expectation"},
    CheckInfo{"envelope.param_mismatch", E, E, E, "error.param differs from the case's expectation"},
    CheckInfo{"envelope.message_mismatch", E, E, E, "error.message does not match the case's pattern"},
    CheckInfo{"assert.failed", E, E, E, "a case assertion over the body does not hold"},
    CheckInfo{"sse.content_type", E, E, E, "a stream without Content-Type text/event-stream"},
    CheckInfo{"sse.unterminated_event", E, E, E, "the stream ended inside an event (no closing blank line); the event is lost"},
    CheckInfo{"sse.empty_data", E, E, E, "an event without data; SDKs JSON-parse \"\" and throw"},
    CheckInfo{"sse.multiline_data", W, W, E, "one event spread over several data: lines; naive parsers break"},
    CheckInfo{"sse.invalid_utf8", E, E, E, "stream bytes that are not UTF-8"},
    CheckInfo{"sse.unknown_field", I, I, W, "an SSE field other than event, data, id, retry"},
    CheckInfo{"sse.chat.empty", E, E, E, "a chat stream with no chunk at all"},
    CheckInfo{"sse.chat.invalid_json", E, E, E, "a chat data event that is neither JSON nor [DONE]"},
    CheckInfo{"sse.chat.not_object", E, E, E, "a chat chunk that is not a JSON object"},
    CheckInfo{"sse.chat.event_field", W, W, E, "an event: line in a chat stream, which is data-only"},
    CheckInfo{"sse.chat.done_missing", W, E, E, "the stream ended without data: [DONE]"},
    CheckInfo{"sse.chat.done_repeated", E, E, E, "more than one data: [DONE]"},
    CheckInfo{"sse.chat.after_done", E, E, E, "an event after data: [DONE]"},
    CheckInfo{"sse.chat.choices_missing", E, E, E, "a chunk without a choices array (openai-node crashes)"},
    CheckInfo{"sse.chat.id_changed", W, E, E, "a chunk's id differs from the first chunk's"},
    CheckInfo{"sse.chat.created_changed", W, E, E, "a chunk's created differs from the first chunk's"},
    CheckInfo{"sse.chat.model_changed", W, E, E, "a chunk's model differs from the first chunk's"},
    CheckInfo{"sse.chat.choice_index", E, E, E, "a choice index that is missing, negative or not below n"},
    CheckInfo{"sse.chat.role_missing", W, E, E, "a choice whose first delta has no role (openai-node: missing role)"},
    CheckInfo{"sse.chat.role_repeated", W, E, E, "role sent again after a choice's first delta"},
    CheckInfo{"sse.chat.finish_reason_missing", E, E, E, "a choice that never gets a non-null finish_reason"},
    CheckInfo{"sse.chat.finish_reason_repeated", E, E, E, "a choice with more than one non-null finish_reason"},
    CheckInfo{"sse.chat.after_finish", E, E, E, "a delta for a choice after its finish_reason"},
    CheckInfo{"sse.chat.tool_call_start", E, E, E, "the first delta of a tool call lacks id, type or function.name"},
    CheckInfo{"sse.chat.tool_call_identity", E, E, E, "a tool call's id, type or name changes between deltas"},
    CheckInfo{"sse.chat.tool_call_arguments", E, E, E, "a tool call's concatenated arguments are not valid JSON"},
    CheckInfo{"sse.chat.usage_missing", W, E, E, "stream_options.include_usage was set but no chunk carried usage"},
    CheckInfo{"sse.chat.usage_misplaced", W, E, E, "usage on a chunk that is neither the final usage chunk nor a finish chunk, or a chunk after the usage chunk"},
    CheckInfo{"sse.chat.usage_sum", E, E, E, "usage.total_tokens is not prompt_tokens + completion_tokens"},
    CheckInfo{"sse.chat.error_chunk", E, E, E, "an in-stream error chunk: the upstream failed after HTTP 200"},
};
}  // namespace

std::span<const CheckInfo> check_catalog() { return kChecks; }

const CheckInfo* find_check(std::string_view id) {
  auto it = std::find_if(kChecks.begin(), kChecks.end(), [&](const CheckInfo& c) { return c.id == id; });
  return it == kChecks.end() ? nullptr : &*it;
}

void apply_profile(core::Findings& findings, Profile profile) {
  for (auto& f : findings) {
    const CheckInfo* info = find_check(f.id);
    if (info == nullptr) continue;
    switch (profile) {
      case Profile::lenient: f.severity = info->lenient; break;
      case Profile::standard: f.severity = info->standard; break;
      case Profile::strict: f.severity = info->strict; break;
    }
  }
}

std::optional<Profile> parse_profile(std::string_view name) {
  for (auto p : {Profile::lenient, Profile::standard, Profile::strict}) {
    if (to_string(p) == name) return p;
  }
  return std::nullopt;
}

std::string_view to_string(Profile p) {
  switch (p) {
    case Profile::lenient: return "lenient";
    case Profile::standard: return "standard";
    case Profile::strict: return "strict";
  }
  return "standard";
}

}  // namespace siraya::harness
