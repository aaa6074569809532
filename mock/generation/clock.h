#pragma once
// The time stamped into generated objects (`created` of chat completions, `created_at` /
// `completed_at` of responses; reference README §7). With a fixed clock (--clock) every
// timestamp is that value, so a whole body or stream is a pure function of (seed, request);
// without it, timestamps are the real time and nothing else generated depends on them.
#include <cstdint>
#include <optional>

namespace siraya::mock::generation {

// Unix seconds: `fixed` when set, else the system clock.
std::int64_t unix_seconds(std::optional<std::int64_t> fixed);

}  // namespace siraya::mock::generation
