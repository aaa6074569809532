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
    CheckInfo{"contract.tool_unknown", E, E, E, "a tool call of a tool the request does not offer"},
    CheckInfo{"contract.tool_arguments", E, E, E, "tool call arguments that are not a JSON object, or violate the parameter schema of a strict tool"},
    CheckInfo{"contract.tool_arguments_nonstrict", I, W, E, "tool call arguments that violate the parameter schema of a tool not marked strict (models may stray from it)"},
    CheckInfo{"contract.tool_choice", W, E, E, "tool_choice not obeyed: a call under none, another tool than the named one, no call under required / any / named"},
    CheckInfo{"contract.parallel_tool_calls", W, E, E, "several tool calls although parallel_tool_calls is false or disable_parallel_tool_use is true"},
    CheckInfo{"contract.structured_output", E, E, E, "structured output (json_object, or a strict json_schema) that is not JSON or violates the request's schema"},
    CheckInfo{"contract.structured_output_nonstrict", I, W, E, "output for a json_schema not marked strict that violates the schema (models may stray from it)"},
    CheckInfo{"contract.choice_count", E, E, E, "a chat completion whose number of choices is not the request's n"},
    CheckInfo{"contract.stop_sequence", E, E, E, "stop_reason stop_sequence with a stop_sequence that is not one of the request's stop_sequences"},
    CheckInfo{"stream.error_missing", E, E, E, "a case with expect.stream_error whose stream carried no in-stream error"},
    CheckInfo{"parity.mismatch", W, E, E, "with --parity: the same request with stream flipped reports another model, ending (finish_reason, status, stop_reason) or tool calls"},
    CheckInfo{"compare.error", E, E, E, "with --compare-with: the case could be judged on one target but not on the other (a transport error, ...)"},
    CheckInfo{"compare.status", E, E, E, "with --compare-with: the two targets answer a step with different HTTP statuses"},
    CheckInfo{"compare.events", E, E, E, "with --compare-with: the streams' event kinds differ in order (runs of one kind count once)"},
    CheckInfo{"compare.ending", E, E, E, "with --compare-with: another finish_reason, responses status or stop_reason"},
    CheckInfo{"compare.tools", E, E, E, "with --compare-with: other tools called, or in another order"},
    CheckInfo{"compare.checks", E, E, E, "with --compare-with: a check fails on one target and passes on the other"},
    CheckInfo{"usage.total_mismatch", E, E, E, "total_tokens is not the sum of the prompt / input and completion / output counts, or reasoning tokens exceed the completion / output count"},
    CheckInfo{"capture.missing", E, E, E, "a step's capture found no value (body pointer, header or stream event), so later steps cannot run"},
    CheckInfo{"capability.unsupported", E, E, E, "with --strict-capabilities: the case requires a capability the target lacks (otherwise the case is skipped)"},
    CheckInfo{"trials.failed", E, E, E, "fewer runs of a case with trials passed than its min_passes"},
    CheckInfo{"trials.passed", I, I, I, "how many runs of a case with trials passed (k of n)"},
    CheckInfo{"timing.ttfb", E, E, E, "the response headers came later than the case's expect.timing.max_ttfb_ms"},
    CheckInfo{"timing.first_event", E, E, E, "the first stream event came later than the case's expect.timing.max_first_event_ms"},
    CheckInfo{"timing.gap", E, E, E, "two consecutive stream events further apart than the case's expect.timing.max_gap_ms"},
    CheckInfo{"timing.total", E, E, E, "the body was complete later than the case's expect.timing.max_total_ms"},
    CheckInfo{"timing.buffered", W, W, W, "a stream that arrived buffered: every event in one read, or with a Content-Length"},
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
    CheckInfo{"sse.responses.empty", E, E, E, "a responses stream with no event at all (openai-node: request ended without sending any events)"},
    CheckInfo{"sse.responses.invalid_json", E, E, E, "a responses data event that is neither a JSON object nor [DONE]"},
    CheckInfo{"sse.responses.not_object", E, E, E, "a responses event whose JSON is not an object"},
    CheckInfo{"sse.responses.type_missing", E, E, E, "a responses event without a string type"},
    CheckInfo{"sse.responses.event_field_missing", W, E, E, "a responses event without an event: line (OpenResponses requires it; the OpenAI SDKs do not need it)"},
    CheckInfo{"sse.responses.event_field_mismatch", W, E, E, "a responses event whose event: name differs from its JSON type"},
    CheckInfo{"sse.responses.sequence_missing", W, E, E, "a responses event without an integer sequence_number (early-2025 and third-party streams)"},
    CheckInfo{"sse.responses.sequence_order", W, E, E, "a sequence_number not greater than the previous one"},
    CheckInfo{"sse.responses.sequence_gap", W, E, E, "sequence_number not starting at 0 or skipping a number (a resumed stream starts later)"},
    CheckInfo{"sse.responses.created_first", E, E, E, "the first event is not response.created (openai-node: expected 'response.created' event)"},
    CheckInfo{"sse.responses.created_missing", W, E, E, "the stream starts with response.queued and never sends response.created, as a resumed stream does"},
    CheckInfo{"sse.responses.lifecycle_order", W, E, E, "response.created sent more than once"},
    CheckInfo{"sse.responses.item_order", E, E, E, "output_item.added whose output_index is not the current output length (openai-node: missing output at index N)"},
    CheckInfo{"sse.responses.item_id", E, E, E, "an output item without a non-empty id (call_id for function_call), or a duplicate id / call_id"},
    CheckInfo{"sse.responses.item_ref", E, E, E, "an item event for an output_index never added, with an item_id not matching output[output_index].id, or after the item's done"},
    CheckInfo{"sse.responses.item_done", E, E, E, "output_item.done repeated or changing the item's type, id or call_id"},
    CheckInfo{"sse.responses.item_not_done", W, E, E, "response.completed while an output item never got output_item.done"},
    CheckInfo{"sse.responses.part_order", E, E, E, "content_part.added whose content_index is not the item's part count"},
    CheckInfo{"sse.responses.part_ref", E, E, E, "a text/refusal/part event for a content part never added or of the wrong type (openai-node: missing content at index N)"},
    CheckInfo{"sse.responses.part_done", W, E, E, "a content part without exactly one content_part.done before its output_item.done"},
    CheckInfo{"sse.responses.text_mismatch", E, E, E, "output_text.done / content_part.done / output_item.done text differs from the concatenated deltas"},
    CheckInfo{"sse.responses.arguments_mismatch", E, E, E, "function_call_arguments.done or output_item.done arguments differ from the concatenated deltas"},
    CheckInfo{"sse.responses.arguments_json", E, E, E, "function call arguments that are not valid JSON"},
    CheckInfo{"sse.responses.terminal_missing", E, E, E, "no response.completed, response.failed or response.incomplete"},
    CheckInfo{"sse.responses.terminal_repeated", E, E, E, "more than one terminal event"},
    CheckInfo{"sse.responses.terminal_status", W, E, E, "the terminal event's response.status does not match it (completed / failed / incomplete)"},
    CheckInfo{"sse.responses.after_terminal", W, E, E, "an event other than data: [DONE] after the terminal event"},
    CheckInfo{"sse.responses.output_mismatch", W, E, E, "response.completed's output differs from the items the stream built"},
    CheckInfo{"sse.responses.done_missing", I, W, E, "no data: [DONE] after the terminal event (OpenResponses requires it; OpenAI sends none)"},
    CheckInfo{"sse.responses.done_sent", I, I, I, "a data: [DONE] after the terminal event (OpenResponses requires it, OpenAI sends none); a target profile's severities can forbid it"},
    CheckInfo{"sse.responses.done_repeated", E, E, E, "more than one data: [DONE]"},
    CheckInfo{"sse.responses.after_done", E, E, E, "an event after data: [DONE]"},
    CheckInfo{"sse.responses.unknown_event", I, I, W, "an event type the checker does not know (vendor or new event types; openai-node's stream helper throws on types outside its list)"},
    CheckInfo{"sse.responses.error_event", E, E, E, "an in-stream error event: the upstream failed after HTTP 200"},
    CheckInfo{"sse.messages.empty", E, E, E, "a messages stream with no event at all (SDK: request ended without sending any chunks)"},
    CheckInfo{"sse.messages.invalid_json", E, E, E, "a messages data event that is not a JSON object"},
    CheckInfo{"sse.messages.not_object", E, E, E, "a messages event whose JSON is not an object"},
    CheckInfo{"sse.messages.type_missing", E, E, E, "a messages event without a string type"},
    CheckInfo{"sse.messages.event_field_missing", E, E, E, "a messages event without an event: line (the Anthropic SDKs drop it)"},
    CheckInfo{"sse.messages.event_field_mismatch", E, E, E, "a messages event whose event: name differs from its JSON type (the SDKs dispatch by name)"},
    CheckInfo{"sse.messages.done_sentinel", I, I, W, "a trailing data-only [DONE], which Anthropic does not send and the SDKs ignore"},
    CheckInfo{"sse.messages.start_first", E, E, E, "an event other than ping before message_start (SDK: Unexpected event order)"},
    CheckInfo{"sse.messages.start_repeated", E, E, E, "a second message_start"},
    CheckInfo{"sse.messages.usage_missing", E, E, E, "message_start.message or message_delta without usage (the SDK reads usage.output_tokens)"},
    CheckInfo{"sse.messages.block_index", E, E, E, "content_block_start whose index is not the next block number from 0"},
    CheckInfo{"sse.messages.block_order", W, E, E, "a block started before the previous block stopped"},
    CheckInfo{"sse.messages.block_ref", E, E, E, "a delta or stop for a block never started or already stopped"},
    CheckInfo{"sse.messages.block_start_field", E, E, E, "a text block without text \"\", thinking without thinking \"\", or tool_use without id, name, input"},
    CheckInfo{"sse.messages.block_not_stopped", W, E, E, "a block that never gets content_block_stop"},
    CheckInfo{"sse.messages.delta_type", E, E, E, "a delta whose kind does not match its block (text_delta for text, input_json_delta for tool_use, ...)"},
    CheckInfo{"sse.messages.tool_input_json", E, E, E, "a tool_use block's concatenated partial_json is not a JSON object"},
    CheckInfo{"sse.messages.message_delta_missing", W, E, E, "message_stop without a message_delta before it"},
    CheckInfo{"sse.messages.message_delta_repeated", W, E, E, "more than one message_delta"},
    CheckInfo{"sse.messages.stop_reason_missing", W, E, E, "message_delta without a non-null stop_reason"},
    CheckInfo{"sse.messages.stop_reason_tool_use", W, E, E, "stop_reason end_turn/stop_sequence after a tool_use block, or tool_use without one"},
    CheckInfo{"sse.messages.usage_decreased", W, W, E, "message_delta output_tokens below message_start's (counts are cumulative)"},
    CheckInfo{"sse.messages.stop_missing", E, E, E, "the stream ended without message_stop and without an error event (SDK: no Message produced)"},
    CheckInfo{"sse.messages.after_stop", W, E, E, "an event other than ping after message_stop"},
    CheckInfo{"sse.messages.unknown_event", I, I, W, "an event type the checker does not know (ignored by the Anthropic SDKs)"},
    CheckInfo{"sse.messages.error_event", E, E, E, "an in-stream error event: the upstream failed after HTTP 200"},
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

void apply_overrides(core::Findings& findings, const SeverityOverrides& overrides) {
  if (overrides.empty()) return;
  for (auto& f : findings) {
    if (auto it = overrides.find(f.id); it != overrides.end()) f.severity = it->second;
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
