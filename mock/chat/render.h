#pragma once
// Wire forms of a chat completion: the JSON body (chat-completions.md §6) and the SSE chunk
// stream (§8), built from the same answers so that streamed deltas concatenate to the body's.
#include <cstdint>
#include <string>
#include <vector>

#include "mock/chat/answer.h"

namespace siraya::mock::chat {

struct CompletionMeta {
  std::string id;  // "chatcmpl-..."; the same on every chunk
  std::int64_t created = 0;
  std::string model;
  std::int64_t prompt_tokens = 0;
};

std::string render_body(const CompletionMeta& meta, const std::vector<Answer>& answers);

// Encoded SSE frames (data-only, §8.1), ending with "data: [DONE]". Per choice, one after the
// other: role chunk, content or tool-call deltas (§8.4: id/type/name first, then argument
// fragments), final chunk with finish_reason; then the usage chunk when `include_usage` (§8.5,
// and every other chunk then carries "usage": null).
std::vector<std::string> render_stream(const CompletionMeta& meta, const std::vector<Answer>& answers,
                                       bool include_usage);

// Pieces of `text` for content deltas: each word with the white space before it.
std::vector<std::string> split_words(const std::string& text);

}  // namespace siraya::mock::chat
