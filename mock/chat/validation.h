#pragma once
// Checks on a chat completions request body (chat-completions.md §1-§4) that produce precise
// `param` paths and plain-language messages, including the semantic rules no JSON Schema can
// express: the model exists and is a chat model, top_logprobs needs logprobs, a tool message
// answers a preceding assistant tool call, tool_choice names a declared tool. The request schema
// (chat/chat_request.json) is applied after these as a backstop.
#include <optional>

#include <nlohmann/json.hpp>

#include "mock/catalog.h"
#include "mock/errors.h"

namespace siraya::mock::chat {

// The most choices one request may ask for (`n`); the reference leaves n > 1 unverified.
inline constexpr int kMaxChoices = 8;

std::optional<ApiError> validate_request(const nlohmann::json& body, const Catalog& catalog);

// messages[] alone (chat-completions.md §2); part of validate_request.
std::optional<ApiError> validate_messages(const nlohmann::json& messages);

}  // namespace siraya::mock::chat
