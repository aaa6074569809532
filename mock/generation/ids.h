#pragma once
// Deterministic identifiers ("chatcmpl-...", "call_...", request ids).
#include <cstddef>
#include <string>
#include <string_view>

#include "mock/generation/hash.h"

namespace siraya::mock::generation {

inline constexpr std::string_view kAlphanumeric =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
inline constexpr std::string_view kHex = "0123456789abcdef";

// `prefix` followed by `n` characters drawn from `alphabet` with `rng`.
std::string make_id(std::string_view prefix, Rng& rng, std::size_t n,
                    std::string_view alphabet = kAlphanumeric);

}  // namespace siraya::mock::generation
