#pragma once
// Per-request seed: the x-siraya-seed header overrides the server's --seed for one request, so a
// client can pin (or vary) generated content without restarting the mock (docs/determinism.md).
#include <cstdint>
#include <optional>
#include <string_view>

#include "mock/errors.h"
#include "mock/http/request.h"

namespace siraya::mock {

inline constexpr std::string_view kSeedHeader = "x-siraya-seed";

// Sets `seed` to the header's value when the request carries one, else to `fallback`. The value
// must be a decimal integer in [0, 2^64) with no sign or spaces around it; anything else is a 400
// whose message and param name the header.
std::optional<ApiError> read_request_seed(const Request& request, std::uint64_t fallback, std::uint64_t& seed);

}  // namespace siraya::mock
