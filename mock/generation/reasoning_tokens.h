#pragma once
// Hidden reasoning of a reasoning model (catalog supported_parameters has "reasoning"): the tokens
// it spends before answering, which usage reports inside the output tokens
// (chat-completions.md §5 completion_tokens_details.reasoning_tokens, responses.md §5.1
// output_tokens_details.reasoning_tokens). One draw for both dialects, so they agree.
#include <cstddef>
#include <cstdint>
#include <optional>

#include <nlohmann/json.hpp>

namespace siraya::mock::generation {

// Whether a request body turns reasoning on: `reasoning_effort` other than "none" (chat), or a
// `reasoning` object whose `enabled` is not false and whose `effort` is absent or not "none"
// (chat-completions.md §1, responses.md §1).
bool asks_for_reasoning(const nlohmann::json& body);

// An output limit (chat max_tokens / max_completion_tokens, responses max_output_tokens) shared
// between reasoning and the visible answer, since the limit bounds both together: reasoning may
// spend at most half of it (rounded down), the answer gets the rest. No limit: neither is capped.
struct OutputSplit {
  std::optional<std::int64_t> reasoning_cap;
  std::optional<std::int64_t> visible_limit;
};
OutputSplit split_output_limit(std::optional<std::int64_t> limit);

// The hidden reasoning tokens of choice `choice` (0 for dialects without choices): drawn from
// [16, 160] by the request's content hash, then capped by `cap`.
std::int64_t draw_reasoning_tokens(std::uint64_t content_hash, std::size_t choice, std::optional<std::int64_t> cap);

}  // namespace siraya::mock::generation
