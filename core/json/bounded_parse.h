#pragma once
// JSON from outside (request bodies, response bodies, stream events) is parsed through here:
// nlohmann's parser is iterative, but serialising, validating, copying and comparing a value all
// recurse once per nesting level, so a body nested 100,000 levels deep overflows a thread's stack
// later on. Text nested deeper than kMaxJsonNesting is refused before it is parsed.
#include <cstddef>
#include <string_view>

#include <nlohmann/json.hpp>

namespace siraya::core::json {

// Far beyond any real request or response (tool schemas nest a few levels), far below a stack.
inline constexpr std::size_t kMaxJsonNesting = 128;

// The deepest nesting of arrays and objects in `text` (brackets inside strings do not count),
// scanning no further than the first point where it exceeds `limit` (then limit + 1).
std::size_t nesting_depth(std::string_view text, std::size_t limit = kMaxJsonNesting);

inline bool too_deep(std::string_view text) { return nesting_depth(text) > kMaxJsonNesting; }

// nlohmann::json::parse without exceptions; a discarded value for text that is not JSON or is
// nested deeper than kMaxJsonNesting (tell them apart with too_deep()).
nlohmann::json parse_bounded(std::string_view text);

}  // namespace siraya::core::json
