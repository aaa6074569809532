#pragma once
// What the model "says" on /v1/messages: content blocks (thinking, text, tool_use), the
// stop_reason and usage (reference messages.md §5), a pure function of the request.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "mock/messages/messages_request.h"

namespace siraya::mock::messages {

enum class BlockType { thinking, text, tool_use };

struct Block {
  BlockType type = BlockType::text;
  std::string text;       // text, or the thinking text
  std::string signature;  // thinking
  std::string id;         // tool_use: "toolu_01..."
  std::string name;       // tool_use
  std::string input;      // tool_use: the input object as compact JSON text
};

struct MessageAnswer {
  std::vector<Block> content;  // may be empty (max_tokens reached at once, §5)
  std::string stop_reason;     // end_turn | max_tokens | stop_sequence | tool_use (§5.1)
  std::optional<std::string> stop_sequence;
  std::int64_t output_tokens = 0;
};

// Text is cut by the earliest stop sequence (not included) or by max_tokens, whichever comes
// first; a prefill is continued, never echoed. With thinking enabled a thinking block with a
// signature comes first and its tokens count towards output_tokens.
MessageAnswer answer(const MessagesRequest& request);

}  // namespace siraya::mock::messages
