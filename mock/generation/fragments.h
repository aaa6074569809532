#pragma once
// Splitting generated text into stream fragments.
#include <cstddef>
#include <string>
#include <vector>

namespace siraya::mock::generation {

// Pieces of at most `size` bytes (at least one byte each) that never split a UTF-8 sequence; a
// piece is longer than `size` only when one character is (it is then that whole character).
// Every prefix of JSON text is a valid JSON prefix, which is all the SDKs' partial parsers need
// (chat-completions.md §9, messages.md §7.2), so tool arguments can be cut anywhere else.
std::vector<std::string> utf8_fragments(const std::string& text, std::size_t size);

// Tool-call arguments as streamed deltas: utf8_fragments of at most `size` bytes, made smaller for
// short text so that anything of two or more characters (every JSON object, even "{}") arrives in
// at least two fragments, as a client's accumulation of argument deltas must be exercised
// (issue 3 item 3: "streamed arguments arrive in several fragments").
std::vector<std::string> argument_fragments(const std::string& text, std::size_t size);

}  // namespace siraya::mock::generation
