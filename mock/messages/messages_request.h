#pragma once
// A POST /v1/messages request (reference messages.md §2-§4): the checks that produce a 400 with a
// precise `param`, and the validated request reduced to what generation and rendering need.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "mock/catalog.h"
#include "mock/chat/chat_request.h"
#include "mock/errors.h"

namespace siraya::mock::messages {

struct MessagesRequest {
  // What the model is asked for, in the chat generator's terms. Its max_tokens and stop are left
  // empty: the Messages answer applies max_tokens and stop_sequences itself, because it must
  // report which stop sequence matched (messages.md §5.1).
  chat::ChatRequest generation;
  std::int64_t max_tokens = 1;
  std::vector<std::string> stop_sequences;
  bool stream = false;
  std::optional<std::int64_t> thinking_budget;  // thinking {type: enabled, budget_tokens}
};

// Checks that need more than the request schema (messages/messages_request.json): required fields
// with their param (max_tokens, messages), the model, the turn rules of §3 (first turn from the
// user, tool_use only from the assistant, tool_result answering a tool_use of the preceding
// assistant turn), image and document blocks (mock/messages/attachments.h), tool_choice naming a
// declared tool, the thinking budget. Runs before the schema check and never assumes more than it
// has checked itself.
std::optional<ApiError> validate_request(const nlohmann::json& body, const Catalog& catalog);

// `body` must have passed validate_request and the schema.
MessagesRequest read_request(const nlohmann::json& body, std::uint64_t seed);

}  // namespace siraya::mock::messages
