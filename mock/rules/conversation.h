#pragma once
// The request reduced to what rules match on, the same for the three generative dialects
// (docs/rules.md, "What the conditions see"). Built from the raw body without trusting it: a body
// that is not the expected shape yields empty fields, and the endpoint reports the 400 later.
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace siraya::mock::rules {

struct ToolResult {
  std::string name;  // the tool called, found through the call id; empty when unknown
  std::string content;
};

struct Conversation {
  std::string model;
  bool stream = false;
  // The text of the last user message that has text. Tool results are not user text (even when
  // Anthropic carries them in a user message), and system / developer messages are skipped
  // wherever they are, so trailing system reminders do not hide the user's request.
  std::string last_user_text;
  // The tool results after the last assistant message (the results the model must answer now).
  std::vector<ToolResult> tool_results;
  std::vector<std::string> tools;  // names of the offered tools
  int assistant_turns = 0;         // assistant messages (chat, messages) or assistant items (responses)
};

// `endpoint` is a core::Endpoint name: chat_completions, responses or messages; other endpoints
// give a conversation with only `model` and `stream`.
Conversation read_conversation(std::string_view endpoint, const nlohmann::json& body);

}  // namespace siraya::mock::rules
