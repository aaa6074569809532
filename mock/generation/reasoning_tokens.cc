#include "mock/generation/reasoning_tokens.h"

#include <algorithm>

#include "mock/generation/hash.h"
#include "mock/json_fields.h"

namespace siraya::mock::generation {

bool asks_for_reasoning(const nlohmann::json& body) {
  if (const nlohmann::json* effort = field(body, "reasoning_effort")) return *effort != "none";
  const nlohmann::json* reasoning = field(body, "reasoning");
  if (!reasoning) return false;
  if (const nlohmann::json* enabled = field(*reasoning, "enabled"); enabled && *enabled == false) return false;
  const nlohmann::json* effort = field(*reasoning, "effort");
  return !effort || *effort != "none";
}

OutputSplit split_output_limit(std::optional<std::int64_t> limit) {
  if (!limit) return {};
  const std::int64_t reasoning = std::max<std::int64_t>(0, *limit / 2);
  return {reasoning, *limit - reasoning};
}

std::int64_t draw_reasoning_tokens(std::uint64_t content_hash, std::size_t choice, std::optional<std::int64_t> cap) {
  Rng rng(mix64(content_hash ^ 0x726561736f6eull ^ mix64(choice + 1)));
  const std::int64_t tokens = rng.between(16, 160);
  return cap ? std::min(tokens, std::max<std::int64_t>(0, *cap)) : tokens;
}

}  // namespace siraya::mock::generation
