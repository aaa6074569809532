#pragma once
// What the model "says": one answer per requested choice, a pure function of the request
// (ChatRequest::content_hash) and the choice index.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "mock/chat/chat_request.h"

namespace siraya::mock::chat {

struct ToolCall {
  std::string id;         // "call_" + 24 characters
  std::string name;
  std::string arguments;  // JSON text
};

struct Answer {
  std::optional<std::string> content;  // null when the answer is tool calls only
  std::vector<ToolCall> tool_calls;
  std::string finish_reason;           // stop | length | tool_calls (chat-completions.md §7)
  std::int64_t completion_tokens = 0;  // reasoning_tokens included
  std::int64_t reasoning_tokens = 0;   // hidden reasoning of a reasoning model (chat dialect only)
};

// request.n answers. Text is cut by stop sequences (not included, finish "stop") and by the
// token limit (finish "length"), whichever comes first; a prefill is continued, never echoed.
std::vector<Answer> answer(const ChatRequest& request);

}  // namespace siraya::mock::chat
