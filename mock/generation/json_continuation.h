#pragma once
// Continuing an assistant prefill that starts a JSON document (chat-completions.md §2.2,
// messages.md prefill): `{"city": "` is continued with `Paris"}` rather than with prose. Best effort
// (docs/generated-text.md): the continuation closes what is open, it does not know the schema.
#include <optional>
#include <string>
#include <string_view>

namespace siraya::mock::generation {

// The text that, appended to `prefix`, makes it one complete JSON value: an open string gets
// `value` (when nothing of it was written yet) and its closing quote, a key its `: "value"`, an
// expected value `"value"`, a cut literal its rest (`tr` -> `ue`), and every open array and object
// its closing bracket, innermost first. `value` must need no escaping. Empty when `prefix` already
// is a complete value; nullopt when `prefix` is not the beginning of one JSON value (so the caller
// writes prose instead).
std::optional<std::string> continue_json(std::string_view prefix, std::string_view value);

}  // namespace siraya::mock::generation
