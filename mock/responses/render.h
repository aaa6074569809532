#pragma once
// Wire forms of a Response (reference responses.md): the JSON body (§5) and the SSE event stream
// (§6), both built from the same Output so that streamed deltas concatenate to the body's text
// and arguments, and the final response.completed / response.incomplete snapshot equals the body.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "mock/chat/answer.h"

namespace siraya::mock::responses {

struct ResponseMeta {
  std::string id;            // "resp_..."
  std::int64_t created_at = 0;
  std::string model;
  std::int64_t input_tokens = 0;
  std::string message_id;    // "msg_..." for the message item
  std::string reasoning_id;  // "rs_..." for the reasoning item
  std::vector<std::string> call_item_ids;  // "fc_..." per tool call of the answer
};

struct Output {
  std::optional<std::string> reasoning_summary;  // a reasoning item precedes the answer
  std::int64_t reasoning_tokens = 0;  // hidden reasoning (its summary included); inside output_tokens
  chat::Answer answer;  // finish_reason "length" makes the response incomplete (max_output_tokens)
};

// `echo` is ResponsesRequest::echo.
std::string render_body(const ResponseMeta& meta, const nlohmann::ordered_json& echo, const Output& output);

// Encoded SSE frames with `event:` lines equal to each type and sequence_number 0, 1, 2, ...:
// response.created, response.in_progress, the items one at a time (§6.3), response.completed or
// response.incomplete, then "data: [DONE]". A background request (echo "background": true) gets
// response.created and response.queued with status "queued" before response.in_progress.
std::vector<std::string> render_stream(const ResponseMeta& meta, const nlohmann::ordered_json& echo, const Output& output);

}  // namespace siraya::mock::responses
