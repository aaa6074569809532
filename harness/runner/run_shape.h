#pragma once
// The normalised shape of an answer: what two answers to the same request are expected to share
// although their ids, timestamps, request ids, generated text and token counts differ. Only the
// fields below are kept; everything else of the body and the stream is left out, so those values
// can never make two shapes differ. Used by --parity (a request against itself with "stream"
// flipped, harness/runner/parity.h) and --compare-with (the same request against two targets,
// harness/runner/differential.h).
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/endpoints.h"
#include "core/sse/event.h"

namespace siraya::harness {

struct StepVerdict;

// A value of the final object and the JSON Pointer it was found at.
struct PointedValue {
  std::string pointer;  // "/choices/0/finish_reason"
  std::string value;
  bool operator==(const PointedValue&) const = default;
};

// What a final object (a buffered body, or the object a stream adds up to) says about its
// model, its ending and its tool calls.
struct AnswerShape {
  std::string model;
  // chat: each choice's finish_reason; responses: status; messages: stop_reason.
  std::vector<PointedValue> endings;
  // The names of the tools called, in call order (chat: choice by choice).
  std::vector<PointedValue> tools;
  std::string incomplete_reason;  // responses: incomplete_details.reason ("max_output_tokens")
};

// `endpoint` is the endpoint table's name ("chat_completions", "responses", "messages"); other
// endpoints have a model only.
AnswerShape answer_shape(std::string_view endpoint, const nlohmann::json& final_object);

// The ordered event kinds of a stream: Responses and Messages event types, chat chunk kinds
// (harness/coverage/stream_kinds.h: role, content, tool_calls, finish, usage, error; a chunk
// carrying several counts as each in turn), "[DONE]" for the sentinel and "(not JSON)" for data
// that does not parse. Each run of one kind is collapsed into one entry, so streams that cut
// the same answer into a different number of deltas have the same shape.
std::vector<std::string> event_shape(core::StreamDialect dialect, const std::vector<core::sse::Event>& events);

// The shape of one step's response.
struct StepShape {
  int status = 0;
  bool streamed = false;            // the step was judged as a stream
  std::vector<std::string> events;  // event_shape; empty for a body
  AnswerShape answer;               // empty unless the answer was 2xx and judged
};

StepShape step_shape(std::string_view endpoint, int status, const StepVerdict& verdict);

// "a, b, c"; "none" for no values.
std::string join_values(const std::vector<PointedValue>& values);

// The same values in the same order, wherever they were found (a tool call after a text item in
// one answer and first in the other is the same call).
bool same_values(const std::vector<PointedValue>& a, const std::vector<PointedValue>& b);

}  // namespace siraya::harness
