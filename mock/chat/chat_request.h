#pragma once
// A validated chat completions request, reduced to what generation needs (chat-completions.md).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace siraya::mock::chat {

struct Tool {
  std::string name;
  nlohmann::json parameters;  // JSON Schema; {"type":"object"} when omitted
};

enum class ToolChoice { none, automatic, required, named };
enum class OutputFormat { text, json_object, json_schema };

struct ChatRequest {
  std::string model;
  bool stream = false;
  bool include_usage = false;                // stream_options.include_usage
  std::optional<std::int64_t> max_tokens;    // the smaller of max_tokens / max_completion_tokens
  std::vector<std::string> stop;
  int n = 1;
  std::vector<Tool> tools;
  ToolChoice tool_choice = ToolChoice::none;
  std::string tool_choice_name;              // ToolChoice::named
  // More than one tool call allowed in one answer: chat and responses `parallel_tool_calls`
  // (default true), messages `tool_choice.disable_parallel_tool_use` false.
  bool parallel_tool_calls = true;
  OutputFormat format = OutputFormat::text;
  nlohmann::json format_schema;              // OutputFormat::json_schema
  std::optional<std::string> prefill;        // text of a final assistant message (§2.2)
  std::string last_user_text;                // text of the last message when it is a user message
  // What the answer text is about (docs/generated-text.md): the text of the latest user message
  // that has any.
  std::string question_text;
  // The input ends with tool results (chat `tool` messages, responses function_call_output items,
  // a messages user turn with tool_result blocks): "auto" then answers in text, so agent loops end.
  bool after_tool_result = false;
  std::string tool_result_text;              // the text of those trailing results
  std::int64_t prompt_tokens = 0;
  // Hash of (the mock's seed, model, messages, tools, tool_choice, response_format, the request's
  // `seed` parameter on chat): everything generated derives from it, so the same request gives the
  // same answer, streamed or not, whatever its max_tokens / stop (which only cut the answer).
  std::uint64_t content_hash = 0;
};

// `body` must have passed validate_request.
ChatRequest read_request(const nlohmann::json& body, std::uint64_t seed);

// The text of a message's content: the string, or its text parts joined with "\n".
std::string content_text(const nlohmann::json& message);

}  // namespace siraya::mock::chat
