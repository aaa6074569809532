#pragma once
// SSE encoder: the framing every siraya-mock stream uses (reference README §5): an optional
// `event:` line, one `data:` line per line of data (callers pass single-line JSON), a blank line,
// `\n` line ends. Each encoded event is meant to be written in one write.
#include <string>
#include <string_view>

namespace siraya::core::sse {

// "event: <type>\ndata: <data>\n\n" (no event line when type is empty).
std::string encode(std::string_view data, std::string_view type = {});
// ": <text>\n\n", a comment used as a keep-alive.
std::string encode_comment(std::string_view text);

inline constexpr std::string_view kDone = "[DONE]";

}  // namespace siraya::core::sse
