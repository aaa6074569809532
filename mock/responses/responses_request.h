#pragma once
// A POST /v1/responses request (reference responses.md §1-§4): the checks that produce a 400 with
// a precise `param`, and the validated request reduced to what generation and rendering need.
#include <cstdint>
#include <optional>

#include <nlohmann/json.hpp>

#include "mock/catalog.h"
#include "mock/chat/chat_request.h"
#include "mock/errors.h"

namespace siraya::mock::responses {

struct ResponsesRequest {
  // What the model is asked for, in the chat generator's terms (tools, tool_choice, format, the
  // max_output_tokens limit, prompt tokens and the content hash).
  chat::ChatRequest generation;
  bool stream = false;
  // reasoning.summary was requested: the answer starts with a reasoning item carrying a summary.
  bool reasoning_summary = false;
  // The request fields a Response object echoes (responses.md §5.1), already in response form:
  // instructions, tools, tool_choice, parallel_tool_calls, truncation, text, reasoning,
  // temperature, top_p, ... keyed by their response names.
  nlohmann::ordered_json echo;
};

// Checks that need more than the request schema (responses/responses_request.json): required
// fields with their param, the model, function_call_output call ids, attachments
// (mock/responses/attachments.h), tool_choice naming a declared tool, the stateless gateway's
// previous_response_id. Runs before the schema check, which catches
// the remaining shape errors; it therefore never assumes more than it has checked itself.
std::optional<ApiError> validate_request(const nlohmann::json& body, const Catalog& catalog);

// `body` must have passed validate_request and the schema.
ResponsesRequest read_request(const nlohmann::json& body, std::uint64_t seed);

}  // namespace siraya::mock::responses
