#pragma once
// JSON Pointer (RFC 6901) helpers for the schema registry. Private to core/schema/.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace siraya::core::schema::detail {

using Tokens = std::vector<std::string>;

// One reference token escaped per RFC 6901 §3 ("~" -> "~0", "/" -> "~1").
std::string escape_token(std::string_view token);
// "/a/b~1c" from {"a", "b/c"}; "" for no tokens (the whole document).
std::string join_pointer(const Tokens& tokens);
// Splits a pointer into unescaped tokens; nullopt when it does not start with "/" (and is not
// empty) or holds a "~" not followed by 0 or 1.
std::optional<Tokens> split_pointer(std::string_view pointer);
// Decodes %XX escapes of a URI fragment (RFC 3986 §2.1); nullopt on a malformed escape.
std::optional<std::string> percent_decode(std::string_view text);
// The node at `tokens`, or nullptr. Array tokens must be canonical decimal indices.
const nlohmann::json* find_node(const nlohmann::json& doc, const Tokens& tokens);

// valijson reports where a violation is as a context path such as {"<root>", "[choices]",
// "[0]"}, which cannot tell an array index from a member named "0". Resolves it against the
// instance into pointer tokens (members of objects, indices of arrays).
Tokens context_tokens(const std::vector<std::string>& context, const nlohmann::json& instance);

}  // namespace siraya::core::schema::detail
